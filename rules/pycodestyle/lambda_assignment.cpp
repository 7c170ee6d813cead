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

class LambdaAssignment final : public Rule {
 public:
  void enter(TSNode node, Context& ctx) override {
    (void)node;
    (void)ctx;
  }
};

}  // namespace

extern const RuleSpec lambda_assignment{
    .code = "E731",
    .name = "lambda-assignment",
    .linter = "pycodestyle",
    .kinds = {"assignment"},
    .doc = kDoc,
    .create = make_rule<LambdaAssignment>(),
};

}  // namespace lint::rules
