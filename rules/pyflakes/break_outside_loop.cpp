#include "pyflakes/enclosing_scopes.h"

namespace lint::rules {

namespace {

constexpr std::string_view kDoc = R"(## What it does
Checks for `break` statements that are not inside the body of a `for` or `while` loop.

## Why is this bad?
`break` leaves the innermost loop; with no loop around it there is nothing to leave, and Python
refuses to compile the code (`SyntaxError: 'break' outside loop`). A loop in an enclosing function
or class does not count, and neither does the loop whose `else` clause holds the `break`: the
`else` clause runs after the loop has finished.

## Example
```python
def find(items, wanted):
    for item in items:
        if item == wanted:
            found = item
    else:
        break
```

Use instead:
```python
def find(items, wanted):
    for item in items:
        if item == wanted:
            return item
    return None
```
)";

class BreakOutsideLoop final : public Rule {
 public:
  void enter(TSNode node, Context& ctx) override {
    if (scopes_.enter(node, ctx)) return;
    if (!scopes_->in_loop(ts_node_start_byte(node))) report(ctx, node, "`break` outside loop");
  }
  void leave(TSNode node, Context& ctx) override { scopes_.leave(node, ctx); }

 private:
  SharedEnclosingScopes scopes_;
};

}  // namespace

extern const RuleSpec break_outside_loop{
    .code = "F701",
    .name = "break-outside-loop",
    .linter = "pyflakes",
    .kinds = with_enclosing_kinds({"break_statement"}),
    .doc = kDoc,
    .create = make_rule<BreakOutsideLoop>(),
};

}  // namespace lint::rules
