// `# noqa` suppression comments, as Ruff reads them.
//
// Line level: a comment `# noqa` (every diagnostic) or `# noqa: F401, E711` (those codes) on the
// line where a diagnostic starts. A diagnostic inside a multi-line string, or on a line continued
// with a backslash, is matched against the last line of the string or of the continued lines.
// F401 and F811 on a `from ... import` also answer to the statement's first line.
//
// File level: an own-line comment `# ruff: noqa`, `# flake8: noqa` or `# lint: noqa` (every
// diagnostic of the file), or the same followed by `: F401, E711` (those codes in the whole file).
//
// Syntax errors and E902 are never suppressed.
#pragma once

#include <tree_sitter/api.h>

#include <cstdint>
#include <string_view>
#include <utility>
#include <vector>

#include "diagnostic.h"
#include "source.h"

namespace lint::noqa {

// What a comment says, as Ruff's noqa lexer reads it.
struct Directive {
  enum class Kind {
    None,   // no directive in the comment
    All,    // `# noqa`: every code
    Codes,  // `# noqa: F401, E711`
    Error,  // a malformed directive (`# noqa:`, `# noqa: f401`, `#noqaF401`): Ruff warns and ignores it
  };
  Kind kind = Kind::None;
  std::vector<std::string_view> codes;  // for Codes: views into the comment text

  // Whether the directive suppresses a diagnostic with this code.
  bool suppresses(std::string_view code) const;
};

// A line-level directive: the first `#` in the comment followed by optional whitespace and `noqa`
// (any case). `comment` is the comment's text from its `#` to the end of its line.
Directive parse_line_directive(std::string_view comment);

// A file-level directive: `#`, whitespace, `ruff`, `flake8` or `lint` (case-sensitive), whitespace,
// `:`, whitespace, `noqa` (any case), then what follows `noqa` in a line directive. Whether the
// comment stands on its own line is the caller's business.
Directive parse_file_directive(std::string_view comment);

// The token-level facts of a file that noqa needs: where comments are, and which byte ranges are
// matched against a later line (Ruff's "noqa line mapping").
struct Scan {
  std::vector<uint32_t> comments;  // offsets of the `#` of each comment, ascending
  // Disjoint, ascending [start, end) ranges: an offset inside one is matched against the line
  // holding `end`. Multi-line triple-quoted strings and f-strings (from the start of the line the
  // string starts on) and runs of backslash-continued lines (up to the start of the last line).
  std::vector<std::pair<uint32_t, uint32_t>> mapping;

  // The offset whose line holds the noqa comment for a diagnostic starting at `offset`.
  uint32_t resolve(uint32_t offset) const;
  // The comment starting on the line [line_start, line_end), if any.
  const uint32_t* comment_in(uint32_t line_start, uint32_t line_end) const;
};

// Tokenizes just enough of Python (strings with their prefixes and f-string nesting, comments,
// backslash continuations) to build the Scan. Never fails: unterminated strings end the scan of
// that string as Python's tokenizer would report them.
Scan scan(std::string_view text);

// Whether the text contains "noqa" in any case: without it nothing can be suppressed.
bool mentions_noqa(std::string_view text);

// The hook run once a file's diagnostics have their locations: removes the suppressed diagnostics
// and, when `need_rows`, fills noqa_row of the others (for the JSON output). `root` is the file's
// syntax tree, used to find the `from ... import` statement of F401 and F811.
void apply(std::string_view text, const LineIndex& lines, TSNode root, std::vector<Diagnostic>& diagnostics,
           bool need_rows);

}  // namespace lint::noqa
