// Errors Python raises after parsing, on a tree that parses (a parameter named twice, `nonlocal`
// in a module): Ruff reports them as invalid syntax, yet still runs its other rules on the file.
// Each error found here has `semantic` set, which the linter reads to do the same.
#pragma once

#include <tree_sitter/api.h>

#include <string_view>
#include <vector>

#include "syntax/syntax.h"

namespace lint {

class SemanticSyntax {
 public:
  SemanticSyntax();
  // The node kinds `check` looks at: all of them rare, or cheap to dismiss.
  const std::vector<TSSymbol>& symbols() const { return symbols_; }
  bool interested(TSSymbol s) const { return s < interested_.size() && interested_[s]; }
  void check(TSNode n, TSSymbol s, std::string_view source, std::vector<SyntaxError>& out) const;

 private:
  std::vector<TSSymbol> symbols_;
  std::vector<bool> interested_;
  TSSymbol parameters_ = 0, lambda_parameters_ = 0, argument_list_ = 0, nonlocal_ = 0, function_ = 0, class_ = 0,
           type_alias_ = 0;
};

}  // namespace lint
