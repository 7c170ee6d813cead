#include "flake8_2020/version_checks.h"

namespace lint::rules {

namespace {

constexpr std::string_view kDoc = R"(## What it does
Checks for `sys.version` compared with a string by `<`, `<=`, `>` or `>=`.

## Why is this bad?
Strings compare character by character: `"3.10" < "3.9"`. Compare `sys.version_info` with a tuple
instead.

## Example
```python
import sys

if sys.version > "3.5":
    ...
```

Use instead:
```python
import sys

if sys.version_info > (3, 5):
    ...
```
)";

class SysVersionCmpStr3 final : public flake8_2020::VersionComparison {
 protected:
  void check(Context& ctx, const SemanticModel& m, const flake8_2020::SingleComparison& c) override {
    if (c.op != flake8_2020::Op::Ordering || !flake8_2020::is_sys(c.left, "version", m, ctx)) return;
    const auto length = flake8_2020::string_length(c.right, ctx);
    if (length && *length != 1) report(ctx, unparenthesized(c.left), "`sys.version` compared to string (python3.10), use `sys.version_info`");
  }
};

}  // namespace

extern const RuleSpec sys_version_cmp_str3{
    .code = "YTT103",
    .name = "sys-version-cmp-str3",
    .linter = "flake8-2020",
    .kinds = {"comparison_operator"},
    .doc = kDoc,
    .create = make_rule<SysVersionCmpStr3>(),
    .needs_semantic = true,
};

}  // namespace lint::rules
