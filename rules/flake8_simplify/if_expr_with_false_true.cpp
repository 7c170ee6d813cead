#include <string>
#include <vector>

#include "fix/generator.h"
#include "flake8_simplify/helpers.h"

namespace lint::rules {

namespace {

constexpr std::string_view kDoc = R"(## What it does
Checks for conditional expressions of the form `False if condition else True`.

## Why is this bad?
The expression is the negated truth of the condition, which `not condition` says directly.

## Example
```python
empty = False if items else True
```

Use instead:
```python
empty = not items
```

## Fix safety
The fix is unsafe: the condition is written anew, so comments inside the expression are lost.
)";

class IfExprWithFalseTrue final : public Rule {
 public:
  void enter(TSNode node, Context& ctx) override {
    const std::vector<TSNode> parts = simplify::named_operands(node);
    if (parts.size() != 3) return;
    if (!is(unparenthesized(parts[0]), "false") || !is(unparenthesized(parts[2]), "true")) return;
    Diagnostic& d = report(ctx, node, "Use `not ...` instead of `False if ... else True`");
    d.fix_title = "Replace with `not ...`";
    if (const auto operand = codegen::expression(parts[1], ctx, codegen::kNotOperand)) {
      d.fix = Fix::unsafe(Edit::replace(ts_node_start_byte(node), ts_node_end_byte(node), "not " + *operand));
    }
  }
};

}  // namespace

extern const RuleSpec if_expr_with_false_true{
    .code = "SIM211",
    .name = "if-expr-with-false-true",
    .linter = "flake8-simplify",
    .kinds = {"conditional_expression"},
    .doc = kDoc,
    .create = make_rule<IfExprWithFalseTrue>(),
    .fix = FixAvailability::Always,
};

}  // namespace lint::rules
