#include "flake8_2020/version_checks.h"

namespace lint::rules {

namespace {

constexpr std::string_view kDoc = R"(## What it does
Checks for `sys.version[:3]`, the first three characters of Python's version string.

## Why is this bad?
On Python 3.10 and later the minor version has two digits: `sys.version[:3]` is `"3.1"`, not
`"3.10"`. `sys.version_info` holds the version as numbers.

## Example
```python
import sys

if sys.version[:3] == "3.9":
    ...
```

Use instead:
```python
import sys

if sys.version_info[:2] == (3, 9):
    ...
```
)";

class SysVersionSlice3 final : public flake8_2020::SysVersionSubscript {
 protected:
  void on_slice(Context& ctx, TSNode value, uint64_t n) override {
    if (n == 3) report(ctx, value, "`sys.version[:3]` referenced (python3.10), use `sys.version_info`");
  }
};

}  // namespace

extern const RuleSpec sys_version_slice3{
    .code = "YTT101",
    .name = "sys-version-slice3",
    .linter = "flake8-2020",
    .kinds = {"subscript"},
    .doc = kDoc,
    .create = make_rule<SysVersionSlice3>(),
    .needs_semantic = true,
};

}  // namespace lint::rules
