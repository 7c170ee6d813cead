#include <string>
#include <string_view>
#include <vector>

#include "pyflakes/format_string.h"
#include "engine/rule.h"

namespace lint::rules {

namespace {

constexpr std::string_view kDoc = R"(## What it does
Checks for `str.format` calls on a string literal that is not a valid format string: an
unmatched `{` or `}`, a field nested more than one level deep in a format spec, an empty
attribute (`{0.}`), an unclosed index (`{0[}`), an invalid conversion (`{0!}`).

## Why is this bad?
Python raises `ValueError` when the call runs.

## Example
```python
"{".format(value)
"{0.}".format(value)
```

Use instead:
```python
"{{{}".format(value)
"{0}".format(value)
```
)";

class StringDotFormatInvalidFormat final : public Rule {
 public:
  void enter(TSNode node, Context& ctx) override {
    if (!call_.load(node, ctx) || call_.error == pyfmt::FormatError::kNone) return;
    report(ctx, node, std::string("`.format` call has invalid format string: ") + pyfmt::format_error_message(call_.error));
  }

 private:
  pyfmt::FormatCall& call_ = pyfmt::FormatCall::shared();
};

}  // namespace

extern const RuleSpec string_dot_format_invalid_format{
    .code = "F521",
    .name = "string-dot-format-invalid-format",
    .linter = "pyflakes",
    .kinds = {"call"},
    .doc = kDoc,
    .create = make_rule<StringDotFormatInvalidFormat>(),
};

}  // namespace lint::rules
