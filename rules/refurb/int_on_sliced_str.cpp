#include <optional>
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
Checks for `int(s[2:], base)` with a base of 2, 8 or 16: a string parsed after slicing off its
`0b`, `0o` or `0x` prefix.

## Why is this bad?
With `base=0`, `int` reads the prefix itself and picks the base from it: no slice needed.

## Example
```python
value = int(text[2:], 16)
```

Use instead:
```python
value = int(text, 0)
```

## Fix safety
The fix is unsafe: with `base=0`, a string without the prefix is read as decimal instead of in
the given base, and a string whose first two characters were not the prefix now fails (or
parses differently).
)";

class IntOnSlicedStr final : public Rule {
 public:
  void enter(TSNode node, Context& ctx) override {
    if (callee_name(node, ctx) == "int") candidates_.push_back(node);
  }

  void finish(Context& ctx) override {
    const SemanticModel* m = ctx.semantic();
    if (!m) return;
    const up::Resolver resolve(*m, ctx);
    for (TSNode call : candidates_) {
      if (resolve.match_builtin(field(call, "function"), "int")) check(call, ctx);
    }
  }

 private:
  void check(TSNode call, Context& ctx) {
    const CallArguments& a = call_arguments(call, ctx);
    TSNode expression{}, base{};
    if (a.args.size() == 1 && a.keywords.size() == 1 && !ts_node_is_null(keyword_name(a.keywords[0])) &&
        ctx.text(keyword_name(a.keywords[0])) == "base") {
      expression = a.args[0];
      base = keyword_value(a.keywords[0]);
    } else if (a.args.size() == 2 && a.keywords.empty()) {
      expression = a.args[0];
      base = a.args[1];
    } else {
      return;
    }
    base = unparenthesized(base);
    const std::optional<uint64_t> radix = refurb::int_value(base, ctx);
    if (!radix || (*radix != 2 && *radix != 8 && *radix != 16)) return;
    expression = unparenthesized(expression);
    if (!is(expression, "subscript")) return;
    const std::optional<refurb::SliceParts> slice = refurb::slice_parts(expression);
    if (!slice || !ts_node_is_null(slice->upper) || !ts_node_is_null(slice->step)) return;
    if (ts_node_is_null(slice->lower) || refurb::int_value(slice->lower, ctx) != 2u) return;
    Diagnostic& d = report(ctx, call, "Use of `int` with explicit `base=" + std::to_string(*radix) +
                                          "` after removing prefix");
    d.fix_title = "Replace with `base=0`";
    const TSNode value = unparenthesized(field(expression, "value"));
    d.fix = Fix::unsafe({Edit::replace(ts_node_start_byte(expression), ts_node_end_byte(expression),
                                       std::string(ctx.original(value))),
                         Edit::replace(ts_node_start_byte(base), ts_node_end_byte(base), "0")});
  }

  std::vector<TSNode> candidates_;
};

}  // namespace

extern const RuleSpec int_on_sliced_str{
    .code = "FURB166",
    .name = "int-on-sliced-str",
    .linter = "refurb",
    .kinds = {"call"},
    .doc = kDoc,
    .create = make_rule<IntOnSlicedStr>(),
    .needs_semantic = true,
    .fix = FixAvailability::Always,
};

}  // namespace lint::rules
