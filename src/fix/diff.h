// Line diffs: Myers' algorithm (linear space, divide and conquer on the middle snake), grouped
// into hunks with context as difflib and Ruff's `similar` group them, and printed as a unified
// diff (`lint --diff`) or as the fix preview of `full` output.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace lint {

struct DiffOp {
  enum class Tag { Equal, Delete, Insert };
  Tag tag;
  size_t old_index = 0;  // first line, 0-based
  size_t new_index = 0;
  size_t old_len = 0;
  size_t new_len = 0;
};

// Splits text into lines, each keeping its terminator (`\n`, `\r\n` or `\r`); the last line may
// have none.
std::vector<std::string_view> split_lines(std::string_view text);

// The edit script turning `a` into `b`, as runs of equal, deleted and inserted lines.
std::vector<DiffOp> diff_lines(const std::vector<std::string_view>& a, const std::vector<std::string_view>& b);

// Hunks: the ops with at most `context` equal lines around each change; a run of more than
// twice that many equal lines splits two hunks.
std::vector<std::vector<DiffOp>> group_ops(std::vector<DiffOp> ops, size_t context);

// A unified diff with `context` lines of context, headed `--- old_name` / `+++ new_name` (no
// header when both names are empty, as for standard input); "" when the texts are equal.
std::string unified_diff(std::string_view old_text, std::string_view new_text, std::string_view old_name,
                         std::string_view new_name, size_t context = 3);

}  // namespace lint
