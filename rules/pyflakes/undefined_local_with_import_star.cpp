#include "pyflakes/import_statements.h"

namespace lint::rules {

namespace {

constexpr std::string_view kDoc = R"(## What it does
Checks for wildcard imports: `from module import *`.

## Why is this bad?
A wildcard import binds every public name of the module, and which names those are can only be
known by importing it. A reader cannot tell where a name comes from, a later release of the
module can silently shadow your own names, and a linter cannot tell a misspelled name from one
that the import provides: undefined names go unreported.

## Example
```python
from math import *

print(pi)
```

Use instead:
```python
from math import pi

print(pi)
```
)";

class UndefinedLocalWithImportStar final : public Rule {
 public:
  void enter(TSNode node, Context& ctx) override {
    if (!is_star_import(node) || is_future_star_import(node, ctx)) return;
    report(ctx, node, "`from " + from_import_module(node, ctx) + " import *` used; unable to detect undefined names");
  }
};

}  // namespace

extern const RuleSpec undefined_local_with_import_star{
    .code = "F403",
    .name = "undefined-local-with-import-star",
    .linter = "pyflakes",
    .kinds = {"import_from_statement"},
    .doc = kDoc,
    .create = make_rule<UndefinedLocalWithImportStar>(),
};

}  // namespace lint::rules
