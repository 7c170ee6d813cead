// UP011 and UP033: `functools.lru_cache` decorators of functions, called with no arguments or
// with `maxsize=None` only.
#pragma once

#include <vector>

#include "engine/rule.h"
#include "pyupgrade/syntax.h"

namespace lint::rules::up {

// The call decorators of a decorated function whose callee might be `lru_cache` (the semantic
// model decides in finish()).
inline void collect_lru_cache_calls(TSNode decorated, const Context& ctx, std::vector<TSNode>& out) {
  const TSNode definition = field(decorated, "definition");
  if (ts_node_is_null(definition) || !is(definition, "function_definition")) return;
  for (TSNode c : children(decorated)) {
    if (!is(c, "decorator")) continue;
    const TSNode call = unparenthesized(first_named_child(c));
    if (!is(call, "call")) continue;
    const TSNode function = unparenthesized(field(call, "function"));
    const TSNode name = is(function, "attribute") ? field(function, "attribute") : function;
    if (is(name, "identifier") && ctx.text(name) == "lru_cache") out.push_back(call);
  }
}

}  // namespace lint::rules::up
