#include <algorithm>
#include <array>
#include <string>

#include "engine/rule.h"
#include "pyflakes/python_string.h"
#include "pyupgrade/edits.h"

namespace lint::rules {

namespace {

constexpr std::string_view kDoc = R"(## What it does
Checks for `.encode()` calls on string literals that ask for UTF-8, the default.

## Why is this bad?
`str.encode` encodes to UTF-8 unless told otherwise, so naming the encoding adds nothing; and an
ASCII string literal encoded at run time is better written as a bytes literal.

## Example
```python
"foo".encode("utf-8")
```

Use instead:
```python
b"foo"
```
)";

constexpr std::array<std::string_view, 6> kUtf8Names = {"utf-8", "utf8", "utf_8", "u8", "utf", "cp65001"};

bool is_utf8_literal(TSNode n, const Context& ctx) {
  n = unparenthesized(n);
  if (up::literal_of(n, ctx) != up::Literal::Str) return false;
  std::u32string value;
  if (!pyfmt::decode_str_literal(n, ctx.source(), value)) return false;
  std::string lower;
  for (char32_t c : value) {
    if (c >= 0x80) return false;
    lower.push_back(static_cast<char>(c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c));
  }
  return std::find(kUtf8Names.begin(), kUtf8Names.end(), lower) != kUtf8Names.end();
}

// Escapes a bytes literal cannot hold: `\N{...}`, `\u`, `\U`, and octal escapes above 0o377.
bool has_str_only_escapes(TSNode literal, const Context& ctx) {
  for (TSNode part : up::string_parts(literal)) {
    const std::string_view text = ctx.text(part);
    if (up::prefix_has(up::string_prefix(text), 'r')) continue;
    const std::string_view body = up::string_body(text);
    for (size_t i = body.find('\\'); i != std::string_view::npos; i = body.find('\\', i)) {
      ++i;
      if (i >= body.size()) break;
      const char c = body[i++];
      if (c == 'N' || c == 'u' || c == 'U') return true;
      if (c == 'x') {
        i += 2;
      } else if (c >= '0' && c <= '7') {
        int value = c - '0';
        for (int k = 0; k < 2 && i < body.size() && body[i] >= '0' && body[i] <= '7'; ++k, ++i) value = value * 8 + (body[i] - '0');
        if (value > 0xFF) return true;
      }
    }
  }
  return false;
}

enum class EncodingArg : uint8_t { None, Empty, Positional, Keyword };

class UnnecessaryEncodeUtf8 final : public Rule {
 public:
  void enter(TSNode node, Context& ctx) override {
    const TSNode function = field(node, "function");
    if (!is(function, "attribute") || ctx.text(field(function, "attribute")) != "encode") return;
    const TSNode object = unparenthesized(field(function, "object"));
    const up::Literal literal = up::literal_of(object, ctx);
    if (literal != up::Literal::Str && literal != up::Literal::FString) return;
    const Arguments args = up::call_arguments(node);
    TSNode arg{};
    EncodingArg encoding = EncodingArg::None;
    if (args.all.empty()) {
      encoding = EncodingArg::Empty;
    } else if (args.args.size() == 1 && args.keywords.empty() && is_utf8_literal(args.args[0], ctx)) {
      encoding = EncodingArg::Positional;
      arg = args.args[0];
    } else if (args.args.empty() && args.keywords.size() == 1 && is(args.keywords[0], "keyword_argument") &&
               ctx.text(field(args.keywords[0], "name")) == "encoding" &&
               is_utf8_literal(field(args.keywords[0], "value"), ctx)) {
      encoding = EncodingArg::Keyword;
      arg = args.keywords[0];
    }
    if (encoding == EncodingArg::None) return;
    if (literal == up::Literal::Str) {
      if (has_str_only_escapes(object, ctx)) return;
      std::u32string value;
      if (!pyfmt::decode_str_literal(object, ctx.source(), value)) return;
      const bool ascii = std::all_of(value.begin(), value.end(), [](char32_t c) { return c < 0x80; });
      if (ascii) {
        Diagnostic& d = report(ctx, node, "Unnecessary call to `encode` as UTF-8");
        d.fix_title = "Rewrite as bytes literal";
        d.fix = Fix::safe(bytes_literal(node, function, ctx));
        return;
      }
    }
    if (encoding == EncodingArg::Empty) return;
    Diagnostic& d = report(ctx, node, "Unnecessary UTF-8 `encoding` argument to `encode`");
    d.fix_title = "Remove unnecessary `encoding` argument";
    if (std::optional<Edit> e = up::remove_argument(arg, args, up::Parentheses::Preserve, ctx)) d.fix = Fix::safe(std::move(*e));
  }

 private:
  // The call's text up to the `.` of `.encode`, each string part given a `b` prefix (and losing a
  // `u` one).
  static Edit bytes_literal(TSNode call, TSNode function, const Context& ctx) {
    const TSNode object = field(function, "object");
    const uint32_t start = start_of(call), end = end_of(object);
    std::string out;
    uint32_t at = start;
    for (TSNode part : up::string_parts(unparenthesized(object))) {
      out += ctx.original(at, start_of(part));
      std::string_view text = ctx.original(part);
      if (!text.empty() && (text[0] == 'u' || text[0] == 'U')) text.remove_prefix(1);
      out += 'b';
      out += text;
      at = end_of(part);
    }
    out += ctx.original(at, end);
    return Edit::replace(start, end_of(call), up::pad(std::move(out), start, end_of(call), ctx));
  }
};

}  // namespace

extern const RuleSpec unnecessary_encode_utf8{
    .code = "UP012",
    .name = "unnecessary-encode-utf8",
    .linter = "pyupgrade",
    .kinds = {"call"},
    .doc = kDoc,
    .create = make_rule<UnnecessaryEncodeUtf8>(),
    .fix = FixAvailability::Always,
};

}  // namespace lint::rules
