#include <string>
#include <string_view>
#include <vector>

#include "pyflakes/percent_format.h"
#include "engine/rule.h"

namespace lint::rules {

namespace {

constexpr std::string_view kDoc = R"(## What it does
Checks for `printf`-style format strings with more than one positional placeholder (`%s`) whose
right-hand side is a dictionary literal or a dictionary comprehension.

## Why is this bad?
Positional placeholders take their values one after the other from a tuple. A dictionary is a
single value, so the other placeholders have nothing to format and Python raises `TypeError`.

## Example
```python
"%s, %s" % {"greeting": "Hello", "name": "World"}
```

Use instead:
```python
"%(greeting)s, %(name)s" % {"greeting": "Hello", "name": "World"}
```
)";

class PercentFormatExpectedSequence final : public Rule {
 public:
  void enter(TSNode node, Context& ctx) override {
    if (!fmt_.load(node, ctx) || fmt_.error != pyfmt::CFormatError::kNone) return;
    if (fmt_.summary.num_positional <= 1) return;
    const std::string_view k = kind(fmt_.right);
    if (k == "dictionary" || k == "dictionary_comprehension") {
      report(ctx, node, "`%`-format string expected sequence but got mapping");
    }
  }

 private:
  pyfmt::PercentFormat& fmt_ = pyfmt::PercentFormat::shared();
};

}  // namespace

extern const RuleSpec percent_format_expected_sequence{
    .code = "F503",
    .name = "percent-format-expected-sequence",
    .linter = "pyflakes",
    .kinds = {"binary_operator"},
    .doc = kDoc,
    .create = make_rule<PercentFormatExpectedSequence>(),
};

}  // namespace lint::rules
