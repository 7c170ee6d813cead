#include <string>
#include <string_view>
#include <vector>

#include "pyflakes/percent_format.h"
#include "engine/rule.h"

namespace lint::rules {

namespace {

constexpr std::string_view kDoc = R"(## What it does
Checks for `printf`-style format strings that mix positional placeholders (`%s`, or a `*`
width or precision) with named ones (`%(name)s`).

## Why is this bad?
The right-hand side is either a tuple of values or a mapping: it cannot serve both kinds of
placeholder, so Python raises `TypeError`.

## Example
```python
"%s, %(name)s" % ("Hello", {"name": "World"})
```

Use instead:
```python
"%s, %s" % ("Hello", "World")
```
)";

class PercentFormatMixedPositionalAndNamed final : public Rule {
 public:
  void enter(TSNode node, Context& ctx) override {
    if (!fmt_.load(node, ctx) || fmt_.error != pyfmt::CFormatError::kNone) return;
    if (fmt_.summary.num_positional == 0 || fmt_.summary.keywords.empty()) return;
    report(ctx, node, "`%`-format string has mixed positional and named placeholders");
  }

 private:
  pyfmt::PercentFormat& fmt_ = pyfmt::PercentFormat::shared();
};

}  // namespace

extern const RuleSpec percent_format_mixed_positional_and_named{
    .code = "F506",
    .name = "percent-format-mixed-positional-and-named",
    .linter = "pyflakes",
    .kinds = {"binary_operator"},
    .doc = kDoc,
    .create = make_rule<PercentFormatMixedPositionalAndNamed>(),
};

}  // namespace lint::rules
