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

class BareExcept final : public Rule {
 public:
  void enter(TSNode node, Context& ctx) override {
    (void)node;
    (void)ctx;
  }
};

}  // namespace

extern const RuleSpec bare_except{
    .code = "E722",
    .name = "bare-except",
    .linter = "pycodestyle",
    .kinds = {"except_clause"},
    .doc = kDoc,
    .create = make_rule<BareExcept>(),
};

}  // namespace lint::rules
