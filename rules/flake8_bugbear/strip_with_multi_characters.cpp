#include <algorithm>

#include "flake8_bugbear/helpers.h"

namespace lint::rules {

namespace {

using namespace bugbear;

constexpr std::string_view kDoc = R"(## What it does
Checks for `.strip()`, `.lstrip()` and `.rstrip()` called with a string of several characters
among which some repeat.

## Why is this bad?
The argument of these methods is a set of characters, each removed wherever it appears at the
ends, not a prefix or suffix removed as a whole. A string that repeats a character suggests the
author meant a sequence: `"xxy".strip("xy")` is `""`, not `"x"`.

## Example
```python
name = filename.rstrip(".py")
```

Use instead:
```python
name = filename.removesuffix(".py")
```
)";

class StripWithMultiCharacters final : public Rule {
 public:
  void enter(TSNode node, Context& ctx) override {
    const std::string_view method = callee_name(node, ctx);
    if (method != "strip" && method != "lstrip" && method != "rstrip") return;
    const CallArguments& call = call_arguments(node, ctx);
    if (!is_a(call.function, "attribute") || call.args.size() != 1) return;
    std::u32string value;
    const TSNode arg = unparenthesized(call.args[0]);
    if (!pyfmt::is_str_literal(arg, ctx.source()) || !pyfmt::decode_str_literal(arg, ctx.source(), value)) return;
    if (value.size() <= 1) return;
    std::sort(value.begin(), value.end());
    if (std::adjacent_find(value.begin(), value.end()) == value.end()) return;
    report(ctx, node, "Using `.strip()` with multi-character strings is misleading");
  }
};

}  // namespace

extern const RuleSpec strip_with_multi_characters{
    .code = "B005",
    .name = "strip-with-multi-characters",
    .linter = "flake8-bugbear",
    .kinds = {"call"},
    .doc = kDoc,
    .create = make_rule<StripWithMultiCharacters>(),
};

}  // namespace lint::rules
