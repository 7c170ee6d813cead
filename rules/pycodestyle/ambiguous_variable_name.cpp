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

class AmbiguousVariableName final : public Rule {
 public:
  void enter(TSNode node, Context& ctx) override {
    (void)node;
    (void)ctx;
  }
};

}  // namespace

extern const RuleSpec ambiguous_variable_name{
    .code = "E741",
    .name = "ambiguous-variable-name",
    .linter = "pycodestyle",
    .kinds = {"identifier"},
    .doc = kDoc,
    .create = make_rule<AmbiguousVariableName>(),
};

}  // namespace lint::rules
