#include <string>
#include <string_view>
#include <vector>

#include "pyflakes/percent_format.h"
#include "engine/rule.h"

namespace lint::rules {

namespace {

constexpr std::string_view kDoc = R"(## What it does
Checks for `printf`-style format strings with named placeholders (`%(name)s`) whose right-hand
side is a literal sequence: a tuple, list or set, or a comprehension or generator building one.

## Why is this bad?
Named placeholders look their values up by key, so the right-hand side must be a mapping.
With a sequence, Python raises `TypeError`.

## Example
```python
"%(greeting)s, %(name)s" % ("Hello", "World")
```

Use instead:
```python
"%(greeting)s, %(name)s" % {"greeting": "Hello", "name": "World"}
```
)";

class PercentFormatExpectedMapping final : public Rule {
 public:
  void enter(TSNode node, Context& ctx) override {
    if (!fmt_.load(node, ctx) || fmt_.error != pyfmt::CFormatError::kNone) return;
    if (fmt_.summary.keywords.empty()) return;
    const std::string_view k = kind(fmt_.right);
    if (k == "tuple" || k == "list" || k == "set" || k == "list_comprehension" || k == "set_comprehension" ||
        k == "generator_expression") {
      report(ctx, node, "`%`-format string expected mapping but got sequence");
    }
  }

 private:
  pyfmt::PercentFormat& fmt_ = pyfmt::PercentFormat::shared();
};

}  // namespace

extern const RuleSpec percent_format_expected_mapping{
    .code = "F502",
    .name = "percent-format-expected-mapping",
    .linter = "pyflakes",
    .kinds = {"binary_operator"},
    .doc = kDoc,
    .create = make_rule<PercentFormatExpectedMapping>(),
};

}  // namespace lint::rules
