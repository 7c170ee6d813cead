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

class UselessSemicolon final : public Rule {
 public:
  void enter(TSNode node, Context& ctx) override {
    (void)node;
    (void)ctx;
  }
};

}  // namespace

extern const RuleSpec useless_semicolon{
    .code = "E703",
    .name = "useless-semicolon",
    .linter = "pycodestyle",
    .kinds = {"module"},
    .doc = kDoc,
    .create = make_rule<UselessSemicolon>(),
};

}  // namespace lint::rules
