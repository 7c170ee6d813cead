// What a rule reports.
#pragma once

#include <cstdint>
#include <string>

#include "source.h"

namespace lint {

struct RuleSpec;

struct Diagnostic {
  const RuleSpec* rule = nullptr;  // null for a syntax error
  std::string message;
  uint32_t start_byte = 0;
  uint32_t end_byte = 0;
  Location start;  // filled from the byte range once the rule has run
  Location end;
};

}  // namespace lint
