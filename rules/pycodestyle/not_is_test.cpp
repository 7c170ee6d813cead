#include "pycodestyle/comparisons.h"

namespace lint::rules {

namespace {

constexpr std::string_view kDoc = R"(## What it does
Checks for identity tests written as `not left is right`.

## Why is this bad?
`not x is y` parses as `not (x is y)`, but it is easy to misread as `(not x) is y`, which
means something else entirely. [PEP 8] recommends the `is not` operator, which states the
negated identity test directly.

## Example
```python
if not result is None:
    use(result)
same = not a is b
```

Use instead:
```python
if result is not None:
    use(result)
same = a is not b
```

## Fix
The fix rewrites the whole negation as one comparison with `is not`, one space around the
operator; parentheses around the comparison and comments inside it go away.

[PEP 8]: https://peps.python.org/pep-0008/#programming-recommendations
)";

class NotIsTest final : public Rule {
 public:
  void enter(TSNode node, Context& ctx) override {
    const TSNode operand = unparenthesized(field(node, "argument"));
    if (ts_node_is_null(operand) || !is(operand, "comparison_operator")) return;
    CmpOp only = CmpOp::Other;
    if (for_each_link(operand, [&](TSNode, TSNode op, TSNode, size_t) { only = cmp_op(op); }) != 1) return;
    if (only != CmpOp::Is) return;
    Diagnostic& d = report(ctx, operand, "Test for object identity should be `is not`");
    d.fix_title = "Convert to `is not`";
    d.fix = negated_comparison_fix(node, operand, CmpOp::IsNot, ctx);
  }
};

}  // namespace

extern const RuleSpec not_is_test{
    .code = "E714",
    .name = "not-is-test",
    .linter = "pycodestyle",
    .kinds = {"not_operator"},
    .doc = kDoc,
    .create = make_rule<NotIsTest>(),
    .fix = FixAvailability::Always,
};

}  // namespace lint::rules
