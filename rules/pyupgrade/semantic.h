// What the pyupgrade rules ask the semantic model (in finish(), once it is built): the qualified
// name an expression refers to, whether a name is the builtin, and the bindings of a scope.
#pragma once

#include <tree_sitter/api.h>

#include <string>
#include <string_view>

#include "engine/rule.h"
#include "pyupgrade/syntax.h"
#include "semantic/semantic.h"

namespace lint::rules::up {

class Resolver {
 public:
  Resolver(const SemanticModel& m, const Context& ctx) : m_(m), ctx_(ctx) {}

  const SemanticModel& model() const { return m_; }

  // The reference a name (or the head of an attribute chain) makes, if the model recorded one.
  const Reference* reference(TSNode name) const {
    const auto it = m_.reference_by_start.find(ts_node_start_byte(name));
    return it == m_.reference_by_start.end() ? nullptr : &m_.references[it->second];
  }

  // Ruff's resolve_qualified_name, dotted: "typing.List", "builtins.open" (for the builtin name
  // and for `builtins.open` alike); "" when the expression is not an import's or a builtin's.
  std::string qualified(TSNode expr) const {
    expr = expr_of(expr);
    if (is(expr, "identifier")) {
      const Reference* r = reference(expr);
      if (r && r->builtin && (r->flags & kAfterDeletion)) return "";
    }
    return m_.qualified_name(expr, ctx_.source());
  }

  // Whether a name resolves to the builtin of that name (Ruff's has_builtin_binding for it).
  bool is_builtin_name(TSNode name) const {
    const Reference* r = reference(name);
    return r && r->builtin && !(r->flags & kAfterDeletion);
  }

  // Ruff's match_builtin_expr: the name `symbol` bound to the builtin, or `builtins.symbol`.
  bool match_builtin(TSNode expr, std::string_view symbol) const {
    expr = expr_of(expr);
    if (is(expr, "identifier")) return ctx_.text(expr) == symbol && is_builtin_name(expr);
    const std::string q = qualified(expr);
    return q.size() == symbol.size() + 9 && q.starts_with("builtins.") && q.ends_with(symbol);
  }

  // Ruff's resolve_builtin_symbol: the builtin an expression names, or "".
  std::string builtin_symbol(TSNode expr) const {
    expr = expr_of(expr);
    if (is(expr, "identifier")) {
      if (is_builtin_name(expr)) return std::string(ctx_.text(expr));
      const std::string q = qualified(expr);
      return q.starts_with("builtins.") ? q.substr(9) : std::string();
    }
    if (!is(expr, "attribute")) return {};
    const std::string q = qualified(expr);
    return q.starts_with("builtins.") && q.find('.', 9) == std::string::npos ? q.substr(9) : std::string();
  }

  // A typing member: `typing.<member>` or `typing_extensions.<member>` (Ruff's match_typing_expr).
  bool match_typing(TSNode expr, std::string_view member) const { return is_typing_member(qualified(expr), member); }

  static bool is_typing_member(std::string_view q, std::string_view member) {
    if (q.starts_with("typing.")) return q.substr(7) == member;
    if (q.starts_with("typing_extensions.")) return q.substr(18) == member;
    return false;
  }

  // The scope (index into model().scopes) whose node is `scope_node` (null: the module).
  int32_t scope_of_node(TSNode scope_node) const {
    if (ts_node_is_null(scope_node)) return 0;
    for (uint32_t i = 0; i < m_.scopes.size(); ++i) {
      const Scope& s = m_.scopes[i];
      if (s.kind != ScopeKind::TypeParams && ts_node_eq(s.node, scope_node)) return static_cast<int32_t>(i);
    }
    return -1;
  }

  // The binding made at a byte offset (its name's start), or null.
  const Binding* binding_at_name(uint32_t start) const {
    for (const Binding& b : m_.bindings) {
      if (b.start == start && b.kind != BindingKind::Builtin) return &b;
    }
    return nullptr;
  }

  // Ruff's lookup_symbol at a byte offset, then whether what it finds is the builtin (Ruff's
  // has_builtin_binding): the innermost scope sees the bindings made before the offset, and so
  // do enclosing scopes until a function boundary is crossed (a function body runs later, when
  // its enclosing scopes are complete). Class scopes are seen from their own body only.
  const Binding* lookup(std::string_view name, uint32_t at) const {
    int32_t s = static_cast<int32_t>(m_.scope_at(at));
    bool deferred = false;
    bool innermost = true;
    while (s >= 0) {
      const Scope& scope = m_.scopes[s];
      if (innermost || scope.kind != ScopeKind::Class) {
        const Binding* found = nullptr;
        for (uint32_t id : scope.bindings) {
          const Binding& b = m_.bindings[id];
          if (b.name != name) continue;
          if (!deferred && b.start >= at) continue;
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

  bool has_builtin_binding(std::string_view name, uint32_t at) const {
    return lookup(name, at) == nullptr && is_python_builtin(name, m_.target_minor);
  }

 private:
  const SemanticModel& m_;
  const Context& ctx_;
};

}  // namespace lint::rules::up
