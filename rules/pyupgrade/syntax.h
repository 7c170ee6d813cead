// Views of tree-sitter nodes as the expressions Ruff's pyupgrade rules reason about: calls and
// their arguments, subscripts (which an annotation spells `generic_type`), string literals and
// their prefixes, and the few statement shapes the rules look for.
#pragma once

#include <tree_sitter/api.h>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "engine/rule.h"
#include "fix/edits.h"
#include "syntax/arguments.h"
#include "syntax/node.h"

namespace lint::rules::up {

// An annotation's expression sits in a `type` node: the expression itself.
inline TSNode strip_type(TSNode n) {
  while (!ts_node_is_null(n) && is(n, "type")) {
    const TSNode inner = first_named_child(n);
    if (ts_node_is_null(inner)) break;
    n = inner;
  }
  return n;
}

// The expression inside parentheses and `type` wrappers, as Ruff's AST has it.
inline TSNode expr_of(TSNode n) {
  for (;;) {
    const TSNode m = strip_type(unparenthesized(n));
    if (ts_node_eq(m, n)) return n;
    n = m;
  }
}

// The parent, skipping parentheses (Ruff's AST has none).
inline TSNode parent_expr(TSNode n) {
  TSNode p = ts_node_parent(n);
  while (!ts_node_is_null(p) && (is(p, "parenthesized_expression") || is(p, "type"))) p = ts_node_parent(p);
  return p;
}

// Arguments, arguments_of and find_keyword are in syntax/arguments.h (as lint::); this is the
// uncached view pyupgrade's rules take of a call's.
inline Arguments call_arguments(TSNode call) { return arguments_of(field(call, "arguments")); }

// `value[...]`: a `subscript`, or a `generic_type` in an annotation (`List[int]`). Ruff's slice
// is a tuple when there are several elements (`X[a, b]`, not parenthesized) or when the one
// element is a tuple.
struct Subscript {
  TSNode node{};
  TSNode value{};
  std::vector<TSNode> elements;  // what is between the brackets, split at top-level commas
  bool multiple = false;         // `X[a, b]` (an unparenthesized tuple slice)
  uint32_t open = 0, close = 0;  // the brackets
  explicit operator bool() const { return !ts_node_is_null(node); }
};

inline Subscript as_subscript(TSNode n) {
  Subscript s;
  const std::string_view k = kind(n);
  if (k == "subscript") {
    s.node = n;
    s.value = field(n, "value");
    bool after_value = false;
    for (TSNode c : children(n)) {
      if (ts_node_eq(c, s.value)) {
        after_value = true;
        continue;
      }
      if (!after_value) continue;
      if (!ts_node_is_named(c)) {
        if (is(c, "[") && s.open == 0) s.open = start_of(c);
        if (is(c, "]")) s.close = start_of(c);
        continue;
      }
      if (ts_node_is_extra(c)) continue;
      s.elements.push_back(c);
    }
  } else if (k == "generic_type") {
    s.node = n;
    for (TSNode c : children(n)) {
      if (!is_named_child(c)) continue;
      if (is(c, "type_parameter")) {
        for (TSNode t : children(c)) {
          if (!ts_node_is_named(t)) {
            if (is(t, "[") && s.open == 0) s.open = start_of(t);
            if (is(t, "]")) s.close = start_of(t);
            continue;
          }
          if (ts_node_is_extra(t)) continue;
          s.elements.push_back(t);
        }
      } else if (ts_node_is_null(s.value)) {
        s.value = c;
      }
    }
  } else {
    return s;
  }
  s.multiple = s.elements.size() > 1;
  if (s.open == 0 && !ts_node_is_null(s.value)) s.open = end_of(s.value);
  return s;
}

// ---------------------------------------------------------------------------------------------
// String literals.

// The letters before a literal's opening quote (`rb`, `f`, `u`, ...).
inline std::string_view string_prefix(std::string_view literal) {
  size_t i = 0;
  while (i < literal.size() && literal[i] != '"' && literal[i] != '\'') ++i;
  return literal.substr(0, i);
}

inline bool prefix_has(std::string_view prefix, char lower) {
  for (char c : prefix) {
    if (c == lower || c == lower - ('a' - 'A')) return true;
  }
  return false;
}

// What kind of literal a `string` node is.
enum class StringKind : uint8_t { Str, Bytes, FString, TString };

inline StringKind string_kind(std::string_view literal) {
  const std::string_view p = string_prefix(literal);
  if (prefix_has(p, 'b')) return StringKind::Bytes;
  if (prefix_has(p, 'f')) return StringKind::FString;
  if (prefix_has(p, 't')) return StringKind::TString;
  return StringKind::Str;
}

// The parts of a literal expression: the `string` itself, or those of a `concatenated_string`.
inline std::vector<TSNode> string_parts(TSNode n) {
  std::vector<TSNode> parts;
  if (is(n, "string")) {
    parts.push_back(n);
  } else if (is(n, "concatenated_string")) {
    for (TSNode c : children(n)) {
      if (is(c, "string")) parts.push_back(c);
    }
  }
  return parts;
}

// The value of a string literal without escapes (the parts of an implicit concatenation
// joined); nothing when an escape or an interpolation would have to be decoded.
inline std::optional<std::string> plain_string_value(TSNode literal, const Context& ctx) {
  std::string out;
  for (TSNode part : string_parts(literal)) {
    for (TSNode c : children(part)) {
      if (is(c, "string_content")) {
        if (ts_node_named_child_count(c) > 0) return std::nullopt;
        out += ctx.text(c);
      } else if (is(c, "interpolation")) {
        return std::nullopt;
      }
    }
  }
  return out;
}

// Ruff's kind of a string expression: an implicit concatenation takes the kind of its f-string
// or bytes parts (a mix of str and bytes is an error either way).
inline bool is_str_literal(TSNode n, const Context& ctx) {
  const std::vector<TSNode> parts = string_parts(n);
  if (parts.empty()) return false;
  for (TSNode p : parts) {
    if (string_kind(ctx.text(p)) != StringKind::Str) return false;
  }
  return true;
}

inline bool is_bytes_literal(TSNode n, const Context& ctx) {
  const std::vector<TSNode> parts = string_parts(n);
  if (parts.empty()) return false;
  for (TSNode p : parts) {
    if (string_kind(ctx.text(p)) != StringKind::Bytes) return false;
  }
  return true;
}

inline bool is_fstring_expr(TSNode n, const Context& ctx) {
  const std::vector<TSNode> parts = string_parts(n);
  bool f = false;
  for (TSNode p : parts) {
    const StringKind k = string_kind(ctx.text(p));
    if (k == StringKind::TString) return false;
    f |= k == StringKind::FString;
  }
  return f;
}

// The quotes of a literal: `"`, `'`, `"""` or `'''`.
inline std::string_view string_quote(std::string_view literal) {
  const std::string_view rest = literal.substr(string_prefix(literal).size());
  if (rest.size() >= 6 && (rest.starts_with("\"\"\"") || rest.starts_with("'''"))) return rest.substr(0, 3);
  return rest.substr(0, 1);
}

// The text between the quotes of a literal, as written (escapes not decoded).
inline std::string_view string_body(std::string_view literal) {
  const size_t p = string_prefix(literal).size();
  const size_t q = string_quote(literal).size();
  if (literal.size() < p + 2 * q) return {};
  return literal.substr(p + q, literal.size() - p - 2 * q);
}

// ---------------------------------------------------------------------------------------------
// Statements.

// The statement a node belongs to: the child of a block or module that contains it.
inline TSNode enclosing_statement(TSNode n) {
  TSNode cur = n;
  for (TSNode p = ts_node_parent(cur); !ts_node_is_null(p); cur = p, p = ts_node_parent(p)) {
    const std::string_view k = kind(p);
    if (k == "block" || k == "module") return cur;
  }
  return TSNode{};
}

// The function or class definition or lambda whose body holds `n` (its scope), skipping
// comprehensions when `through_comprehensions`; null at module level.
inline TSNode enclosing_scope_node(TSNode n) {
  TSNode cur = n;
  for (TSNode p = ts_node_parent(cur); !ts_node_is_null(p); cur = p, p = ts_node_parent(p)) {
    const std::string_view k = kind(p);
    if (k == "function_definition" || k == "class_definition") {
      if (ts_node_eq(cur, field(p, "body"))) return p;
    } else if (k == "lambda") {
      if (ts_node_eq(cur, field(p, "body"))) return p;
    } else if (k == "list_comprehension" || k == "set_comprehension" || k == "dictionary_comprehension" ||
               k == "generator_expression") {
      return p;
    }
  }
  return TSNode{};
}

inline bool is_identifier_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
         static_cast<unsigned char>(c) >= 0x80;
}

inline bool is_ascii_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

// Ruff's `pad` (fix/edits.h).
using lint::edits::pad;

// ---------------------------------------------------------------------------------------------
// Literals.

enum class Literal : uint8_t { NotLiteral, Str, Bytes, FString, Int, Float, Complex, Bool, None, Ellipsis };

// What literal an expression is (parentheses looked through), as Ruff's AST tells them apart.
inline Literal literal_of(TSNode n, const Context& ctx) {
  n = expr_of(n);
  const std::string_view k = kind(n);
  if (k == "string" || k == "concatenated_string") {
    if (is_str_literal(n, ctx)) return Literal::Str;
    if (is_bytes_literal(n, ctx)) return Literal::Bytes;
    if (is_fstring_expr(n, ctx)) return Literal::FString;
    return Literal::NotLiteral;
  }
  if (k == "integer" || k == "float") {
    const std::string_view t = ctx.text(n);
    if (!t.empty() && (t.back() == 'j' || t.back() == 'J')) return Literal::Complex;
    return k == "integer" ? Literal::Int : Literal::Float;
  }
  if (k == "true" || k == "false") return Literal::Bool;
  if (k == "none") return Literal::None;
  if (k == "ellipsis") return Literal::Ellipsis;
  return Literal::NotLiteral;
}


// The node kinds of except clauses (grammar 0.25: `except*` clauses are `except_clause` too).
inline constexpr std::string_view kExceptClauseKinds[] = {"except_clause"};

// The exception type an except clause catches (`except (A, B) as e:` -> the tuple), or null.
inline TSNode except_type(TSNode clause) {
  TSNode v = field(clause, "value");
  if (ts_node_is_null(v)) {
    for (TSNode c : children(clause)) {
      if (is_named_child(c) && !is(c, "block")) {
        v = c;
        break;
      }
    }
  }
  if (!ts_node_is_null(v) && is(v, "as_pattern")) v = first_named_child(v);
  return v;
}

// Ruff's UnqualifiedName of a name or attribute chain (`socket.error`), or "" for anything else.
inline std::string dotted_name(TSNode n, const Context& ctx) {
  n = unparenthesized(n);
  if (is(n, "identifier")) return std::string(ctx.text(n));
  if (!is(n, "attribute")) return {};
  std::string head = dotted_name(field(n, "object"), ctx);
  if (head.empty()) return {};
  return head + "." + std::string(ctx.text(field(n, "attribute")));
}


inline bool is_comprehension(std::string_view k) {
  return k == "list_comprehension" || k == "set_comprehension" || k == "dictionary_comprehension" ||
         k == "generator_expression";
}

// The scopes around a node, innermost first, as Ruff nests them: a function's parameters,
// decorators and defaults, and a comprehension's first iterable, belong to the enclosing scope.
inline std::vector<TSNode> enclosing_scopes(TSNode n) {
  std::vector<TSNode> out;
  TSNode cur = n;
  for (TSNode p = ts_node_parent(cur); !ts_node_is_null(p); cur = p, p = ts_node_parent(p)) {
    const std::string_view k = kind(p);
    if (k == "function_definition" || k == "class_definition" || k == "lambda") {
      if (ts_node_eq(cur, field(p, "body"))) out.push_back(p);
    } else if (is_comprehension(k)) {
      TSNode first{};
      for (TSNode c : children(p)) {
        if (is(c, "for_in_clause")) {
          first = c;
          break;
        }
      }
      if (!ts_node_eq(cur, first)) out.push_back(p);
    }
  }
  return out;
}

}  // namespace lint::rules::up
