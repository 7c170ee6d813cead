#include "engine/rule.h"

namespace lint::rules {

namespace {

constexpr std::string_view kDoc = R"(## What it does
Checks for starred assignments with too many targets around the starred one: Python's bytecode
allows at most 255 targets before it (`1 << 8`) and fewer than `1 << 24` after it.

## Why is this bad?
Past those limits the assignment cannot be compiled (`SyntaxError: too many expressions in
star-unpacking assignment`).

Ruff 0.17.3, which this rule follows, never reports it: its check never learns where the starred
target is. This rule therefore reports nothing, as Ruff does.

## Example
```python
a0, a1, a2, ..., a255, a256, *rest = values  # 257 targets before the starred one
```

Use instead:
```python
a = values[:257]
rest = values[257:]
```
)";

class ExpressionsInStarAssignment final : public Rule {
 public:
  void enter(TSNode, Context&) override {}
};

}  // namespace

extern const RuleSpec expressions_in_star_assignment{
    .code = "F621",
    .name = "expressions-in-star-assignment",
    .linter = "pyflakes",
    .kinds = {},
    .doc = kDoc,
    .create = make_rule<ExpressionsInStarAssignment>(),
};

}  // namespace lint::rules
