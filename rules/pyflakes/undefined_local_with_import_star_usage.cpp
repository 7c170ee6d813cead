#include "engine/rule.h"

namespace lint::rules {

namespace {

constexpr std::string_view kDoc = R"(## What it does
Checks for names that are not defined anywhere visible but might come from a star import
(`from module import *`) in scope.

## Why is this bad?
With a star import, neither a reader nor a linter can tell where a name comes from, or whether
it exists at all: the module may not export it, or may stop exporting it. Importing the names
explicitly makes the dependency visible and lets undefined names be caught.

## Example
```python
from math import *

def area(radius):
    return pi * radius**2
```

Use instead:
```python
from math import pi

def area(radius):
    return pi * radius**2
```
)";

class UndefinedLocalWithImportStarUsage final : public Rule {
 public:
  void finish(Context& ctx) override {
    const SemanticModel* m = ctx.semantic();
    if (!m) return;
    for (const Unresolved& u : m->unresolved) {
      if (!u.star_import_in_scope) continue;
      report(ctx, u.start, u.end, "`" + std::string(u.name) + "` may be undefined, or defined from star imports");
    }
    // Names in __all__ that nothing binds, when a star import might.
    if (m->scopes.empty() || !m->scopes[0].star_import) return;
    for (const ExportName& e : m->exports) {
      // A builtin listed in __all__ is defined (Ruff resolves it too).
      if (e.mutation || m->scopes[0].names.count(e.name) || is_python_builtin(e.name, m->target_minor)) continue;
      report(ctx, e.start, e.end, "`" + std::string(e.name) + "` may be undefined, or defined from star imports")
          .parent_byte = e.definition;
    }
  }
};

}  // namespace

extern const RuleSpec undefined_local_with_import_star_usage{
    .code = "F405",
    .name = "undefined-local-with-import-star-usage",
    .linter = "pyflakes",
    .kinds = {},
    .doc = kDoc,
    .create = make_rule<UndefinedLocalWithImportStarUsage>(),
    .needs_semantic = true,
};

}  // namespace lint::rules
