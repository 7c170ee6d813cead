// The semantic model: scopes, bindings and references of one file, as pyflakes and Ruff see them.
//
// It is built in two steps. During the engine's single walk, SemanticBuilder turns each node
// into events (bind a name, load a name, delete, declare global...) recorded in execution order
// per "unit": the module body, and each function or lambda body, whose execution is deferred.
// After the walk, resolve() replays the units in the order Ruff visits them (the module, then
// function bodies breadth-first, then lambdas, then deferred annotations), so a function body sees
// every binding its enclosing scopes ever make (late binding) while module code sees only those
// made before it. The result is read-only and lives as long as the file's tree.
#pragma once

#include <tree_sitter/api.h>

#include <cstdint>
#include <deque>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

namespace lint {

// The Python 3 versions lint can target (`target-version` py37 to py314), as minor numbers;
// the default is Ruff's, 3.11.
constexpr int kMinTargetMinor = 7;
constexpr int kMaxTargetMinor = 14;
constexpr int kDefaultTargetMinor = 11;

enum class ScopeKind : uint8_t { Module, Class, Function, Lambda, Comprehension, TypeParams };

enum class BindingKind : uint8_t {
  Import,              // import a / import a.b as c
  SubmoduleImport,     // import a.b (binds `a`)
  FromImport,          // from m import x [as y]
  FutureImport,        // from __future__ import x
  StarImport,          // from m import * (binds nothing by name; recorded on the scope)
  Assignment,          // x = ..., (a, b) = ..., *rest
  AnnotatedAssignment, // x: T = ...
  Annotation,          // x: T (no value)
  AugmentedAssignment, // x += ...
  NamedExpr,           // (x := ...)
  LoopVar,             // for x in ...
  WithItem,            // with ... as x
  ExceptHandler,       // except E as x
  Argument,            // def f(x), lambda x: ...
  Function,            // def x
  Class,               // class x
  Global,              // global x (in a function)
  Nonlocal,            // nonlocal x
  MatchCapture,        // case [x, *y] / case ... as x
  TypeParam,           // def f[T]()
  TypeAlias,           // type X = ...
  ComprehensionVar,    // [... for x in ...]
  Deletion,            // del x
  Builtin,
};

bool is_import(BindingKind k);

// Binding flags.
enum : uint32_t {
  kUnpacked = 1u << 0,        // bound by tuple/list unpacking
  kGlobalName = 1u << 1,      // the name was declared global in the scope that assigned it
  kNonlocalName = 1u << 2,    // ... or nonlocal
  kExported = 1u << 3,        // named in the module's __all__, or imported as itself (`import a as a`)
  kTypeChecking = 1u << 4,    // inside `if TYPE_CHECKING:`
  kInExceptHandler = 1u << 5, // inside an except handler
  kStarTarget = 1u << 6,      // the starred part of an unpacking
  kInTry = 1u << 7,           // inside a try body whose handlers catch ImportError
  kAnnotationLoad = 1u << 8,  // reference: inside a type annotation
  kInDunderAll = 1u << 9,     // reference: a string in __all__
  kRedefinedInBranch = 1u << 10,
  kInNameErrorTry = 1u << 11, // reference: inside a try that handles NameError
  kConditional = 1u << 12,
  kAfterDeletion = 1u << 13,  // reference: the name was deleted (`del x`) in the scope that resolved it
  // The binding an except handler's name shadowed, current again after the handler: Ruff's
  // scope holds the handler's unbinding instead, so F841 does not see it as the last binding.
  kBehindHandler = 1u << 14,
  // A binding that a nested scope declares `nonlocal` (and so may assign).
  kReboundNonlocal = 1u << 15,
};

struct Binding {
  std::string_view name;
  BindingKind kind = BindingKind::Assignment;
  uint32_t scope = 0;
  uint32_t start = 0, end = 0;      // the bound name (or the import alias)
  uint32_t stmt_start = 0;          // start of the statement that binds it
  uint32_t flags = 0;
  uint32_t branch = 0;              // see SemanticModel::same_branch
  std::string qualified_name;       // imports: the module or member it refers to ("os.path")
  int32_t shadows = -1;             // the binding this one replaced, in this or an enclosing scope
  bool shadows_same_scope = false;
  uint32_t uses = 0;                // references resolved to it (loads, del, __all__)
  int32_t used_from_scope = -1;     // the scope of its first reference
  uint32_t first_use = 0;           // byte offset of its first reference
  TSNode node{};                    // the defining statement (import, def, assignment...)
};

struct Reference {
  std::string_view name;
  uint32_t scope = 0;
  uint32_t start = 0, end = 0;
  int32_t binding = -1;  // -1: unresolved
  uint32_t flags = 0;
  bool builtin = false;
};

struct Scope {
  ScopeKind kind = ScopeKind::Module;
  int32_t parent = -1;
  TSNode node{};
  std::unordered_map<std::string_view, uint32_t> names;  // name -> its current binding
  std::vector<uint32_t> bindings;                        // every binding made here, in order
  std::vector<std::string_view> globals, nonlocals;
  bool uses_locals = false;   // calls locals() (functions)
  bool star_import = false;   // from m import * here
};

// A name that did not resolve: F821 (or F405 when a star import could define it).
struct Unresolved {
  std::string_view name;
  uint32_t scope = 0;
  uint32_t start = 0, end = 0;
  uint32_t flags = 0;
  bool star_import_in_scope = false;
  bool annotated_in_scope = false;  // the reading scope has `name: T` without a value
  // The function's `name: T` (without a value) that the read stopped at, or -1.
  int32_t annotation = -1;
};

// F823: a local name read before the function assigns it, while an enclosing scope binds it.
struct LocalBeforeAssignment {
  std::string_view name;
  uint32_t start = 0, end = 0;  // the read
};

// An entry of the module's __all__: the names of every `__all__ = ...` and `__all__ += ...` at
// module level, whichever branch runs (as Ruff reads every `__all__` binding).
struct ExportName {
  std::string_view name;
  uint32_t start = 0, end = 0;  // the string literal
  // Added by `__all__.extend(...)` / `.append(...)`. Ruff's rules count only `__all__ = ...` and
  // `__all__ += ...` as exports, so F401 and F822 ignore these.
  bool mutation = false;
  // Where the `__all__` it was added by is written (Ruff's "parent" of F822 and F405: a
  // `# noqa` on that line covers the names of a multi-line `__all__`).
  uint32_t definition = 0;
};

class SemanticModel {
 public:
  std::vector<Scope> scopes;  // scopes[0] is the module
  std::vector<Binding> bindings;
  std::vector<Reference> references;
  std::vector<Unresolved> unresolved;
  std::vector<LocalBeforeAssignment> locals_before_assignment;
  std::vector<ExportName> exports;
  bool has_dunder_all = false;
  bool future_annotations = false;
  bool is_stub = false;
  bool is_package_init = false;
  bool is_notebook = false;  // IPython's `display`, `get_ipython` and `__IPYTHON__` are builtins
  int target_minor = kDefaultTargetMinor;  // builtins are those of Python 3.<target_minor>
  // `typing-modules`: modules whose members count as typing's, besides typing's own.
  std::vector<std::string> configured_typing_modules;
  // Names that NFKC normalisation changed (`𝒞` is bound as `C`, as Python binds it); bindings
  // and references view into it.
  std::deque<std::string> normalized_names;

  // Whether two bindings sit in the same branch (arm of an if/try/match, or none), as Ruff judges it.
  bool same_branch(const Binding& a, const Binding& b) const;

  // The binding an identifier (or the head of an attribute chain) refers to, if resolved.
  const Binding* binding_at(uint32_t start_byte) const;
  // The reference made by the name that starts at the byte (the last one made there), or null.
  const Reference* reference_at(uint32_t start_byte) const;
  // The fully qualified name of a name or attribute chain: `p.join` after `import os.path as p`
  // is "os.path.join"; builtins are "builtins.name"; "" when it does not come from an import or
  // a builtin.
  std::string qualified_name(TSNode expr, std::string_view source) const;

  // Whether a qualified name is typing's `member` ("typing.overload" for "overload"): from
  // `typing`, `typing_extensions`, `_typeshed` or a module of `typing-modules`, as Ruff's
  // match_typing_qualified_name. Every "is this typing's X" question goes through here.
  bool is_typing_member(std::string_view qualified, std::string_view member) const;
  // Whether `module` is one whose members are typing's (see is_typing_member).
  bool is_typing_module(std::string_view module) const;

  // The innermost scope whose node contains the byte (for rules and the Python API).
  uint32_t scope_at(uint32_t byte) const;

  // Branch structure: parent of each branch id (0 is the root).
  std::vector<uint32_t> branch_parent{0};
  std::vector<uint32_t> branch_fork;  // the if/try/match statement (fork id) a branch belongs to
  // Fills reference_starts from references (the resolver calls it once they are all made).
  void index_references();
  // References by where they start (see reference_at): open addressing with linear probing,
  // 8 bytes a slot and 1.5 slots a reference, where a node-based hash map took about 24 bytes a
  // reference and, on dense code, was a sixth of the model at its peak.
  struct ReferenceStart {
    uint32_t start_plus_one = 0;  // 0: an empty slot
    uint32_t reference = 0;
  };
  std::vector<ReferenceStart> reference_starts;
};

// Builds the model from the walk; see the comment at the top of this file.
class SemanticBuilder {
 public:
  SemanticBuilder(std::string_view source, std::string_view path);
  ~SemanticBuilder();
  // Builtins are those of Python 3.<minor> (default: kDefaultTargetMinor). Call before the walk.
  void set_target_minor(int minor);
  void set_notebook(bool notebook);
  // `typing-modules` (see SemanticModel::is_typing_member). Call before the walk.
  void set_typing_modules(const std::vector<std::string>& modules);
  // `cursor` stands on `node` (the builder reads its field in the parent only where it matters).
  void enter(TSNode node, const TSTreeCursor& cursor);
  void leave(TSNode node);
  // Replays the recorded events and returns the finished model.
  std::unique_ptr<SemanticModel> resolve();

  struct Impl;

 private:
  std::unique_ptr<Impl> impl_;
};

// Whether `name` is a builtin of Python 3.<minor>.
bool is_python_builtin(std::string_view name, int minor = kDefaultTargetMinor);
// The minor version that added a builtin (10 for `aiter`), or 0 for a builtin of every Python 3
// version lint targets and for a name that is no builtin at all.
int builtin_added_in(std::string_view name);

}  // namespace lint
