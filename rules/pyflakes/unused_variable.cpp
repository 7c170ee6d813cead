#include "pyflakes/bindings.h"

namespace lint::rules {

namespace {

constexpr std::string_view kDoc = R"(## What it does
Checks for local variables that are assigned and never read, and for `except ... as name`
names that the handler never uses.

## Why is this bad?
A value computed and dropped is dead code, or a sign that the wrong name is read later.
Names matching the dummy pattern (`_`, `_unused`) and functions that call `locals()` are
left alone; unpacking into names that go unused is allowed.

## Example
```python
def total(prices):
    result = sum(prices)
    return sum(prices)
```

Use instead:
```python
def total(prices):
    return sum(prices)
```
)";

class UnusedVariable final : public Rule {
 public:
  void finish(Context& ctx) override {
    const SemanticModel* m = ctx.semantic();
    if (!m) return;
    for (const Binding& b : m->bindings) {
      // Unused exception names, in any scope; other variables only in functions.
      if (b.kind == BindingKind::ExceptHandler) {
        if (b.uses || is_dummy_name(b.name)) continue;
        report(ctx, b.start, b.end, "Local variable " + quoted(b.name) + " is assigned to but never used");
      }
    }
    for (const Scope& scope : m->scopes) {
      if (scope.kind != ScopeKind::Function && scope.kind != ScopeKind::Lambda) continue;
      if (scope.uses_locals) continue;
      for (const auto& [name, id] : scope.names) {
        const Binding& b = m->bindings[id];
        if (b.kind != BindingKind::Assignment && b.kind != BindingKind::NamedExpr &&
            b.kind != BindingKind::WithItem && b.kind != BindingKind::AnnotatedAssignment &&
            b.kind != BindingKind::MatchCapture) {
          continue;
        }
        if (b.uses || (b.flags & (kUnpacked | kGlobalName | kNonlocalName | kBehindHandler))) continue;
        if (is_dummy_name(name) || name == "__tracebackhide__" || name == "__traceback_info__" ||
            name == "__traceback_supplement__" || name == "__debuggerskip__") {
          continue;
        }
        report(ctx, b.start, b.end, "Local variable " + quoted(name) + " is assigned to but never used");
      }
    }
  }
};

}  // namespace

extern const RuleSpec unused_variable{
    .code = "F841",
    .name = "unused-variable",
    .linter = "pyflakes",
    .kinds = {},
    .doc = kDoc,
    .create = make_rule<UnusedVariable>(),
    .needs_semantic = true,
};

}  // namespace lint::rules
