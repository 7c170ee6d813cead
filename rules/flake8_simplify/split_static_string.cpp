#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "fix/generator.h"
#include "flake8_simplify/helpers.h"
#include "pyupgrade/edits.h"
#include "syntax/arguments.h"

namespace lint::rules {

namespace {

constexpr std::string_view kDoc = R"(## What it does
Checks for `str.split` and `str.rsplit` called on a string literal with constant arguments.

## Why is this bad?
The result is known when the code is written: a list literal states it directly and spares the
reader from working out what the split returns (and the program from computing it).

The call is left alone when its separator is neither a string literal nor `None`, or its
`maxsplit` is not an integer literal.

## Example
```python
colors = "red green blue".split()
```

Use instead:
```python
colors = ["red", "green", "blue"]
```

## Fix safety
The fix is unsafe when the call holds comments (between the parts of an implicitly concatenated
string, say): they are lost.
)";

// Python's whitespace for `str.split()` without a separator (str.isspace of one code point).
bool is_py_whitespace(uint32_t c) {
  return (c >= 0x09 && c <= 0x0D) || (c >= 0x1C && c <= 0x20) || c == 0x85 || c == 0xA0 || c == 0x1680 ||
         (c >= 0x2000 && c <= 0x200A) || c == 0x2028 || c == 0x2029 || c == 0x202F || c == 0x205F || c == 0x3000;
}

// The code point at byte `i` of UTF-8 text and its length.
uint32_t decode_at(std::string_view s, size_t i, size_t& len) {
  const auto b = static_cast<unsigned char>(s[i]);
  len = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC0 ? 2 : 1;
  if (i + len > s.size()) len = 1;
  uint32_t cp = len == 1 ? b : len == 2 ? (b & 0x1Fu) : len == 3 ? (b & 0x0Fu) : (b & 0x07u);
  for (size_t j = 1; j < len; ++j) cp = (cp << 6) | (static_cast<unsigned char>(s[i + j]) & 0x3Fu);
  return cp;
}

// The code point ending at byte `end` (exclusive) and where it starts.
uint32_t decode_before(std::string_view s, size_t end, size_t& start) {
  start = end - 1;
  while (start > 0 && (static_cast<unsigned char>(s[start]) & 0xC0) == 0x80 && end - start < 4) --start;
  size_t len = 0;
  return decode_at(s, start, len);
}

// Splitting on runs of whitespace, at most `max_split` times (negative: no limit), from the left
// or (rsplit) from the right; the pieces in source order.
std::vector<std::string> split_whitespace(std::string_view s, int64_t max_split, bool right) {
  std::vector<std::string> out;
  const auto ws_at = [&](size_t i, size_t& len) { return is_py_whitespace(decode_at(s, i, len)); };
  if (!right) {
    size_t i = 0, len = 0;
    while (i < s.size() && ws_at(i, len)) i += len;
    int64_t splits = 0;
    while (i < s.size()) {
      if (max_split >= 0 && splits >= max_split) {
        out.emplace_back(s.substr(i));
        break;
      }
      size_t j = i;
      while (j < s.size() && !ws_at(j, len)) j += len;
      out.emplace_back(s.substr(i, j - i));
      ++splits;
      i = j;
      while (i < s.size() && ws_at(i, len)) i += len;
    }
    return out;
  }
  const auto ws_before = [&](size_t end, size_t& start) { return is_py_whitespace(decode_before(s, end, start)); };
  size_t e = s.size(), start = 0;
  while (e > 0 && ws_before(e, start)) e = start;
  int64_t splits = 0;
  while (e > 0) {
    if (max_split >= 0 && splits >= max_split) {
      out.emplace_back(s.substr(0, e));
      break;
    }
    size_t b = e;
    while (b > 0 && !ws_before(b, start)) b = start;
    out.emplace_back(s.substr(b, e - b));
    ++splits;
    e = b;
    while (e > 0 && ws_before(e, start)) e = start;
  }
  return {out.rbegin(), out.rend()};
}

// Splitting on `sep` as Ruff does it (Rust's split/splitn and rsplit/rsplitn, which for an empty
// separator split between every code point and at both ends), in source order.
std::vector<std::string> split_on(std::string_view s, std::string_view sep, int64_t max_split, bool right) {
  // Where the separator matches, as [start, end) pairs, in the order the search finds them.
  std::vector<std::pair<size_t, size_t>> matches;
  if (sep.empty()) {
    std::vector<size_t> bounds{0};
    for (size_t i = 0, len = 0; i < s.size(); i += len) {
      decode_at(s, i, len);
      bounds.push_back(i + len);
    }
    for (const size_t b : bounds) matches.emplace_back(b, b);
    if (right) std::reverse(matches.begin(), matches.end());
  } else if (!right) {
    for (size_t at = s.find(sep); at != std::string_view::npos; at = s.find(sep, at + sep.size())) {
      matches.emplace_back(at, at + sep.size());
    }
  } else if (s.size() >= sep.size()) {
    for (size_t end = s.size(); end >= sep.size();) {
      const size_t at = s.rfind(sep, end - sep.size());
      if (at == std::string_view::npos) break;
      matches.emplace_back(at, at + sep.size());
      if (at < sep.size()) break;
      end = at;
    }
  }
  const size_t limit = max_split < 0 ? matches.size() : std::min(matches.size(), static_cast<size_t>(max_split));
  std::vector<std::string> out;
  if (!right) {
    size_t from = 0;
    for (size_t k = 0; k < limit; ++k) {
      out.emplace_back(s.substr(from, matches[k].first - from));
      from = matches[k].second;
    }
    out.emplace_back(s.substr(from));
    return out;
  }
  size_t to = s.size();
  for (size_t k = 0; k < limit; ++k) {
    out.emplace_back(s.substr(matches[k].second, to - matches[k].second));
    to = matches[k].first;
  }
  out.emplace_back(s.substr(0, to));
  return {out.rbegin(), out.rend()};
}

// The value of a plain string literal (or an implicit concatenation of them) and the source
// text of its first part; nothing for bytes, f-strings and t-strings.
std::optional<std::string> str_value(TSNode n, const Context& ctx, std::string_view* first) {
  n = unparenthesized(n);
  if (!is(n, "string") && !is(n, "concatenated_string")) return std::nullopt;
  const std::vector<TSNode> parts = simplify::truth_detail::string_parts(n);
  if (parts.empty()) return std::nullopt;
  std::string value;
  for (const TSNode part : parts) {
    const std::string_view text = ctx.text(part);
    const size_t pl = simplify::truth_detail::prefix_length(text);
    const std::string_view prefix = text.substr(0, pl);
    if (simplify::truth_detail::prefix_has(prefix, 'f') || simplify::truth_detail::prefix_has(prefix, 't') ||
        simplify::truth_detail::prefix_has(prefix, 'b')) {
      return std::nullopt;
    }
    decode_string_body(string_body(text, pl), simplify::truth_detail::prefix_has(prefix, 'r'), false, false, value);
  }
  if (first) *first = ctx.text(parts[0]);
  return value;
}

// The `maxsplit` argument's value: -1 without one, nothing when it is not an integer literal
// (optionally negated) that fits in 32 bits.
std::optional<int64_t> maxsplit_value(TSNode arg, const Context& ctx) {
  if (ts_node_is_null(arg)) return -1;
  arg = unparenthesized(arg);
  bool negative = false;
  if (is(arg, "unary_operator")) {
    if (ctx.text(field(arg, "operator")) != "-") return std::nullopt;
    negative = true;
    arg = unparenthesized(field(arg, "argument"));
  }
  if (!is(arg, "integer")) return std::nullopt;
  std::string digits;
  for (const char c : ctx.text(arg)) {
    if (c != '_') digits += c;
  }
  int base = 10;
  size_t at = 0;
  if (digits.size() > 1 && digits[0] == '0') {
    const char b = static_cast<char>(digits[1] | 0x20);
    base = b == 'x' ? 16 : b == 'o' ? 8 : b == 'b' ? 2 : 10;
    if (base != 10) at = 2;
  }
  if (at >= digits.size()) return std::nullopt;
  int64_t v = 0;
  for (size_t i = at; i < digits.size(); ++i) {
    const int d = hex_digit_value(digits[i]);
    if (d < 0 || d >= base) return std::nullopt;
    v = v * base + d;
    if (v > INT32_MAX) return std::nullopt;
  }
  return negative ? -v : v;
}

// One element of the list literal: a string with the first part's prefix and quotes, single
// quoted (a raw string takes the other quote, or keeps triple quotes, when its value holds its
// own quote).
std::string element(std::string_view value, std::string_view like) {
  const size_t pl = simplify::truth_detail::prefix_length(like);
  const std::string_view prefix = like.substr(0, pl);
  if (!simplify::truth_detail::prefix_has(prefix, 'r')) return codegen::string_literal_like(value, like, false);
  const char quote = like[pl];
  const char other = quote == '"' ? '\'' : '"';
  const bool triple = like.size() >= pl + 6 && like[pl + 1] == quote && like[pl + 2] == quote;
  std::string out(prefix.find('R') != std::string_view::npos ? "R" : "r");
  std::string quotes(1, quote);
  if (value.find(quote) != std::string_view::npos) {
    if (value.find(other) == std::string_view::npos) quotes = std::string(1, other);
    else if (triple) quotes = std::string(3, quote);
  }
  out += quotes;
  out += value;
  out += quotes;
  return out;
}

class SplitStaticString final : public Rule {
 public:
  void enter(TSNode node, Context& ctx) override {
    const TSNode function = unparenthesized(field(node, "function"));
    if (!is(function, "attribute")) return;
    const std::string_view method = ctx.text(field(function, "attribute"));
    if (method != "split" && method != "rsplit") return;
    std::string_view like;
    const std::optional<std::string> value = str_value(field(function, "object"), ctx, &like);
    if (!value) return;
    const CallArguments& args = call_arguments(node, ctx);
    const std::optional<int64_t> max_split = maxsplit_value(args.argument("maxsplit", 1, ctx), ctx);
    if (!max_split) return;
    const bool right = method == "rsplit";
    std::vector<std::string> items;
    const TSNode sep = unparenthesized(args.argument("sep", 0, ctx));
    if (ts_node_is_null(sep) || is(sep, "none")) {
      items = split_whitespace(*value, *max_split, right);
    } else {
      const std::optional<std::string> sep_value = str_value(sep, ctx, nullptr);
      if (!sep_value) return;
      items = split_on(*value, *sep_value, *max_split, right);
    }
    Diagnostic& d = report(ctx, node, "Consider using a list literal instead of `str." + std::string(method) + "`");
    d.fix_title = "Replace with list literal";
    // `\N{...}` escapes are not decoded (no name database): leave those unfixed.
    if (value->find('\xFF') != std::string::npos) return;
    std::string list = "[";
    for (size_t i = 0; i < items.size(); ++i) {
      if (i > 0) list += ", ";
      list += element(items[i], like);
    }
    list += "]";
    const uint32_t start = ts_node_start_byte(node), end = ts_node_end_byte(node);
    const Edit edit = Edit::replace(start, end, std::move(list));
    d.fix = up::has_comment(node, start, end) ? Fix::unsafe(edit) : Fix::safe(edit);
  }
};

}  // namespace

extern const RuleSpec split_static_string{
    .code = "SIM905",
    .name = "split-static-string",
    .linter = "flake8-simplify",
    .kinds = {"call"},
    .doc = kDoc,
    .create = make_rule<SplitStaticString>(),
    .fix = FixAvailability::Sometimes,
};

}  // namespace lint::rules
