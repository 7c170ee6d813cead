// Expressions tree-sitter-python accepts and Python refuses: an operand missing where a line
// break ended the logical line (the grammar reads on across it). Checked during the one walk,
// statement by statement (BlockIndentation hands over each child of a block); worded and placed
// as Ruff's parser reports them.
#pragma once

#include <tree_sitter/api.h>

#include <cstdint>
#include <string_view>
#include <vector>

#include "syntax/syntax.h"

namespace lint {

class ExpressionSyntax {
 public:
  ExpressionSyntax();
  static const ExpressionSyntax& instance() {
    static const ExpressionSyntax syntax;
    return syntax;
  }
  // A block's child: a simple statement is checked, anything else ignored. Called for every
  // statement, so the common case (one line, not ending in `t`) is decided here, inline.
  void statement(TSNode n, std::string_view source, std::vector<SyntaxError>& out) const {
    if (ts_node_start_point(n).row != ts_node_end_point(n).row) {
      several_lines(n, source, out);
      return;
    }
    const uint32_t end = ts_node_end_byte(n);
    if (end > 0 && source[end - 1] == 't') await_alone(n, source, out);
  }

 private:
  void several_lines(TSNode n, std::string_view source, std::vector<SyntaxError>& out) const;
  void await_alone(TSNode n, std::string_view source, std::vector<SyntaxError>& out) const;
  bool spans_lines_outside_brackets(TSNode n, std::string_view source) const;
  void logical_lines(TSNode statement, bool header, std::string_view source, std::vector<SyntaxError>& out) const;

  std::vector<bool> statements_;  // the simple statements' kinds
  TSSymbol block_ = 0, string_ = 0, expression_statement_ = 0;
};

}  // namespace lint
