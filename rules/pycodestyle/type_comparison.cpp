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

class TypeComparison final : public Rule {
 public:
  void enter(TSNode node, Context& ctx) override {
    (void)node;
    (void)ctx;
  }
};

}  // namespace

extern const RuleSpec type_comparison{
    .code = "E721",
    .name = "type-comparison",
    .linter = "pycodestyle",
    .kinds = {"comparison_operator"},
    .doc = kDoc,
    .create = make_rule<TypeComparison>(),
};

}  // namespace lint::rules
