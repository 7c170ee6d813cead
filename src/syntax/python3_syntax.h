// Python 3 syntax that tree-sitter-python accepts but Python (and Ruff) reject: mostly Python 2
// leftovers. Checked during the one walk, on the few node kinds that can hold them.
#pragma once

#include <tree_sitter/api.h>

#include <optional>
#include <string_view>
#include <vector>

#include "syntax/syntax.h"

namespace lint {

class Python3Syntax {
 public:
  Python3Syntax();
  bool interested(TSSymbol s) const { return s < interested_.size() && interested_[s]; }
  // Appends the violations at `n` (whose symbol is `s`) to `out`, worded and placed as Ruff's
  // parser reports them.
  void check(TSNode n, TSSymbol s, std::string_view source, std::vector<SyntaxError>& out) const;

 private:
  std::vector<bool> interested_;
  TSSymbol print_ = 0, exec_ = 0, module_ = 0, block_ = 0, integer_ = 0, raise_ = 0, not_equal_py2_ = 0,
           string_start_ = 0, string_end_ = 0, line_continuation_ = 0, parameters_ = 0;
};

}  // namespace lint
