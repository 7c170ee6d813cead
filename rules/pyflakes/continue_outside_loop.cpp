#include "pyflakes/enclosing_scopes.h"

namespace lint::rules {

namespace {

constexpr std::string_view kDoc = R"(## What it does
Checks for `continue` statements that are not inside the body of a `for` or `while` loop.

## Why is this bad?
`continue` jumps to the next iteration of the innermost loop. Without a loop around it Python
refuses to compile the code (`SyntaxError: 'continue' not properly in loop`). A loop in an
enclosing function or class does not count, and neither does the loop whose `else` clause holds
the `continue`.

## Example
```python
def process(items):
    if not items:
        continue
    for item in items:
        handle(item)
```

Use instead:
```python
def process(items):
    if not items:
        return
    for item in items:
        handle(item)
```
)";

class ContinueOutsideLoop final : public Rule {
 public:
  void enter(TSNode node, Context& ctx) override {
    if (scopes_.enter(node, ctx)) return;
    if (!scopes_->in_loop(ts_node_start_byte(node))) report(ctx, node, "`continue` not properly in loop");
  }
  void leave(TSNode node, Context& ctx) override { scopes_.leave(node, ctx); }

 private:
  SharedEnclosingScopes scopes_;
};

}  // namespace

extern const RuleSpec continue_outside_loop{
    .code = "F702",
    .name = "continue-outside-loop",
    .linter = "pyflakes",
    .kinds = with_enclosing_kinds({"continue_statement"}),
    .doc = kDoc,
    .create = make_rule<ContinueOutsideLoop>(),
};

}  // namespace lint::rules
