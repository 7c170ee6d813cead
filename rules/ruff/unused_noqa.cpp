#include "engine/rule.h"

namespace lint::rules {

namespace {

constexpr std::string_view kDoc = R"(## What it does
Checks for `# noqa` directives that suppress nothing: a blanket `# noqa` on a line without any
diagnostic, or codes in `# noqa: CODES` (or in a file-level `# ruff: noqa: CODES`) that no
diagnostic of the line (or file) carries. The message says why each code is there for nothing:
`unused` (the rule is enabled but reported nothing there), `non-enabled` (the rule is not
enabled for the file), `duplicated` (the code is listed twice).

## Why is this bad?
A suppression that no longer suppresses anything is noise, and it hides the next real problem
on its line: when the code changes and a diagnostic appears there, nobody will see it.

## Example
```python
import os  # noqa: F401


print(os.getcwd())
```

Use instead:
```python
import os


print(os.getcwd())
```

## Notes
Codes that no rule has (neither lint's nor Ruff's) are left alone, as Ruff leaves them: other
tools may use them. A directive that names `RUF100` itself is never reported, and neither is
anything in a file whose syntax is invalid.

## Fix
The fix is safe. It removes the directive (with the spaces before it, or the whole line when
the directive is alone on it; a comment after it stays), or, when some of its codes still
suppress something, writes it anew with those codes only (`# noqa: F401, E711`). Unknown codes
go with the unused ones.
)";

// The work is done by the noqa pass (src/noqa/noqa.cpp), once every other rule has reported: this
// class only gives the rule a place in the selection.
class UnusedNoqa final : public Rule {};

}  // namespace

extern const RuleSpec unused_noqa{
    .code = "RUF100",
    .name = "unused-noqa",
    .linter = "ruff",
    .kinds = {},
    .doc = kDoc,
    .create = make_rule<UnusedNoqa>(),
    .runs_on_invalid_syntax = false,
    .fix = FixAvailability::Always,
};

}  // namespace lint::rules
