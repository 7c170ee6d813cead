#include "pycodestyle/comparisons.h"

namespace lint::rules {

namespace {

constexpr std::string_view kDoc = R"(## What it does
Checks for membership tests written as `not element in collection`.

## Why is this bad?
`not` binds more loosely than `in`, so `not x in y` already means `not (x in y)`, but a reader
has to know that precedence rule to be sure. Python has a dedicated operator for the negated
test, `not in`, which reads as plain English and leaves no doubt about what is negated.

## Example
```python
if not key in table:
    table[key] = default
missing = not name in seen
```

Use instead:
```python
if key not in table:
    table[key] = default
missing = name not in seen
```

## Fix
The fix rewrites the whole negation as one comparison with `not in`, one space around the
operator; parentheses around the comparison and comments inside it go away.
)";

class NotInTest final : public Rule {
 public:
  void enter(TSNode node, Context& ctx) override {
    const TSNode operand = unparenthesized(field(node, "argument"));
    if (ts_node_is_null(operand) || !is(operand, "comparison_operator")) return;
    CmpOp only = CmpOp::Other;
    if (for_each_link(operand, [&](TSNode, TSNode op, TSNode, size_t) { only = cmp_op(op); }) != 1) return;
    if (only != CmpOp::In) return;
    Diagnostic& d = report(ctx, operand, "Test for membership should be `not in`");
    d.fix_title = "Convert to `not in`";
    d.fix = negated_comparison_fix(node, operand, CmpOp::NotIn, ctx);
  }
};

}  // namespace

extern const RuleSpec not_in_test{
    .code = "E713",
    .name = "not-in-test",
    .linter = "pycodestyle",
    .kinds = {"not_operator"},
    .doc = kDoc,
    .create = make_rule<NotInTest>(),
    .fix = FixAvailability::Always,
};

}  // namespace lint::rules
