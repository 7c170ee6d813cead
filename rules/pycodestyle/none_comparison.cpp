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

[PEP 8]: https://peps.python.org/pep-0008/#programming-recommendations
)";

class NoneComparison final : public Rule {
 public:
  void enter(TSNode node, Context& ctx) override {
    for_each_equality_with_singleton(node, ctx.source(), [&](TSNode singleton, TSNode /*other*/, bool equal, bool) {
      if (!is(singleton, "none")) return;
      report(ctx, singleton, equal ? "Comparison to `None` should be `cond is None`"
                                   : "Comparison to `None` should be `cond is not None`");
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
};

}  // namespace lint::rules
