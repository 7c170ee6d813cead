// Deleting a statement as Ruff's fixes do, for PIE790 (and any rule here that removes a
// statement of a body holding others): the whole line when the statement is alone on it, the
// statement and its `;` when one follows, only the statement when code precedes it on its line.
// (The shared edit helpers of src/fix/edits.* had not landed when this was written; this is the
// part PIE790 needs.)
#pragma once

#include <tree_sitter/api.h>

#include <string_view>

#include "engine/rule.h"
#include "fix/fix.h"

namespace lint::rules::flake8_pie {

namespace delete_detail {

inline bool blank(char c) { return c == ' ' || c == '\t' || c == '\f'; }

inline size_t line_start(std::string_view text, size_t at) {
  while (at > 0 && text[at - 1] != '\n' && text[at - 1] != '\r') --at;
  return at;
}

inline size_t line_end(std::string_view text, size_t at) {
  while (at < text.size() && text[at] != '\n' && text[at] != '\r') ++at;
  return at;
}

// After the line ending of the line holding `at`.
inline size_t full_line_end(std::string_view text, size_t at) {
  const size_t end = line_end(text, at);
  if (end + 1 < text.size() && text[end] == '\r' && text[end + 1] == '\n') return end + 2;
  return end < text.size() ? end + 1 : end;
}

// Moves past blanks and backslash continuations; returns the offset of what follows.
inline size_t skip_blanks_and_continuations(std::string_view text, size_t at) {
  for (;;) {
    while (at < text.size() && blank(text[at])) ++at;
    if (at < text.size() && text[at] == '\\') {
      size_t next = at + 1;
      if (next < text.size() && text[next] == '\r') ++next;
      if (next < text.size() && text[next] == '\n') ++next;
      if (next == at + 1) return at;
      at = next;
      continue;
    }
    return at;
  }
}

}  // namespace delete_detail

// The edit deleting `stmt` (a statement that is not the only one of its body).
inline Edit delete_statement(TSNode stmt, const Context& ctx) {
  using namespace delete_detail;
  const std::string_view text = ctx.source();
  const uint32_t start = ts_node_start_byte(stmt), end = ts_node_end_byte(stmt);
  const size_t after = skip_blanks_and_continuations(text, end);
  if (after < text.size() && text[after] == ';') {
    // Up to what follows the `;` (past continuation lines); just past it when its line has
    // nothing more.
    for (size_t line = after + 1; line < text.size();) {
      size_t first = line;
      while (first < text.size() && blank(text[first])) ++first;
      const size_t stop = line_end(text, line);
      if (first < stop && text[first] == '\\') {
        line = full_line_end(text, line);
        continue;
      }
      return Edit::deletion(start, static_cast<uint32_t>(first < stop ? first : line));
    }
    return Edit::deletion(start, static_cast<uint32_t>(line_end(text, after + 1)));
  }
  for (size_t i = line_start(text, start); i < start; ++i) {
    if (!blank(text[i])) return Edit::deletion(start, end);
  }
  return Edit::deletion(static_cast<uint32_t>(line_start(text, start)),
                        static_cast<uint32_t>(full_line_end(text, end)));
}

}  // namespace lint::rules::flake8_pie
