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

class MultipleImportsOnOneLine final : public Rule {
 public:
  void enter(TSNode node, Context& ctx) override {
    (void)node;
    (void)ctx;
  }
};

}  // namespace

extern const RuleSpec multiple_imports_on_one_line{
    .code = "E401",
    .name = "multiple-imports-on-one-line",
    .linter = "pycodestyle",
    .kinds = {"import_statement"},
    .doc = kDoc,
    .create = make_rule<MultipleImportsOnOneLine>(),
};

}  // namespace lint::rules
