#include "engine/rule.h"

namespace lint::rules {

namespace {

constexpr std::string_view kDoc = R"(## What it does
Checks for `import` statements that import more than one module, such as `import os, sys`.

## Why is this bad?
[PEP 8] asks for one module per `import` line. Separate lines are easier to scan, sort and
review, and adding or removing one import then changes exactly one line. Importing several
names *from* one module (`from os import path, sep`) is fine and is not reported.

## Example
```python
import json, os, sys
```

Use instead:
```python
import json
import os
import sys
```

[PEP 8]: https://peps.python.org/pep-0008/#imports
)";

class MultipleImportsOnOneLine final : public Rule {
 public:
  void enter(TSNode node, Context& ctx) override {
    int names = 0;
    for (auto it = children(node).begin(); it != children(node).end(); ++it) {
      const char* f = it.field_name();
      if (f != nullptr && std::string_view(f) == "name") ++names;
    }
    if (names > 1) report(ctx, node, "Multiple imports on one line");
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
