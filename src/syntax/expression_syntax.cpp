#include "syntax/expression_syntax.h"

#include <algorithm>
#include <cctype>
#include <cstring>
#include <string>

#include "syntax/node.h"

namespace lint {

namespace {

TSSymbol named(std::string_view name, bool is_named = true) {
  return ts_language_symbol_for_name(python_language(), name.data(), static_cast<uint32_t>(name.size()), is_named);
}

constexpr const char* kSeparate = "Simple statements must be separated by newlines or semicolons";
constexpr size_t kNoLine = static_cast<size_t>(-1);

// Where the text between two tokens ends a logical line: its first line break that no backslash
// continues (a backslash inside a comment continues nothing), or kNoLine.
size_t logical_newline(std::string_view source, size_t from, size_t to) {
  bool escaped = false;
  for (size_t i = from; i < to; ++i) {
    const char c = source[i];
    if (c == '#') {
      while (i + 1 < to && source[i + 1] != '\n' && source[i + 1] != '\r') ++i;
      escaped = false;
    } else if (c == '\n' || c == '\r') {
      if (!escaped) return i;
      if (c == '\r' && i + 1 < to && source[i + 1] == '\n') ++i;
      escaped = false;
    } else if (c == '\\') {
      escaped = true;
    } else if (c != ' ' && c != '\t' && c != '\f') {
      escaped = false;
    }
  }
  return kNoLine;
}

// The leading whitespace of the line holding byte `at`, in bytes.
uint32_t indentation_of_line(std::string_view source, size_t at) {
  size_t line = at;
  while (line > 0 && source[line - 1] != '\n' && source[line - 1] != '\r') --line;
  size_t i = line;
  while (i < source.size() && (source[i] == ' ' || source[i] == '\t' || source[i] == '\f')) ++i;
  return static_cast<uint32_t>(i - line);
}

TSNode last_token(TSNode n) {
  for (uint32_t count = ts_node_child_count(n); count > 0; count = ts_node_child_count(n)) {
    n = ts_node_child(n, count - 1);
  }
  return n;
}

TSNode first_token_node(TSNode n) {
  while (ts_node_child_count(n) > 0) n = ts_node_child(n, 0);
  return n;
}

bool opens(std::string_view k) { return k == "(" || k == "[" || k == "{"; }
bool closes(std::string_view k) { return k == ")" || k == "]" || k == "}"; }

// What Python's parser says at a line break that ended the logical line after `before` (the last
// token read) where `after` (the next token) still belonged to `statement`; empty where Python
// reads the line break as the end of a valid statement that the grammar reads on from (soft
// keywords: `type` then a line `X = int` is a name, then an assignment).
std::string message_at_break(TSNode statement, TSNode before, TSNode after, std::string_view source) {
  const std::string_view b = kind(before);
  const std::string_view st = kind(statement);
  const bool import = st == "import_statement" || st == "import_from_statement" || st == "future_import_statement";
  if (ts_node_is_named(before) || closes(b)) {
    // A name or a closed bracket the statement may not end with: the token it needed next.
    if (ts_node_is_named(after)) return {};
    const uint32_t s = ts_node_start_byte(after);
    return "Expected `" + std::string(source.substr(s, ts_node_end_byte(after) - s)) + "`, found newline";
  }
  if (b == "type" || b == "match" || b == "case" || b == "print" || b == "exec") return {};
  if (b == ".") return "Expected an identifier";
  if (b == "import") return "Expected one or more symbol names after import";
  if (b == "from" && import) return "Expected a module name";
  if (b == "as" && import) return "Expected symbol after `as`";
  if (b == "global") return "Global statement must have at least one name";
  if (b == "nonlocal") return "Nonlocal statement must have at least one name";
  if (b == "del") return "Delete statement must have at least one target";
  if (b == "with") return "Expected the start of an expression after `with` keyword";
  if (b == "async") return "Expected `def`, `with` or `for` to follow `async`, found newline";
  return "Expected an expression";
}

bool is_assignment(TSNode n) { return is(n, "assignment") || is(n, "augmented_assignment"); }

// The operator token of an assignment: the one after its target (and annotation).
TSNode assignment_operator(TSNode n) {
  for (TSNode c : children(n)) {
    if (!ts_node_is_named(c) && kind(c) != ":") return c;
  }
  return TSNode{};
}

// Whether an assignment `inner` may stand on the right of `outer`: only `=` chains (`a = b = 1`).
bool invalid_nesting(TSNode outer, TSNode inner) {
  return is_assignment(outer) && is_assignment(inner) && (is(outer, "augmented_assignment") || is(inner, "augmented_assignment"));
}

// Whether `op` (an assignment's operator) follows a complete assignment to Python, which then
// expected a statement there (`x += y += 1`: at the second `+=`).
bool operator_after_statement(TSNode op) {
  const TSNode inner = ts_node_parent(op);
  if (ts_node_is_null(inner) || !is_assignment(inner)) return false;
  const TSNode outer = ts_node_parent(inner);
  return !ts_node_is_null(outer) && invalid_nesting(outer, inner);
}

// `await` alone ending a statement: the grammar reads it as a name, Python expected its operand
// where the line ends (`x = await`).
void await_alone_at(TSNode statement, std::string_view source, std::vector<SyntaxError>& out) {
  const uint32_t end = ts_node_end_byte(statement);
  if (end < 5 || source[end - 1] != 't' || source.substr(end - 5, 5) != "await") return;
  const TSNode last = last_token(statement);
  if (!is(last, "identifier") || ts_node_start_byte(last) != end - 5) return;
  size_t i = end;
  while (i < source.size() && (source[i] == ' ' || source[i] == '\t' || source[i] == '\f')) ++i;
  if (i < source.size() && source[i] == '#') {
    while (i < source.size() && source[i] != '\n' && source[i] != '\r') ++i;
  }
  size_t e = i;
  if (i < source.size() && (source[i] == '\n' || source[i] == '\r')) {
    e = i + (source[i] == '\r' && i + 1 < source.size() && source[i + 1] == '\n' ? 2 : 1);
  } else if (i < source.size()) {
    return;  // a `;` or another token: not followed
  }
  out.push_back(SyntaxError{static_cast<uint32_t>(i), static_cast<uint32_t>(e), "Expected an expression"});
}

bool identifier_char(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || static_cast<unsigned char>(c) >= 0x80;
}

// Whether the line [from, to) (its line break excluded) ends, before any comment, with a token
// after which a statement cannot end (an operator, `.`, `=`, `:` or a keyword such as `and`),
// or the next line (from `next`) starts with `else`: only then may the grammar have read on
// across the line break. A cheap filter on the text: the tree decides.
bool line_may_continue(std::string_view source, size_t from, size_t to, size_t next) {
  const char* base = source.data();
  size_t e = to;
  if (const void* hash = std::memchr(base + from, '#', e - from)) e = static_cast<const char*>(hash) - base;
  while (e > from && (source[e - 1] == ' ' || source[e - 1] == '\t' || source[e - 1] == '\f')) --e;
  if (e > from) {
    const char c = source[e - 1];
    if (std::strchr("+-*/%@&|^~<>=.:", c)) return true;
    if (identifier_char(c)) {
      size_t b = e;
      while (b > from && identifier_char(source[b - 1])) --b;
      const std::string_view word = source.substr(b, e - b);
      if (word.size() <= 8 && std::string_view("aeifgnlorwdc").find(word[0]) != std::string_view::npos) {
        for (std::string_view k : {"and", "or", "not", "in", "is", "if", "else", "lambda", "await", "import", "from",
                                   "as", "del", "assert", "raise", "global", "nonlocal", "with", "for", "while",
                                   "elif", "async", "except", "class", "def"}) {
          if (word == k) return true;
        }
      }
    }
  }
  size_t i = next;
  while (i < source.size() && (source[i] == ' ' || source[i] == '\t' || source[i] == '\f')) ++i;
  for (std::string_view k : {"else", "import"}) {
    if (source.substr(i, k.size()) == k && (i + k.size() >= source.size() || !identifier_char(source[i + k.size()]))) {
      return true;
    }
  }
  return false;
}

// Whether some line break inside [start, end) may be one the grammar read on across.
bool any_line_may_continue(std::string_view source, size_t start, size_t end, bool first_only) {
  const char* base = source.data();
  for (size_t pos = start; pos < end;) {
    const void* found = std::memchr(base + pos, '\n', end - pos);
    if (!found) return false;
    const size_t nl = static_cast<const char*>(found) - base;
    const size_t line_end = nl > pos && source[nl - 1] == '\r' ? nl - 1 : nl;
    if (line_may_continue(source, pos, line_end, nl + 1)) return true;
    if (first_only) return false;
    pos = nl + 1;
  }
  return false;
}

// Whether a statement is a string alone (a docstring): its lines are the string's.
bool lone_string(std::string_view text) {
  size_t i = 0;
  while (i < text.size() && i < 3 && std::isalpha(static_cast<unsigned char>(text[i]))) ++i;
  return i < text.size() && (text[i] == '"' || text[i] == '\'') && (text.back() == '"' || text.back() == '\'');
}

}  // namespace

ExpressionSyntax::ExpressionSyntax() {
  const TSLanguage* lang = python_language();
  statements_.assign(ts_language_symbol_count(lang), false);
  block_ = named("block");
  string_ = named("string");
  expression_statement_ = named("expression_statement");
  for (std::string_view k :
       {"expression_statement", "return_statement", "delete_statement", "raise_statement", "assert_statement",
        "global_statement", "nonlocal_statement", "import_statement", "import_from_statement",
        "future_import_statement", "type_alias_statement", "print_statement", "exec_statement"}) {
    if (const TSSymbol s = named(k); s != 0) statements_[s] = true;
  }
}

void ExpressionSyntax::several_lines(TSNode n, std::string_view source, std::vector<SyntaxError>& out) const {
  const TSSymbol s = ts_node_symbol(n);
  if (s >= statements_.size() || !statements_[s]) return;
  // The end of the first line says whether the tree needs reading: only a line break there is
  // looked for (where a statement being typed in an editor breaks), not one after a bracket
  // that closes on a later line (`f(` ... `) +` then a line `b`), nor in a compound
  // statement's header (`if a and` then a line `b:`), which would cost every statement more.
  const uint32_t start = ts_node_start_byte(n), end = ts_node_end_byte(n);
  if (lone_string(source.substr(start, end - start)) || !any_line_may_continue(source, start, end, true)) return;
  logical_lines(n, false, source, out);
}

void ExpressionSyntax::await_alone(TSNode n, std::string_view source, std::vector<SyntaxError>& out) const {
  if (ts_node_symbol(n) == expression_statement_) await_alone_at(n, source, out);
}

// Whether a node may hold a line break outside brackets and strings: it spans several lines and
// is neither a string, a block, nor a node that starts with a bracket and ends with its closing
// one.
bool ExpressionSyntax::spans_lines_outside_brackets(TSNode n, std::string_view source) const {
  if (ts_node_start_point(n).row == ts_node_end_point(n).row) return false;
  const TSSymbol s = ts_node_symbol(n);
  if (s == string_ || s == block_) return false;
  const TSNode first = ts_node_child(n, 0);
  return ts_node_is_null(first) || ts_node_is_named(first) || !opens(kind(first)) ||
         !closes(source.substr(ts_node_end_byte(n) - 1, 1));
}

// A line break between two tokens of one statement (or of a compound statement's header) ends
// Python's logical line unless it is inside brackets or continued by a backslash; the grammar
// reads on wherever the statement cannot end (`x = a +` then a line `b`). Reads the statement's
// tokens outside brackets and strings, descending only into nodes that span several lines.
void ExpressionSyntax::logical_lines(TSNode statement, bool header, std::string_view source,
                                     std::vector<SyntaxError>& out) const {
  struct Break {
    size_t newline;
    TSNode before, after;  // the last token before it, the first after it
  };
  thread_local std::vector<TSNode> pending;
  thread_local std::vector<Break> breaks;
  pending.clear();
  breaks.clear();
  pending.push_back(statement);
  while (!pending.empty()) {
    TSNode node = pending.back();
    pending.pop_back();
    if (!(header && ts_node_eq(node, statement))) {
      // Where every line break of a node lies inside its first child (the others sit on its
      // last line) or inside its last (the others on its first line), read only that child:
      // `x = f(` ... `)` goes down to the call's arguments without reading its siblings.
      bool skip = false;
      for (;;) {
        const uint32_t count = ts_node_child_count(node);
        if (count == 0) break;
        const TSNode first = ts_node_child(node, 0);
        TSNode inner{};
        if (ts_node_end_point(first).row == ts_node_end_point(node).row) {
          inner = first;
        } else {
          const TSNode last = ts_node_child(node, count - 1);
          if (ts_node_start_point(last).row == ts_node_start_point(node).row) inner = last;
        }
        if (ts_node_is_null(inner) || ts_node_is_extra(inner) || !ts_node_is_named(inner)) break;
        if (!spans_lines_outside_brackets(inner, source)) {
          skip = true;
          break;
        }
        node = inner;
      }
      if (skip) continue;
    }
    int depth = 0;
    TSNode before{};
    bool have_before = false;
    for (TSNode c : children(node)) {
      if (ts_node_is_extra(c)) continue;
      const TSSymbol cs = ts_node_symbol(c);
      if (header && ts_node_eq(node, statement) && cs == block_) break;
      const std::string_view k = ts_node_is_named(c) ? std::string_view() : kind(c);
      if (depth == 0 && have_before && ts_node_start_point(c).row > ts_node_end_point(before).row) {
        if (const size_t nl = logical_newline(source, ts_node_end_byte(before), ts_node_start_byte(c));
            nl != kNoLine) {
          breaks.push_back(Break{nl, last_token(before), first_token_node(c)});
        }
      }
      if (opens(k)) {
        ++depth;
      } else if (closes(k)) {
        if (depth > 0) --depth;
      } else if (depth == 0 && spans_lines_outside_brackets(c, source)) {
        pending.push_back(c);
      }
      before = c;
      have_before = true;
    }
  }
  if (breaks.empty()) return;
  std::sort(breaks.begin(), breaks.end(), [](const Break& a, const Break& b) { return a.newline < b.newline; });
  // Python then reads the next line as a statement of its own: indented deeper than the line
  // that began the logical line, it is unexpected (followed only after simple statements).
  bool follow_indentation = !header;
  uint32_t indentation = follow_indentation ? indentation_of_line(source, ts_node_start_byte(statement)) : 0;
  const bool import = is(statement, "import_statement") || is(statement, "import_from_statement");
  for (const Break& br : breaks) {
    const size_t nl = br.newline;
    const std::string_view lk = kind(br.before);
    const size_t nl_end = nl + (source[nl] == '\r' && nl + 1 < source.size() && source[nl + 1] == '\n' ? 2 : 1);
    const uint32_t nl32 = static_cast<uint32_t>(nl), nl_end32 = static_cast<uint32_t>(nl_end);
    if (lk == "not" && is(br.after, "in")) {
      // `a not` then `in b`: Python reads `not` as the start of another expression.
      out.push_back(SyntaxError{ts_node_start_byte(br.before), nl32, kSeparate});
      out.push_back(SyntaxError{nl32, nl_end32, "Expected an expression"});
      out.push_back(SyntaxError{ts_node_start_byte(br.after), ts_node_end_byte(br.after), "Expected a statement"});
      follow_indentation = false;
    } else if (lk == "," && import) {
      out.push_back(SyntaxError{ts_node_start_byte(br.before), ts_node_end_byte(br.before), "Trailing comma not allowed"});
      follow_indentation = false;
    } else if (lk.ends_with('=') && operator_after_statement(br.before)) {
      // `x += y +=` then a line: Python's statement ended before the second operator.
      out.push_back(SyntaxError{ts_node_start_byte(br.before), ts_node_end_byte(br.before), "Expected a statement"});
      out.push_back(SyntaxError{nl32, nl_end32, "Expected a statement"});
      follow_indentation = false;
    } else if (std::string m = message_at_break(statement, br.before, br.after, source); !m.empty()) {
      out.push_back(SyntaxError{nl32, nl_end32, std::move(m)});
      if (is(br.after, "else")) {
        // `x = a if b` then a line `else c`: no statement starts with `else`.
        out.push_back(SyntaxError{ts_node_start_byte(br.after), ts_node_end_byte(br.after), "Expected a statement"});
        follow_indentation = false;
      }
    } else {
      follow_indentation = false;
    }
    if (follow_indentation) {
      const uint32_t next_start = ts_node_start_byte(br.after);
      const uint32_t column = ts_node_start_point(br.after).column;
      if (indentation_of_line(source, next_start) != column || column < indentation) {
        follow_indentation = false;  // a dedent, or a line continued: not followed
      } else if (column > indentation) {
        out.push_back(SyntaxError{next_start - column, next_start, "Unexpected indentation"});
        indentation = column;
      }
    }
  }
}

}  // namespace lint
