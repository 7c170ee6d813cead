#include <unordered_map>

#include "flake8_bugbear/fixes.h"
#include "fix/generator.h"
#include "flake8_bugbear/helpers.h"
#include "pyflakes/repeated_keys.h"

namespace lint::rules {

namespace {

using namespace bugbear;

constexpr std::string_view kDoc = R"(## What it does
Checks for set displays that list the same literal value twice: `{"a", "b", "a"}`, or values
Python takes as equal such as `1` and `1.0`.

## Why is this bad?
A set keeps one of them; the repeat is dead weight, and often a typo for another value.

## Example
```python
extensions = {".py", ".pyi", ".py"}
```

Use instead:
```python
extensions = {".py", ".pyi"}
```

## Fix safety
The fix removes the repeat. It is unsafe when that removes a comment.
)";

// The start of the next token after `pos` (skipping blanks and line breaks, not comments).
uint32_t next_token(std::string_view s, uint32_t pos) {
  while (pos < s.size() && (s[pos] == ' ' || s[pos] == '\t' || s[pos] == '\f' || s[pos] == '\n' || s[pos] == '\r')) ++pos;
  return pos;
}

// The comma after an element (past closing parentheses and comments), or npos.
uint32_t comma_after(std::string_view s, uint32_t pos) {
  while (pos < s.size()) {
    if (s[pos] == '#') {
      while (pos < s.size() && s[pos] != '\n' && s[pos] != '\r') ++pos;
      continue;
    }
    if (s[pos] == ',') return pos;
    ++pos;
  }
  return UINT32_MAX;
}

class DuplicateValue final : public Rule {
 public:
  void enter(TSNode node, Context& ctx) override {
    std::vector<TSNode> elements;
    for_each_named_child(node, [&](TSNode c) { elements.push_back(unparenthesized(c)); });
    seen_.clear();
    for (size_t i = 0; i < elements.size(); ++i) {
      const TSNode value = elements[i];
      if (!is_literal_expr(value, ctx)) continue;
      key_.clear();
      canonical_.append(value, ctx, key_);
      const auto [it, inserted] = seen_.try_emplace(key_, value);
      if (inserted) continue;
      const TSNode existing = it->second;
      it->second = value;
      codegen::Generator generator(ctx);
      const std::string shown = generator.expr(value);
      const std::string previous = generator.expr(existing);
      Diagnostic& d = report(ctx, value,
                             shown == previous ? "Sets should not contain duplicate item `" + shown + "`"
                                               : "Sets should not contain duplicate items, but `" + previous + "` and `" +
                                                     shown + "` has the same value");
      d.annotate(ts_node_start_byte(existing), ts_node_end_byte(existing), "Previous occurrence here");
      d.fix_title = "Remove duplicate item";
      attach_fix(d, node, elements, i, ctx);
    }
  }

 private:
  // Ruff's removal of one element of a collection: up to the next one, or from the comma
  // before the last.
  static void attach_fix(Diagnostic& d, TSNode set, const std::vector<TSNode>& elements, size_t i, const Context& ctx) {
    const std::string_view s = ctx.source();
    uint32_t start = 0, end = 0;
    if (i + 1 < elements.size()) {
      const uint32_t comma = comma_after(s, ts_node_end_byte(elements[i]));
      if (comma == UINT32_MAX) return;
      start = ts_node_start_byte(elements[i]);
      end = next_token(s, comma + 1);
    } else if (i > 0) {
      const uint32_t comma = comma_after(s, ts_node_end_byte(elements[i - 1]));
      if (comma == UINT32_MAX) return;
      start = comma;
      end = ts_node_end_byte(elements[i]);
    } else {
      start = ts_node_start_byte(elements[i]);
      end = ts_node_end_byte(elements[i]);
    }
    d.fix = Fix::with(comment_intersects(set, start, end, ctx) ? Applicability::Unsafe : Applicability::Safe,
                      {Edit::deletion(start, end)});
  }

  KeyCanonicalizer canonical_;
  std::string key_;
  std::unordered_map<std::string, TSNode> seen_;
};

}  // namespace

extern const RuleSpec duplicate_value{
    .code = "B033",
    .name = "duplicate-value",
    .linter = "flake8-bugbear",
    .kinds = {"set"},
    .doc = kDoc,
    .create = make_rule<DuplicateValue>(),
    .fix = FixAvailability::Sometimes,
};

}  // namespace lint::rules
