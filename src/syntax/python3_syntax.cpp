#include "syntax/python3_syntax.h"

#include <string>

#include "syntax/node.h"

namespace lint {

namespace {

TSSymbol named(const TSLanguage* lang, std::string_view name, bool is_named = true) {
  return ts_language_symbol_for_name(lang, name.data(), static_cast<uint32_t>(name.size()), is_named);
}

// Whether the text between two statements holds a line break that ends a logical line: one
// that is not escaped by a backslash (a backslash inside a comment escapes nothing).
bool has_logical_newline(std::string_view between) {
  bool escaped = false;
  for (size_t i = 0; i < between.size(); ++i) {
    const char c = between[i];
    if (c == '#') {
      while (i + 1 < between.size() && between[i + 1] != '\n' && between[i + 1] != '\r') ++i;
      escaped = false;
    } else if (c == '\n' || c == '\r') {
      if (!escaped) return true;
      if (c == '\r' && i + 1 < between.size() && between[i + 1] == '\n') ++i;
      escaped = false;
    } else if (c == '\\') {
      escaped = true;
    } else if (c != ' ' && c != '\t' && c != '\f') {
      escaped = false;
    }
  }
  return false;
}

// A statement indented deeper than the others of its block (or than column 0 at module level).
std::optional<SyntaxError> unexpected_indentation(TSNode block, std::string_view source) {
  bool have_column = false;
  uint32_t column = 0;
  uint32_t previous_end = 0;
  bool first = true;
  for (TSNode c : children(block)) {
    if (ts_node_is_extra(c) || !ts_node_is_named(c)) continue;
    const uint32_t start = ts_node_start_byte(c);
    const bool starts_line =
        first || has_logical_newline(source.substr(previous_end, start > previous_end ? start - previous_end : 0));
    first = false;
    previous_end = ts_node_end_byte(c);
    if (!starts_line) continue;
    uint32_t col = ts_node_start_point(c).column;
    // A form feed in the indentation sets it back to 0, as in Python's tokenizer (and the
    // grammar's scanner): `\f    x` is indented by 4.
    if (const size_t ff = source.substr(start - col, col).rfind('\f'); ff != std::string_view::npos) {
      col -= static_cast<uint32_t>(ff) + 1;
    }
    if (!have_column) {
      column = is(block, "module") ? 0 : col;
      have_column = true;
    }
    if (col > column) return SyntaxError{start - col, start, "Unexpected indentation"};
  }
  return std::nullopt;
}

SyntaxError at(TSNode n, std::string message) {
  return SyntaxError{ts_node_start_byte(n), ts_node_end_byte(n), std::move(message)};
}

}  // namespace

Python3Syntax::Python3Syntax() {
  const TSLanguage* lang = python_language();
  print_ = named(lang, "print_statement");
  exec_ = named(lang, "exec_statement");
  module_ = named(lang, "module");
  block_ = named(lang, "block");
  integer_ = named(lang, "integer");
  raise_ = named(lang, "raise_statement");
  not_equal_py2_ = named(lang, "<>", false);
  string_start_ = named(lang, "string_start");
  line_continuation_ = named(lang, "line_continuation");
  interested_.assign(ts_language_symbol_count(lang), false);
  for (TSSymbol s : {print_, exec_, module_, block_, integer_, raise_, not_equal_py2_, string_start_, line_continuation_}) {
    if (s != 0) interested_[s] = true;
  }
}

std::optional<SyntaxError> Python3Syntax::check(TSNode n, TSSymbol s, std::string_view source) const {
  const uint32_t start = ts_node_start_byte(n);
  const std::string_view text = source.substr(start, ts_node_end_byte(n) - start);
  if (s == print_ || s == exec_) {
    const TSNode first = ts_node_named_child(n, 0);
    // `print >> f, x` is valid Python 3 too: a tuple holding a shift.
    if (s == print_ && !ts_node_is_null(first) && is(first, "chevron")) return std::nullopt;
    const std::string keyword = s == print_ ? "print" : "exec";
    // Where Python's parser stops: at the first argument, as Ruff reports it.
    const uint32_t where = ts_node_is_null(first) ? start : ts_node_start_byte(first);
    return SyntaxError{where, where, "Missing parentheses in call to `" + keyword + "`"};
  }
  if (s == module_ || s == block_) return unexpected_indentation(n, source);
  if (s == integer_) {
    if (text.ends_with('l') || text.ends_with('L')) return at(n, "Invalid integer literal: Python 2 long suffix");
    // `0177`: Python 2 octal. `00` and `0_0` are fine.
    if (text.size() > 1 && text[0] == '0' && text[1] >= '0' && text[1] <= '9' &&
        text.find_first_not_of("0_") != std::string_view::npos && text.find_first_of("jJeE.") == std::string_view::npos) {
      return at(n, "Invalid decimal integer literal");
    }
    return std::nullopt;
  }
  if (s == raise_) {
    const TSNode first = ts_node_named_child(n, 0);
    if (!ts_node_is_null(first) && is(first, "expression_list")) {
      return at(first, "Unparenthesized tuple expression cannot be used here");
    }
    return std::nullopt;
  }
  if (s == not_equal_py2_) return at(n, "`<>` is not an operator in Python 3; use `!=`");
  // A backslash continuing the line onto the end of the file (the grammar takes it for an extra).
  if (s == line_continuation_ && ts_node_end_byte(n) >= source.size()) {
    return SyntaxError{start, start + 1, "unexpected EOF while parsing"};
  }
  if (s == string_start_) {
    if (text.starts_with('`')) return at(n, "Backquotes are not valid in Python 3; use `repr()`");
    bool u = false, r = false;
    for (char c : text) {
      u |= c == 'u' || c == 'U';
      r |= c == 'r' || c == 'R';
      if (c == '\'' || c == '"') break;
    }
    if (u && r) return at(n, "Invalid string prefix `ur`");
  }
  return std::nullopt;
}

}  // namespace lint
