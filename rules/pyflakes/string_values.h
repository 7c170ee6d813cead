// The values of Python string literals, shared by F601, F602 and F722.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace lint::rules {

inline void append_utf8(std::string& out, uint32_t cp) {
  if (cp < 0x80) {
    out.push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out.push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

inline int hex_digit_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// Appends the value of a string literal's body (between the quotes) to `out`: UTF-8 for text,
// the bytes themselves for bytes. `\N{NAME}` escapes are kept by name between 0xFF bytes, which
// valid UTF-8 never holds (the name database is not at hand).
inline void decode_string_body(std::string_view body, bool raw, bool bytes, bool fstring, std::string& out) {
  const size_t n = body.size();
  for (size_t i = 0; i < n; ++i) {
    const char c = body[i];
    if (c == '\r') {
      out.push_back('\n');
      if (i + 1 < n && body[i + 1] == '\n') ++i;
      continue;
    }
    if (fstring && (c == '{' || c == '}') && i + 1 < n && body[i + 1] == c) {
      out.push_back(c);
      ++i;
      continue;
    }
    if (c != '\\' || raw || i + 1 >= n) {
      out.push_back(c);
      continue;
    }
    const char e = body[++i];
    switch (e) {
      case '\n': continue;
      case '\r':
        if (i + 1 < n && body[i + 1] == '\n') ++i;
        continue;
      case '\\': case '\'': case '"': out.push_back(e); continue;
      case 'a': out.push_back('\a'); continue;
      case 'b': out.push_back('\b'); continue;
      case 'f': out.push_back('\f'); continue;
      case 'n': out.push_back('\n'); continue;
      case 'r': out.push_back('\r'); continue;
      case 't': out.push_back('\t'); continue;
      case 'v': out.push_back('\v'); continue;
      default: break;
    }
    if (e >= '0' && e <= '7') {
      uint32_t v = static_cast<uint32_t>(e - '0');
      for (int k = 0; k < 2 && i + 1 < n && body[i + 1] >= '0' && body[i + 1] <= '7'; ++k) v = v * 8 + (body[++i] - '0');
      if (bytes) {
        out.push_back(static_cast<char>(v & 0xFF));
      } else {
        append_utf8(out, v);
      }
      continue;
    }
    const int digits = e == 'x' ? 2 : (!bytes && e == 'u') ? 4 : (!bytes && e == 'U') ? 8 : 0;
    if (digits > 0 && i + digits < n) {
      uint32_t v = 0;
      bool ok = true;
      for (int k = 1; k <= digits; ++k) {
        const int h = hex_digit_value(body[i + k]);
        if (h < 0) ok = false;
        v = v * 16 + static_cast<uint32_t>(h < 0 ? 0 : h);
      }
      if (ok) {
        i += digits;
        if (bytes) {
          out.push_back(static_cast<char>(v & 0xFF));
        } else {
          append_utf8(out, v);
        }
        continue;
      }
    }
    if (!bytes && e == 'N' && i + 1 < n && body[i + 1] == '{') {
      const size_t close = body.find('}', i + 2);
      if (close != std::string_view::npos) {
        out.push_back('\xFF');
        for (size_t k = i + 2; k < close; ++k) {
          const char ch = body[k];
          out.push_back(ch >= 'a' && ch <= 'z' ? static_cast<char>(ch - 'a' + 'A') : ch);
        }
        out.push_back('\xFF');
        i = close;
        continue;
      }
    }
    out.push_back('\\');
    out.push_back(e);
  }
}

// The text between the quotes of a string literal whose prefix is `prefix_len` long.
inline std::string_view string_body(std::string_view text, size_t prefix_len) {
  std::string_view rest = text.substr(prefix_len);
  if (rest.empty()) return rest;
  const char q = rest[0];
  const size_t quote = rest.size() >= 6 && rest[1] == q && rest[2] == q ? 3 : 1;
  if (rest.size() < 2 * quote) return {};
  return rest.substr(quote, rest.size() - 2 * quote);
}

}  // namespace lint::rules
