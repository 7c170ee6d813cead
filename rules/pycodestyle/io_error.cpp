#include "engine/rule.h"

namespace lint::rules {

namespace {

constexpr std::string_view kDoc = R"(## What it does
Reports a file that could not be linted because it could not be read: it does not exist, it is
not a regular file (a directory, a FIFO, a device), permission was denied, or its bytes are not
valid UTF-8.

## Why is this bad?
A file that lint cannot read is a file nobody is checking. The diagnostic names the cause, at
row 1, column 1 of the file. When this rule is not selected, the same cause is printed as a
warning on standard error and the other files are linted as usual.

## Example
A file saved in Latin-1:
```python
# caf\xe9
```
reports `E902 stream did not contain valid UTF-8`. Save it as UTF-8 instead; Python 3 source
is UTF-8 unless a coding declaration says otherwise, and lint, like Ruff, reads UTF-8 only.
)";

// The engine reports E902 when it reads a file; the rule only carries the code and the docs.
class IoError final : public Rule {};

}  // namespace

extern const RuleSpec io_error{
    .code = "E902",
    .name = "io-error",
    .linter = "pycodestyle",
    .kinds = {},
    .doc = kDoc,
    .create = make_rule<IoError>(),
};

}  // namespace lint::rules
