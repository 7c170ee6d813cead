// One walk per file, dispatching each node to the rules subscribed to its kind.
#pragma once

#include <tree_sitter/api.h>

#include <memory>
#include <optional>
#include <span>
#include <stdexcept>
#include <vector>

#include "rule.h"

namespace lint {

struct UnknownNodeKind : std::runtime_error {
  using std::runtime_error::runtime_error;
};

// Built once per run: for each grammar symbol, the rules (by index into the selection) that visit it.
class DispatchTable {
 public:
  // Throws UnknownNodeKind when a rule names a kind the grammar does not have.
  explicit DispatchTable(std::span<const RuleSpec* const> rules);

  std::span<const RuleSpec* const> rules() const { return rules_; }
  const std::vector<uint16_t>& rules_for(TSSymbol s) const { return by_symbol_[s]; }
  TSSymbol print_statement() const { return print_statement_; }
  TSSymbol exec_statement() const { return exec_statement_; }

 private:
  std::span<const RuleSpec* const> rules_;
  std::vector<std::vector<uint16_t>> by_symbol_;
  TSSymbol print_statement_ = 0;
  TSSymbol exec_statement_ = 0;
};

struct WalkResult {
  // The first Python 2 print or exec statement: valid for tree-sitter, a syntax error for Python 3.
  std::optional<TSNode> python2_statement;
};

// Walks the tree iteratively (deep nesting cannot overflow the stack). Nodes whose subtree holds
// a syntax error are not dispatched, so parser error recovery cannot cause false positives;
// their error-free descendants still are.
WalkResult walk(const TSTree* tree, const DispatchTable& table, std::span<const std::unique_ptr<Rule>> rules,
                Context& ctx);

}  // namespace lint
