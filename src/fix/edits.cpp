#include "fix/edits.h"

#include <algorithm>
#include <map>

#include "engine/rule.h"
#include "semantic/semantic.h"

namespace lint::edits {

namespace {

bool is_line_break(char c) { return c == '\n' || c == '\r'; }

bool all_whitespace(std::string_view s) { return std::all_of(s.begin(), s.end(), is_python_whitespace); }

std::string_view trim_start(std::string_view s) {
  while (!s.empty() && is_python_whitespace(s.front())) s.remove_prefix(1);
  return s;
}

std::string_view trim(std::string_view s) {
  s = trim_start(s);
  while (!s.empty() && is_python_whitespace(s.back())) s.remove_suffix(1);
  return s;
}

bool is_compound_statement(TSNode n) {
  const std::string_view k = kind(n);
  return k == "if_statement" || k == "for_statement" || k == "while_statement" || k == "try_statement" ||
         k == "with_statement" || k == "function_definition" || k == "class_definition" ||
         k == "match_statement" || k == "decorated_definition";
}

bool is_simple_statement(std::string_view k) {
  return k == "expression_statement" || k == "import_statement" || k == "import_from_statement" ||
         k == "future_import_statement" || k == "print_statement" || k == "assert_statement" ||
         k == "return_statement" || k == "delete_statement" || k == "raise_statement" || k == "pass_statement" ||
         k == "break_statement" || k == "continue_statement" || k == "global_statement" ||
         k == "nonlocal_statement" || k == "exec_statement" || k == "type_alias_statement";
}

bool is_statement(TSNode n) { return is_simple_statement(kind(n)) || is_compound_statement(n); }

// Ruff's trailing_semicolon: the `;` ending the statement that ends at `offset`, on its line or
// on a line reached through backslash continuations.
std::optional<uint32_t> trailing_semicolon(std::string_view text, uint32_t offset) {
  uint32_t pos = offset;
  for (;;) {
    const uint32_t end = line_end(text, pos);
    const std::string_view line = text.substr(pos, end - pos);
    const std::string_view trimmed = trim_start(line);
    if (trimmed.starts_with(';')) return pos + static_cast<uint32_t>(line.size() - trimmed.size());
    if (!trimmed.starts_with('\\') || end >= text.size()) return std::nullopt;
    pos = full_line_end(text, end);
  }
}

// Ruff's next_stmt_break: where the statement after a `;` starts (past continuations), or the
// end of the `;`'s line when nothing follows it there.
uint32_t next_statement_break(std::string_view text, uint32_t semicolon) {
  uint32_t pos = semicolon + 1;
  for (;;) {
    const uint32_t end = line_end(text, pos);
    const std::string_view line = text.substr(pos, end - pos);
    const std::string_view trimmed = trim(line);
    if (trimmed.starts_with('\\')) {
      if (end >= text.size()) return end;
      pos = full_line_end(text, end);
      continue;
    }
    if (trimmed.empty()) return pos;
    size_t i = 0;
    while (i < line.size() && is_python_whitespace(line[i])) ++i;
    return pos + static_cast<uint32_t>(i);
  }
}

// The backslash ending the line before the one that starts at `line_begin`, if it continues a
// line (Ruff's Indexer::find_continuation).
std::optional<uint32_t> continuation_before(const Context& ctx, uint32_t line_begin) {
  const std::string_view text = ctx.source();
  if (line_begin == 0) return std::nullopt;
  uint32_t newline = line_begin - 1;
  if (text[newline] == '\n' && newline > 0 && text[newline - 1] == '\r') --newline;
  if (!is_line_break(text[newline]) || newline == 0) return std::nullopt;
  const uint32_t backslash = newline - 1;
  if (text[backslash] != '\\' || !is_line_continuation(ctx, backslash)) return std::nullopt;
  return backslash;
}

// Where a comma follows `offset` (past trivia and closing parentheses of the element that
// ends there), or nullopt.
std::optional<uint32_t> comma_after(std::string_view text, uint32_t offset) {
  uint32_t pos = offset;
  for (;;) {
    pos = skip_trivia(text, pos);
    if (pos >= text.size()) return std::nullopt;
    if (text[pos] == ',') return pos;
    if (text[pos] != ')') return std::nullopt;
    ++pos;
  }
}

// The next token after `offset` as Ruff's SimpleTokenizer finds it when skipping only
// whitespace and line breaks (a comment or a backslash counts as a token).
uint32_t next_token_skipping_whitespace(std::string_view text, uint32_t offset) {
  while (offset < text.size() && (is_python_whitespace(text[offset]) || is_line_break(text[offset]))) ++offset;
  return offset;
}

// How libcst shares the text of a comma-separated list among its elements, and so what goes
// with an element it removes. Between two elements, the first owns the comma and everything up
// to the second. Before the closing bracket, it depends on the node (found by running Ruff):
enum class Ownership {
  Call,     // the last argument owns everything up to `)`, with or without a trailing comma
  Bracket,  // a collection's last element owns only its trailing comma; the bracket the rest
  Import,   // a trailing comma owns everything up to `)`, a last alias without one only itself;
            // and the new last alias takes the old last one's trailing comma (see below)
};

struct Element {
  uint32_t start, end;  // the element's text, its own parentheses included
  std::optional<uint32_t> comma;
};

// The text of [region_start, region_end) without the elements flagged in `remove`. The
// elements (ascending) are separated by commas; `close` is where the closing bracket starts
// (region_end when there is none).
std::string rewrite_list(const Context& ctx, uint32_t region_start, uint32_t close, uint32_t region_end,
                         const std::vector<Element>& elements, const std::vector<bool>& remove, Ownership ownership) {
  const std::string_view text = ctx.original();
  const size_t n = elements.size();
  const size_t last = n - 1;
  std::vector<uint32_t> own_end(n);
  for (size_t i = 0; i + 1 < n; ++i) own_end[i] = elements[i + 1].start;
  const Element& tail = elements[last];
  if (ownership == Ownership::Call || (ownership == Ownership::Import && tail.comma)) {
    own_end[last] = close;
  } else {
    own_end[last] = tail.comma ? *tail.comma + 1 : tail.end;
  }
  std::string out(text.substr(region_start, elements.front().start - region_start));
  std::vector<size_t> kept;
  for (size_t i = 0; i < n; ++i) {
    if (!remove[i]) kept.push_back(i);
  }
  for (size_t k = 0; k < kept.size(); ++k) {
    const size_t i = kept[k];
    if (ownership == Ownership::Import && k + 1 == kept.size() && i != last) {
      // The new last alias takes the old last one's trailing comma (or none), unless a comment
      // follows its own comma on that line.
      bool comment = false;
      if (elements[i].comma) {
        uint32_t p = *elements[i].comma + 1;
        while (p < text.size() && is_python_whitespace(text[p])) ++p;
        comment = p < text.size() && text[p] == '#';
      }
      if (!comment) {
        out.append(text.substr(elements[i].start, elements[i].end - elements[i].start));
        out.append(text.substr(tail.end, own_end[last] - tail.end));
        continue;
      }
    }
    out.append(text.substr(elements[i].start, own_end[i] - elements[i].start));
  }
  out.append(text.substr(own_end[last], region_end - own_end[last]));
  return out;
}

std::vector<Element> elements_of(std::string_view text, const std::vector<TSNode>& nodes) {
  std::vector<Element> out;
  out.reserve(nodes.size());
  for (TSNode c : nodes) {
    Element e{ts_node_start_byte(c), ts_node_end_byte(c), std::nullopt};
    const uint32_t p = skip_trivia(text, e.end);
    if (p < text.size() && text[p] == ',') e.comma = p;
    out.push_back(e);
  }
  return out;
}

std::vector<bool> flags(size_t n, const std::vector<size_t>& indexes) {
  std::vector<bool> out(n, false);
  for (size_t i : indexes) {
    if (i < n) out[i] = true;
  }
  return out;
}

// The aliases of an import statement: `dotted_name` / `aliased_import` children in the `name`
// field (not the module of a `from` import).
std::vector<TSNode> import_aliases(TSNode stmt) {
  std::vector<TSNode> out;
  const Children parts = children(stmt);
  for (auto it = parts.begin(); it != parts.end(); ++it) {
    const char* f = it.field_name();
    if (f != nullptr && std::string_view(f) == "name") out.push_back(*it);
  }
  return out;
}

}  // namespace

// ---------------------------------------------------------------------------------------------
// Lines and trivia.

uint32_t line_start(std::string_view text, uint32_t offset) {
  offset = std::min<uint32_t>(offset, static_cast<uint32_t>(text.size()));
  while (offset > 0 && !is_line_break(text[offset - 1])) --offset;
  return offset;
}

uint32_t line_end(std::string_view text, uint32_t offset) {
  while (offset < text.size() && !is_line_break(text[offset])) ++offset;
  return std::min<uint32_t>(offset, static_cast<uint32_t>(text.size()));
}

uint32_t full_line_end(std::string_view text, uint32_t offset) {
  uint32_t end = line_end(text, offset);
  if (end < text.size()) {
    if (text[end] == '\r' && end + 1 < text.size() && text[end + 1] == '\n') ++end;
    ++end;
  }
  return end;
}

bool has_leading_content(std::string_view text, uint32_t offset) {
  const uint32_t begin = line_start(text, offset);
  return !all_whitespace(text.substr(begin, offset - begin));
}

bool has_trailing_content(std::string_view text, uint32_t offset) {
  const uint32_t end = line_end(text, offset);
  for (char c : text.substr(offset, end - offset)) {
    if (c == '#') return false;
    if (!is_python_whitespace(c)) return true;
  }
  return false;
}

uint32_t skip_trivia(std::string_view text, uint32_t offset) {
  while (offset < text.size()) {
    const char c = text[offset];
    if (is_python_whitespace(c) || is_line_break(c)) {
      ++offset;
    } else if (c == '\\' && offset + 1 < text.size() && is_line_break(text[offset + 1])) {
      ++offset;
    } else if (c == '#') {
      offset = line_end(text, offset);
    } else {
      break;
    }
  }
  return offset;
}

bool is_line_continuation(const Context& ctx, uint32_t offset) {
  if (offset >= ctx.source().size() || ctx.source()[offset] != '\\') return false;
  const TSNode n = ts_node_descendant_for_byte_range(ctx.root(), offset, offset + 1);
  if (ts_node_is_null(n)) return true;
  const std::string_view k = kind(n);
  if (k == "line_continuation") return true;
  // Inside a comment or a string (or an f-string's literal part), a backslash is text.
  for (TSNode p = n; !ts_node_is_null(p); p = ts_node_parent(p)) {
    const std::string_view pk = kind(p);
    if (pk == "comment" || pk == "string_content" || pk == "string" || pk == "escape_sequence") return false;
    if (is_statement(p) || pk == "module") break;
  }
  return true;
}

std::optional<uint32_t> preceded_by_continuations(const Context& ctx, uint32_t offset) {
  const std::string_view text = ctx.source();
  const uint32_t begin = line_start(text, offset);
  if (!all_whitespace(text.substr(begin, offset - begin))) return std::nullopt;
  std::optional<uint32_t> continuation = continuation_before(ctx, begin);
  if (!continuation) return std::nullopt;
  for (;;) {
    const uint32_t previous = line_start(text, *continuation);
    if (!all_whitespace(text.substr(previous, *continuation - previous))) break;
    const std::optional<uint32_t> earlier = continuation_before(ctx, previous);
    if (!earlier) break;
    continuation = earlier;
  }
  return continuation;
}

bool in_multi_statement_line(const Context& ctx, uint32_t start, uint32_t end) {
  const std::string_view text = ctx.source();
  return has_trailing_content(text, end) || has_leading_content(text, start) ||
         preceded_by_continuations(ctx, start).has_value();
}

bool contains_comment(TSNode within, uint32_t start, uint32_t end) {
  if (ts_node_is_null(within)) return false;
  std::vector<TSNode> stack{within};
  while (!stack.empty()) {
    const TSNode n = stack.back();
    stack.pop_back();
    for (TSNode c : children(n)) {
      const uint32_t s = ts_node_start_byte(c), e = ts_node_end_byte(c);
      if (e <= start || s >= end) continue;
      if (is(c, "comment")) {
        if (s >= start && e <= end) return true;
        continue;
      }
      if (ts_node_child_count(c) > 0) stack.push_back(c);
    }
  }
  return false;
}

// ---------------------------------------------------------------------------------------------
// Statements.

TSNode statement_of(TSNode node) {
  const TSNode parent = ts_node_parent(node);
  if (!ts_node_is_null(parent) && is(parent, "decorated_definition")) return parent;
  return node;
}

uint32_t statement_end(TSNode stmt) {
  TSNode n = stmt;
  for (;;) {
    TSNode last{};
    for (uint32_t i = ts_node_child_count(n); i-- > 0;) {
      const TSNode c = ts_node_child(n, i);
      if (!is(c, "comment")) {
        last = c;
        break;
      }
    }
    if (ts_node_is_null(last)) return ts_node_end_byte(n);
    if (ts_node_child_count(last) == 0) return ts_node_end_byte(last);
    n = last;
  }
}

TSNode enclosing_statement(TSNode node) {
  for (TSNode n = node; !ts_node_is_null(n); n = ts_node_parent(n)) {
    if (is_statement(n)) return statement_of(n);
  }
  return TSNode{};
}

TSNode parent_statement(TSNode stmt) {
  stmt = statement_of(stmt);
  for (TSNode n = ts_node_parent(stmt); !ts_node_is_null(n); n = ts_node_parent(n)) {
    if (is(n, "module")) return TSNode{};
    if (is_compound_statement(n)) return statement_of(n);
  }
  return TSNode{};
}

uint32_t isolation_group(TSNode stmt) {
  const TSNode parent = parent_statement(stmt);
  // A statement's start byte names it: no two compound statements start at the same byte once
  // a decorated definition is taken whole.
  return ts_node_is_null(parent) ? 0 : ts_node_start_byte(parent) + 1;
}

bool is_lone_child(TSNode stmt) {
  stmt = statement_of(stmt);
  const TSNode block = ts_node_parent(stmt);
  if (ts_node_is_null(block) || !is(block, "block")) return false;
  if (ts_node_is_null(parent_statement(stmt))) return false;
  size_t statements = 0;
  for (TSNode c : children(block)) {
    if (ts_node_is_named(c) && !ts_node_is_extra(c)) ++statements;
  }
  return statements == 1;
}

Edit delete_statement(const Context& ctx, TSNode stmt) {
  stmt = statement_of(stmt);
  const std::string_view text = ctx.source();
  const uint32_t start = ts_node_start_byte(stmt), end = statement_end(stmt);
  if (is_lone_child(stmt)) return Edit::replace(start, end, "pass");
  if (const std::optional<uint32_t> semicolon = trailing_semicolon(text, end)) {
    return Edit::deletion(start, next_statement_break(text, *semicolon));
  }
  if (has_leading_content(text, start)) return Edit::deletion(start, end);
  if (const std::optional<uint32_t> continuation = preceded_by_continuations(ctx, start)) {
    return Edit::deletion(*continuation, end);
  }
  return Edit::deletion(line_start(text, start), full_line_end(text, end));
}

// ---------------------------------------------------------------------------------------------
// Imports.

std::string import_member_name(const Context& ctx, TSNode alias) {
  TSNode name = alias;
  if (is(alias, "aliased_import")) name = field(alias, "name");
  if (ts_node_is_null(name)) return {};
  if (!is(name, "dotted_name")) return std::string(ctx.text(name));
  std::string out;
  for (TSNode part : children(name)) {
    if (!is(part, "identifier")) continue;
    if (!out.empty()) out += '.';
    out += ctx.text(part);
  }
  return out;
}

std::optional<std::string> remove_import_members(const Context& ctx, TSNode stmt,
                                                 const std::vector<std::string>& members) {
  if (!is(stmt, "import_statement") && !is(stmt, "import_from_statement") && !is(stmt, "future_import_statement")) {
    return std::nullopt;
  }
  for (TSNode c : children(stmt)) {
    if (is(c, "wildcard_import")) return std::nullopt;  // `*` is the only member: nothing remains
  }
  const std::vector<TSNode> aliases = import_aliases(stmt);
  if (aliases.empty()) return std::nullopt;
  // Each name listed removes the first alias importing it, as often as it is listed.
  std::map<std::string, size_t, std::less<>> counts;
  for (const std::string& m : members) ++counts[m];
  std::vector<bool> remove(aliases.size(), false);
  size_t kept = aliases.size();
  for (size_t i = 0; i < aliases.size(); ++i) {
    auto it = counts.find(import_member_name(ctx, aliases[i]));
    if (it == counts.end() || it->second == 0) continue;
    --it->second;
    remove[i] = true;
    --kept;
  }
  if (kept == 0) return std::nullopt;
  const std::string_view text = ctx.source();
  const uint32_t end = ts_node_end_byte(stmt);
  const uint32_t close = text[end - 1] == ')' ? end - 1 : end;
  return rewrite_list(ctx, ts_node_start_byte(stmt), close, end, elements_of(text, aliases), remove,
                      Ownership::Import);
}

Edit remove_unused_imports(const Context& ctx, TSNode stmt, const std::vector<std::string>& members) {
  if (std::optional<std::string> content = remove_import_members(ctx, stmt, members)) {
    return Edit::replace(ts_node_start_byte(stmt), ts_node_end_byte(stmt), std::move(*content));
  }
  return delete_statement(ctx, stmt);
}

std::vector<Edit> make_redundant_alias(const Context& ctx, TSNode stmt, const std::vector<std::string>& members) {
  std::vector<Edit> out;
  const std::vector<TSNode> aliases = import_aliases(stmt);
  for (const std::string& member : members) {
    for (TSNode alias : aliases) {
      if (is(alias, "aliased_import") || ctx.text(alias) != member) continue;
      out.push_back(Edit::replace(ts_node_start_byte(alias), ts_node_end_byte(alias), member + " as " + member));
      break;
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Lists edited as libcst edits them.

std::optional<Edit> remove_call_arguments(const Context& ctx, TSNode call, const std::vector<size_t>& indexes) {
  const TSNode arguments = field(call, "arguments");
  if (ts_node_is_null(arguments) || !is(arguments, "argument_list")) return std::nullopt;
  const std::vector<TSNode> args = named_children(arguments);
  if (args.empty()) return std::nullopt;
  const uint32_t close = ts_node_end_byte(arguments) - 1;
  const std::string_view text = ctx.source();
  if (text[close] != ')') return std::nullopt;
  std::string content(ctx.original(ts_node_start_byte(call), ts_node_start_byte(args.front())));
  content += rewrite_list(ctx, ts_node_start_byte(args.front()), close, close, elements_of(text, args),
                          flags(args.size(), indexes), Ownership::Call);
  content += ctx.original(close, ts_node_end_byte(call));
  return Edit::replace(ts_node_start_byte(call), ts_node_end_byte(call), std::move(content));
}

std::optional<Edit> remove_collection_elements(const Context& ctx, TSNode collection,
                                               const std::vector<size_t>& indexes) {
  const std::vector<TSNode> elements = named_children(collection);
  if (elements.empty()) return std::nullopt;
  const std::string_view text = ctx.source();
  const uint32_t start = ts_node_start_byte(collection), end = ts_node_end_byte(collection);
  std::string content = rewrite_list(ctx, start, end, end, elements_of(text, elements),
                                     flags(elements.size(), indexes), Ownership::Bracket);
  return Edit::replace(start, end, std::move(content));
}

// ---------------------------------------------------------------------------------------------
// Lists edited token by token.

std::optional<Edit> remove_argument(const Context& ctx, TSNode arguments, TSNode argument, Parentheses parentheses) {
  const std::string_view text = ctx.source();
  const std::vector<TSNode> args = named_children(arguments);
  const uint32_t start = ts_node_start_byte(argument), end = ts_node_end_byte(argument);
  bool after = false;
  std::optional<uint32_t> previous_end;
  for (TSNode a : args) {
    if (ts_node_eq(a, argument)) continue;
    if (ts_node_start_byte(a) < start) {
      previous_end = std::max(previous_end.value_or(0), ts_node_end_byte(a));
    } else {
      after = true;
    }
  }
  if (after) {
    const std::optional<uint32_t> comma = comma_after(text, end);
    if (!comma) return std::nullopt;
    return Edit::deletion(start, next_token_skipping_whitespace(text, *comma + 1));
  }
  if (previous_end) {
    const std::optional<uint32_t> comma = comma_after(text, *previous_end);
    if (!comma) return std::nullopt;
    return Edit::deletion(*comma, end);
  }
  if (parentheses == Parentheses::Remove) {
    return Edit::deletion(ts_node_start_byte(arguments), ts_node_end_byte(arguments));
  }
  return Edit::replace(ts_node_start_byte(arguments), ts_node_end_byte(arguments), "()");
}

std::optional<Edit> remove_member(const Context& ctx, const std::vector<TSNode>& elements, size_t index) {
  if (index >= elements.size()) return std::nullopt;
  const std::string_view text = ctx.source();
  const TSNode element = unparenthesized(elements[index]);
  if (index + 1 < elements.size()) {
    const std::optional<uint32_t> comma = comma_after(text, ts_node_end_byte(element));
    if (!comma) return std::nullopt;
    return Edit::deletion(ts_node_start_byte(element), next_token_skipping_whitespace(text, *comma + 1));
  }
  if (index > 0) {
    const std::optional<uint32_t> comma = comma_after(text, ts_node_end_byte(unparenthesized(elements[index - 1])));
    if (!comma) return std::nullopt;
    return Edit::deletion(*comma, ts_node_end_byte(element));
  }
  return Edit::deletion(ts_node_start_byte(element), ts_node_end_byte(element));
}

// ---------------------------------------------------------------------------------------------
// Indentation and padding.

namespace {

// The indentation of the statements of the innermost block holding `offset`; `outer` when that
// block is not inside [start, end).
std::string_view block_indentation(const Context& ctx, uint32_t offset, uint32_t start, std::string_view outer) {
  for (TSNode n = ts_node_descendant_for_byte_range(ctx.root(), offset, offset); !ts_node_is_null(n);
       n = ts_node_parent(n)) {
    if (!is(n, "block")) continue;
    for (TSNode c : children(n)) {
      if (!ts_node_is_named(c) || ts_node_is_extra(c)) continue;
      const uint32_t first = ts_node_start_byte(c);
      if (first < start) return outer;
      const uint32_t line = line_start(ctx.source(), first);
      return ctx.original(line, first);
    }
    return outer;
  }
  return outer;
}

// Whether `offset` lies inside a string literal (after its first character).
bool inside_string(const Context& ctx, uint32_t offset) {
  for (TSNode n = ts_node_descendant_for_byte_range(ctx.root(), offset, offset); !ts_node_is_null(n);
       n = ts_node_parent(n)) {
    if (is(n, "string") && ts_node_start_byte(n) < offset && offset < ts_node_end_byte(n)) return true;
  }
  return false;
}

// Ruff's libcst path of adjust_indentation: the block is parsed as a function body whose
// indentation is then set. A line keeps its text and loses the block's first-line indentation
// (`outer`) in favour of `indentation` when it starts with the indentation of the block that holds
// it (with `outer` for comment and blank lines); lines inside strings, lines continued with a
// backslash, and lines indented less stay as they are.
std::string reindent_as_libcst(const Context& ctx, uint32_t start, uint32_t end, std::string_view indentation) {
  const std::string_view block = ctx.original(start, end);
  const std::string_view text = ctx.source();
  std::string_view outer = block.substr(0, block.size() - trim_start(block).size());
  if (const size_t br = outer.find_first_of("\r\n"); br != std::string_view::npos) outer = outer.substr(0, br);
  std::string out;
  out.reserve(block.size());
  for (size_t pos = 0; pos < block.size();) {
    size_t e = pos;
    while (e < block.size() && !is_line_break(block[e])) ++e;
    const std::string_view body = block.substr(pos, e - pos);
    if (e < block.size()) e += block[e] == '\r' && e + 1 < block.size() && block[e + 1] == '\n' ? 2 : 1;
    const std::string_view line = block.substr(pos, e - pos);
    const uint32_t at = start + static_cast<uint32_t>(pos);
    pos = e;
    if (at > start) {
      // The previous line's end, before its line break.
      uint32_t before = at - 1;
      if (text[before] == '\n' && before > 0 && text[before - 1] == '\r') --before;
      const bool continued = before > 0 && text[before - 1] == '\\' && is_line_continuation(ctx, before - 1);
      if (continued || inside_string(ctx, at)) {
        out.append(line);
        continue;
      }
    }
    const std::string_view rest = trim_start(body);
    std::string_view required = outer;
    if (!rest.empty() && rest[0] != '#') {
      required = block_indentation(ctx, at + static_cast<uint32_t>(body.size() - rest.size()), start, outer);
    }
    if (body.starts_with(required) && body.starts_with(outer)) {
      out.append(indentation);
      out.append(line.substr(outer.size()));
    } else {
      out.append(line);
    }
  }
  return out;
}

}  // namespace

std::optional<std::string> adjust_indentation(const Context& ctx, uint32_t start, uint32_t end,
                                              std::string_view indentation) {
  const std::string_view block = ctx.original(start, end);
  // Ruff hands blocks holding a triple-quoted string or an f-string, and blocks it cannot dedent
  // textually, to libcst, which keeps the strings' own lines as they are.
  bool string_inside = false;
  std::vector<TSNode> stack{ctx.root()};  // only the nodes that overlap the block
  while (!stack.empty() && !string_inside) {
    const TSNode n = stack.back();
    stack.pop_back();
    if (ts_node_end_byte(n) <= start || ts_node_start_byte(n) >= end) continue;
    if (!is(n, "string")) {
      for (TSNode c : children(n)) stack.push_back(c);
      continue;
    }
    const std::string_view s = ctx.text(n);
    size_t i = 0;
    bool f_string = false;
    while (i < s.size() && s[i] != '"' && s[i] != '\'') {
      f_string |= s[i] == 'f' || s[i] == 'F' || s[i] == 't' || s[i] == 'T';
      ++i;
    }
    string_inside = f_string || (i + 2 < s.size() && s[i + 1] == s[i] && s[i + 2] == s[i]);
  }
  if (string_inside) return reindent_as_libcst(ctx, start, end, indentation);

  // The lines of the block, each with its line break.
  std::vector<std::string_view> lines;
  for (size_t pos = 0; pos < block.size();) {
    size_t e = pos;
    while (e < block.size() && !is_line_break(block[e])) ++e;
    if (e < block.size()) e += block[e] == '\r' && e + 1 < block.size() && block[e + 1] == '\n' ? 2 : 1;
    lines.push_back(block.substr(pos, e - pos));
    pos = e;
  }
  const auto content_of = [](std::string_view line) {
    while (!line.empty() && is_line_break(line.back())) line.remove_suffix(1);
    return line;
  };
  for (std::string_view line : lines) {
    const std::string_view body = content_of(line);
    const std::string_view rest = trim_start(body);
    if (rest.empty()) continue;
    const std::string_view indent = body.substr(0, body.size() - rest.size());
    if (indent.find('\t') != std::string_view::npos && indent.find(' ') != std::string_view::npos) {
      return reindent_as_libcst(ctx, start, end, indentation);
    }
  }

  // Ruff's dedent_to: the first line with code (else the first comment line) sets the baseline.
  while (indentation.starts_with('\f')) indentation.remove_prefix(1);
  std::optional<size_t> baseline, first_comment;
  for (std::string_view line : lines) {
    std::string_view body = content_of(line);
    while (body.starts_with('\f')) body.remove_prefix(1);
    const std::string_view rest = trim_start(body);
    if (rest.empty()) continue;
    const size_t indent = body.size() - rest.size();
    if (rest.starts_with('#')) {
      if (!first_comment) first_comment = indent;
      continue;
    }
    baseline = indent;
    break;
  }
  const size_t existing = baseline.value_or(first_comment.value_or(0));
  if (existing < indentation.size()) return reindent_as_libcst(ctx, start, end, indentation);
  const size_t dedent = existing - indentation.size();
  std::string out;
  out.reserve(block.size());
  for (std::string_view line : lines) {
    const std::string_view body = content_of(line);
    const std::string_view ending = line.substr(body.size());
    std::string_view content = body;
    while (content.starts_with('\f')) content.remove_prefix(1);
    const std::string_view formfeeds = body.substr(0, body.size() - content.size());
    const std::string_view rest = trim_start(body);
    if (rest.empty()) {
      out.append(ending);
      continue;
    }
    const size_t current = content.size() - rest.size();
    if (current < existing) {
      out.append(line);
      continue;
    }
    out.append(formfeeds);
    out.append(content.substr(dedent));
    out.append(ending);
  }
  return out;
}

std::string pad_start(std::string content, uint32_t start, const Context& ctx) {
  const std::string_view text = ctx.source();
  if (start > 0 && start <= text.size()) {
    const char c = text[start - 1];
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) content = " " + content;
  }
  return content;
}

std::string pad_end(std::string content, uint32_t end, const Context& ctx) {
  const std::string_view text = ctx.source();
  if (end < text.size()) {
    const char c = text[end];
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) content.push_back(' ');
  }
  return content;
}

std::string pad(std::string content, uint32_t start, uint32_t end, const Context& ctx) {
  return pad_start(pad_end(std::move(content), end, ctx), start, ctx);
}

// ---------------------------------------------------------------------------------------------
// Deciding how safe a fix is.

TSNode parenthesized(TSNode expr) {
  for (TSNode p = ts_node_parent(expr); !ts_node_is_null(p) && is(p, "parenthesized_expression");
       p = ts_node_parent(p)) {
    expr = p;
  }
  return expr;
}

namespace {

// Operands between which Ruff assumes a binary operator runs no user code.
bool is_literal_operand(TSNode n) {
  const std::string_view k = kind(unparenthesized(n));
  return k == "string" || k == "concatenated_string" || k == "integer" || k == "float" || k == "true" ||
         k == "false" || k == "none" || k == "ellipsis" || k == "list" || k == "tuple" || k == "set" ||
         k == "dictionary" || k == "list_comprehension" || k == "set_comprehension" ||
         k == "dictionary_comprehension";
}

bool is_iterable_initializer(std::string_view name) {
  return name == "list" || name == "tuple" || name == "set" || name == "dict" || name == "frozenset";
}

}  // namespace

bool contains_effect(const Context& ctx, TSNode expr, const std::function<bool(std::string_view)>& is_builtin) {
  std::vector<TSNode> stack{expr};
  const auto push_named = [&](TSNode n) {
    for (TSNode c : children(n)) {
      if (ts_node_is_named(c) && !ts_node_is_extra(c)) stack.push_back(c);
    }
  };
  while (!stack.empty()) {
    const TSNode n = unparenthesized(stack.back());
    stack.pop_back();
    if (ts_node_is_null(n)) continue;
    const std::string_view k = kind(n);
    if (k == "call") {
      const TSNode function = field(n, "function");
      const TSNode arguments = field(n, "arguments");
      const bool no_arguments =
          !ts_node_is_null(arguments) && is(arguments, "argument_list") && named_children(arguments).empty();
      const TSNode callee = unparenthesized(function);
      if (!no_arguments || !is(callee, "identifier") || !is_iterable_initializer(ctx.text(callee)) ||
          !is_builtin(ctx.text(callee))) {
        return true;
      }
      stack.push_back(function);
    } else if (k == "binary_operator") {
      const TSNode left = field(n, "left"), right = field(n, "right");
      if (!is_literal_operand(left) || !is_literal_operand(right)) return true;
      stack.push_back(left);
      stack.push_back(right);
    } else if (k == "named_expression" || k == "await" || k == "subscript" || k == "yield" ||
               k == "list_comprehension" || k == "set_comprehension" || k == "dictionary_comprehension" ||
               k == "generator_expression" || k == "ERROR") {
      return true;
    } else if (k == "lambda") {
      const TSNode body = field(n, "body");
      if (!ts_node_is_null(body)) stack.push_back(body);
    } else if (k == "attribute") {
      stack.push_back(field(n, "object"));
    } else if (k == "string" || k == "concatenated_string" || k == "interpolation" || k == "format_specifier") {
      // Only the expressions of replacement fields run code.
      for (TSNode c : children(n)) {
        const std::string_view ck = kind(c);
        if (ck == "string" || ck == "interpolation" || ck == "format_specifier") {
          stack.push_back(c);
        } else if (k == "interpolation" && ts_node_is_named(c) && !ts_node_is_extra(c) && ck != "type_conversion") {
          stack.push_back(c);
        }
      }
    } else if (k == "identifier" || k == "integer" || k == "float" || k == "true" || k == "false" || k == "none" ||
               k == "ellipsis" || k == "keyword_identifier") {
      continue;
    } else {
      // Tuples, lists, sets, dicts, comparisons, boolean and unary operators, conditional
      // expressions, slices, starred and keyword parts: their parts decide.
      push_named(n);
    }
  }
  return false;
}

bool is_unshadowed_builtin(const Context& ctx, std::string_view name) {
  const SemanticModel* m = ctx.semantic();
  if (!m) return is_python_builtin(name, ctx.target_minor());
  if (!is_python_builtin(name, m->target_minor)) return false;
  return m->scopes.empty() || !m->scopes[0].names.count(name);
}

}  // namespace lint::edits
