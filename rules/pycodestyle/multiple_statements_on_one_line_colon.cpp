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

class MultipleStatementsOnOneLineColon final : public Rule {
 public:
  void enter(TSNode node, Context& ctx) override {
    (void)node;
    (void)ctx;
  }
};

}  // namespace

extern const RuleSpec multiple_statements_on_one_line_colon{
    .code = "E701",
    .name = "multiple-statements-on-one-line-colon",
    .linter = "pycodestyle",
    .kinds = {"module"},
    .doc = kDoc,
    .create = make_rule<MultipleStatementsOnOneLineColon>(),
};

}  // namespace lint::rules
