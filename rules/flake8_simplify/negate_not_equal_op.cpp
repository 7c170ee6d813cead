#include "flake8_simplify/negated_comparison.h"

namespace lint::rules {

namespace {

constexpr std::string_view kDoc = R"(## What it does
Checks for `not` applied to a `!=` comparison.

## Why is this bad?
Python has the opposite operator, `==`: `a == b` says the same as `not a != b` and reads
more directly.

Left alone: the condition of an `if` whose body only raises (where the negation states what
must hold), and comparisons inside the comparison methods (`__eq__`, `__ne__`, `__lt__`,
`__le__`, `__gt__`, `__ge__`), which are often defined through each other.

## Example
```python
if not status != expected:
    retry()
```

Use instead:
```python
if status == expected:
    retry()
```

## Fix safety
The fix is unsafe: `!=` and `==` are separate methods (`__eq__` and `__ne__`), and a class may
define them so that one is not the negation of the other. The comparison is also written anew,
so comments inside it are lost.
)";

class NegateNotEqualOp final : public Rule {
 public:
  void enter(TSNode node, Context& ctx) override {
    simplify::report_negated_comparison(node, "!=", "==", ctx,
                                        [&](std::string message) -> Diagnostic& { return report(ctx, node, std::move(message)); });
  }
};

}  // namespace

extern const RuleSpec negate_not_equal_op{
    .code = "SIM202",
    .name = "negate-not-equal-op",
    .linter = "flake8-simplify",
    .kinds = {"not_operator"},
    .doc = kDoc,
    .create = make_rule<NegateNotEqualOp>(),
    .fix = FixAvailability::Always,
};

}  // namespace lint::rules
