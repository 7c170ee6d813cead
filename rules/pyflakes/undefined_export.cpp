#include "pyflakes/bindings.h"

namespace lint::rules {

namespace {

constexpr std::string_view kDoc = R"(## What it does
Checks for names in `__all__` that the module does not define.

## Why is this bad?
`from module import *` raises `AttributeError` for a name in `__all__` that does not exist,
and documentation tools list something that is not there.

## Example
```python
__all__ = ["load", "save"]


def load():
    pass
```

Use instead:
```python
__all__ = ["load"]


def load():
    pass
```
)";

class UndefinedExport final : public Rule {
 public:
  void finish(Context& ctx) override {
    const SemanticModel* m = ctx.semantic();
    if (!m) return;
    // A package may list its submodules; a star import may define anything.
    if (m->is_package_init || m->scopes.empty() || m->scopes[0].star_import) return;
    for (const ExportName& e : m->exports) {
      // A builtin listed in __all__ is defined (Ruff resolves it too).
      if (e.mutation || m->scopes[0].names.count(e.name) || is_python_builtin(e.name, m->target_minor)) continue;
      report(ctx, e.start, e.end, "Undefined name " + quoted(e.name) + " in `__all__`").parent_byte = e.definition;
    }
  }
};

}  // namespace

extern const RuleSpec undefined_export{
    .code = "F822",
    .name = "undefined-export",
    .linter = "pyflakes",
    .kinds = {},
    .doc = kDoc,
    .create = make_rule<UndefinedExport>(),
    .needs_semantic = true,
};

}  // namespace lint::rules
