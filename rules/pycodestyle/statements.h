// Shared by E701, E702 and E703: lexical helpers over the source bytes that stand in for the
// NEWLINE tokens tree-sitter leaves out of its tree, and a per-symbol lookup of node kinds.
//
// Ruff computes E701-E703 from its token stream. A `;` or `:` leaf is a real token, so the bytes
// after it up to the next token hold only horizontal space, backslash continuations, a comment
// or a line break; which of those comes first says whether the logical line goes on.
#pragma once

#include <tree_sitter/api.h>

#include <array>
#include <cstdint>
#include <initializer_list>
#include <string_view>
#include <vector>

#include "engine/rule.h"
#include "syntax/syntax.h"

namespace lint::rules::statements {

inline bool is_hspace(char c) { return c == ' ' || c == '\t' || c == '\f'; }

// The offset of the next token at or after `pos` on the same logical line, skipping horizontal
// space and backslash continuations; or the offset of the comment, line break or end of input
// that ends the line.
inline size_t skip_inline_trivia(std::string_view s, size_t pos) {
  for (;;) {
    while (pos < s.size() && is_hspace(s[pos])) ++pos;
    if (pos + 1 < s.size() && s[pos] == '\\') {
      if (s[pos + 1] == '\n') {
        pos += 2;
        continue;
      }
      if (s[pos + 1] == '\r') {
        pos += 2;
        if (pos < s.size() && s[pos] == '\n') ++pos;
        continue;
      }
    }
    return pos;
  }
}

// Whether `pos` (as returned by skip_inline_trivia) ends the logical line.
inline bool at_line_end(std::string_view s, size_t pos) {
  return pos >= s.size() || s[pos] == '#' || s[pos] == '\n' || s[pos] == '\r';
}

// Whether the token before `pos` on the same logical line is a `;` (looking back over horizontal
// space and backslash continuations).
inline bool preceded_by_semicolon(std::string_view s, size_t pos) {
  for (;;) {
    while (pos > 0 && is_hspace(s[pos - 1])) --pos;
    if (pos == 0) return false;
    const char c = s[pos - 1];
    if (c == ';') return true;
    if (c != '\n' && c != '\r') return false;
    size_t q = pos - 1;
    if (c == '\n' && q > 0 && s[q - 1] == '\r') --q;
    if (q > 0 && s[q - 1] == '\\') {
      pos = q - 1;
      continue;
    }
    return false;
  }
}

// Maps grammar symbols to small integer categories, resolving names the way the engine's
// dispatch table does (a named node first, then an anonymous one).
class SymbolTable {
 public:
  SymbolTable() {
    const TSLanguage* lang = python_language();
    table_.assign(ts_language_symbol_count(lang), 0);
  }
  void set(std::string_view name, uint8_t category) {
    const TSSymbol s = kind_symbol(name);
    if (s != 0 && s < table_.size()) table_[s] = category;
  }
  void set(std::initializer_list<std::string_view> names, uint8_t category) {
    for (std::string_view n : names) set(n, category);
  }
  uint8_t operator[](TSNode n) const {
    const TSSymbol s = ts_node_symbol(n);
    return s < table_.size() ? table_[s] : 0;
  }

 private:
  std::vector<uint8_t> table_;
};

// Every node kind that begins a logical line: statements, clause headers and decorators.
inline constexpr auto kLogicalLineStarts = std::to_array<std::string_view>({
    // simple statements
    "assert_statement", "break_statement", "continue_statement", "delete_statement", "exec_statement",
    "expression_statement", "future_import_statement", "global_statement", "import_from_statement",
    "import_statement", "nonlocal_statement", "pass_statement", "print_statement", "raise_statement",
    "return_statement", "type_alias_statement",
    // compound statements
    "class_definition", "decorated_definition", "for_statement", "function_definition", "if_statement",
    "match_statement", "try_statement", "while_statement", "with_statement",
    // clauses and decorators
    "elif_clause", "else_clause", "except_clause", "finally_clause", "case_clause",
    "decorator"});

// The kinds of kLogicalLineStarts followed by `extra`, for a RuleSpec's `.kinds`.
inline std::vector<std::string_view> logical_line_starts_and(std::initializer_list<std::string_view> extra) {
  std::vector<std::string_view> kinds(kLogicalLineStarts.begin(), kLogicalLineStarts.end());
  kinds.insert(kinds.end(), extra.begin(), extra.end());
  return kinds;
}

// The base of E702 and E703: finds each `;` outside brackets (as Ruff's token scan, which skips
// tokens in a parenthesized context; a `;` there only appears in code that does not parse) and
// says whether another token follows it on the same logical line.
class SemicolonRule : public Rule {
 public:
  static constexpr uint8_t kOpen = 1, kClose = 2, kSemicolon = 3, kLineStart = 4;

  static std::vector<std::string_view> kinds() {
    return logical_line_starts_and({"(", "[", "{", ")", "]", "}", ";"});
  }

  void enter(TSNode node, Context& ctx) final {
    switch (categories()[node]) {
      case kOpen:
        ++depth_;
        break;
      case kClose:
        if (depth_ > 0) --depth_;
        break;
      case kLineStart:
        depth_ = 0;
        break;
      case kSemicolon: {
        if (depth_ > 0) break;
        const uint32_t start = ts_node_start_byte(node), end = ts_node_end_byte(node);
        if (start == end) break;  // MISSING
        const std::string_view src = ctx.source();
        on_semicolon(ctx, start, end, at_line_end(src, skip_inline_trivia(src, end)));
        break;
      }
      default:
        break;
    }
  }

 protected:
  // `ends_line`: only a comment or a line break follows the `;` on its logical line.
  virtual void on_semicolon(Context& ctx, uint32_t start, uint32_t end, bool ends_line) = 0;

 private:
  static const SymbolTable& categories() {
    static const SymbolTable table = [] {
      SymbolTable t;
      t.set({"(", "[", "{"}, kOpen);
      t.set({")", "]", "}"}, kClose);
      t.set(";", kSemicolon);
      for (std::string_view k : kLogicalLineStarts) t.set(k, kLineStart);
      return t;
    }();
    return table;
  }

  uint32_t depth_ = 0;
};

}  // namespace lint::rules::statements
