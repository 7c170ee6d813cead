#include <optional>
#include <string>
#include <vector>

#include "engine/rule.h"
#include "syntax/arguments.h"
#include "flake8_bugbear/helpers.h"
#include "pyupgrade/semantic.h"
#include "refurb/identity_check.h"

namespace lint::rules {

namespace {

constexpr std::string_view kDoc = R"(## What it does
Checks for `type(x) is type(None)` and `type(x) == type(None)` (and their negations).

## Why is this bad?
`None` is the only instance of its type: `x is None` says the same, plainly and faster.

## Example
```python
if type(value) is type(None):
    ...
```

Use instead:
```python
if value is None:
    ...
```

## Fix safety
The fix is unsafe when the comparison holds a comment: it would be lost.
)";

class TypeNoneComparison final : public Rule {
 public:
  void enter(TSNode node, Context& ctx) override {
    std::vector<TSNode> operands;
    std::string op;
    int ops = 0;
    for (TSNode c : children(node)) {
      if (ts_node_is_extra(c)) continue;
      if (ts_node_is_named(c)) {
        operands.push_back(c);
      } else {
        // `is not` and `not in` are two tokens.
        if (!op.empty() && (op == "is" || op == "not")) {
          op += " " + std::string(ctx.text(c));
          continue;
        }
        op = std::string(ctx.text(c));
        ++ops;
      }
    }
    if (operands.size() != 2 || ops != 1) return;
    bool negate;
    if (op == "is" || op == "==") negate = false;
    else if (op == "is not" || op == "!=") negate = true;
    else return;
    if (callee_name(unparenthesized(operands[0]), ctx) != "type" ||
        callee_name(unparenthesized(operands[1]), ctx) != "type") {
      return;
    }
    candidates_.push_back({node, operands[0], operands[1], negate});
  }

  void finish(Context& ctx) override {
    const SemanticModel* m = ctx.semantic();
    if (!m) return;
    const up::Resolver resolve(*m, ctx);
    for (const Candidate& c : candidates_) {
      const TSNode left = refurb::type_call_argument(c.left, resolve, ctx);
      const TSNode right = refurb::type_call_argument(c.right, resolve, ctx);
      if (ts_node_is_null(left) || ts_node_is_null(right)) continue;
      TSNode other;
      if (is(left, "none")) other = right;
      else if (is(right, "none")) other = left;
      else continue;
      const std::string_view op = c.negate ? "is not" : "is";
      Diagnostic& d = report(ctx, c.node, "When checking against `None`, use `" + std::string(op) +
                                              "` instead of comparison with `type(None)`");
      d.fix_title = "Replace with `" + std::string(op) + " None`";
      if (std::optional<Fix> fix = refurb::identity_check_fix(c.node, other, c.negate, ctx)) d.fix = std::move(*fix);
    }
  }

 private:
  struct Candidate {
    TSNode node, left, right;
    bool negate;
  };

  std::vector<Candidate> candidates_;
};

}  // namespace

extern const RuleSpec type_none_comparison{
    .code = "FURB169",
    .name = "type-none-comparison",
    .linter = "refurb",
    .kinds = {"comparison_operator"},
    .doc = kDoc,
    .create = make_rule<TypeNoneComparison>(),
    .needs_semantic = true,
    .fix = FixAvailability::Always,
};

}  // namespace lint::rules
