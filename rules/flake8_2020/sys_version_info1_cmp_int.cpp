#include "flake8_2020/version_checks.h"

namespace lint::rules {

namespace {

constexpr std::string_view kDoc = R"(## What it does
Checks for `sys.version_info[1]` compared with an integer by `<`, `<=`, `>` or `>=`.

## Why is this bad?
The minor version alone says nothing without the major one: `(4, 0)` has a minor version below
any 3.x. Compare `sys.version_info` with a tuple instead.

## Example
```python
import sys

if sys.version_info[1] < 7:
    ...
```

Use instead:
```python
import sys

if sys.version_info < (3, 7):
    ...
```
)";

class SysVersionInfo1CmpInt final : public flake8_2020::VersionComparison {
 protected:
  void check(Context& ctx, const SemanticModel& m, const flake8_2020::SingleComparison& c) override {
    if (c.op != flake8_2020::Op::Ordering) return;
    const TSNode left = unparenthesized(c.left);
    if (!flake8_2020::is_version_info_index(left, 1, m, ctx) || !flake8_2020::int_literal(c.right, ctx)) return;
    report(ctx, left, "`sys.version_info[1]` compared to integer (python4), compare `sys.version_info` to tuple");
  }
};

}  // namespace

extern const RuleSpec sys_version_info1_cmp_int{
    .code = "YTT203",
    .name = "sys-version-info1-cmp-int",
    .linter = "flake8-2020",
    .kinds = {"comparison_operator"},
    .doc = kDoc,
    .create = make_rule<SysVersionInfo1CmpInt>(),
    .needs_semantic = true,
};

}  // namespace lint::rules
