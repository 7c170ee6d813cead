// Shared by the pycodestyle fixes (E401, E703, E731): where lines start and end around a
// statement, and whether it shares its line with other code, as Ruff's fixes judge it.
//
// Offsets are bytes into ctx.source(), where a line ends at `\n`, or at the `\r` of `\r\n`.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

#include "engine/rule.h"

namespace lint::rules::lines {

// Python's whitespace between tokens: space, tab and form feed.
inline bool is_python_space(char c) { return c == ' ' || c == '\t' || c == '\f'; }

// The start of the line holding `offset`.
inline uint32_t line_start(std::string_view s, uint32_t offset) {
  const size_t nl = s.find_last_of("\r\n", offset == 0 ? std::string_view::npos : offset - 1);
  if (offset == 0 || nl == std::string_view::npos) return 0;
  return static_cast<uint32_t>(nl + 1);
}

// The end of the line holding `offset`, before its line break.
inline uint32_t line_end(std::string_view s, uint32_t offset) {
  const size_t nl = s.find_first_of("\r\n", offset);
  return nl == std::string_view::npos ? static_cast<uint32_t>(s.size()) : static_cast<uint32_t>(nl);
}

// The end of the line holding `offset`, after its line break.
inline uint32_t full_line_end(std::string_view s, uint32_t offset) {
  uint32_t end = line_end(s, offset);
  if (end < s.size() && s[end] == '\r') ++end;
  if (end < s.size() && s[end] == '\n') ++end;
  return end;
}

// Whether anything but whitespace precedes `offset` on its line.
inline bool has_leading_content(std::string_view s, uint32_t offset) {
  for (uint32_t i = line_start(s, offset); i < offset; ++i) {
    if (!is_python_space(s[i])) return true;
  }
  return false;
}

// Whether code (not only whitespace and a comment) follows `offset` on its line.
inline bool has_trailing_content(std::string_view s, uint32_t offset) {
  const uint32_t end = line_end(s, offset);
  for (uint32_t i = offset; i < end; ++i) {
    if (s[i] == '#') return false;
    if (!is_python_space(s[i])) return true;
  }
  return false;
}

// The whitespace before `offset` on its line, when only whitespace precedes it.
inline std::optional<std::string_view> indentation_at(std::string_view s, uint32_t offset) {
  if (has_leading_content(s, offset)) return std::nullopt;
  const uint32_t start = line_start(s, offset);
  return s.substr(start, offset - start);
}

// The backslash ending the line before the one that starts at `next_line`, when that line is
// continued (a backslash in a comment continues nothing).
inline std::optional<uint32_t> continuation_before(const Context& ctx, uint32_t next_line) {
  const std::string_view s = ctx.source();
  if (next_line == 0) return std::nullopt;
  uint32_t nl = next_line - 1;
  if (s[nl] == '\n' && nl > 0 && s[nl - 1] == '\r') --nl;
  if (s[nl] != '\n' && s[nl] != '\r') return std::nullopt;
  if (nl == 0 || s[nl - 1] != '\\') return std::nullopt;
  const uint32_t backslash = nl - 1;
  const TSNode at = ts_node_descendant_for_byte_range(ctx.root(), backslash, backslash + 1);
  if (!ts_node_is_null(at) && (is(at, "comment") || is(at, "string_content") || is(at, "string"))) return std::nullopt;
  return backslash;
}

// Ruff's "preceded by continuations": when only whitespace precedes `offset` on its line and the
// line before ends with a continuation backslash, the first backslash of that run of continued
// lines.
inline std::optional<uint32_t> preceded_by_continuations(const Context& ctx, uint32_t offset) {
  const std::string_view s = ctx.source();
  if (has_leading_content(s, offset)) return std::nullopt;
  std::optional<uint32_t> first = continuation_before(ctx, line_start(s, offset));
  if (!first) return std::nullopt;
  for (;;) {
    const uint32_t start = line_start(s, *first);
    if (has_leading_content(s, *first)) break;
    const std::optional<uint32_t> earlier = continuation_before(ctx, start);
    if (!earlier) break;
    first = earlier;
  }
  return first;
}

// Ruff's "in a multi-statement line": code before the statement on its line (or a continued
// line before it), or code after it.
inline bool in_multi_statement_line(const Context& ctx, uint32_t start, uint32_t end) {
  const std::string_view s = ctx.source();
  return has_trailing_content(s, end) || has_leading_content(s, start) || preceded_by_continuations(ctx, start);
}

}  // namespace lint::rules::lines
