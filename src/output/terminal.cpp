#include "output/terminal.h"

#include <cstdint>

namespace lint {

namespace {

constexpr std::string_view kReplacement = "\xEF\xBF\xBD";  // U+FFFD

// The code point of a well-formed UTF-8 sequence of `len` bytes, or -1.
int32_t decode(std::string_view c) {
  const auto b = [&](size_t k) { return static_cast<unsigned char>(c[k]); };
  switch (c.size()) {
    case 1: return b(0) < 0x80 ? b(0) : -1;
    case 2: return ((b(0) & 0x1F) << 6) | (b(1) & 0x3F);
    case 3: return ((b(0) & 0x0F) << 12) | ((b(1) & 0x3F) << 6) | (b(2) & 0x3F);
    case 4: return ((b(0) & 0x07) << 18) | ((b(1) & 0x3F) << 12) | ((b(2) & 0x3F) << 6) | (b(3) & 0x3F);
    default: return -1;
  }
}

void append_code_point(std::string& out, uint32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

bool is_bidi_control(int32_t cp) { return (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069); }

// What a character is shown as: itself (`keep`), nothing, a control picture or U+FFFD.
enum class Shown { Keep, Drop, Picture, Replacement };

Shown classify(std::string_view character, int32_t& cp) {
  cp = decode(character);
  if (cp < 0) return Shown::Replacement;
  if (cp == '\t' || cp == '\n') return Shown::Keep;
  if (cp < 0x20 || cp == 0x7F) return Shown::Picture;
  if (cp >= 0x80 && cp <= 0x9F) return Shown::Replacement;
  if (cp == 0x200D) return Shown::Drop;
  if (is_bidi_control(cp)) return Shown::Replacement;
  return Shown::Keep;
}

std::string escaped(std::string_view text, bool one_line) {
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size();) {
    const size_t len = utf8_sequence_length(text, i);
    const std::string_view c = text.substr(i, len);
    if (one_line && (c == "\n" || c == "\t")) {
      append_code_point(out, 0x2400 + static_cast<unsigned char>(c[0]));
    } else {
      append_for_terminal(out, c);
    }
    i += len;
  }
  return out;
}

}  // namespace

size_t utf8_sequence_length(std::string_view text, size_t i) {
  const auto c = static_cast<unsigned char>(text[i]);
  const size_t len = c < 0x80 ? 1 : (c & 0xE0) == 0xC0 ? 2 : (c & 0xF0) == 0xE0 ? 3 : (c & 0xF8) == 0xF0 ? 4 : 1;
  if (len == 1 || i + len > text.size()) return 1;
  for (size_t k = 1; k < len; ++k) {
    if ((static_cast<unsigned char>(text[i + k]) & 0xC0) != 0x80) return 1;
  }
  const auto b1 = static_cast<unsigned char>(text[i + 1]);
  if (len == 2 && c < 0xC2) return 1;                                  // overlong
  if (len == 3 && ((c == 0xE0 && b1 < 0xA0) || (c == 0xED && b1 >= 0xA0))) return 1;  // overlong, surrogate
  if (len == 4 && ((c == 0xF0 && b1 < 0x90) || c > 0xF4 || (c == 0xF4 && b1 >= 0x90))) return 1;  // overlong, too large
  return len;
}

size_t append_for_terminal(std::string& out, std::string_view character) {
  int32_t cp = 0;
  switch (classify(character, cp)) {
    case Shown::Keep:
      out.append(character);
      return 1;
    case Shown::Drop:
      return 0;
    case Shown::Picture:
      append_code_point(out, cp == 0x7F ? 0x2421 : 0x2400 + static_cast<uint32_t>(cp));
      return 1;
    case Shown::Replacement:
      out.append(kReplacement);
      return 1;
  }
  return 1;
}

std::string terminal_text(std::string_view text) {
  if (!needs_terminal_escaping(text)) return std::string(text);
  return escaped(text, false);
}

std::string terminal_line(std::string_view text) { return escaped(text, true); }

bool needs_terminal_escaping(std::string_view text) {
  for (size_t i = 0; i < text.size();) {
    const auto b = static_cast<unsigned char>(text[i]);
    if (b >= 0x20 && b < 0x7F) {
      ++i;
      continue;
    }
    const size_t len = utf8_sequence_length(text, i);
    int32_t cp = 0;
    if (classify(text.substr(i, len), cp) != Shown::Keep) return true;
    i += len;
  }
  return false;
}

}  // namespace lint
