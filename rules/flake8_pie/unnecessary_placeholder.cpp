#include <string>
#include <vector>

#include "engine/rule.h"
#include "fix/edits.h"
#include "syntax/node.h"

namespace lint::rules {

namespace {

constexpr std::string_view kDoc = R"(## What it does
Checks for `pass` statements and `...` expressions in a body that has other statements.

## Why is this bad?
A placeholder only stands in for a body that would otherwise be empty. Beside other
statements it does nothing, and it reads as if something were still missing.

`...` is left alone where it marks a stub: in the bodies of protocol classes and abstract
methods, and under `if TYPE_CHECKING:`.

## Example
```python
def load(path):
    """Load the data at `path`."""
    pass
```

Use instead:
```python
def load(path):
    """Load the data at `path`."""
```

## Fix safety
Removing the placeholder is safe, except where the statement after it is a string: removing
the placeholder would turn that string into the body's docstring.
)";

// Whether `stmt` is an expression statement made of `...` alone.
bool is_ellipsis_statement(TSNode stmt) {
  if (!is(stmt, "expression_statement") || ts_node_named_child_count(stmt) != 1) return false;
  return is(unparenthesized(ts_node_named_child(stmt, 0)), "ellipsis");
}

bool is_placeholder(TSNode stmt) { return is(stmt, "pass_statement") || is_ellipsis_statement(stmt); }

// The statements of a block or module (comments left out).
std::vector<TSNode> statements(TSNode body) {
  std::vector<TSNode> out;
  for (TSNode c : children(body)) {
    if (ts_node_is_named(c) && !ts_node_is_extra(c)) out.push_back(c);
  }
  return out;
}

class UnnecessaryPlaceholder final : public Rule {
 public:
  void enter(TSNode node, Context&) override {
    // Bodies of two statements or more that hold a placeholder; judged in finish().
    bool placeholder = false;
    int count = 0;
    for (TSNode c : children(node)) {
      if (!ts_node_is_named(c) || ts_node_is_extra(c)) continue;
      ++count;
      placeholder |= is_placeholder(c);
    }
    if (placeholder && count >= 2) bodies_.push_back(node);
  }
  void finish(Context& ctx) override {
    const SemanticModel* m = ctx.semantic();
    if (!m) return;
    for (const TSNode body : bodies_) check(body, *m, ctx);
  }

 private:
  void check(TSNode body, const SemanticModel& m, Context& ctx) {
    const std::vector<TSNode> stmts = statements(body);
    int stub_context = -1;  // unknown until an ellipsis asks
    for (size_t i = 0; i < stmts.size(); ++i) {
      const TSNode stmt = stmts[i];
      const bool pass = is(stmt, "pass_statement");
      if (!pass && !is_ellipsis_statement(stmt)) continue;
      if (!pass) {
        // An ellipsis may be a stub's body: then the rest of this body is left alone.
        if (stub_context < 0) stub_context = in_stub_context(body, m, ctx) ? 1 : 0;
        if (stub_context == 1) return;
      }
      Diagnostic& d = report(ctx, stmt, pass ? "Unnecessary `pass` statement" : "Unnecessary `...` literal");
      d.fix_title = pass ? "Remove unnecessary `pass`" : "Remove unnecessary `...`";
      d.fix = fix(stmt, i + 1 < stmts.size() ? stmts[i + 1] : TSNode{}, body, ctx);
    }
  }

  // The placeholder removed: up to its trailing comment when it has one (the comment stays),
  // else as Ruff deletes a statement. Unsafe when a string follows (it would become the
  // docstring). One removal per compound statement and round, as Ruff isolates them.
  static Fix fix(TSNode stmt, TSNode next, TSNode body, const Context& ctx) {
    const std::string_view text = ctx.source();
    const uint32_t end = ts_node_end_byte(stmt);
    Edit edit;
    size_t i = end;
    while (i < text.size() && (text[i] == ' ' || text[i] == '\t' || text[i] == '\f')) ++i;
    if (i < text.size() && text[i] == '#') {
      edit = Edit::deletion(ts_node_start_byte(stmt), static_cast<uint32_t>(i));
    } else {
      edit = edits::delete_statement(ctx, stmt);
    }
    Fix f = is_string_statement(next, ctx) ? Fix::unsafe(std::move(edit)) : Fix::safe(std::move(edit));
    return std::move(f.isolate(isolation_group(body)));
  }

  // Ruff's `Expr::StringLiteral` statement: plain strings (no f-, t- or byte strings).
  static bool is_string_statement(TSNode stmt, const Context& ctx) {
    if (ts_node_is_null(stmt) || !is(stmt, "expression_statement") || ts_node_named_child_count(stmt) != 1) return false;
    const TSNode value = unparenthesized(ts_node_named_child(stmt, 0));
    if (is(value, "string")) return is_plain_string(value, ctx);
    if (!is(value, "concatenated_string")) return false;
    for (TSNode c : children(value)) {
      if (is(c, "string") && !is_plain_string(c, ctx)) return false;
    }
    return true;
  }

  static bool is_plain_string(TSNode s, const Context& ctx) {
    for (const char c : ctx.text(s)) {
      if (c == '\'' || c == '"') return true;
      if (c == 'f' || c == 'F' || c == 'b' || c == 'B' || c == 't' || c == 'T') return false;
    }
    return false;
  }

  // The compound statement whose body `body` is (0 for the module: no isolation).
  static uint32_t isolation_group(TSNode body) {
    for (TSNode n = ts_node_parent(body); !ts_node_is_null(n); n = ts_node_parent(n)) {
      const std::string_view k = kind(n);
      if (k.ends_with("_statement") || k.ends_with("_definition")) return ts_node_start_byte(n) + 1;
    }
    return 0;
  }

  // Whether the body is under `if TYPE_CHECKING:`, in a protocol class or in an abstract method
  // (at any depth: Ruff asks of every enclosing scope).
  static bool in_stub_context(TSNode body, const SemanticModel& m, const Context& ctx) {
    TSNode child = body;
    for (TSNode n = ts_node_parent(body); !ts_node_is_null(n); child = n, n = ts_node_parent(n)) {
      const std::string_view k = kind(n);
      if (k == "if_statement") {
        if (ts_node_eq(field(n, "consequence"), child) && is_type_checking(field(n, "condition"), m, ctx)) return true;
      } else if (k == "class_definition") {
        if (ts_node_eq(field(n, "body"), child) && is_protocol(n, m, ctx)) return true;
      } else if (k == "function_definition") {
        if (ts_node_eq(field(n, "body"), child) && is_abstract(n, m, ctx)) return true;
      }
    }
    return false;
  }

  static bool is_type_checking(TSNode test, const SemanticModel& m, const Context& ctx) {
    test = unparenthesized(test);
    if (is(test, "identifier")) {
      if (ctx.text(test) == "TYPE_CHECKING") return true;
      const std::string q = m.qualified_name(test, ctx.source());
      return q == "typing.TYPE_CHECKING" || q == "typing_extensions.TYPE_CHECKING" || q == "_typeshed.TYPE_CHECKING";
    }
    return is(test, "attribute") && ctx.text(field(test, "attribute")) == "TYPE_CHECKING";
  }

  static bool is_protocol(TSNode cls, const SemanticModel& m, const Context& ctx) {
    const TSNode bases = field(cls, "superclasses");
    if (ts_node_is_null(bases)) return false;
    for (TSNode b : children(bases)) {
      if (!ts_node_is_named(b) || ts_node_is_extra(b) || is(b, "keyword_argument") || is(b, "dictionary_splat")) continue;
      TSNode base = unparenthesized(b);
      if (is(base, "subscript")) base = field(base, "value");  // `Protocol[T]`
      const std::string q = m.qualified_name(base, ctx.source());
      if (q == "typing.Protocol" || q == "typing_extensions.Protocol" || q == "_typeshed.Protocol") return true;
    }
    return false;
  }

  static bool is_abstract(TSNode function, const SemanticModel& m, const Context& ctx) {
    const TSNode decorated = ts_node_parent(function);
    if (!is(decorated, "decorated_definition")) return false;
    for (TSNode d : children(decorated)) {
      if (!is(d, "decorator")) continue;
      const TSNode expr = ts_node_named_child(d, 0);
      const std::string q = m.qualified_name(expr, ctx.source());
      if (q == "abc.abstractmethod" || q == "abc.abstractclassmethod" || q == "abc.abstractstaticmethod" ||
          q == "abc.abstractproperty") {
        return true;
      }
    }
    return false;
  }

  std::vector<TSNode> bodies_;
};

}  // namespace

extern const RuleSpec unnecessary_placeholder{
    .code = "PIE790",
    .name = "unnecessary-placeholder",
    .linter = "flake8-pie",
    .kinds = {"module", "block"},
    .doc = kDoc,
    .create = make_rule<UnnecessaryPlaceholder>(),
    .needs_semantic = true,
    .fix = FixAvailability::Always,
};

}  // namespace lint::rules
