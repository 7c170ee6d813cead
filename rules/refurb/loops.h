// Pieces the refurb rules about `for` loops share (FURB122, FURB129): the names a loop target
// binds, and the loop's iterable written where a fix moves it.
#pragma once

#include <tree_sitter/api.h>

#include <string>
#include <vector>

#include "engine/rule.h"
#include "syntax/node.h"

namespace lint::rules::refurb {

// The names a `for` target binds, in order: through tuples, lists and starred targets, not
// into attributes or subscripts (`for ((), [a], b.c, *d) in ...` binds `a` and `d`).
inline void loop_target_names(TSNode target, std::vector<TSNode>& out) {
  const std::string_view k = kind(target);
  if (k == "identifier") {
    out.push_back(target);
  } else if (k == "pattern_list" || k == "tuple_pattern" || k == "list_pattern" || k == "list_splat_pattern" ||
             k == "parenthesized_expression" || k == "tuple" || k == "list" || k == "list_splat" ||
             k == "expression_list") {
    for (TSNode c : children(target)) {
      if (ts_node_is_named(c) && !ts_node_is_extra(c)) loop_target_names(c, out);
    }
  }
}

// Where the loop's iterable is moved into a call's parentheses or a comprehension.
enum class IterLocation { Call, Comprehension };

// The iterable of a `for` statement as it is written, parenthesized where the new place needs
// it: an unparenthesized tuple always, a lambda or conditional expression in a comprehension.
inline std::string loop_iter_text(TSNode for_stmt, IterLocation location, const Context& ctx) {
  const TSNode iter = field(for_stmt, "right");
  const std::string text(ctx.original(iter));
  const std::string_view k = kind(iter);
  if (k == "expression_list") return "(" + text + ")";
  if (location == IterLocation::Comprehension && (k == "lambda" || k == "conditional_expression")) {
    return "(" + text + ")";
  }
  return text;
}

}  // namespace lint::rules::refurb
