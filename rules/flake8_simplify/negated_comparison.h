// SIM201 and SIM202: `not a == b` and `not a != b`, a negated comparison of one operator.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "fix/generator.h"
#include "flake8_simplify/helpers.h"

namespace lint::rules::simplify {

// A `not` whose operand is a single comparison with the operator `op`, not to be flagged where
// the negation reads better: the condition of an `if` whose body only raises, and the body of a
// comparison method (`__eq__`, `__ne__`, `__lt__`...), which often defines one through another.
struct NegatedComparison {
  TSNode left{}, right{};
};

inline std::optional<NegatedComparison> negated_comparison(TSNode not_node, std::string_view op, const Context& ctx) {
  const TSNode operand = unparenthesized(field(not_node, "argument"));
  if (!is(operand, "comparison_operator")) return std::nullopt;
  std::vector<TSNode> operands;
  std::string_view found;
  int operators = 0;
  for (TSNode c : children(operand)) {
    if (ts_node_is_extra(c)) continue;
    if (ts_node_is_named(c)) {
      operands.push_back(c);
    } else {
      found = ctx.text(c);
      ++operators;
    }
  }
  if (operators != 1 || operands.size() != 2 || found != op) return std::nullopt;
  const TSNode stmt = current_statement(not_node);
  if (is_kind(stmt, "if_statement")) {
    const std::vector<TSNode> body = named_operands(field(stmt, "consequence"));
    if (body.size() == 1 && is(body[0], "raise_statement")) return std::nullopt;
  }
  const TSNode function = enclosing_function(not_node);
  if (!ts_node_is_null(function)) {
    const std::string_view name = ctx.text(field(function, "name"));
    if (name == "__eq__" || name == "__ne__" || name == "__lt__" || name == "__le__" || name == "__gt__" ||
        name == "__ge__") {
      return std::nullopt;
    }
  }
  return NegatedComparison{operands[0], operands[1]};
}

// Reports `not left <op> right` as `left <replacement> right`, with the comparison written anew.
template <class Report>
void report_negated_comparison(TSNode not_node, std::string_view op, std::string_view replacement,
                               const Context& ctx, Report&& report) {
  const auto found = negated_comparison(not_node, op, ctx);
  if (!found) return;
  const auto left = codegen::expression(found->left, ctx);
  const auto right = codegen::expression(found->right, ctx);
  const auto left_operand = codegen::expression(found->left, ctx, codegen::kCmpOperand);
  const auto right_operand = codegen::expression(found->right, ctx, codegen::kCmpOperand);
  if (!left || !right || !left_operand || !right_operand) return;
  std::string message = "Use `" + *left + " " + std::string(replacement) + " " + *right + "` instead of `not " + *left +
                        " " + std::string(op) + " " + *right + "`";
  Diagnostic& d = report(std::move(message));
  d.fix_title = "Replace with `" + std::string(replacement) + "` operator";
  d.fix = Fix::unsafe(Edit::replace(ts_node_start_byte(not_node), ts_node_end_byte(not_node),
                                    *left_operand + " " + std::string(replacement) + " " + *right_operand));
}

}  // namespace lint::rules::simplify
