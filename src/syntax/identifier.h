// Python's keywords and identifiers, for fixes that turn a string into a name (`getattr(x, "a")`
// -> `x.a`, `dict(**{"a": 1})` -> `dict(a=1)`).
#pragma once

#include <string_view>

namespace lint {

// A hard keyword (`match`, `case`, `type` and `_` are soft ones, usable as names).
inline bool is_python_keyword(std::string_view s) {
  static constexpr std::string_view kKeywords[] = {
      "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class", "continue",
      "def", "del", "elif", "else", "except", "finally", "for", "from", "global", "if", "import",
      "in", "is", "lambda", "nonlocal", "not", "or", "pass", "raise", "return", "try", "while",
      "with", "yield"};
  for (const std::string_view k : kKeywords) {
    if (k == s) return true;
  }
  return false;
}

// Ruff's `is_identifier`: a valid Python identifier (UTF-8) that is not a keyword. Characters
// beyond ASCII are taken as letters (Unicode's XID tables are not consulted).
inline bool is_python_identifier(std::string_view s) {
  if (s.empty()) return false;
  for (size_t i = 0; i < s.size(); ++i) {
    const auto c = static_cast<unsigned char>(s[i]);
    const bool letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c >= 0x80;
    const bool digit = c >= '0' && c <= '9';
    if (!(letter || (i > 0 && digit))) return false;
  }
  return !is_python_keyword(s);
}

}  // namespace lint
