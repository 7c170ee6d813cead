#include <string>
#include <string_view>
#include <vector>

#include "pyflakes/format_string.h"
#include "engine/rule.h"

namespace lint::rules {

namespace {

constexpr std::string_view kDoc = R"(## What it does
Checks for keyword arguments of a `str.format` call on a string literal that no field of the
format string refers to. Calls that unpack a mapping (`**kwargs`) are not checked.

## Why is this bad?
An unused argument does nothing: it is dead code at best, and often a typo in a field name or
a field that was forgotten.

## Example
```python
"Hello, {name}".format(greeting="Hello", name="World")
```

Use instead:
```python
"Hello, {name}".format(name="World")
```
)";

class StringDotFormatExtraNamedArguments final : public Rule {
 public:
  void enter(TSNode node, Context& ctx) override {
    if (!call_.load(node, ctx) || call_.error != pyfmt::FormatError::kNone) return;
    if (call_.args.double_starred) return;
    std::vector<std::string> unused;
    for (std::string_view name : call_.args.keywords) {
      if (!call_.summary.has_keyword(name)) unused.emplace_back(name);
    }
    if (unused.empty()) return;
    std::string message = "`.format` call has unused named argument(s): ";
    for (size_t i = 0; i < unused.size(); ++i) {
      if (i) message += ", ";
      message += unused[i];
    }
    report(ctx, node, std::move(message));
  }

 private:
  pyfmt::FormatCall& call_ = pyfmt::FormatCall::shared();
};

}  // namespace

extern const RuleSpec string_dot_format_extra_named_arguments{
    .code = "F522",
    .name = "string-dot-format-extra-named-arguments",
    .linter = "pyflakes",
    .kinds = {"call"},
    .doc = kDoc,
    .create = make_rule<StringDotFormatExtraNamedArguments>(),
};

}  // namespace lint::rules
