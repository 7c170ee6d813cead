// A file's text and the mapping from byte offsets to the rows and columns users see.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace lint {

// 1-based row and column; the column counts Unicode code points, as Ruff does.
struct Location {
  uint32_t row = 1;
  uint32_t column = 1;
  friend bool operator==(const Location&, const Location&) = default;
  friend auto operator<=>(const Location&, const Location&) = default;
};

// Line starts for \n, \r\n and lone \r (Python's tokenizer accepts all three).
class LineIndex {
 public:
  explicit LineIndex(std::string_view text);

  Location location(uint32_t offset) const;
  uint32_t line_count() const { return static_cast<uint32_t>(starts_.size()); }
  // Byte offset of the start of a 1-based row.
  uint32_t line_start(uint32_t row) const { return starts_[row - 1]; }
  // The text of a 1-based row without its line terminator.
  std::string_view line_text(uint32_t row) const;
  // 1-based row containing the byte offset.
  uint32_t row_of(uint32_t offset) const;

 private:
  std::string_view text_;
  std::vector<uint32_t> starts_;
  std::vector<bool> ascii_;  // per line: columns equal byte offsets
};

// Returns the byte offset of the first invalid UTF-8 sequence, or npos when the text is valid.
size_t find_invalid_utf8(std::string_view text);

// Number of code points in valid UTF-8 text.
size_t count_code_points(std::string_view text);

bool is_ascii(std::string_view text);

// An identifier as Python reads it: NFKC-normalised (PEP 3131), so `𝒞` is `C`. Empty when
// normalisation leaves it as it is (every ASCII name) or it is not valid UTF-8.
std::string nfkc_if_changed(std::string_view identifier);

}  // namespace lint
