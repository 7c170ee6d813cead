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

class IoError final : public Rule {
 public:
  void enter(TSNode node, Context& ctx) override {
    (void)node;
    (void)ctx;
  }
};

}  // namespace

extern const RuleSpec io_error{
    .code = "E902",
    .name = "io-error",
    .linter = "pycodestyle",
    .kinds = {"module"},
    .doc = kDoc,
    .create = make_rule<IoError>(),
};

}  // namespace lint::rules
