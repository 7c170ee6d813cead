#include "semantic/lookup.h"

#include "syntax/node.h"

namespace lint {

const Binding* lookup_symbol(const SemanticModel& m, TSNode root, std::string_view name, uint32_t at) {
  int32_t s = static_cast<int32_t>(m.scope_at(at));
  if (m.scopes[s].kind == ScopeKind::Function && !ts_node_is_null(m.scopes[s].node) &&
      is(m.scopes[s].node, "function_definition")) {
    const TSNode body = field(m.scopes[s].node, "body");
    if (!ts_node_is_null(body) && at < ts_node_start_byte(body)) s = m.scopes[s].parent;
  }
  bool deferred = false;
  bool innermost = true;
  while (s >= 0) {
    const Scope& scope = m.scopes[s];
    if (innermost || scope.kind != ScopeKind::Class) {
      const Binding* found = nullptr;
      for (uint32_t id : scope.bindings) {
        const Binding& b = m.bindings[id];
        // An annotation without a value binds nothing (Ruff skips it).
        if (b.name != name || b.kind == BindingKind::Annotation) continue;
        if (!deferred && !is_bound_at(root, b, at)) continue;
        found = &b;
      }
      if (found) return found;
    }
    if (scope.kind == ScopeKind::Function || scope.kind == ScopeKind::Lambda) deferred = true;
    innermost = false;
    s = scope.parent;
  }
  return nullptr;
}

bool is_bound_at(TSNode root, const Binding& b, uint32_t at) {
  if (b.start >= at) return false;
  switch (b.kind) {
    case BindingKind::Assignment:
    case BindingKind::AnnotatedAssignment:
    case BindingKind::AugmentedAssignment:
    case BindingKind::NamedExpr:
      break;
    default:
      return true;
  }
  TSNode stmt{};
  for (TSNode n = ts_node_descendant_for_byte_range(root, b.start, b.end); !ts_node_is_null(n); n = ts_node_parent(n)) {
    const std::string_view k = kind(n);
    if (k == "assignment" || k == "augmented_assignment" || k == "named_expression") stmt = n;
    if (k == "block" || k == "module" || k == "expression_statement") break;
  }
  if (ts_node_is_null(stmt) || at >= ts_node_end_byte(stmt)) return true;
  TSNode value = field(stmt, is(stmt, "named_expression") ? "value" : "right");
  while (!ts_node_is_null(value) && is(value, "assignment")) value = field(value, "right");
  return ts_node_is_null(value) || at < ts_node_start_byte(value) || at >= ts_node_end_byte(value);
}

bool scope_binds(const SemanticModel& m, TSNode root, const Scope& scope, std::string_view name, uint32_t at,
                 bool deferred) {
  const auto it = scope.names.find(name);
  if (it == scope.names.end()) return false;
  if (deferred) return true;
  for (uint32_t id : scope.bindings) {
    const Binding& b = m.bindings[id];
    if (b.name == name && is_bound_at(root, b, at)) return true;
  }
  return false;
}

bool has_builtin_binding(const SemanticModel& m, TSNode root, std::string_view name, uint32_t at) {
  return lookup_symbol(m, root, name, at) == nullptr && is_python_builtin(name, m.target_minor);
}

}  // namespace lint
