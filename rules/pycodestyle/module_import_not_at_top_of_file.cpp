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

class ModuleImportNotAtTopOfFile final : public Rule {
 public:
  void enter(TSNode node, Context& ctx) override {
    (void)node;
    (void)ctx;
  }
};

}  // namespace

extern const RuleSpec module_import_not_at_top_of_file{
    .code = "E402",
    .name = "module-import-not-at-top-of-file",
    .linter = "pycodestyle",
    .kinds = {"module"},
    .doc = kDoc,
    .create = make_rule<ModuleImportNotAtTopOfFile>(),
};

}  // namespace lint::rules
