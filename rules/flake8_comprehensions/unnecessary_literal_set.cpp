#include "flake8_comprehensions/calls.h"

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
    .fix = FixAvailability::None,  // fix not yet ported
};

}  // namespace lint::rules
