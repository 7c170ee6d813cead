#include <string>
#include <vector>

#include "fix/generator.h"
#include "flake8_simplify/helpers.h"

namespace lint::rules {

namespace {

constexpr std::string_view kDoc = R"(## What it does
Checks for conditional expressions of the form `True if condition else False`.

## Why is this bad?
The expression is the truth of the condition: `bool(condition)` says so directly, and a
comparison, which already gives a boolean, needs nothing around it.

## Example
```python
enabled = True if options else False
same = True if a == b else False
```

Use instead:
```python
enabled = bool(options)
same = a == b
```

## Fix safety
The fix is unsafe: a comparison may return something other than a boolean (its class decides),
and comments inside the expression are lost. The `bool()` form is offered only where `bool` is
the builtin.
)";

class IfExprWithTrueFalse final : public Rule {
 public:
  void enter(TSNode node, Context&) override {
    const std::vector<TSNode> parts = simplify::named_operands(node);
    if (parts.size() != 3) return;
    if (is(unparenthesized(parts[0]), "true") && is(unparenthesized(parts[2]), "false")) candidates_.push_back(node);
  }

  void finish(Context& ctx) override {
    const SemanticModel* m = ctx.semantic();
    if (!m) return;
    const up::Resolver resolver(*m, ctx);
    for (const TSNode node : candidates_) {
      const TSNode test = simplify::named_operands(node)[1];
      const bool compare = is(unparenthesized(test), "comparison_operator");
      Diagnostic& d = report(ctx, node,
                             compare ? "Remove unnecessary `True if ... else False`"
                                     : "Use `bool(...)` instead of `True if ... else False`");
      d.fix_title = compare ? "Remove unnecessary `True if ... else False`" : "Replace with `bool(...)";
      const uint32_t start = ts_node_start_byte(node), end = ts_node_end_byte(node);
      if (compare) {
        d.fix = Fix::unsafe(Edit::replace(start, end, std::string(ctx.original(test))));
      } else if (resolver.has_builtin_binding("bool", start)) {
        const TSNode inner = unparenthesized(test);
        std::optional<std::string> call;
        if (is(inner, "generator_expression")) {
          if (const auto g = codegen::expression(inner, ctx)) call = std::string("bool").append(*g);
        } else if (const auto a = codegen::expression(inner, ctx, codegen::kTupleElement)) {
          call = "bool(" + *a + ")";
        }
        if (call) d.fix = Fix::unsafe(Edit::replace(start, end, std::move(*call)));
      }
    }
  }

 private:
  std::vector<TSNode> candidates_;
};

}  // namespace

extern const RuleSpec if_expr_with_true_false{
    .code = "SIM210",
    .name = "if-expr-with-true-false",
    .linter = "flake8-simplify",
    .kinds = {"conditional_expression"},
    .doc = kDoc,
    .create = make_rule<IfExprWithTrueFalse>(),
    .needs_semantic = true,
    .fix = FixAvailability::Sometimes,
};

}  // namespace lint::rules
