#include <optional>
#include <string>
#include <vector>

#include "engine/rule.h"
#include "flake8_comprehensions/comparable.h"
#include "fix/generator.h"
#include "pyflakes/repeated_keys.h"
#include "pyupgrade/edits.h"
#include "pyupgrade/semantic.h"

namespace lint::rules {

namespace {

constexpr std::string_view kDoc = R"(## What it does
Checks for conditional expressions that pick the smaller or larger of two values, such as
`a if a > b else b`.

## Why is this bad?
`max(a, b)` and `min(a, b)` say it directly and cannot get the comparison backwards.

The arguments are ordered so that ties resolve as the conditional expression resolves them:
`a if a >= b else b` is `max(a, b)`, while `a if a > b else b` is `max(b, a)`.

## Example
```python
highest = a if a > b else b
```

Use instead:
```python
highest = max(b, a)
```

## Fix safety
The fix is unsafe when the expression holds a comment (it would be lost). It is not offered when
`min` or `max` is not the builtin.
)";

class IfExprMinMax final : public Rule {
 public:
  void enter(TSNode node, Context& ctx) override {
    std::vector<TSNode> parts;
    for (TSNode c : children(node)) {
      if (ts_node_is_named(c) && !ts_node_is_extra(c)) parts.push_back(c);
    }
    if (parts.size() != 3) return;
    const TSNode test = unparenthesized(parts[1]);
    if (!is(test, "comparison_operator")) return;
    std::vector<TSNode> operands;
    int ops = 0;
    std::string_view op;
    for (TSNode c : children(test)) {
      if (ts_node_is_extra(c)) continue;
      if (ts_node_is_named(c)) {
        operands.push_back(c);
      } else {
        ++ops;
        op = ctx.text(c);
      }
    }
    if (operands.size() != 2 || ops != 1) return;
    bool max;
    bool flip;
    if (op == ">") max = true, flip = true;
    else if (op == ">=") max = true, flip = false;
    else if (op == "<") max = false, flip = true;
    else if (op == "<=") max = false, flip = false;
    else return;

    using flake8_comprehensions::comparable;
    const std::string body = comparable(parts[0], ctx), orelse = comparable(parts[2], ctx);
    const std::string left = comparable(operands[0], ctx), right = comparable(operands[1], ctx);
    if (body == right && orelse == left) {
      max = !max;
      flip = !flip;
    } else if (body != left || orelse != right) {
      return;
    }
    const TSNode first = flip ? operands[1] : operands[0];
    const TSNode second = flip ? operands[0] : operands[1];
    const std::optional<std::string> a = codegen::expression(first, ctx);
    const std::optional<std::string> b = codegen::expression(second, ctx);
    if (!a || !b) return;
    candidates_.push_back({node, std::string(max ? "max" : "min") + "(" + *a + ", " + *b + ")", max});
  }

  void finish(Context& ctx) override {
    const SemanticModel* m = ctx.semantic();
    if (!m) return;
    const up::Resolver resolve(*m, ctx);
    for (const Candidate& c : candidates_) {
      const std::string_view name = c.max ? "max" : "min";
      const std::string_view expression = ctx.text(c.node);
      std::string message;
      if (!keys_detail::displayable(c.replacement)) {
        message = "Replace `if` expression with `" + std::string(name) + "` call";
      } else if (!keys_detail::displayable(expression)) {
        message = "Replace `if` expression with `" + c.replacement + "`";
      } else {
        message = "Replace `" + std::string(expression) + "` with `" + c.replacement + "`";
      }
      Diagnostic& d = report(ctx, c.node, message);
      d.fix_title = keys_detail::displayable(c.replacement) ? "Replace with `" + c.replacement + "`"
                                                            : "Replace with `" + std::string(name) + "` call";
      if (!resolve.has_builtin_binding(name, ts_node_start_byte(c.node))) continue;
      const uint32_t start = ts_node_start_byte(c.node), end = ts_node_end_byte(c.node);
      const bool comment = up::has_comment(c.node, start, end);
      d.fix = Fix::with(comment ? Applicability::Unsafe : Applicability::Safe, {Edit::replace(start, end, c.replacement)});
    }
  }

 private:
  struct Candidate {
    TSNode node;
    std::string replacement;
    bool max;
  };
  std::vector<Candidate> candidates_;
};

}  // namespace

extern const RuleSpec if_expr_min_max{
    .code = "FURB136",
    .name = "if-expr-min-max",
    .linter = "refurb",
    .kinds = {"conditional_expression"},
    .doc = kDoc,
    .create = make_rule<IfExprMinMax>(),
    .needs_semantic = true,
    .fix = FixAvailability::Sometimes,
};

}  // namespace lint::rules
