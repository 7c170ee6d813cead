#include <optional>
#include <string>
#include <vector>

#include "engine/rule.h"
#include "syntax/arguments.h"
#include "fix/edits.h"
#include "flake8_bugbear/helpers.h"
#include "fix/generator.h"
#include "pyflakes/repeated_keys.h"
#include "fix/stylist.h"

namespace lint::rules {

namespace {

constexpr std::string_view kDoc = R"(## What it does
Checks for `"sep".join([...])` over a list or tuple display of fixed length whose items are
strings, numbers, names, attributes or simple calls.

## Why is this bad?
The number of items is known: an f-string (or, when every item is a string, a single literal)
writes the result directly, without building a list and calling `join`.

## Example
```python
label = " ".join([first, last])
```

Use instead:
```python
label = f"{first} {last}"
```

## Fix safety
The fix is unsafe: `join` raises `TypeError` for items that are not strings, while the f-string
formats them, so code relying on the error behaves differently.
)";

// An item an f-string can take: a name, an attribute, a number or boolean, or a call without
// arguments of a name or a chain of attributes on one.
bool is_simple_callee(TSNode n) {
  n = unparenthesized(n);
  if (is(n, "identifier")) return true;
  return is(n, "attribute") && is_simple_callee(field(n, "object"));
}

bool is_interpolable(TSNode n, const Context& ctx) {
  const std::string_view k = kind(n);
  if (k == "identifier" || k == "attribute" || k == "integer" || k == "float" || k == "true" || k == "false") {
    return true;
  }
  if (k != "call") return false;
  const CallArguments& args = call_arguments(n, ctx);
  return args.args.empty() && args.keywords.empty() && is_simple_callee(field(n, "function"));
}

class StaticJoinToFString final : public Rule {
 public:
  void enter(TSNode node, Context& ctx) override {
    const TSNode function = callee(node, ctx);
    if (!is(function, "attribute") || ctx.text(field(function, "attribute")) != "join") return;
    const TSNode joiner_node = unparenthesized(field(function, "object"));
    std::string joiner;
    if (!bugbear::str_literal_value(joiner_node, ctx, joiner)) return;
    const CallArguments& args = call_arguments(node, ctx);
    if (!args.keywords.empty() || args.args.size() != 1) return;
    const TSNode arg = unparenthesized(args.args[0]);
    if (!is(arg, "list") && !is(arg, "tuple")) return;
    std::vector<TSNode> items;
    for (TSNode c : children(arg)) {
      if (!ts_node_is_named(c) || ts_node_is_extra(c)) continue;
      if (is(c, "list_splat")) return;
      items.push_back(unparenthesized(c));
    }
    const std::optional<std::string> contents = build(joiner, items, ctx);
    if (!contents) return;
    Diagnostic& d = report(ctx, node, keys_detail::displayable(*contents)
                                          ? "Consider `" + *contents + "` instead of string join"
                                          : std::string("Consider f-string instead of string join"));
    d.fix_title = keys_detail::displayable(*contents) ? "Replace with `" + *contents + "`"
                                                      : std::string("Replace with f-string");
    const uint32_t start = ts_node_start_byte(node), end = ts_node_end_byte(node);
    d.fix = Fix::unsafe(Edit::replace(start, end, edits::pad(*contents, start, end, ctx)));
  }

 private:
  std::optional<std::string> build(const std::string& joiner, const std::vector<TSNode>& items, const Context& ctx) {
    // Every item a string literal: one literal, with the first one's flags.
    bool all_strings = true;
    for (TSNode item : items) all_strings &= bugbear::is_str_literal(item, ctx);
    if (all_strings) {
      if (items.empty()) return std::nullopt;
      std::string content;
      for (size_t i = 0; i < items.size(); ++i) {
        std::string value;
        if (!bugbear::str_literal_value(items[i], ctx, value)) return std::nullopt;
        if (i > 0) content += joiner;
        content += value;
      }
      const TSNode first = is(items[0], "concatenated_string") ? ts_node_named_child(items[0], 0) : items[0];
      std::string like(ctx.text(first));
      const size_t q = like.find_first_of("'\"");
      if (q == std::string::npos) return std::nullopt;
      const bool raw = like.substr(0, q).find_first_of("rR") != std::string::npos;
      bool triple = like.size() >= q + 6 && like[q + 1] == like[q] && like[q + 2] == like[q];
      if (raw && content.find_first_of("\r\n") != std::string::npos) {
        // A raw string cannot hold a line break between single quotes: triple quotes, with a
        // quote the content does not hold.
        triple = true;
        const char quote = like[q];
        const std::string three(3, quote);
        if (content.find(three) != std::string::npos) {
          const char other = quote == '"' ? '\'' : '"';
          if (content.find(std::string(3, other)) != std::string::npos) return std::nullopt;
          like[q] = other;
        }
      }
      return codegen::string_literal_like(content, like, triple);
    }
    std::vector<codegen::FStringPiece> pieces;
    bool single = joiner.find('\'') != std::string::npos;
    bool dbl = joiner.find('"') != std::string::npos;
    bool first = true;
    for (TSNode item : items) {
      if (bugbear::is_f_string(item, ctx)) return std::nullopt;
      if (!first) pieces.push_back({joiner, TSNode{}});
      first = false;
      if (bugbear::is_str_literal(item, ctx)) {
        std::string value;
        if (!bugbear::str_literal_value(item, ctx, value)) return std::nullopt;
        single |= value.find('\'') != std::string::npos;
        dbl |= value.find('"') != std::string::npos;
        pieces.push_back({std::move(value), TSNode{}});
      } else if (is_interpolable(item, ctx)) {
        pieces.push_back({std::string(), item});
      } else {
        return std::nullopt;
      }
    }
    char quote = Stylist(ctx).quote();
    if (single && dbl) return std::nullopt;
    if (quote == '\'' && single) quote = '"';
    else if (quote == '"' && dbl) quote = '\'';
    return codegen::fstring(pieces, quote, ctx);
  }
};

}  // namespace

extern const RuleSpec static_join_to_f_string{
    .code = "FLY002",
    .name = "static-join-to-f-string",
    .linter = "flynt",
    .kinds = {"call"},
    .doc = kDoc,
    .create = make_rule<StaticJoinToFString>(),
    .fix = FixAvailability::Always,
};

}  // namespace lint::rules
