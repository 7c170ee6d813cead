#include "pyflakes/import_statements.h"

namespace lint::rules {

namespace {

constexpr std::string_view kDoc = R"(## What it does
Checks for `from __future__ import` statements naming a feature that Python does not know.

## Why is this bad?
The `__future__` module only provides a fixed set of features (`annotations`, `division`,
`print_function`, ...). Importing anything else, including `*`, is a compile-time error
(`SyntaxError: future feature ... is not defined`): usually a typo.

## Example
```python
from __future__ import anotations
```

Use instead:
```python
from __future__ import annotations
```
)";

class FutureFeatureNotDefined final : public Rule {
 public:
  void enter(TSNode node, Context& ctx) override {
    if (is(node, "import_from_statement")) {
      if (!is_future_star_import(node, ctx)) return;
      for (TSNode c : children(node)) {
        if (is(c, "wildcard_import")) report(ctx, c, "Future feature `*` is not defined");
      }
      return;
    }
    const Children names = children(node);
    for (auto it = names.begin(); it != names.end(); ++it) {
      const char* f = it.field_name();
      if (f == nullptr || std::string_view(f) != "name") continue;
      const TSNode alias = *it;
      const TSNode name = is(alias, "aliased_import") ? field(alias, "name") : alias;
      const std::string_view feature = ctx.text(name);
      if (known(feature)) continue;
      report(ctx, alias, "Future feature `" + std::string(feature) + "` is not defined");
    }
  }

 private:
  static bool known(std::string_view feature) {
    for (std::string_view k : {"nested_scopes", "generators", "division", "absolute_import", "with_statement",
                               "print_function", "unicode_literals", "barry_as_FLUFL", "generator_stop",
                               "annotations"}) {
      if (feature == k) return true;
    }
    return false;
  }
};

}  // namespace

extern const RuleSpec future_feature_not_defined{
    .code = "F407",
    .name = "future-feature-not-defined",
    .linter = "pyflakes",
    .kinds = {"future_import_statement", "import_from_statement"},
    .doc = kDoc,
    .create = make_rule<FutureFeatureNotDefined>(),
};

}  // namespace lint::rules
