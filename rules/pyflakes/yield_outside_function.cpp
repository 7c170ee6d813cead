#include "pyflakes/enclosing_scopes.h"

namespace lint::rules {

namespace {

constexpr std::string_view kDoc = R"(## What it does
Checks for `yield`, `yield from` and `await` expressions outside of a function.

## Why is this bad?
`yield` and `yield from` turn the function around them into a generator, and `await` suspends the
coroutine around it. Outside of a function or lambda (at module level, directly in a class body,
or in a list, set or dictionary comprehension, which runs in a scope of its own) Python refuses
to compile them.

`await` is also accepted inside a generator expression, which is evaluated lazily, and in a
comprehension that sits inside a function or a generator expression. The iterable of a
comprehension's first `for` is evaluated in the enclosing scope and follows its rules.

As an exception, `await` is allowed at the top level of a Jupyter notebook, which runs its cells
in an event loop; this linter does not read notebooks.

## Example
```python
class Numbers:
    for i in range(3):
        yield i
```

Use instead:
```python
class Numbers:
    def __iter__(self):
        for i in range(3):
            yield i
```
)";

class YieldOutsideFunction final : public Rule {
 public:
  void enter(TSNode node, Context& ctx) override {
    if (scopes_.enter(node, ctx)) return;
    const uint32_t pos = ts_node_start_byte(node);
    if (is(node, "await")) {
      // A notebook's cells run in an event loop: `await` at their top level is fine.
      if (ctx.is_notebook() && scopes_->scope_at(pos) == nullptr) return;
      if (!scopes_->await_allowed(pos)) report(ctx, node, "`await` statement outside of a function");
      return;
    }
    const auto* scope = scopes_->scope_at(pos);
    if (scope != nullptr && (scope->kind == EnclosingKind::Function || scope->kind == EnclosingKind::Lambda)) return;
    bool from = false;
    for (TSNode c : children(node)) {
      if (!ts_node_is_named(c) && is(c, "from")) {
        from = true;
        break;
      }
    }
    report(ctx, node, from ? "`yield from` statement outside of a function" : "`yield` statement outside of a function");
  }
  void leave(TSNode node, Context& ctx) override { scopes_.leave(node, ctx); }

 private:
  SharedEnclosingScopes scopes_;
};

}  // namespace

extern const RuleSpec yield_outside_function{
    .code = "F704",
    .name = "yield-outside-function",
    .linter = "pyflakes",
    .kinds = with_enclosing_kinds({"yield", "await"}),
    .doc = kDoc,
    .create = make_rule<YieldOutsideFunction>(),
};

}  // namespace lint::rules
