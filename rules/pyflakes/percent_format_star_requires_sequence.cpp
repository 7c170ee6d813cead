#include <string>
#include <string_view>
#include <vector>

#include "pyflakes/percent_format.h"
#include "engine/rule.h"

namespace lint::rules {

namespace {

constexpr std::string_view kDoc = R"(## What it does
Checks for `printf`-style format strings using a `*` width or precision (`%*d`, `%.*f`) whose
right-hand side is a dictionary literal or a dictionary comprehension.

## Why is this bad?
A `*` takes the width or precision from the next value of a tuple. A mapping provides no such
values, so Python raises `TypeError`.

## Example
```python
"%(n).*f" % {"n": (2, 3.14159)}
```

Use instead:
```python
"%.*f" % (2, 3.14159)
```
)";

class PercentFormatStarRequiresSequence final : public Rule {
 public:
  void enter(TSNode node, Context& ctx) override {
    if (!fmt_.load(node, ctx) || fmt_.error != pyfmt::CFormatError::kNone) return;
    if (!fmt_.summary.starred) return;
    const std::string_view k = kind(fmt_.right);
    if (k == "dictionary" || k == "dictionary_comprehension") {
      report(ctx, node, "`%`-format string `*` specifier requires sequence");
    }
  }

 private:
  pyfmt::PercentFormat& fmt_ = pyfmt::PercentFormat::shared();
};

}  // namespace

extern const RuleSpec percent_format_star_requires_sequence{
    .code = "F508",
    .name = "percent-format-star-requires-sequence",
    .linter = "pyflakes",
    .kinds = {"binary_operator"},
    .doc = kDoc,
    .create = make_rule<PercentFormatStarRequiresSequence>(),
};

}  // namespace lint::rules
