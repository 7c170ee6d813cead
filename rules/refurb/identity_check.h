// What FURB168 and FURB169 share: recognizing `type(x)`, and the fix replacing an expression by
// `x is None` (or `x is not None`), written anew as Ruff's generator writes it, in parentheses
// when it sits inside another expression.
#pragma once

#include <tree_sitter/api.h>

#include <optional>
#include <string>

#include "engine/rule.h"
#include "fix/generator.h"
#include "pyupgrade/edits.h"
#include "pyupgrade/semantic.h"
#include "syntax/arguments.h"
#include "syntax/node.h"

namespace lint::rules::refurb {

// The argument of a call of the builtin `type` with one argument (not `*args`), without its
// parentheses; null for anything else.
inline TSNode type_call_argument(TSNode n, const up::Resolver& resolve, const Context& ctx) {
  n = unparenthesized(n);
  if (!is(n, "call") || !resolve.match_builtin(field(n, "function"), "type")) return TSNode{};
  const CallArguments& args = call_arguments(n, ctx);
  if (args.args.size() + args.keywords.size() != 1 || args.args.empty()) return TSNode{};
  if (is(args.args[0], "list_splat")) return TSNode{};
  return unparenthesized(args.args[0]);
}

// Whether Ruff's semantic model sees an expression around `n` (its current_expression_parent):
// not when `n` is a statement's own expression (an expression statement, an assignment's
// value, a condition, a return value...).
inline bool has_expression_parent(TSNode n) {
  TSNode p = ts_node_parent(n);
  while (is(p, "parenthesized_expression")) p = ts_node_parent(p);
  if (ts_node_is_null(p)) return false;
  const std::string_view k = kind(p);
  static constexpr std::string_view kStatements[] = {
      "expression_statement", "assignment",      "augmented_assignment", "return_statement", "if_statement",
      "elif_clause",          "while_statement", "assert_statement",     "for_statement",    "with_item",
      "as_pattern",           "decorator",       "delete_statement",     "raise_statement",  "default_parameter",
      "typed_default_parameter", "typed_parameter", "type",              "match_statement",  "case_clause",
      "module",               "block",           "type_alias_statement"};
  for (std::string_view s : kStatements) {
    if (k == s) return false;
  }
  return true;
}

// Replaces [start, end) of `node` with `subject is None` (`is not` when negated).
inline std::optional<Fix> identity_check_fix(TSNode node, TSNode subject, bool negate, const Context& ctx) {
  // A comparison's left operand binds tighter than the comparison (Ruff's CMP + 1).
  const std::optional<std::string> left = codegen::expression(subject, ctx, codegen::kCmpOperand);
  if (!left) return std::nullopt;
  std::string content = *left + (negate ? " is not None" : " is None");
  if (has_expression_parent(node)) content = "(" + content + ")";
  const uint32_t start = ts_node_start_byte(node), end = ts_node_end_byte(node);
  return Fix::with(up::has_comment(node, start, end) ? Applicability::Unsafe : Applicability::Safe,
                   {Edit::replace(start, end, content)});
}

}  // namespace lint::rules::refurb
