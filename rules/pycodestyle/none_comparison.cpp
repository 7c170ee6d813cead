#include <optional>
#include <string>

#include "pycodestyle/comparisons.h"

namespace lint::rules {

namespace {

constexpr std::string_view kDoc = R"(## What it does
Checks for comparisons to `None` which are not using the `is` operator.

## Why is this bad?
According to [PEP 8], "Comparisons to singletons like None should always be done with `is` or
`is not`, never the equality operators." An object may define `__eq__` to compare equal to
`None`; `is` cannot be overridden and says exactly what is meant.

## Example
```python
if arg != None:
    pass
if None == arg:
    pass
```

Use instead:
```python
if arg is not None:
    pass
if arg is None:
    pass
```

## Fix safety
The fix replaces `==` with `is` and `!=` with `is not`. It is unsafe: an object whose `__eq__`
says it equals `None` no longer passes the test. In a chain of comparisons the whole chain is
rewritten at once, with one space around each operator (comments inside it are lost); when
E712 is enabled too, its comparisons in the chain are rewritten by the same fix.

[PEP 8]: https://peps.python.org/pep-0008/#programming-recommendations
)";

class NoneComparison final : public Rule {
 public:
  void enter(TSNode node, Context& ctx) override {
    std::optional<std::string> content;  // the same fix for every diagnostic of the chain
    for_each_equality_with_singleton(node, ctx.source(), [&](TSNode singleton, TSNode /*other*/, bool equal, bool) {
      if (!is(singleton, "none")) return;
      Diagnostic& d = report(ctx, singleton, equal ? "Comparison to `None` should be `cond is None`"
                                                   : "Comparison to `None` should be `cond is not None`");
      d.fix_title = equal ? "Replace with `cond is None`" : "Replace with `cond is not None`";
      if (!content) content = singleton_comparison_fix(node, ctx, true, ctx.rule_enabled("E712"));
      d.fix = Fix::unsafe(Edit::replace(ts_node_start_byte(node), ts_node_end_byte(node), *content));
    });
  }
};

}  // namespace

extern const RuleSpec none_comparison{
    .code = "E711",
    .name = "none-comparison",
    .linter = "pycodestyle",
    .kinds = {"comparison_operator"},
    .doc = kDoc,
    .create = make_rule<NoneComparison>(),
    .fix = FixAvailability::Always,
};

}  // namespace lint::rules
