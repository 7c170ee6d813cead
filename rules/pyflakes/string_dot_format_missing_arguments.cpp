#include <string>
#include <string_view>
#include <vector>

#include "pyflakes/format_string.h"
#include "engine/rule.h"

namespace lint::rules {

namespace {

constexpr std::string_view kDoc = R"(## What it does
Checks for fields of a string literal's `str.format` call that have no matching argument: an
automatic (`{}`) or numbered (`{2}`) field past the last positional argument, or a named field
(`{name}`) without a keyword argument of that name. Calls that unpack arguments (`*args` or
`**kwargs`) are not checked.

## Why is this bad?
Python raises `IndexError` or `KeyError` when the call runs.

## Example
```python
"{greeting}, {name}".format(name="World")
```

Use instead:
```python
"{greeting}, {name}".format(greeting="Hello", name="World")
```
)";

class StringDotFormatMissingArguments final : public Rule {
 public:
  void enter(TSNode node, Context& ctx) override {
    if (!call_.load(node, ctx) || call_.error != pyfmt::FormatError::kNone) return;
    if (call_.args.any_starred || call_.args.double_starred) return;
    const size_t count = call_.args.positional;
    std::string missing;
    auto add = [&](std::string_view item) {
      if (!missing.empty()) missing += ", ";
      missing += item;
    };
    for (size_t i = count; i < call_.summary.autos; ++i) add(std::to_string(i));
    for (uint64_t i : call_.summary.indices) {
      if (i >= count) add(std::to_string(i));
    }
    for (const std::string& k : call_.summary.keywords) {
      if (!call_.args.has_keyword(k)) add(k);
    }
    if (missing.empty()) return;
    report(ctx, node, "`.format` call is missing argument(s) for placeholder(s): " + missing);
  }

 private:
  pyfmt::FormatCall& call_ = pyfmt::FormatCall::shared();
};

}  // namespace

extern const RuleSpec string_dot_format_missing_arguments{
    .code = "F524",
    .name = "string-dot-format-missing-arguments",
    .linter = "pyflakes",
    .kinds = {"call"},
    .doc = kDoc,
    .create = make_rule<StringDotFormatMissingArguments>(),
};

}  // namespace lint::rules
