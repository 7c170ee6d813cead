#include "pycodestyle/statements.h"

namespace lint::rules {

namespace {

constexpr std::string_view kDoc = R"(## What it does
Checks for a semicolon at the end of a statement, where nothing follows it on the line.

## Why is this bad?
Python ends a statement at the end of the line; a trailing semicolon does nothing. It is
usually a habit carried over from C-like languages and only adds noise.

## Example
```python
total = 0;
print(total);  # a comment after the semicolon does not make it useful
```

Use instead:
```python
total = 0
print(total)
```
)";

// A `;` leaf with nothing but a comment or a line break after it on the logical line.
class UselessSemicolon final : public statements::SemicolonRule {
 protected:
  void on_semicolon(Context& ctx, uint32_t start, uint32_t end, bool ends_line) override {
    if (ends_line) report(ctx, start, end, "Statement ends with an unnecessary semicolon");
  }
};

}  // namespace

extern const RuleSpec useless_semicolon{
    .code = "E703",
    .name = "useless-semicolon",
    .linter = "pycodestyle",
    .kinds = statements::SemicolonRule::kinds(),
    .doc = kDoc,
    .create = make_rule<UselessSemicolon>(),
    .runs_on_invalid_syntax = true,
};

}  // namespace lint::rules
