#include "flake8_comprehensions/calls.h"

namespace lint::rules {

namespace {

constexpr std::string_view kDoc = R"(## What it does
Checks for list and tuple displays of key-value pairs passed to `dict()`.

## Why is this bad?
A dictionary display (`{1: 2}`) builds the dictionary directly, without the intermediate
list or tuple of pairs.

## Example
```python
ports = dict([("http", 80), ("https", 443)])
```

Use instead:
```python
ports = {"http": 80, "https": 443}
```

## Fix safety
The fix is unsafe: it can drop comments inside the call.
)";

using flake8_comprehensions::CallShape;

class UnnecessaryLiteralDict final : public flake8_comprehensions::CallRule {
 protected:
  bool wants(std::string_view callee) const override { return callee == "dict"; }
  bool screen(const CallShape& call, const Context&) const override {
    if (!call.callee_is_name || call.args.size() != 1 || call.has_keywords()) return false;
    const TSNode arg = call.value(0);
    if (!is(arg, "list") && !is(arg, "tuple")) return false;
    for (const TSNode item : flake8_comprehensions::elements(arg)) {
      const TSNode pair = unparenthesized(item);
      if (!is(pair, "tuple") || flake8_comprehensions::elements(pair).size() != 2) return false;
    }
    return true;
  }
  void check(const CallShape& call, const SemanticModel& m, Context& ctx) override {
    if (!flake8_comprehensions::is_builtin_name(call.function, "dict", m, ctx)) return;
    const bool list = is(call.value(0), "list");
    Diagnostic& d = report(ctx, call.call,
                           list ? "Unnecessary list literal (rewrite as a dict literal)"
                                : "Unnecessary tuple literal (rewrite as a dict literal)");
    d.fix_title = "Rewrite as a dict literal";
  }
};

}  // namespace

extern const RuleSpec unnecessary_literal_dict{
    .code = "C406",
    .name = "unnecessary-literal-dict",
    .linter = "flake8-comprehensions",
    .kinds = {"call"},
    .doc = kDoc,
    .create = make_rule<UnnecessaryLiteralDict>(),
    .needs_semantic = true,
    .fix = FixAvailability::None,  // fix not yet ported
};

}  // namespace lint::rules
