// The semantic model's builder, inside: the node kinds it tells apart, the events it records during
// the walk and the per-node frames that decide them. Shared by the files of src/semantic/ only:
// builder.cpp (the walk), declarations.cpp (imports, __all__, string annotations) and resolver.cpp
// (replaying the events into scopes and bindings).
#pragma once

#include <algorithm>
#include <cstring>
#include <deque>
#include <memory>
#include <new>
#include <string>
#include <string_view>
#include <type_traits>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "semantic/semantic.h"
#include "syntax/node.h"
#include "syntax/syntax.h"

namespace lint {
namespace semantic_builder {

// Node kinds the builder treats specially.
enum class K : uint8_t {
  Other, Module, Identifier, Attribute, Subscript, Call, KeywordArgument,
  Import, ImportFrom, FutureImport, Global, Nonlocal, Delete,
  Function, Class, Lambda, Decorated, Parameters, LambdaParameters, DefaultParameter, TypedParameter,
  TypedDefaultParameter, ListSplatPattern, DictSplatPattern,
  Assignment, AugAssignment, For, While, With, WithItem, AsPattern, AsPatternTarget, Try, Except,
  Else, Finally, If, Elif, Match, Case, CasePattern, DottedName, SplatPattern, KeywordPattern, ClassPattern,
  DictPattern, NamedExpr, ListComp, SetComp, DictComp, GenExpr, ForIn, IfClause,
  Tuple, List, PatternList, TuplePattern, ListPattern, Parenthesized, ListSplat, ExpressionList,
  Type, TypeParameter, TypeAlias, GenericType, ConstrainedType, SplatType, String, ConcatenatedString,
  Interpolation, Block, ExpressionStatement, Comment, Decorator, Dictionary, Pair, DictionarySplat,
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
    set("try_statement", K::Try); set("except_clause", K::Except);
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
    set("decorator", K::Decorator); set("dictionary", K::Dictionary); set("pair", K::Pair);
    set("dictionary_splat", K::DictionarySplat);
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

const Symbols& symbols();

enum class Ev : uint8_t { Bind, Load, Del, Global, PreGlobal, Nonlocal, DeferFunction, DeferLambda, ExceptEnd, StarImport, Locals };

struct Event {
  Ev kind;
  BindingKind bkind = BindingKind::Assignment;
  uint32_t scope = 0;
  uint32_t start = 0, end = 0;
  // The name: source[start, end) when 0 (nearly always), else Impl::event_names[name_at] (a
  // normalised name, one found elsewhere): a view would be 16 of the event's 40 bytes.
  uint32_t name_at = 0;
  uint32_t flags = 0;
  uint32_t branch = 0;
  uint32_t stmt_start = 0;
  uint32_t aux = 0;  // unit to defer; index of a qualified name
  // The defining statement, as an index into Impl::statements (0: none): one event per name
  // makes this the model's largest table, and a TSNode would be 32 of its bytes.
  uint32_t node = 0;
};

// Events in blocks that never move. Appending never copies what a list holds, and the resolver
// frees each block once it has replayed it: on dense code a unit holds hundreds of thousands of
// events, and as a vector its doubling kept up to twice them allocated (copying them once more)
// at the file's peak, beside its tree. Blocks grow from 4 events to 256, so a list of a few
// events costs what a vector of them did.
class EventList {
 public:
  void push_back(const Event& e) {
    if (full()) add_block();
    new (blocks_.back().get() + last_used_++) Event(e);
  }
  void append(const EventList& other) {
    for (size_t b = 0; b < other.blocks_.size(); ++b) {
      const Event* from = other.blocks_[b].get();
      uint32_t n = b + 1 == other.blocks_.size() ? other.last_used_ : capacity_of(b);
      while (n > 0) {
        if (full()) add_block();
        const uint32_t k = std::min(n, capacity_of(blocks_.size() - 1) - last_used_);
        std::memcpy(static_cast<void*>(blocks_.back().get() + last_used_), from, k * sizeof(Event));
        last_used_ += k;
        from += k;
        n -= k;
      }
    }
  }
  // Calls f on each event in order, freeing each block once it is done: the list ends empty.
  template <class F>
  void consume(F&& f) {
    for (size_t b = 0; b < blocks_.size(); ++b) {
      const uint32_t n = b + 1 == blocks_.size() ? last_used_ : capacity_of(b);
      for (uint32_t i = 0; i < n; ++i) f(blocks_[b].get()[i]);
      blocks_[b].reset();
    }
    std::vector<Block>().swap(blocks_);
    last_used_ = 0;
  }

 private:
  static uint32_t capacity_of(size_t block) { return 4u << std::min<size_t>(block, 6); }
  bool full() const { return blocks_.empty() || last_used_ == capacity_of(blocks_.size() - 1); }
  void add_block() {
    blocks_.emplace_back(static_cast<Event*>(::operator new(sizeof(Event) * capacity_of(blocks_.size()))));
    last_used_ = 0;
  }
  // Raw storage: an event is written once, by copy, where it goes (no slot is constructed first).
  static_assert(std::is_trivially_copyable_v<Event> && std::is_trivially_destructible_v<Event>);
  struct Release {
    void operator()(Event* p) const { ::operator delete(p); }
  };
  using Block = std::unique_ptr<Event, Release>;
  std::vector<Block> blocks_;
  uint32_t last_used_ = 0;  // events in the last block
};

enum class Ctx : uint8_t { Load, Store, Del, AugStore, Ignore };

// An event flag beside semantic.h's binding flags: a load in a forward reference (a string
// annotation, or an annotation deferred by `from __future__ import annotations` or a stub),
// which finds the module's binding first when there is one (PEP 563, as Ruff resolves it).
constexpr uint32_t kForwardReference = 1u << 31;

// Calls whose arguments are partly type expressions, as Ruff reads them: `cast(T, v)`,
// `NewType("N", T)`, `TypeVar("T", A, bound=B)`, `TypeAliasType("A", T)`, `TypedDict("D", {"k": T})`
// and mypy_extensions' `Arg(T, "name")` family.
enum class TypeCall : uint8_t { None, Cast, NewType, TypeVar, TypeAliasType, TypedDict, MypyArg };

struct Frame {
  TSNode node{};
  K kind = K::Other;
  uint32_t scope = 0;               // where loads below resolve
  EventList* sink = nullptr;
  Ctx ctx = Ctx::Load;
  BindingKind bind_kind = BindingKind::Assignment;
  uint32_t flags = 0;
  uint32_t branch = 0;
  uint32_t stmt_start = 0;
  TSNode stmt{};
  // Children whose events must run later than they appear (an assignment's targets after its
  // value, a comprehension's element after its clauses) write to `held`, flushed into `sink`
  // when the child with field `flush_before` is entered, or when this node is left.
  std::unique_ptr<EventList> held;
  TSFieldId flush_before = 0;
  uint32_t own_scope = UINT32_MAX;  // scope this node opens (def, class, lambda, comprehension)
  EventList* own_unit = nullptr;
  uint32_t outer_scope = 0;         // the scope around this node
  EventList* outer_sink = nullptr;
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
  TypeCall type_call = TypeCall::None;  // argument_list of a call whose arguments hold types
  uint32_t positional = 0;          // ... its positional arguments entered so far
  bool type_keyword = false;        // a keyword argument of such a call whose value is a type
  bool class_base = false;          // inside a class's bases
  // A type expression that runs when its statement runs (a typing form subscripted outside an
  // annotation, a type alias's value, cast's type): not deferred by `from __future__ import
  // annotations`, only in stubs.
  bool runtime_type = false;
  bool typed_dict = false;          // a dictionary whose keys are names and values types (TypedDict)
  bool typed_dict_pair = false;     // ... one of its `key: value` pairs
};

inline bool is_dunder_all_target(std::string_view source, TSNode n) {
  return is(n, "identifier") && source.substr(ts_node_start_byte(n), ts_node_end_byte(n) - ts_node_start_byte(n)) == "__all__";
}

// typing's generic forms, whose subscripts are type expressions even outside annotations.
bool is_generic_form_name(std::string_view n);

}  // namespace semantic_builder

// `__annotations__`, `__file__` ...: names every module has, which `del` cannot unbind.
bool is_module_magic(std::string_view name);

using namespace semantic_builder;

struct SemanticBuilder::Impl {
  std::string_view source;
  std::string_view path;
  std::unique_ptr<SemanticModel> model = std::make_unique<SemanticModel>();
  std::deque<EventList> units;  // stable addresses
  EventList* annotations_unit = nullptr;  // deferred annotations, resolved last
  // Load and Del events: each makes at most one reference, so the resolver reserves this many
  // (counting every event reserved for the bindings too).
  size_t reference_events = 0;
  std::vector<Frame> frames;
  std::vector<std::string> qualified;
  std::vector<TSNode> statements{TSNode{}};  // Event::node; the names of one statement share one
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

  uint32_t statement_index(TSNode n) {
    if (ts_node_is_null(n)) return 0;
    if (!ts_node_eq(statements.back(), n)) statements.push_back(n);
    return static_cast<uint32_t>(statements.size() - 1);
  }

  std::string_view text(TSNode n) const {
    const uint32_t s = ts_node_start_byte(n);
    return source.substr(s, ts_node_end_byte(n) - s);
  }

  // A name as Python binds and looks it up: NFKC-normalised (PEP 3131), so `𝒞` and `C` are one
  // name. ASCII names, nearly all of them, are returned as they are.
  std::string_view normalized(std::string_view name);
  std::string_view name_text(TSNode n) { return normalized(text(n)); }

  // Events' names other than source[start, end); [0] is unused.
  std::vector<std::string_view> event_names{std::string_view{}};
  // Sets an event's name (after its start and end).
  void set_name(Event& e, std::string_view name) {
    if (name.data() == source.data() + e.start && name.size() == e.end - e.start) {
      e.name_at = 0;
    } else {
      e.name_at = static_cast<uint32_t>(event_names.size());
      event_names.push_back(name);
    }
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
    const std::string_view name = name_text(n);
    set_name(e, name);
    e.flags = f.flags | extra_flags;
    e.branch = f.branch;
    e.stmt_start = f.stmt_start;
    e.node = statement_index(f.stmt);
    if (kind == Ev::Bind) bound_names.insert(name);
    if (kind == Ev::Load || kind == Ev::Del) ++reference_events;
    f.sink->push_back(e);
  }

  // The branch of the name an except clause binds (`as e`): that of its try statement, as Ruff
  // attributes the binding to the try statement (F811 compares the branches of statements).
  // `except_at` is the except clause's frame.
  uint32_t handler_name_branch(size_t except_at, uint32_t otherwise) const {
    return except_at >= 1 && frames[except_at - 1].kind == K::Try ? frames[except_at - 1].branch : otherwise;
  }

  // ---- statements with their own handling -------------------------------------------------

  void bind_imports(Frame& f, TSNode stmt, K kind);

  static TSNode bound_node(TSNode name, TSNode alias) { return ts_node_is_null(alias) ? name : alias; }

  void names_statement(Frame& f, TSNode stmt, Ev kind);

  // `__all__ = [...]`, `__all__ += [...]`, `__all__.extend([...])`, `.append("x")`, `.remove("x")`.
  void collect_exports_from(TSNode seq, uint32_t definition, bool remove = false, bool mutation = false);

  void module_statement_exports(TSNode stmt);

  // Names under which typing's Literal and Annotated are imported here.
  std::unordered_set<std::string_view> literal_names, annotated_names;
  bool is_literal_form(std::string_view v) const {
    return literal_names.count(v) || v.ends_with(".Literal");
  }
  // Names bound to typing's generic forms (`from typing import Union as U`), and to the typing
  // module itself (`import typing as t`).
  std::unordered_set<std::string_view> typing_forms, typing_modules;
  bool is_typing_form(std::string_view v) const {
    if (typing_forms.count(v)) return true;
    const size_t dot = v.rfind('.');
    return dot != std::string_view::npos && typing_modules.count(v.substr(0, dot)) &&
           is_generic_form_name(v.substr(dot + 1));
  }
  // The names imports bind here and what they refer to (`np` -> "numpy", `Opt` ->
  // "typing.Optional"); the last import of a name wins.
  std::unordered_map<std::string_view, std::string> imported;
  // Every name bound so far, in any scope: a builtin's name bound by the file is not the builtin.
  std::unordered_set<std::string_view> bound_names;
  // The qualified name of a name or attribute chain as written (`abc.ItemsView` after `from
  // collections import abc`: "collections.abc.ItemsView"); a builtin's is "builtins.list"; ""
  // when it comes from neither an import nor the builtins.
  std::string qualified_of(std::string_view expr) const;
  TypeCall type_call_of(std::string_view function) const;
  // Whether `form[...]` is a generic (its arguments are types) or a TypedDict, as Ruff's
  // match_annotated_subscript reads the qualified name.
  bool is_generic_subscript(std::string_view form) const;
  bool is_typed_dict_form(std::string_view form) const;
  // The argument of `TypedDict[...]` (`arg` is its frame, `n` its node): a dictionary's keys are
  // names and its values types; anything else is no type at all.
  void typed_dict_argument(Frame& arg, TSNode n) const;

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

  void string_annotation(const Frame& f, TSNode str);
  // The annotation held by source[start, end) (a string's content), at nesting `depth`.
  void annotation_text(const Frame& f, uint32_t start, uint32_t end, int depth);

  // ---- the walk ------------------------------------------------------------------------------

  // Type parameters' bounds and defaults still to be entered (their `type` node's start), with
  // the scope of their type parameters.
  std::unordered_map<uint32_t, uint32_t> lazy_types;
  TSNode type_parameter_name(TSNode type, uint32_t scope);

  // Whether what is read under frame `f` is read later, with the deferred annotations: annotations
  // with `from __future__ import annotations` (not runtime type definitions), every type
  // expression and class base in a stub, and lazy values (type aliases).
  bool deferred_type_expression(const Frame& f) const {
    return (f.annotation && ((model->future_annotations && !f.runtime_type) || model->is_stub)) ||
           (model->is_stub && f.class_base) || f.lazy;
  }

  void enter(TSNode n, const TSTreeCursor& cursor);
  TSNode chain_start() const;
  void leave(TSNode n);
  std::unique_ptr<SemanticModel> resolve();
};

}  // namespace lint
