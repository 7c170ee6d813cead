// What the builder records of statements with their own shape: imports, `__all__` and its
// mutations, and the names inside string annotations.
#include <algorithm>
#include <cctype>
#include <string>
#include <string_view>
#include <unordered_set>

#include "semantic/builder.h"

namespace lint {

namespace semantic_builder {

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

}  // namespace semantic_builder

namespace {

// Ruff's is_standard_library_generic, on a dotted qualified name.
bool is_standard_library_generic(std::string_view q) {
  static const std::unordered_set<std::string_view> generics = {
      "builtins.dict", "builtins.frozenset", "builtins.list", "builtins.set", "builtins.tuple", "builtins.type",
      "collections.ChainMap", "typing.ChainMap", "typing_extensions.ChainMap", "collections.Counter",
      "typing.Counter", "typing_extensions.Counter", "collections.OrderedDict", "typing.OrderedDict",
      "collections.defaultdict", "collections.deque", "contextlib.AbstractAsyncContextManager",
      "contextlib.AbstractContextManager", "re.Match", "re.Pattern", "typing.Match", "typing.Pattern",
      "typing.io.BinaryIO", "typing.io.IO", "typing.io.TextIO", "typing.re.Match", "typing.re.Pattern",
      "weakref.WeakKeyDictionary", "weakref.WeakSet", "weakref.WeakValueDictionary"};
  static const std::unordered_set<std::string_view> abc = {
      "AsyncGenerator", "AsyncIterable", "AsyncIterator", "Awaitable", "ByteString", "Callable", "Collection",
      "Container", "Coroutine", "Generator", "ItemsView", "Iterable", "Iterator", "KeysView", "Mapping",
      "MappingView", "MutableMapping", "MutableSequence", "MutableSet", "Reversible", "Sequence", "Set",
      "ValuesView"};
  static const std::unordered_set<std::string_view> typing = {
      "AbstractSet", "AsyncContextManager", "AsyncGenerator", "AsyncIterator", "Awaitable", "BinaryIO",
      "ByteString", "Callable", "ClassVar", "Collection", "Concatenate", "Container", "ContextManager",
      "Coroutine", "DefaultDict", "Deque", "Dict", "Final", "FrozenSet", "Generator", "Generic", "IO",
      "ItemsView", "Iterable", "Iterator", "KeysView", "List", "Mapping", "MutableMapping", "MutableSequence",
      "MutableSet", "Optional", "Reversible", "Sequence", "Set", "TextIO", "Tuple", "Type", "TypeGuard",
      "Union", "Unpack", "ValuesView"};
  static const std::unordered_set<std::string_view> typing_extensions = {
      "AsyncContextManager", "AsyncGenerator", "AsyncIterable", "AsyncIterator", "Awaitable", "ClassVar",
      "Concatenate", "ContextManager", "Coroutine", "DefaultDict", "Deque", "Type"};
  if (generics.count(q)) return true;
  if (q.starts_with("collections.abc.")) return abc.count(q.substr(16)) != 0;
  if (q.starts_with("typing.")) return typing.count(q.substr(7)) != 0;
  if (q.starts_with("typing_extensions.")) return typing_extensions.count(q.substr(18)) != 0;
  return false;
}

}  // namespace

std::string SemanticBuilder::Impl::qualified_of(std::string_view expr) const {
  for (char c : expr) {
    if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '.')) return "";
  }
  const size_t dot = expr.find('.');
  const std::string_view head = expr.substr(0, dot);
  const auto it = imported.find(head);
  if (it != imported.end()) {
    return dot == std::string_view::npos ? it->second : it->second + std::string(expr.substr(dot));
  }
  if (dot == std::string_view::npos && is_python_builtin(head, model->target_minor) && !bound_names.count(head)) {
    return "builtins." + std::string(head);
  }
  return "";
}

TypeCall SemanticBuilder::Impl::type_call_of(std::string_view function) const {
  const std::string q = qualified_of(function);
  const size_t dot = q.rfind('.');
  if (dot == std::string::npos) return TypeCall::None;
  const std::string_view module = std::string_view(q).substr(0, dot);
  const std::string_view member = std::string_view(q).substr(dot + 1);
  if (model->is_typing_module(module)) {
    if (member == "cast") return TypeCall::Cast;
    if (member == "NewType") return TypeCall::NewType;
    if (member == "TypeVar") return TypeCall::TypeVar;
    if (member == "TypeAliasType") return TypeCall::TypeAliasType;
    if (member == "TypedDict") return TypeCall::TypedDict;
  }
  if (module == "mypy_extensions" && (member == "Arg" || member == "DefaultArg" || member == "NamedArg" ||
                                      member == "DefaultNamedArg" || member == "VarArg" || member == "KwArg")) {
    return TypeCall::MypyArg;
  }
  return TypeCall::None;
}

bool SemanticBuilder::Impl::is_generic_subscript(std::string_view form) const {
  return is_standard_library_generic(qualified_of(form));
}

bool SemanticBuilder::Impl::is_typed_dict_form(std::string_view form) const {
  const std::string q = qualified_of(form);
  return q == "typing.TypedDict" || q == "typing_extensions.TypedDict";
}

void SemanticBuilder::Impl::typed_dict_argument(Frame& arg, TSNode n) const {
  TSNode inner = n;
  if (is(inner, "type") && ts_node_named_child_count(inner) == 1) inner = ts_node_named_child(inner, 0);
  if (is(inner, "dictionary")) {
    arg.typed_dict = true;  // the dictionary, or the `type` node around it (its child is marked on entry)
    return;
  }
  arg.annotation = false;
  arg.runtime_type = false;
  arg.literal_subscript = true;
}

void SemanticBuilder::Impl::bind_imports(Frame& f, TSNode stmt, K kind) {
  const Symbols& sy = symbols();
  std::string module;
  if (kind == K::ImportFrom) {
    TSNode m = ts_node_child_by_field_id(stmt, sy.f_module_name);
    module = std::string(normalized(text(m)));
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
      full = normalized(text(c));
      name_node = c;
    } else if (is(c, "aliased_import")) {
      name_node = ts_node_child_by_field_id(c, sy.f_name);
      alias = ts_node_child_by_field_id(c, sy.f_alias);
      full = normalized(text(name_node));
    } else if (is(c, "wildcard_import")) {
      Event e;
      e.kind = Ev::StarImport;
      e.scope = f.scope;
      e.start = ts_node_start_byte(stmt);
      e.end = ts_node_end_byte(stmt);
      e.branch = f.branch;
      e.stmt_start = f.stmt_start;
      e.node = statement_index(stmt);
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
    set_name(e, normalized(bound_name));
    e.flags = f.flags;
    e.branch = f.branch;
    e.stmt_start = f.stmt_start;
    e.node = statement_index(stmt);
    e.aux = static_cast<uint32_t>(qualified.size());
    // `import a as a` / `from m import a as a` (a redundant alias) re-exports it, in any file.
    if (!ts_node_is_null(alias) && normalized(text(alias)) == full) {
      e.flags |= kExported;
    }
    // typing's forms, from typing or a module of `typing-modules`.
    if (model->is_typing_member(q, "Literal")) literal_names.insert(bound_name);
    if (const size_t dot = q.rfind('.'); dot != std::string::npos &&
        model->is_typing_module(std::string_view(q).substr(0, dot)) &&
        is_generic_form_name(std::string_view(q).substr(dot + 1))) {
      typing_forms.insert(bound_name);
    }
    if (model->is_typing_member(q, "Annotated")) annotated_names.insert(bound_name);
    if (model->is_typing_module(q) && bk == BindingKind::Import) typing_modules.insert(bound_name);
    const std::string_view bound_as = normalized(bound_name);
    imported[bound_as] = bk == BindingKind::SubmoduleImport ? std::string(bound_as) : q;
    qualified.push_back(std::move(q));
    f.sink->push_back(e);
  }
}

void SemanticBuilder::Impl::names_statement(Frame& f, TSNode stmt, Ev kind) {
  for (TSNode c : children(stmt)) {
    if (is(c, "identifier")) emit(f, kind, c);
  }
}

// `__all__ = [...]`, `__all__ += [...]`, `__all__.extend([...])`, `.append("x")`, `.remove("x")`.
void SemanticBuilder::Impl::collect_exports_from(TSNode seq, uint32_t definition, bool remove, bool mutation) {
  std::vector<TSNode> stack{seq};
  while (!stack.empty()) {
    TSNode n = unparenthesized(stack.back());
    stack.pop_back();
    const std::string_view k = kind(n);
    if (k == "call") {
      // `list([...])`, `tuple((...))`, `list[str]({...})`, `builtins.list([...])`: the one
      // argument's items, as Ruff reads them (no keywords, at most one positional argument).
      TSNode fn = field(n, "function");
      if (!ts_node_is_null(fn) && is(fn, "subscript")) fn = field(fn, "value");
      std::string_view name;
      if (!ts_node_is_null(fn) && is(fn, "identifier")) {
        name = text(fn);
      } else if (!ts_node_is_null(fn) && is(fn, "attribute")) {
        // `builtins.list([...])` after `import builtins`.
        const std::string q = qualified_of(text(fn));
        if (q == "builtins.list" || q == "builtins.tuple") name = text(field(fn, "attribute"));
      }
      TSNode args = field(n, "arguments");
      if ((name == "list" || name == "tuple") && !ts_node_is_null(args) && is(args, "argument_list")) {
        std::vector<TSNode> items;
        for (TSNode c : children(args)) {
          if (ts_node_is_named(c) && !ts_node_is_extra(c)) items.push_back(c);
        }
        const TSNode arg = items.size() == 1 ? unparenthesized(items[0]) : TSNode{};
        if (!ts_node_is_null(arg) && (is(arg, "list") || is(arg, "tuple") || is(arg, "set"))) {
          for (TSNode c : children(arg)) {
            if (ts_node_is_named(c) && !ts_node_is_extra(c)) stack.push_back(c);
          }
        }
      }
      continue;
    }
    if (k == "named_expression") {  // `__all__ += (names := ["a"])`
      TSNode value = field(n, "value");
      if (!ts_node_is_null(value)) stack.push_back(value);
      continue;
    }
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
        model->exports.push_back(ExportName{content, ts_node_start_byte(n), ts_node_end_byte(n), mutation, definition});
      }
    }
  }
}

void SemanticBuilder::Impl::module_statement_exports(TSNode stmt) {
  // stmt is an expression_statement at module level.
  for (TSNode c : children(stmt)) {
    const std::string_view k = kind(c);
    if (k == "assignment") {
      TSNode left = field(c, "left");
      TSNode right = field(c, "right");
      if (!ts_node_is_null(left) && is_dunder_all_target(source, left) && !ts_node_is_null(right)) {
        // Every assignment adds its names, not only the last one to run: Ruff reads each
        // `__all__` binding of the module scope (`if ...: __all__ = [...] else: __all__ = [...]`).
        model->has_dunder_all = true;
        collect_exports_from(right, ts_node_start_byte(left));
      }
    } else if (k == "augmented_assignment") {
      TSNode left = field(c, "left");
      TSNode right = field(c, "right");
      if (!ts_node_is_null(left) && is_dunder_all_target(source, left) && !ts_node_is_null(right)) {
        model->has_dunder_all = true;
        collect_exports_from(right, ts_node_start_byte(left));
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
              collect_exports_from(a, ts_node_start_byte(obj), method == "remove", true);
              break;
            }
          }
        }
      }
    }
  }
}

namespace {

// The content of a plain, single-part string without escapes (its content maps byte for byte to
// the text it holds), or a null node.
TSNode plain_string_content(TSNode str, std::string_view source, uint32_t shift) {
  TSNode content{};
  int parts = 0;
  for (TSNode c : children(str)) {
    if (is(c, "string_content")) {
      content = c;
      ++parts;
    } else if (is(c, "interpolation") || is(c, "escape_sequence")) {
      return TSNode{};
    } else if (is(c, "string_start")) {
      const uint32_t a = ts_node_start_byte(c) + shift;
      for (char ch : source.substr(a, ts_node_end_byte(c) + shift - a)) {
        if (ch == 'f' || ch == 'F' || ch == 'b' || ch == 'B') return TSNode{};
      }
    }
  }
  return parts == 1 ? content : TSNode{};
}

}  // namespace

void SemanticBuilder::Impl::string_annotation(const Frame& f, TSNode str) {
  const TSNode content = plain_string_content(str, source, 0);
  if (ts_node_is_null(content)) return;
  annotation_text(f, ts_node_start_byte(content), ts_node_end_byte(content), 0);
}

void SemanticBuilder::Impl::annotation_text(const Frame& f, uint32_t start, uint32_t end, int depth) {
  const std::string_view body = source.substr(start, end - start);
  if (body.empty() || body.find('\n') != std::string_view::npos || depth > 8) return;
  if (!annotation_parser) annotation_parser = std::make_unique<Parser>();
  // Parsed on its own, after one space as if it still followed its quote: what is parsed is as
  // long as the annotation, whatever its offset in the file (offsets are shifted back below).
  std::string padded(1, ' ');
  padded.append(body);
  const uint32_t shift = start - 1;
  Tree t = annotation_parser->parse(padded);
  TSNode root = ts_tree_root_node(t.get());
  if (ts_node_has_error(root)) return;  // F722 reports it
  auto text_of = [&](TSNode n) {
    return source.substr(ts_node_start_byte(n) + shift, ts_node_end_byte(n) - ts_node_start_byte(n));
  };
  // Walk the annotation expression; its names are loads resolved once everything is bound. A
  // string in it is an annotation again (`"List['Path']"`), but not inside `Literal[...]`.
  // `bind`: the name of an assignment expression, bound after its value is read.
  struct Item {
    TSNode node;
    bool literal = false;
    bool bind = false;
  };
  std::vector<Item> stack{{root, false, false}};
  while (!stack.empty()) {
    auto [n, literal, bind] = stack.back();
    stack.pop_back();
    const std::string_view k = kind(n);
    if (k == "identifier") {
      Event e;
      e.kind = bind ? Ev::Bind : Ev::Load;
      e.scope = f.scope;
      e.start = ts_node_start_byte(n) + shift;
      e.end = ts_node_end_byte(n) + shift;
      const std::string_view name = normalized(source.substr(e.start, e.end - e.start));
      set_name(e, name);
      e.flags = bind ? f.flags : f.flags | kAnnotationLoad | kForwardReference;
      e.branch = f.branch;
      if (bind) {
        // `x: "(y := 1)"` binds `y` when the annotation is read, after the module's code (Ruff),
        // in the nearest scope that is not a comprehension.
        while (model->scopes[e.scope].kind == ScopeKind::Comprehension && model->scopes[e.scope].parent >= 0) {
          e.scope = static_cast<uint32_t>(model->scopes[e.scope].parent);
        }
        e.bkind = BindingKind::NamedExpr;
        e.stmt_start = f.stmt_start;
        e.node = statement_index(f.stmt);
        bound_names.insert(name);
      } else {
        ++reference_events;
      }
      annotations_unit->push_back(e);
      continue;
    }
    if (k == "named_expression") {
      const TSNode name = field(n, "name");
      const TSNode value = field(n, "value");
      if (!ts_node_is_null(name)) stack.push_back({name, literal, true});
      if (!ts_node_is_null(value)) stack.push_back({value, literal, false});
      continue;
    }
    if (k == "attribute") {
      TSNode obj = field(n, "object");
      if (!ts_node_is_null(obj)) stack.push_back({obj, literal, false});
      continue;
    }
    if (k == "keyword_argument") {
      TSNode v = field(n, "value");
      if (!ts_node_is_null(v)) stack.push_back({v, literal, false});
      continue;
    }
    if (k == "string") {
      if (literal) continue;
      const TSNode content = plain_string_content(n, source, shift);
      if (!ts_node_is_null(content)) {
        annotation_text(f, ts_node_start_byte(content) + shift, ts_node_end_byte(content) + shift, depth + 1);
      }
      continue;
    }
    bool inner_literal = literal;
    bool annotated = false;  // `Annotated[T, metadata...]`: only T is a type
    if (k == "subscript" || k == "generic_type") {
      const TSNode head = k == "subscript" ? field(n, "value") : ts_node_named_child(n, 0);
      if (!ts_node_is_null(head) && is_literal_form(text_of(head))) inner_literal = true;
      if (!ts_node_is_null(head) && k == "subscript" && is_annotated_form(text_of(head))) annotated = true;
    }
    std::vector<TSNode> kids;
    for (TSNode c : children(n)) kids.push_back(c);
    int named = 0;
    std::vector<bool> literal_kid(kids.size());
    for (size_t i = 0; i < kids.size(); ++i) {
      const bool is_named = ts_node_is_named(kids[i]) && !ts_node_is_extra(kids[i]);
      literal_kid[i] = (inner_literal && i > 0) || (annotated && is_named && named >= 2);
      named += is_named;
    }
    for (size_t i = kids.size(); i-- > 0;) stack.push_back({kids[i], literal_kid[i], false});
  }
  annotation_trees.push_back(std::move(t));
}

}  // namespace lint
