#include "pyupgrade/error_alias.h"

namespace lint::rules {

namespace {

constexpr std::string_view kDoc = R"(## What it does
Checks for uses of the exception classes that are aliases of `OSError`: `EnvironmentError`,
`IOError`, `WindowsError`, and the `error` of `os`, `mmap`, `resource`, `select` and `socket`,
where exceptions are caught, raised or constructed.

## Why is this bad?
Since Python 3.3 these names all refer to `OSError`. Using `OSError` itself says what is caught
plainly, and lets a tuple of them shrink to the one class.

## Example
```python
try:
    data = read()
except (IOError, socket.error):
    ...
```

Use instead:
```python
try:
    data = read()
except OSError:
    ...
```
)";

bool is_os_error_alias(std::string_view q, int) {
  return q == "builtins.EnvironmentError" || q == "builtins.IOError" || q == "builtins.WindowsError" ||
         q == "mmap.error" || q == "resource.error" || q == "select.error" || q == "socket.error" || q == "os.error";
}

constexpr std::string_view kLastSegments[] = {"EnvironmentError", "IOError", "WindowsError", "error"};
constexpr up::ErrorAliasSpec kSpec{"OSError", is_os_error_alias, false, kLastSegments};

class OsErrorAlias final : public up::ErrorAliasRule {
 public:
  OsErrorAlias() : ErrorAliasRule(kSpec) {}
};

}  // namespace

extern const RuleSpec os_error_alias{
    .code = "UP024",
    .name = "os-error-alias",
    .linter = "pyupgrade",
    .kinds = {"call", "raise_statement", up::kExceptClauseKinds[0]},
    .doc = kDoc,
    .create = make_rule<OsErrorAlias>(),
    .needs_semantic = true,
    .fix = FixAvailability::Always,
};

}  // namespace lint::rules
