#include "pyflakes/bindings.h"

namespace lint::rules {

namespace {

constexpr std::string_view kDoc = R"(## What it does
Checks for loop variables that reuse the name of an import.

## Why is this bad?
After the loop, the name no longer refers to the module, and later code that uses the module
gets the last loop value instead.

## Example
```python
import os

for os in ["linux", "darwin"]:
    print(os)
```

Use instead:
```python
import os

for platform in ["linux", "darwin"]:
    print(platform)
```
)";

class ImportShadowedByLoopVar final : public Rule {
 public:
  void finish(Context& ctx) override {
    const SemanticModel* m = ctx.semantic();
    if (!m) return;
    for (const Binding& b : m->bindings) {
      if (b.kind != BindingKind::LoopVar || b.shadows < 0) continue;
      const Binding& shadowed = m->bindings[b.shadows];
      if (!is_import(shadowed.kind)) continue;
      if (!m->same_branch(shadowed, b)) continue;
      report(ctx, b.start, b.end,
             "Import " + quoted(b.name) + " from " + ctx.line_label(shadowed.start) + " shadowed by loop variable");
    }
  }
};

}  // namespace

extern const RuleSpec import_shadowed_by_loop_var{
    .code = "F402",
    .name = "import-shadowed-by-loop-var",
    .linter = "pyflakes",
    .kinds = {},
    .doc = kDoc,
    .create = make_rule<ImportShadowedByLoopVar>(),
    .needs_semantic = true,
};

}  // namespace lint::rules
