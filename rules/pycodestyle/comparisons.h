// Shared by E711 and E712: the equality comparisons of a chain that involve a singleton,
// following pycodestyle's (and Ruff's) reading of a comparison chain.
#pragma once

#include <vector>

#include "rule.h"

namespace lint::rules {

// Calls f(singleton, other_operand, is_equal) for each `==` / `!=` pair of the chain
// `a op1 b op2 c ...` in which one side is None, True or False, skipping pairs whose other
// side is a constant that is not a singleton (`1 == None` is left alone, as in Ruff).
// The first operand is checked against the second; then every right-hand operand against its
// left neighbour.
template <class F>
void for_each_equality_with_singleton(TSNode comparison, F&& f) {
  std::vector<TSNode> operands;
  std::vector<std::string_view> ops;
  for (TSNode c : children(comparison)) {
    if (ts_node_is_extra(c)) continue;
    if (ts_node_is_named(c)) operands.push_back(c);
    else ops.push_back(kind(c));
  }
  if (operands.size() < 2 || ops.size() + 1 != operands.size()) return;
  auto is_eq = [](std::string_view op) { return op == "==" || op == "!="; };

  // The leftmost operand.
  {
    TSNode left = unparenthesized(operands[0]);
    if (!(is_constant(operands[1]) && !is_singleton(operands[1])) && is_eq(ops[0])) {
      const std::string_view k = kind(left);
      if (k == "none" || k == "true" || k == "false") f(left, unparenthesized(operands[1]), ops[0] == "==");
    }
  }
  // Each right-hand operand, against the operand before it.
  for (size_t i = 0; i < ops.size(); ++i) {
    TSNode prev = operands[i];
    if (is_constant(prev) && !is_singleton(prev)) continue;
    if (!is_eq(ops[i])) continue;
    TSNode next = unparenthesized(operands[i + 1]);
    const std::string_view k = kind(next);
    if (k == "none" || k == "true" || k == "false") f(next, unparenthesized(prev), ops[i] == "==");
  }
}

}  // namespace lint::rules
