#include <string>
#include <vector>

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

class ExtraneousParentheses final : public Rule {
 public:
  void enter(TSNode node, Context&) override {
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
    recorded_.push_back({t, start, t == T::Yield ? start + 5 : end_of(node)});
  }

  void finish(Context& ctx) override {
    // The token stream as far as the rule cares: the recorded tokens, and one `Other` for each
    // stretch of other tokens between them.
    const std::string_view src = ctx.source();
    std::vector<Tok> tokens;
    tokens.reserve(recorded_.size() * 2);
    uint32_t at = 0;
    for (const Tok& t : recorded_) {
      if (t.start < at) continue;
      if (t.start > at && !is_trivia(src.substr(at, t.start - at))) tokens.push_back({T::Other, at, t.start});
      tokens.push_back(t);
      at = t.end;
    }
    size_t i = 0;
    while (i < tokens.size()) {
      if (tokens[i++].kind != T::Lpar) continue;
      match(tokens, i, ctx);
    }
  }

 private:
  // Ruff's match: the outer `(` was just taken; `i` moves past every token looked at.
  void match(const std::vector<Tok>& tokens, size_t& i, Context& ctx) {
    if (i >= tokens.size() || tokens[i].kind != T::Lpar) {
      ++i;
      return;
    }
    const Tok open = tokens[i++];
    bool empty = true;
    int depth = 1;
    Tok close{};
    for (;;) {
      if (i >= tokens.size()) return;
      const Tok t = tokens[i++];
      if ((t.kind == T::Comma || t.kind == T::Yield) && depth == 1) return;
      if (t.kind == T::Lpar || t.kind == T::Lsqb || t.kind == T::Lbrace) ++depth;
      if ((t.kind == T::Rpar || t.kind == T::Rsqb || t.kind == T::Rbrace) && depth > 0) --depth;
      if (depth == 0) {
        close = t;
        break;
      }
      empty = false;
    }
    if (empty) return;  // `(())`: an empty tuple
    if (i >= tokens.size()) return;
    const Tok next = tokens[i++];
    if (next.kind != T::Rpar) return;
    Diagnostic& d = report(ctx, open.start, close.end, "Avoid extraneous parentheses");
    d.fix_title = "Remove extraneous parentheses";
    d.fix = Fix::safe(Edit::replace(open.start, close.end, std::string(ctx.original(open.end, close.start))));
  }

  std::vector<Tok> recorded_;
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
