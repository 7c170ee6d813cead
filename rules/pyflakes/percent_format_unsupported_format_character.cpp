#include <string>
#include <string_view>
#include <vector>

#include "pyflakes/percent_format.h"
#include "engine/rule.h"

namespace lint::rules {

namespace {

constexpr std::string_view kDoc = R"(## What it does
Checks for `printf`-style format strings with a conversion character Python does not know, such
as `%S`, `%y`, or a `%` followed by a space that was meant as a literal percent sign.

The valid conversions of `str` formatting are `d i o u x X e E f F g G c r s a`, optionally
preceded by a mapping key, flags, width, precision and a length modifier (`h`, `l` or `L`).

## Why is this bad?
Python raises `ValueError` ("unsupported format character") when it evaluates the expression.

## Example
```python
"Hello, %S" % "world"
"%d % done" % 50
```

Use instead:
```python
"Hello, %s" % "world"
"%d %% done" % 50
```
)";

class PercentFormatUnsupportedFormatCharacter final : public Rule {
 public:
  void enter(TSNode node, Context& ctx) override {
    if (!fmt_.load(node, ctx) || fmt_.error != pyfmt::CFormatError::kUnsupportedFormatChar) return;
    std::string message = "`%`-format string has unsupported format character `";
    pyfmt::append_utf8(message, fmt_.bad_char);
    message += '`';
    report(ctx, node, std::move(message));
  }

 private:
  pyfmt::PercentFormat& fmt_ = pyfmt::PercentFormat::shared();
};

}  // namespace

extern const RuleSpec percent_format_unsupported_format_character{
    .code = "F509",
    .name = "percent-format-unsupported-format-character",
    .linter = "pyflakes",
    .kinds = {"binary_operator"},
    .doc = kDoc,
    .create = make_rule<PercentFormatUnsupportedFormatCharacter>(),
};

}  // namespace lint::rules
