// What the flake8-simplify rules ask of an expression's surroundings and value: the operands of
// an `and`/`or` chain as Ruff's AST holds them, whether an expression is read only for its truth
// (Ruff's "boolean test"), the statement and function it sits in, and what is known of its truth
// without running it (Ruff's Truthiness).
#pragma once

#include <tree_sitter/api.h>

#include <algorithm>
#include <optional>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

#include "engine/rule.h"
#include "pyflakes/string_values.h"
#include "fix/edits.h"
#include "pyupgrade/edits.h"
#include "pyupgrade/semantic.h"
#include "syntax/node.h"

namespace lint::rules::simplify {

// `is` that takes a null node (of no kind).
inline bool is_kind(TSNode n, std::string_view k) { return !ts_node_is_null(n) && is(n, k); }

inline bool is_named_operand(TSNode c) { return ts_node_is_named(c) && !ts_node_is_extra(c); }

inline std::vector<TSNode> named_operands(TSNode n) {
  std::vector<TSNode> out;
  for (TSNode c : children(n)) {
    if (is_named_operand(c)) out.push_back(c);
  }
  return out;
}

inline bool is_bool_op(TSNode n, std::string_view op, const Context& ctx) {
  return !ts_node_is_null(n) && is(n, "boolean_operator") && ctx.text(field(n, "operator")) == op;
}

// The operands of the chain `node` heads: tree-sitter nests `a or b or c` to the left, Ruff's AST
// holds one operation of three values. A parenthesized operand stays one value.
inline std::vector<TSNode> bool_values(TSNode node, const Context& ctx) {
  const std::string_view op = ctx.text(field(node, "operator"));
  std::vector<TSNode> right_to_left;
  TSNode n = node;
  for (;;) {
    right_to_left.push_back(field(n, "right"));
    const TSNode left = field(n, "left");
    if (is_bool_op(left, op, ctx)) {
      n = left;
      continue;
    }
    right_to_left.push_back(left);
    break;
  }
  return {right_to_left.rbegin(), right_to_left.rend()};
}

// Remembers the inner links of the chain last entered, so that a rule visiting every
// `boolean_operator` judges each chain once, at its head (the walk enters heads first).
class ChainHeads {
 public:
  // Whether `node` heads its chain; call for every boolean_operator entered.
  bool head(TSNode node, const Context& ctx) {
    const bool inner = node.id == inner_;
    const TSNode left = field(node, "left");
    inner_ = is_bool_op(left, ctx.text(field(node, "operator")), ctx) ? left.id : nullptr;
    return !inner;
  }

 private:
  const void* inner_ = nullptr;
};

// The first positional argument of a call (`*args` counts, keywords do not), or null.
inline TSNode first_positional(TSNode arguments) {
  if (!is(arguments, "argument_list")) return TSNode{};
  for (TSNode c : children(arguments)) {
    if (!is_named_operand(c)) continue;
    if (is(c, "keyword_argument") || is(c, "dictionary_splat")) continue;
    return c;
  }
  return TSNode{};
}

// Whether Ruff's checker visits `expr` as a boolean test: the condition of an `if`, `elif`,
// `while`, `assert`, conditional expression, comprehension or case guard, the operand of `not`,
// the first argument of the builtin `bool()`, and the operands of `and`/`or` chains that are
// themselves in a boolean test. `resolver` answers whether `bool` is the builtin (without one,
// a `bool(...)` argument is not counted). Walks up the parents: call it for flagged nodes only.
inline bool in_boolean_test(TSNode expr, const up::Resolver* resolver) {
  TSNode cur = expr;
  for (;;) {
    const TSNode p = ts_node_parent(cur);
    if (ts_node_is_null(p)) return false;
    const std::string_view k = kind(p);
    if (k == "parenthesized_expression" || k == "boolean_operator") {
      cur = p;
      continue;
    }
    if (k == "not_operator" || k == "if_clause") return true;
    if (k == "if_statement" || k == "elif_clause" || k == "while_statement") return ts_node_eq(field(p, "condition"), cur);
    if (k == "assert_statement") {
      const std::vector<TSNode> parts = named_operands(p);
      return !parts.empty() && ts_node_eq(parts[0], cur);
    }
    if (k == "conditional_expression") {
      const std::vector<TSNode> parts = named_operands(p);
      return parts.size() == 3 && ts_node_eq(parts[1], cur);
    }
    if (k == "argument_list") {
      const TSNode call = ts_node_parent(p);
      if (!resolver || !is(call, "call") || !ts_node_eq(first_positional(p), cur)) return false;
      return resolver->match_builtin(field(call, "function"), "bool");
    }
    return false;
  }
}

inline bool is_statement_kind(std::string_view k) {
  return k.ends_with("_statement") || k == "function_definition" || k == "class_definition" ||
         k == "decorated_definition";
}

// The ancestors of `n` from the root down (`n` excluded), found by descending from the root:
// ts_node_parent() walks down from the root on each call, so climbing a deep tree with it is
// quadratic.
inline std::vector<TSNode> ancestors(TSNode n) {
  std::vector<TSNode> out;
  for (TSNode cur = ts_tree_root_node(n.tree); !ts_node_is_null(cur) && !ts_node_eq(cur, n);) {
    out.push_back(cur);
    cur = ts_node_child_with_descendant(cur, n);
  }
  return out;
}

// The innermost statement holding `expr` (Ruff's current_statement): an `elif` condition belongs
// to its `if` statement.
inline TSNode current_statement(TSNode expr) {
  const std::vector<TSNode> chain = ancestors(expr);
  for (auto it = chain.rbegin(); it != chain.rend(); ++it) {
    if (is_statement_kind(kind(*it))) return *it;
  }
  return TSNode{};
}

inline bool is_comprehension_kind(std::string_view k) {
  return k == "list_comprehension" || k == "set_comprehension" || k == "dictionary_comprehension" ||
         k == "generator_expression";
}

// The function definition whose scope `expr` is evaluated in, or null when that scope is the
// module, a class, a lambda or a comprehension. Defaults, annotations and decorators belong to
// the enclosing scope, and so does a comprehension's first iterable.
inline TSNode enclosing_function(TSNode expr) {
  const uint32_t at = ts_node_start_byte(expr);
  std::vector<TSNode> chain = ancestors(expr);
  chain.push_back(expr);
  for (size_t i = chain.size() - 1; i-- > 0;) {
    const TSNode p = chain[i], cur = chain[i + 1];
    const std::string_view k = kind(p);
    if (k == "function_definition") {
      if (ts_node_eq(field(p, "body"), cur)) return p;
    } else if (k == "class_definition" || k == "lambda") {
      if (ts_node_eq(field(p, "body"), cur)) return TSNode{};
    } else if (is_comprehension_kind(k)) {
      TSNode first{};
      for (TSNode c : children(p)) {
        if (is(c, "for_in_clause")) {
          first = c;
          break;
        }
      }
      const TSNode iter = ts_node_is_null(first) ? TSNode{} : field(first, "right");
      if (ts_node_is_null(iter) || at < ts_node_start_byte(iter) || at >= ts_node_end_byte(iter)) return TSNode{};
    }
  }
  return TSNode{};
}

// Whether a binding is known to hold a dict (Ruff's typing::is_dict, for the bindings it reads).
inline bool binds_dict(const Binding& b, const up::Resolver& resolver, const Context& ctx) {
  const auto dict_annotation = [&](TSNode annotation) {
    TSNode t = up::strip_type(annotation);
    if (is(t, "generic_type")) t = named_operands(t)[0];
    if (is(t, "subscript")) t = field(t, "value");
    return resolver.match_builtin(t, "dict") || resolver.match_typing(t, "Dict");
  };
  const auto dict_value = [&](TSNode value) {
    value = unparenthesized(value);
    if (is(value, "dictionary") || is(value, "dictionary_comprehension")) return true;
    return is(value, "call") && resolver.match_builtin(field(value, "function"), "dict");
  };
  const TSNode name = ts_node_descendant_for_byte_range(ctx.root(), b.start, b.end);
  if (!is(name, "identifier")) return false;
  const TSNode parent = ts_node_parent(name);
  switch (b.kind) {
    case BindingKind::Argument:
      if (is(parent, "dictionary_splat_pattern")) return is(ts_node_parent(parent), "parameters");
      if (is(parent, "typed_parameter") || is(parent, "typed_default_parameter")) {
        return dict_annotation(field(parent, "type"));
      }
      return false;
    case BindingKind::Assignment: {
      if (!is(parent, "assignment") || !ts_node_eq(field(parent, "left"), name)) return false;
      TSNode value = field(parent, "right");
      while (is(value, "assignment")) value = field(value, "right");
      return !ts_node_is_null(value) && dict_value(value);
    }
    case BindingKind::AnnotatedAssignment:
      return is(parent, "assignment") && dict_annotation(field(parent, "type"));
    case BindingKind::NamedExpr:
      return is(parent, "named_expression") && dict_value(field(parent, "value"));
    default:
      return false;
  }
}

// ---------------------------------------------------------------------------------------------
// Truthiness: what Python's bool() of an expression is known to be without running it.

enum class Truth { Unknown, True, False };

namespace truth_detail {

inline size_t prefix_length(std::string_view text) {
  size_t i = 0;
  while (i < text.size() && text[i] != '\'' && text[i] != '"') ++i;
  return i;
}

inline bool prefix_has(std::string_view prefix, char lower) {
  for (const char c : prefix) {
    if ((c | 0x20) == lower) return true;
  }
  return false;
}

// The value of a plain (not interpolated) string or bytes literal part is empty.
inline bool literal_part_empty(std::string_view text) {
  const size_t pl = prefix_length(text);
  const std::string_view prefix = text.substr(0, pl);
  const std::string_view body = string_body(text, pl);
  if (body.empty()) return true;
  std::string value;
  decode_string_body(body, prefix_has(prefix, 'r'), prefix_has(prefix, 'b'), false, value);
  return value.empty();
}

// Whether the literal pieces of an f-string part, between its interpolations, are all empty
// (and, for `any_nonempty`, whether one is not).
inline bool fstring_piece_empty(std::string_view source, uint32_t start, uint32_t end, bool raw) {
  if (end <= start) return true;
  std::string value;
  decode_string_body(source.substr(start, end - start), raw, false, true, value);
  return value.empty();
}

// Ruff's inner test of an interpolated expression for an empty f-string: an empty string.
inline bool interpolation_is_empty(TSNode expr, const Context& ctx);
// ... and for a non-empty one: an expression whose str() is never empty.
inline bool interpolation_is_nonempty(TSNode expr, const Context& ctx);

// Walks the parts of a `string` node: its literal pieces and interpolations.
template <class Piece, class Interp>
void fstring_elements(TSNode part, const Context& ctx, Piece&& piece, Interp&& interp) {
  const std::string_view text = ctx.text(part);
  const size_t pl = prefix_length(text);
  const bool raw = prefix_has(text.substr(0, pl), 'r');
  const std::string_view rest = text.substr(pl);
  const uint32_t q = rest.size() >= 6 && rest[1] == rest[0] && rest[2] == rest[0] ? 3 : 1;
  uint32_t start = ts_node_start_byte(part) + static_cast<uint32_t>(pl) + q;
  const uint32_t end = ts_node_end_byte(part) - q;
  for (TSNode c : children(part)) {
    if (!is(c, "interpolation")) continue;
    piece(fstring_piece_empty(ctx.source(), start, ts_node_start_byte(c), raw));
    interp(c);
    start = ts_node_end_byte(c);
  }
  piece(fstring_piece_empty(ctx.source(), start, end, raw));
}

inline bool has_debug(TSNode interpolation) {
  for (TSNode c : children(interpolation)) {
    if (is(c, "=")) return true;
  }
  return false;
}

// The string parts of a string expression (one, or those of an implicit concatenation).
inline std::vector<TSNode> string_parts(TSNode n) {
  if (is(n, "string")) return {n};
  std::vector<TSNode> out;
  for (TSNode c : children(n)) {
    if (is(c, "string")) out.push_back(c);
  }
  return out;
}

inline bool part_is_interpolated(TSNode part, const Context& ctx) {
  const std::string_view text = ctx.text(part);
  const std::string_view prefix = text.substr(0, prefix_length(text));
  return prefix_has(prefix, 'f') || prefix_has(prefix, 't');
}

inline bool part_is_template(TSNode part, const Context& ctx) {
  const std::string_view text = ctx.text(part);
  return prefix_has(text.substr(0, prefix_length(text)), 't');
}

inline bool fstring_is_empty(TSNode n, const Context& ctx) {
  bool empty = true;
  for (const TSNode part : string_parts(n)) {
    if (!part_is_interpolated(part, ctx)) {
      empty &= literal_part_empty(ctx.text(part));
      continue;
    }
    fstring_elements(
        part, ctx, [&](bool piece_empty) { empty &= piece_empty; },
        [&](TSNode interp) {
          empty &= !has_debug(interp) && ts_node_is_null(field(interp, "type_conversion")) &&
                   ts_node_is_null(field(interp, "format_specifier")) &&
                   interpolation_is_empty(field(interp, "expression"), ctx);
        });
  }
  return empty;
}

inline bool fstring_is_nonempty(TSNode n, const Context& ctx) {
  bool nonempty = false;
  for (const TSNode part : string_parts(n)) {
    if (!part_is_interpolated(part, ctx)) {
      nonempty |= !literal_part_empty(ctx.text(part));
      continue;
    }
    fstring_elements(
        part, ctx, [&](bool piece_empty) { nonempty |= !piece_empty; },
        [&](TSNode interp) {
          nonempty |= has_debug(interp) || (ts_node_is_null(field(interp, "format_specifier")) &&
                                            interpolation_is_nonempty(field(interp, "expression"), ctx));
        });
  }
  return nonempty;
}

inline bool is_fstring(TSNode n, const Context& ctx) {
  for (const TSNode part : string_parts(n)) {
    if (part_is_interpolated(part, ctx)) return true;
  }
  return false;
}

inline bool is_bytes(TSNode n, const Context& ctx) {
  const std::vector<TSNode> parts = string_parts(n);
  if (parts.empty()) return false;
  const std::string_view text = ctx.text(parts[0]);
  return prefix_has(text.substr(0, prefix_length(text)), 'b');
}

inline bool interpolation_is_empty(TSNode expr, const Context& ctx) {
  expr = unparenthesized(expr);
  if (!is(expr, "string") && !is(expr, "concatenated_string")) return false;
  if (is_bytes(expr, ctx)) return false;
  for (const TSNode part : string_parts(expr)) {
    if (part_is_template(part, ctx)) return false;
  }
  return fstring_is_empty(expr, ctx);
}

inline bool interpolation_is_nonempty(TSNode expr, const Context& ctx) {
  expr = unparenthesized(expr);
  const std::string_view k = kind(expr);
  if (k == "lambda" || k == "dictionary" || k == "set" || k == "list_comprehension" || k == "set_comprehension" ||
      k == "dictionary_comprehension" || k == "integer" || k == "float" || k == "true" || k == "false" ||
      k == "none" || k == "ellipsis" || k == "list" || k == "tuple") {
    return true;
  }
  if (k == "conditional_expression") {
    const std::vector<TSNode> parts = named_operands(expr);
    return parts.size() == 3 && interpolation_is_nonempty(parts[0], ctx) && interpolation_is_nonempty(parts[2], ctx);
  }
  if (k == "named_expression") return interpolation_is_nonempty(field(expr, "value"), ctx);
  if (k == "string" || k == "concatenated_string") {
    if (is_bytes(expr, ctx)) return true;
    for (const TSNode part : string_parts(expr)) {
      if (part_is_template(part, ctx)) return true;
    }
    return fstring_is_nonempty(expr, ctx);
  }
  return false;
}

// An integer or float literal's value is zero (imaginary ones included).
inline bool number_is_zero(std::string_view text) {
  std::string digits;
  for (const char c : text) {
    if (c != '_') digits.push_back(c);
  }
  if (!digits.empty() && (digits.back() == 'j' || digits.back() == 'J')) digits.pop_back();
  if (digits.size() > 1 && digits[0] == '0' && std::string_view("xXoObB").find(digits[1]) != std::string_view::npos) {
    return digits.find_first_not_of('0', 2) == std::string::npos;
  }
  return std::strtod(digits.c_str(), nullptr) == 0.0;
}

}  // namespace truth_detail

// Ruff's Truthiness::from_expr, folded to what its users ask (into_bool): `is_builtin(name)`
// says whether a name still means the builtin.
template <class IsBuiltin>
Truth truthiness(TSNode expr, const Context& ctx, const IsBuiltin& is_builtin) {
  using namespace truth_detail;
  expr = unparenthesized(expr);
  const std::string_view k = kind(expr);
  if (k == "lambda" || k == "generator_expression" || k == "ellipsis") return Truth::True;
  if (k == "true") return Truth::True;
  if (k == "false" || k == "none") return Truth::False;
  if (k == "integer" || k == "float") return number_is_zero(ctx.text(expr)) ? Truth::False : Truth::True;
  if (k == "string" || k == "concatenated_string") {
    for (const TSNode part : string_parts(expr)) {
      if (part_is_template(part, ctx)) return Truth::True;
    }
    if (is_fstring(expr, ctx)) {
      if (fstring_is_empty(expr, ctx)) return Truth::False;
      if (fstring_is_nonempty(expr, ctx)) return Truth::True;
      return Truth::Unknown;
    }
    for (const TSNode part : string_parts(expr)) {
      if (!literal_part_empty(ctx.text(part))) return Truth::True;
    }
    return Truth::False;
  }
  if (k == "list" || k == "set" || k == "tuple") {
    const std::vector<TSNode> elts = named_operands(expr);
    if (elts.empty()) return Truth::False;
    const bool all_starred = std::all_of(elts.begin(), elts.end(), [](TSNode e) { return is(e, "list_splat"); });
    return all_starred ? Truth::Unknown : Truth::True;
  }
  if (k == "dictionary") {
    const std::vector<TSNode> items = named_operands(expr);
    if (items.empty()) return Truth::False;
    const bool all_splat =
        std::all_of(items.begin(), items.end(), [](TSNode e) { return is(e, "dictionary_splat"); });
    return all_splat ? Truth::Unknown : Truth::True;
  }
  if (k == "call") {
    const TSNode function = unparenthesized(field(expr, "function"));
    if (!is(function, "identifier")) return Truth::Unknown;
    const std::string_view name = ctx.text(function);
    if (name != "list" && name != "tuple" && name != "set" && name != "dict" && name != "frozenset") {
      return Truth::Unknown;
    }
    if (!is_builtin(name)) return Truth::Unknown;
    const TSNode arguments = field(expr, "arguments");
    if (is(arguments, "generator_expression")) return Truth::Unknown;
    const std::vector<TSNode> args = named_operands(arguments);
    if (args.empty()) return Truth::False;
    if (args.size() != 1 || is(args[0], "keyword_argument") || is(args[0], "dictionary_splat")) return Truth::Unknown;
    const TSNode arg = unparenthesized(args[0]);
    const std::string_view ak = kind(arg);
    if (ak == "integer" || ak == "float" || ak == "true" || ak == "false" || ak == "none" || ak == "ellipsis" ||
        ak == "lambda" || ak == "generator_expression") {
      return Truth::Unknown;
    }
    if (ak == "string" || ak == "concatenated_string") {
      for (const TSNode part : string_parts(arg)) {
        if (part_is_template(part, ctx)) return Truth::Unknown;
      }
    }
    return truthiness(arg, ctx, is_builtin);
  }
  return Truth::Unknown;
}

// Where Ruff's AST ends a node: at its last token that is not a comment or a `;` (tree-sitter
// may end a block, and the statements around it, after the comments that follow it).
inline uint32_t ast_end(TSNode n) {
  for (;;) {
    TSNode last{};
    for (uint32_t i = ts_node_child_count(n); i-- > 0;) {
      const TSNode c = ts_node_child(n, i);
      if (ts_node_is_extra(c) || is(c, ";")) continue;
      last = c;
      break;
    }
    if (ts_node_is_null(last)) return ts_node_end_byte(n);
    n = last;
  }
}

// Text copied from the source into a rewritten compound statement whose body moves up one
// level (SIM102, SIM117), re-indented as libcst re-renders it. The statement that moves (`stmt`,
// indented by `from`) starts at `to` instead, and each block inside it keeps its indentation
// relative to its owner, except that a block indented by libcst's default (`detected`, the first
// indentation of the text libcst parsed) is rendered with the file's indentation unit
// (`unit`, Ruff's Stylist). A line is re-indented when it starts with its block's old
// indentation; lines inside multi-line strings and after a backslash continuation are kept.
class Reindenter {
 public:
  Reindenter(TSNode stmt, std::string_view from, std::string_view to, std::string_view detected, std::string_view unit,
             const Context& ctx)
      : ctx_(ctx) {
    const std::string_view src = ctx.source();
    const auto indentation_at = [&](uint32_t offset) -> std::optional<std::string_view> {
      if (edits::has_leading_content(src, offset)) return std::nullopt;
      const uint32_t line = edits::line_start(src, offset);
      return src.substr(line, offset - line);
    };
    blocks_.push_back({edits::line_start(src, ts_node_start_byte(stmt)), ts_node_end_byte(stmt), std::string(from),
                       std::string(to)});
    for_each_node(stmt, [&](TSTreeCursor& cursor, bool entering) {
      if (!entering) return;
      const TSNode n = ts_tree_cursor_current_node(&cursor);
      if (is(n, "string")) {
        if (ts_node_start_point(n).row != ts_node_end_point(n).row) {
          verbatim_.emplace_back(ts_node_start_byte(n), ts_node_end_byte(n));
        }
        return;
      }
      if (!is(n, "block")) return;
      const std::vector<TSNode> body = named_operands(n);
      const TSNode owner = ts_node_parent(n);
      if (body.empty() || ts_node_is_null(owner)) return;
      const std::optional<std::string_view> own = indentation_at(ts_node_start_byte(body[0]));
      const std::optional<std::string_view> owner_indent = indentation_at(ts_node_start_byte(owner));
      if (!own || !owner_indent || !own->starts_with(*owner_indent)) return;
      // The owner's new indentation: that of the innermost block (or `stmt`) holding it.
      const Block* holder = nullptr;
      for (const Block& b : blocks_) {
        if (b.start <= ts_node_start_byte(owner) && ts_node_start_byte(owner) < b.end &&
            std::string_view(*owner_indent).starts_with(b.old_indent)) {
          holder = &b;
        }
      }
      if (!holder) return;
      std::string owner_new = holder->new_indent + std::string(owner_indent->substr(holder->old_indent.size()));
      const std::string_view relative = own->substr(owner_indent->size());
      blocks_.push_back({edits::line_start(src, ts_node_start_byte(n)), ts_node_end_byte(n), std::string(*own),
                         owner_new + std::string(relative == detected ? unit : relative)});
    });
  }

  // Appends source[a, b) to `out`, re-indenting the lines that start inside it.
  void append(std::string& out, uint32_t a, uint32_t b) const {
    const std::string_view src = ctx_.source();
    uint32_t at = a;
    while (at < b) {
      const size_t nl = src.find_first_of("\r\n", at);
      uint32_t next = nl == std::string_view::npos || nl >= b ? b : static_cast<uint32_t>(nl) + 1;
      if (next < b && src[next - 1] == '\r' && src[next] == '\n') ++next;
      out += ctx_.original(at, next);
      at = next;
      if (at >= b) break;
      if (const Block* block = block_of_line(at)) {
        if (at + block->old_indent.size() <= b) {
          out += block->new_indent;
          at += static_cast<uint32_t>(block->old_indent.size());
        }
      }
    }
  }

 private:
  struct Block {
    uint32_t start, end;
    std::string old_indent, new_indent;
  };

  // The innermost block holding the line starting at `p` whose indentation the line starts
  // with, or null when the line is to be kept as it is.
  const Block* block_of_line(uint32_t p) const {
    const std::string_view src = ctx_.source();
    for (const auto& [s, e] : verbatim_) {
      if (s < p && p < e) return nullptr;
    }
    uint32_t brk = p - 1;
    if (src[brk] == '\n' && brk > 0 && src[brk - 1] == '\r') --brk;
    if (brk > 0 && src[brk - 1] == '\\' && edits::is_line_continuation(ctx_, brk - 1)) return nullptr;
    const Block* found = nullptr;
    for (const Block& b : blocks_) {
      if (b.start <= p && p <= b.end && src.substr(p).starts_with(b.old_indent)) {
        if (!found || b.old_indent.size() >= found->old_indent.size()) found = &b;
      }
    }
    return found;
  }

  const Context& ctx_;
  std::vector<Block> blocks_;
  std::vector<std::pair<uint32_t, uint32_t>> verbatim_;
};

// ---------------------------------------------------------------------------------------------
// What SIM102, SIM117 and SIM401 ask before they offer a rewrite.

// Blocks guarded by `TYPE_CHECKING` (any name or attribute so called, or typing's under another
// name) are not rewritten (Ruff's is_type_checking_block).
inline bool is_type_checking_test(TSNode test, const up::Resolver& resolver, const Context& ctx) {
  test = unparenthesized(test);
  if (is(test, "identifier")) return ctx.text(test) == "TYPE_CHECKING" || resolver.match_typing(test, "TYPE_CHECKING");
  if (is(test, "attribute")) return ctx.text(field(test, "attribute")) == "TYPE_CHECKING";
  return false;
}

// ... nor blocks whose condition reads `sys.version_info` or `sys.platform` anywhere (Ruff's
// is_sys_version_block).
inline bool is_sys_version_test(TSNode test, const up::Resolver& resolver) {
  bool found = false;
  for_each_node(test, [&](TSTreeCursor& cursor, bool entering) {
    if (!entering || found) return;
    const TSNode n = ts_tree_cursor_current_node(&cursor);
    if (!is(n, "identifier") && !is(n, "attribute")) return;
    const std::string q = resolver.qualified(n);
    found = q == "sys.version_info" || q == "sys.platform";
  });
  return found;
}

// The width of a line as Ruff measures it against `line-length`: a tab advances to the next
// multiple of the indent width (4), East Asian wide characters count two columns, other code
// points one.
inline size_t line_width(std::string_view text, size_t width = 0) {
  constexpr size_t kTab = 4;
  for (size_t i = 0; i < text.size();) {
    const auto b = static_cast<unsigned char>(text[i]);
    if (b == '\t') {
      width += kTab - width % kTab;
      ++i;
      continue;
    }
    size_t len = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC0 ? 2 : 1;
    if (i + len > text.size()) len = 1;
    uint32_t cp = len == 1 ? b : len == 2 ? (b & 0x1Fu) : len == 3 ? (b & 0x0Fu) : (b & 0x07u);
    for (size_t j = 1; j < len; ++j) cp = (cp << 6) | (static_cast<unsigned char>(text[i + j]) & 0x3Fu);
    i += len;
    const bool wide = (cp >= 0x1100 && cp <= 0x115F) || (cp >= 0x2E80 && cp <= 0x303E) || (cp >= 0x3041 && cp <= 0x33FF) ||
                      (cp >= 0x3400 && cp <= 0x4DBF) || (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0xA000 && cp <= 0xA4CF) ||
                      (cp >= 0xAC00 && cp <= 0xD7A3) || (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0xFE30 && cp <= 0xFE4F) ||
                      (cp >= 0xFF00 && cp <= 0xFF60) || (cp >= 0xFFE0 && cp <= 0xFFE6) || (cp >= 0x1F300 && cp <= 0x1F64F) ||
                      (cp >= 0x1F900 && cp <= 0x1F9FF) || (cp >= 0x20000 && cp <= 0x3FFFD);
    width += wide ? 2 : 1;
  }
  return width;
}

// Whether every line of `content` fits in `line-length` when it replaces code starting at
// `start`: the first line is measured after the text that precedes `start` on its line (even
// when `content` repeats that indentation itself, as Ruff's `fits` measures it).
inline bool fits(std::string_view content, uint32_t start, const Context& ctx) {
  const std::string_view src = ctx.source();
  const std::string_view prefix = src.substr(edits::line_start(src, start), start - edits::line_start(src, start));
  const auto limit = static_cast<size_t>(ctx.line_length());
  size_t at = 0;
  for (bool first = true; at <= content.size(); first = false) {
    size_t end = content.find_first_of("\r\n", at);
    const std::string_view line = content.substr(at, end == std::string_view::npos ? std::string_view::npos : end - at);
    if (line_width(line, first ? line_width(prefix) : 0) > limit) return false;
    if (end == std::string_view::npos) break;
    at = end + (content[end] == '\r' && end + 1 < content.size() && content[end + 1] == '\n' ? 2 : 1);
    if (at == content.size()) break;
  }
  return true;
}

// Whether a comment lies in [start, end) widened to the start of its first line when only
// whitespace precedes it there, and to the end of its last line when only whitespace or a
// comment follows (Ruff's CommentRanges::has_comments of a node).
inline bool has_comments(uint32_t start, uint32_t end, const Context& ctx) {
  const std::string_view src = ctx.source();
  if (!edits::has_leading_content(src, start)) start = edits::line_start(src, start);
  if (!edits::has_trailing_content(src, end)) end = edits::line_end(src, end);
  return up::has_comment(ctx.root(), start, end);
}

}  // namespace lint::rules::simplify
