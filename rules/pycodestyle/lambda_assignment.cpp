#include <algorithm>
#include <cstdint>
#include <string>
#include <vector>

#include "engine/rule.h"
#include "fix/edits.h"
#include "fix/generator.h"
#include "semantic/semantic.h"

namespace lint::rules {

namespace {

constexpr std::string_view kDoc = R"(## What it does
Checks for a `lambda` expression assigned to a single name, with `=` or in an annotated
assignment.

## Why is this bad?
`f = lambda x: 2 * x` is a function definition in disguise, and a worse one: the function's
`__name__` is `<lambda>`, so tracebacks and `repr()` do not show its name, and it cannot have
a docstring or annotations. [PEP 8] recommends a `def` statement instead.

An annotated assignment directly in a class body is not reported: libraries such as
dataclasses and Pydantic turn it into a field whose default is the lambda, which is usually
intended. Assignments to several targets, to tuples, attributes or subscripts are not
reported either.

## Example
```python
square = lambda x: x * x
```

Use instead:
```python
def square(x):
    return x * x
```

## Fix safety
The fix rewrites the assignment as a `def` whose body returns the lambda's body (its text kept
as written), when the statement is alone on its line. Its parameters are written anew, and an
annotation `Callable[[A, B], R]` (from `typing` or `collections.abc`) gives them their types and
the function its return type. It is unsafe: the function's `__name__` changes, and the name may
be used in ways a `def` does not allow. When the name is annotated without a value earlier in
the same scope, the fix is only shown, never applied: a type checker would reject the `def`.

[PEP 8]: https://peps.python.org/pep-0008/#programming-recommendations
)";

// `(x)` as an assignment target: tree-sitter reads it as a tuple pattern without a comma.
TSNode strip_target_parens(TSNode n) {
  for (;;) {
    const std::string_view k = kind(n);
    if (k != "parenthesized_expression" && k != "tuple_pattern") return n;
    TSNode inner{};
    int named = 0;
    for (TSNode c : children(n)) {
      if (ts_node_is_extra(c)) continue;
      if (!ts_node_is_named(c)) {
        if (is(c, ",")) return n;  // a real tuple
        continue;
      }
      inner = c;
      ++named;
    }
    if (named != 1) return n;
    n = inner;
  }
}

// Whether the statement starting at `target` (a descendant of `root`) is directly in a class
// body: the innermost enclosing function or class definition is a class. Descends from the root
// once, so the cost is that of a single parent lookup.
bool in_class_scope(TSNode root, TSNode target) {
  const uint32_t start = ts_node_start_byte(target);
  const uint32_t end = ts_node_end_byte(target);
  bool in_class = false;
  TSNode n = root;
  while (!ts_node_eq(n, target)) {
    TSNode next{};
    bool found = false;
    for (TSNode c : children(n)) {
      const uint32_t cs = ts_node_start_byte(c);
      if (cs > start) break;
      if (ts_node_end_byte(c) >= end && !ts_node_is_extra(c)) {
        next = c;
        found = true;
        break;
      }
    }
    if (!found) break;
    n = next;
    const std::string_view k = kind(n);
    if (k == "class_definition") in_class = true;
    else if (k == "function_definition") in_class = false;
  }
  return in_class;
}

// Ruff's Stylist indentation: that of the first indented block (after a form feed, if the
// indentation holds one), seen as the walk enters blocks; in a file without one, that of the
// first line that follows a line break inside brackets or after a blank or comment-only line and
// starts with whitespace; four spaces when there is neither.
class Indentation {
 public:
  // A block the walk entered: the first whose first statement starts its own line sets it.
  void block(TSNode n, const Context& ctx) {
    if (found_) return;
    TSNode first{};
    for (TSNode c : children(n)) {
      if (ts_node_is_named(c) && !ts_node_is_extra(c)) {
        first = c;
        break;
      }
    }
    if (ts_node_is_null(first)) return;
    const std::string_view s = ctx.original();
    const uint32_t start = ts_node_start_byte(first);
    if (edits::has_leading_content(s, start)) return;
    std::string_view ws = s.substr(edits::line_start(s, start), start - edits::line_start(s, start));
    const size_t ff = ws.rfind('\f');
    if (ff != std::string_view::npos) ws = ws.substr(ff + 1);
    value_ = ws;
    found_ = true;
  }

  // Once the walk is over.
  std::string_view of(const Context& ctx) {
    if (!found_) {
      value_ = after_non_logical_newline(ctx);
      found_ = true;
    }
    return value_;
  }

 private:
  static std::string_view leading(std::string_view s, uint32_t line) {
    uint32_t end = line;
    while (end < s.size() && edits::is_python_whitespace(s[end])) ++end;
    return s.substr(line, end - line);
  }

  // Whether the line break at `at` is one the tokenizer does not end a statement with: inside
  // brackets.
  static bool in_brackets(const Context& ctx, uint32_t at) {
    TSNode n = ts_node_descendant_for_byte_range(ctx.root(), at, at + 1);
    for (; !ts_node_is_null(n); n = ts_node_parent(n)) {
      bool open = false;
      for (TSNode c : children(n)) {
        if (ts_node_is_named(c)) continue;
        const std::string_view k = kind(c);
        if ((k == "(" || k == "[" || k == "{") && ts_node_end_byte(c) <= at) open = true;
        if ((k == ")" || k == "]" || k == "}") && ts_node_start_byte(c) > at && open) return true;
      }
      if (is(n, "string")) return false;
    }
    return false;
  }

  static std::string_view after_non_logical_newline(const Context& ctx) {
    const std::string_view s = ctx.original();
    for (uint32_t line = 0; line < s.size();) {
      const uint32_t end = edits::line_end(s, line);
      const uint32_t next = edits::full_line_end(s, line);
      if (next >= s.size() || next == end) break;
      // A blank or comment-only line ends with a line break that ends no statement.
      const std::string_view text = s.substr(line, end - line);
      const size_t code = text.find_first_not_of(" \t\f");
      const bool no_code = code == std::string_view::npos || text[code] == '#';
      const TSNode at = ts_node_descendant_for_byte_range(ctx.root(), end, end + 1);
      const bool in_string = !ts_node_is_null(at) && (is(at, "string") || is(at, "string_content"));
      if (!in_string && (no_code || in_brackets(ctx, end))) {
        const std::string_view ws = leading(s, next);
        const uint32_t after = next + static_cast<uint32_t>(ws.size());
        if (!ws.empty() && after < s.size() && s[after] != '\n' && s[after] != '\r') return ws;
      }
      line = next;
    }
    return "    ";
  }

  std::string_view value_;
  bool found_ = false;
};

bool is_callable(const std::string& qualified) {
  return qualified == "typing.Callable" || qualified == "typing_extensions.Callable" ||
         qualified == "collections.abc.Callable";
}

class LambdaAssignment final : public Rule {
 public:
  void enter(TSNode node, Context& ctx) override {
    if (is(node, "block")) {
      indentation_.block(node, ctx);
      return;
    }
    const uint32_t start = ts_node_start_byte(node);
    const uint32_t end = ts_node_end_byte(node);
    // `a = b = lambda: 0` nests the assignment `b = lambda: 0` inside the outer one; a statement
    // with several targets is not reported, so the inner assignments of a chain are skipped.
    const bool chained = start == chained_start_ && end == chained_end_;
    TSNode right = field(node, "right");
    const TSNode annotation = field(node, "type");
    if (ts_node_is_null(right)) {
      // `name: T` without a value: a rewritten `def name` would contradict it (see finish()).
      const TSNode left = field(node, "left");
      if (!ts_node_is_null(annotation) && is(left, "identifier")) annotated_.push_back(ctx.text(left));
      return;
    }
    if (is(right, "assignment")) {
      chained_start_ = ts_node_start_byte(right);
      chained_end_ = ts_node_end_byte(right);
      return;
    }
    if (chained) return;
    const bool parenthesized = is(right, "parenthesized_expression");
    right = unparenthesized(right);
    if (!is(right, "lambda")) return;
    TSNode left = field(node, "left");
    if (ts_node_is_null(left)) return;
    left = strip_target_parens(left);
    if (!is(left, "identifier")) return;
    // An annotated class attribute (a dataclass or Pydantic field) is allowed.
    if (!ts_node_is_null(annotation) && in_class_scope(ctx.root(), node)) return;
    Diagnostic& d = report(ctx, node, "Do not assign a `lambda` expression, use a `def`");
    d.fix_title = "Rewrite `" + std::string(ctx.text(left)) + "` as a `def`";
    // Ruff rewrites only a statement alone on its line (a comment may follow).
    const std::string_view s = ctx.source();
    if (edits::has_leading_content(s, start) || edits::has_trailing_content(s, end)) return;
    pending_.push_back(Pending{ctx.diagnostics().size() - 1, node, left, right, annotation, parenthesized});
  }

  // The fixes are made once the walk is over: they need the semantic model and the file's
  // indentation. Without a model (a file with syntax errors, whose diagnostics are dropped
  // anyway) there is no fix.
  void finish(Context& ctx) override {
    const SemanticModel* model = ctx.semantic();
    if (pending_.empty() || model == nullptr) return;
    const auto need_model = [&]() { return model; };
    for (const Pending& p : pending_) {
      const std::string_view name = ctx.text(p.name);
      // Callable[[A, B], R] annotates the parameters and the return.
      std::vector<TSNode> params;
      TSNode returns{};
      if (!ts_node_is_null(p.annotation)) callable_types(ctx, p.annotation, need_model, params, returns);
      const bool contradicts = std::find(annotated_.begin(), annotated_.end(), name) != annotated_.end() &&
                               annotated_first(*need_model(), name, ts_node_start_byte(p.stmt), ctx.target_minor());
      Diagnostic& d = ctx.diagnostics()[p.diagnostic];
      d.fix = Fix::with(contradicts ? Applicability::DisplayOnly : Applicability::Unsafe,
                        {Edit::replace(ts_node_start_byte(p.stmt), ts_node_end_byte(p.stmt),
                                       function(ctx, p, params, returns))});
    }
  }

 private:
  struct Pending {
    size_t diagnostic;  // index into ctx.diagnostics()
    TSNode stmt, name, lambda, annotation;
    bool parenthesized;  // `f = (lambda: ...)`
  };

  // Whether the name's first binding in the scope of the statement at `at`, before it, is a bare
  // annotation (`f: Callable[[int], int]` then `f = lambda x: x`): a `def` would contradict it,
  // so the fix is only shown. As in Ruff, an annotation of a name the scope already binds (a
  // builtin, at module level) does not count.
  static bool annotated_first(const SemanticModel& m, std::string_view name, uint32_t at, int target_minor) {
    const uint32_t scope = m.scope_at(at);
    const Binding* first = nullptr;
    for (uint32_t b : m.scopes[scope].bindings) {
      const Binding& binding = m.bindings[b];
      if (binding.name != name || binding.start >= at) continue;
      if (!first || binding.start < first->start) first = &binding;
    }
    if (!first || first->kind != BindingKind::Annotation) return false;
    return m.scopes[scope].kind != ScopeKind::Module || !is_python_builtin(name, target_minor);
  }

  // The parameter and return types of a `typing.Callable[[A, B], R]` annotation (or
  // collections.abc's): none for the parameters when the first argument is `...` or a
  // ParamSpec, nothing at all when the annotation is not such a Callable.
  template <class Model>
  static void callable_types(const Context& ctx, TSNode annotation, Model&& model, std::vector<TSNode>& params,
                             TSNode& returns) {
    TSNode type = annotation;
    while (is(type, "type") || is(type, "parenthesized_expression")) type = unparenthesized(ts_node_named_child(type, 0));
    // `Callable[...]` is a generic_type where tree-sitter expects a type, and a subscript where
    // the name is qualified (`typing.Callable[...]`).
    TSNode value{}, arguments = type;
    const char* argument_field = "subscript";
    if (is(type, "generic_type")) {
      value = ts_node_named_child(type, 0);
      arguments = ts_node_named_child(type, 1);
      argument_field = nullptr;
      if (!is(arguments, "type_parameter")) return;
    } else if (is(type, "subscript")) {
      value = field(type, "value");
    } else {
      return;
    }
    std::vector<TSNode> slice;
    bool trailing_comma = false;
    for (auto it = children(arguments).begin(); it != children(arguments).end(); ++it) {
      const char* f = it.field_name();
      const bool element = argument_field ? f != nullptr && std::string_view(f) == argument_field
                                          : ts_node_is_named(*it) && !ts_node_is_extra(*it);
      if (element) {
        slice.push_back(*it);
        trailing_comma = false;
      } else if (!slice.empty() && is(*it, ",")) {
        trailing_comma = true;
      }
    }
    for (TSNode& e : slice) {
      while (is(e, "type")) e = ts_node_named_child(e, 0);
    }
    if (slice.size() == 1 && !trailing_comma) {
      // `Callable[(A, R)]`: a parenthesized tuple is the same slice.
      const TSNode inner = unparenthesized(slice[0]);
      if (!is(inner, "tuple")) return;
      slice.clear();
      for (TSNode c : children(inner)) {
        if (ts_node_is_named(c) && !ts_node_is_extra(c)) slice.push_back(c);
      }
    }
    if (slice.size() != 2 || is(slice[0], "slice") || is(slice[1], "slice")) return;
    const SemanticModel* m = model();
    if (!m || !is_callable(m->qualified_name(value, ctx.source()))) return;
    const TSNode first = unparenthesized(slice[0]);
    if (is(first, "list")) {
      for (TSNode c : children(first)) {
        if (ts_node_is_named(c) && !ts_node_is_extra(c)) params.push_back(c);
      }
    }
    returns = slice[1];
  }

  // `def name(params) -> R:` and `return body` on the next line, as Ruff's generator writes
  // them, with the body's own text; every line after the first starts with the statement's
  // indentation.
  std::string function(const Context& ctx, const Pending& p, const std::vector<TSNode>& params, TSNode returns) {
    codegen::Generator gen(ctx);
    std::string generated = "def ";
    generated += ctx.original(p.name);
    generated += '(';
    const TSNode lambda_params = field(p.lambda, "parameters");
    if (!ts_node_is_null(lambda_params)) gen.parameters(lambda_params, params, generated);
    generated += ')';
    if (!ts_node_is_null(returns)) {
      generated += " -> ";
      gen.expr(returns, codegen::level::kMax, generated);
    }
    generated += ':';
    generated += ctx.line_ending();
    generated += indentation_.of(ctx);
    generated += "return ";
    const std::string_view body = ctx.original(field(p.lambda, "body"));
    if (p.parenthesized) {
      generated += '(';
      generated += body;
      generated += ')';
    } else {
      generated += body;
    }
    // Line breaks become the file's, each followed by the statement's indentation.
    const std::string_view s = ctx.original();
    const uint32_t stmt = ts_node_start_byte(p.stmt);
    const std::string_view indent = s.substr(edits::line_start(s, stmt), stmt - edits::line_start(s, stmt));
    std::string out;
    for (size_t i = 0; i < generated.size();) {
      const char c = generated[i];
      if (c != '\n' && c != '\r') {
        out += c;
        ++i;
        continue;
      }
      i += c == '\r' && i + 1 < generated.size() && generated[i + 1] == '\n' ? 2 : 1;
      if (i >= generated.size()) break;  // a final line break starts no line
      out += ctx.line_ending();
      out += indent;
    }
    return out;
  }

  uint32_t chained_start_ = UINT32_MAX;
  uint32_t chained_end_ = UINT32_MAX;
  std::vector<std::string_view> annotated_;  // names annotated without a value
  std::vector<Pending> pending_;
  Indentation indentation_;
};

}  // namespace

extern const RuleSpec lambda_assignment{
    .code = "E731",
    .name = "lambda-assignment",
    .linter = "pycodestyle",
    .kinds = {"assignment", "block"},
    .doc = kDoc,
    .create = make_rule<LambdaAssignment>(),
    .needs_semantic = true,
    .fix = FixAvailability::Sometimes,
};

}  // namespace lint::rules
