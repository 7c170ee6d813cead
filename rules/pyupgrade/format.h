// `str.format` templates as UP030 and UP032 rewrite them: Ruff's ruff_python_literal::format
// parser run on the source text of each string token (escapes as written), field names split
// into their parts, and the text edits the two rules make.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace lint::rules::up {

struct FormatPart {
  bool literal = true;
  std::string text;          // a literal's text, `{{` and `}}` undoubled
  std::string field_name;    // a field's `name.attr[key]`
  bool has_conversion = false;
  std::string conversion;    // the one character after `!`
  std::string format_spec;   // after `:`, as written
};

namespace format_detail {

// The length of the UTF-8 character starting at s[i].
inline size_t char_len(std::string_view s, size_t i) {
  const unsigned char c = static_cast<unsigned char>(s[i]);
  const size_t n = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
  return i + n <= s.size() ? n : s.size() - i;
}

// Literal text up to the first brace that is not doubled; false when there is none at the start.
inline bool parse_literal(std::string_view& text, bool raw, FormatPart& out) {
  std::string result;
  bool pending_escape = false;
  while (!text.empty()) {
    if (!raw && pending_escape && text.starts_with("N{")) {
      const size_t close = text.find('}');
      if (close != std::string_view::npos) {
        result.append(text.substr(0, close + 1));
        text.remove_prefix(close + 1);
        pending_escape = false;
        continue;
      }
    }
    const char c = text[0];
    if (c == '{' || c == '}') {
      if (text.size() < 2 || text[1] != c) {
        if (result.empty()) return false;
        break;
      }
      result += c;
      text.remove_prefix(2);
      pending_escape = false;
      continue;
    }
    const size_t n = char_len(text, 0);
    result.append(text.substr(0, n));
    text.remove_prefix(n);
    pending_escape = c == '\\' && !pending_escape;
  }
  out = FormatPart{true, std::move(result), {}, false, {}, {}};
  return true;
}

// A `{...}` field (one level of nested braces allowed in it); false on a malformed one.
inline bool parse_field(std::string_view& text, FormatPart& out) {
  if (text.empty() || text[0] != '{') return false;
  bool nested = false;
  size_t i = 1;
  for (; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '{') {
      if (nested) return false;
      nested = true;
    } else if (c == '}') {
      if (!nested) break;
      nested = false;
    }
  }
  if (i >= text.size()) return false;
  const std::string_view inside = text.substr(1, i - 1);
  text.remove_prefix(i + 1);
  out = FormatPart{};
  out.literal = false;
  const size_t colon = inside.find(':');
  const std::string_view arg = inside.substr(0, colon);
  if (colon != std::string_view::npos) out.format_spec = std::string(inside.substr(colon + 1));
  const size_t bang = arg.find('!');
  out.field_name = std::string(arg.substr(0, bang));
  if (bang != std::string_view::npos) {
    const std::string_view conv = arg.substr(bang + 1);
    if (conv.empty() || char_len(conv, 0) != conv.size()) return false;
    out.has_conversion = true;
    out.conversion = std::string(conv);
  }
  return true;
}

}  // namespace format_detail

// Ruff's FormatString::from_str (raw: from_raw_str, where `\N{...}` is not special).
inline bool parse_format_string(std::string_view text, bool raw, std::vector<FormatPart>& parts) {
  parts.clear();
  while (!text.empty()) {
    FormatPart part;
    if (!format_detail::parse_literal(text, raw, part) && !format_detail::parse_field(text, part)) return false;
    parts.push_back(std::move(part));
  }
  return true;
}

// Rust's `usize` parse: ASCII digits with an optional `+`, no overflow.
inline std::optional<uint64_t> parse_usize(std::string_view s) {
  if (s.starts_with('+')) s.remove_prefix(1);
  if (s.empty()) return std::nullopt;
  uint64_t v = 0;
  for (char c : s) {
    if (c < '0' || c > '9') return std::nullopt;
    const uint64_t d = static_cast<uint64_t>(c - '0');
    if (v > (UINT64_MAX - d) / 10) return std::nullopt;
    v = v * 10 + d;
  }
  return v;
}

struct FieldNamePart {
  enum Kind : uint8_t { Attribute, Index, StringIndex } kind;
  std::string text;  // the attribute or key; the index as digits
  uint64_t index = 0;
};

struct FieldName {
  enum Kind : uint8_t { Auto, Index, Keyword } kind = Auto;
  uint64_t index = 0;
  std::string keyword;
  std::vector<FieldNamePart> parts;
};

// Ruff's FieldName::parse; false on a malformed name.
inline bool parse_field_name(std::string_view s, FieldName& out) {
  out = FieldName{};
  size_t i = 0;
  while (i < s.size() && s[i] != '.' && s[i] != '[') ++i;
  const std::string_view first = s.substr(0, i);
  if (first.empty()) {
    out.kind = FieldName::Auto;
  } else if (const std::optional<uint64_t> n = parse_usize(first)) {
    out.kind = FieldName::Index;
    out.index = *n;
  } else {
    out.kind = FieldName::Keyword;
    out.keyword = std::string(first);
  }
  while (i < s.size()) {
    const char c = s[i++];
    if (c == '.') {
      const size_t start = i;
      while (i < s.size() && s[i] != '.' && s[i] != '[') ++i;
      if (i == start) return false;
      out.parts.push_back({FieldNamePart::Attribute, std::string(s.substr(start, i - start)), 0});
    } else if (c == '[') {
      const size_t start = i;
      while (i < s.size() && s[i] != ']') ++i;
      if (i >= s.size() || i == start) return false;
      const std::string_view key = s.substr(start, i - start);
      ++i;
      if (const std::optional<uint64_t> n = parse_usize(key)) {
        out.parts.push_back({FieldNamePart::Index, std::string(key), *n});
      } else {
        out.parts.push_back({FieldNamePart::StringIndex, std::string(key), 0});
      }
    } else {
      return false;
    }
  }
  return true;
}

// Ruff's curly_unescape: `{{` and `}}` made single.
inline std::string curly_unescape(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size(); ++i) {
    out += s[i];
    if ((s[i] == '{' || s[i] == '}') && i + 1 < s.size() && s[i + 1] == s[i]) ++i;
  }
  return out;
}

// UP030's rewrite of a string token: every `{<digits><text>}` field whose `{` is preceded by
// the start, a character other than `{`, or an even run of `{`, loses its digits. This follows
// the leftmost-first matching of Ruff's pattern
// `(^|[^{]|(?:\{{2})+)\{(\d+)(.*?)}` replaced by `$prefix{$fmt}`.
inline std::string remove_explicit_indices(std::string_view s) {
  std::string out;
  size_t copied = 0;
  size_t p = 0;
  // After the prefix, at q: `{`, digits, then the shortest text up to a `}` on the same line.
  auto rest = [&](size_t q, size_t& digits_end, size_t& close) {
    if (q >= s.size() || s[q] != '{') return false;
    size_t d = q + 1;
    while (d < s.size() && s[d] >= '0' && s[d] <= '9') ++d;
    if (d == q + 1) return false;
    size_t c = d;
    while (c < s.size() && s[c] != '}' && s[c] != '\n') ++c;
    if (c >= s.size() || s[c] != '}') return false;
    digits_end = d;
    close = c;
    return true;
  };
  while (p < s.size()) {
    size_t prefix_end = 0, digits_end = 0, close = 0;
    bool matched = false;
    if (p == 0 && rest(0, digits_end, close)) {
      prefix_end = 0;
      matched = true;
    }
    if (!matched && s[p] != '{') {
      const size_t next = p + format_detail::char_len(s, p);
      if (rest(next, digits_end, close)) {
        prefix_end = next;
        matched = true;
      }
    }
    if (!matched && s[p] == '{') {
      size_t k = 0;
      while (p + 2 * (k + 1) <= s.size() && s[p + 2 * k] == '{' && s[p + 2 * k + 1] == '{') ++k;
      for (; k > 0 && !matched; --k) {
        if (rest(p + 2 * k, digits_end, close)) {
          prefix_end = p + 2 * k;
          matched = true;
        }
      }
    }
    if (!matched) {
      p += format_detail::char_len(s, p);
      continue;
    }
    out.append(s.substr(copied, prefix_end - copied));
    out += '{';
    out.append(s.substr(digits_end, close - digits_end));
    out += '}';
    copied = close + 1;
    p = close + 1;
  }
  out.append(s.substr(copied));
  return out;
}

}  // namespace lint::rules::up
