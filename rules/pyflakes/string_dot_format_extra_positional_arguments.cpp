#include <string>
#include <string_view>
#include <vector>

#include "pyflakes/format_string.h"
#include "engine/rule.h"

namespace lint::rules {

namespace {

constexpr std::string_view kDoc = R"(## What it does
Checks for positional arguments of a `str.format` call on a string literal that no field of the
format string uses, neither as an automatic field (`{}`) nor by index (`{1}`). Unpacked
arguments (`*args`) are not reported.

## Why is this bad?
An unused argument does nothing: it is dead code at best, and often the sign of a field that
was forgotten or numbered wrongly.

## Example
```python
"Hello, {0}".format("world", "!")
```

Use instead:
```python
"Hello, {0}".format("world")
```
)";

class StringDotFormatExtraPositionalArguments final : public Rule {
 public:
  void enter(TSNode node, Context& ctx) override {
    if (!call_.load(node, ctx) || call_.error != pyfmt::FormatError::kNone) return;
    std::string positions;
    for (size_t i = 0; i < call_.args.positional; ++i) {
      if (call_.args.starred[i] || i < call_.summary.autos || call_.summary.has_index(i)) continue;
      if (!positions.empty()) positions += ", ";
      positions += std::to_string(i);
    }
    if (positions.empty()) return;
    report(ctx, node, "`.format` call has unused arguments at position(s): " + positions);
  }

 private:
  pyfmt::FormatCall& call_ = pyfmt::FormatCall::shared();
};

}  // namespace

extern const RuleSpec string_dot_format_extra_positional_arguments{
    .code = "F523",
    .name = "string-dot-format-extra-positional-arguments",
    .linter = "pyflakes",
    .kinds = {"call"},
    .doc = kDoc,
    .create = make_rule<StringDotFormatExtraPositionalArguments>(),
};

}  // namespace lint::rules
