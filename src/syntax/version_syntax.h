// Syntax newer than the configured `target-version`: `match` before Python 3.10, `except*`
// before 3.11, type aliases and parameter lists before 3.12, t-strings before 3.14... Each use
// is reported with Ruff's wording ("Cannot use `match` statement on Python 3.9 (syntax was
// added in Python 3.10)"); unlike other syntax errors these do not stop the file being linted.
// Checked during the one walk, on the few node kinds that can hold such syntax.
#pragma once

#include <tree_sitter/api.h>

#include <span>
#include <string_view>
#include <vector>

#include "syntax/syntax.h"

namespace lint {

// No target-version configured: syntax is then checked against the newest Python, as Ruff
// checks it.
constexpr int kNoSyntaxTarget = 1000;

class VersionSyntax {
 public:
  VersionSyntax();
  bool interested(TSSymbol s) const { return s < interested_.size() && interested_[s]; }
  // Appends what `n` (whose symbol is `s`) uses that Python 3.<minor> lacks to `out`. Some uses
  // depend on what encloses `n`: `ancestors` are its ancestors, the root first and its parent
  // last, as the walk keeps them (ts_node_parent walks down from the root at each call).
  void check(TSNode n, TSSymbol s, std::string_view source, int minor, std::span<const TSNode> ancestors,
             std::vector<SyntaxError>& out) const;

 private:
  std::vector<bool> interested_;
  TSSymbol type_alias_ = 0, match_ = 0, except_ = 0, definition_ = 0, class_ = 0, string_ = 0, with_clause_ = 0,
           subscript_ = 0, return_ = 0, yield_ = 0, set_ = 0, set_comprehension_ = 0, named_expression_ = 0,
           positional_separator_ = 0, for_ = 0, splat_type_ = 0, decorator_ = 0;
};

}  // namespace lint
