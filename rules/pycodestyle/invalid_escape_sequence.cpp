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

class InvalidEscapeSequence final : public Rule {
 public:
  void enter(TSNode node, Context& ctx) override {
    (void)node;
    (void)ctx;
  }
};

}  // namespace

extern const RuleSpec invalid_escape_sequence{
    .code = "W605",
    .name = "invalid-escape-sequence",
    .linter = "pycodestyle",
    .kinds = {"string"},
    .doc = kDoc,
    .create = make_rule<InvalidEscapeSequence>(),
};

}  // namespace lint::rules
