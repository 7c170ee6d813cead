#include "flake8_bugbear/helpers.h"

namespace lint::rules {

namespace {

using namespace bugbear;

constexpr std::string_view kDoc = R"(## What it does
Checks for `raise` statements whose exception is a literal: a string, bytes, a number, `True`,
`False`, `None` or `...`.

## Why is this bad?
Only instances and subclasses of `BaseException` can be raised. Raising a literal fails with a
`TypeError` at that point, hiding whatever the author wanted to signal; usually a `return` or an
exception class was meant.

## Example
```python
raise "invalid value"
```

Use instead:
```python
raise ValueError("invalid value")
```
)";

class RaiseLiteral final : public Rule {
 public:
  void enter(TSNode node, Context& ctx) override {
    const TSNode exc = first_named_child(node);
    if (ts_node_is_null(exc) || ts_node_eq(exc, field(node, "cause"))) return;
    if (!is_literal_expr(exc, ctx)) return;
    report(ctx, unparenthesized(exc), "Cannot raise a literal. Did you intend to return it or raise an Exception?");
  }
};

}  // namespace

extern const RuleSpec raise_literal{
    .code = "B016",
    .name = "raise-literal",
    .linter = "flake8-bugbear",
    .kinds = {"raise_statement"},
    .doc = kDoc,
    .create = make_rule<RaiseLiteral>(),
};

}  // namespace lint::rules
