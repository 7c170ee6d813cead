#include "pyflakes/bindings.h"

namespace lint::rules {

namespace {

constexpr std::string_view kDoc = R"(## What it does
Checks for local variables that are annotated (`x: int`) but never assigned or used.

## Why is this bad?
An annotation without a value binds nothing; if nothing reads the name either, the line does
nothing and is probably a leftover.

## Example
```python
def f():
    x: int
```

Use instead:
```python
def f():
    pass
```
)";

class UnusedAnnotation final : public Rule {
 public:
  void finish(Context& ctx) override {
    const SemanticModel* m = ctx.semantic();
    if (!m) return;
    for (const Scope& scope : m->scopes) {
      if (scope.kind != ScopeKind::Function && scope.kind != ScopeKind::Lambda) continue;
      if (scope.uses_locals) continue;
      for (const auto& [name, id] : scope.names) {
        const Binding& b = m->bindings[id];
        if (b.kind != BindingKind::Annotation || b.uses || is_dummy_name(name)) continue;
        report(ctx, b.start, b.end, "Local variable " + quoted(name) + " is annotated but never used");
      }
    }
  }
};

}  // namespace

extern const RuleSpec unused_annotation{
    .code = "F842",
    .name = "unused-annotation",
    .linter = "pyflakes",
    .kinds = {},
    .doc = kDoc,
    .create = make_rule<UnusedAnnotation>(),
    .needs_semantic = true,
};

}  // namespace lint::rules
