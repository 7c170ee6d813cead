#include <optional>
#include <string>

#include "flake8_comprehensions/calls.h"
#include "flake8_comprehensions/fixes.h"

namespace lint::rules {

namespace {

constexpr std::string_view kDoc = R"(## What it does
Checks for `list()` and `reversed()` called on the result of `sorted()`.

## Why is this bad?
`sorted()` already returns a new list, so `list()` around it only copies it. `reversed()`
around it is better written as `sorted(..., reverse=True)`.

## Example
```python
ordered = list(sorted(items))
backwards = reversed(sorted(items))
```

Use instead:
```python
ordered = sorted(items)
backwards = sorted(items, reverse=True)
```

## Fix safety
Removing `list()` is safe. Turning `reversed(sorted(...))` into `sorted(..., reverse=True)`
is unsafe: `sorted()` is stable, so items that compare equal keep their input order, where
`reversed()` would have put them in the opposite order.
)";

using flake8_comprehensions::CallShape;

class UnnecessaryCallAroundSorted final : public flake8_comprehensions::CallRule {
 protected:
  bool wants(std::string_view callee) const override { return callee == "list" || callee == "reversed"; }
  bool screen(const CallShape& call, const Context& ctx) const override {
    return !call.args.empty() && is(call.value(0), "call") &&
           callee_name(call.value(0), ctx) == "sorted";
  }
  void check(const CallShape& call, const SemanticModel& m, Context& ctx) override {
    const std::string outer = flake8_comprehensions::builtin_symbol(call.function, m, ctx);
    if (outer != "list" && outer != "reversed") return;
    if (!flake8_comprehensions::is_builtin(field(call.value(0), "function"), "sorted", m, ctx)) return;
    Diagnostic& d = report(ctx, call.call, "Unnecessary `" + outer + "()` call around `sorted()`");
    d.fix_title = "Remove unnecessary `" + outer + "()` call";
    if (auto f = fix(call, outer == "list", ctx)) d.fix = std::move(*f);
  }

  // `list(sorted(x))` becomes `sorted(x)` (safe); `reversed(sorted(x))` becomes
  // `sorted(x, reverse=True)`, or flips the `reverse=` it has (unsafe: equal elements keep their
  // order in both, so the result may differ).
  static std::optional<Fix> fix(const CallShape& call, bool list, const Context& ctx) {
    if (!call.callee_is_name || call.args.size() != 1 || call.has_keywords()) return std::nullopt;
    const TSNode written = call.args[0];
    const uint32_t start = ts_node_start_byte(call.call), end = ts_node_end_byte(call.call);
    CallShape inner;
    inner.load(call.value(0), ctx);
    // A line break between `sorted` and `(` needs parentheses around the result.
    const uint32_t name_end = ts_node_end_byte(field(inner.call, "function"));
    const std::string_view gap = ctx.source().substr(name_end, ts_node_start_byte(inner.list) - name_end);
    const bool wrap = gap.find_first_of("\r\n") != std::string_view::npos;
    const auto replace = [&](std::string text, bool safe) {
      if (wrap) text = "(" + text + ")";
      Edit e = Edit::replace(start, end, std::move(text));
      return safe ? Fix::safe(std::move(e)) : Fix::unsafe(std::move(e));
    };
    if (list) return replace(std::string(ctx.original(written)), true);
    const uint32_t a = ts_node_start_byte(written), b = ts_node_end_byte(written);
    const uint32_t close = ts_node_end_byte(inner.list) - 1;
    std::string out;
    if (inner.bare_generator) {
      out = std::string(ctx.original(a, ts_node_start_byte(inner.list))) + "(" +
            std::string(ctx.original(inner.list)) + ", reverse=True)" + std::string(ctx.original(close + 1, b));
      return replace(out, false);
    }
    for (const TSNode k : inner.keywords) {
      if (!is(k, "keyword_argument") || ctx.text(field(k, "name")) != "reverse") continue;
      const auto negated = negate(field(k, "value"), ctx);
      if (!negated) return std::nullopt;
      const TSNode value = field(k, "value");
      out = std::string(ctx.original(a, ts_node_start_byte(value))) + *negated +
            std::string(ctx.original(ts_node_end_byte(value), b));
      return replace(out, false);
    }
    if (inner.args.empty() && inner.keywords.empty()) return std::nullopt;
    uint32_t last_end = 0;
    bool trailing_comma = false;
    for (TSNode c : children(inner.list)) {
      if (ts_node_is_extra(c) || is(c, ")") || is(c, "(")) continue;
      if (is(c, ",")) {
        trailing_comma = true;
      } else {
        trailing_comma = false;
        last_end = ts_node_end_byte(c);
      }
    }
    out = trailing_comma ? std::string(ctx.original(a, close))
                         : std::string(ctx.original(a, last_end)) + ", " + std::string(ctx.original(last_end, close));
    out += "reverse=True";
    out += ctx.original(close, b);
    return replace(out, false);
  }

  // `not x` as libcst's `negate` writes it: `not x` is `x`, `True` and `False` swap.
  static std::optional<std::string> negate(TSNode value, const Context& ctx) {
    const TSNode bare = unparenthesized(value);
    if (is(bare, "not_operator")) return std::string(ctx.original(field(bare, "argument")));
    if (is(bare, "true")) return std::string("False");
    if (is(bare, "false")) return std::string("True");
    const std::string_view k = kind(bare);
    const bool loose = k == "boolean_operator" || k == "conditional_expression" || k == "lambda" || k == "named_expression";
    if (loose && ts_node_eq(bare, value)) return "not (" + std::string(ctx.original(value)) + ")";
    return "not " + std::string(ctx.original(value));
  }

};

}  // namespace

extern const RuleSpec unnecessary_call_around_sorted{
    .code = "C413",
    .name = "unnecessary-call-around-sorted",
    .linter = "flake8-comprehensions",
    .kinds = {"call"},
    .doc = kDoc,
    .create = make_rule<UnnecessaryCallAroundSorted>(),
    .needs_semantic = true,
    .fix = FixAvailability::Always,
};

}  // namespace lint::rules
