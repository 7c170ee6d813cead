// One walk per file, dispatching each node to the rules subscribed to its kind.
#pragma once

#include <tree_sitter/api.h>

#include <memory>
#include <optional>
#include <span>
#include <stdexcept>
#include <vector>

#include "engine/rule.h"
#include "engine/timing.h"
#include "python/python_rules.h"
#include "syntax/python3_syntax.h"
#include "syntax/version_syntax.h"
#include "syntax/syntax.h"

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
  bool needs_semantic() const { return needs_semantic_; }
  // ERROR nodes carry symbol 65535, outside the grammar's symbol table.
  const std::vector<uint16_t>& rules_for(TSSymbol s) const { return s < by_symbol_.size() ? by_symbol_[s] : none_; }
  // Those of rules_for(s) that override leave().
  const std::vector<uint16_t>& leave_rules_for(TSSymbol s) const {
    return s < leave_by_symbol_.size() ? leave_by_symbol_[s] : none_;
  }
  // Whether any rule overrides leave().
  bool any_leave() const { return any_leave_; }
  const Python3Syntax& python3() const { return python3_; }
  const VersionSyntax& version() const { return version_; }

 private:
  std::span<const RuleSpec* const> rules_;
  std::vector<std::vector<uint16_t>> by_symbol_, leave_by_symbol_;
  std::vector<uint16_t> none_;
  Python3Syntax python3_;
  VersionSyntax version_;
  bool needs_semantic_ = false;
  bool any_leave_ = false;
};

struct WalkResult {
  // The constructs that tree-sitter-python accepts but Python 3 rejects (see Python3Syntax), in
  // the order the walk met them.
  std::vector<SyntaxError> python_errors;
  // Syntax newer than the configured target-version (see VersionSyntax): reported, but the file
  // is linted as usual.
  std::vector<SyntaxError> version_errors;
  // The semantic model, when a builder was given and the file parsed without errors.
  std::unique_ptr<SemanticModel> semantic;
  // The nodes Python rules asked for, with the method to call, in walk order.
  PythonCollector python;
};

// Walks the tree iteratively (deep nesting cannot overflow the stack). Nodes whose subtree holds
// a syntax error are not dispatched, so parser error recovery cannot cause false positives;
// their error-free descendants still are.
// With `timing`, each rule's calls are timed and counted, and the walk's own time recorded.
// With `semantic` set (and a tree without syntax errors) the semantic model is built in the same
// walk and resolved before the rules' finish(), which can then read it from the context.
// The semantic model alone, by a walk of its own: for Python rules, which build it only for the
// files where they need it (see PythonRules::FileInput). Null for a tree with syntax errors.
std::unique_ptr<SemanticModel> build_semantic_model(const TSTree* tree, std::string_view source, std::string_view path,
                                                    int target_minor, bool notebook);

WalkResult walk(const TSTree* tree, const DispatchTable& table, std::span<const std::unique_ptr<Rule>> rules,
                Context& ctx, bool semantic = false, const PythonRules* python = nullptr,
                FileTiming* timing = nullptr, int syntax_minor = kNoSyntaxTarget);

}  // namespace lint
