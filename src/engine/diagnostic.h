// What a rule reports.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "fix/fix.h"
#include "syntax/source.h"

namespace lint {

struct RuleSpec;

struct Diagnostic {
  const RuleSpec* rule = nullptr;  // null for a syntax error
  std::string message;
  uint32_t start_byte = 0;
  uint32_t end_byte = 0;
  Location start;  // filled from the byte range once the rule has run
  Location end;
  // Ruff's "parent": a second offset whose line's `# noqa` comment also applies (for F401 and
  // F811, the start of the `from ... import` statement). kNoParent when there is none.
  static constexpr uint32_t kNoParent = UINT32_MAX;
  uint32_t parent_byte = kNoParent;
  // The row whose `# noqa` comment applies (the last line of a multi-line string or of continued
  // lines); 0 until the noqa pass computes it, which it does only for the JSON formats.
  uint32_t noqa_row = 0;
  // What to do about it (Ruff's help line: "Remove unused import"), shown by `full` output and
  // as the JSON fix's `message`; and the fix itself, when the rule can make one here.
  std::string fix_title;
  std::optional<Fix> fix;
};

}  // namespace lint
