#include <string>
#include <vector>

#include "fix/edits.h"
#include "flake8_simplify/helpers.h"

namespace lint::rules {

namespace {

constexpr std::string_view kDoc = R"(## What it does
Checks for `for` loops that count their iterations in a variable of their own: `i = 0` before
the loop, `i += 1` in its body.

## Why is this bad?
`enumerate()` yields the count along with each item, so the loop needs neither the
initialisation nor the increment, and the count cannot drift from the iteration.

Loops with a `continue` (which may skip the increment), counters bound elsewhere than at the
loop's own level, counters incremented more than once in the loop, and counters read after the
loop are left alone.

## Example
```python
index = 0
for line in lines:
    print(index, line)
    index += 1
```

Use instead:
```python
for index, line in enumerate(lines):
    print(index, line)
```
)";

bool int_literal_is(TSNode n, const Context& ctx, unsigned value) {
  n = unparenthesized(n);
  if (!is(n, "integer")) return false;
  std::string digits;
  for (const char c : ctx.text(n)) {
    if (c != '_') digits.push_back(c);
  }
  if (digits.empty() || digits.back() == 'j' || digits.back() == 'J') return false;
  int base = 10;
  size_t i = 0;
  if (digits.size() > 1 && digits[0] == '0') {
    const char b = static_cast<char>(digits[1] | 0x20);
    base = b == 'x' ? 16 : b == 'o' ? 8 : b == 'b' ? 2 : 10;
    if (base != 10) i = 2;
  }
  unsigned long long v = 0;
  for (; i < digits.size(); ++i) {
    const int d = hex_digit_value(digits[i]);
    if (d < 0 || d >= base) return false;
    v = v * static_cast<unsigned>(base) + static_cast<unsigned>(d);
    if (v > value) return false;
  }
  return v == value;
}

// Whether the statements hold a `continue` (nested loops included, definitions not).
bool has_continue(TSNode block) {
  bool found = false;
  std::vector<TSNode> stack{block};
  while (!stack.empty() && !found) {
    const TSNode n = stack.back();
    stack.pop_back();
    const std::string_view k = kind(n);
    if (k == "continue_statement") found = true;
    if (k == "function_definition" || k == "class_definition" || k == "decorated_definition") continue;
    if (k != "block" && !simplify::is_statement_kind(k) && !k.ends_with("_clause") && k != "case_clause") continue;
    for (const TSNode c : simplify::named_operands(n)) stack.push_back(c);
  }
  return found;
}

// The value a name is bound to by an assignment: `name = value`, `a = name = value`, or the
// matching element of `a, name = x, value`.
TSNode assigned_value(TSNode name) {
  const TSNode parent = ts_node_parent(name);
  if (is(parent, "assignment") && ts_node_eq(field(parent, "left"), name)) {
    TSNode value = field(parent, "right");
    while (is(value, "assignment")) value = field(value, "right");
    return value;
  }
  if ((is(parent, "pattern_list") || is(parent, "tuple_pattern")) && is(ts_node_parent(parent), "assignment")) {
    const TSNode assignment = ts_node_parent(parent);
    if (!ts_node_eq(field(assignment, "left"), parent)) return TSNode{};
    const TSNode value = unparenthesized(field(assignment, "right"));
    if (!is(value, "expression_list") && !is(value, "tuple")) return TSNode{};
    const std::vector<TSNode> targets = simplify::named_operands(parent);
    const std::vector<TSNode> values = simplify::named_operands(value);
    if (targets.size() != values.size()) return TSNode{};
    for (size_t i = 0; i < targets.size(); ++i) {
      if (ts_node_eq(targets[i], name)) return values[i];
    }
  }
  return TSNode{};
}

class EnumerateForLoop final : public Rule {
 public:
  void enter(TSNode node, Context& ctx) override {
    for (TSNode c : children(node)) {
      if (is(c, "async")) return;
    }
    const TSNode body = field(node, "body");
    std::vector<TSNode> increments;
    for (const TSNode stmt : simplify::named_operands(body)) {
      if (!is(stmt, "expression_statement")) continue;
      const std::vector<TSNode> parts = simplify::named_operands(stmt);
      if (parts.size() != 1 || !is(parts[0], "augmented_assignment")) continue;
      const TSNode aug = parts[0];
      if (ctx.text(field(aug, "operator")) != "+=" || !is(field(aug, "left"), "identifier")) continue;
      if (!int_literal_is(field(aug, "right"), ctx, 1)) continue;
      increments.push_back(aug);
    }
    if (increments.empty() || has_continue(body)) return;
    for (const TSNode aug : increments) found_.push_back({node, aug});
  }

  void finish(Context& ctx) override {
    const SemanticModel* m = ctx.semantic();
    if (!m) return;
    for (const Found& f : found_) check(f, *m, ctx);
  }

 private:
  struct Found {
    TSNode loop, increment;
  };

  void check(const Found& f, const SemanticModel& m, Context& ctx) {
    const TSNode index = field(f.increment, "left");
    const std::string_view name = ctx.text(index);
    const Reference* ref = m.reference_at(ts_node_start_byte(index));
    if (!ref) return;
    const int32_t initial_id = ref->binding;
    if (initial_id < 0) return;
    const Binding& initial = m.bindings[initial_id];
    if (initial.kind != BindingKind::Assignment || (initial.flags & (kGlobalName | kNonlocalName))) return;
    const TSNode bound = ts_node_descendant_for_byte_range(ctx.root(), initial.start, initial.end);
    if (!is(bound, "identifier") || !int_literal_is(assigned_value(bound), ctx, 0)) return;
    if (!ts_node_eq(edits::parent_statement(edits::statement_of(f.loop)),
                    edits::parent_statement(edits::enclosing_statement(bound)))) {
      return;
    }
    const uint32_t loop_start = ts_node_start_byte(f.loop), loop_end = ts_node_end_byte(f.loop);
    const Scope& scope = m.scopes[m.scope_at(loop_start)];
    int32_t increment_id = -1;
    for (const uint32_t id : scope.bindings) {
      const Binding& b = m.bindings[id];
      if (b.name != name || b.start < loop_start || b.end > loop_end) continue;
      if (increment_id >= 0) return;  // assigned more than once in the loop
      increment_id = static_cast<int32_t>(id);
    }
    if (increment_id < 0) return;
    for (const Reference& r : m.references) {
      if (r.binding != increment_id) continue;
      if (r.start >= initial.start && (r.start < loop_start || r.end > loop_end)) return;
    }
    report(ctx, f.increment, "Use `enumerate()` for index variable `" + std::string(name) + "` in `for` loop");
  }

  std::vector<Found> found_;
};

}  // namespace

extern const RuleSpec enumerate_for_loop{
    .code = "SIM113",
    .name = "enumerate-for-loop",
    .linter = "flake8-simplify",
    .kinds = {"for_statement"},
    .doc = kDoc,
    .create = make_rule<EnumerateForLoop>(),
    .needs_semantic = true,
};

}  // namespace lint::rules
