#include <optional>
#include <string>

#include "flake8_comprehensions/calls.h"
#include "flake8_comprehensions/fixes.h"

namespace lint::rules {

namespace {

constexpr std::string_view kDoc = R"(## What it does
Checks for list comprehensions passed to `list()`.

## Why is this bad?
A list comprehension already makes a new list; `list()` around it copies that list for
nothing.

## Example
```python
squares = list([n * n for n in range(10)])
```

Use instead:
```python
squares = [n * n for n in range(10)]
```

## Fix safety
The fix is unsafe: it can drop comments inside the call.
)";

using flake8_comprehensions::CallShape;

class UnnecessaryListCall final : public flake8_comprehensions::CallRule {
 protected:
  bool wants(std::string_view callee) const override { return callee == "list"; }
  bool screen(const CallShape& call, const Context&) const override {
    return call.callee_is_name && call.args.size() == 1 && !call.has_keywords() &&
           is(call.value(0), "list_comprehension");
  }
  void check(const CallShape& call, const SemanticModel& m, Context& ctx) override {
    if (!flake8_comprehensions::is_builtin_name(call.function, "list", m, ctx)) return;
    Diagnostic& d = report(ctx, call.call, "Unnecessary `list()` call (remove the outer call to `list()`)");
    d.fix_title = "Remove outer `list()` call";
    // The comprehension as written (with any parentheses of its own) replaces the call.
    d.fix = Fix::unsafe(Edit::replace(ts_node_start_byte(call.call), ts_node_end_byte(call.call),
                                      std::string(ctx.original(call.args[0]))));
  }
};

}  // namespace

extern const RuleSpec unnecessary_list_call{
    .code = "C411",
    .name = "unnecessary-list-call",
    .linter = "flake8-comprehensions",
    .kinds = {"call"},
    .doc = kDoc,
    .create = make_rule<UnnecessaryListCall>(),
    .needs_semantic = true,
    .fix = FixAvailability::Sometimes,
};

}  // namespace lint::rules
