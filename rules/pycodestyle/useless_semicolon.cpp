#include "fix/edits.h"
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

## Fix
The fix deletes the semicolon, and nothing else: spaces before it stay. A semicolon alone at the
start of a continued line goes with the backslashes that lead to it (`x = 1 \` newline `;`
becomes `x = 1 `).
)";

// A `;` leaf with nothing but a comment or a line break after it on the logical line.
class UselessSemicolon final : public statements::SemicolonRule {
 protected:
  void on_semicolon(Context& ctx, uint32_t start, uint32_t end, bool ends_line) override {
    if (!ends_line) return;
    // In a notebook, a semicolon closing a cell's last top-level statement hides the cell's
    // output: it is useful.
    if (ctx.is_notebook() && at_top_level(ctx.source(), start) && last_in_cell(ctx, end)) return;
    Diagnostic& d = report(ctx, start, end, "Statement ends with an unnecessary semicolon");
    d.fix_title = "Remove unnecessary semicolon";
    d.fix = Fix::safe(Edit::deletion(edits::preceded_by_continuations(ctx, start).value_or(start), end));
  }

 private:
  // Whether the statement ending at `at` is not in an indented block: its line (the first of the
  // lines that backslashes join) starts without indentation.
  static bool at_top_level(std::string_view src, uint32_t at) {
    size_t line = src.rfind('\n', at == 0 ? 0 : at - 1);
    line = line == std::string_view::npos ? 0 : line + 1;
    for (;;) {
      size_t backslash = line >= 2 ? line - 2 : 0;  // before the line break ("\n" or "\r\n")
      if (backslash > 0 && src[backslash] == '\r') --backslash;
      if (line < 2 || src[backslash] != '\\') break;
      const size_t before = src.rfind('\n', backslash);
      line = before == std::string_view::npos ? 0 : before + 1;
    }
    return line >= src.size() || (src[line] != ' ' && src[line] != '\t' && src[line] != '\f');
  }

  // Whether only blank space and comments follow `end` in its cell.
  static bool last_in_cell(const Context& ctx, uint32_t end) {
    const uint32_t cell_end = ctx.cell_of(end).second;
    const std::string_view rest = ctx.source().substr(end, cell_end - std::min(end, cell_end));
    for (size_t i = 0; i < rest.size(); ++i) {
      const char c = rest[i];
      if (c == '#') {
        while (i < rest.size() && rest[i] != '\n') ++i;
      } else if (c != ' ' && c != '\t' && c != '\n' && c != '\r' && c != '\f') {
        return false;
      }
    }
    return true;
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
    .fix = FixAvailability::Always,
};

}  // namespace lint::rules
