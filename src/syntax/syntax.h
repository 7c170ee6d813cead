// Parsing with tree-sitter-python and locating the first syntax error.
#pragma once

#include <tree_sitter/api.h>

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

extern "C" const TSLanguage* tree_sitter_python(void);

namespace lint {

const TSLanguage* python_language();

// The symbol of a node kind by its exact name, named kinds first, then anonymous ones (tokens such
// as `(`); 0 when the grammar has no such kind. tree-sitter's own lookup takes any prefix of
// "ERROR", the empty name included, for the error symbol, which is outside the symbol table.
TSSymbol kind_symbol(std::string_view name);

struct TreeDeleter {
  void operator()(TSTree* t) const { ts_tree_delete(t); }
};
using Tree = std::unique_ptr<TSTree, TreeDeleter>;

// One parser per thread: a TSParser is not shared between threads.
class Parser {
 public:
  Parser();
  ~Parser();
  Parser(const Parser&) = delete;
  Parser& operator=(const Parser&) = delete;
  Tree parse(std::string_view source);

 private:
  TSParser* parser_;
};

struct SyntaxError {
  uint32_t start_byte;
  uint32_t end_byte;
  std::string message;  // without the "SyntaxError: " prefix
  // Raised by Python after parsing (a duplicate parameter): reported only where the file parses,
  // and the file is linted as usual, as Ruff does.
  bool semantic = false;
};

// Where tree-sitter-python rejects valid Python, a same-length rewrite of the text that it
// parses as Python does: newlines and comments inside brackets become spaces (the grammar's
// scanner mistakes a dedented continuation line such as `(a.\n  b)` for a dedent),
// `from __future__ import *` (a compile-time error, but valid syntax) gets an ordinary module
// name, and a type parameter's default (`[T = int]`, Python 3.13, which grammar 0.25 lacks) is
// read as a bound, and the star of a starred first subject of `match` (`match *a, b:`, which the
// grammar reads as a multiplication) becomes a blank. An annotation where an operator follows a
// subscripted name (`x: A[b] is not c = None`, which the grammar reads as a generic type that
// nothing may follow) is put in parentheses on the blanks around it, and the star of a starred
// list or tuple target (`for [*[*a]], b in c`, `*(a, b), c = d`) becomes a blank (a `(` closed
// before the `=` at the start of a line), so its names are still bound. Byte offsets are
// unchanged, so rules read the original text at the same ranges. Returns "" when there is
// nothing to rewrite.
std::string rewrite_for_parse(std::string_view source);

// `type(x).attr = value` at the start of a statement is an assignment, but tree-sitter-python
// reads `type` there as the soft keyword of a type alias. Returns the text with those `type`s
// renamed (same length), or "" when there are none.
std::string rewrite_type_soft_keyword(std::string_view source);

// A run of lines that hold nothing but a line continuation (`\`) costs tree-sitter-python's
// scanner time quadratic in the run's length: before each token it reads ahead over every
// continuation that follows. Python reads such a run as blanks, so the continuations of the run
// but the last become blanks (same length, outside strings and comments), and the scanner reads
// the run once. Returns the rewritten text, or "" when there is no run of two or more.
std::string join_continuation_runs(std::string_view source);

// tree-sitter 0.20.7 corrupts its heap recovering from more than 65,535 unclosed brackets.
// Returns the byte offset of the end of input when the source leaves that many brackets open
// (outside strings and comments), so the caller reports a syntax error without parsing.
std::optional<uint32_t> too_many_open_brackets(std::string_view source);

// CPython's tokenizer refuses a 100th level of indentation ("too many levels of indentation");
// tree-sitter-python's scanner, whose saved state holds 255 levels at most, fails further down
// with a misleading error. Returns the offset of the first line indented to a 100th level (a
// logical line: not inside brackets, a string or after a backslash), so the caller reports
// Python's error without parsing. Cheap when no line is indented by 100 columns or more.
std::optional<uint32_t> too_many_indentation_levels(std::string_view source);

// Every syntax error tree-sitter found (each outermost ERROR node and each MISSING node), in
// document order, worded as Python's parser words the common cases.
std::vector<SyntaxError> syntax_errors(const TSTree* tree, std::string_view source);

// The tree as tree-sitter's ts_node_string() writes it (named nodes, field names, MISSING and
// UNEXPECTED), written without recursion: ts_node_string() overflows the stack on trees tens of
// thousands deep.
std::string tree_string(TSNode root, std::string_view source);

// The first of syntax_errors(). Constructs that tree-sitter-python accepts
// but Python 3 rejects (Python 2 print and exec statements) are found by the traversal instead.
std::optional<SyntaxError> first_syntax_error(const TSTree* tree, std::string_view source);

}  // namespace lint
