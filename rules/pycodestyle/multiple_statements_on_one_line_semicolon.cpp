#include "pycodestyle/statements.h"

namespace lint::rules {

namespace {

constexpr std::string_view kDoc = R"(## What it does
Checks for several statements written on one line, separated by semicolons.

## Why is this bad?
[PEP 8] discourages putting more than one statement on a line. Each statement on its own line
is easier to read, to step through in a debugger, and to change in a diff that touches only
one of them.

## Example
```python
x = compute(); y = x + 1; print(y)
```

Use instead:
```python
x = compute()
y = x + 1
print(y)
```

[PEP 8]: https://peps.python.org/pep-0008/#other-recommendations
)";

// A `;` leaf always separates two simple statements or ends a line of them; it is E702 when
// another token follows it on the same logical line (a backslash continuation keeps the line
// going, a comment or a line break ends it).
class MultipleStatementsOnOneLineSemicolon final : public statements::SemicolonRule {
 protected:
  void on_semicolon(Context& ctx, uint32_t start, uint32_t end, bool ends_line) override {
    if (!ends_line) report(ctx, start, end, "Multiple statements on one line (semicolon)");
  }
};

}  // namespace

extern const RuleSpec multiple_statements_on_one_line_semicolon{
    .code = "E702",
    .name = "multiple-statements-on-one-line-semicolon",
    .linter = "pycodestyle",
    .kinds = statements::SemicolonRule::kinds(),
    .doc = kDoc,
    .create = make_rule<MultipleStatementsOnOneLineSemicolon>(),
    .runs_on_invalid_syntax = true,
};

}  // namespace lint::rules
