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

class NotIsTest final : public Rule {
 public:
  void enter(TSNode node, Context& ctx) override {
    (void)node;
    (void)ctx;
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
};

}  // namespace lint::rules
