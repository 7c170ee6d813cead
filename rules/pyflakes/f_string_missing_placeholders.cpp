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

class FStringMissingPlaceholders final : public Rule {
 public:
  void enter(TSNode node, Context& ctx) override {
    (void)node;
    (void)ctx;
  }
};

}  // namespace

extern const RuleSpec f_string_missing_placeholders{
    .code = "F541",
    .name = "f-string-missing-placeholders",
    .linter = "pyflakes",
    .kinds = {"string"},
    .doc = kDoc,
    .create = make_rule<FStringMissingPlaceholders>(),
};

}  // namespace lint::rules
