#include "pyflakes/enclosing_scopes.h"
#include "pyflakes/import_statements.h"

namespace lint::rules {

namespace {

constexpr std::string_view kDoc = R"(## What it does
Checks for wildcard imports (`from module import *`) inside a function or a class body.

## Why is this bad?
Python only allows wildcard imports at module level: inside a function the compiler must know
every local name in advance, which a wildcard import makes impossible, and Python 3 refuses to
compile it (`SyntaxError: import * only allowed at module level`). A class body is rejected as
well.

## Example
```python
def area(r):
    from math import *
    return pi * r**2
```

Use instead:
```python
from math import pi


def area(r):
    return pi * r**2
```
)";

class UndefinedLocalWithNestedImportStarUsage final : public Rule {
 public:
  void enter(TSNode node, Context& ctx) override {
    if (scopes_.enter(node, ctx)) return;
    if (!is_star_import(node) || !scopes_->in_function_or_class(ts_node_start_byte(node))) return;
    report(ctx, node, "`from " + from_import_module(node, ctx) + " import *` only allowed at module level");
  }
  void leave(TSNode node, Context& ctx) override { scopes_.leave(node, ctx); }

 private:
  SharedEnclosingScopes scopes_;
};

}  // namespace

extern const RuleSpec undefined_local_with_nested_import_star_usage{
    .code = "F406",
    .name = "undefined-local-with-nested-import-star-usage",
    .linter = "pyflakes",
    .kinds = with_enclosing_kinds({"import_from_statement"}),
    .doc = kDoc,
    .create = make_rule<UndefinedLocalWithNestedImportStarUsage>(),
};

}  // namespace lint::rules
