// Whether a line's `# noqa` comment suppresses a code, asked while a rule runs (Ruff's
// rule_is_ignored). F401 and F811 share one fix among the names of an import statement; a name
// whose diagnostic a `# noqa` will suppress must stay out of that fix, and the noqa pass runs
// only after the rules. Only line comments count here, as in Ruff.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

#include "engine/rule.h"
#include "fix/edits.h"
#include "noqa/noqa.h"

namespace lint::rules {

class LineNoqa {
 public:
  explicit LineNoqa(const Context& ctx) : ctx_(ctx) {}

  // Whether the noqa comment on the line of `offset` (or on the last line of the string or
  // continued lines holding it) suppresses `code`.
  bool suppresses(std::string_view code, uint32_t offset) {
    const std::string_view text = ctx_.source();
    if (!mentions_) mentions_ = noqa::mentions_noqa(text);
    if (!*mentions_) return false;
    if (!scan_) scan_ = noqa::scan(text);
    const uint32_t resolved = scan_->resolve(offset);
    const uint32_t start = edits::line_start(text, resolved), end = edits::line_end(text, resolved);
    const uint32_t* comment = scan_->comment_in(start, end);
    if (!comment) return false;
    return noqa::parse_line_directive(text.substr(*comment, end - *comment)).suppresses(code);
  }

 private:
  const Context& ctx_;
  std::optional<bool> mentions_;
  std::optional<noqa::Scan> scan_;
};

}  // namespace lint::rules
