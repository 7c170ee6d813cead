#include "flake8_comprehensions/calls.h"

namespace lint::rules {

namespace {

constexpr std::string_view kDoc = R"(## What it does
Checks for an iterable reversed with `[::-1]` before it is passed to `reversed()`, `set()` or
`sorted()`.

## Why is this bad?
`reversed()` undoes the reversal, a set has no order, and `sorted()` puts the items in its own
order whatever theirs was: reversing first is wasted work.

## Example
```python
ordered = sorted(items[::-1])
```

Use instead:
```python
ordered = sorted(items)
```
)";

using flake8_comprehensions::CallShape;

// Whether a `slice` node is `::-1`: no bounds, and a step of minus the integer one.
bool is_reversal(TSNode slice, const Context& ctx) {
  int colons = 0;
  TSNode step{};
  for (TSNode c : children(slice)) {
    if (ts_node_is_extra(c)) continue;
    if (is(c, ":")) {
      ++colons;
      continue;
    }
    if (colons < 2) return false;  // a lower or upper bound
    step = c;
  }
  if (colons != 2 || ts_node_is_null(step)) return false;
  step = unparenthesized(step);
  if (!is(step, "unary_operator") || !is(field(step, "operator"), "-")) return false;
  const TSNode one = unparenthesized(field(step, "argument"));
  if (!is(one, "integer")) return false;
  // `1`, `0x1`, `0b_1`, `001`...: its value, not its spelling.
  std::string_view text = ctx.text(one);
  if (text.size() > 1 && text[0] == '0' && (text[1] | 0x20) >= 'a') text.remove_prefix(2);
  bool seen_one = false;
  for (const char c : text) {
    if (c == '_' || c == '0') continue;
    if (c != '1' || seen_one) return false;
    seen_one = true;
  }
  return seen_one;
}

class UnnecessarySubscriptReversal final : public flake8_comprehensions::CallRule {
 protected:
  bool wants(std::string_view callee) const override {
    return callee == "reversed" || callee == "set" || callee == "sorted";
  }
  bool screen(const CallShape& call, const Context& ctx) const override {
    if (call.args.empty() || call.bare_generator) return false;
    const TSNode subscript = call.value(0);
    if (!is(subscript, "subscript")) return false;
    TSNode slice{};
    int count = 0;
    for (auto it = children(subscript).begin(); it != children(subscript).end(); ++it) {
      const char* f = it.field_name();
      if (f && std::string_view(f) == "subscript") {
        slice = *it;
        ++count;
      } else if (is(*it, ",")) {
        return false;  // `x[::-1,]` subscripts with a tuple
      }
    }
    return count == 1 && is(slice, "slice") && is_reversal(slice, ctx);
  }
  void check(const CallShape& call, const SemanticModel& m, Context& ctx) override {
    const std::string name = flake8_comprehensions::builtin_symbol(call.function, m, ctx);
    if (name != "reversed" && name != "set" && name != "sorted") return;
    report(ctx, call.call, "Unnecessary subscript reversal of iterable within `" + name + "()`");
  }
};

}  // namespace

extern const RuleSpec unnecessary_subscript_reversal{
    .code = "C415",
    .name = "unnecessary-subscript-reversal",
    .linter = "flake8-comprehensions",
    .kinds = {"call"},
    .doc = kDoc,
    .create = make_rule<UnnecessarySubscriptReversal>(),
    .needs_semantic = true,
};

}  // namespace lint::rules
