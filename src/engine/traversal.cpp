#include "engine/traversal.h"

#include <string>
#include <vector>

#include "syntax/syntax.h"

namespace lint {

namespace {

TSSymbol symbol_for(const TSLanguage* lang, std::string_view name) {
  TSSymbol s = ts_language_symbol_for_name(lang, name.data(), static_cast<uint32_t>(name.size()), true);
  if (s == 0) s = ts_language_symbol_for_name(lang, name.data(), static_cast<uint32_t>(name.size()), false);
  return s;
}

// Leaves that mean nothing to the semantic model, which skips them: tokens (anonymous symbols:
// keywords, operators, punctuation), the pieces of a string literal (the model reads a string
// whole), and comments. They are well over a third of all nodes.
const std::vector<uint8_t>& model_skips() {
  static const std::vector<uint8_t> skips = [] {
    const TSLanguage* lang = python_language();
    std::vector<uint8_t> v(ts_language_symbol_count(lang) + 1, 0);
    for (TSSymbol s = 0; s < ts_language_symbol_count(lang); ++s) {
      const std::string_view name = ts_language_symbol_name(lang, s);
      v[s] = ts_language_symbol_type(lang, s) == TSSymbolTypeAnonymous || name == "string_start" ||
             name == "string_content" || name == "string_end" || name == "escape_sequence" || name == "comment";
    }
    return v;
  }();
  return skips;
}

}  // namespace

DispatchTable::DispatchTable(std::span<const RuleSpec* const> rules) : rules_(rules) {
  const TSLanguage* lang = python_language();
  by_symbol_.resize(ts_language_symbol_count(lang));
  leave_by_symbol_.resize(by_symbol_.size());
  for (size_t i = 0; i < rules.size(); ++i) {
    needs_semantic_ |= rules[i]->needs_semantic;
    for (std::string_view k : rules[i]->kinds) {
      const TSSymbol s = symbol_for(lang, k);
      if (s == 0) {
        throw UnknownNodeKind("rule " + std::string(rules[i]->code) + " (" + std::string(rules[i]->name) +
                              ") visits unknown node kind `" + std::string(k) + "`");
      }
      by_symbol_[s].push_back(static_cast<uint16_t>(i));
      if (rules[i]->create.leaves()) leave_by_symbol_[s].push_back(static_cast<uint16_t>(i));
    }
  }
}

WalkResult walk(const TSTree* tree, const DispatchTable& table, std::span<const std::unique_ptr<Rule>> rules,
                Context& ctx, bool semantic, const PythonRules* python) {
  WalkResult result;
  const TSNode root = ts_tree_root_node(tree);
  std::unique_ptr<SemanticBuilder> builder;
  if (semantic && !ts_node_has_error(root)) {
    builder = std::make_unique<SemanticBuilder>(ctx.source(), ctx.path());
    builder->set_target_minor(ctx.target_minor());
    builder->set_notebook(ctx.is_notebook());
  }
  const std::vector<uint8_t>& skips = model_skips();
  for_each_node(root, [&](const TSTreeCursor& cursor, bool entering) {
    const TSNode n = ts_tree_cursor_current_node(&cursor);
    if (ts_node_has_error(n)) return;
    const TSSymbol s = ts_node_symbol(n);
    const bool model = builder && !(s < skips.size() && skips[s] && ts_node_child_count(n) == 0);
    if (entering) {
      if (!result.python_error && table.python3().interested(s)) {
        result.python_error = table.python3().check(n, s, ctx.source());
      }
      if (model) builder->enter(n, ts_tree_cursor_current_field_id(&cursor));
      for (uint16_t i : table.rules_for(s)) rules[i]->enter(n, ctx);
      if (python && python->interested(s)) {
        for (uint32_t m : python->on_enter(s)) result.python_events.push_back({n, m});
      }
    } else {
      for (uint16_t i : table.leave_rules_for(s)) rules[i]->leave(n, ctx);
      if (python && python->interested(s)) {
        for (uint32_t m : python->on_leave(s)) result.python_events.push_back({n, m});
      }
      if (model) builder->leave(n);
    }
  });
  if (builder && !result.python_error) {
    result.semantic = builder->resolve();
    ctx.set_semantic(result.semantic.get());
  }
  for (const auto& r : rules) r->finish(ctx);
  return result;
}

}  // namespace lint
