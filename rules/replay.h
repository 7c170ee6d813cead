// Rules that are rarely needed but costly to keep up to date on every node (tracking scopes and
// bindings) can look only for a cheap sign during the engine's walk, and walk the file again
// themselves, with the visits the engine would have made, when they saw one. See F633 and F722.
#pragma once

#include <tree_sitter/api.h>

#include <cstdint>
#include <string_view>
#include <vector>

#include "syntax/node.h"
#include "syntax/syntax.h"

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
  for_each_node(root, [&](const TSTreeCursor& cursor, bool entering) {
    const TSNode n = ts_tree_cursor_current_node(&cursor);
    const TSSymbol s = ts_node_symbol(n);
    if (ts_node_has_error(n) || s >= wanted.size() || !wanted[s]) return;  // ERROR is 65535
    if (entering) enter(n);
    else leave(n);
  });
}

}  // namespace lint::rules
