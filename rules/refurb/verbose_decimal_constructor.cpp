#include <algorithm>
#include <cctype>
#include <string>
#include <vector>

#include "engine/rule.h"
#include "syntax/arguments.h"
#include "flake8_bugbear/helpers.h"
#include "pyupgrade/edits.h"
#include "pyupgrade/semantic.h"
#include "pyupgrade/mentions.h"

namespace lint::rules {

namespace {

constexpr std::string_view kDoc = R"(## What it does
Checks for `Decimal` built from a string holding a plain integer, or from `float("nan")`,
`float("inf")` and their kin.

## Why is this bad?
`Decimal` takes an integer directly, and reads `"nan"` and `"inf"` itself: the string (or the
detour through `float`) adds nothing.

## Example
```python
from decimal import Decimal

a = Decimal("42")
b = Decimal(float("Infinity"))
```

Use instead:
```python
from decimal import Decimal

a = Decimal(42)
b = Decimal("Infinity")
```

## Fix safety
The fix is unsafe when the argument holds a comment: it would be lost.
)";

bool is_python_whitespace(char c) { return c == ' ' || c == '\t' || c == '\f'; }

// What the integer string becomes as an integer literal, or "" when it is no plain integer.
std::string integer_replacement(std::string_view value) {
  while (!value.empty() && is_python_whitespace(value.front())) value.remove_prefix(1);
  while (!value.empty() && is_python_whitespace(value.back())) value.remove_suffix(1);
  const bool separators = value.find('_') != std::string_view::npos;
  std::string_view after = value;
  while (!after.empty() && after.front() == '_') after.remove_prefix(1);
  std::string unary;
  if (!after.empty() && (after.front() == '+' || after.front() == '-')) {
    unary = std::string(1, after.front());
    after.remove_prefix(1);
  }
  std::string rest(after);
  if (separators) std::erase(rest, '_');
  if (rest.empty() || rest.size() > 640) return "";
  const size_t nonzero = rest.find_first_not_of('0');
  rest = nonzero == std::string::npos ? std::string() : rest.substr(nonzero);
  if (!std::all_of(rest.begin(), rest.end(), [](char c) { return c >= '0' && c <= '9'; })) return "";
  if (separators) {
    // Leading zeros and underscores go, trailing underscores too, runs of underscores become one.
    std::string_view t = after;
    while (!t.empty() && (t.front() == '_' || t.front() == '0')) t.remove_prefix(1);
    while (!t.empty() && t.back() == '_') t.remove_suffix(1);
    rest.clear();
    for (char c : t) {
      if (c == '_' && !rest.empty() && rest.back() == '_') continue;
      rest += c;
    }
  }
  if (rest.empty()) {
    if (unary == "-") return "";
    rest = "0";
  }
  return unary + rest;
}

bool iequals(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return std::tolower(static_cast<unsigned char>(x)) == std::tolower(static_cast<unsigned char>(y));
         });
}

// The non-finite float spelling a string literal holds (`nan`, `-inf`, `+infinity`...), or "".
std::string_view non_finite(TSNode n, const Context& ctx) {
  std::string value;
  if (!bugbear::str_literal_value(n, ctx, value)) return {};
  std::string_view v = value;
  while (!v.empty() && std::isspace(static_cast<unsigned char>(v.front()))) v.remove_prefix(1);
  while (!v.empty() && std::isspace(static_cast<unsigned char>(v.back()))) v.remove_suffix(1);
  static constexpr std::string_view kSpellings[] = {"nan", "+nan", "-nan", "inf", "+inf", "-inf",
                                                    "infinity", "+infinity", "-infinity"};
  for (std::string_view s : kSpellings) {
    if (iequals(v, s)) return s;
  }
  return {};
}

class VerboseDecimalConstructor final : public Rule {
 public:
  void enter(TSNode node, Context& ctx) override {
    if (mentioned_ < 0) mentioned_ = up::mentions_any(ctx.source(), {"Decimal"});
    if (!mentioned_) return;
    // A name may be an alias (`from decimal import Decimal as X`): names are resolved in finish().
    const TSNode function = callee(node, ctx);
    if (is(function, "identifier") || callee_name(node, ctx) == "Decimal") candidates_.push_back(node);
  }

  void finish(Context& ctx) override {
    const SemanticModel* m = ctx.semantic();
    if (!m) return;
    const up::Resolver resolve(*m, ctx);
    for (TSNode call : candidates_) {
      if (resolve.qualified(field(call, "function")) != "decimal.Decimal") continue;
      const CallArguments& args = call_arguments(call, ctx);
      TSNode value = args.argument("value", 0, ctx);
      if (ts_node_is_null(value)) continue;
      value = unparenthesized(value);
      std::string replacement;
      if (bugbear::is_str_literal(value, ctx)) {
        std::string text;
        if (!bugbear::str_literal_value(value, ctx, text)) continue;
        replacement = integer_replacement(text);
      } else if (is(value, "call")) {
        if (!resolve.match_builtin(field(value, "function"), "float")) continue;
        const CallArguments inner = call_arguments(value, ctx);
        if (!inner.keywords.empty() || inner.args.size() != 1) continue;
        const TSNode literal = unparenthesized(inner.args[0]);
        const std::string_view spelling = non_finite(literal, ctx);
        if (spelling.empty()) continue;
        replacement = spelling == "-nan" ? "\"nan\"" : std::string(ctx.original(literal));
      }
      if (replacement.empty()) continue;
      Diagnostic& d = report(ctx, value, "Verbose expression in `Decimal` constructor");
      d.fix_title = "Replace with `" + replacement + "`";
      const uint32_t start = ts_node_start_byte(value), end = ts_node_end_byte(value);
      d.fix = Fix::with(up::has_comment(value, start, end) ? Applicability::Unsafe : Applicability::Safe,
                        {Edit::replace(start, end, replacement)});
    }
  }

 private:
  std::vector<TSNode> candidates_;
  int mentioned_ = -1;  // whether the file writes a name the rule looks for (-1: not known yet)
};

}  // namespace

extern const RuleSpec verbose_decimal_constructor{
    .code = "FURB157",
    .name = "verbose-decimal-constructor",
    .linter = "refurb",
    .kinds = {"call"},
    .doc = kDoc,
    .create = make_rule<VerboseDecimalConstructor>(),
    .needs_semantic = true,
    .fix = FixAvailability::Always,
};

}  // namespace lint::rules
