// The contract between the engine and a native rule.
//
// A rule is a class deriving from Rule plus one RuleSpec describing it (code, kebab-case name, the
// node kinds it visits, its documentation). The spec is listed in rules/rules.def; the engine
// creates one instance of each selected rule per file, so a rule may keep per-file state in members.
#pragma once

#include <tree_sitter/api.h>

#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "diagnostic.h"
#include "semantic.h"
#include "node.h"
#include "source.h"

namespace lint {

class Rule;

struct RuleSpec {
  std::string_view code;    // "E711"
  std::string_view name;    // "none-comparison"
  std::string_view linter;  // "pycodestyle", "pyflakes", ...: the origin of the code
  std::vector<std::string_view> kinds;  // node kinds dispatched to enter()/leave()
  std::string_view doc;     // Markdown: What it does / Why is this bad? / Example
  std::function<std::unique_ptr<Rule>()> create;
  // Ruff runs only its token-based rules (E701-E703 here) on a file with a syntax error; the
  // others report nothing there. Rules that set this keep their diagnostics in such files.
  bool runs_on_invalid_syntax = false;
  // The rule reads the semantic model (ctx.semantic()) in finish(); the engine builds the model
  // only when a selected rule asks for it.
  bool needs_semantic = false;
  // A rule written in Python (see src/python/): run by the embedded interpreter, not create().
  bool python = false;
};

// Everything a rule may read about the file being linted.
class Context {
 public:
  Context(std::string_view path, std::string_view source, const LineIndex& lines, TSTree* tree)
      : path_(path), source_(source), lines_(lines), tree_(tree) {}

  std::string_view path() const { return path_; }
  std::string_view source() const { return source_; }
  const LineIndex& lines() const { return lines_; }
  TSNode root() const { return ts_tree_root_node(tree_); }
  std::string_view text(TSNode n) const {
    const uint32_t s = ts_node_start_byte(n);
    return source_.substr(s, ts_node_end_byte(n) - s);
  }

  // The file's semantic model: available in finish() to rules that set needs_semantic.
  const SemanticModel* semantic() const { return semantic_; }
  void set_semantic(const SemanticModel* m) { semantic_ = m; }

  void add(Diagnostic d) { diagnostics_.push_back(std::move(d)); }
  std::vector<Diagnostic>& diagnostics() { return diagnostics_; }

 private:
  std::string_view path_;
  std::string_view source_;
  const LineIndex& lines_;
  TSTree* tree_;
  std::vector<Diagnostic> diagnostics_;
  const SemanticModel* semantic_ = nullptr;
};

class Rule {
 public:
  virtual ~Rule() = default;
  // Called for each node of a subscribed kind, before and after its children.
  virtual void enter(TSNode, Context&) {}
  virtual void leave(TSNode, Context&) {}
  // Called once after the walk.
  virtual void finish(Context&) {}

  const RuleSpec& spec() const { return *spec_; }
  void set_spec(const RuleSpec* spec) { spec_ = spec; }

 protected:
  void report(Context& ctx, uint32_t start_byte, uint32_t end_byte, std::string message) const {
    Diagnostic d;
    d.rule = spec_;
    d.message = std::move(message);
    d.start_byte = start_byte;
    d.end_byte = end_byte;
    ctx.add(std::move(d));
  }
  void report(Context& ctx, TSNode n, std::string message) const {
    report(ctx, ts_node_start_byte(n), ts_node_end_byte(n), std::move(message));
  }

 private:
  const RuleSpec* spec_ = nullptr;
};

template <class T>
std::function<std::unique_ptr<Rule>()> make_rule() {
  return [] { return std::unique_ptr<Rule>(new T()); };
}

}  // namespace lint
