#include "flake8_simplify/short_circuit.h"

namespace lint::rules {

namespace {

constexpr std::string_view kDoc = R"(## What it does
Checks for `and` chains holding an operand whose truth is known and ends the chain.

## Why is this bad?
An `and` chain stops at its first falsy operand: a literal that is always falsy (`False`, `None`, `0`, an empty string or list...) makes the chain's value that literal, and what follows it is never evaluated. The chain can be replaced by that operand (or, in a condition, by
`False`), from the first operand that may matter.

## Example
```python
if user and False:
    ...
```

Use instead:
```python
if False:
    ...
```

## Fix safety
The fix is unsafe: operands before the literal are dropped where only their truth was read,
which runs their `__bool__` no more, and comments in the chain are lost.
)";

class ExprAndFalse final : public simplify::ShortCircuitRule {
 public:
  ExprAndFalse() : ShortCircuitRule("and") {}
};

}  // namespace

extern const RuleSpec expr_and_false{
    .code = "SIM223",
    .name = "expr-and-false",
    .linter = "flake8-simplify",
    .kinds = {"boolean_operator"},
    .doc = kDoc,
    .create = make_rule<ExprAndFalse>(),
    .needs_semantic = true,
    .fix = FixAvailability::Always,
};

}  // namespace lint::rules
