#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "engine/rule.h"
#include "syntax/arguments.h"
#include "pyflakes/string_values.h"
#include "pyupgrade/semantic.h"
#include "pyupgrade/syntax.h"
#include "syntax/syntax.h"

namespace lint::rules {

namespace {

constexpr std::string_view kDoc = R"(## What it does
Checks for quoted annotations (forward references written as strings) where Python never
evaluates the annotation, so the quotes do nothing.

## Why is this bad?
Quotes keep an annotation from being evaluated when the module runs, so that it may name a
class defined later. Where annotations are not evaluated anyway the quotes are noise, and they
hide the annotation from tools that read code rather than strings.

Annotations are never evaluated at runtime in these places:
- anywhere, in a module with `from __future__ import annotations`, in a stub file, or when the
  target version is 3.14 or later (annotations are deferred);
- on a variable annotated inside a function body (`x: "Foo" = ...`), which Python does not
  evaluate at all.

Parameter and return annotations of a function registered with a `singledispatch` function's
`.register` are read at runtime and keep their quotes (except those of `*args` and
`**kwargs`). Strings inside `Literal[...]`, the metadata of `Annotated[...]`, and arguments of
calls other than `typing`'s type-taking ones are values, not annotations, and are left alone.
Quotes nested in a quoted annotation are reported too.

## Example
```python
from __future__ import annotations


def area(shape: "Shape") -> "float": ...
```

Use instead:
```python
from __future__ import annotations


def area(shape: Shape) -> float: ...
```
)";

// What a string's value is and how it was written.
struct StringValue {
  std::string value;
  bool simple = false;   // one part, no escapes: the value is the file's text at `content`
  bool triple = false;
  uint32_t content = 0;  // where the value starts in the file (simple strings)
};

// The value of a str literal (one string or an implicit concatenation), nullopt for bytes,
// f-strings and t-strings.
std::optional<StringValue> string_value(TSNode n, std::string_view tree_text) {
  StringValue out;
  std::vector<TSNode> parts = up::string_parts(n);
  if (parts.empty()) return std::nullopt;
  for (TSNode p : parts) {
    const std::string_view t = tree_text.substr(ts_node_start_byte(p), ts_node_end_byte(p) - ts_node_start_byte(p));
    const std::string_view prefix = up::string_prefix(t);
    if (up::string_kind(t) != up::StringKind::Str) return std::nullopt;
    const bool raw = up::prefix_has(prefix, 'r');
    const std::string_view body = up::string_body(t);
    decode_string_body(body, raw, false, false, out.value);
    if (parts.size() == 1) {
      out.triple = up::string_quote(t).size() == 3;
      out.simple = raw || body.find('\\') == std::string_view::npos;
      out.content = static_cast<uint32_t>(ts_node_start_byte(p) + prefix.size() + up::string_quote(t).size());
    }
  }
  return out;
}

// Whether the last token of an annotation's text (newlines aside) is a comment.
bool ends_with_comment(std::string_view s) {
  bool comment = false;
  size_t i = 0;
  while (i < s.size()) {
    const char c = s[i];
    if (c == ' ' || c == '\t' || c == '\f' || c == '\n' || c == '\r' || c == '\\') {
      ++i;
      continue;
    }
    if (c == '#') {
      while (i < s.size() && s[i] != '\n' && s[i] != '\r') ++i;
      comment = true;
      continue;
    }
    comment = false;
    if (c == '"' || c == '\'') {
      const bool triple = i + 2 < s.size() && s[i + 1] == c && s[i + 2] == c;
      i += triple ? 3 : 1;
      while (i < s.size()) {
        if (s[i] == '\\') {
          i += 2;
          continue;
        }
        if (s[i] == c && (!triple || (i + 2 < s.size() && s[i + 1] == c && s[i + 2] == c))) {
          i += triple ? 3 : 1;
          break;
        }
        ++i;
      }
      continue;
    }
    ++i;
  }
  return comment;
}

class QuotedAnnotation final : public Rule {
 public:
  void enter(TSNode node, Context& ctx) override {
    // Only annotations with a quote in them can hold a string.
    if (ctx.text(node).find_first_of("\"'") == std::string_view::npos) return;
    if (is(node, "function_definition")) {
      functions_.push_back(node);
    } else if (!ts_node_is_null(field(node, "type"))) {
      assignments_.push_back(node);
    }
  }

  void finish(Context& ctx) override {
    const SemanticModel* m = ctx.semantic();
    if (!m || (functions_.empty() && assignments_.empty())) return;
    const up::Resolver resolve(*m, ctx);
    resolve_ = &resolve;
    deferred_ = m->future_annotations || m->is_stub || ctx.target_minor() >= 14;
    for (TSNode fn : functions_) {
      const bool dispatch = deferred_ && is_singledispatch_implementation(fn, ctx);
      const TSNode params = field(fn, "parameters");
      for (TSNode p : children(params)) {
        if (!is(p, "typed_parameter") && !is(p, "typed_default_parameter")) continue;
        const TSNode type = field(p, "type");
        if (ts_node_is_null(type) || ctx.text(type).find_first_of("\"'") == std::string_view::npos) continue;
        const TSNode first = first_named_child(p);
        const bool variadic = !ts_node_is_null(first) && (is(first, "list_splat_pattern") || is(first, "dictionary_splat_pattern"));
        if (!deferred_ || (dispatch && !variadic)) continue;
        in_parameters_ = true;
        annotation(type, ctx);
      }
      const TSNode returns = field(fn, "return_type");
      if (!ts_node_is_null(returns) && deferred_ && !dispatch) {
        in_parameters_ = false;
        annotation(returns, ctx);
      }
    }
    in_parameters_ = false;
    for (TSNode a : assignments_) {
      // A variable annotated in a function body is never evaluated; at module or class level it
      // is, unless annotations are deferred.
      const TSNode scope = up::enclosing_scope_node(a);
      const bool in_function = !ts_node_is_null(scope) && is(scope, "function_definition");
      if (!in_function && !deferred_) continue;
      annotation(field(a, "type"), ctx);
    }
  }

 private:
  // Where the text of the tree being walked comes from: the file, or a string annotation's
  // value parsed on its own (then `shift` maps a simple string's nodes to the file, and a
  // complex string's nodes all stand for the string itself).
  struct Origin {
    std::string_view text;
    bool file = true;
    bool simple = true;
    uint32_t fixed_start = 0, fixed_end = 0;  // complex strings: the string's range
    uint32_t at = 0;                          // where names are looked up
  };

  void annotation(TSNode type, Context& ctx) {
    const Origin file{ctx.source(), true, true, 0, 0, 0};
    walk(type, true, false, file, ctx);
  }

  void walk(TSNode n, bool typedef_, bool literal, const Origin& o, Context& ctx) {
    n = up::expr_of(n);
    if (ts_node_is_null(n)) return;
    const std::string_view k = kind(n);
    if (k == "string" || k == "concatenated_string") {
      if (typedef_ && !literal) string(n, o, ctx);
      return;
    }
    if (k == "lambda") return;
    if (k == "subscript" || k == "generic_type") {
      const up::Subscript s = up::as_subscript(n);
      if (!s) return;
      walk(s.value, typedef_, literal, o, ctx);
      const std::string q = qualified(s.value, o);
      if (resolve_->is_typing_member(q, "Literal")) {
        for (TSNode e : s.elements) walk(e, typedef_, true, o, ctx);
        return;
      }
      if (resolve_->is_typing_member(q, "Annotated")) {
        std::vector<TSNode> elts = s.elements;
        if (elts.size() == 1 && is(up::expr_of(elts[0]), "tuple")) elts = named_children(up::expr_of(elts[0]));
        if (elts.size() < 2) {
          for (TSNode e : elts) walk(e, typedef_, literal, o, ctx);
          return;
        }
        walk(elts[0], true, literal, o, ctx);
        for (size_t i = 1; i < elts.size(); ++i) walk(elts[i], false, literal, o, ctx);
        return;
      }
      for (TSNode e : s.elements) walk(e, typedef_, literal, o, ctx);
      return;
    }
    if (k == "call") {
      call(n, typedef_, literal, o, ctx);
      return;
    }
    for (TSNode c : named_children(n)) walk(c, typedef_, literal, o, ctx);
  }

  // The arguments of a call in a type expression: types only where typing's callables take
  // them, values everywhere else.
  void call(TSNode n, bool typedef_, bool literal, const Origin& o, Context& ctx) {
    const TSNode fn = field(n, "function");
    walk(fn, typedef_, literal, o, ctx);
    const Arguments args = up::call_arguments(n);
    const std::string q = qualified(fn, o);
    auto member = [&](std::string_view name) { return resolve_->is_typing_member(q, name); };
    auto keyword_name = [&](TSNode kw) {
      return is(kw, "keyword_argument") ? o.text.substr(ts_node_start_byte(field(kw, "name")),
                                                         ts_node_end_byte(field(kw, "name")) - ts_node_start_byte(field(kw, "name")))
                                        : std::string_view();
    };
    auto value_of = [](TSNode kw) { return is(kw, "keyword_argument") ? field(kw, "value") : first_named_child(kw); };
    if (member("cast") || member("NewType") || member("TypeAliasType")) {
      const size_t type_index = member("cast") ? 0 : 1;
      size_t i = 0;
      for (TSNode a : args.all) {
        const bool positional = !is(a, "keyword_argument") && !is(a, "dictionary_splat");
        if (positional) {
          walk(a, i == type_index, literal, o, ctx);
          ++i;
          continue;
        }
        const std::string_view name = keyword_name(a);
        const bool type = member("cast") ? name == "typ" : member("NewType") ? name == "tp" : (name == "value" || name == "type_params");
        walk(value_of(a), type, literal, o, ctx);
      }
      return;
    }
    if (member("TypeVar")) {
      for (size_t i = 0; i < args.args.size(); ++i) walk(args.args[i], i > 0, literal, o, ctx);
      for (TSNode kw : args.keywords) {
        const std::string_view name = keyword_name(kw);
        walk(value_of(kw), name == "bound" || name == "default", literal, o, ctx);
      }
      return;
    }
    // mypy_extensions' `Arg("T", "name")` family: the first positional argument is a type, or
    // the `type=` keyword when there is no positional argument.
    if (q == "mypy_extensions.Arg" || q == "mypy_extensions.DefaultArg" || q == "mypy_extensions.NamedArg" ||
        q == "mypy_extensions.DefaultNamedArg" || q == "mypy_extensions.VarArg" || q == "mypy_extensions.KwArg") {
      for (size_t i = 0; i < args.args.size(); ++i) walk(args.args[i], i == 0, literal, o, ctx);
      for (TSNode kw : args.keywords) walk(value_of(kw), args.args.empty() && keyword_name(kw) == "type", literal, o, ctx);
      return;
    }
    if (member("NamedTuple") || member("TypedDict")) {
      const bool named_tuple = member("NamedTuple");
      for (size_t i = 0; i < args.args.size(); ++i) {
        const TSNode a = up::expr_of(args.args[i]);
        if (i == 0) {
          walk(a, false, literal, o, ctx);
        } else if (named_tuple && (is(a, "list") || is(a, "tuple"))) {
          for (TSNode e : named_children(a)) {
            const TSNode pair = up::expr_of(e);
            const std::vector<TSNode> items = (is(pair, "list") || is(pair, "tuple")) ? named_children(pair) : std::vector<TSNode>{};
            if (items.size() == 2) {
              walk(items[0], false, literal, o, ctx);
              walk(items[1], true, literal, o, ctx);
            } else {
              walk(e, false, literal, o, ctx);
            }
          }
        } else if (!named_tuple && is(a, "dictionary")) {
          for (TSNode pair : named_children(a)) {
            if (is(pair, "pair")) {
              walk(field(pair, "key"), false, literal, o, ctx);
              walk(field(pair, "value"), true, literal, o, ctx);
            } else {
              walk(pair, true, literal, o, ctx);
            }
          }
        } else {
          walk(a, false, literal, o, ctx);
        }
      }
      for (TSNode kw : args.keywords) walk(value_of(kw), is(kw, "keyword_argument") || !named_tuple, literal, o, ctx);
      return;
    }
    for (TSNode a : args.all) walk(is(a, "keyword_argument") ? field(a, "value") : a, false, literal, o, ctx);
  }

  // The qualified name of a name or attribute chain of the tree being walked.
  std::string qualified(TSNode n, const Origin& o) const {
    if (o.file) return resolve_->qualified(n);
    return resolve_->qualified_in(n, o.text, o.at);
  }

  void string(TSNode n, const Origin& o, Context& ctx) {
    std::optional<StringValue> v = string_value(n, o.text);
    if (!v) return;
    // Where the string is in the file.
    const uint32_t start = o.simple ? ts_node_start_byte(n) : o.fixed_start;
    const uint32_t end = o.simple ? ts_node_end_byte(n) : o.fixed_end;
    const bool simple = o.simple && v->simple;
    // Ruff parses a one-line annotation as an expression (no leading blank), a triple-quoted
    // one as if parenthesized.
    const bool parenthesized = simple && v->triple;
    const std::string_view value = v->value;
    if (value.empty()) return;
    if (!parenthesized && (value[0] == ' ' || value[0] == '\t' || value[0] == '\f')) return;
    std::string source;
    if (simple) source.assign(v->content > 0 ? v->content - 1 : 0, ' ');
    source += '(';
    source += value;
    source += "\n)";
    if (!parser_) parser_ = std::make_unique<Parser>();
    Tree tree = parser_->parse(source);
    const TSNode root = ts_tree_root_node(tree.get());
    if (ts_node_has_error(root)) return;
    const std::vector<TSNode> stmts = named_children(root);
    if (stmts.size() != 1 || !is(stmts[0], "expression_statement")) return;
    const std::vector<TSNode> exprs = named_children(stmts[0]);
    if (exprs.size() != 1) return;
    const TSNode expr = exprs[0];
    if (!is(expr, "parenthesized_expression") && !is(expr, "tuple")) return;
    if (!is(expr, "tuple") && is(first_named_child(expr), "yield")) return;
    if (is(expr, "tuple")) {
      // `(*Ts)` reads as a tuple here; on its own `*Ts` is no expression.
      bool comma = false;
      for (TSNode c : children(expr)) comma |= is(c, ",");
      if (!comma) return;
    }

    // The report, and the fix: the annotation without its quotes, parenthesized where it spans
    // lines (parameter lists are parenthesized already) or ends with a comment.
    const bool multiline = value.find_first_of("\r\n") != std::string_view::npos;
    const bool comment = ends_with_comment(value);
    std::string text = simple ? std::string(ctx.original(v->content, v->content + static_cast<uint32_t>(value.size())))
                              : std::string(value);
    if (comment) {
      text = "(" + text + "\n)";
    } else if (multiline && !in_parameters_) {
      text = "(" + text + ")";
    }
    Diagnostic& d = report(ctx, start, end, "Remove quotes from type annotation");
    d.fix_title = "Remove quotes";
    d.fix = Fix::safe(Edit::replace(start, end, std::move(text)));

    // What the annotation holds is walked as a type expression too.
    Origin inner{std::string_view(), false, simple, start, end, o.file ? start : o.at};
    trees_.push_back(std::move(tree));
    sources_.push_back(std::make_unique<std::string>(std::move(source)));
    inner.text = *sources_.back();
    const TSNode body = is(expr, "tuple") ? expr : first_named_child(expr);
    walk(body, true, false, inner, ctx);
  }

  // `@dispatcher.register` on a function whose `dispatcher` is decorated with
  // `functools.singledispatch` or `singledispatchmethod`: its annotations are read at runtime.
  bool is_singledispatch_implementation(TSNode fn, const Context& ctx) const {
    const TSNode decorated = ts_node_parent(fn);
    if (ts_node_is_null(decorated) || !is(decorated, "decorated_definition")) return false;
    for (TSNode dec : children(decorated)) {
      if (!is(dec, "decorator")) continue;
      const TSNode e = up::expr_of(first_named_child(dec));
      if (!is(e, "attribute") || ctx.text(field(e, "attribute")) != "register") continue;
      const TSNode object = up::expr_of(field(e, "object"));
      if (!is(object, "identifier")) continue;
      const Reference* r = resolve_->reference(object);
      if (!r || r->binding < 0) continue;
      const Binding& b = resolve_->model().bindings[r->binding];
      if (b.kind != BindingKind::Function || ts_node_is_null(b.node)) continue;
      TSNode target = b.node;
      if (is(target, "function_definition")) target = ts_node_parent(target);
      if (ts_node_is_null(target) || !is(target, "decorated_definition")) continue;
      for (TSNode d2 : children(target)) {
        if (!is(d2, "decorator")) continue;
        const std::string q = resolve_->qualified(first_named_child(d2));
        if (q == "functools.singledispatch" || q == "functools.singledispatchmethod") return true;
      }
    }
    return false;
  }

  std::vector<TSNode> functions_;
  std::vector<TSNode> assignments_;
  const up::Resolver* resolve_ = nullptr;
  bool deferred_ = false;
  bool in_parameters_ = false;
  std::unique_ptr<Parser> parser_;
  std::vector<Tree> trees_;
  std::vector<std::unique_ptr<std::string>> sources_;
};

}  // namespace

extern const RuleSpec quoted_annotation{
    .code = "UP037",
    .name = "quoted-annotation",
    .linter = "pyupgrade",
    .kinds = {"function_definition", "assignment"},
    .doc = kDoc,
    .create = make_rule<QuotedAnnotation>(),
    .needs_semantic = true,
    .fix = FixAvailability::Always,
};

}  // namespace lint::rules
