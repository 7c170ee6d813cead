#include "flake8_comprehensions/calls.h"
#include "flake8_comprehensions/fixes.h"

namespace lint::rules {

namespace {

constexpr std::string_view kDoc = R"(## What it does
Checks for list and tuple displays passed to `set()`.

## Why is this bad?
A set display (`{1, 2}`) builds the set directly, without first building a list or a tuple.

## Example
```python
primes = set([2, 3, 5])
empty = set(())
```

Use instead:
```python
primes = {2, 3, 5}
empty = set()
```

## Fix safety
The fix is unsafe: it can drop comments inside the call.
)";

using flake8_comprehensions::CallShape;

class UnnecessaryLiteralSet final : public flake8_comprehensions::CallRule {
 protected:
  bool wants(std::string_view callee) const override { return callee == "set"; }
  bool screen(const CallShape& call, const Context&) const override {
    if (!call.callee_is_name || call.args.size() != 1 || call.has_keywords()) return false;
    const TSNode arg = call.value(0);
    return is(arg, "list") || is(arg, "tuple");
  }
  void check(const CallShape& call, const SemanticModel& m, Context& ctx) override {
    if (!flake8_comprehensions::is_builtin_name(call.function, "set", m, ctx)) return;
    const bool list = is(call.value(0), "list");
    Diagnostic& d = report(ctx, call.call,
                           list ? "Unnecessary list literal (rewrite as a set literal)"
                                : "Unnecessary tuple literal (rewrite as a set literal)");
    d.fix_title = "Rewrite as a set literal";
    d.fix = fix(call, ctx);
  }

  // `set([1, 2])` and `set((1, 2))` become `{1, 2}`; an empty one `set()`; `set((1,))` `{1}`.
  static Fix fix(const CallShape& call, const Context& ctx) {
    using flake8_comprehensions::pad_end;
    using flake8_comprehensions::pad_start;
    const TSNode arg = call.value(0);
    const uint32_t start = ts_node_start_byte(call.call), end = ts_node_end_byte(call.call);
    const std::vector<TSNode> elts = named_children(arg);
    if (elts.empty()) return Fix::unsafe(Edit::replace(start, end, "set()"));
    const uint32_t a = ts_node_start_byte(arg), b = ts_node_end_byte(arg);
    if (elts.size() == 1 && is(arg, "tuple") && ts_node_start_byte(elts[0]) == a + 1 &&
        ts_node_end_byte(elts[0]) + 2 == b) {
      return Fix::unsafe({Edit::replace(start, ts_node_start_byte(elts[0]), pad_start("{", call.call, ctx)),
                          Edit::replace(ts_node_end_byte(elts[0]), end, pad_end("}", call.call, ctx))});
    }
    return Fix::unsafe(
        {Edit::replace(start, a + 1, pad_start("{", call.call, ctx)), Edit::replace(b - 1, end, pad_end("}", call.call, ctx))});
  }
};

}  // namespace

extern const RuleSpec unnecessary_literal_set{
    .code = "C405",
    .name = "unnecessary-literal-set",
    .linter = "flake8-comprehensions",
    .kinds = {"call"},
    .doc = kDoc,
    .create = make_rule<UnnecessaryLiteralSet>(),
    .needs_semantic = true,
    .fix = FixAvailability::Always,
};

}  // namespace lint::rules
