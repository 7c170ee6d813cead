// `printf`-style format strings, parsed into literal text and conversion specifiers as Ruff's
// ruff_python_literal::cformat parses them, for UP031. UP031 parses the source text of each part
// of the literal (escapes as written), not its value.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace lint::rules::up {

enum CFlag : uint8_t {
  kAlternateForm = 1 << 0,  // #
  kZeroPad = 1 << 1,        // 0
  kLeftAdjust = 1 << 2,     // -
  kBlankSign = 1 << 3,      // ' '
  kSignChar = 1 << 4,       // +
};

// A width or precision: absent, a number, or `*` (taken from the arguments).
struct CQuantity {
  enum Kind : uint8_t { None, Amount, Star } kind = None;
  uint64_t amount = 0;
};

struct CSpec {
  bool has_key = false;
  std::string key;       // the mapping key, as written
  uint8_t flags = 0;
  CQuantity width;
  bool has_precision = false;  // a `.`; `precision.kind == None` after it is a bare `.`
  CQuantity precision;
  char32_t conversion = 0;
};

struct CPart {
  bool literal = true;
  std::string text;  // a literal's text (`%%` already made `%`)
  CSpec spec;
};

namespace cformat_detail {

inline bool is_digit(char c) { return c >= '0' && c <= '9'; }

// A number or `*`; false when the number does not fit Ruff's i32.
inline bool parse_quantity(std::string_view s, size_t& i, CQuantity& q) {
  q = {};
  if (i >= s.size()) return true;
  if (s[i] == '*') {
    ++i;
    q.kind = CQuantity::Star;
    return true;
  }
  if (!is_digit(s[i])) return true;
  int64_t n = s[i++] - '0';
  while (i < s.size() && is_digit(s[i])) {
    n = n * 10 + (s[i++] - '0');
    if (n > INT32_MAX) return false;
  }
  q.kind = CQuantity::Amount;
  q.amount = static_cast<uint64_t>(n);
  return true;
}

// The code point at byte i (UTF-8), advancing i.
inline char32_t next_char(std::string_view s, size_t& i) {
  const unsigned char c = static_cast<unsigned char>(s[i]);
  int len = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
  char32_t cp = len == 1 ? c : len == 2 ? (c & 0x1F) : len == 3 ? (c & 0x0F) : (c & 0x07);
  for (int k = 1; k < len && i + k < s.size(); ++k) cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
  i += len;
  return cp;
}

}  // namespace cformat_detail

// Parses a format string; false where Ruff's parser reports an error.
inline bool parse_cformat(std::string_view s, std::vector<CPart>& parts) {
  using namespace cformat_detail;
  parts.clear();
  std::string literal;
  size_t i = 0;
  while (i < s.size()) {
    if (s[i] != '%') {
      literal += s[i++];
      continue;
    }
    ++i;
    if (i >= s.size()) return false;  // a lone `%` at the end
    if (s[i] == '%') {
      literal += '%';
      ++i;
      continue;
    }
    if (!literal.empty()) {
      parts.push_back({true, std::move(literal), {}});
      literal.clear();
    }
    CSpec spec;
    if (s[i] == '(') {
      ++i;
      int depth = 1;
      for (;;) {
        if (i >= s.size()) return false;
        const char c = s[i++];
        if (c == '(') ++depth;
        if (c == ')') --depth;
        if (depth == 0) break;
        spec.key += c;
      }
      spec.has_key = true;
    }
    for (; i < s.size(); ++i) {
      const char c = s[i];
      if (c == '#') spec.flags |= kAlternateForm;
      else if (c == '0') spec.flags |= kZeroPad;
      else if (c == '-') spec.flags |= kLeftAdjust;
      else if (c == ' ') spec.flags |= kBlankSign;
      else if (c == '+') spec.flags |= kSignChar;
      else break;
    }
    if (!parse_quantity(s, i, spec.width)) return false;
    if (i < s.size() && s[i] == '.') {
      ++i;
      spec.has_precision = true;
      if (!parse_quantity(s, i, spec.precision)) return false;
    }
    if (i < s.size() && (s[i] == 'h' || s[i] == 'l' || s[i] == 'L')) ++i;
    if (i >= s.size()) return false;
    const char32_t c = next_char(s, i);
    switch (c) {
      case 'd': case 'i': case 'u': case 'o': case 'x': case 'X': case 'e': case 'E': case 'f': case 'F':
      case 'g': case 'G': case 'c': case 'r': case 's': case 'a':
        break;
      default:
        return false;
    }
    spec.conversion = c;
    parts.push_back({false, {}, std::move(spec)});
  }
  if (!literal.empty()) parts.push_back({true, std::move(literal), {}});
  return true;
}

// Ruff's curly_escape: braces doubled, except inside a `\N{...}` escape.
inline std::string curly_escape(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '\\' && i + 2 < s.size() && s[i + 1] == 'N' && s[i + 2] == '{') {
      const size_t close = s.find('}', i + 3);
      if (close != std::string_view::npos && close > i + 3) {
        out.append(s.substr(i, close + 1 - i));
        i = close;
        continue;
      }
    }
    if (s[i] == '{' || s[i] == '}') out += s[i];
    out += s[i];
  }
  return out;
}

}  // namespace lint::rules::up
