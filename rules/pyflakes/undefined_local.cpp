#include "pyflakes/bindings.h"

#include <algorithm>

namespace lint::rules {

namespace {

constexpr std::string_view kDoc = R"(## What it does
Checks for a local variable read before the function assigns it, while an enclosing scope
has a variable of the same name.

## Why is this bad?
Assigning a name anywhere in a function makes it local to the whole function, so the earlier
read does not see the enclosing variable: it raises `UnboundLocalError`.

## Example
```python
counter = 0


def increment():
    counter += 1
```

Use instead:
```python
counter = 0


def increment():
    global counter
    counter += 1
```
)";

class UndefinedLocal final : public Rule {
 public:
  void finish(Context& ctx) override {
    const SemanticModel* m = ctx.semantic();
    if (!m) return;
    for (const Reference& r : m->references) {
      if (r.binding < 0) continue;
      const Scope& scope = m->scopes[r.scope];
      if (scope.kind != ScopeKind::Function) continue;
      const Binding& target = m->bindings[r.binding];
      if (target.scope == r.scope) continue;
      const Scope& defining = m->scopes[target.scope];
      if (defining.kind != ScopeKind::Function && defining.kind != ScopeKind::Module) continue;
      auto local = scope.names.find(r.name);
      if (local == scope.names.end()) continue;
      if (std::find(scope.globals.begin(), scope.globals.end(), r.name) != scope.globals.end()) continue;
      report(ctx, r.start, r.end, "Local variable " + quoted(r.name) + " referenced before assignment");
    }
  }
};

}  // namespace

extern const RuleSpec undefined_local{
    .code = "F823",
    .name = "undefined-local",
    .linter = "pyflakes",
    .kinds = {},
    .doc = kDoc,
    .create = make_rule<UndefinedLocal>(),
    .needs_semantic = true,
};

}  // namespace lint::rules
