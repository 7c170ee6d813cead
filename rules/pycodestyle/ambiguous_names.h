// Shared by E741, E742 and E743: the names PEP 8 says never to use.
#pragma once

#include <string>
#include <string_view>

namespace lint::rules {

// `l`, `O` and `I`: easily confused with `1`, `0` and each other.
inline bool is_ambiguous_name(std::string_view name) {
  return name.size() == 1 && (name[0] == 'l' || name[0] == 'O' || name[0] == 'I');
}

inline std::string ambiguous_name_message(std::string_view prefix, std::string_view name) {
  std::string m;
  m.reserve(prefix.size() + name.size() + 1);
  m += prefix;
  m += name;
  m += '`';
  return m;
}

}  // namespace lint::rules
