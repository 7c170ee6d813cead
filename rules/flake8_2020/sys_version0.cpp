#include "flake8_2020/version_checks.h"

namespace lint::rules {

namespace {

constexpr std::string_view kDoc = R"(## What it does
Checks for `sys.version[0]`, the first character of Python's version string.

## Why is this bad?
It is meant to be the major version, which would be wrong for a Python 10. Use
`sys.version_info.major`.

## Example
```python
import sys

major = sys.version[0]
```

Use instead:
```python
import sys

major = sys.version_info.major
```
)";

class SysVersion0 final : public flake8_2020::SysVersionSubscript {
 protected:
  void on_index(Context& ctx, TSNode value, uint64_t n) override {
    if (n == 0) report(ctx, value, "`sys.version[0]` referenced (python10), use `sys.version_info`");
  }
};

}  // namespace

extern const RuleSpec sys_version0{
    .code = "YTT301",
    .name = "sys-version0",
    .linter = "flake8-2020",
    .kinds = {"subscript"},
    .doc = kDoc,
    .create = make_rule<SysVersion0>(),
    .needs_semantic = true,
};

}  // namespace lint::rules
