#include "syntax.h"

#include <stdexcept>

#include "node.h"
#include "source.h"

namespace lint {

const TSLanguage* python_language() { return tree_sitter_python(); }

Parser::Parser() : parser_(ts_parser_new()) {
  // Fails when the grammar's ABI is newer than the core library's (see DEPS.md).
  if (!ts_parser_set_language(parser_, python_language())) {
    ts_parser_delete(parser_);
    throw std::runtime_error("tree-sitter-python is not compatible with this tree-sitter library");
  }
}

Parser::~Parser() { ts_parser_delete(parser_); }

Tree parse_failed() { throw std::runtime_error("tree-sitter failed to parse"); }

Tree Parser::parse(std::string_view source) {
  TSTree* tree = ts_parser_parse_string(parser_, nullptr, source.data(), static_cast<uint32_t>(source.size()));
  if (!tree) return parse_failed();
  return Tree(tree);
}

namespace {

std::string describe_token(std::string_view text) {
  // Show the first token of the unexpected text, on one line and briefly.
  size_t n = 0;
  while (n < text.size() && n < 20 && text[n] != '\n' && text[n] != '\r' &&
         !(n > 0 && (text[n] == ' ' || text[n] == '\t'))) {
    ++n;
  }
  std::string token(text.substr(0, n));
  while (!token.empty() && (static_cast<unsigned char>(token.back()) & 0xC0) == 0x80 && n < text.size() &&
         (static_cast<unsigned char>(text[n]) & 0xC0) == 0x80) {
    token += text[n++];  // keep a multi-byte character whole
  }
  return token;
}

}  // namespace

std::optional<SyntaxError> first_syntax_error(const TSTree* tree, std::string_view source) {
  TSNode root = ts_tree_root_node(tree);
  TSTreeCursor cursor = ts_tree_cursor_new(root);
  std::optional<SyntaxError> found;
  // Depth-first, pruning subtrees without errors.
  for (;;) {
    TSNode n = ts_tree_cursor_current_node(&cursor);
    const std::string_view k = kind(n);
    const uint32_t start = ts_node_start_byte(n);
    if (ts_node_is_missing(n)) {
      found = SyntaxError{start, start, "Expected `" + std::string(k) + "`"};
      break;
    }
    if (k == "ERROR") {
      const uint32_t end = ts_node_end_byte(n);
      std::string token = describe_token(source.substr(start, end - start));
      found = SyntaxError{start, start + static_cast<uint32_t>(token.size()),
                          token.empty() ? "Unexpected end of input" : "Unexpected token `" + token + "`"};
      break;
    }
    if (ts_node_has_error(n) && ts_tree_cursor_goto_first_child(&cursor)) continue;
    bool moved = false;
    while (!(moved = ts_tree_cursor_goto_next_sibling(&cursor))) {
      if (!ts_tree_cursor_goto_parent(&cursor)) break;
    }
    if (!moved) break;
  }
  ts_tree_cursor_delete(&cursor);
  return found;
}

}  // namespace lint
