#include <string>
#include <string_view>
#include <vector>

#include "pyflakes/percent_format.h"
#include "engine/rule.h"

namespace lint::rules {

namespace {

constexpr std::string_view kDoc = R"(## What it does
Checks for `printf`-style format strings (`"..." % values`) that cannot be parsed: a `%` at the
very end, a mapping key whose parenthesis is never closed (`%(name`), a width or precision too
large to represent.

Unknown conversion characters (`%y`) are reported by F509 instead.

## Why is this bad?
Python raises `ValueError` when it evaluates such an expression, so the line fails whenever it
runs.

## Example
```python
"Progress: 100%" % ()
"%(name" % {"name": "world"}
```

Use instead:
```python
"Progress: 100%%" % ()
"%(name)s" % {"name": "world"}
```
)";

class PercentFormatInvalidFormat final : public Rule {
 public:
  void enter(TSNode node, Context& ctx) override {
    if (!fmt_.load(node, ctx)) return;
    if (fmt_.error == pyfmt::CFormatError::kNone || fmt_.error == pyfmt::CFormatError::kUnsupportedFormatChar) return;
    report(ctx, node, std::string("`%`-format string has invalid format string: ") + pyfmt::cformat_error_message(fmt_.error));
  }

 private:
  pyfmt::PercentFormat& fmt_ = pyfmt::PercentFormat::shared();
};

}  // namespace

extern const RuleSpec percent_format_invalid_format{
    .code = "F501",
    .name = "percent-format-invalid-format",
    .linter = "pyflakes",
    .kinds = {"binary_operator"},
    .doc = kDoc,
    .create = make_rule<PercentFormatInvalidFormat>(),
};

}  // namespace lint::rules
