#include <string>

#include "engine/rule.h"
#include "pyupgrade/syntax.h"

namespace lint::rules {

namespace {

constexpr std::string_view kDoc = R"(## What it does
Checks for a parenthesized expression directly inside another pair of parentheses, such as
`print((1))`.

## Why is this bad?
The inner parentheses change nothing and only make the code harder to read.

## Example
```python
print(("Hello, world"))
```

Use instead:
```python
print("Hello, world")
```
)";

enum class T : uint8_t { Lpar, Rpar, Lsqb, Rsqb, Lbrace, Rbrace, Comma, Yield, Other };

struct Tok {
  T kind;
  uint32_t start, end;
};

// Whether text holds only what Python's tokenizer skips inside brackets: whitespace, line
// breaks, comments and backslash continuations.
bool is_trivia(std::string_view s) {
  for (size_t i = 0; i < s.size(); ++i) {
    const char c = s[i];
    if (c == ' ' || c == '\t' || c == '\f' || c == '\n' || c == '\r' || c == '\\') continue;
    if (c == '#') {
      while (i < s.size() && s[i] != '\n' && s[i] != '\r') ++i;
      continue;
    }
    return false;
  }
  return true;
}

// Ruff's scan of the token stream, fed one token at a time as the walk meets them (in source
// order), so that nothing is kept per token: a file of dense code has a bracket every few bytes.
class ExtraneousParentheses final : public Rule {
 public:
  void enter(TSNode node, Context& ctx) override {
    const std::string_view k = kind(node);
    T t = T::Other;
    if (k == "(") t = T::Lpar;
    else if (k == ")") t = T::Rpar;
    else if (k == "[") t = T::Lsqb;
    else if (k == "]") t = T::Rsqb;
    else if (k == "{") t = T::Lbrace;
    else if (k == "}") t = T::Rbrace;
    else if (k == ",") t = T::Comma;
    else if (k == "yield") t = T::Yield;
    const uint32_t start = start_of(node);
    const Tok tok{t, start, t == T::Yield ? start + 5 : end_of(node)};
    // The token stream as far as the rule cares: these tokens, and one `Other` for each stretch
    // of other tokens between them.
    if (tok.start < at_) return;
    if (tok.start > at_ && !is_trivia(ctx.source().substr(at_, tok.start - at_))) feed({T::Other, at_, tok.start}, ctx);
    feed(tok, ctx);
    at_ = tok.end;
  }

 private:
  // Where the scan is: before an outer `(`, just after it, inside the inner `(` (at `depth_`),
  // or just after the inner pair closed, where a `)` must follow.
  enum class State : uint8_t { Idle, Outer, Inner, AfterClose };

  void feed(const Tok& t, Context& ctx) {
    switch (state_) {
      case State::Idle:
        if (t.kind == T::Lpar) state_ = State::Outer;
        return;
      case State::Outer:
        if (t.kind != T::Lpar) {
          state_ = State::Idle;
          return;
        }
        open_ = t;
        depth_ = 1;
        empty_ = true;
        state_ = State::Inner;
        return;
      case State::Inner:
        if ((t.kind == T::Comma || t.kind == T::Yield) && depth_ == 1) {
          state_ = State::Idle;
          return;
        }
        if (t.kind == T::Lpar || t.kind == T::Lsqb || t.kind == T::Lbrace) ++depth_;
        if ((t.kind == T::Rpar || t.kind == T::Rsqb || t.kind == T::Rbrace) && depth_ > 0) --depth_;
        if (depth_ == 0) {
          close_ = t;
          // `(())` is an empty tuple; the token after it is not taken, and may open a pair.
          state_ = empty_ ? State::Idle : State::AfterClose;
          return;
        }
        empty_ = false;
        return;
      case State::AfterClose:
        state_ = State::Idle;
        if (t.kind != T::Rpar) return;
        Diagnostic& d = report(ctx, open_.start, close_.end, "Avoid extraneous parentheses");
        d.fix_title = "Remove extraneous parentheses";
        d.fix = Fix::safe(Edit::replace(open_.start, close_.end, std::string(ctx.original(open_.end, close_.start))));
        return;
    }
  }

  uint32_t at_ = 0;  // the end of the last token fed
  State state_ = State::Idle;
  Tok open_{}, close_{};
  int depth_ = 0;
  bool empty_ = true;
};

}  // namespace

extern const RuleSpec extraneous_parentheses{
    .code = "UP034",
    .name = "extraneous-parentheses",
    .linter = "pyupgrade",
    .kinds = {"(", ")", "[", "]", "{", "}", ",", "yield"},
    .doc = kDoc,
    .create = make_rule<ExtraneousParentheses>(),
    .runs_on_invalid_syntax = true,
    .fix = FixAvailability::Always,
};

}  // namespace lint::rules
