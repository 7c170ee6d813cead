#include "pyflakes/enclosing_scopes.h"

namespace lint::rules {

namespace {

constexpr std::string_view kDoc = R"(## What it does
Checks for `return` statements at module level or directly in a class body.

## Why is this bad?
`return` hands a value back from a function. Outside of one (in the module itself, or in the body
of a class, which runs once when the class is created) Python refuses to compile the code
(`SyntaxError: 'return' outside function`).

## Example
```python
class Config:
    if not defaults:
        return None
```

Use instead:
```python
class Config:
    @classmethod
    def load(cls):
        if not defaults:
            return None
```
)";

class ReturnOutsideFunction final : public Rule {
 public:
  void enter(TSNode node, Context& ctx) override {
    if (scopes_.enter(node, ctx)) return;
    const auto* scope = scopes_->scope_at(ts_node_start_byte(node));
    if (scope == nullptr || scope->kind == EnclosingKind::Class) {
      report(ctx, node, "`return` statement outside of a function/method");
    }
  }
  void leave(TSNode node, Context& ctx) override { scopes_.leave(node, ctx); }

 private:
  SharedEnclosingScopes scopes_;
};

}  // namespace

extern const RuleSpec return_outside_function{
    .code = "F706",
    .name = "return-outside-function",
    .linter = "pyflakes",
    .kinds = with_enclosing_kinds({"return_statement"}),
    .doc = kDoc,
    .create = make_rule<ReturnOutsideFunction>(),
};

}  // namespace lint::rules
