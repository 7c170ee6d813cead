#include <optional>

#include "flake8_comprehensions/calls.h"

namespace lint::rules {

namespace {

constexpr std::string_view kDoc = R"(## What it does
Checks for list and set comprehensions passed to `any()` and `all()`.

## Why is this bad?
`any()` and `all()` stop at the first item that decides their answer, but a comprehension
builds every item first. A generator expression gives them the items one at a time, so they
can stop early, and builds no list or set.

A set comprehension is reported too: whether an item appears once or more does not change
what `any()` or `all()` answers.

## Example
```python
found = any([is_match(x) for x in items])
```

Use instead:
```python
found = any(is_match(x) for x in items)
```

## Fix safety
The fix is unsafe: stopping early changes the program when the comprehension's element has
side effects, and comments inside the comprehension may be lost. A comprehension with a
comment or a blank line right inside its brackets is not fixed.
)";

using flake8_comprehensions::CallShape;
using flake8_comprehensions::Comprehension;

class UnnecessaryComprehensionInCall final : public flake8_comprehensions::CallRule {
 protected:
  bool wants(std::string_view callee) const override { return callee == "any" || callee == "all"; }
  bool screen(const CallShape& call, const Context& ctx) const override {
    if (call.args.empty() || call.has_keywords()) return false;
    const TSNode arg = call.value(0);
    if (!is(arg, "list_comprehension") && !is(arg, "set_comprehension")) return false;
    const Comprehension comp(arg);
    return !comp.any_async && !flake8_comprehensions::contains_kind(comp.body, "await", ctx, "await");
  }
  void check(const CallShape& call, const SemanticModel& m, Context& ctx) override {
    const std::string name = flake8_comprehensions::builtin_symbol(call.function, m, ctx);
    if (name != "any" && name != "all") return;
    const TSNode arg = call.value(0);
    Diagnostic& d = report(ctx, arg,
                           is(arg, "list_comprehension") ? "Unnecessary list comprehension"
                                                         : "Unnecessary set comprehension");
    d.fix_title = "Remove unnecessary comprehension";
    if (auto f = fix(call, ctx)) d.fix = std::move(*f);
  }

  // `any([x for x in y])` becomes `any(x for x in y)`: the brackets go with the space inside
  // them (a trailing comma goes too). With more arguments the brackets become parentheses.
  // Brackets with a comment or a blank line inside are left alone (Ruff moves such comments).
  static std::optional<Fix> fix(const CallShape& call, const Context& ctx) {
    const TSNode arg = call.value(0);
    const uint32_t a = ts_node_start_byte(arg), b = ts_node_end_byte(arg);
    if (call.args.size() > 1) return Fix::unsafe({Edit::replace(a, a + 1, "("), Edit::replace(b - 1, b, ")")});
    const uint32_t body = ts_node_start_byte(field(arg, "body"));
    uint32_t last = a + 1;
    for (TSNode c : children(arg)) {
      if (ts_node_is_named(c) && !ts_node_is_extra(c)) last = ts_node_end_byte(c);
    }
    const std::string_view open = ctx.source().substr(a + 1, body - a - 1);
    const std::string_view close = ctx.source().substr(last, b - 1 - last);
    for (const std::string_view space : {open, close}) {
      if (space.find('#') != std::string_view::npos) return std::nullopt;
    }
    size_t newlines = 0;
    for (const char c : open) newlines += c == '\n';
    if (newlines > 1) return std::nullopt;
    uint32_t end = b;
    for (TSNode c : children(call.list)) {
      if (is(c, ",") && ts_node_start_byte(c) >= b) {
        end = ts_node_end_byte(c);
        break;
      }
    }
    return Fix::unsafe({Edit::deletion(a, body), Edit::deletion(last, end)});
  }
};

}  // namespace

extern const RuleSpec unnecessary_comprehension_in_call{
    .code = "C419",
    .name = "unnecessary-comprehension-in-call",
    .linter = "flake8-comprehensions",
    .kinds = {"call"},
    .doc = kDoc,
    .create = make_rule<UnnecessaryComprehensionInCall>(),
    .needs_semantic = true,
    .fix = FixAvailability::Sometimes,
};

}  // namespace lint::rules
