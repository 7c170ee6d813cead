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

class TrueFalseComparison final : public Rule {
 public:
  void enter(TSNode node, Context& ctx) override {
    (void)node;
    (void)ctx;
  }
};

}  // namespace

extern const RuleSpec true_false_comparison{
    .code = "E712",
    .name = "true-false-comparison",
    .linter = "pycodestyle",
    .kinds = {"comparison_operator"},
    .doc = kDoc,
    .create = make_rule<TrueFalseComparison>(),
};

}  // namespace lint::rules
