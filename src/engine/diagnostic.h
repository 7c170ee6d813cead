// What a rule reports.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "fix/fix.h"
#include "syntax/source.h"

namespace lint {

struct RuleSpec;

// A further place a diagnostic points at, and what to say there (Ruff's secondary annotation:
// F811's "previous definition of `x` here"). `full` output marks it with `-` and `github`
// output names it on a line of its own.
struct Annotation {
  uint32_t start_byte = 0;
  uint32_t end_byte = 0;
  Location start;  // filled from the byte range, as the diagnostic's own
  Location end;
  std::string message;
};

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
  // Ruff's primary annotation message: `full` output writes it beside the carets and leaves it
  // out of the headline; everywhere else `message`, which then ends with ": " + label, is
  // shown whole (Ruff's concise message).
  std::string label;
  std::vector<Annotation> secondary;

  void annotate(uint32_t start, uint32_t end, std::string annotation) {
    Annotation a;
    a.start_byte = start;
    a.end_byte = end;
    a.message = std::move(annotation);
    secondary.push_back(std::move(a));
  }
};

// The message without its label: the headline of `full` output.
inline std::string_view headline(const Diagnostic& d) {
  std::string_view m = d.message;
  if (!d.label.empty() && m.size() > d.label.size() + 2 && m.ends_with(d.label) &&
      m.substr(m.size() - d.label.size() - 2, 2) == ": ") {
    m.remove_suffix(d.label.size() + 2);
  }
  return m;
}

}  // namespace lint
