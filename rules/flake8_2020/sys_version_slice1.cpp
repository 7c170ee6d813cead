#include "flake8_2020/version_checks.h"

namespace lint::rules {

namespace {

constexpr std::string_view kDoc = R"(## What it does
Checks for `sys.version[:1]`, the first character of Python's version string.

## Why is this bad?
It is meant to be the major version, which would be wrong for a Python 10. Use
`sys.version_info.major`.

## Example
```python
import sys

if sys.version[:1] == "3":
    ...
```

Use instead:
```python
import sys

if sys.version_info.major == 3:
    ...
```
)";

class SysVersionSlice1 final : public flake8_2020::SysVersionSubscript {
 protected:
  void on_slice(Context& ctx, TSNode value, uint64_t n) override {
    if (n == 1) report(ctx, value, "`sys.version[:1]` referenced (python10), use `sys.version_info`");
  }
};

}  // namespace

extern const RuleSpec sys_version_slice1{
    .code = "YTT303",
    .name = "sys-version-slice1",
    .linter = "flake8-2020",
    .kinds = {"subscript"},
    .doc = kDoc,
    .create = make_rule<SysVersionSlice1>(),
    .needs_semantic = true,
};

}  // namespace lint::rules
