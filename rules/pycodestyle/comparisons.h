// Shared by the comparison rules (E711, E712, E713, E714, E721, F632): walking the links of a
// comparison chain without allocating, and Ruff's notion of a constant operand.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "engine/rule.h"

namespace lint::rules {

// The operator kinds of comparison_operator, as the grammar spells them.
enum class CmpOp : uint8_t { Eq, NotEq, Lt, LtE, Gt, GtE, In, NotIn, Is, IsNot, Other };

inline CmpOp cmp_op(TSNode op) {
  const std::string_view k = kind(op);
  if (k == "==") return CmpOp::Eq;
  if (k == "!=") return CmpOp::NotEq;
  if (k == "<") return CmpOp::Lt;
  if (k == "<=") return CmpOp::LtE;
  if (k == ">") return CmpOp::Gt;
  if (k == ">=") return CmpOp::GtE;
  if (k == "in") return CmpOp::In;
  if (k == "not in") return CmpOp::NotIn;
  if (k == "is") return CmpOp::Is;
  if (k == "is not") return CmpOp::IsNot;
  return CmpOp::Other;  // `<>`: Python 2, a syntax error for Ruff
}

// Calls f(left, op, right, index) for each link `left op right` of the chain `a op1 b op2 c ...`,
// in order; the operands are the children as they stand (possibly parenthesized). Returns the
// number of operators. No allocation: one cursor over the children.
template <class F>
size_t for_each_link(TSNode comparison, F&& f) {
  TSNode prev{};
  TSNode op{};
  bool have_prev = false, have_op = false;
  size_t index = 0;
  for (TSNode c : children(comparison)) {
    if (ts_node_is_extra(c)) continue;
    if (ts_node_is_named(c)) {
      if (have_prev && have_op) f(prev, op, c, index++);
      prev = c;
      have_prev = true;
      have_op = false;
    } else {
      op = c;
      have_op = true;
    }
  }
  return index;
}

// The number of operators of a comparison chain.
inline size_t operator_count(TSNode comparison) {
  size_t n = 0;
  for (TSNode c : children(comparison)) {
    if (!ts_node_is_named(c) && !ts_node_is_extra(c)) ++n;
  }
  return n;
}

// An f-string (or t-string) is computed at run time; so is any concatenation containing one.
inline bool is_formatted_string(TSNode string, std::string_view source) {
  for (TSNode c : children(string)) {
    if (!is(c, "string_start")) continue;
    const uint32_t s = ts_node_start_byte(c);
    for (char ch : source.substr(s, ts_node_end_byte(c) - s)) {
      if (ch == 'f' || ch == 'F' || ch == 't' || ch == 'T') return true;
    }
    return false;
  }
  return false;
}

// Ruff's "literal expression": a string or bytes literal (not an f-string), a number, True, False,
// None or `...`. The node must already be unparenthesized.
inline bool is_literal_expr(TSNode n, std::string_view source) {
  const std::string_view k = kind(n);
  if (k == "integer" || k == "float" || k == "true" || k == "false" || k == "none" || k == "ellipsis") return true;
  if (k == "string") return !is_formatted_string(n, source);
  if (k == "concatenated_string") {
    for (TSNode c : children(n)) {
      if (is(c, "string") && is_formatted_string(c, source)) return false;
    }
    return true;
  }
  return false;
}

inline bool is_singleton_literal(TSNode n) {
  const std::string_view k = kind(n);
  return k == "true" || k == "false" || k == "none" || k == "ellipsis";
}

// Ruff's is_constant: a literal, or a tuple all of whose elements are constants (recursively).
// Nested tuples are walked with a cursor, not by recursion, so depth cannot overflow the stack.
inline bool is_constant(TSNode n, std::string_view source) {
  n = unparenthesized(n);
  if (!is(n, "tuple")) return is_literal_expr(n, source);
  TSTreeCursor cursor = ts_tree_cursor_new(n);
  bool constant = true;
  if (ts_tree_cursor_goto_first_child(&cursor)) {
    uint32_t depth = 1;
    for (;;) {
      const TSNode c = ts_tree_cursor_current_node(&cursor);
      bool descend = false;
      if (ts_node_is_named(c) && !ts_node_is_extra(c)) {
        const std::string_view k = kind(c);
        if (k == "tuple" || k == "parenthesized_expression") {
          descend = true;
        } else if (!is_literal_expr(c, source)) {
          constant = false;
          break;
        }
      }
      if (descend && ts_tree_cursor_goto_first_child(&cursor)) {
        ++depth;
        continue;
      }
      bool done = false;
      while (!ts_tree_cursor_goto_next_sibling(&cursor)) {
        if (--depth == 0 || !ts_tree_cursor_goto_parent(&cursor)) {
          done = true;
          break;
        }
      }
      if (done) break;
    }
  }
  ts_tree_cursor_delete(&cursor);
  return constant;
}

inline bool is_constant_non_singleton(TSNode n, std::string_view source) {
  return is_constant(n, source) && !is_singleton_literal(unparenthesized(n));
}

// Calls f(singleton, other_operand, is_equal, left_side) for each `==` / `!=` pair of the chain
// `a op1 b op2 c ...` in which one side is None, True or False, following Ruff's reading of a
// chain: the first operand is checked against the second (skipped when the second is a constant
// that is not a singleton); then every right-hand operand against its left neighbour (skipped
// when the neighbour is such a constant). Both nodes passed to f are unparenthesized.
// `left_side` is true for the check of the first operand.
template <class F>
void for_each_equality_with_singleton(TSNode comparison, std::string_view source, F&& f) {
  const auto singleton = [](TSNode n) {
    const std::string_view k = kind(n);
    return k == "none" || k == "true" || k == "false";
  };
  for_each_link(comparison, [&](TSNode prev, TSNode op, TSNode next, size_t index) {
    const CmpOp o = cmp_op(op);
    if (o != CmpOp::Eq && o != CmpOp::NotEq) return;
    // Which side is a singleton first: cheap, and rarely true; the constant test walks.
    const TSNode left = unparenthesized(prev), right = unparenthesized(next);
    const bool left_singleton = index == 0 && singleton(left), right_singleton = singleton(right);
    if (left_singleton && !is_constant_non_singleton(next, source)) f(left, right, o == CmpOp::Eq, true);
    if (right_singleton && !is_constant_non_singleton(prev, source)) f(right, left, o == CmpOp::Eq, false);
  });
}

// How Ruff writes an operator when it rebuilds a comparison: one space either side.
inline std::string_view spaced(CmpOp op) {
  switch (op) {
    case CmpOp::Eq: return " == ";
    case CmpOp::NotEq: return " != ";
    case CmpOp::Lt: return " < ";
    case CmpOp::LtE: return " <= ";
    case CmpOp::Gt: return " > ";
    case CmpOp::GtE: return " >= ";
    case CmpOp::In: return " in ";
    case CmpOp::NotIn: return " not in ";
    case CmpOp::Is: return " is ";
    case CmpOp::IsNot: return " is not ";
    case CmpOp::Other: break;
  }
  return " <> ";
}

// The operands (as they stand, parentheses included) and operators of a comparison chain.
struct Chain {
  std::vector<TSNode> operands;
  std::vector<CmpOp> ops;
};

inline Chain chain_of(TSNode comparison) {
  Chain c;
  for (TSNode n : children(comparison)) {
    if (ts_node_is_extra(n)) continue;
    if (ts_node_is_named(n)) {
      c.operands.push_back(n);
    } else {
      c.ops.push_back(cmp_op(n));
    }
  }
  return c;
}

// Ruff's rebuilt comparison: each operand's text (with its own parentheses) joined by the
// operators, one space either side. Comments and line breaks between operands are lost, as in
// Ruff.
inline std::string rebuild_comparison(const Context& ctx, const std::vector<TSNode>& operands,
                                      const std::vector<CmpOp>& ops) {
  std::string out(ctx.original(operands.front()));
  for (size_t i = 0; i < ops.size() && i + 1 < operands.size(); ++i) {
    out += spaced(ops[i]);
    out += ctx.original(operands[i + 1]);
  }
  return out;
}

// The replacement of a whole comparison that E711 and E712 share (one fix for every diagnostic
// of the chain): each `==` / `!=` with a None (when `none` is on, E711) or a True/False (when
// `booleans` is on, E712) operand becomes `is` / `is not`, following the same reading of the
// chain as for_each_equality_with_singleton. A single comparison with a boolean literal becomes
// the other operand's truth test instead (`x == False` is `not x`), parenthesized when the
// literal was.
inline std::string singleton_comparison_fix(TSNode comparison, const Context& ctx, bool none, bool booleans) {
  const std::string_view source = ctx.source();
  Chain chain = chain_of(comparison);
  if (chain.operands.size() != chain.ops.size() + 1 || chain.ops.empty()) return std::string(ctx.original(comparison));
  const auto is_bool = [](TSNode n) { return is(n, "true") || is(n, "false"); };
  const auto identity = [](CmpOp op) { return op == CmpOp::Eq ? CmpOp::Is : CmpOp::IsNot; };
  std::vector<CmpOp> fixed = chain.ops;
  for (size_t i = 0; i < chain.ops.size(); ++i) {
    const CmpOp op = chain.ops[i];
    if (op != CmpOp::Eq && op != CmpOp::NotEq) continue;
    const TSNode left = unparenthesized(chain.operands[i]), right = unparenthesized(chain.operands[i + 1]);
    if (i == 0 && !is_constant_non_singleton(chain.operands[1], source)) {
      if ((none && is(left, "none")) || (booleans && is_bool(left))) fixed[0] = identity(op);
    }
    if (is_constant_non_singleton(chain.operands[i], source)) continue;
    if (none && is(right, "none")) fixed[i] = identity(op);
    if (booleans && is_bool(right) && !(op == CmpOp::Eq && kind(left) == kind(right))) fixed[i] = identity(op);
  }
  if (chain.ops.size() == 1) {
    const CmpOp op = chain.ops[0];
    const TSNode left = unparenthesized(chain.operands[0]), right = unparenthesized(chain.operands[1]);
    // Whether `literal op other` is the truth of `other` (else its negation).
    const auto truth = [&](TSNode literal) { return is(literal, "true") == (op == CmpOp::Eq || op == CmpOp::Is); };
    const auto test = [&](TSNode other, bool positive, bool wrap) {
      std::string out = positive ? std::string(ctx.original(other)) : "not " + std::string(ctx.original(other));
      return wrap ? "(" + out + ")" : out;
    };
    const bool identity_or_equality = op == CmpOp::Eq || op == CmpOp::NotEq || op == CmpOp::Is || op == CmpOp::IsNot;
    if (identity_or_equality && is_bool(left)) {
      return test(chain.operands[1], truth(left), ts_node_start_byte(left) != ts_node_start_byte(comparison));
    }
    if (identity_or_equality && is_bool(right)) {
      return test(chain.operands[0], truth(right), ts_node_end_byte(right) != ts_node_end_byte(comparison));
    }
  }
  return rebuild_comparison(ctx, chain.operands, fixed);
}

inline bool is_ascii_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

// The fix of E713 and E714: `not x in y` (the not_operator `negation` around the single
// comparison `comparison`) rewritten as `x not in y` (`replacement`), with a space added where
// the new text would run into a word before or after it (`if not(x in y)` gives `if x not in y`).
inline Fix negated_comparison_fix(TSNode negation, TSNode comparison, CmpOp replacement, const Context& ctx) {
  const Chain chain = chain_of(comparison);
  std::string content = rebuild_comparison(ctx, chain.operands, std::vector<CmpOp>(chain.ops.size(), replacement));
  const uint32_t start = ts_node_start_byte(negation), end = ts_node_end_byte(negation);
  const std::string_view s = ctx.source();
  if (end < s.size() && is_ascii_alpha(s[end])) content += ' ';
  if (start > 0 && is_ascii_alpha(s[start - 1])) content.insert(0, " ");
  return Fix::safe(Edit::replace(start, end, std::move(content)));
}

}  // namespace lint::rules
