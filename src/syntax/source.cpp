#include "syntax/source.h"

#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <cstring>

#include <utf8proc.h>

namespace lint {

namespace {

// Whether every byte is below 0x80, eight at a time.
bool all_ascii(std::string_view text) {
  const char* p = text.data();
  const size_t n = text.size();
  uint64_t high = 0;
  size_t i = 0;
  for (; i + 8 <= n; i += 8) {
    uint64_t word;
    std::memcpy(&word, p + i, 8);
    high |= word;
  }
  for (; i < n; ++i) high |= static_cast<unsigned char>(p[i]);
  return (high & 0x8080808080808080ull) == 0;
}

}  // namespace

LineIndex::LineIndex(std::string_view text) : text_(text) {
  const char* const data = text.data();
  const size_t n = text.size();
  starts_.push_back(0);
  if (std::memchr(data, '\r', n) == nullptr) {
    // The common case: line feeds only, found with memchr.
    for (const char* p = data; (p = static_cast<const char*>(std::memchr(p, '\n', data + n - p))) != nullptr; ++p) {
      starts_.push_back(static_cast<uint32_t>(p - data + 1));
    }
  } else {
    for (size_t i = 0; i < n; ++i) {
      const char c = text[i];
      if (c == '\n' || c == '\r') {
        if (c == '\r' && i + 1 < n && text[i + 1] == '\n') ++i;
        starts_.push_back(static_cast<uint32_t>(i + 1));
      }
    }
  }
  if (all_ascii(text)) {
    ascii_.assign(starts_.size(), true);
    return;
  }
  ascii_.reserve(starts_.size());
  for (size_t row = 0; row < starts_.size(); ++row) {
    const size_t end = row + 1 < starts_.size() ? starts_[row + 1] : n;
    ascii_.push_back(all_ascii(text.substr(starts_[row], end - starts_[row])));
  }
}

uint32_t LineIndex::row_of(uint32_t offset) const {
  auto it = std::upper_bound(starts_.begin(), starts_.end(), offset);
  return static_cast<uint32_t>(it - starts_.begin());
}

Location LineIndex::location(uint32_t offset) const {
  offset = std::min<uint32_t>(offset, static_cast<uint32_t>(text_.size()));
  const uint32_t row = row_of(offset);
  const uint32_t start = starts_[row - 1];
  uint32_t column;
  if (ascii_[row - 1]) {
    column = offset - start + 1;
  } else {
    column = static_cast<uint32_t>(count_code_points(text_.substr(start, offset - start))) + 1;
  }
  return {row, column};
}

std::string_view LineIndex::line_text(uint32_t row) const {
  const uint32_t start = starts_[row - 1];
  uint32_t end = row < starts_.size() ? starts_[row] : static_cast<uint32_t>(text_.size());
  while (end > start && (text_[end - 1] == '\n' || text_[end - 1] == '\r')) --end;
  return text_.substr(start, end - start);
}

size_t count_code_points(std::string_view text) {
  size_t count = 0;
  for (unsigned char c : text) count += (c & 0xC0) != 0x80;
  return count;
}

size_t find_invalid_utf8(std::string_view text) {
  const auto* s = reinterpret_cast<const unsigned char*>(text.data());
  const size_t n = text.size();
  size_t i = 0;
  while (i < n) {
    // Skip ASCII eight bytes at a time.
    while (i + 8 <= n) {
      uint64_t word;
      __builtin_memcpy(&word, s + i, 8);
      if (word & 0x8080808080808080ULL) break;
      i += 8;
    }
    if (i >= n) break;
    const unsigned char c = s[i];
    if (c < 0x80) { ++i; continue; }
    size_t len;
    uint32_t min;
    uint32_t cp;
    if ((c & 0xE0) == 0xC0) { len = 2; min = 0x80; cp = c & 0x1F; }
    else if ((c & 0xF0) == 0xE0) { len = 3; min = 0x800; cp = c & 0x0F; }
    else if ((c & 0xF8) == 0xF0) { len = 4; min = 0x10000; cp = c & 0x07; }
    else return i;
    if (i + len > n) return i;
    for (size_t k = 1; k < len; ++k) {
      if ((s[i + k] & 0xC0) != 0x80) return i;
      cp = (cp << 6) | (s[i + k] & 0x3F);
    }
    if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return i;
    i += len;
  }
  return std::string_view::npos;
}

bool is_ascii(std::string_view text) {
  return std::all_of(text.begin(), text.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; });
}

std::string nfkc_if_changed(std::string_view identifier) {
  if (is_ascii(identifier)) return {};
  const std::string copy(identifier);  // utf8proc reads up to a NUL
  utf8proc_uint8_t* nfkc = utf8proc_NFKC(reinterpret_cast<const utf8proc_uint8_t*>(copy.c_str()));
  if (!nfkc) return {};
  std::string result(reinterpret_cast<const char*>(nfkc));
  std::free(nfkc);
  return result == identifier ? std::string() : result;
}

}  // namespace lint
