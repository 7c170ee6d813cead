#include "flake8_2020/version_checks.h"

namespace lint::rules {

namespace {

constexpr std::string_view kDoc = R"(## What it does
Checks for `sys.version[2]`, the third character of Python's version string.

## Why is this bad?
It is meant to be the minor version, but from Python 3.10 on that has two digits and
`sys.version[2]` is only the first of them. Use `sys.version_info.minor`.

## Example
```python
import sys

minor = int(sys.version[2])
```

Use instead:
```python
import sys

minor = sys.version_info.minor
```
)";

class SysVersion2 final : public flake8_2020::SysVersionSubscript {
 protected:
  void on_index(Context& ctx, TSNode value, uint64_t n) override {
    if (n == 2) report(ctx, value, "`sys.version[2]` referenced (python3.10), use `sys.version_info`");
  }
};

}  // namespace

extern const RuleSpec sys_version2{
    .code = "YTT102",
    .name = "sys-version2",
    .linter = "flake8-2020",
    .kinds = {"subscript"},
    .doc = kDoc,
    .create = make_rule<SysVersion2>(),
    .needs_semantic = true,
};

}  // namespace lint::rules
