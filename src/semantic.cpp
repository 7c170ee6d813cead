#include "semantic.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <deque>
#include <unordered_set>

#include "node.h"
#include "syntax.h"

namespace lint {

bool is_import(BindingKind k) {
  return k == BindingKind::Import || k == BindingKind::SubmoduleImport || k == BindingKind::FromImport ||
         k == BindingKind::FutureImport;
}

bool is_module_magic(std::string_view name);

namespace {
bool is_generic_form_name(std::string_view n);
}  // namespace

namespace {

// Every Python 3 builtin; those added after 3.7 are listed in kVersionedBuiltins too.
constexpr std::array kBuiltins = {
    "ArithmeticError", "AssertionError", "AttributeError", "BaseException", "BaseExceptionGroup",
    "BlockingIOError", "BrokenPipeError", "BufferError", "BytesWarning", "ChildProcessError",
    "ConnectionAbortedError", "ConnectionError", "ConnectionRefusedError", "ConnectionResetError",
    "DeprecationWarning", "EOFError", "Ellipsis", "EncodingWarning", "EnvironmentError", "Exception",
    "ExceptionGroup", "False", "FileExistsError", "FileNotFoundError", "FloatingPointError", "FutureWarning",
    "GeneratorExit", "IOError", "ImportError", "ImportWarning", "IndentationError", "IndexError",
    "InterruptedError", "IsADirectoryError", "KeyError", "KeyboardInterrupt", "LookupError", "MemoryError",
    "ModuleNotFoundError", "NameError", "None", "NotADirectoryError", "NotImplemented", "NotImplementedError",
    "OSError", "OverflowError", "PendingDeprecationWarning", "PermissionError", "ProcessLookupError",
    "PythonFinalizationError",
    "RecursionError", "ReferenceError", "ResourceWarning", "RuntimeError", "RuntimeWarning",
    "StopAsyncIteration", "StopIteration", "SyntaxError", "SyntaxWarning", "SystemError", "SystemExit",
    "TabError", "TimeoutError", "True", "TypeError", "UnboundLocalError", "UnicodeDecodeError",
    "UnicodeEncodeError", "UnicodeError", "UnicodeTranslateError", "UnicodeWarning", "UserWarning",
    "ValueError", "Warning", "WindowsError", "ZeroDivisionError", "__build_class__", "__debug__", "__doc__",
    "__import__", "__loader__", "__name__", "__package__", "__spec__", "abs", "aiter", "all", "anext", "any",
    "ascii", "bin", "bool", "breakpoint", "bytearray", "bytes", "callable", "chr", "classmethod", "compile",
    "complex", "copyright", "credits", "delattr", "dict", "dir", "divmod", "enumerate", "eval", "exec", "exit",
    "filter", "float", "format", "frozenset", "getattr", "globals", "hasattr", "hash", "help", "hex", "id",
    "input", "int", "isinstance", "issubclass", "iter", "len", "license", "list", "locals", "map", "max",
    "memoryview", "min", "next", "object", "oct", "open", "ord", "pow", "print", "property", "quit", "range",
    "repr", "reversed", "round", "set", "setattr", "slice", "sorted", "staticmethod", "str", "sum", "super",
    "tuple", "type", "vars", "zip",
    // Module attributes every module has (Ruff's "magic globals").
    "__annotations__", "__builtins__", "__cached__", "__file__",
};

// Builtins that appeared after Python 3.7, with the minor version that added them (as Ruff has them).
constexpr std::pair<std::string_view, int> kVersionedBuiltins[] = {
    {"aiter", 10},          {"anext", 10},          {"EncodingWarning", 10},
    {"BaseExceptionGroup", 11}, {"ExceptionGroup", 11}, {"PythonFinalizationError", 13},
};

// Node kinds the builder treats specially.
enum class K : uint8_t {
  Other, Module, Identifier, Attribute, Subscript, Call, KeywordArgument,
  Import, ImportFrom, FutureImport, Global, Nonlocal, Delete,
  Function, Class, Lambda, Decorated, Parameters, LambdaParameters, DefaultParameter, TypedParameter,
  TypedDefaultParameter, ListSplatPattern, DictSplatPattern,
  Assignment, AugAssignment, For, While, With, WithItem, AsPattern, AsPatternTarget, Try, Except, ExceptGroup,
  Else, Finally, If, Elif, Match, Case, CasePattern, DottedName, SplatPattern, KeywordPattern, ClassPattern,
  DictPattern, NamedExpr, ListComp, SetComp, DictComp, GenExpr, ForIn, IfClause,
  Tuple, List, PatternList, TuplePattern, ListPattern, Parenthesized, ListSplat, ExpressionList,
  Type, TypeParameter, TypeAlias, GenericType, ConstrainedType, SplatType, String, ConcatenatedString,
  Interpolation, Block, ExpressionStatement, Comment, Decorator,
};

struct Symbols {
  std::vector<K> kind_of;
  TSFieldId f_name, f_alias, f_value, f_left, f_right, f_body, f_parameters, f_return_type, f_superclasses,
      f_type_parameters, f_type, f_object, f_attribute, f_subscript, f_function, f_arguments, f_consequence,
      f_alternative, f_condition, f_module_name, f_definition, f_guard, f_key, f_subject;

  Symbols() {
    const TSLanguage* lang = python_language();
    kind_of.assign(ts_language_symbol_count(lang) + 1, K::Other);
    auto set = [&](const char* name, K k) {
      // Several symbols can share a name (aliases); mark each of them.
      const uint32_t n = ts_language_symbol_count(lang);
      for (TSSymbol s = 0; s < n; ++s) {
        if (ts_language_symbol_type(lang, s) == TSSymbolTypeRegular && std::string_view(ts_language_symbol_name(lang, s)) == name) {
          kind_of[s] = k;
        }
      }
    };
    set("module", K::Module); set("identifier", K::Identifier); set("attribute", K::Attribute);
    set("subscript", K::Subscript); set("call", K::Call); set("keyword_argument", K::KeywordArgument);
    set("import_statement", K::Import); set("import_from_statement", K::ImportFrom);
    set("future_import_statement", K::FutureImport); set("global_statement", K::Global);
    set("nonlocal_statement", K::Nonlocal); set("delete_statement", K::Delete);
    set("function_definition", K::Function); set("class_definition", K::Class); set("lambda", K::Lambda);
    set("decorated_definition", K::Decorated); set("parameters", K::Parameters);
    set("lambda_parameters", K::LambdaParameters); set("default_parameter", K::DefaultParameter);
    set("typed_parameter", K::TypedParameter); set("typed_default_parameter", K::TypedDefaultParameter);
    set("list_splat_pattern", K::ListSplatPattern); set("dictionary_splat_pattern", K::DictSplatPattern);
    set("assignment", K::Assignment); set("augmented_assignment", K::AugAssignment);
    set("for_statement", K::For); set("while_statement", K::While); set("with_statement", K::With);
    set("with_item", K::WithItem); set("as_pattern", K::AsPattern); set("as_pattern_target", K::AsPatternTarget);
    set("try_statement", K::Try); set("except_clause", K::Except); set("except_group_clause", K::ExceptGroup);
    set("else_clause", K::Else); set("finally_clause", K::Finally); set("if_statement", K::If);
    set("elif_clause", K::Elif); set("match_statement", K::Match); set("case_clause", K::Case);
    set("case_pattern", K::CasePattern); set("dotted_name", K::DottedName); set("splat_pattern", K::SplatPattern);
    set("keyword_pattern", K::KeywordPattern); set("class_pattern", K::ClassPattern);
    set("dict_pattern", K::DictPattern); set("named_expression", K::NamedExpr);
    set("list_comprehension", K::ListComp); set("set_comprehension", K::SetComp);
    set("dictionary_comprehension", K::DictComp); set("generator_expression", K::GenExpr);
    set("for_in_clause", K::ForIn); set("if_clause", K::IfClause); set("tuple", K::Tuple); set("list", K::List);
    set("pattern_list", K::PatternList); set("tuple_pattern", K::TuplePattern); set("list_pattern", K::ListPattern);
    set("parenthesized_expression", K::Parenthesized); set("list_splat", K::ListSplat);
    set("expression_list", K::ExpressionList); set("type", K::Type); set("type_parameter", K::TypeParameter);
    set("type_alias_statement", K::TypeAlias); set("generic_type", K::GenericType);
    set("constrained_type", K::ConstrainedType); set("splat_type", K::SplatType); set("string", K::String);
    set("concatenated_string", K::ConcatenatedString); set("interpolation", K::Interpolation);
    set("block", K::Block); set("expression_statement", K::ExpressionStatement); set("comment", K::Comment);
    set("decorator", K::Decorator);
    auto field = [&](const char* name) {
      return ts_language_field_id_for_name(lang, name, static_cast<uint32_t>(std::string_view(name).size()));
    };
    f_name = field("name"); f_alias = field("alias"); f_value = field("value"); f_left = field("left");
    f_right = field("right"); f_body = field("body"); f_parameters = field("parameters");
    f_return_type = field("return_type"); f_superclasses = field("superclasses");
    f_type_parameters = field("type_parameters"); f_type = field("type"); f_object = field("object");
    f_attribute = field("attribute"); f_subscript = field("subscript"); f_function = field("function");
    f_arguments = field("arguments"); f_consequence = field("consequence"); f_alternative = field("alternative");
    f_condition = field("condition"); f_module_name = field("module_name"); f_definition = field("definition");
    f_guard = field("guard"); f_key = field("key"); f_subject = field("subject");
  }
  K of(TSNode n) const {
    const TSSymbol s = ts_node_symbol(n);
    return s < kind_of.size() ? kind_of[s] : K::Other;
  }
};

const Symbols& symbols() {
  static const Symbols s;
  return s;
}

enum class Ev : uint8_t { Bind, Load, Del, Global, PreGlobal, Nonlocal, DeferFunction, DeferLambda, ExceptEnd, StarImport, Locals };

struct Event {
  Ev kind;
  BindingKind bkind = BindingKind::Assignment;
  uint32_t scope = 0;
  uint32_t start = 0, end = 0;
  std::string_view name;
  uint32_t flags = 0;
  uint32_t branch = 0;
  uint32_t stmt_start = 0;
  uint32_t aux = 0;  // unit to defer; index of a qualified name
  TSNode node{};
};

enum class Ctx : uint8_t { Load, Store, Del, AugStore, Ignore };

struct Frame {
  TSNode node{};
  K kind = K::Other;
  uint32_t scope = 0;               // where loads below resolve
  std::vector<Event>* sink = nullptr;
  Ctx ctx = Ctx::Load;
  BindingKind bind_kind = BindingKind::Assignment;
  uint32_t flags = 0;
  uint32_t branch = 0;
  uint32_t stmt_start = 0;
  TSNode stmt{};
  // Children whose events must run later than they appear (an assignment's targets after its
  // value, a comprehension's element after its clauses) write to `held`, flushed into `sink`
  // when the child with field `flush_before` is entered, or when this node is left.
  std::unique_ptr<std::vector<Event>> held;
  TSFieldId flush_before = 0;
  uint32_t own_scope = UINT32_MAX;  // scope this node opens (def, class, lambda, comprehension)
  std::vector<Event>* own_unit = nullptr;
  uint32_t outer_scope = 0;         // the scope around this node
  std::vector<Event>* outer_sink = nullptr;
  bool first_for_in = true;
  bool annotation = false;          // inside a type annotation
  bool literal_subscript = false;   // inside Literal[...] in an annotation: strings are values
  uint32_t try_branch = 0;          // try statements: the branch of the body and the else block
  uint32_t own_unit_index = 0;      // functions and lambdas: the unit of their body
  bool name_error_try = false;      // a try statement with an `except NameError` handler
  uint32_t type_params_scope = UINT32_MAX;  // def/class with PEP 695 type parameters
  bool type_parameter_list = false;  // the [T, *Ts, **P] of a def or class
  bool lazy = false;                 // read when first used, not here (type alias values)
  bool import_error_try = false;    // a try statement whose handlers catch ImportError
  uint32_t seen_subscript = 0;      // subscripts: elements entered so far
  bool literal_unpacking = false;   // `a, b = 1, 2`: not an unpacking for F841 (Ruff)
  bool cast_arguments = false;      // argument_list of typing.cast(): the first one is a type
  bool typevar_arguments = false;   // argument_list of TypeVar(): constraints and bound are types
  bool class_base = false;          // inside a class's bases
  bool typevar_bound = false;       // TypeVar's bound= keyword argument
};

bool is_dunder_all_target(std::string_view source, TSNode n) {
  return is(n, "identifier") && source.substr(ts_node_start_byte(n), ts_node_end_byte(n) - ts_node_start_byte(n)) == "__all__";
}

}  // namespace

struct SemanticBuilder::Impl {
  std::string_view source;
  std::string_view path;
  std::unique_ptr<SemanticModel> model = std::make_unique<SemanticModel>();
  std::deque<std::vector<Event>> units;  // stable addresses
  std::vector<Event>* annotations_unit = nullptr;  // deferred annotations, resolved last
  std::vector<Frame> frames;
  std::vector<std::string> qualified;
  uint32_t bound_name_at = UINT32_MAX;  // a type parameter's name, bound on its `type` node
  uint32_t next_branch = 1;
  uint32_t next_fork = 1;
  std::unique_ptr<Parser> annotation_parser;
  std::vector<Tree> annotation_trees;  // parsed string annotations, alive while the model is built

  Impl(std::string_view src, std::string_view p) : source(src), path(p) {
    model->is_stub = p.ends_with(".pyi");
    model->is_package_init = p.ends_with("__init__.py") || p.ends_with("__init__.pyi");
    units.emplace_back();   // the module
    units.emplace_back();   // deferred annotations
    annotations_unit = &units[1];
  }

  std::string_view text(TSNode n) const {
    const uint32_t s = ts_node_start_byte(n);
    return source.substr(s, ts_node_end_byte(n) - s);
  }

  uint32_t new_scope(ScopeKind kind, int32_t parent, TSNode node) {
    Scope s;
    s.kind = kind;
    s.parent = parent;
    s.node = node;
    model->scopes.push_back(std::move(s));
    return static_cast<uint32_t>(model->scopes.size() - 1);
  }

  uint32_t new_branch(uint32_t parent, uint32_t fork) {
    model->branch_parent.push_back(parent);
    if (model->branch_fork.size() < model->branch_parent.size()) model->branch_fork.resize(model->branch_parent.size());
    model->branch_fork[next_branch] = fork;
    return next_branch++;
  }

  void emit(const Frame& f, Ev kind, TSNode n, BindingKind bk = BindingKind::Assignment, uint32_t extra_flags = 0) {
    Event e;
    e.kind = kind;
    e.bkind = bk;
    e.scope = f.scope;
    e.start = ts_node_start_byte(n);
    e.end = ts_node_end_byte(n);
    e.name = text(n);
    e.flags = f.flags | extra_flags;
    e.branch = f.branch;
    e.stmt_start = f.stmt_start;
    e.node = f.stmt;
    f.sink->push_back(e);
  }

  // ---- statements with their own handling -------------------------------------------------

  void bind_imports(Frame& f, TSNode stmt, K kind) {
    const Symbols& sy = symbols();
    std::string module;
    if (kind == K::ImportFrom) {
      TSNode m = ts_node_child_by_field_id(stmt, sy.f_module_name);
      module = std::string(text(m));
    } else if (kind == K::FutureImport) {
      module = "__future__";
    }
    for (TSNode c : children(stmt)) {
      if (!ts_node_is_named(c) || ts_node_is_extra(c)) continue;
      const K ck = sy.of(c);
      std::string_view full;
      TSNode name_node{};
      TSNode alias{};
      if (ck == K::DottedName) {
        if (kind != K::Import && ts_node_eq(c, ts_node_child_by_field_id(stmt, sy.f_module_name))) continue;
        full = text(c);
        name_node = c;
      } else if (is(c, "aliased_import")) {
        name_node = ts_node_child_by_field_id(c, sy.f_name);
        alias = ts_node_child_by_field_id(c, sy.f_alias);
        full = text(name_node);
      } else if (is(c, "wildcard_import")) {
        Event e;
        e.kind = Ev::StarImport;
        e.scope = f.scope;
        e.start = ts_node_start_byte(stmt);
        e.end = ts_node_end_byte(stmt);
        e.branch = f.branch;
        e.stmt_start = f.stmt_start;
        e.node = stmt;
        f.sink->push_back(e);
        continue;
      } else {
        continue;
      }
      std::string q;
      BindingKind bk;
      TSNode bound = ts_node_is_null(alias) ? name_node : alias;
      std::string_view bound_name = text(bound);
      if (kind == K::Import) {
        q = std::string(full);
        if (ts_node_is_null(alias) && full.find('.') != std::string_view::npos) {
          bk = BindingKind::SubmoduleImport;
          bound_name = full.substr(0, full.find('.'));
        } else {
          bk = BindingKind::Import;
        }
      } else {
        q = module;
        if (!q.empty() && q.back() != '.') q += '.';
        q += std::string(full);
        bk = kind == K::FutureImport || module == "__future__" ? BindingKind::FutureImport : BindingKind::FromImport;
      }
      Event e;
      e.kind = Ev::Bind;
      e.bkind = bk;
      e.scope = f.scope;
      // Ruff's range: the alias (`c` in `a.b as c`), or the dotted name.
      e.start = ts_node_start_byte(bound_node(name_node, alias));
      e.end = ts_node_end_byte(bound_node(name_node, alias));
      e.name = bound_name;
      e.flags = f.flags;
      e.branch = f.branch;
      e.stmt_start = f.stmt_start;
      e.node = stmt;
      e.aux = static_cast<uint32_t>(qualified.size());
      // In a stub or a package's __init__, `import a as a` / `from m import a as a` re-exports it.
      if ((model->is_stub || model->is_package_init) && !ts_node_is_null(alias) && text(alias) == text(name_node)) {
        e.flags |= kExported;
      }
      if (q == "typing.Literal" || q == "typing_extensions.Literal") literal_names.insert(bound_name);
      if ((q.starts_with("typing.") || q.starts_with("typing_extensions.")) &&
          is_generic_form_name(std::string_view(q).substr(q.find('.') + 1))) {
        typing_forms.insert(bound_name);
      }
      if (q == "typing.cast" || q == "typing_extensions.cast") cast_names.insert(bound_name);
      if (q == "typing.TypeVar" || q == "typing_extensions.TypeVar") typevar_names.insert(bound_name);
      if (q == "typing.Annotated" || q == "typing_extensions.Annotated") annotated_names.insert(bound_name);
      if ((q == "typing" || q == "typing_extensions") && bk == BindingKind::Import) typing_modules.insert(bound_name);
      if (q == "typing.Annotated" || q == "typing_extensions.Annotated") annotated_names.insert(bound_name);
      qualified.push_back(std::move(q));
      f.sink->push_back(e);
    }
  }

  static TSNode bound_node(TSNode name, TSNode alias) { return ts_node_is_null(alias) ? name : alias; }

  void names_statement(Frame& f, TSNode stmt, Ev kind) {
    for (TSNode c : children(stmt)) {
      if (is(c, "identifier")) emit(f, kind, c);
    }
  }

  // `__all__ = [...]`, `__all__ += [...]`, `__all__.extend([...])`, `.append("x")`, `.remove("x")`.
  void collect_exports_from(TSNode seq, bool remove = false, bool mutation = false) {
    std::vector<TSNode> stack{seq};
    while (!stack.empty()) {
      TSNode n = unparenthesized(stack.back());
      stack.pop_back();
      const std::string_view k = kind(n);
      if (k == "list" || k == "tuple") {
        for (TSNode c : children(n)) {
          if (ts_node_is_named(c) && !ts_node_is_extra(c)) stack.push_back(c);
        }
      } else if (k == "binary_operator") {
        for (TSNode c : children(n)) {
          if (ts_node_is_named(c) && !ts_node_is_extra(c)) stack.push_back(c);
        }
      } else if (k == "string") {
        std::string_view content;
        uint32_t content_start = 0;
        bool plain = true;
        for (TSNode c : children(n)) {
          if (is(c, "string_content")) {
            content = text(c);
            content_start = ts_node_start_byte(c);
          } else if (is(c, "interpolation") || is(c, "escape_sequence")) {
            plain = false;
          }
        }
        (void)content_start;
        if (!plain) continue;
        if (remove) {
          auto& ex = model->exports;
          ex.erase(std::remove_if(ex.begin(), ex.end(), [&](const ExportName& e) { return e.name == content; }), ex.end());
        } else {
          model->exports.push_back(ExportName{content, ts_node_start_byte(n), ts_node_end_byte(n), mutation});
        }
      }
    }
  }

  void module_statement_exports(TSNode stmt) {
    // stmt is an expression_statement at module level.
    for (TSNode c : children(stmt)) {
      const std::string_view k = kind(c);
      if (k == "assignment") {
        TSNode left = field(c, "left");
        TSNode right = field(c, "right");
        if (!ts_node_is_null(left) && is_dunder_all_target(source, left) && !ts_node_is_null(right)) {
          model->has_dunder_all = true;
          model->exports.clear();
          collect_exports_from(right);
        }
      } else if (k == "augmented_assignment") {
        TSNode left = field(c, "left");
        TSNode right = field(c, "right");
        if (!ts_node_is_null(left) && is_dunder_all_target(source, left) && !ts_node_is_null(right)) {
          model->has_dunder_all = true;
          collect_exports_from(right);
        }
      } else if (k == "call") {
        TSNode fn = field(c, "function");
        if (is(fn, "attribute")) {
          TSNode obj = field(fn, "object");
          const std::string_view method = text(field(fn, "attribute"));
          if (is_dunder_all_target(source, obj) && (method == "extend" || method == "append" || method == "remove")) {
            TSNode args = field(c, "arguments");
            for (TSNode a : children(args)) {
              if (ts_node_is_named(a) && !ts_node_is_extra(a)) {
                model->has_dunder_all = true;
                collect_exports_from(a, method == "remove", true);
                break;
              }
            }
          }
        }
      }
    }
  }

  // Names under which typing's Literal and Annotated are imported here.
  std::unordered_set<std::string_view> literal_names, annotated_names;
  bool is_literal_form(std::string_view v) const {
    return literal_names.count(v) || v.ends_with(".Literal");
  }
  // Names bound to typing's generic forms (`from typing import Union as U`), and to the typing
  // module itself (`import typing as t`).
  std::unordered_set<std::string_view> typing_forms, typing_modules, cast_names, typevar_names;
  bool is_typing_form(std::string_view v) const {
    if (typing_forms.count(v)) return true;
    const size_t dot = v.rfind('.');
    return dot != std::string_view::npos && typing_modules.count(v.substr(0, dot)) &&
           is_generic_form_name(v.substr(dot + 1));
  }
  bool is_annotated_form(std::string_view v) const {
    return annotated_names.count(v) || v.ends_with(".Annotated");
  }

  // An argument of `form[...]` in a type expression: nothing inside `Literal[...]` is a type,
  // and only the first argument of `Annotated[T, metadata...]` is.
  void special_form_argument(std::string_view form, Frame& subscript, Frame& arg) const {
    if (is_literal_form(form)) arg.literal_subscript = true;
    if (is_annotated_form(form) && subscript.seen_subscript++ > 0) {
      arg.literal_subscript = true;
      arg.annotation = false;
    }
  }

  // ---- annotations in strings --------------------------------------------------------------

  void string_annotation(const Frame& f, TSNode str) {
    // Only plain, single-part strings without escapes: their content maps byte for byte.
    TSNode content{};
    int parts = 0;
    for (TSNode c : children(str)) {
      if (is(c, "string_content")) {
        content = c;
        ++parts;
      } else if (is(c, "interpolation") || is(c, "escape_sequence")) {
        return;
      } else if (is(c, "string_start")) {
        const std::string_view start = text(c);
        for (char ch : start) {
          if (ch == 'f' || ch == 'F' || ch == 'b' || ch == 'B') return;
        }
      }
    }
    if (parts != 1) return;
    const std::string_view body = text(content);
    if (body.empty() || body.find('\n') != std::string_view::npos) return;
    if (!annotation_parser) annotation_parser = std::make_unique<Parser>();
    std::string padded(ts_node_start_byte(content), ' ');
    padded.append(body);  // same offsets as the file
    Tree t = annotation_parser->parse(padded);
    TSNode root = ts_tree_root_node(t.get());
    if (ts_node_has_error(root)) return;  // F722 reports it
    // Walk the annotation expression; its names are loads resolved once everything is bound.
    std::vector<std::pair<TSNode, bool>> stack{{root, false}};
    while (!stack.empty()) {
      auto [n, skip] = stack.back();
      stack.pop_back();
      if (skip) continue;
      const std::string_view k = kind(n);
      if (k == "identifier") {
        Event e;
        e.kind = Ev::Load;
        e.scope = f.scope;
        e.start = ts_node_start_byte(n);
        e.end = ts_node_end_byte(n);
        e.name = source.substr(e.start, e.end - e.start);
        e.flags = f.flags | kAnnotationLoad;
        e.branch = f.branch;
        annotations_unit->push_back(e);
        continue;
      }
      if (k == "attribute") {
        TSNode obj = field(n, "object");
        if (!ts_node_is_null(obj)) stack.push_back({obj, false});
        continue;
      }
      if (k == "keyword_argument") {
        TSNode v = field(n, "value");
        if (!ts_node_is_null(v)) stack.push_back({v, false});
        continue;
      }
      if (k == "string") continue;
      std::vector<TSNode> kids;
      for (TSNode c : children(n)) kids.push_back(c);
      for (auto it = kids.rbegin(); it != kids.rend(); ++it) stack.push_back({*it, false});
    }
    annotation_trees.push_back(std::move(t));
  }

  // ---- the walk ------------------------------------------------------------------------------

  void enter(TSNode n, TSFieldId field_id);
  void leave(TSNode n);
  std::unique_ptr<SemanticModel> resolve();
};

namespace {

bool is_container(K k) {
  return k == K::Tuple || k == K::List || k == K::PatternList || k == K::TuplePattern || k == K::ListPattern ||
         k == K::Parenthesized || k == K::ListSplat || k == K::ListSplatPattern || k == K::ExpressionList ||
         k == K::AsPatternTarget;
}

// typing's generic forms, whose subscripts are type expressions even outside annotations.
bool is_generic_form_name(std::string_view n) {
  static const std::unordered_set<std::string_view> forms = {
      "AbstractSet", "AsyncContextManager", "AsyncGenerator", "AsyncIterable", "AsyncIterator", "Awaitable",
      "Callable", "ChainMap", "ClassVar", "Collection", "Concatenate", "Container", "ContextManager", "Coroutine",
      "Counter", "DefaultDict", "Deque", "Dict", "Final", "FrozenSet", "Generator", "Generic", "IO", "Iterable",
      "Iterator", "List", "Mapping", "MappingView", "Match", "MutableMapping", "MutableSequence", "MutableSet",
      "NotRequired", "Optional", "OrderedDict", "Pattern", "Protocol", "Required", "Reversible", "Sequence", "Set",
      "Tuple", "Type", "TypeGuard", "Union", "Unpack", "ReadOnly", "TypeIs", "Never", "Self"};
  return forms.count(n) != 0;
}

bool is_sequence_kind(std::string_view k) {
  return k == "tuple" || k == "list" || k == "set" || k == "expression_list" || k == "pattern_list" ||
         k == "tuple_pattern" || k == "list_pattern";
}

// Ruff's is_unpacking_assignment, inverted: every target of the chain `t1 = t2 = value` is a
// tuple or list, and so is the value, as in `a, b = 1, 2`.
bool is_literal_unpacking(TSNode assignment) {
  TSNode n = assignment;
  for (;;) {
    TSNode left = field(n, "left");
    if (ts_node_is_null(left) || !is_sequence_kind(kind(unparenthesized(left)))) return false;
    TSNode right = field(n, "right");
    if (ts_node_is_null(right)) return false;
    if (is(right, "assignment")) {
      n = right;
      continue;
    }
    return is_sequence_kind(kind(unparenthesized(right)));
  }
}

bool is_comprehension(K k) { return k == K::ListComp || k == K::SetComp || k == K::DictComp || k == K::GenExpr; }

bool is_type_checking_test(std::string_view t) {
  return t == "TYPE_CHECKING" || t == "typing.TYPE_CHECKING" || t == "typing_extensions.TYPE_CHECKING";
}

}  // namespace

void SemanticBuilder::Impl::enter(TSNode n, TSFieldId field_id) {
  const Symbols& sy = symbols();
  const K k = sy.of(n);
  Frame f;
  f.node = n;
  f.kind = k;
  if (frames.empty()) {
    // The module.
    f.scope = new_scope(ScopeKind::Module, -1, n);
    f.sink = &units[0];
    f.stmt = n;
    frames.push_back(std::move(f));
    return;
  }
  Frame& p = frames.back();
  // Flush the parent's held events before the child that must come after them.
  if (p.held && p.flush_before != 0 && field_id == p.flush_before) {
    p.outer_sink->insert(p.outer_sink->end(), p.held->begin(), p.held->end());
    p.held.reset();
  }
  // Inherit.
  f.scope = p.scope;
  f.sink = p.sink;
  f.ctx = p.ctx;
  f.bind_kind = p.bind_kind;
  f.flags = p.flags;
  f.branch = p.branch;
  f.stmt_start = p.stmt_start;
  f.stmt = p.stmt;
  f.annotation = p.annotation;
  f.literal_subscript = p.literal_subscript;
  f.literal_unpacking = p.literal_unpacking;
  f.class_base = p.class_base;
  f.lazy = p.lazy;
  f.type_parameter_list = p.type_parameter_list && (k == K::TypeParameter || p.kind == K::TypeParameter ||
                                                    p.kind == K::Function || p.kind == K::Class);

  // Context from the parent's kind and the child's field.
  switch (p.kind) {
    case K::Function:
    case K::Lambda:
      if (field_id == sy.f_body) {
        f.scope = p.own_scope;
        f.sink = p.own_unit;
        f.ctx = Ctx::Load;
        f.flags &= ~(kInExceptHandler | kConditional | kInNameErrorTry | kInTry);
        f.branch = 0;
        f.annotation = false;
      } else if (field_id == sy.f_name) {
        f.ctx = Ctx::Ignore;
      } else if (field_id == sy.f_parameters) {
        f.ctx = Ctx::Load;  // defaults and annotations: enclosing scope; names handled below
      } else if (field_id == sy.f_return_type) {
        f.annotation = true;
      } else if (field_id == sy.f_type_parameters) {
        f.ctx = Ctx::Load;
        f.type_parameter_list = true;
      }
      // Annotations, defaults and type parameters see the type parameters.
      if (p.type_params_scope != UINT32_MAX && field_id != sy.f_body && field_id != sy.f_name) {
        f.scope = p.type_params_scope;
      }
      break;
    case K::Class:
      if (field_id == sy.f_body) {
        f.scope = p.own_scope;
        f.ctx = Ctx::Load;
        f.annotation = false;
      } else if (field_id == sy.f_name) {
        f.ctx = Ctx::Ignore;
      } else if (field_id == sy.f_superclasses) {
        f.class_base = true;
      } else if (field_id == sy.f_type_parameters) {
        f.type_parameter_list = true;
      }
      if (p.type_params_scope != UINT32_MAX && field_id != sy.f_body && field_id != sy.f_name) {
        f.scope = p.type_params_scope;
      }
      break;
    case K::Parameters:
    case K::LambdaParameters:
      if (k == K::Identifier || k == K::ListSplatPattern || k == K::DictSplatPattern) {
        // A plain parameter name, `*args` or `**kwargs`: bound in the function's scope.
        Frame& fn = frames[frames.size() - 2];
        Frame as_fn = {};
        as_fn.scope = fn.own_scope;
        as_fn.sink = fn.own_unit;
        as_fn.stmt = fn.node;
        as_fn.stmt_start = ts_node_start_byte(fn.node);
        TSNode id = n;
        if (k != K::Identifier) {
          id = TSNode{};
          for (TSNode c : children(n)) {
            if (is(c, "identifier")) id = c;
          }
        }
        if (!ts_node_is_null(id)) emit(as_fn, Ev::Bind, id, BindingKind::Argument);
        f.ctx = Ctx::Ignore;
      }
      break;
    case K::DefaultParameter:
    case K::TypedDefaultParameter:
    case K::TypedParameter:
    case K::ListSplatPattern:
    case K::DictSplatPattern:
      if (p.kind == K::ListSplatPattern || p.kind == K::DictSplatPattern) {
        if (p.ctx == Ctx::Ignore && k == K::Identifier) f.ctx = Ctx::Ignore;
        if (p.ctx == Ctx::Store) f.ctx = Ctx::Store;
        break;
      }
      if (field_id == sy.f_type) {
        f.annotation = true;
        f.ctx = Ctx::Load;
      } else if (field_id == sy.f_value) {
        f.ctx = Ctx::Load;
      } else if (k == K::Identifier || k == K::ListSplatPattern || k == K::DictSplatPattern ||
                 field_id == sy.f_name) {
        // The parameter's name: bound in the function (the grandparent of `parameters`).
        size_t i = frames.size() - 1;
        while (i > 0 && frames[i].kind != K::Function && frames[i].kind != K::Lambda) --i;
        const Frame& fn = frames[i];
        TSNode id = n;
        if (k != K::Identifier) {
          for (TSNode c : children(n)) {
            if (is(c, "identifier")) id = c;
          }
        }
        if (is(id, "identifier")) {
          Frame as_fn = {};
          as_fn.scope = fn.own_scope;
          as_fn.sink = fn.own_unit;
          as_fn.stmt = fn.node;
          as_fn.stmt_start = ts_node_start_byte(fn.node);
          emit(as_fn, Ev::Bind, id, BindingKind::Argument);
        }
        f.ctx = Ctx::Ignore;
      }
      break;
    case K::Assignment:
      if (field_id == sy.f_left) {
        f.ctx = Ctx::Store;
        f.literal_unpacking = is_literal_unpacking(p.node);
        f.bind_kind = ts_node_is_null(ts_node_child_by_field_id(p.node, sy.f_type))
                          ? BindingKind::Assignment
                          : (ts_node_is_null(ts_node_child_by_field_id(p.node, sy.f_right)) ? BindingKind::Annotation
                                                                                         : BindingKind::AnnotatedAssignment);
        f.sink = p.held.get();
      } else if (field_id == sy.f_type) {
        f.annotation = true;
        f.ctx = Ctx::Load;
      } else {
        f.ctx = Ctx::Load;
      }
      break;
    case K::AugAssignment:
      if (field_id == sy.f_left) {
        f.ctx = Ctx::AugStore;
        f.bind_kind = BindingKind::AugmentedAssignment;
      } else {
        f.ctx = Ctx::Load;
      }
      break;
    case K::For:
      if (field_id == sy.f_left) {
        f.ctx = Ctx::Store;
        f.bind_kind = BindingKind::LoopVar;
        f.sink = p.held.get();
      } else {
        f.ctx = Ctx::Load;
      }
      break;
    case K::AsPattern:
      if (field_id == sy.f_alias) {
        f.ctx = Ctx::Store;
        f.bind_kind = p.bind_kind == BindingKind::MatchCapture ? BindingKind::MatchCapture
                      : (frames.size() >= 2 && (frames[frames.size() - 2].kind == K::Except ||
                                                frames[frames.size() - 2].kind == K::ExceptGroup))
                          ? BindingKind::ExceptHandler
                          : BindingKind::WithItem;
      } else if (p.bind_kind != BindingKind::MatchCapture) {
        f.ctx = Ctx::Load;
      }
      if (p.bind_kind == BindingKind::MatchCapture && k == K::Identifier) {
        emit(f, Ev::Bind, n, BindingKind::MatchCapture);
        f.ctx = Ctx::Ignore;
      }
      break;
    case K::Except:
    case K::ExceptGroup:
      if (field_id == sy.f_alias) {
        f.ctx = Ctx::Store;
        f.bind_kind = BindingKind::ExceptHandler;
      } else if (k == K::AsPattern) {
        // except E as e (older grammar shape)
        f.ctx = Ctx::Load;
      } else if (k == K::Block) {
        f.ctx = Ctx::Load;
      } else {
        f.ctx = Ctx::Load;
      }
      break;
    case K::NamedExpr:
      if (field_id == sy.f_name) {
        // Binds in the nearest enclosing scope that is not a comprehension.
        uint32_t s = p.scope;
        while (model->scopes[s].kind == ScopeKind::Comprehension && model->scopes[s].parent >= 0) {
          s = static_cast<uint32_t>(model->scopes[s].parent);
        }
        f.scope = s;
        f.ctx = Ctx::Store;
        f.bind_kind = BindingKind::NamedExpr;
        f.sink = p.held.get();
      } else {
        f.ctx = Ctx::Load;
      }
      break;
    case K::ListComp:
    case K::SetComp:
    case K::DictComp:
    case K::GenExpr:
      if (field_id == sy.f_body) {
        f.sink = p.held.get();
        f.ctx = Ctx::Load;
      }
      break;
    case K::ForIn:
      if (field_id == sy.f_left) {
        f.ctx = Ctx::Store;
        f.bind_kind = BindingKind::ComprehensionVar;
        f.sink = p.held.get();
      } else if (field_id == sy.f_right) {
        f.ctx = Ctx::Load;
        // The first iterable runs in the enclosing scope.
        const Frame& comp = frames[frames.size() - 2];
        if (p.first_for_in) f.scope = comp.outer_scope;
      }
      break;
    case K::Attribute:
      if (field_id == sy.f_attribute) {
        f.ctx = Ctx::Ignore;
      } else if (p.ctx != Ctx::Ignore) {
        f.ctx = Ctx::Load;
      }
      break;
    case K::Subscript:
      if (p.ctx != Ctx::Ignore) f.ctx = Ctx::Load;
      if (!p.annotation && field_id == sy.f_subscript && p.ctx != Ctx::Ignore) {
        // `Union[A, "B"]` outside an annotation is still a type expression (typing's forms).
        const std::string_view v = text(ts_node_child_by_field_id(p.node, sy.f_value));
        if (is_typing_form(v)) f.annotation = true;
      }
      if (f.annotation && field_id == sy.f_subscript) {
        special_form_argument(text(ts_node_child_by_field_id(p.node, sy.f_value)), p, f);
      }
      break;
    case K::TypeParameter:
      // `Literal[...]` and `Annotated[T, ...]` written as generic types in annotations.
      if (frames.size() >= 2 && frames[frames.size() - 2].kind == K::GenericType && ts_node_is_named(n)) {
        special_form_argument(text(ts_node_named_child(frames[frames.size() - 2].node, 0)), p, f);
      }
      break;
    case K::KeywordArgument:
      if (field_id == sy.f_name) f.ctx = Ctx::Ignore;
      else f.ctx = Ctx::Load;
      break;
    case K::Call:
      f.ctx = Ctx::Load;
      if (field_id == sy.f_arguments) {
        f.annotation = false;
        f.literal_subscript = false;
        const std::string_view fn = text(ts_node_child_by_field_id(p.node, sy.f_function));
        const size_t dot = fn.rfind('.');
        if (cast_names.count(fn) || (dot != std::string_view::npos && fn.substr(dot + 1) == "cast" &&
                                     typing_modules.count(fn.substr(0, dot)))) {
          f.cast_arguments = true;
        }
        if (typevar_names.count(fn) || (dot != std::string_view::npos && fn.substr(dot + 1) == "TypeVar" &&
                                        typing_modules.count(fn.substr(0, dot)))) {
          f.typevar_arguments = true;
        }
      }
      break;
    case K::Interpolation:
      f.ctx = Ctx::Load;
      break;
    case K::KeywordPattern:
      // `case C(attr=x)`: the first identifier names an attribute.
      if (k == K::Identifier && ts_node_start_byte(n) == ts_node_start_byte(p.node)) f.ctx = Ctx::Ignore;
      break;
    case K::If:
    case K::Elif:
      if (field_id == sy.f_consequence || field_id == sy.f_alternative) {
        if (field_id == sy.f_consequence) {
          f.branch = new_branch(p.branch, 0);
          if (p.kind == K::If) {
            TSNode cond = ts_node_child_by_field_id(p.node, sy.f_condition);
            if (!ts_node_is_null(cond) && is_type_checking_test(text(cond))) f.flags |= kTypeChecking;
          }
        }
      }
      break;
    case K::Try:
      if (k == K::Block || k == K::Else) {
        f.branch = p.try_branch;  // body and else: one branch
        if (k == K::Block && p.name_error_try) f.flags |= kInNameErrorTry;
        if (k == K::Block && p.import_error_try) f.flags |= kInTry;
      } else if (k == K::Except || k == K::ExceptGroup || k == K::Finally) {
        f.branch = new_branch(frames.size() >= 2 ? p.branch : 0, 0);
      }
      break;
    case K::Case:
      break;
    case K::With:
      // Ruff gives a with block a branch of its own.
      if (field_id == sy.f_body) f.branch = new_branch(p.branch, 0);
      break;
    case K::Match:
      if (k == K::Block) f.ctx = Ctx::Load;
      break;
    default:
      break;
  }
  if (p.kind == K::Block && p.ctx == Ctx::Load) {
    // Each statement of a block.
  }
  if (p.kind == K::Match && k == K::Block) {
    // case clauses live in the match's block
  }

  // typing.cast("Type", value): the first argument is a type expression; TypeVar("T", A, B,
  // bound=C): every argument but the name is.
  if (p.cast_arguments && ts_node_is_named(n) && !ts_node_is_extra(n) && p.seen_subscript++ == 0) {
    f.annotation = true;
  }
  if (p.typevar_arguments && ts_node_is_named(n) && !ts_node_is_extra(n)) {
    const bool first_arg = p.seen_subscript++ == 0;
    if (k == K::KeywordArgument) {
      const std::string_view kw = text(ts_node_child_by_field_id(n, sy.f_name));
      if (kw == "bound" || kw == "default") f.typevar_bound = true;
    } else if (!first_arg) {
      f.annotation = true;
    }
  }
  if (p.typevar_bound && p.kind == K::KeywordArgument && field_id == sy.f_value) f.annotation = true;

  // Ruff treats a `del` below if, while, match or try as conditional: it does not unbind.
  // (try bodies and handlers are not conditional for Ruff; a try's else and finally blocks are).
  if (p.kind == K::If || p.kind == K::While || p.kind == K::Match ||
      (p.kind == K::Try && (k == K::Else || k == K::Finally))) {
    f.flags |= kConditional;
  }

  // Statements set the current statement for the bindings below them.
  const bool statement = p.kind == K::Module || p.kind == K::Block || p.kind == K::Decorated;
  if (statement && ts_node_is_named(n) && !ts_node_is_extra(n)) {
    f.stmt = n;
    f.stmt_start = ts_node_start_byte(n);
  }

  // Containers propagate store context; anything else below a store target is a load.
  if ((p.ctx == Ctx::Store || p.ctx == Ctx::Del || p.ctx == Ctx::AugStore) && p.kind != K::Attribute &&
      p.kind != K::Subscript && p.kind != K::Assignment && p.kind != K::For && p.kind != K::ForIn &&
      p.kind != K::NamedExpr && p.kind != K::AsPattern && p.kind != K::Except && p.kind != K::ExceptGroup &&
      p.kind != K::AugAssignment && p.kind != K::Delete) {
    if (!is_container(p.kind)) f.ctx = Ctx::Load;
    else if (p.kind == K::ListSplat || p.kind == K::ListSplatPattern) f.flags |= kStarTarget;
    if (is_container(p.kind) && p.kind != K::Parenthesized && p.kind != K::AsPatternTarget && p.ctx == Ctx::Store &&
        !f.literal_unpacking) {
      f.flags |= kUnpacked;
    }
  }

  // The node itself.
  switch (k) {
    case K::Identifier:
      if (ts_node_start_byte(n) == bound_name_at) f.ctx = Ctx::Ignore;
      switch (f.ctx) {
        case Ctx::Load:
          // Annotations are deferred with `from __future__ import annotations`; in stubs so are
          // type expressions and class bases, whatever refers to what comes later.
          if ((f.annotation && (model->future_annotations || model->is_stub)) || (model->is_stub && f.class_base) ||
              f.lazy) {
            Frame deferred;
            deferred.scope = f.scope;
            deferred.sink = annotations_unit;
            deferred.flags = f.flags;
            deferred.branch = f.branch;
            emit(deferred, Ev::Load, n, BindingKind::Assignment, kAnnotationLoad);
          } else {
            emit(f, Ev::Load, n, BindingKind::Assignment, f.annotation ? kAnnotationLoad : 0);
          }
          break;
        case Ctx::Store:
          emit(f, Ev::Bind, n, f.bind_kind);
          break;
        case Ctx::AugStore:
          emit(f, Ev::Load, n);
          emit(f, Ev::Bind, n, BindingKind::AugmentedAssignment);
          break;
        case Ctx::Del:
          emit(f, Ev::Del, n);
          break;
        case Ctx::Ignore:
          break;
      }
      f.ctx = Ctx::Ignore;
      break;
    case K::Import:
    case K::ImportFrom:
    case K::FutureImport:
      if (k == K::FutureImport) {
        for (TSNode c : children(n)) {
          if (ts_node_is_named(c) && text(c) == "annotations") model->future_annotations = true;
          if (is(c, "aliased_import") && text(field(c, "name")) == "annotations") model->future_annotations = true;
        }
      } else if (k == K::ImportFrom && text(ts_node_child_by_field_id(n, sy.f_module_name)) == "__future__") {
        for (TSNode c : children(n)) {
          if (is(c, "dotted_name") && text(c) == "annotations") model->future_annotations = true;
        }
      }
      bind_imports(f, n, k);
      f.ctx = Ctx::Ignore;
      break;
    case K::Global: {
      // Ruff binds a function's global names in the module when it meets the `def` (if the
      // module has no binding for them yet): the event goes where the def is evaluated.
      for (size_t i = frames.size(); i-- > 0;) {
        if (frames[i].kind != K::Function) continue;
        for (TSNode c : children(n)) {
          if (!is(c, "identifier")) continue;
          Event e;
          e.kind = Ev::PreGlobal;
          e.scope = 0;
          e.start = ts_node_start_byte(c);
          e.end = ts_node_end_byte(c);
          e.name = text(c);
          e.stmt_start = ts_node_start_byte(n);
          e.node = n;
          frames[i].outer_sink->push_back(e);
        }
        break;
      }
      names_statement(f, n, Ev::Global);
      f.ctx = Ctx::Ignore;
      break;
    }
    case K::Nonlocal:
      names_statement(f, n, Ev::Nonlocal);
      f.ctx = Ctx::Ignore;
      break;
    case K::Delete:
      f.ctx = Ctx::Del;
      break;
    case K::Function:
    case K::Lambda: {
      f.outer_scope = f.scope;
      f.outer_sink = f.sink;
      if (k == K::Function && !ts_node_is_null(ts_node_child_by_field_id(n, sy.f_type_parameters))) {
        // PEP 695: `def f[T](x: T)` binds T in a scope of its own, around the function's.
        f.type_params_scope = new_scope(ScopeKind::TypeParams, static_cast<int32_t>(f.scope), n);
      }
      f.own_scope = new_scope(k == K::Function ? ScopeKind::Function : ScopeKind::Lambda,
                              static_cast<int32_t>(f.type_params_scope != UINT32_MAX ? f.type_params_scope : f.scope), n);
      units.emplace_back();
      f.own_unit = &units.back();
      f.own_unit_index = static_cast<uint32_t>(units.size() - 1);
      if (k == K::Lambda) {
        Event e;
        e.kind = Ev::DeferLambda;
        e.scope = f.scope;
        e.aux = f.own_unit_index;
        f.sink->push_back(e);
      }
      f.ctx = Ctx::Load;
      break;
    }
    case K::Class:
      f.outer_scope = f.scope;
      if (!ts_node_is_null(ts_node_child_by_field_id(n, sy.f_type_parameters))) {
        f.type_params_scope = new_scope(ScopeKind::TypeParams, static_cast<int32_t>(f.scope), n);
      }
      f.own_scope = new_scope(ScopeKind::Class,
                              static_cast<int32_t>(f.type_params_scope != UINT32_MAX ? f.type_params_scope : f.scope), n);
      f.ctx = Ctx::Load;
      break;
    case K::ListComp:
    case K::SetComp:
    case K::DictComp:
    case K::GenExpr:
      f.outer_scope = f.scope;
      f.outer_sink = f.sink;
      f.scope = new_scope(ScopeKind::Comprehension, static_cast<int32_t>(f.scope), n);
      f.own_scope = f.scope;
      f.held = std::make_unique<std::vector<Event>>();
      f.ctx = Ctx::Load;
      break;
    case K::ForIn: {
      f.outer_sink = f.sink;
      f.held = std::make_unique<std::vector<Event>>();
      f.flush_before = 0;  // flushed on leave: target binds after its iterable
      Frame& comp = frames.back();
      f.first_for_in = comp.first_for_in;
      comp.first_for_in = false;
      break;
    }
    case K::Assignment:
    case K::NamedExpr:
      f.outer_sink = f.sink;
      f.held = std::make_unique<std::vector<Event>>();
      f.ctx = Ctx::Load;
      break;
    case K::For:
      f.outer_sink = f.sink;
      f.held = std::make_unique<std::vector<Event>>();
      f.flush_before = sy.f_body;
      f.ctx = Ctx::Load;
      break;
    case K::Try: {
      // Body and else share one branch; each handler and the finally block get their own.
      f.try_branch = new_branch(f.branch, 0);
      // Names read in the body of `try: ... except NameError:` may be undefined on purpose.
      for (TSNode c : children(n)) {
        if (!is(c, "except_clause")) continue;
        TSNode v = ts_node_child_by_field_id(c, sy.f_value);
        if (ts_node_is_null(v)) continue;
        {
          TSNode types = is(v, "as_pattern") ? ts_node_named_child(v, 0) : v;
          const std::string_view t = text(types);
          for (std::string_view name : {"ImportError", "ModuleNotFoundError"}) {
            const size_t at = t.find(name);
            if (at != std::string_view::npos && (at + name.size() == t.size() || !std::isalnum(static_cast<unsigned char>(t[at + name.size()])))) {
              f.import_error_try = true;
            }
          }
        }
        if (is(v, "as_pattern")) v = ts_node_named_child(v, 0);
        const std::string_view t = text(v);
        const size_t pos = t.find("NameError");
        if (pos != std::string_view::npos &&
            (pos == 0 || !(std::isalnum(static_cast<unsigned char>(t[pos - 1])) || t[pos - 1] == '_' || t[pos - 1] == '.'))) {
          f.name_error_try = true;
        }
      }
      break;
    }
    case K::Case:
      f.branch = new_branch(f.branch, 0);
      f.bind_kind = BindingKind::MatchCapture;
      break;
    case K::Else:
    case K::Elif:
      if (p.kind == K::If) f.branch = new_branch(p.branch, 0);
      break;
    case K::Except:
    case K::ExceptGroup:
      f.flags |= kInExceptHandler;
      break;
    case K::ExpressionStatement:
      // __all__ may be built under if/try at module level too.
      if (f.scope == 0) module_statement_exports(n);
      break;
    case K::Call: {
      TSNode fn = ts_node_child_by_field_id(n, sy.f_function);
      if (!ts_node_is_null(fn) && text(fn) == "locals") {
        Event e;
        e.kind = Ev::Locals;
        e.scope = f.scope;
        f.sink->push_back(e);
      }
      break;
    }
    case K::String:
      if (f.annotation && !f.literal_subscript && p.kind != K::ConcatenatedString) string_annotation(f, n);
      break;
    case K::Type:
      if (p.kind == K::TypeAlias) {
        f.annotation = true;
        if (field_id == sy.f_left) {
          // `type X[T] = ...` binds X; the rest of the left side is not read.
          TSNode name = ts_node_named_child(n, 0);
          TSNode generic = name;
          if (!ts_node_is_null(name) && is(name, "generic_type")) name = ts_node_named_child(name, 0);
          if (!ts_node_is_null(name) && is(name, "identifier")) emit(f, Ev::Bind, name, BindingKind::TypeAlias);
          if (!ts_node_is_null(generic) && is(generic, "generic_type")) {
            // `type A[T] = ...`: T is visible on the right only.
            p.type_params_scope = new_scope(ScopeKind::TypeParams, static_cast<int32_t>(f.scope), p.node);
            Frame in_params = {};
            in_params.scope = p.type_params_scope;
            in_params.sink = f.sink;
            for (TSNode c : children(generic)) {
              if (!is(c, "type_parameter")) continue;
              for (TSNode t : children(c)) {
                TSNode id = ts_node_named_child(t, 0);
                if (!ts_node_is_null(id) && is(id, "splat_type")) id = ts_node_named_child(id, 0);
                if (!ts_node_is_null(id) && is(id, "constrained_type")) id = ts_node_named_child(ts_node_named_child(id, 0), 0);
                if (!ts_node_is_null(id) && is(id, "identifier")) emit(in_params, Ev::Bind, id, BindingKind::TypeParam);
              }
            }
          }
          f.ctx = Ctx::Ignore;
        } else {
          f.lazy = true;  // a type alias's value is evaluated when first used
          if (p.type_params_scope != UINT32_MAX) f.scope = p.type_params_scope;
        }
      } else if (p.kind == K::TypeParameter && p.type_parameter_list) {
        // One type parameter: T, T: bound, *Ts or **P. Its name binds; a bound is read.
        TSNode first = ts_node_named_child(n, 0);
        TSNode name{};
        if (!ts_node_is_null(first) && is(first, "identifier")) name = first;
        if (!ts_node_is_null(first) && is(first, "splat_type")) name = ts_node_named_child(first, 0);
        if (!ts_node_is_null(first) && is(first, "constrained_type")) {
          TSNode t = ts_node_named_child(first, 0);
          if (!ts_node_is_null(t)) name = ts_node_named_child(t, 0);
        }
        if (!ts_node_is_null(name) && is(name, "identifier")) {
          emit(f, Ev::Bind, name, BindingKind::TypeParam);
          bound_name_at = ts_node_start_byte(name);  // not a read when the walk reaches it
        }
      }
      break;
    default:
      break;
  }

  // Match patterns: captures bind, dotted names load.
  if (f.bind_kind == BindingKind::MatchCapture && p.kind != K::Case && k != K::Identifier) {
    // handled below by kind
  }
  if (p.bind_kind == BindingKind::MatchCapture || f.bind_kind == BindingKind::MatchCapture) {
    if (k == K::DottedName && (p.kind == K::CasePattern || p.kind == K::KeywordPattern || p.kind == K::DictPattern)) {
      // A single name is a capture (`_` is a wildcard); a dotted one is a value.
      int names = 0;
      TSNode first{};
      for (TSNode c : children(n)) {
        if (is(c, "identifier")) {
          if (names == 0) first = c;
          ++names;
        }
      }
      if (names == 1 && p.kind != K::DictPattern) {
        if (text(first) != "_") emit(f, Ev::Bind, first, BindingKind::MatchCapture);
      } else if (names >= 1) {
        emit(f, Ev::Load, first);
      }
      f.ctx = Ctx::Ignore;
    } else if (k == K::DottedName && p.kind == K::ClassPattern) {
      TSNode first = ts_node_named_child(n, 0);
      if (!ts_node_is_null(first)) emit(f, Ev::Load, first);
      f.ctx = Ctx::Ignore;
    } else if (k == K::SplatPattern) {
      for (TSNode c : children(n)) {
        if (is(c, "identifier") && text(c) != "_") emit(f, Ev::Bind, c, BindingKind::MatchCapture);
      }
      f.ctx = Ctx::Ignore;
    } else if (k == K::DictPattern) {
      f.ctx = Ctx::Load;
    }
    if (p.kind == K::Case && (k == K::IfClause || k == K::Block)) {
      f.bind_kind = BindingKind::Assignment;
      f.ctx = Ctx::Load;
    }
  }
  frames.push_back(std::move(f));
}

void SemanticBuilder::Impl::leave(TSNode n) {
  Frame f = std::move(frames.back());
  frames.pop_back();
  if (f.held) {
    std::vector<Event>* out = f.outer_sink ? f.outer_sink : f.sink;
    if (f.kind == K::ForIn) out = f.outer_sink;
    out->insert(out->end(), f.held->begin(), f.held->end());
  }
  switch (f.kind) {
    case K::Function:
    case K::Class: {
      TSNode name = field(n, "name");
      if (!ts_node_is_null(name)) {
        Frame at = {};
        at.scope = f.kind == K::Class ? f.outer_scope : f.outer_scope;
        at.sink = f.kind == K::Class ? f.sink : f.outer_sink;
        at.flags = f.flags;
        at.branch = f.branch;
        at.stmt = f.stmt;
        at.stmt_start = f.stmt_start;
        emit(at, Ev::Bind, name, f.kind == K::Class ? BindingKind::Class : BindingKind::Function);
      }
      if (f.kind == K::Function) {
        Event e;
        e.kind = Ev::DeferFunction;
        e.scope = f.outer_scope;
        e.aux = f.own_unit_index;
        f.outer_sink->push_back(e);
      }
      break;
    }
    case K::Lambda:
      break;
    case K::Except:
    case K::ExceptGroup: {
      // `except E as e`: the alias sits in the clause, or in an as_pattern as its value.
      TSNode alias = field(n, "alias");
      if (ts_node_is_null(alias)) {
        for (TSNode c : children(n)) {
          if (is(c, "as_pattern")) alias = field(c, "alias");
        }
        if (!ts_node_is_null(alias) && is(alias, "as_pattern_target")) alias = ts_node_named_child(alias, 0);
      }
      if (!ts_node_is_null(alias)) {
        TSNode id = unparenthesized(alias);
        if (is(id, "identifier")) {
          Event e;
          e.kind = Ev::ExceptEnd;
          e.scope = f.scope;
          e.name = text(id);
          e.start = ts_node_start_byte(id);
          e.end = ts_node_end_byte(id);
          f.sink->push_back(e);
        }
      }
      break;
    }
    default:
      break;
  }
}

// ---- resolution ---------------------------------------------------------------------------

namespace {

struct Resolver {
  SemanticModel& m;
  const std::vector<std::string>& qualified;
  std::deque<uint32_t> functions, lambdas;

  uint32_t add_binding(uint32_t scope_id, const Event& e, BindingKind kind, uint32_t extra_flags) {
    Binding b;
    b.name = e.name;
    b.kind = kind;
    b.scope = scope_id;
    b.start = e.start;
    b.end = e.end;
    b.stmt_start = e.stmt_start;
    b.flags = e.flags | extra_flags;
    b.branch = e.branch;
    b.node = e.node;
    if (is_import(kind)) b.qualified_name = qualified[e.aux];
    Scope& s = m.scopes[scope_id];
    auto it = s.names.find(e.name);
    if (it != s.names.end()) {
      const Binding& old = m.bindings[it->second];
      if (kind == BindingKind::Annotation && old.kind != BindingKind::Deletion) {
        // `x = 1; x: int`: the annotation does not replace the value (Ruff).
        const uint32_t id = static_cast<uint32_t>(m.bindings.size());
        b.shadows = static_cast<int32_t>(it->second);
        m.bindings.push_back(std::move(b));
        s.bindings.push_back(id);
        return id;
      }
      b.shadows = static_cast<int32_t>(it->second);
      b.shadows_same_scope = true;
      // A rebinding inherits the uses of the binding it replaces, as in Ruff: in a loop, a
      // read that comes before the assignment in the text still reads it.
      if (old.kind != BindingKind::Deletion && old.kind != BindingKind::Builtin) {
        b.uses = old.uses;
        b.used_from_scope = old.used_from_scope;
        b.first_use = old.first_use;
        b.flags |= old.flags & (kGlobalName | kNonlocalName);
      }
    } else if (s.kind == ScopeKind::Function || s.kind == ScopeKind::Lambda) {
      // Only function scopes shadow enclosing names, for F811 and F402 (Ruff).
      for (int32_t a = s.parent; a >= 0; a = m.scopes[a].parent) {
        const Scope& as = m.scopes[a];
        if (as.kind != ScopeKind::Function && as.kind != ScopeKind::Module) continue;
        auto ai = as.names.find(e.name);
        if (ai != as.names.end()) {
          b.shadows = static_cast<int32_t>(ai->second);
          break;
        }
      }
    }
    const uint32_t id = static_cast<uint32_t>(m.bindings.size());
    m.bindings.push_back(std::move(b));
    s.names[e.name] = id;
    s.bindings.push_back(id);
    return id;
  }

  bool declared(const std::vector<std::string_view>& v, std::string_view name) const {
    return std::find(v.begin(), v.end(), name) != v.end();
  }

  void bind(const Event& e) {
    uint32_t scope = e.scope;
    uint32_t flags = 0;
    const Scope& s = m.scopes[scope];
    if (s.kind != ScopeKind::Module && declared(s.globals, e.name)) {
      // Bound here, marked global: reads resolve in the module (see load), as in Ruff.
      flags |= kGlobalName;
    } else if (declared(s.nonlocals, e.name)) {
      for (int32_t a = s.parent; a >= 0; a = m.scopes[a].parent) {
        if (m.scopes[a].kind == ScopeKind::Function && m.scopes[a].names.count(e.name)) {
          scope = static_cast<uint32_t>(a);
          break;
        }
      }
      flags |= kNonlocalName;
    }
    add_binding(scope, e, e.bkind, flags);
  }

  void use(uint32_t binding_id, const Event& e) {
    Binding& b = m.bindings[binding_id];
    if (b.uses == 0) {
      b.used_from_scope = static_cast<int32_t>(e.scope);
      b.first_use = e.start;
    }
    ++b.uses;
  }

  // The reference an event makes, resolved to `binding` (-1: not resolved).
  static Reference reference_of(const Event& e, int32_t binding = -1) {
    Reference r;
    r.name = e.name;
    r.scope = e.scope;
    r.start = e.start;
    r.end = e.end;
    r.binding = binding;
    return r;
  }

  // A `del` that uses the binding it deletes (or leaves bound).
  void del_use(const Event& e, uint32_t binding) {
    use(binding, e);
    m.references.push_back(reference_of(e, static_cast<int32_t>(binding)));
  }

  void load(const Event& e) {
    Reference r = reference_of(e);
    r.flags = e.flags;
    int32_t s = static_cast<int32_t>(e.scope);
    bool first = true;
    bool star = false;
    bool annotated = false;
    if (m.scopes[s].kind != ScopeKind::Module && declared(m.scopes[s].globals, e.name)) s = 0;
    while (s >= 0) {
      const Scope& sc = m.scopes[s];
      if (!first && sc.kind == ScopeKind::Class) {
        s = sc.parent;
        continue;
      }
      star |= sc.star_import;
      auto it = sc.names.find(e.name);
      if (it != sc.names.end()) {
        const Binding& b = m.bindings[it->second];
        if (b.kind == BindingKind::Deletion) {  // deleted: unbound
          r.flags |= kAfterDeletion;
          break;
        }
        if (b.kind == BindingKind::Annotation && !m.is_stub) {
          // `x: int` alone binds nothing to read: look further out, as Ruff does (the
          // annotation still counts as used, for F842).
          use(it->second, e);
          annotated |= first && sc.kind == ScopeKind::Function;
          first = false;
          s = sc.parent;
          continue;
        }
        r.binding = static_cast<int32_t>(it->second);
        use(it->second, e);
        use_aliased_submodule(sc, b, e);
        m.references.push_back(r);
        return;
      }
      if (first && sc.kind == ScopeKind::Class && (e.name == "__module__" || e.name == "__qualname__")) {
        r.builtin = true;
        m.references.push_back(r);
        return;
      }
      if (sc.kind == ScopeKind::Function && e.name == "__class__" && sc.parent >= 0 &&
          m.scopes[sc.parent].kind == ScopeKind::Class) {
        r.builtin = true;
        m.references.push_back(r);
        return;
      }
      first = false;
      s = sc.parent;
    }
    if (is_python_builtin(e.name, m.target_minor) || (e.name == "__path__" && m.is_package_init)) {
      r.builtin = true;
      m.references.push_back(r);
      return;
    }
    m.references.push_back(r);
    m.unresolved.push_back(Unresolved{e.name, e.scope, e.start, e.end, e.flags, star && !annotated, annotated});
  }

  // `import pyarrow as pa` with `import pyarrow.csv`: using `pa` uses the submodule import too
  // (Ruff's resolve_submodule).
  void use_aliased_submodule(const Scope& sc, const Binding& b, const Event& e) {
    if (b.kind != BindingKind::Import) return;
    const std::string& q = b.qualified_name;
    const size_t dot = q.rfind('.');
    const std::string_view tail = dot == std::string::npos ? std::string_view(q) : std::string_view(q).substr(dot + 1);
    if (tail == b.name) return;
    auto it = sc.names.find(tail);
    if (it == sc.names.end()) return;
    const Binding& sub = m.bindings[it->second];
    if (sub.kind == BindingKind::SubmoduleImport && sub.qualified_name.size() > q.size() &&
        sub.qualified_name.compare(0, q.size(), q) == 0 && sub.qualified_name[q.size()] == '.') {
      use(it->second, e);
    }
  }

  void del(const Event& e) {
    uint32_t scope = e.scope;
    if (m.scopes[scope].kind != ScopeKind::Module && declared(m.scopes[scope].globals, e.name)) {
      // `global x; del x` in a function: the module's binding is used, and stays for Ruff.
      auto it = m.scopes[0].names.find(e.name);
      if (it != m.scopes[0].names.end()) {
        del_use(e, it->second);
      }
      return;
    }
    Scope& s = m.scopes[scope];
    auto it = s.names.find(e.name);
    if (it != s.names.end() && m.bindings[it->second].kind != BindingKind::Deletion && (e.flags & kConditional)) {
      // A conditional `del` leaves the name bound (Ruff's ConditionalDeletion).
      del_use(e, it->second);
      return;
    }
    if (it != s.names.end() && m.bindings[it->second].kind != BindingKind::Deletion) {
      del_use(e, it->second);
      add_binding(scope, e, BindingKind::Deletion, 0);
      return;
    }
    // Deleting what this scope never bound is an error, whatever outer scopes hold; a builtin
    // or a nonlocal name is not reported (as Ruff).
    if (declared(m.scopes[e.scope].nonlocals, e.name)) return;
    if (is_python_builtin(e.name, m.target_minor) && !is_module_magic(e.name)) {
      // Still a deletion for what follows (E721: the name is no longer the builtin), unless it
      // sits on a conditional branch. Loads of it still resolve to the builtin, as before.
      if (!(e.flags & kConditional)) add_binding(scope, e, BindingKind::Deletion, 0);
      return;
    }
    m.references.push_back(reference_of(e));
    // Ruff reports an unbound `del` as F821 even where a star import might define the name.
    m.unresolved.push_back(Unresolved{e.name, e.scope, e.start, e.end, e.flags, false, false});
  }

  void except_end(const Event& e) {
    Scope& s = m.scopes[e.scope];
    auto it = s.names.find(e.name);
    if (it == s.names.end()) return;
    const Binding& b = m.bindings[it->second];
    if (b.kind != BindingKind::ExceptHandler) return;
    // The name is unbound after the handler; a name it shadowed comes back.
    if (b.shadows >= 0 && b.shadows_same_scope) {
      s.names[e.name] = static_cast<uint32_t>(b.shadows);
    } else {
      s.names.erase(it);
    }
  }

  void run(const std::vector<Event>& unit) {
    for (const Event& e : unit) {
      switch (e.kind) {
        case Ev::Bind: bind(e); break;
        case Ev::Load: load(e); break;
        case Ev::Del: del(e); break;
        case Ev::Global: {
          Scope& s = m.scopes[e.scope];
          if (s.kind != ScopeKind::Module) s.globals.push_back(e.name);
          break;
        }
        case Ev::PreGlobal:
          if (!m.scopes[0].names.count(e.name)) add_binding(0, e, BindingKind::Assignment, kGlobalName);
          break;
        case Ev::Nonlocal: {
          m.scopes[e.scope].nonlocals.push_back(e.name);
          // The enclosing function's variable is used by the closure that declares it nonlocal.
          for (int32_t a = m.scopes[e.scope].parent; a >= 0; a = m.scopes[a].parent) {
            if (m.scopes[a].kind != ScopeKind::Function) continue;
            auto it = m.scopes[a].names.find(e.name);
            if (it != m.scopes[a].names.end()) {
              use(it->second, e);
              break;
            }
          }
          break;
        }
        case Ev::DeferFunction: functions.push_back(e.aux); break;
        case Ev::DeferLambda: lambdas.push_back(e.aux); break;
        case Ev::ExceptEnd: except_end(e); break;
        case Ev::StarImport: {
          m.scopes[e.scope].star_import = true;
          Event b = e;
          b.name = "*";
          add_binding(e.scope, b, BindingKind::StarImport, 0);
          break;
        }
        case Ev::Locals: m.scopes[e.scope].uses_locals = true; break;
      }
    }
  }
};

}  // namespace

std::unique_ptr<SemanticModel> SemanticBuilder::Impl::resolve() {
  Resolver r{*model, qualified, {}, {}};
  r.run(units[0]);
  while (!r.functions.empty()) {
    const uint32_t u = r.functions.front();
    r.functions.pop_front();
    r.run(units[u]);
  }
  while (!r.lambdas.empty()) {
    const uint32_t u = r.lambdas.front();
    r.lambdas.pop_front();
    r.run(units[u]);
  }
  r.run(*annotations_unit);

  // __all__: its names are uses of the module's bindings.
  Scope& module = model->scopes[0];
  for (const ExportName& ex : model->exports) {
    if (ex.mutation) continue;
    auto it = module.names.find(ex.name);
    if (it != module.names.end()) {
      Binding& b = model->bindings[it->second];
      b.flags |= kExported;
      ++b.uses;
    }
  }
  for (uint32_t i = 0; i < model->references.size(); ++i) model->reference_by_start[model->references[i].start] = i;
  return std::move(model);
}

// ---- SemanticModel -------------------------------------------------------------------------

bool SemanticModel::same_branch(const Binding& a, const Binding& b) const {
  // Ruff compares the innermost branch: a definition at module level and one inside an `if`
  // are on different branches, as are two arms of one `if`.
  return a.branch == b.branch;
}

const Binding* SemanticModel::binding_at(uint32_t start_byte) const {
  auto it = reference_by_start.find(start_byte);
  if (it == reference_by_start.end()) return nullptr;
  const Reference& r = references[it->second];
  return r.binding >= 0 ? &bindings[r.binding] : nullptr;
}

std::string SemanticModel::qualified_name(TSNode expr, std::string_view source) const {
  expr = unparenthesized(expr);
  std::vector<std::string_view> tail;
  while (is(expr, "attribute")) {
    TSNode attr = field(expr, "attribute");
    tail.push_back(source.substr(ts_node_start_byte(attr), ts_node_end_byte(attr) - ts_node_start_byte(attr)));
    expr = unparenthesized(field(expr, "object"));
  }
  if (!is(expr, "identifier")) return "";
  const std::string_view head = source.substr(ts_node_start_byte(expr), ts_node_end_byte(expr) - ts_node_start_byte(expr));
  std::string out;
  auto it = reference_by_start.find(ts_node_start_byte(expr));
  if (it == reference_by_start.end()) return "";
  const Reference& r = references[it->second];
  if (r.builtin) {
    out = "builtins." + std::string(head);
  } else if (r.binding >= 0) {
    const Binding& b = bindings[r.binding];
    if (!is_import(b.kind)) return "";
    if (b.kind == BindingKind::SubmoduleImport) {
      // `import a.b` binds `a`: `a.b.c` is "a.b.c".
      out = std::string(head);
    } else {
      out = b.qualified_name;
    }
  } else {
    return "";
  }
  for (auto t = tail.rbegin(); t != tail.rend(); ++t) {
    out += '.';
    out += *t;
  }
  return out;
}

uint32_t SemanticModel::scope_at(uint32_t byte) const {
  uint32_t best = 0;
  uint32_t best_size = UINT32_MAX;
  for (uint32_t i = 0; i < scopes.size(); ++i) {
    const TSNode n = scopes[i].node;
    if (ts_node_is_null(n)) continue;
    const uint32_t s = ts_node_start_byte(n), e = ts_node_end_byte(n);
    if (byte >= s && byte < e && e - s <= best_size) {
      best = i;
      best_size = e - s;
    }
  }
  return best;
}

bool is_module_magic(std::string_view name) {
  return name == "__annotations__" || name == "__builtins__" || name == "__cached__" || name == "__file__";
}

int builtin_added_in(std::string_view name) {
  for (const auto& [builtin, minor] : kVersionedBuiltins) {
    if (builtin == name) return minor;
  }
  return 0;
}

bool is_python_builtin(std::string_view name, int minor) {
  static const std::unordered_set<std::string_view> set(kBuiltins.begin(), kBuiltins.end());
  return set.count(name) != 0 && builtin_added_in(name) <= minor;
}

SemanticBuilder::SemanticBuilder(std::string_view source, std::string_view path)
    : impl_(std::make_unique<Impl>(source, path)) {}
SemanticBuilder::~SemanticBuilder() = default;
void SemanticBuilder::set_target_minor(int minor) { impl_->model->target_minor = minor; }
void SemanticBuilder::enter(TSNode node, TSFieldId field) { impl_->enter(node, field); }
void SemanticBuilder::leave(TSNode node) { impl_->leave(node); }
std::unique_ptr<SemanticModel> SemanticBuilder::resolve() { return impl_->resolve(); }

}  // namespace lint
