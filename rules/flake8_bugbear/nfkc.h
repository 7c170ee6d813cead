// Whether Python's NFKC normalization of identifiers (PEP 3131) changes a name. The fixes of B009
// and B010 write a string's name as an identifier, and are unsafe when it would then name
// another attribute.
#pragma once

#include <utf8proc.h>

#include <algorithm>
#include <cstdlib>
#include <string>
#include <string_view>

namespace lint::rules::bugbear {

inline bool may_change_under_nfkc(std::string_view s) {
  if (std::all_of(s.begin(), s.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; })) return false;
  const std::string copy(s);  // utf8proc reads up to a NUL
  utf8proc_uint8_t* nfkc = utf8proc_NFKC(reinterpret_cast<const utf8proc_uint8_t*>(copy.c_str()));
  if (!nfkc) return true;
  const bool changed = std::string_view(reinterpret_cast<const char*>(nfkc)) != s;
  std::free(nfkc);
  return changed;
}

}  // namespace lint::rules::bugbear
