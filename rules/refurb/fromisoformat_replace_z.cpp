#include <string>
#include <vector>

#include "engine/rule.h"
#include "syntax/arguments.h"
#include "flake8_bugbear/helpers.h"
#include "pyupgrade/semantic.h"
#include "refurb/expressions.h"

namespace lint::rules {

namespace {

constexpr std::string_view kDoc = R"(## What it does
Checks for `datetime.fromisoformat()` given a string whose trailing `Z` was replaced by a zero
offset (`s.replace("Z", "+00:00")`, `s.rstrip("Z") + "+00:00"`, `s[:-1] + "+00:00"`).

## Why is this bad?
Since Python 3.11, `fromisoformat` reads the `Z` suffix itself, as UTC: the string surgery is
no longer needed.

## Example
```python
from datetime import datetime

stamp = datetime.fromisoformat(text.replace("Z", "+00:00"))
```

Use instead:
```python
from datetime import datetime

stamp = datetime.fromisoformat(text)
```

## Fix safety
The fix is unsafe: with `Z` the result's `tzinfo` is `datetime.timezone.utc`, and a string
that did not end in `Z` may now parse differently (or the replaced `Z` was elsewhere).
)";

bool is_str(TSNode n, std::string_view expected, const Context& ctx) {
  std::string value;
  return bugbear::str_literal_value(n, ctx, value) && value == expected;
}

bool is_zero_offset(TSNode n, const Context& ctx) {
  std::string value;
  if (!bugbear::str_literal_value(n, ctx, value)) return false;
  return value == "+00:00" || value == "+0000" || value == "+00" || value == "-00:00" || value == "-0000" ||
         value == "-00";
}

class FromisoformatReplaceZ final : public Rule {
 public:
  void enter(TSNode node, Context& ctx) override {
    if (ctx.target_minor() < 11) return;
    if (callee_name(node, ctx) == "fromisoformat") candidates_.push_back(node);
  }

  void finish(Context& ctx) override {
    const SemanticModel* m = ctx.semantic();
    if (!m) return;
    const up::Resolver resolve(*m, ctx);
    for (TSNode call : candidates_) {
      const CallArguments& args = call_arguments(call, ctx);
      if (!args.keywords.empty() || args.args.size() != 1) continue;
      const TSNode argument = unparenthesized(args.args[0]);
      if (resolve.qualified(field(call, "function")) != "datetime.datetime.fromisoformat") continue;
      // Where the date string ends (its parentheses included).
      uint32_t date_end = 0;
      if (!replaced_date_end(argument, ctx, date_end)) continue;
      Diagnostic& d = report(ctx, argument, "Unnecessary timezone replacement with zero offset");
      d.fix_title = "Remove `.replace()` call";
      d.fix = Fix::unsafe(Edit::deletion(date_end, ts_node_end_byte(argument)));
    }
  }

 private:
  static bool replaced_date_end(TSNode argument, const Context& ctx, uint32_t& date_end) {
    if (is(argument, "call")) {
      // `date.replace("Z", "+00:00")`
      const CallArguments args = call_arguments(argument, ctx);
      if (!args.keywords.empty() || !is(args.function, "attribute")) return false;
      if (ctx.text(field(args.function, "attribute")) != "replace" || args.args.size() != 2) return false;
      if (!is_str(args.args[0], "Z", ctx) || !is_zero_offset(unparenthesized(args.args[1]), ctx)) return false;
      if (!bugbear::is_str_literal(unparenthesized(args.args[1]), ctx)) return false;
      date_end = ts_node_end_byte(field(args.function, "object"));
      return true;
    }
    if (!is(argument, "binary_operator") || ctx.text(field(argument, "operator")) != "+") return false;
    const TSNode right = unparenthesized(field(argument, "right"));
    if (!bugbear::is_str_literal(right, ctx) || !is_zero_offset(right, ctx)) return false;
    const TSNode left = unparenthesized(field(argument, "left"));
    if (is(left, "call")) {
      // `date.strip("Z") + "+00:00"`
      const CallArguments args = call_arguments(left, ctx);
      if (!is(args.function, "attribute")) return false;
      const std::string_view method = ctx.text(field(args.function, "attribute"));
      if ((method != "strip" && method != "rstrip") || !args.keywords.empty() || args.args.size() != 1) return false;
      if (!is_str(args.args[0], "Z", ctx)) return false;
      date_end = ts_node_end_byte(field(args.function, "object"));
      return true;
    }
    if (is(left, "subscript")) {
      // `date[:-1] + "+00:00"`
      const std::optional<refurb::SliceParts> slice = refurb::slice_parts(left);
      if (!slice || !ts_node_is_null(slice->lower) || !ts_node_is_null(slice->step) || ts_node_is_null(slice->upper)) {
        return false;
      }
      const TSNode upper = unparenthesized(slice->upper);
      if (!is(upper, "unary_operator") || ctx.text(field(upper, "operator")) != "-") return false;
      const TSNode operand = unparenthesized(field(upper, "argument"));
      if (!is(operand, "integer") || refurb::int_value(operand, ctx) != 1u) return false;
      date_end = ts_node_end_byte(field(left, "value"));
      return true;
    }
    return false;
  }

  std::vector<TSNode> candidates_;
};

}  // namespace

extern const RuleSpec fromisoformat_replace_z{
    .code = "FURB162",
    .name = "fromisoformat-replace-z",
    .linter = "refurb",
    .kinds = {"call"},
    .doc = kDoc,
    .create = make_rule<FromisoformatReplaceZ>(),
    .needs_semantic = true,
    .fix = FixAvailability::Always,
};

}  // namespace lint::rules
