#include <optional>
#include <string>
#include <vector>

#include "fix/edits.h"
#include "pyflakes/bindings.h"

namespace lint::rules {

namespace {

constexpr std::string_view kDoc = R"(## What it does
Checks for local variables that are assigned and never read, and for `except ... as name`
names that the handler never uses.

## Why is this bad?
A value computed and dropped is dead code, or a sign that the wrong name is read later.
Names matching the dummy pattern (`_`, `_unused`) and functions that call `locals()` are
left alone; unpacking into names that go unused is allowed.

## Example
```python
def total(prices):
    result = sum(prices)
    return sum(prices)
```

Use instead:
```python
def total(prices):
    return sum(prices)
```

## Fix safety
The fix is unsafe: it changes what the code does when the value matters after all. An
assignment whose value cannot have an effect is deleted; when the value may have one (a call,
a subscript, `await`...) only `name = ` goes and the value stays as a statement. A name bound
inside a target or a value (`a, b = 1, 2`, `x = (y := f())`) is renamed to a dummy (`_b`), and
`with f() as name:` loses ` as name`. Removing ` as name` from an `except` clause is safe.
)";

std::string title(std::string_view name) { return "Remove assignment to unused variable " + quoted(name); }

// A target without its parentheses: `(x)` is a parenthesized_expression or, as an assignment
// target, a tuple_pattern without a comma.
TSNode unparenthesized_target(TSNode n) {
  for (;;) {
    n = unparenthesized(n);
    if (ts_node_is_null(n) || !is(n, "tuple_pattern")) return n;
    TSNode inner{};
    int named = 0;
    for (TSNode c : children(n)) {
      if (ts_node_is_extra(c)) continue;
      if (is(c, ",")) return n;
      if (ts_node_is_named(c)) {
        inner = c;
        ++named;
      }
    }
    if (named != 1) return n;
    n = inner;
  }
}

// `except E as e:` without ` as e` (safe: the name is only bound).
std::optional<Fix> remove_exception_name(const Context& ctx, TSNode name) {
  const TSNode target = ts_node_parent(name);
  const TSNode pattern = ts_node_is_null(target) ? TSNode{} : ts_node_parent(target);
  if (ts_node_is_null(pattern) || !is(pattern, "as_pattern")) return std::nullopt;
  const TSNode exception = ts_node_named_child(pattern, 0);
  const uint32_t colon = edits::skip_trivia(ctx.source(), ts_node_end_byte(name));
  if (ts_node_is_null(exception) || colon >= ctx.source().size() || ctx.source()[colon] != ':') return std::nullopt;
  return Fix::safe(Edit::deletion(ts_node_end_byte(exception), colon));
}

// The fix for an unused local, as Ruff decides it (always unsafe: the value may matter).
std::optional<Fix> remove_assignment(const Context& ctx, const Binding& b, TSNode name) {
  const TSNode stmt = edits::enclosing_statement(name);
  if (ts_node_is_null(stmt)) return std::nullopt;
  const auto is_builtin = [&](std::string_view id) { return edits::is_unshadowed_builtin(ctx, id); };
  const auto delete_statement = [&] {
    Fix fix = Fix::unsafe(edits::delete_statement(ctx, stmt));
    fix.isolate(edits::isolation_group(stmt));
    return fix;
  };
  const TSNode assignment = is(stmt, "expression_statement") ? ts_node_named_child(stmt, 0) : TSNode{};
  if (!ts_node_is_null(assignment) && is(assignment, "assignment") && ts_node_is_null(field(assignment, "type"))) {
    // `a = b = value`: the targets in order, each with the assignment whose `left` it is.
    std::vector<TSNode> links;
    TSNode value = assignment;
    while (!ts_node_is_null(value) && is(value, "assignment") && ts_node_is_null(field(value, "type"))) {
      links.push_back(value);
      value = field(value, "right");
    }
    if (ts_node_is_null(value)) return std::nullopt;
    for (TSNode link : links) {
      const TSNode target = unparenthesized_target(field(link, "left"));
      if (ts_node_start_byte(target) != b.start || ts_node_end_byte(target) != b.end) continue;
      if (!is(target, "identifier")) return std::nullopt;
      if (links.size() > 1 || edits::contains_effect(ctx, value, is_builtin)) {
        // Keep the value (and any other target): drop `name = `.
        const TSNode right = field(link, "right");
        return Fix::unsafe(Edit::deletion(ts_node_start_byte(field(link, "left")), ts_node_start_byte(right)));
      }
      return delete_statement();
    }
    // Bound inside a target (`a, b = 1, 2`) or the value (`x = (y := 1)`): rename it to a dummy.
    const std::string renamed = "_" + std::string(b.name);
    if (is_dummy_name(renamed)) {
      Fix fix = Fix::unsafe(Edit::replace(b.start, b.end, renamed));
      fix.isolate(edits::isolation_group(stmt));
      return fix;
    }
    return std::nullopt;
  }
  if (!ts_node_is_null(assignment) && is(assignment, "assignment")) {
    // `x: T = value`: Ruff looks at the statement's target, whatever the binding.
    const TSNode value = field(assignment, "right");
    if (ts_node_is_null(value) || !is(unparenthesized_target(field(assignment, "left")), "identifier")) {
      return std::nullopt;
    }
    if (edits::contains_effect(ctx, value, is_builtin)) {
      return Fix::unsafe(Edit::deletion(ts_node_start_byte(stmt), ts_node_start_byte(value)));
    }
    return delete_statement();
  }
  if (is(stmt, "with_statement")) {
    // `with open(f) as handle:` without ` as handle`.
    const TSNode clause = ts_node_named_child(stmt, 0);
    if (ts_node_is_null(clause) || !is(clause, "with_clause")) return std::nullopt;
    // The `x as y` items; tree-sitter reads `with (a as b, c as d,):` as one item holding a tuple.
    std::vector<TSNode> patterns;
    for (TSNode item : children(clause)) {
      if (!is(item, "with_item")) continue;
      const TSNode value = unparenthesized(field(item, "value"));
      if (ts_node_is_null(value)) continue;
      if (is(value, "as_pattern")) patterns.push_back(value);
      if (!is(value, "tuple")) continue;
      for (TSNode element : children(value)) {
        if (is(element, "as_pattern")) patterns.push_back(element);
      }
    }
    for (TSNode pattern : patterns) {
      const TSNode alias = field(pattern, "alias");
      const TSNode target = ts_node_is_null(alias) ? TSNode{} : unparenthesized(ts_node_named_child(alias, 0));
      if (ts_node_is_null(target) || ts_node_start_byte(target) != b.start || ts_node_end_byte(target) != b.end) continue;
      const TSNode context = ts_node_named_child(pattern, 0);
      const uint32_t end = edits::skip_trivia(ctx.source(), ts_node_end_byte(alias));
      return Fix::unsafe(Edit::deletion(ts_node_end_byte(context), end));
    }
  }
  return std::nullopt;
}

class UnusedVariable final : public Rule {
 public:
  void finish(Context& ctx) override {
    const SemanticModel* m = ctx.semantic();
    if (!m) return;
    for (const Binding& b : m->bindings) {
      // Unused exception names, in any scope; other variables only in functions.
      if (b.kind == BindingKind::ExceptHandler) {
        if (b.uses || is_dummy_name(b.name)) continue;
        Diagnostic& d = report(ctx, b.start, b.end, "Local variable " + quoted(b.name) + " is assigned to but never used");
        d.fix_title = title(b.name);
        d.fix = remove_exception_name(ctx, name_node(ctx, b));
      }
    }
    for (const Scope& scope : m->scopes) {
      if (scope.kind != ScopeKind::Function && scope.kind != ScopeKind::Lambda) continue;
      if (scope.uses_locals) continue;
      for (const auto& [name, id] : scope.names) {
        const Binding& b = m->bindings[id];
        if (b.kind != BindingKind::Assignment && b.kind != BindingKind::NamedExpr &&
            b.kind != BindingKind::WithItem && b.kind != BindingKind::AnnotatedAssignment &&
            b.kind != BindingKind::MatchCapture && b.kind != BindingKind::AugmentedAssignment &&
            b.kind != BindingKind::TypeAlias) {
          continue;
        }
        if (b.uses || (b.flags & (kUnpacked | kGlobalName | kNonlocalName | kBehindHandler))) continue;
        if (is_dummy_name(name) || name == "__tracebackhide__" || name == "__traceback_info__" ||
            name == "__traceback_supplement__" || name == "__debuggerskip__") {
          continue;
        }
        Diagnostic& d = report(ctx, b.start, b.end, "Local variable " + quoted(name) + " is assigned to but never used");
        d.fix_title = title(name);
        // A `type X = ...` statement is reported without a fix, as Ruff does.
        if (b.kind != BindingKind::TypeAlias) d.fix = remove_assignment(ctx, b, name_node(ctx, b));
      }
    }
  }

 private:
  static TSNode name_node(const Context& ctx, const Binding& b) {
    return ts_node_descendant_for_byte_range(ctx.root(), b.start, b.end);
  }
};

}  // namespace

extern const RuleSpec unused_variable{
    .code = "F841",
    .name = "unused-variable",
    .linter = "pyflakes",
    .kinds = {},
    .doc = kDoc,
    .create = make_rule<UnusedVariable>(),
    .needs_semantic = true,
    .fix = FixAvailability::Sometimes,
};

}  // namespace lint::rules
