// Rules that are rarely needed but costly to keep up to date on every node (tracking scopes and
// bindings) can look only for a cheap sign during the engine's walk, and walk the file again
// themselves, with the visits the engine would have made, when they saw one. See F633 and F722.
#pragma once

#include <tree_sitter/api.h>

#include <cstdint>
#include <string_view>
#include <vector>

#include "syntax.h"

namespace lint::rules {

// Which symbols a list of node kinds names (named symbols, aliases included), by symbol.
inline std::vector<uint8_t> symbol_set(const std::vector<std::string_view>& kinds) {
  const TSLanguage* lang = python_language();
  std::vector<uint8_t> v(ts_language_symbol_count(lang), 0);
  for (TSSymbol s = 0; s < v.size(); ++s) {
    if (ts_language_symbol_type(lang, s) != TSSymbolTypeRegular) continue;
    const std::string_view name = ts_language_symbol_name(lang, s);
    for (std::string_view k : kinds) v[s] |= name == k;
  }
  return v;
}

// Walks the tree as the engine does: enter(n) and leave(n) for each node whose symbol is in
// `wanted`, skipping nodes with errors (their children are still visited).
template <class Enter, class Leave>
void replay_walk(TSNode root, const std::vector<uint8_t>& wanted, Enter&& enter, Leave&& leave) {
  auto visit = [&](TSNode n, bool entering) {
    const TSSymbol s = ts_node_symbol(n);
    if (ts_node_has_error(n) || s >= wanted.size() || !wanted[s]) return;  // ERROR is 65535
    if (entering) enter(n);
    else leave(n);
  };
  TSTreeCursor cursor = ts_tree_cursor_new(root);
  visit(ts_tree_cursor_current_node(&cursor), true);
  for (bool done = false; !done;) {
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
        done = true;
        break;
      }
    }
  }
  ts_tree_cursor_delete(&cursor);
}

}  // namespace lint::rules
