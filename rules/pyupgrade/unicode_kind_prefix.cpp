#include "engine/rule.h"
#include "pyupgrade/syntax.h"

namespace lint::rules {

namespace {

constexpr std::string_view kDoc = R"(## What it does
Checks for string literals with the `u` prefix.

## Why is this bad?
Every string literal is Unicode in Python 3; the `u` prefix survives only for code that also ran
on Python 2, and means nothing.

## Example
```python
greeting = u"hello"
```

Use instead:
```python
greeting = "hello"
```
)";

class UnicodeKindPrefix final : public Rule {
 public:
  void enter(TSNode node, Context& ctx) override {
    const uint32_t start = start_of(node);
    const std::string_view src = ctx.source();
    if (start >= src.size() || (src[start] != 'u' && src[start] != 'U')) return;
    Diagnostic& d = report(ctx, node, "Remove unicode literals from strings");
    d.fix_title = "Remove unicode prefix";
    // `""u""` becomes `"" ""`: the quotes must not run together.
    const bool merges = start > 0 && start + 1 < src.size() && src[start - 1] == src[start + 1];
    d.fix = Fix::safe(merges ? Edit::replace(start, start + 1, " ") : Edit::deletion(start, start + 1));
  }
};

}  // namespace

extern const RuleSpec unicode_kind_prefix{
    .code = "UP025",
    .name = "unicode-kind-prefix",
    .linter = "pyupgrade",
    .kinds = {"string"},
    .doc = kDoc,
    .create = make_rule<UnicodeKindPrefix>(),
    .fix = FixAvailability::Always,
};

}  // namespace lint::rules
