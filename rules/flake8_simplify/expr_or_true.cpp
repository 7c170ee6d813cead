#include "flake8_simplify/short_circuit.h"

namespace lint::rules {

namespace {

constexpr std::string_view kDoc = R"(## What it does
Checks for `or` chains holding an operand whose truth is known and ends the chain.

## Why is this bad?
An `or` chain stops at its first truthy operand: a literal that is always truthy (`True`, a non-empty string or list...) makes the chain's value that literal, and what follows it is never evaluated. The chain can be replaced by that operand (or, in a condition, by
`True`), from the first operand that may matter.

## Example
```python
if user or True:
    ...
```

Use instead:
```python
if True:
    ...
```

## Fix safety
The fix is unsafe: operands before the literal are dropped where only their truth was read,
which runs their `__bool__` no more, and comments in the chain are lost.
)";

class ExprOrTrue final : public simplify::ShortCircuitRule {
 public:
  ExprOrTrue() : ShortCircuitRule("or") {}
};

}  // namespace

extern const RuleSpec expr_or_true{
    .code = "SIM222",
    .name = "expr-or-true",
    .linter = "flake8-simplify",
    .kinds = {"boolean_operator"},
    .doc = kDoc,
    .create = make_rule<ExprOrTrue>(),
    .needs_semantic = true,
    .fix = FixAvailability::Always,
};

}  // namespace lint::rules
