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

class AmbiguousClassName final : public Rule {
 public:
  void enter(TSNode node, Context& ctx) override {
    (void)node;
    (void)ctx;
  }
};

}  // namespace

extern const RuleSpec ambiguous_class_name{
    .code = "E742",
    .name = "ambiguous-class-name",
    .linter = "pycodestyle",
    .kinds = {"class_definition"},
    .doc = kDoc,
    .create = make_rule<AmbiguousClassName>(),
};

}  // namespace lint::rules
