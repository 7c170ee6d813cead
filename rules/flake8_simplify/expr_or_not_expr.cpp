#include "flake8_simplify/contradiction.h"

namespace lint::rules {

namespace {

constexpr std::string_view kDoc = R"(## What it does
Checks for `or` chains holding a name and its negation: `a or not a`.

## Why is this bad?
A value or its negation is always true, so the whole chain is `True` (after evaluating its operands). Such a condition is usually a mistake, and otherwise clearer written as the constant.

Chains whose operands may have side effects (calls, subscripts...) are left alone.

## Example
```python
if a or not a:
    ...
```

Use instead:
```python
if True:
    ...
```

## Fix safety
The fix is unsafe: it drops the evaluation of the operands (their `__bool__` may do
something) and any comments in the chain.
)";

class ExprOrNotExpr final : public simplify::ContradictionRule {
 public:
  ExprOrNotExpr() : ContradictionRule("or", "True") {}
};

}  // namespace

extern const RuleSpec expr_or_not_expr{
    .code = "SIM221",
    .name = "expr-or-not-expr",
    .linter = "flake8-simplify",
    .kinds = {"boolean_operator"},
    .doc = kDoc,
    .create = make_rule<ExprOrNotExpr>(),
    .needs_semantic = true,
    .fix = FixAvailability::Always,
};

}  // namespace lint::rules
