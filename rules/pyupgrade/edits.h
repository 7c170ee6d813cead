// Edits the pyupgrade fixes share, made as Ruff's fix helpers make them: removing an argument
// from a call or a class's bases, and imports. The line, comment and statement helpers are
// src/fix/edits.h's; the names below keep this family's spelling of them.
#pragma once

#include <tree_sitter/api.h>

#include <cstdint>
#include <algorithm>
#include <optional>
#include <string>
#include <vector>
#include <string_view>

#include "engine/rule.h"
#include "fix/edits.h"
#include "fix/fix.h"
#include "pyupgrade/syntax.h"

namespace lint::rules::up {

// Whether a comment lies wholly inside [start, end) of `within`'s subtree.
inline bool has_comment(TSNode within, uint32_t start, uint32_t end) { return edits::contains_comment(within, start, end); }

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

using edits::full_line_end;
using edits::has_leading_content;
using edits::is_python_whitespace;
using edits::line_end;
using edits::line_start;
using edits::parent_statement;

// Ruff's delete_stmt (edits::delete_statement).
inline Edit delete_stmt(TSNode stmt, const Context& ctx) { return edits::delete_statement(ctx, stmt); }

// The isolation group Ruff gives fixes that delete statements of `stmt`'s body.
inline uint32_t isolation_of(TSNode stmt) { return edits::isolation_group(stmt); }


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
