// Edits the pyupgrade fixes share, made as Ruff's fix helpers make them: removing an argument
// from a call or a class's bases, and asking whether a range holds a comment (Ruff then makes a
// fix unsafe). Written here until the project's shared edit helpers land (src/fix/edits.h).
#pragma once

#include <tree_sitter/api.h>

#include <cstdint>
#include <algorithm>
#include <optional>
#include <string>
#include <vector>
#include <string_view>

#include "engine/rule.h"
#include "fix/fix.h"
#include "pyupgrade/syntax.h"

namespace lint::rules::up {

// Whether a comment lies wholly inside [start, end) (Ruff's CommentRanges::intersects). Only the
// subtree of `within` is searched: it must contain the range.
inline bool has_comment(TSNode within, uint32_t start, uint32_t end) {
  if (ts_node_is_null(within)) return false;
  bool found = false;
  std::vector<TSNode> stack{within};
  while (!stack.empty() && !found) {
    const TSNode n = stack.back();
    stack.pop_back();
    for (TSNode c : children(n)) {
      const uint32_t s = ts_node_start_byte(c), e = ts_node_end_byte(c);
      if (e <= start || s >= end) continue;
      if (is(c, "comment")) {
        if (s >= start && e <= end) {
          found = true;
          break;
        }
        continue;
      }
      if (ts_node_child_count(c) > 0) stack.push_back(c);
    }
  }
  return found;
}

// The tokens Ruff's SimpleTokenizer tells apart, as far as these helpers need them.
enum class Tok : uint8_t { Whitespace, Newline, Comment, Comma, Continuation, Other, End };

struct Token {
  Tok kind = Tok::End;
  uint32_t start = 0, end = 0;
};

// The token at `pos` of plain code (not inside a string).
inline Token token_at(std::string_view src, uint32_t pos) {
  if (pos >= src.size()) return {Tok::End, pos, pos};
  const char c = src[pos];
  uint32_t e = pos + 1;
  if (c == ' ' || c == '\t' || c == '\f') {
    while (e < src.size() && (src[e] == ' ' || src[e] == '\t' || src[e] == '\f')) ++e;
    return {Tok::Whitespace, pos, e};
  }
  if (c == '\n') return {Tok::Newline, pos, e};
  if (c == '\r') {
    if (e < src.size() && src[e] == '\n') ++e;
    return {Tok::Newline, pos, e};
  }
  if (c == '#') {
    while (e < src.size() && src[e] != '\n' && src[e] != '\r') ++e;
    return {Tok::Comment, pos, e};
  }
  if (c == ',') return {Tok::Comma, pos, e};
  if (c == '\\') return {Tok::Continuation, pos, e};
  return {Tok::Other, pos, e};
}

// The first comma at or after `pos`.
inline std::optional<uint32_t> next_comma(std::string_view src, uint32_t pos) {
  for (Token t = token_at(src, pos); t.kind != Tok::End; t = token_at(src, t.end)) {
    if (t.kind == Tok::Comma) return t.start;
  }
  return std::nullopt;
}

// Where the next token other than whitespace and newlines starts, at or after `pos`.
inline uint32_t next_non_blank(std::string_view src, uint32_t pos) {
  Token t = token_at(src, pos);
  while (t.kind == Tok::Whitespace || t.kind == Tok::Newline) t = token_at(src, t.end);
  return t.start;
}

// The range an argument occupies: the argument, or its value's parentheses for a keyword whose
// value is parenthesized (as Ruff's parenthesized_range of the argument's value).
inline std::pair<uint32_t, uint32_t> argument_range(TSNode arg) {
  if (is(arg, "keyword_argument")) {
    const TSNode value = field(arg, "value");
    if (!ts_node_is_null(value) && is(value, "parenthesized_expression")) return {start_of(value), end_of(value)};
  }
  return {start_of(arg), end_of(arg)};
}

// The range Ruff's AST gives an argument (without its parentheses).
inline std::pair<uint32_t, uint32_t> argument_ast_range(TSNode arg) {
  const TSNode inner = is(arg, "keyword_argument") ? arg : unparenthesized(arg);
  return {start_of(inner), end_of(inner)};
}

enum class Parentheses : uint8_t { Remove, Preserve };

// Ruff's remove_argument: delete `arg` from `args` with the comma that goes with it; the only
// argument takes the parentheses with it (Remove) or leaves `()` (Preserve).
inline std::optional<Edit> remove_argument(TSNode arg, const Arguments& args, Parentheses parens, const Context& ctx) {
  const std::string_view src = ctx.source();
  const auto [ast_start, ast_end] = argument_ast_range(arg);
  const auto [start, end] = argument_range(arg);
  bool after = false;
  std::optional<uint32_t> previous_end;
  for (TSNode a : args.all) {
    if (ts_node_eq(a, arg)) continue;
    const auto [s, e] = argument_ast_range(a);
    if (s < ast_start) {
      if (!previous_end || e > *previous_end) previous_end = e;
    } else {
      after = true;
    }
  }
  if (after) {
    const std::optional<uint32_t> comma = next_comma(src, ast_end);
    if (!comma) return std::nullopt;
    return Edit::deletion(start, next_non_blank(src, *comma + 1));
  }
  if (previous_end) {
    const std::optional<uint32_t> comma = next_comma(src, *previous_end);
    if (!comma) return std::nullopt;
    return Edit::deletion(*comma, end);
  }
  if (parens == Parentheses::Remove) return Edit::deletion(start_of(args.list), end_of(args.list));
  return Edit::replace(start_of(args.list), end_of(args.list), "()");
}


// ---------------------------------------------------------------------------------------------
// Lines and statements.

inline bool is_python_whitespace(char c) { return c == ' ' || c == '\t' || c == '\f'; }

inline uint32_t line_start(std::string_view src, uint32_t offset) {
  while (offset > 0 && src[offset - 1] != '\n' && src[offset - 1] != '\r') --offset;
  return offset;
}

// The end of the line holding `offset`, before its line ending.
inline uint32_t line_end(std::string_view src, uint32_t offset) {
  while (offset < src.size() && src[offset] != '\n' && src[offset] != '\r') ++offset;
  return offset;
}

// The end of the line holding `offset`, after its line ending.
inline uint32_t full_line_end(std::string_view src, uint32_t offset) {
  offset = line_end(src, offset);
  if (offset < src.size() && src[offset] == '\r') ++offset;
  if (offset < src.size() && src[offset] == '\n') ++offset;
  return offset;
}

inline bool has_leading_content(std::string_view src, uint32_t offset) {
  for (uint32_t i = line_start(src, offset); i < offset; ++i) {
    if (!is_python_whitespace(src[i])) return true;
  }
  return false;
}

// The `;` that ends a statement on a line with more statements (after `end`), if any.
inline std::optional<uint32_t> trailing_semicolon(std::string_view src, uint32_t end) {
  uint32_t pos = end;
  while (pos <= src.size()) {
    uint32_t i = pos;
    while (i < src.size() && is_python_whitespace(src[i])) ++i;
    if (i < src.size() && src[i] == ';') return i;
    if (i >= src.size() || src[i] != '\\') return std::nullopt;
    pos = full_line_end(src, i);
    if (pos == i) return std::nullopt;
  }
  return std::nullopt;
}

// Where the statement after a `;` starts (or the end of a line that has none).
inline uint32_t next_stmt_break(std::string_view src, uint32_t semicolon) {
  uint32_t pos = semicolon + 1;
  while (pos < src.size()) {
    const uint32_t end = line_end(src, pos);
    uint32_t i = pos;
    while (i < end && (is_python_whitespace(src[i]))) ++i;
    if (i < end && src[i] == '\\') {
      pos = full_line_end(src, pos);
      continue;
    }
    return i == end ? pos : i;
  }
  return line_end(src, semicolon + 1);
}

// The start of the backslash continuations that lead to a statement starting a line, if any.
inline std::optional<uint32_t> preceded_by_continuations(std::string_view src, uint32_t offset) {
  std::optional<uint32_t> found;
  uint32_t at = offset;
  for (;;) {
    const uint32_t start = line_start(src, at);
    for (uint32_t i = start; i < at; ++i) {
      if (!is_python_whitespace(src[i])) return found;
    }
    if (start == 0) return found;
    // The previous line must end with a backslash.
    uint32_t e = start;
    if (e > 0 && src[e - 1] == '\n') --e;
    if (e > 0 && src[e - 1] == '\r') --e;
    if (e == 0 || src[e - 1] != '\\') return found;
    found = e - 1;
    at = e - 1;
  }
}

// Whether a statement is the only one of the block it belongs to.
inline bool is_lone_statement(TSNode stmt) {
  const TSNode parent = ts_node_parent(stmt);
  if (ts_node_is_null(parent) || !is(parent, "block")) return false;
  int count = 0;
  for (TSNode c : children(parent)) {
    if (is_named_child(c)) ++count;
  }
  return count == 1;
}

// Ruff's delete_stmt: `pass` for the only statement of a block, else the statement with its
// line (or up to the next statement on the line, or just itself after other code).
inline Edit delete_stmt(TSNode stmt, const Context& ctx) {
  const std::string_view src = ctx.source();
  const uint32_t start = start_of(stmt), end = end_of(stmt);
  if (is_lone_statement(stmt)) return Edit::replace(start, end, "pass");
  if (const std::optional<uint32_t> semicolon = trailing_semicolon(src, end)) {
    return Edit::deletion(start, next_stmt_break(src, *semicolon));
  }
  if (has_leading_content(src, start)) return Edit::deletion(start, end);
  if (const std::optional<uint32_t> c = preceded_by_continuations(src, start)) return Edit::deletion(*c, end);
  return Edit::deletion(line_start(src, start), full_line_end(src, end));
}


// The compound statement whose body holds a statement (null at module level), and the isolation
// group Ruff gives fixes that delete statements of that body (one such fix per round).
inline TSNode parent_statement(TSNode stmt) {
  for (TSNode p = ts_node_parent(stmt); !ts_node_is_null(p); p = ts_node_parent(p)) {
    const std::string_view k = kind(p);
    if (k == "module") return TSNode{};
    if (k == "block" || k == "elif_clause" || k == "else_clause" || k == "except_clause" ||
        k == "finally_clause" || k == "case_clause") {
      continue;
    }
    return p;
  }
  return TSNode{};
}

inline uint32_t isolation_of(TSNode stmt) {
  const TSNode parent = parent_statement(stmt);
  return ts_node_is_null(parent) ? 0 : start_of(parent) + 1;
}


// ---------------------------------------------------------------------------------------------
// Import statements.

// The aliases of an import statement (`a`, `b as c`), in order.
inline std::vector<TSNode> import_aliases(TSNode stmt) {
  std::vector<TSNode> out;
  const TSNode module = field(stmt, "module_name");
  for (TSNode c : children(stmt)) {
    if ((is(c, "dotted_name") || is(c, "aliased_import")) && !ts_node_eq(c, module)) out.push_back(c);
  }
  return out;
}

// The imported name of an alias (`a.b` in `import a.b as c`).
inline TSNode alias_name(TSNode alias) { return is(alias, "aliased_import") ? field(alias, "name") : alias; }

// The statement with only the `keep` aliases, as libcst prints it: each alias keeps the comma
// and whitespace that followed it, the last one takes the original last alias's comma (unless its
// own comma carries a comment).
inline std::string without_aliases(TSNode stmt, const std::vector<TSNode>& aliases, const std::vector<bool>& keep,
                            std::string_view new_head, const Context& ctx) {
  const std::string_view src = ctx.original();
  const uint32_t stmt_end = end_of(stmt);
  auto separator_end = [&](size_t i) {
    // After alias i: its comma and the whitespace and comments up to the next alias (or the end).
    return i + 1 < aliases.size() ? start_of(aliases[i + 1]) : 0u;
  };
  const TSNode last = aliases.back();
  // The original last alias's trailing comma, with the whitespace after it.
  uint32_t after_last = end_of(last);
  uint32_t i = after_last;
  while (i < stmt_end && is_python_whitespace(src[i])) ++i;
  std::string trailing;
  if (i < stmt_end && src[i] == ',') {
    uint32_t j = i + 1;
    while (j < stmt_end && (is_python_whitespace(src[j]) || src[j] == '\n' || src[j] == '\r')) ++j;
    trailing = std::string(src.substr(after_last, j - after_last));
    after_last = j;
  }
  std::string out(new_head);
  size_t last_kept = aliases.size();
  for (size_t k = aliases.size(); k > 0; --k) {
    if (keep[k - 1]) {
      last_kept = k - 1;
      break;
    }
  }
  for (size_t k = 0; k < aliases.size(); ++k) {
    if (!keep[k]) continue;
    out += ctx.original(aliases[k]);
    if (k == last_kept) {
      const bool own_is_last = k + 1 == aliases.size();
      std::string_view own;
      if (!own_is_last) own = src.substr(end_of(aliases[k]), separator_end(k) - end_of(aliases[k]));
      if (!own_is_last && own.find('#') != std::string_view::npos) {
        out += own;
      } else {
        out += trailing;
      }
    } else {
      out += src.substr(end_of(aliases[k]), separator_end(k) - end_of(aliases[k]));
    }
  }
  out += src.substr(after_last, stmt_end - after_last);
  return out;
}

// Ruff's remove_imports: the statement without the aliases that import `names` (one alias per
// occurrence of a name), or nothing when no alias would be left.
inline std::optional<std::string> remove_imports(TSNode stmt, const std::vector<std::string_view>& names, const Context& ctx) {
  const std::vector<TSNode> aliases = import_aliases(stmt);
  std::vector<std::string_view> pending = names;
  std::vector<bool> keep;
  bool any = false;
  for (TSNode a : aliases) {
    const std::string_view name = ctx.text(alias_name(a));
    const auto it = std::find(pending.begin(), pending.end(), name);
    if (it != pending.end()) {
      pending.erase(it);
      keep.push_back(false);
    } else {
      keep.push_back(true);
      any = true;
    }
  }
  if (!any) return std::nullopt;
  const std::string head(ctx.original(start_of(stmt), start_of(aliases.front())));
  return without_aliases(stmt, aliases, keep, head, ctx);
}

// Ruff's remove_unused_imports: rewrite the statement without them, or delete it.
inline Edit remove_unused_imports(TSNode stmt, const std::vector<std::string_view>& names, const Context& ctx) {
  if (std::optional<std::string> content = remove_imports(stmt, names, ctx)) {
    return Edit::replace(start_of(stmt), end_of(stmt), std::move(*content));
  }
  return delete_stmt(stmt, ctx);
}

}  // namespace lint::rules::up
