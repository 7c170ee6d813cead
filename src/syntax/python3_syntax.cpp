#include "syntax/python3_syntax.h"

#include <algorithm>
#include <cctype>
#include <string>

#include "syntax/expression_syntax.h"
#include "syntax/node.h"
#include "syntax/statement_syntax.h"

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

// One statement of a block: whether it starts a line indented deeper than the block's first
// statement. `first`, `previous_end`, `column` and `have_column` carry what the block's earlier
// statements left.
std::optional<SyntaxError> indented_statement(TSNode c, bool module, std::string_view source, bool& first,
                                              uint32_t& previous_end, bool& have_column, uint32_t& column) {
  if (ts_node_is_extra(c) || !ts_node_is_named(c)) return std::nullopt;
  const uint32_t start = ts_node_start_byte(c);
  const bool starts_line =
      first || has_logical_newline(source.substr(previous_end, start > previous_end ? start - previous_end : 0));
  first = false;
  previous_end = ts_node_end_byte(c);
  if (!starts_line) return std::nullopt;
  uint32_t col = ts_node_start_point(c).column;
  // A form feed in the indentation sets it back to 0, as in Python's tokenizer (and the
  // grammar's scanner): `\f    x` is indented by 4.
  if (const size_t ff = source.substr(start - col, col).rfind('\f'); ff != std::string_view::npos) {
    col -= static_cast<uint32_t>(ff) + 1;
  }
  if (!have_column) {
    column = module ? 0 : col;
    have_column = true;
  }
  if (col > column) return SyntaxError{start - col, start, "Unexpected indentation"};
  return std::nullopt;
}

// A statement indented deeper than the others of its block (or than column 0 at module level).
std::optional<SyntaxError> unexpected_indentation(TSNode block, std::string_view source) {
  bool have_column = false;
  uint32_t column = 0;
  uint32_t previous_end = 0;
  bool first = true;
  const bool module = is(block, "module");
  for (TSNode c : children(block)) {
    if (auto e = indented_statement(c, module, source, first, previous_end, have_column, column)) return e;
  }
  return std::nullopt;
}

SyntaxError at(TSNode n, std::string message) {
  return SyntaxError{ts_node_start_byte(n), ts_node_end_byte(n), std::move(message)};
}

constexpr const char* kSeparate = "Simple statements must be separated by newlines or semicolons";

// The first token of an expression: Python's parser stops there when the expression follows
// something it has already read as a whole statement (`print "x"`: at the string).

// A node and its ancestors, the root first and the node last.
class Path {
 public:
  Path(std::span<const TSNode> ancestors, TSNode node) : ancestors_(ancestors), node_(node) {}
  size_t size() const { return ancestors_.size() + 1; }
  TSNode operator[](size_t i) const { return i < ancestors_.size() ? ancestors_[i] : node_; }
  TSNode back() const { return node_; }

 private:
  std::span<const TSNode> ancestors_;
  TSNode node_;
};

// The ancestors of `n`, the root first, by one walk down from the root (ts_node_parent walks
// down from the root at each call).
std::vector<TSNode> ancestors_of(TSNode n) {
  std::vector<TSNode> path;
  for (TSNode p = ts_tree_root_node(n.tree); !ts_node_is_null(p) && !ts_node_eq(p, n);
       p = ts_node_child_with_descendant(p, n)) {
    path.push_back(p);
  }
  return path;
}

bool ends_statement_search(std::string_view k) {
  return k == "expression_statement" || k == "block" || k == "module" || k.ends_with("_statement");
}

// What Python's parser says when a name is glued to what it has just read (`0L`, `ur"x"`): the
// bracket it expected to close or the comma, or that a new statement starts without a newline.
// `at` is the node's index in `path`.
std::string glued_name_message(const Path& path, size_t at, std::string_view found) {
  for (size_t i = at; i-- > 0;) {
    const std::string_view k = kind(path[i]);
    if (k == "argument_list" || k == "list" || k == "tuple" || k == "set" || k == "dictionary") {
      return "Expected `,`, found " + std::string(found);
    }
    if (k == "parenthesized_expression") return "Expected `)`, found " + std::string(found);
    if (k == "subscript") return "Expected `]`, found " + std::string(found);
    if (ends_statement_search(k)) break;
  }
  return kSeparate;
}

// Whether `n` starts the first argument of a call: Python's parser, having refused a token
// there, then expected an argument or the call's `)`.
bool starts_first_argument(const Path& path, size_t at) {
  const uint32_t start = ts_node_start_byte(path[at]);
  for (size_t i = at; i-- > 0;) {
    const std::string_view k = kind(path[i]);
    if (k == "argument_list") {
      const TSNode first = ts_node_named_child(path[i], 0);
      return !ts_node_is_null(first) && ts_node_start_byte(first) == start;
    }
    if (ends_statement_search(k)) return false;
  }
  return false;
}

// The error Python's parser reports after refusing the token that ends at `end`: in a first
// argument, the argument or `)` it expected at the next token; elsewhere the statement it
// expected there (`x = 0777` then the end of the line).
std::optional<SyntaxError> after_refused(const Path& path, size_t at, uint32_t end, std::string_view source,
                                         bool statement_too) {
  size_t i = end;
  while (i < source.size() && (source[i] == ' ' || source[i] == '\t')) ++i;
  if (starts_first_argument(path, at)) {
    return SyntaxError{static_cast<uint32_t>(i), static_cast<uint32_t>(std::min(i + 1, source.size())),
                       "Expected an expression or a ')'"};
  }
  if (!statement_too) return std::nullopt;
  size_t e = i;
  if (i < source.size() && (source[i] == '\n' || source[i] == '\r')) {
    e = i + (source[i] == '\r' && i + 1 < source.size() && source[i + 1] == '\n' ? 2 : 1);
  } else {
    e = std::min(i + 1, source.size());
  }
  return SyntaxError{end, static_cast<uint32_t>(e), "Expected a statement"};
}

// The bracket the node at `path[at]` sits in, up to its statement: its index in `path`, or
// kNone.
constexpr size_t kNone = static_cast<size_t>(-1);
size_t enclosing_bracket(const Path& path, size_t at) {
  for (size_t i = at; i-- > 0;) {
    const std::string_view k = kind(path[i]);
    if (k == "argument_list" || k == "list" || k == "tuple" || k == "set" || k == "dictionary" ||
        k == "parenthesized_expression" || k == "subscript") {
      return i;
    }
    if (ends_statement_search(k)) break;
  }
  return kNone;
}

// Whether a token starting with `c` can only follow an expression (`,`, `;`, `>`, `==`, ...).
bool cannot_start_expression(char c) { return std::string_view(",;<>=!%&|^@/").find(c) != std::string_view::npos; }

// After `0777` (refused), Python's parser reads on as if the number were not there: before a
// token that cannot start an expression (`,`, `>`, ...), in a call's or a list's first element
// it expected the element or the closing bracket; in a statement (or at the end of its line,
// past a comment), a statement. Inside
// parentheses (`(0777 + 1)`) the parser has lost them: each `)` is where it expected a
// statement, then the end of the line is.
void after_invalid_number(const Path& path, uint32_t end, std::string_view source, std::vector<SyntaxError>& out) {
  const TSNode n = path.back();
  const auto next_token = [&](size_t i) {
    while (i < source.size() && (source[i] == ' ' || source[i] == '\t')) ++i;
    if (i < source.size() && source[i] == '#') {
      while (i < source.size() && source[i] != '\n' && source[i] != '\r') ++i;
    }
    return i;
  };
  const auto at = [&](size_t i, std::string message) {
    size_t e = std::min(i + 1, source.size());
    if (i < source.size() && source[i] == '\r' && i + 1 < source.size() && source[i + 1] == '\n') e = i + 2;
    out.push_back(SyntaxError{static_cast<uint32_t>(i), static_cast<uint32_t>(e), std::move(message)});
  };
  size_t i = next_token(end);
  size_t b = enclosing_bracket(path, path.size() - 1);
  if (b != kNone && is(path[b], "parenthesized_expression")) {
    for (; b != kNone && is(path[b], "parenthesized_expression"); b = enclosing_bracket(path, b)) {
      const uint32_t close = ts_node_end_byte(path[b]) - 1;
      if (source[close] != ')') return;
      at(close, "Expected a statement");
      i = next_token(close + 1);
    }
    if (b != kNone) return;
  } else if (b != kNone) {
    const TSNode bracket = path[b];
    const char c = i < source.size() ? source[i] : '\n';
    if (!cannot_start_expression(c)) return;
    const TSNode first = ts_node_named_child(bracket, 0);
    if (ts_node_is_null(first) || ts_node_start_byte(first) != ts_node_start_byte(n)) return;
    if (is(bracket, "argument_list")) at(i, "Expected an expression or a ')'");
    if (is(bracket, "list")) at(i, "Expected an expression or a ']'");
    return;
  }
  const char c = i < source.size() ? source[i] : '\n';
  if (c == '\n' || c == '\r' || cannot_start_expression(c)) at(i, "Expected a statement");
}

// The clause or statement an empty block belongs to, as Python's parser names it.
std::string_view block_owner(std::string_view k) {
  if (k == "function_definition") return "function definition";
  if (k == "class_definition") return "`class` definition";
  if (k == "if_statement") return "`if` statement";
  if (k == "elif_clause") return "`elif` clause";
  if (k == "else_clause") return "`else` clause";
  if (k == "for_statement") return "`for` statement";
  if (k == "while_statement") return "`while` statement";
  if (k == "with_statement") return "`with` statement";
  if (k == "try_statement") return "`try` statement";
  if (k == "except_clause") return "`except` clause";
  if (k == "finally_clause") return "`finally` clause";
  if (k == "match_statement") return "`match` statement";
  if (k == "case_clause") return "`case` block";
  return "";
}

// Whether a block holds no statement (comments at most).
bool without_statements(TSNode block) {
  for (TSNode c : children(block)) {
    if (!ts_node_is_extra(c)) return false;
  }
  return true;
}

// The ancestor `up` levels above the node at the end of `path` (1: its parent), or a null node.
TSNode ancestor(const Path& path, size_t up) { return up < path.size() ? path[path.size() - 1 - up] : TSNode{}; }

// A block without statements (`def f():` followed by a line that is not indented): where
// Python's parser expected the indented block. `path` ends at the block.
std::optional<SyntaxError> empty_block(const Path& path, std::string_view source) {
  const TSNode block = path.back();
  const TSNode parent = ancestor(path, 1);
  // A statement the parser could not read whole: its error is reported already.
  if (ts_node_is_null(parent) || ts_node_has_error(parent)) return std::nullopt;
  const std::string_view owner = block_owner(kind(parent));
  if (owner.empty()) return std::nullopt;
  // Where the parser looks for the indented block: the next token after the `:`.
  const TSNode colon = ts_node_prev_sibling(block);
  size_t i = ts_node_is_null(colon) ? ts_node_start_byte(block) : ts_node_end_byte(colon);
  const size_t colon_end = i;
  for (;;) {
    while (i < source.size() && (source[i] == ' ' || source[i] == '\t' || source[i] == '\f' || source[i] == '\n' ||
                                 source[i] == '\r')) {
      ++i;
    }
    if (i < source.size() && source[i] == '#') {
      while (i < source.size() && source[i] != '\n' && source[i] != '\r') ++i;
      continue;
    }
    break;
  }
  if (i >= source.size()) {
    // At the end of the file: at the line break after the colon.
    size_t j = colon_end;
    while (j < source.size() && (source[j] == ' ' || source[j] == '\t')) ++j;
    return SyntaxError{static_cast<uint32_t>(j), static_cast<uint32_t>(source.size()),
                       "Expected an indented block after " + std::string(owner)};
  }
  size_t e = i;
  while (e < source.size() && (std::isalnum(static_cast<unsigned char>(source[e])) || source[e] == '_' ||
                               static_cast<unsigned char>(source[e]) >= 0x80)) {
    ++e;
  }
  if (e == i) e = i + 1;
  return SyntaxError{static_cast<uint32_t>(i), static_cast<uint32_t>(e),
                     "Expected an indented block after " + std::string(owner)};
}

// Symbols looked up here rather than held in the class, whose header many files include.
TSSymbol for_in_clause() {
  static const TSSymbol s = named(python_language(), "for_in_clause");
  return s;
}

TSSymbol if_clause() {
  static const TSSymbol s = named(python_language(), "if_clause");
  return s;
}

constexpr const char* kLambdaHere = "Lambda expression cannot be used here";

// A comprehension's `for ... in X` and `if X` take no bare lambda in Python 3, and its
// iterable no bare tuple (`for x in a, b`), which the grammar reads as several iterables: Ruff's
// parser closes the comprehension at the comma. What it reports after that depends on the
// context, and is left out. `path_of()` gives the path to the clause `n`, read only where needed.
template <class PathOf>
void check_comprehension_clause(TSNode n, bool for_in, PathOf&& path_of, std::string_view source,
                                std::vector<SyntaxError>& out) {
  if (!for_in) {
    const TSNode condition = ts_node_named_child(n, 0);
    if (ts_node_is_null(condition) || !is(condition, "lambda")) return;
    // A case guard (`case y if lambda: x:`) takes any expression.
    const TSNode owner = ancestor(path_of(), 1);
    if (!ts_node_is_null(owner) && is(owner, "case_clause")) return;
    out.push_back(at(condition, kLambdaHere));
    return;
  }
  TSNode first{};
  bool after_first = false;
  for (uint32_t i = 0, count = ts_node_child_count(n); i < count; ++i) {
    const char* f = ts_node_field_name_for_child(n, i);
    const TSNode c = ts_node_child(n, i);
    if (f && std::string_view(f) == "right") {
      if (ts_node_is_null(first)) {
        first = c;
        if (is(first, "lambda")) out.push_back(at(first, kLambdaHere));
        after_first = true;
        continue;
      }
    }
    if (after_first && is(c, ",")) {
      const Path path = path_of();
      const TSNode comprehension = ancestor(path, 1);
      if (ts_node_is_null(comprehension)) return;
      // A generator that is a call's only argument is another error in Ruff's parser.
      const TSNode holder = ancestor(path, 2);
      if (is(comprehension, "generator_expression") && !ts_node_is_null(holder) && is(holder, "call")) return;
      const uint32_t close = ts_node_end_byte(comprehension);
      if (close == 0) return;
      const uint32_t comma = ts_node_start_byte(c);
      out.push_back(SyntaxError{comma, comma + 1, "Expected `" + std::string(1, source[close - 1]) + "`, found `,`"});
      return;
    }
    if (after_first && !ts_node_is_extra(c)) after_first = false;
  }
}

}  // namespace

Python3Syntax::Python3Syntax() {
  static const Python3Syntax built{Build{}};
  *this = built;
}

Python3Syntax::Python3Syntax(Build) {
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
  string_end_ = named(lang, "string_end");
  parameters_ = named(lang, "parameters");
  await_ = named(lang, "await");
  interested_.assign(ts_language_symbol_count(lang), 0);
  for (TSSymbol s : {print_, exec_, module_, block_, integer_, raise_, not_equal_py2_, string_start_, string_end_, line_continuation_, parameters_, await_,
                     for_in_clause(), if_clause()}) {
    if (s != 0) interested_[s] = kOwn;
  }
  mark_statement_syntax(interested_, kStatementSyntax);
  for (TSSymbol s : semantic_.symbols()) interested_[s] |= kSemanticSyntax;
}

void BlockIndentation::child(TSNode c, std::string_view source, std::vector<SyntaxError>& out) {
  ExpressionSyntax::instance().statement(c, source, out);
  Block& b = open_.back();
  if (b.reported) return;
  if (auto e = indented_statement(c, b.module, source, b.first, b.previous_end, b.have_column, b.column)) {
    out.push_back(std::move(*e));
    b.reported = true;
  }
}

std::pair<uint32_t, uint32_t> first_token(TSNode n, std::string_view source) {
  while (ts_node_child_count(n) > 0) {
    if (is(n, "string")) {
      const TSNode start = ts_node_child(n, 0);
      const uint32_t a = ts_node_start_byte(start);
      const std::string_view opening = source.substr(a, ts_node_end_byte(start) - a);
      if (opening.find_first_of("fFtT") == std::string_view::npos) break;  // one token
    }
    n = ts_node_child(n, 0);
  }
  return {ts_node_start_byte(n), ts_node_end_byte(n)};
}

void Python3Syntax::check(TSNode n, TSSymbol s, std::string_view source, std::vector<SyntaxError>& out) const {
  if (s == module_ || s == block_) {
    if (auto e = unexpected_indentation(n, source)) out.push_back(std::move(*e));
  }
  std::vector<TSNode> derived;
  check(n, s, source, out, {}, &derived);
}

void Python3Syntax::check(TSNode n, TSSymbol s, std::string_view source, std::vector<SyntaxError>& out,
                          std::span<const TSNode> ancestors, std::vector<TSNode>* derived) const {
  const uint32_t start = ts_node_start_byte(n);
  const std::string_view text = source.substr(start, ts_node_end_byte(n) - start);
  const auto path_of = [&] {
    if (derived) {
      if (derived->empty()) *derived = ancestors_of(n);
      return Path(*derived, n);
    }
    return Path(ancestors, n);
  };
  if (s < interested_.size() && (interested_[s] & kSemanticSyntax)) semantic_.check(n, s, source, out);
  if (s == for_in_clause() || s == if_clause()) {
    check_comprehension_clause(n, s == for_in_clause(), path_of, source, out);
    return;
  }
  if (s == print_ || s == exec_) {
    const TSNode first = ts_node_named_child(n, 0);
    // `print >> f, x` is valid Python 3 too: a tuple holding a shift.
    if (s == print_ && !ts_node_is_null(first) && is(first, "chevron")) return;
    // `print` alone is a name; what follows it is a second statement on the line.
    if (ts_node_is_null(first)) return;
    const auto [a, b] = first_token(first, source);
    out.push_back(SyntaxError{a, b, kSeparate});
    return;
  }
  if (s == module_ || s == block_) {
    if (s == block_ && without_statements(n)) {
      if (auto e = empty_block(path_of(), source)) out.push_back(std::move(*e));
    }
    return;
  }
  if (s == integer_) {
    const bool octal = text.size() > 1 && text[0] == '0' && text[1] >= '0' && text[1] <= '9' &&
                       text.find_first_not_of("0_lL") != std::string_view::npos &&
                       text.find_first_of("jJeE.") == std::string_view::npos;
    if (octal) {
      // `0177`: Python 2 octal (`00` and `0_0` are fine); `0177L` is refused at the digits alone.
      const bool suffix = text.ends_with('l') || text.ends_with('L');
      const uint32_t end = start + static_cast<uint32_t>(text.size()) - (suffix ? 1 : 0);
      out.push_back(SyntaxError{start, end, "Invalid decimal integer literal"});
      // Ruff's parser skips the refused token (and reads a suffix `L` as the expression); it
      // then expected something else only where a `,`, a `;` or the end of the line follows.
      const Path path = path_of();
      const size_t bracket = enclosing_bracket(path, path.size() - 1);
      if (!suffix || (bracket != kNone && is(path[bracket], "parenthesized_expression"))) {
        after_invalid_number(path, end, source, out);
      }
      return;
    }
    if (text.ends_with('l') || text.ends_with('L')) {
      // Python reads `10L` as the number 10 followed by the name `L`.
      const uint32_t l = start + static_cast<uint32_t>(text.size()) - 1;
      const Path path = path_of();
      out.push_back(SyntaxError{l, l + 1, glued_name_message(path, path.size() - 1, "identifier")});
      return;
    }
    return;
  }
  if (s < interested_.size() && (interested_[s] & kStatementSyntax)) {
    check_statement_syntax(n, s, source, out);
    if (s != parameters_ && s != raise_) return;
  }
  if (s == raise_) {
    const TSNode first = ts_node_named_child(n, 0);
    if (!ts_node_is_null(first) && is(first, "expression_list")) {
      out.push_back(at(first, "Unparenthesized tuple expression cannot be used here"));
    }
    return;
  }
  if (s == parameters_) {
    // Python 2 tuple parameters, `def f(a, (b, c))`: the parser expected the list's `)`.
    for (uint32_t i = 0, count = ts_node_named_child_count(n); i < count; ++i) {
      const TSNode p = ts_node_named_child(n, i);
      if (!is(p, "tuple_pattern") && !is(p, "list_pattern")) continue;
      const uint32_t open = ts_node_start_byte(p);
      out.push_back(SyntaxError{open, open + 1, "Expected `)`, found `" + std::string(1, source[open]) + "`"});
      if (text.ends_with(')')) {
        // It then reads the tuple as a statement, which the list's `)` cannot follow.
        const uint32_t close = ts_node_end_byte(n) - 1;
        out.push_back(SyntaxError{close, close + 1, "Expected newline, found `)`"});
        if (close + 1 < source.size() && source[close + 1] == ':') {
          out.push_back(SyntaxError{close + 1, close + 2, "Expected a statement"});
        }
      }
      return;
    }
    return;
  }
  if (s == await_) {
    // `await` takes a primary (a name, literal, attribute, subscript, call or bracket); the
    // grammar also takes another `await` or a unary operator there (`await await x`, `await -x`).
    const TSNode operand = ts_node_named_child(n, 0);
    if (ts_node_is_null(operand)) return;
    if (ts_node_symbol(operand) == await_) {
      out.push_back(at(operand, "Await expression cannot be used here"));
    } else if (is(operand, "unary_operator")) {
      const TSNode op = ts_node_child(operand, 0);
      const uint32_t a = ts_node_start_byte(op);
      out.push_back(at(operand, "Unary '" + std::string(source.substr(a, ts_node_end_byte(op) - a)) +
                                    "' expression cannot be used here"));
    }
    return;
  }
  if (s == not_equal_py2_) {
    // Python reads `<>` as `<` then `>`, where an operand was expected.
    out.push_back(SyntaxError{start + 1, start + 2, "Expected an expression"});
    return;
  }
  // A backslash continuing the line onto the end of the file (the grammar takes it for an extra).
  if (s == line_continuation_ && ts_node_end_byte(n) >= source.size()) {
    out.push_back(SyntaxError{start, start + 1, "unexpected EOF while parsing"});
    return;
  }
  if ((s == string_start_ || s == string_end_) && text.starts_with('`')) {
    out.push_back(SyntaxError{start, start + 1, "Got unexpected token `"});
    if (s == string_end_) {
      // The string holding the backquote, or the token itself at the root.
      const Path path = path_of();
      const size_t string = path.size() >= 2 ? path.size() - 2 : path.size() - 1;
      if (auto e = after_refused(path, string, start + 1, source, true)) {
        out.push_back(std::move(*e));
      }
    }
    return;
  }
  if (s == string_start_) {
    bool u = false, r = false, b = false;
    size_t quote = 0;
    for (; quote < text.size(); ++quote) {
      const char c = text[quote];
      u |= c == 'u' || c == 'U';
      r |= c == 'r' || c == 'R';
      b |= c == 'b' || c == 'B';
      if (c == '\'' || c == '"') break;
    }
    if (b) check_bytes_literal(n, source, out);
    if (u && r) {
      // Python reads `ur` as a name followed by a string.
      const Path path = path_of();
      const uint32_t a = start + static_cast<uint32_t>(quote);
      const uint32_t b = path.size() >= 2 ? ts_node_end_byte(path[path.size() - 2]) : ts_node_end_byte(n);
      out.push_back(SyntaxError{a, b, glued_name_message(path, path.size() >= 2 ? path.size() - 2 : 0, "string")});
    }
  }
}

}  // namespace lint
