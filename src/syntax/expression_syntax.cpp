#include "syntax/expression_syntax.h"

#include <algorithm>
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

// `x += y += 1` or `x = y += 1`: Python's statement ends before the inner operator.
void nested_assignment(TSNode n, std::vector<SyntaxError>& out) {
  TSNode inner{};
  for (TSNode c : children(n)) {
    if (ts_node_is_named(c) && !ts_node_is_extra(c)) inner = c;  // the right side is the last
  }
  if (ts_node_is_null(inner) || !invalid_nesting(n, inner)) {
    const TSNode outer = ts_node_parent(n);
    if (ts_node_is_null(outer) || !is(outer, "assignment")) return;
    inner = n;
  }
  const TSNode op = assignment_operator(inner);
  if (!ts_node_is_null(op)) out.push_back(SyntaxError{ts_node_start_byte(op), ts_node_end_byte(op), "Expected a statement"});
}

// `await` alone ending a statement: the grammar reads it as a name, Python expected its operand
// where the line ends (`x = await`).
void await_alone(TSNode statement, std::string_view source, std::vector<SyntaxError>& out) {
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

}  // namespace

ExpressionSyntax::ExpressionSyntax() {
  const TSLanguage* lang = python_language();
  interested_.assign(ts_language_symbol_count(lang), false);
  headers_.assign(ts_language_symbol_count(lang), false);
  block_ = named("block");
  string_ = named("string");
  import_ = named("import_statement");
  expression_statement_ = named("expression_statement");
  augmented_ = named("augmented_assignment");
  symbols_.push_back(augmented_);
  for (std::string_view k :
       {"expression_statement", "return_statement", "delete_statement", "raise_statement", "assert_statement",
        "global_statement", "nonlocal_statement", "import_statement", "import_from_statement",
        "future_import_statement", "type_alias_statement", "print_statement", "exec_statement", "decorator"}) {
    if (const TSSymbol s = named(k); s != 0) symbols_.push_back(s);
  }
  for (std::string_view k : {"if_statement", "elif_clause", "else_clause", "while_statement", "for_statement",
                             "with_statement", "try_statement", "except_clause", "finally_clause",
                             "function_definition", "class_definition", "match_statement", "case_clause"}) {
    if (const TSSymbol s = named(k); s != 0) {
      symbols_.push_back(s);
      headers_[s] = true;
    }
  }
  for (TSSymbol s : symbols_) interested_[s] = true;
}

void ExpressionSyntax::check(TSNode n, TSSymbol s, std::string_view source, std::vector<SyntaxError>& out) const {
  if (s == augmented_) {
    nested_assignment(n, out);
    return;
  }
  if (s == expression_statement_) await_alone(n, source, out);
  if (s == import_) {
    // `import a,`: the grammar takes a trailing comma that Python refuses.
    const uint32_t end = ts_node_end_byte(n);
    if (end > 0 && source[end - 1] == ',') out.push_back(SyntaxError{end - 1, end, "Trailing comma not allowed"});
  }
  const bool header = headers_[s];
  // Most statements sit on one line: nothing to read there.
  if (!header && ts_node_start_point(n).row == ts_node_end_point(n).row) return;
  logical_lines(n, header, source, out);
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
    const TSNode node = pending.back();
    pending.pop_back();
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
      } else if (depth == 0 && ts_node_start_point(c).row != ts_node_end_point(c).row && cs != string_ &&
                 cs != block_) {
        // A node that starts with a bracket and ends with its closing one holds no line break
        // that matters.
        const TSNode first = ts_node_child(c, 0);
        const bool bracketed = !ts_node_is_null(first) && !ts_node_is_named(first) && opens(kind(first)) &&
                               closes(source.substr(ts_node_end_byte(c) - 1, 1));
        if (!bracketed) pending.push_back(c);
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
