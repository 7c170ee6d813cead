#include "flake8_2020/version_checks.h"

namespace lint::rules {

namespace {

constexpr std::string_view kDoc = R"(## What it does
Checks for `sys.version_info[0] == 3` and `sys.version_info[0] != 3`.

## Why is this bad?
Such a check treats a future Python 4 as if it were Python 2. Compare with `>=` (or `<`) instead.

## Example
```python
import sys

PY3 = sys.version_info[0] == 3
```

Use instead:
```python
import sys

PY3 = sys.version_info[0] >= 3
```
)";

class SysVersionInfo0Eq3 final : public flake8_2020::VersionComparison {
 protected:
  void check(Context& ctx, const SemanticModel& m, const flake8_2020::SingleComparison& c) override {
    if (c.op != flake8_2020::Op::Eq && c.op != flake8_2020::Op::NotEq) return;
    const TSNode left = unparenthesized(c.left);
    if (!flake8_2020::is_version_info_index(left, 0, m, ctx)) return;
    const auto n = flake8_2020::int_literal(c.right, ctx);
    if (!n || *n != 3) return;
    report(ctx, left, c.op == flake8_2020::Op::Eq ? "`sys.version_info[0] == 3` referenced (python4), use `>=`"
                                                  : "`sys.version_info[0] != 3` referenced (python4), use `<`");
  }
};

}  // namespace

extern const RuleSpec sys_version_info0_eq3{
    .code = "YTT201",
    .name = "sys-version-info0-eq3",
    .linter = "flake8-2020",
    .kinds = {"comparison_operator"},
    .doc = kDoc,
    .create = make_rule<SysVersionInfo0Eq3>(),
    .needs_semantic = true,
};

}  // namespace lint::rules
