#include <string>
#include <string_view>
#include <vector>

#include "pyflakes/format_string.h"
#include "engine/rule.h"

namespace lint::rules {

namespace {

constexpr std::string_view kDoc = R"(## What it does
Checks for `str.format` calls on a string literal whose format string has both automatically
numbered fields (`{}`) and manually numbered ones (`{0}`), counting the fields nested in format
specs (`{:{}}`).

## Why is this bad?
Python refuses to switch between the two numbering styles and raises `ValueError`.

## Example
```python
"{0}, {}".format("Hello", "World")
```

Use instead:
```python
"{0}, {1}".format("Hello", "World")
```
)";

class StringDotFormatMixingAutomatic final : public Rule {
 public:
  void enter(TSNode node, Context& ctx) override {
    if (!call_.load(node, ctx) || call_.error != pyfmt::FormatError::kNone) return;
    if (call_.summary.autos == 0 || call_.summary.indices.empty()) return;
    report(ctx, node, "`.format` string mixes automatic and manual numbering");
  }

 private:
  pyfmt::FormatCall& call_ = pyfmt::FormatCall::shared();
};

}  // namespace

extern const RuleSpec string_dot_format_mixing_automatic{
    .code = "F525",
    .name = "string-dot-format-mixing-automatic",
    .linter = "pyflakes",
    .kinds = {"call"},
    .doc = kDoc,
    .create = make_rule<StringDotFormatMixingAutomatic>(),
};

}  // namespace lint::rules
