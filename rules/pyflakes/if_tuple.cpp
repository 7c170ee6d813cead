#include "engine/rule.h"

namespace lint::rules {

namespace {

constexpr std::string_view kDoc = R"(## What it does
Checks for `if` and `elif` statements whose test is a non-empty tuple.

## Why is this bad?
A non-empty tuple is always true, so the branch always runs (and the ones after it never do).
A stray comma or an extra pair of parentheses around several conditions is the usual cause.

## Example
```python
if (ready, started):
    run()
```

Use instead:
```python
if ready and started:
    run()
```
)";

class IfTuple final : public Rule {
 public:
  void enter(TSNode node, Context& ctx) override {
    const TSNode test = unparenthesized(field(node, "condition"));
    if (ts_node_is_null(test) || !is(test, "tuple")) return;
    for (TSNode c : children(test)) {
      if (ts_node_is_named(c) && !ts_node_is_extra(c)) {
        report(ctx, test, "If test is a tuple, which is always `True`");
        return;
      }
    }
  }
};

}  // namespace

extern const RuleSpec if_tuple{
    .code = "F634",
    .name = "if-tuple",
    .linter = "pyflakes",
    .kinds = {"if_statement", "elif_clause"},
    .doc = kDoc,
    .create = make_rule<IfTuple>(),
};

}  // namespace lint::rules
