// Expressions tree-sitter-python accepts and Python refuses: an operand missing where a line
// break ended the logical line (the grammar reads on across it), starred and named expressions
// where Python takes neither. Checked during the one walk, on the node kinds listed in
// `symbols()`; worded and placed as Ruff's parser reports them.
#pragma once

#include <tree_sitter/api.h>

#include <string_view>
#include <vector>

#include "syntax/syntax.h"

namespace lint {

class ExpressionSyntax {
 public:
  ExpressionSyntax();
  // The node kinds `check` reads.
  const std::vector<TSSymbol>& symbols() const { return symbols_; }
  bool interested(TSSymbol s) const { return s < interested_.size() && interested_[s]; }
  void check(TSNode n, TSSymbol s, std::string_view source, std::vector<SyntaxError>& out) const;

 private:
  void logical_lines(TSNode statement, bool header, std::string_view source, std::vector<SyntaxError>& out) const;

  std::vector<TSSymbol> symbols_;
  std::vector<bool> interested_;
  std::vector<bool> headers_;  // compound statements and clauses: only what precedes the block
  TSSymbol block_ = 0, string_ = 0, import_ = 0, expression_statement_ = 0, augmented_ = 0;
};

}  // namespace lint
