#include "flake8_comprehensions/calls.h"

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
           flake8_comprehensions::callee_name(call.value(0), ctx) == "sorted";
  }
  void check(const CallShape& call, const SemanticModel& m, Context& ctx) override {
    const std::string outer = flake8_comprehensions::builtin_symbol(call.function, m, ctx);
    if (outer != "list" && outer != "reversed") return;
    if (!flake8_comprehensions::is_builtin(field(call.value(0), "function"), "sorted", m, ctx)) return;
    Diagnostic& d = report(ctx, call.call, "Unnecessary `" + outer + "()` call around `sorted()`");
    d.fix_title = "Remove unnecessary `" + outer + "()` call";
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
    .fix = FixAvailability::None,  // fix not yet ported
};

}  // namespace lint::rules
