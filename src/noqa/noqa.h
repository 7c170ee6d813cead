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
//
// With RUF100 (unused-noqa) enabled, the directives that suppress nothing, or name codes that
// suppress nothing, are reported as Ruff reports them (see rules/ruff/unused_noqa.cpp).
#pragma once

#include <tree_sitter/api.h>

#include <cstdint>
#include <functional>
#include <span>
#include <string_view>
#include <utility>
#include <vector>

#include "engine/diagnostic.h"
#include "syntax/source.h"

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
  // Offsets into the comment: from the `#` that starts the directive to the end of `noqa` (All)
  // or of the last code (Codes). RUF100 reports this range.
  uint32_t start = 0, end = 0;

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

// The code a noqa comment's code stands for (Ruff's redirects: `U001` is `UP001`), or itself.
std::string_view redirect(std::string_view code);

// Whether Ruff knows the code (a rule code of Ruff 0.17.3, removed ones included, or a code
// redirected to one). RUF100 ignores codes that neither Ruff nor lint knows, as Ruff does.
bool is_ruff_code(std::string_view code);

// Every rule code Ruff 0.17.3 knows, sorted.
std::span<const std::string_view> ruff_codes();

// What RUF100 needs to know about the file being linted.
struct UnusedNoqa {
  const RuleSpec* rule = nullptr;                      // RUF100's spec
  std::function<bool(std::string_view code)> enabled;  // whether a code is enabled for this file
  std::function<bool(std::string_view code)> known;    // whether a code names a rule at all
};

// The hook run once a file's diagnostics have their locations: removes the suppressed diagnostics
// and, when `need_rows`, fills noqa_row of the others (for the JSON output). `root` is the file's
// syntax tree, used to find the `from ... import` statement of F401 and F811. With `unused`
// (RUF100 enabled for a file that parsed), adds a RUF100 diagnostic for each directive that
// suppressed nothing or names codes that suppressed nothing.
void apply(std::string_view text, const LineIndex& lines, TSNode root, std::vector<Diagnostic>& diagnostics,
           bool need_rows, const UnusedNoqa* unused = nullptr);

}  // namespace lint::noqa
