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
  // A copy of one built at first use: each file's rules build their own, and looking the
  // symbols up by name costs more than the checks on a small file.
  SemanticSyntax();
  // The node kinds `check` looks at: all of them rare, or cheap to dismiss.
  const std::vector<TSSymbol>& symbols() const { return symbols_; }
  bool interested(TSSymbol s) const { return s < interested_.size() && interested_[s]; }
  void check(TSNode n, TSSymbol s, std::string_view source, std::vector<SyntaxError>& out) const;

 private:
  struct Build {};
  explicit SemanticSyntax(Build);
  void debug_bindings(TSNode module, std::string_view source, std::vector<SyntaxError>& out) const;

  std::vector<TSSymbol> symbols_;
  std::vector<bool> interested_;
  TSSymbol parameters_ = 0, lambda_parameters_ = 0, argument_list_ = 0, nonlocal_ = 0, function_ = 0, class_ = 0,
           type_alias_ = 0, module_ = 0, import_ = 0, import_from_ = 0, except_ = 0, with_item_ = 0,
           assignment_ = 0, augmented_ = 0, for_ = 0, for_in_ = 0, named_ = 0, delete_ = 0, case_pattern_ = 0,
           splat_pattern_ = 0, keyword_pattern_ = 0, as_pattern_ = 0, identifier_ = 0,
           keyword_argument_ = 0, type_parameter_ = 0;
};

// Where an error's wording depends on the target-version (`del __debug__`, an error from Python
// 3.9 on): words those of `errors` for `syntax_minor` (kNoSyntaxTarget: the newest Python, as Ruff
// without a target-version) and drops those that version accepts.
void apply_target_version(std::vector<SyntaxError>& errors, int syntax_minor);

}  // namespace lint
