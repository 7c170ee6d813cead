#include "pyflakes/bindings.h"

namespace lint::rules {

namespace {

constexpr std::string_view kDoc = R"(## What it does
Checks for imports that nothing in the module uses.

## Why is this bad?
An unused import costs start-up time, can create import cycles, and makes a reader look for a
use that is not there. A name listed in `__all__` counts as used: it is re-exported.

## Example
```python
import os
import sys

print(sys.argv)
```

Use instead:
```python
import sys

print(sys.argv)
```
)";

class UnusedImport final : public Rule {
 public:
  void finish(Context& ctx) override {
    const SemanticModel* m = ctx.semantic();
    if (!m) return;
    for (const Scope& scope : m->scopes) {
      // Ruff leaves imports in class bodies alone: they are often class attributes.
      if (scope.kind == ScopeKind::Class) continue;
      for (const auto& [name, id] : scope.names) {
        const Binding& b = m->bindings[id];
        if (b.kind != BindingKind::Import && b.kind != BindingKind::SubmoduleImport &&
            b.kind != BindingKind::FromImport) {
          continue;
        }
        if (b.uses || (b.flags & (kExported | kGlobalName | kNonlocalName))) continue;
        std::string message = quoted(b.qualified_name) + " imported but unused";
        if (b.flags & kInTry) {
          message += "; consider using `importlib.util.find_spec` to test for availability";
        } else if (m->is_package_init && b.qualified_name.starts_with(".")) {
          message += "; consider removing, adding to `__all__`, or using a redundant alias";
        }
        report(ctx, b.start, b.end, std::move(message));
      }
    }
  }
};

}  // namespace

extern const RuleSpec unused_import{
    .code = "F401",
    .name = "unused-import",
    .linter = "pyflakes",
    .kinds = {},
    .doc = kDoc,
    .create = make_rule<UnusedImport>(),
    .needs_semantic = true,
};

}  // namespace lint::rules
