// Python `str` literals as Ruff sees them: which tree-sitter nodes are plain (not bytes, not
// f-strings) string literals, and their value with escape sequences decoded, as code points.
// Shared by the `%`-format (F501-F509) and `str.format` (F521-F525) rules.
#pragma once

#include <tree_sitter/api.h>

#include <cstdint>
#include <string>
#include <string_view>

#include "syntax/node.h"

namespace lint::rules::pyfmt {

// Shared with every family (syntax/node.h).
using lint::is_plain_str_part;
using lint::is_str_literal;
using lint::literal_prefix;
using lint::prefix_contains;

namespace detail {

struct UnicodeName {
  const char* name;
  char32_t code;
};

// The names `\N{...}` can use for ASCII characters (the ones that matter to format strings).
inline constexpr UnicodeName kAsciiNames[] = {
    {"SPACE", 0x20},
    {"EXCLAMATION MARK", 0x21},
    {"QUOTATION MARK", 0x22},
    {"NUMBER SIGN", 0x23},
    {"DOLLAR SIGN", 0x24},
    {"PERCENT SIGN", 0x25},
    {"AMPERSAND", 0x26},
    {"APOSTROPHE", 0x27},
    {"LEFT PARENTHESIS", 0x28},
    {"RIGHT PARENTHESIS", 0x29},
    {"ASTERISK", 0x2A},
    {"PLUS SIGN", 0x2B},
    {"COMMA", 0x2C},
    {"HYPHEN-MINUS", 0x2D},
    {"FULL STOP", 0x2E},
    {"SOLIDUS", 0x2F},
    {"DIGIT ZERO", 0x30},
    {"DIGIT ONE", 0x31},
    {"DIGIT TWO", 0x32},
    {"DIGIT THREE", 0x33},
    {"DIGIT FOUR", 0x34},
    {"DIGIT FIVE", 0x35},
    {"DIGIT SIX", 0x36},
    {"DIGIT SEVEN", 0x37},
    {"DIGIT EIGHT", 0x38},
    {"DIGIT NINE", 0x39},
    {"COLON", 0x3A},
    {"SEMICOLON", 0x3B},
    {"LESS-THAN SIGN", 0x3C},
    {"EQUALS SIGN", 0x3D},
    {"GREATER-THAN SIGN", 0x3E},
    {"QUESTION MARK", 0x3F},
    {"COMMERCIAL AT", 0x40},
    {"LATIN CAPITAL LETTER A", 0x41},
    {"LATIN CAPITAL LETTER B", 0x42},
    {"LATIN CAPITAL LETTER C", 0x43},
    {"LATIN CAPITAL LETTER D", 0x44},
    {"LATIN CAPITAL LETTER E", 0x45},
    {"LATIN CAPITAL LETTER F", 0x46},
    {"LATIN CAPITAL LETTER G", 0x47},
    {"LATIN CAPITAL LETTER H", 0x48},
    {"LATIN CAPITAL LETTER I", 0x49},
    {"LATIN CAPITAL LETTER J", 0x4A},
    {"LATIN CAPITAL LETTER K", 0x4B},
    {"LATIN CAPITAL LETTER L", 0x4C},
    {"LATIN CAPITAL LETTER M", 0x4D},
    {"LATIN CAPITAL LETTER N", 0x4E},
    {"LATIN CAPITAL LETTER O", 0x4F},
    {"LATIN CAPITAL LETTER P", 0x50},
    {"LATIN CAPITAL LETTER Q", 0x51},
    {"LATIN CAPITAL LETTER R", 0x52},
    {"LATIN CAPITAL LETTER S", 0x53},
    {"LATIN CAPITAL LETTER T", 0x54},
    {"LATIN CAPITAL LETTER U", 0x55},
    {"LATIN CAPITAL LETTER V", 0x56},
    {"LATIN CAPITAL LETTER W", 0x57},
    {"LATIN CAPITAL LETTER X", 0x58},
    {"LATIN CAPITAL LETTER Y", 0x59},
    {"LATIN CAPITAL LETTER Z", 0x5A},
    {"LEFT SQUARE BRACKET", 0x5B},
    {"REVERSE SOLIDUS", 0x5C},
    {"RIGHT SQUARE BRACKET", 0x5D},
    {"CIRCUMFLEX ACCENT", 0x5E},
    {"LOW LINE", 0x5F},
    {"GRAVE ACCENT", 0x60},
    {"LATIN SMALL LETTER A", 0x61},
    {"LATIN SMALL LETTER B", 0x62},
    {"LATIN SMALL LETTER C", 0x63},
    {"LATIN SMALL LETTER D", 0x64},
    {"LATIN SMALL LETTER E", 0x65},
    {"LATIN SMALL LETTER F", 0x66},
    {"LATIN SMALL LETTER G", 0x67},
    {"LATIN SMALL LETTER H", 0x68},
    {"LATIN SMALL LETTER I", 0x69},
    {"LATIN SMALL LETTER J", 0x6A},
    {"LATIN SMALL LETTER K", 0x6B},
    {"LATIN SMALL LETTER L", 0x6C},
    {"LATIN SMALL LETTER M", 0x6D},
    {"LATIN SMALL LETTER N", 0x6E},
    {"LATIN SMALL LETTER O", 0x6F},
    {"LATIN SMALL LETTER P", 0x70},
    {"LATIN SMALL LETTER Q", 0x71},
    {"LATIN SMALL LETTER R", 0x72},
    {"LATIN SMALL LETTER S", 0x73},
    {"LATIN SMALL LETTER T", 0x74},
    {"LATIN SMALL LETTER U", 0x75},
    {"LATIN SMALL LETTER V", 0x76},
    {"LATIN SMALL LETTER W", 0x77},
    {"LATIN SMALL LETTER X", 0x78},
    {"LATIN SMALL LETTER Y", 0x79},
    {"LATIN SMALL LETTER Z", 0x7A},
    {"LEFT CURLY BRACKET", 0x7B},
    {"VERTICAL LINE", 0x7C},
    {"RIGHT CURLY BRACKET", 0x7D},
    {"TILDE", 0x7E},
    {"NULL", 0x00},
    {"NUL", 0x00},
    {"CHARACTER TABULATION", 0x09},
    {"HORIZONTAL TABULATION", 0x09},
    {"TAB", 0x09},
    {"HT", 0x09},
    {"LINE FEED", 0x0A},
    {"NEW LINE", 0x0A},
    {"END OF LINE", 0x0A},
    {"LF", 0x0A},
    {"NL", 0x0A},
    {"EOL", 0x0A},
    {"LINE TABULATION", 0x0B},
    {"VERTICAL TABULATION", 0x0B},
    {"VT", 0x0B},
    {"FORM FEED", 0x0C},
    {"FF", 0x0C},
    {"CARRIAGE RETURN", 0x0D},
    {"CR", 0x0D},
    {"ESCAPE", 0x1B},
    {"ESC", 0x1B},
    {"SP", 0x20},
    {"DELETE", 0x7F},
    {"DEL", 0x7F},
};

inline bool name_equals(std::string_view a, const char* b) {
  size_t i = 0;
  for (; i < a.size(); ++i) {
    if (b[i] == '\0') return false;
    char c = a[i];
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
    if (c != b[i]) return false;
  }
  return b[i] == '\0';
}

// Decodes one UTF-8 sequence at `s[i]`, advancing `i`.
inline char32_t next_code_point(std::string_view s, size_t& i) {
  const auto b0 = static_cast<unsigned char>(s[i]);
  if (b0 < 0x80) {
    ++i;
    return b0;
  }
  int extra = 0;
  char32_t cp = 0;
  if ((b0 & 0xE0) == 0xC0) {
    extra = 1;
    cp = b0 & 0x1F;
  } else if ((b0 & 0xF0) == 0xE0) {
    extra = 2;
    cp = b0 & 0x0F;
  } else if ((b0 & 0xF8) == 0xF0) {
    extra = 3;
    cp = b0 & 0x07;
  } else {
    ++i;
    return 0xFFFD;
  }
  ++i;
  for (int k = 0; k < extra && i < s.size(); ++k, ++i) {
    cp = (cp << 6) | (static_cast<unsigned char>(s[i]) & 0x3F);
  }
  return cp;
}

inline int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// Appends the value of the body of one literal (between its quotes).
inline void decode_body(std::string_view body, bool raw, std::u32string& out) {
  size_t i = 0;
  const size_t n = body.size();
  while (i < n) {
    if (body[i] != '\\' || raw || i + 1 >= n) {
      out.push_back(next_code_point(body, i));
      continue;
    }
    const char e = body[i + 1];
    switch (e) {
      case '\n':
        i += 2;
        continue;
      case '\r':
        i += 2;
        if (i < n && body[i] == '\n') ++i;
        continue;
      case '\\': case '\'': case '"':
        out.push_back(static_cast<char32_t>(e));
        i += 2;
        continue;
      case 'a': out.push_back(7); i += 2; continue;
      case 'b': out.push_back(8); i += 2; continue;
      case 'f': out.push_back(12); i += 2; continue;
      case 'n': out.push_back(10); i += 2; continue;
      case 'r': out.push_back(13); i += 2; continue;
      case 't': out.push_back(9); i += 2; continue;
      case 'v': out.push_back(11); i += 2; continue;
      default:
        break;
    }
    if (e >= '0' && e <= '7') {
      char32_t v = 0;
      size_t j = i + 1;
      for (int k = 0; k < 3 && j < n && body[j] >= '0' && body[j] <= '7'; ++k, ++j) v = v * 8 + (body[j] - '0');
      out.push_back(v);
      i = j;
      continue;
    }
    if (e == 'x' || e == 'u' || e == 'U') {
      const int digits = e == 'x' ? 2 : e == 'u' ? 4 : 8;
      char32_t v = 0;
      size_t j = i + 2;
      int k = 0;
      for (; k < digits && j < n && hex_value(body[j]) >= 0; ++k, ++j) v = v * 16 + hex_value(body[j]);
      if (k == digits) {
        out.push_back(v);
        i = j;
        continue;
      }
    } else if (e == 'N' && i + 2 < n && body[i + 2] == '{') {
      const size_t close = body.find('}', i + 3);
      if (close != std::string_view::npos) {
        const std::string_view name = body.substr(i + 3, close - (i + 3));
        char32_t v = 0xFFFD;  // a character that is special to no format syntax
        for (const UnicodeName& entry : kAsciiNames) {
          if (name_equals(name, entry.name)) {
            v = entry.code;
            break;
          }
        }
        out.push_back(v);
        i = close + 1;
        continue;
      }
    }
    // Not an escape sequence: the backslash stays.
    out.push_back('\\');
    ++i;
  }
}

}  // namespace detail

// Appends the value of a `str` literal node (`string` or `concatenated_string`) to `out`.
// Returns false when a part is not a well-formed literal.
inline bool decode_str_literal(TSNode n, std::string_view source, std::u32string& out) {
  auto decode_part = [&](TSNode part) {
    const uint32_t start = ts_node_start_byte(part);
    const std::string_view text = source.substr(start, ts_node_end_byte(part) - start);
    const std::string_view prefix = literal_prefix(text);
    const size_t p = prefix.size();
    if (p >= text.size()) return false;
    const char q = text[p];
    size_t quotes = 1;
    if (text.size() >= p + 6 && text[p + 1] == q && text[p + 2] == q) quotes = 3;
    if (text.size() < p + 2 * quotes) return false;
    detail::decode_body(text.substr(p + quotes, text.size() - p - 2 * quotes), prefix_contains(prefix, 'r'), out);
    return true;
  };
  if (is(n, "string")) return decode_part(n);
  for (TSNode part : children(n)) {
    if (is(part, "string") && !decode_part(part)) return false;
  }
  return true;
}

// UTF-8 encoding of code points, for messages.
inline void append_utf8(std::string& out, char32_t c) {
  if (c < 0x80) {
    out.push_back(static_cast<char>(c));
  } else if (c < 0x800) {
    out.push_back(static_cast<char>(0xC0 | (c >> 6)));
    out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
  } else if (c < 0x10000) {
    out.push_back(static_cast<char>(0xE0 | (c >> 12)));
    out.push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
  } else {
    out.push_back(static_cast<char>(0xF0 | (c >> 18)));
    out.push_back(static_cast<char>(0x80 | ((c >> 12) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
  }
}

inline std::string to_utf8(std::u32string_view s) {
  std::string out;
  out.reserve(s.size());
  for (char32_t c : s) append_utf8(out, c);
  return out;
}

}  // namespace lint::rules::pyfmt
