#include "flake8_simplify/contradiction.h"

namespace lint::rules {

namespace {

constexpr std::string_view kDoc = R"(## What it does
Checks for `and` chains holding a name and its negation: `a and not a`.

## Why is this bad?
A value and its negation are never both true, so the whole chain is `False` (after evaluating its operands). Such a condition is usually a mistake, and otherwise clearer written as the constant.

Chains whose operands may have side effects (calls, subscripts...) are left alone.

## Example
```python
if a and not a:
    ...
```

Use instead:
```python
if False:
    ...
```

## Fix safety
The fix is unsafe: it drops the evaluation of the operands (their `__bool__` may do
something) and any comments in the chain.
)";

class ExprAndNotExpr final : public simplify::ContradictionRule {
 public:
  ExprAndNotExpr() : ContradictionRule("and", "False") {}
};

}  // namespace

extern const RuleSpec expr_and_not_expr{
    .code = "SIM220",
    .name = "expr-and-not-expr",
    .linter = "flake8-simplify",
    .kinds = {"boolean_operator"},
    .doc = kDoc,
    .create = make_rule<ExprAndNotExpr>(),
    .needs_semantic = true,
    .fix = FixAvailability::Always,
};

}  // namespace lint::rules
