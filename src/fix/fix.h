// What a fix is: edits to a file's text that are applied together, and how safe they are.
//
// Offsets are bytes into the text the rules saw (after a byte order mark; a lone `\r` counts as
// one byte, as it is in the file), so an edit applies to the file's own bytes unchanged.
#pragma once

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace lint {

// Ruff's applicability levels, ordered: a fix applies when its level is at least the one required
// (safe fixes by default, unsafe ones too with --unsafe-fixes; display-only ones never).
enum class Applicability : uint8_t { DisplayOnly = 0, Unsafe = 1, Safe = 2 };

std::string_view applicability_name(Applicability a);  // "safe", "unsafe", "displayonly" (Ruff's JSON)

// Replace [start, end) with `content`: an insertion when start == end, a deletion when content
// is empty.
struct Edit {
  uint32_t start = 0;
  uint32_t end = 0;
  std::string content;

  static Edit replace(uint32_t start, uint32_t end, std::string content) { return Edit{start, end, std::move(content)}; }
  static Edit deletion(uint32_t start, uint32_t end) { return Edit{start, end, {}}; }
  static Edit insertion(uint32_t at, std::string content) { return Edit{at, at, std::move(content)}; }

  friend bool operator==(const Edit&, const Edit&) = default;
  friend auto operator<=>(const Edit&, const Edit&) = default;
};

class Fix {
 public:
  static Fix safe(std::vector<Edit> edits) { return Fix(Applicability::Safe, std::move(edits)); }
  static Fix unsafe(std::vector<Edit> edits) { return Fix(Applicability::Unsafe, std::move(edits)); }
  static Fix display_only(std::vector<Edit> edits) { return Fix(Applicability::DisplayOnly, std::move(edits)); }
  static Fix safe(Edit edit) { return safe(std::vector<Edit>{std::move(edit)}); }
  static Fix unsafe(Edit edit) { return unsafe(std::vector<Edit>{std::move(edit)}); }
  static Fix display_only(Edit edit) { return display_only(std::vector<Edit>{std::move(edit)}); }
  static Fix with(Applicability a, std::vector<Edit> edits) { return Fix(a, std::move(edits)); }

  Applicability applicability() const { return applicability_; }
  void set_applicability(Applicability a) { applicability_ = a; }
  // Sorted by (start, end).
  const std::vector<Edit>& edits() const { return edits_; }
  uint32_t min_start() const { return edits_.empty() ? 0 : edits_.front().start; }
  bool applies(Applicability required) const { return applicability_ >= required; }

  // Fixes of one isolation group (non-zero) are applied at most one per round: each may be
  // right alone but not together (deleting every statement of a block leaves it empty).
  uint32_t isolation() const { return isolation_; }
  Fix& isolate(uint32_t group) {
    isolation_ = group;
    return *this;
  }

  friend bool operator==(const Fix&, const Fix&) = default;

 private:
  Fix(Applicability a, std::vector<Edit> edits) : applicability_(a), edits_(std::move(edits)) {
    std::stable_sort(edits_.begin(), edits_.end(),
                     [](const Edit& x, const Edit& y) { return x.start != y.start ? x.start < y.start : x.end < y.end; });
  }

  Applicability applicability_ = Applicability::Safe;
  std::vector<Edit> edits_;
  uint32_t isolation_ = 0;
};

// The new text a file's fixes hold is bounded. A fix copies the text it keeps (a value moved
// out of a call), so a rule that fixes each level of nested code copies the nesting once per
// level: 30,000 nested `f(**{'a': ...})`, 360 KB, made 5.5 GB of PIE804 fixes (Ruff 0.17.3
// aborts on it). A fix that does not fit what is left is dropped; its diagnostic is still
// reported. The limit, 16 MB plus four times the file's size, is far above what real files need:
// their fixes' text is a fraction of their size.
class FixBudget {
 public:
  explicit FixBudget(size_t source_bytes) : limit_((size_t{16} << 20) + 4 * source_bytes) {}

  // Counts the fix's text, or drops the fix when it does not fit.
  void count(std::optional<Fix>& fix) {
    if (!fix) return;
    size_t bytes = 0;
    for (const Edit& e : fix->edits()) bytes += e.content.size();
    if (bytes > limit_ - used_) {
      fix.reset();
      ++dropped_;
      return;
    }
    used_ += bytes;
  }
  // Whether a fix of at most `bytes` of new text fits what is left; when not, it counts as
  // dropped. For a rule whose fix copies nested code, so that it need not build a fix that
  // would be dropped (30,000 of them at 180 KB each is 5.4 GB of copying).
  bool fits(size_t bytes) {
    if (bytes <= limit_ - used_) return true;
    ++dropped_;
    return false;
  }
  size_t limit() const { return limit_; }
  size_t dropped() const { return dropped_; }

 private:
  size_t limit_;
  size_t used_ = 0;
  size_t dropped_ = 0;
};

// Whether a rule can fix what it reports, for `lint rules` and `lint rule` (Ruff's
// FixAvailability).
enum class FixAvailability : uint8_t { None, Sometimes, Always };

std::string_view fix_availability_text(FixAvailability f);  // "", "Fix is sometimes available.", ...

}  // namespace lint
