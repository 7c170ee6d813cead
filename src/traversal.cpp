#include "traversal.h"

#include <string>

#include "syntax.h"

namespace lint {

namespace {

TSSymbol symbol_for(const TSLanguage* lang, std::string_view name) {
  TSSymbol s = ts_language_symbol_for_name(lang, name.data(), static_cast<uint32_t>(name.size()), true);
  if (s == 0) s = ts_language_symbol_for_name(lang, name.data(), static_cast<uint32_t>(name.size()), false);
  return s;
}

}  // namespace

DispatchTable::DispatchTable(std::span<const RuleSpec* const> rules) : rules_(rules) {
  const TSLanguage* lang = python_language();
  by_symbol_.resize(ts_language_symbol_count(lang));
  for (size_t i = 0; i < rules.size(); ++i) {
    for (std::string_view k : rules[i]->kinds) {
      const TSSymbol s = symbol_for(lang, k);
      if (s == 0) {
        throw UnknownNodeKind("rule " + std::string(rules[i]->code) + " (" + std::string(rules[i]->name) +
                              ") visits unknown node kind `" + std::string(k) + "`");
      }
      by_symbol_[s].push_back(static_cast<uint16_t>(i));
    }
  }
}

WalkResult walk(const TSTree* tree, const DispatchTable& table, std::span<const std::unique_ptr<Rule>> rules,
                Context& ctx) {
  WalkResult result;
  TSTreeCursor cursor = ts_tree_cursor_new(ts_tree_root_node(tree));
  const auto visit = [&](TSNode n, bool entering) {
    if (ts_node_has_error(n)) return;
    const TSSymbol s = ts_node_symbol(n);
    if (entering && !result.python_error && table.python3().interested(s)) {
      result.python_error = table.python3().check(n, s, ctx.source());
    }
    for (uint16_t i : table.rules_for(s)) {
      if (entering) {
        rules[i]->enter(n, ctx);
      } else {
        rules[i]->leave(n, ctx);
      }
    }
  };
  visit(ts_tree_cursor_current_node(&cursor), true);
  for (;;) {
    if (ts_tree_cursor_goto_first_child(&cursor)) {
      visit(ts_tree_cursor_current_node(&cursor), true);
      continue;
    }
    for (;;) {
      visit(ts_tree_cursor_current_node(&cursor), false);
      if (ts_tree_cursor_goto_next_sibling(&cursor)) {
        visit(ts_tree_cursor_current_node(&cursor), true);
        break;
      }
      if (!ts_tree_cursor_goto_parent(&cursor)) {
        ts_tree_cursor_delete(&cursor);
        for (const auto& r : rules) r->finish(ctx);
        return result;
      }
    }
  }
}

}  // namespace lint
