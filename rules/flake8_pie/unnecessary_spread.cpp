#include <optional>
#include <string_view>
#include <vector>

#include "engine/rule.h"
#include "fix/edits.h"
#include "syntax/node.h"

namespace lint::rules {

namespace {

constexpr std::string_view kDoc = R"(## What it does
Checks for dictionary displays unpacked with `**` into another dictionary display.

## Why is this bad?
The inner dictionary's items can be written in the outer one directly; building a dictionary
only to unpack it is noise.

## Example
```python
settings = {"debug": False, **{"verbose": True}}
```

Use instead:
```python
settings = {"debug": False, "verbose": True}
```
)";

// Ruff's fix: `**`, the parentheses and braces around the inner dict, and its trailing comma
// (an empty one takes the outer comma after it too) are deleted; what is between them stays.
std::optional<Fix> spread_fix(TSNode splat, TSNode inner, const Context& ctx) {
  const std::string_view text = ctx.source();
  const uint32_t star = ts_node_start_byte(splat);
  std::vector<Edit> edits{Edit::deletion(star, star + 2)};
  int open_parens = 0;
  for (size_t at = edits::skip_trivia(text, star + 2);; at = edits::skip_trivia(text, at + 1)) {
    if (at >= text.size()) return std::nullopt;
    const uint32_t a = static_cast<uint32_t>(at);
    if (text[at] == '(') {
      edits.push_back(Edit::deletion(a, a + 1));
      ++open_parens;
    } else if (text[at] == '{') {
      edits.push_back(Edit::deletion(a, a + 1));
      break;
    } else {
      return std::nullopt;
    }
  }
  TSNode last{};
  for (TSNode c : children(inner)) {
    if (is(c, "pair")) last = field(c, "value");
    else if (is(c, "dictionary_splat")) last = c;
  }
  const bool empty = ts_node_is_null(last);
  size_t at = empty ? ts_node_start_byte(inner) + 1 : ts_node_end_byte(last);
  bool found_close = false, found_comma = false;
  for (at = edits::skip_trivia(text, at);; at = edits::skip_trivia(text, at + 1)) {
    if (found_close && open_parens == 0 && (!empty || found_comma)) break;
    if (at >= text.size()) return std::nullopt;
    const uint32_t a = static_cast<uint32_t>(at);
    if (text[at] == ',') {
      edits.push_back(Edit::deletion(a, a + 1));
      if (found_close) found_comma = true;
    } else if (text[at] == ')') {
      if (found_close) {
        edits.push_back(Edit::deletion(a, a + 1));
        --open_parens;
      }
    } else if (text[at] == '}') {
      if (found_close) break;
      edits.push_back(Edit::deletion(a, a + 1));
      found_close = true;
    } else {
      return std::nullopt;
    }
  }
  return Fix::safe(std::move(edits));
}

class UnnecessarySpread final : public Rule {
 public:
  void enter(TSNode node, Context& ctx) override {
    for (TSNode item : children(node)) {
      if (!is(item, "dictionary_splat")) continue;
      TSNode inner{};
      for (TSNode c : children(item)) {
        if (ts_node_is_named(c) && !ts_node_is_extra(c)) inner = unparenthesized(c);
      }
      if (!is(inner, "dictionary")) continue;
      Diagnostic& d = report(ctx, inner, "Unnecessary spread `**`");
      d.fix_title = "Remove unnecessary dict";
      if (auto f = spread_fix(item, inner, ctx)) d.fix = std::move(*f);
    }
  }
};

}  // namespace

extern const RuleSpec unnecessary_spread{
    .code = "PIE800",
    .name = "unnecessary-spread",
    .linter = "flake8-pie",
    .kinds = {"dictionary"},
    .doc = kDoc,
    .create = make_rule<UnnecessarySpread>(),
    .fix = FixAvailability::Sometimes,
};

}  // namespace lint::rules
