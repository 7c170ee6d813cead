#include "flake8_comprehensions/calls.h"
#include "flake8_comprehensions/fixes.h"

namespace lint::rules {

namespace {

constexpr std::string_view kDoc = R"(## What it does
Checks for list comprehensions passed to `set()`.

## Why is this bad?
A set comprehension builds the set directly, without the intermediate list.

## Example
```python
initials = set([name[0] for name in names])
```

Use instead:
```python
initials = {name[0] for name in names}
```

## Fix safety
The fix is unsafe: it can drop comments inside the call.
)";

using flake8_comprehensions::CallShape;

class UnnecessaryListComprehensionSet final : public flake8_comprehensions::CallRule {
 protected:
  bool wants(std::string_view callee) const override { return callee == "set"; }
  bool screen(const CallShape& call, const Context&) const override {
    return call.callee_is_name && call.args.size() == 1 && !call.has_keywords() &&
           is(call.value(0), "list_comprehension");
  }
  void check(const CallShape& call, const SemanticModel& m, Context& ctx) override {
    if (!flake8_comprehensions::is_builtin_name(call.function, "set", m, ctx)) return;
    Diagnostic& d = report(ctx, call.call, "Unnecessary list comprehension (rewrite as a set comprehension)");
    d.fix_title = "Rewrite as a set comprehension";
    d.fix = fix(call, ctx);
  }

  // `set([x for x in y])` becomes `{x for x in y}`.
  static Fix fix(const CallShape& call, const Context& ctx) {
    const TSNode arg = call.value(0);
    const uint32_t a = ts_node_start_byte(arg), b = ts_node_end_byte(arg);
    return Fix::unsafe({Edit::replace(ts_node_start_byte(call.call), ts_node_start_byte(call.list) + 1,
                                      flake8_comprehensions::pad_start("{", call.call, ctx)),
                        Edit::replace(ts_node_start_byte(call.args[0]), ts_node_end_byte(call.args[0]),
                                      std::string(ctx.original(a + 1, b - 1))),
                        Edit::replace(flake8_comprehensions::closing_start(call), ts_node_end_byte(call.call),
                                      flake8_comprehensions::pad_end("}", call.call, ctx))});
  }
};

}  // namespace

extern const RuleSpec unnecessary_list_comprehension_set{
    .code = "C403",
    .name = "unnecessary-list-comprehension-set",
    .linter = "flake8-comprehensions",
    .kinds = {"call"},
    .doc = kDoc,
    .create = make_rule<UnnecessaryListComprehensionSet>(),
    .needs_semantic = true,
    .fix = FixAvailability::Always,
};

}  // namespace lint::rules
