#include "pycodestyle/statements.h"

namespace lint::rules {

namespace {

constexpr std::string_view kDoc = R"(## What it does
Checks for a compound statement header (`if`, `for`, `while`, `with`, `try`, `except`,
`class`, `match`, `case`, ...) whose body begins on the same line as the header's colon.

## Why is this bad?
[PEP 8] discourages compound statements on one line. A body tucked behind the colon is easy to
miss when reading, cannot be given its own breakpoint, and has to be rewrapped as soon as it
grows a second statement.

A body that is only `...` is allowed, so that stub-style definitions such as `class C: ...`
stay on one line.

## Example
```python
if ready: start()
for item in items: process(item)
```

Use instead:
```python
if ready:
    start()
for item in items:
    process(item)
```

[PEP 8]: https://peps.python.org/pep-0008/#other-recommendations
)";

enum Category : uint8_t {
  kOther = 0,
  kOpen,     // ( [ {
  kClose,    // ) ] }
  kKeyword,  // a keyword whose header colon is tracked
  kLambda,
  kColon,
  kLineStart,  // a node that begins a logical line
};

const statements::SymbolTable& categories() {
  static const statements::SymbolTable table = [] {
    statements::SymbolTable t;
    t.set({"(", "[", "{"}, kOpen);
    t.set({")", "]", "}"}, kClose);
    t.set({"if", "elif", "else", "for", "while", "try", "except", "finally", "class", "with", "match",
           "case"},
          kKeyword);
    // Resolved as the engine does, "lambda" names the lambda expression, which begins with the
    // keyword: entering it is the same moment in the token order.
    t.set("lambda", kLambda);
    t.set(":", kColon);
    for (std::string_view k : statements::kLogicalLineStarts) t.set(k, kLineStart);
    return t;
  }();
  return table;
}

// Mirrors Ruff's token scan. On each logical line, a `:` outside brackets counts as a header colon
// once one of the keywords above has been seen outside brackets since the line began (a `lambda`
// or a header colon forgets them). Such a colon is reported when a token follows it on the same
// logical line, except a lone `...` (optionally followed by a trailing `;`).
//
// Tree-sitter has no NEWLINE tokens, so the start of each statement, clause and decorator stands
// for the start of a logical line, unless a `;` precedes it on the same line. The engine calls
// enter() in document order, so leaves arrive in token order.
class MultipleStatementsOnOneLineColon final : public Rule {
 public:
  void enter(TSNode node, Context& ctx) override {
    switch (categories()[node]) {
      case kOpen:
        ++depth_;
        break;
      case kClose:
        if (depth_ > 0) --depth_;
        break;
      case kKeyword:
        if (depth_ == 0) keyword_ = true;
        break;
      case kLambda:
        if (depth_ == 0) keyword_ = false;
        break;
      case kColon:
        if (depth_ == 0 && keyword_) {
          keyword_ = false;
          check_colon(node, ctx);
        }
        break;
      case kLineStart:
        depth_ = 0;
        if (!statements::preceded_by_semicolon(ctx.source(), ts_node_start_byte(node))) keyword_ = false;
        break;
      default:
        break;
    }
  }

 private:
  void check_colon(TSNode colon, Context& ctx) {
    using statements::at_line_end;
    using statements::skip_inline_trivia;
    const std::string_view src = ctx.source();
    const uint32_t start = ts_node_start_byte(colon), end = ts_node_end_byte(colon);
    if (start == end) return;  // MISSING
    size_t p = skip_inline_trivia(src, end);
    if (at_line_end(src, p)) return;
    if (src.compare(p, 3, "...") == 0) {
      // `class C: ...` is allowed, and so is a trailing `;` after the ellipsis.
      p = skip_inline_trivia(src, p + 3);
      if (at_line_end(src, p)) return;
      if (src[p] == ';' && at_line_end(src, skip_inline_trivia(src, p + 1))) return;
    }
    report(ctx, start, end, "Multiple statements on one line (colon)");
  }

  uint32_t depth_ = 0;
  bool keyword_ = false;
};

}  // namespace

extern const RuleSpec multiple_statements_on_one_line_colon{
    .code = "E701",
    .name = "multiple-statements-on-one-line-colon",
    .linter = "pycodestyle",
    .kinds = statements::logical_line_starts_and({"(", "[", "{", ")", "]", "}", "if", "elif", "else", "for", "while",
                                                  "try", "except", "finally", "class", "with", "match",
                                                  "case", "lambda", ":"}),
    .doc = kDoc,
    .create = make_rule<MultipleStatementsOnOneLineColon>(),
    .runs_on_invalid_syntax = true,
};

}  // namespace lint::rules
