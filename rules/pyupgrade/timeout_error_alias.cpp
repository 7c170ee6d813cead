#include "pyupgrade/error_alias.h"

namespace lint::rules {

namespace {

constexpr std::string_view kDoc = R"(## What it does
Checks for uses of the exception classes that are aliases of `TimeoutError`: `socket.timeout`
(from Python 3.10) and `asyncio.TimeoutError` (from Python 3.11), where exceptions are caught,
raised or constructed. Only reported when `target-version` is 3.10 or later.

## Why is this bad?
Those names refer to the builtin `TimeoutError` in the Python versions named above; using the
builtin says what is caught plainly.

## Example
```python
try:
    await asyncio.wait_for(job(), 1)
except asyncio.TimeoutError:
    ...
```

Use instead:
```python
try:
    await asyncio.wait_for(job(), 1)
except TimeoutError:
    ...
```

## Fix safety
The fix is unsafe when it would delete a comment.
)";

bool is_timeout_error_alias(std::string_view q, int minor) {
  if (q == "socket.timeout") return true;
  return minor >= 11 && q == "asyncio.TimeoutError";
}

constexpr std::string_view kLastSegments[] = {"timeout", "TimeoutError"};
constexpr up::ErrorAliasSpec kSpec{"TimeoutError", is_timeout_error_alias, true, kLastSegments};

class TimeoutErrorAlias final : public up::ErrorAliasRule {
 public:
  TimeoutErrorAlias() : ErrorAliasRule(kSpec) {}
  void enter(TSNode node, Context& ctx) override {
    if (ctx.target_minor() >= 10) ErrorAliasRule::enter(node, ctx);
  }
};

}  // namespace

extern const RuleSpec timeout_error_alias{
    .code = "UP041",
    .name = "timeout-error-alias",
    .linter = "pyupgrade",
    .kinds = {"call", "raise_statement", up::kExceptClauseKinds[0]},
    .doc = kDoc,
    .create = make_rule<TimeoutErrorAlias>(),
    .needs_semantic = true,
    .fix = FixAvailability::Always,
};

}  // namespace lint::rules
