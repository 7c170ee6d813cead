// Applying the fixes of one lint pass to a file's text, as Ruff does: the fixes that apply at the
// required level, in order of their first edit (F811's before every other, since removing a
// redefinition can also remove an unused import), each taken whole or not at all; a fix whose
// new edits start at or before the end of the last applied edit waits for the next pass, and so
// does a second fix of the same isolation group. An edit identical to one already applied counts
// as applied (several diagnostics often share one edit, such as removing one import statement).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "engine/diagnostic.h"
#include "fix/fix.h"

namespace lint {

struct RuleSpec;

// How many fixes of each rule were applied, in the order each rule was first fixed.
using FixCounts = std::vector<std::pair<const RuleSpec*, size_t>>;

void add_counts(FixCounts& into, const FixCounts& more);

struct AppliedFixes {
  std::string text;  // the new text; meaningful only when `counts` is not empty
  FixCounts counts;
  // The edits applied, in order: the range of the old text each replaced, and the length of its
  // replacement (to move other offsets, such as a notebook's cell starts, with the text).
  struct Applied {
    uint32_t start, end, length;
  };
  std::vector<Applied> edits;
};

// Applies to `text` the fixes of `diagnostics` (sorted by position) that apply at `required`.
// `text` is what the rules saw: offsets are byte offsets into it.
AppliedFixes apply_fixes(std::string_view text, const std::vector<Diagnostic>& diagnostics, Applicability required);

}  // namespace lint
