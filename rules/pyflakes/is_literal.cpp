#include "rule.h"

namespace lint::rules {

namespace {

constexpr std::string_view kDoc = R"(## What it does
TODO

## Why is this bad?
TODO

## Example
```python
```

Use instead:
```python
```
)";

class IsLiteral final : public Rule {
 public:
  void enter(TSNode node, Context& ctx) override {
    (void)node;
    (void)ctx;
  }
};

}  // namespace

extern const RuleSpec is_literal{
    .code = "F632",
    .name = "is-literal",
    .linter = "pyflakes",
    .kinds = {"comparison_operator"},
    .doc = kDoc,
    .create = make_rule<IsLiteral>(),
};

}  // namespace lint::rules
