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

class AmbiguousFunctionName final : public Rule {
 public:
  void enter(TSNode node, Context& ctx) override {
    (void)node;
    (void)ctx;
  }
};

}  // namespace

extern const RuleSpec ambiguous_function_name{
    .code = "E743",
    .name = "ambiguous-function-name",
    .linter = "pycodestyle",
    .kinds = {"function_definition"},
    .doc = kDoc,
    .create = make_rule<AmbiguousFunctionName>(),
};

}  // namespace lint::rules
