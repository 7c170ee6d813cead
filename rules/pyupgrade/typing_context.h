// What the typing-related pyupgrade rules (UP037, UP040, UP043, UP044, UP046, UP047, UP049) ask
// about where an expression sits: whether the module imported `typing`, and how an expression
// relates to the subscript or parameter around it, in Ruff's AST terms (no parentheses, no
// `type` wrappers).
#pragma once

#include <tree_sitter/api.h>

#include <algorithm>
#include <cstdint>
#include <string_view>

#include "engine/rule.h"
#include "pyupgrade/syntax.h"
#include "semantic/semantic.h"

namespace lint::rules::up {

// Ruff's seen_typing(): the module imports `typing` or `typing_extensions` (or a member or
// submodule of either) somewhere, or `typing-modules` names a module.
inline bool seen_typing(const SemanticModel& m) {
  if (!m.configured_typing_modules.empty()) return true;
  for (const Binding& b : m.bindings) {
    if (!is_import(b.kind)) continue;
    const std::string_view q = b.qualified_name;
    if (q == "typing" || q.starts_with("typing.") || q == "typing_extensions" || q.starts_with("typing_extensions.")) {
      return true;
    }
  }
  return false;
}

// Whether `from __future__ import annotations` is in force at `n`, as Ruff's checker sees it:
// the flag is set where the import is visited, and deferred code (function bodies, string
// annotations) is visited with the flags of where it was met, so only what follows the import
// in the text sees it.
inline bool future_annotations_at(TSNode n, const SemanticModel& m) {
  if (!m.future_annotations) return false;
  uint32_t at = UINT32_MAX;
  for (const Binding& b : m.bindings) {
    if (b.kind == BindingKind::FutureImport && b.name == "annotations") at = std::min(at, b.stmt_start);
  }
  return at == UINT32_MAX || at < ts_node_start_byte(n);
}

// The node that stands for `n` in its parent's eyes: `n` with the parentheses and `type`
// wrappers around it.
inline TSNode outermost_wrapper(TSNode n) {
  for (TSNode p = ts_node_parent(n); !ts_node_is_null(p) && (is(p, "parenthesized_expression") || is(p, "type"));
       p = ts_node_parent(p)) {
    n = p;
  }
  return n;
}

// Whether `n` (a subscript) is the slice of the subscript around it, or an element of that
// slice's tuple: `X[n]`, `X[a, n]`, `X[(a, n)]` (Ruff's in_subscript_index).
inline bool is_subscript_index(TSNode n) {
  TSNode w = outermost_wrapper(n);
  TSNode p = ts_node_parent(w);
  if (ts_node_is_null(p)) return false;
  if (is(p, "tuple")) {
    // A parenthesized tuple that is the whole slice.
    w = outermost_wrapper(p);
    p = ts_node_parent(w);
    if (ts_node_is_null(p)) return false;
    if (is(p, "subscript")) return !ts_node_eq(field(p, "value"), w) && as_subscript(p).elements.size() == 1;
    if (is(p, "type_parameter")) return as_subscript(ts_node_parent(p)).elements.size() == 1;
    return false;
  }
  if (is(p, "subscript")) return !ts_node_eq(field(p, "value"), w);
  return is(p, "type_parameter");
}

// Whether `n` is the annotation of a function's `*args` (parentheses aside).
inline bool is_vararg_annotation(TSNode n) {
  const TSNode w = outermost_wrapper(n);
  const TSNode p = ts_node_parent(w);
  if (ts_node_is_null(p) || !is(p, "typed_parameter") || !ts_node_eq(field(p, "type"), w)) return false;
  const TSNode first = first_named_child(p);
  return !ts_node_is_null(first) && is(first, "list_splat_pattern");
}

}  // namespace lint::rules::up
