#include "flake8_comprehensions/calls.h"

namespace lint::rules {

namespace {

constexpr std::string_view kDoc = R"(## What it does
Checks for `range(0, stop)`.

## Why is this bad?
`range` starts at 0 by default: `range(stop)` means the same and is shorter.

## Example
```python
for i in range(0, 10):
    print(i)
```

Use instead:
```python
for i in range(10):
    print(i)
```
)";

using flake8_comprehensions::CallShape;

// Whether an `integer` node's value is zero (`0`, `00`, `0x0`, `0_0`...).
bool is_zero(TSNode n, const Context& ctx) {
  if (!is(n, "integer")) return false;
  std::string_view text = ctx.text(n);
  if (text.size() > 1 && text[0] == '0' && ((text[1] | 0x20) == 'x' || (text[1] | 0x20) == 'o' || (text[1] | 0x20) == 'b')) {
    text.remove_prefix(2);
  }
  for (const char c : text) {
    if (c != '0' && c != '_') return false;
  }
  return true;
}

class UnnecessaryRangeStart final : public flake8_comprehensions::CallRule {
 protected:
  bool wants(std::string_view callee) const override { return callee == "range"; }
  bool screen(const CallShape& call, const Context& ctx) const override {
    return !call.has_keywords() && call.args.size() == 2 && is_zero(call.value(0), ctx);
  }
  void check(const CallShape& call, const SemanticModel& m, Context& ctx) override {
    if (!flake8_comprehensions::is_builtin(call.function, "range", m, ctx)) return;
    Diagnostic& d = report(ctx, call.value(0), "Unnecessary `start` argument in `range`");
    d.fix_title = "Remove `start` argument";
    // As Ruff removes an argument that is not the last: from the start (with its parentheses)
    // to what follows its comma (the stop, or a comment before it).
    const uint32_t end = ts_node_end_byte(call.args[0]);
    bool comma = false;
    for (TSNode c : children(call.list)) {
      if (ts_node_start_byte(c) < end) continue;
      if (comma) {
        d.fix = Fix::safe(Edit::deletion(ts_node_start_byte(call.args[0]), ts_node_start_byte(c)));
        break;
      }
      comma = is(c, ",");
    }
  }
};

}  // namespace

extern const RuleSpec unnecessary_range_start{
    .code = "PIE808",
    .name = "unnecessary-range-start",
    .linter = "flake8-pie",
    .kinds = {"call"},
    .doc = kDoc,
    .create = make_rule<UnnecessaryRangeStart>(),
    .needs_semantic = true,
    .fix = FixAvailability::Always,
};

}  // namespace lint::rules
