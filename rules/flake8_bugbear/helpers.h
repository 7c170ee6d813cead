// What the flake8-bugbear rules share: literals as Ruff's expression kinds, dotted names, and
// names resolved through the semantic model the way Ruff's `resolve_qualified_name` does.
#pragma once

#include <tree_sitter/api.h>

#include <filesystem>
#include <string>
#include <string_view>
#include <system_error>
#include <vector>

#include "engine/rule.h"
#include "syntax/arguments.h"
#include "syntax/node.h"
#include "pyflakes/python_string.h"

namespace lint::rules::bugbear {

// Node helpers (kind_of, is_a, is_named_child, first_named_child...) are in syntax/node.h, and
// a call's arguments (call_arguments) in syntax/arguments.h.

// ---------------------------------------------------------------------------------------------
// Expressions as Ruff's AST sees them

inline std::string_view string_prefix(std::string_view literal) { return pyfmt::literal_prefix(literal); }

// A `string` node that is an f-string or a t-string.
inline bool is_interpolated_part(TSNode part, const Context& ctx) {
  const std::string_view prefix = string_prefix(ctx.text(part));
  return pyfmt::prefix_contains(prefix, 'f') || pyfmt::prefix_contains(prefix, 't');
}

// Ruff's `ExprFString`: an f-string, or an implicit concatenation holding one.
inline bool is_f_string(TSNode n, const Context& ctx) {
  n = unparenthesized(n);
  const std::string_view k = kind_of(n);
  if (k == "string") return pyfmt::prefix_contains(string_prefix(ctx.text(n)), 'f');
  if (k != "concatenated_string") return false;
  bool any = false;
  for_each_named_child(n, [&](TSNode part) {
    if (is_a(part, "string") && pyfmt::prefix_contains(string_prefix(ctx.text(part)), 'f')) any = true;
  });
  return any;
}

// Whether a string (or concatenation) has any f- or t-string part.
inline bool has_interpolated_part(TSNode n, const Context& ctx) {
  if (is_a(n, "string")) return is_interpolated_part(n, ctx);
  bool any = false;
  for_each_named_child(n, [&](TSNode part) {
    if (is_a(part, "string") && is_interpolated_part(part, ctx)) any = true;
  });
  return any;
}

// Ruff's `ExprStringLiteral`: a `str` literal or an implicit concatenation of them.
inline bool is_str_literal(TSNode n, const Context& ctx) { return pyfmt::is_str_literal(unparenthesized(n), ctx.source()); }

// Ruff's `ExprBytesLiteral`.
inline bool is_bytes_literal(TSNode n, const Context& ctx) {
  n = unparenthesized(n);
  const std::string_view k = kind_of(n);
  if (k != "string" && k != "concatenated_string") return false;
  if (has_interpolated_part(n, ctx)) return false;
  const TSNode first = k == "string" ? n : first_named_child(n);
  return !ts_node_is_null(first) && pyfmt::prefix_contains(string_prefix(ctx.text(first)), 'b');
}

// The value of a `str` literal, escapes decoded, as UTF-8; false when `n` is not one.
inline bool str_literal_value(TSNode n, const Context& ctx, std::string& out) {
  n = unparenthesized(n);
  if (!pyfmt::is_str_literal(n, ctx.source())) return false;
  std::u32string value;
  if (!pyfmt::decode_str_literal(n, ctx.source(), value)) return false;
  out = pyfmt::to_utf8(value);
  return true;
}

// Ruff's `Expr::is_literal_expr`: a string (not an f-string), bytes, number, boolean, `None` or
// `...` literal. `-1` is an operation, not a literal.
inline bool is_literal_expr(TSNode n, const Context& ctx) {
  n = unparenthesized(n);
  const std::string_view k = kind_of(n);
  if (k == "string" || k == "concatenated_string") return !has_interpolated_part(n, ctx);
  return k == "integer" || k == "float" || k == "true" || k == "false" || k == "none" || k == "ellipsis";
}

// Ruff's `UnqualifiedName::from_expr`: the dotted name of a name or a chain of attributes on
// one (`a.b.c`), parentheses ignored; false for anything else.
inline bool unqualified_name(TSNode n, const Context& ctx, std::string& out) {
  n = unparenthesized(n);
  std::vector<std::string_view> tail;
  while (is_a(n, "attribute")) {
    tail.push_back(ctx.text(field(n, "attribute")));
    n = unparenthesized(field(n, "object"));
  }
  if (!is_a(n, "identifier")) return false;
  out.assign(ctx.text(n));
  for (auto it = tail.rbegin(); it != tail.rend(); ++it) {
    out += '.';
    out += *it;
  }
  return true;
}

// An assignment target without parentheses: tree-sitter parses `(a.b) = 1` as a one-element
// `tuple_pattern` without a comma, which to Ruff is just `a.b`.
inline TSNode unparenthesized_target(TSNode n) {
  for (;;) {
    n = unparenthesized(n);
    if (!is_a(n, "tuple_pattern") || named_child_count(n) != 1) return n;
    for (TSNode c : children(n)) {
      if (is_a(c, ",")) return n;
    }
    n = first_named_child(n);
  }
}

// Ruff's `map_callable`: the function of a call (`@decorator()`), else the expression.
inline TSNode map_callable(TSNode n) {
  n = unparenthesized(n);
  return is_a(n, "call") ? unparenthesized(field(n, "function")) : n;
}

// Ruff's `map_subscript`: the value of a subscript (`list[int]`), else the expression.
inline TSNode map_subscript(TSNode n) {
  n = unparenthesized(n);
  return is_a(n, "subscript") ? unparenthesized(field(n, "value")) : n;
}

// ---------------------------------------------------------------------------------------------
// Names and their contexts

// How an identifier is used, as Ruff's `ExprName` context: read, bound or deleted. `None` for
// identifiers that are no `ExprName` to Ruff (attribute and keyword names, parameters, the names
// of functions, classes, imports, `global` statements, `except ... as` and match captures).
enum class NameCtx : uint8_t { Load, Store, Del, None };

namespace detail {

// Nodes whose children are targets when they are: `(a, [b, *c]) = ...`.
inline bool passes_context(std::string_view k) {
  return k == "tuple" || k == "list" || k == "pattern_list" || k == "tuple_pattern" || k == "list_pattern" ||
         k == "parenthesized_expression" || k == "list_splat" || k == "list_splat_pattern" ||
         k == "expression_list" || k == "as_pattern_target";
}

// Identifiers of a parameter list are names being bound (None); their defaults and
// annotations are read.
template <class Push>
void push_parameters(TSNode parameters, Push&& push) {
  for_each_named_child(parameters, [&](TSNode p) {
    const std::string_view k = kind_of(p);
    if (k == "default_parameter" || k == "typed_default_parameter" || k == "typed_parameter") {
      for (TSNode c : children(p)) {
        if (!is_named_child(c)) continue;
        const std::string_view ck = kind_of(c);
        if (ck == "identifier" || ck == "list_splat_pattern" || ck == "dictionary_splat_pattern" || ck == "tuple_pattern") continue;
        push(c, NameCtx::Load);
      }
    }
  });
}

}  // namespace detail

// Calls f(identifier, context) for each identifier below `root`, in source order, with its
// context as Ruff's AST gives it. Iterative: nesting depth is unbounded.
template <class F>
void for_each_name(TSNode root, F&& f, NameCtx root_ctx = NameCtx::Load) {
  struct Item {
    TSNode node;
    NameCtx ctx;
  };
  std::vector<Item> stack{{root, root_ctx}};
  std::vector<Item> pending;  // one node's children, pushed in reverse for source order
  auto flush = [&] {
    for (auto it = pending.rbegin(); it != pending.rend(); ++it) stack.push_back(*it);
    pending.clear();
  };
  auto push = [&](TSNode n, NameCtx ctx) {
    if (!ts_node_is_null(n)) pending.push_back({n, ctx});
  };
  while (!stack.empty()) {
    const Item item = stack.back();
    stack.pop_back();
    const TSNode n = item.node;
    const std::string_view k = kind_of(n);
    if (k == "identifier") {
      if (item.ctx != NameCtx::None) f(n, item.ctx);
      continue;
    }
    if (k == "comment" || k == "import_statement" || k == "import_from_statement" || k == "future_import_statement" ||
        k == "global_statement" || k == "nonlocal_statement" || k == "string_content" || k == "escape_sequence") {
      continue;
    }
    if (k == "attribute") {
      push(field(n, "object"), NameCtx::Load);
    } else if (k == "keyword_argument") {
      push(field(n, "value"), NameCtx::Load);
    } else if (k == "assignment" || k == "augmented_assignment") {
      push(field(n, "left"), NameCtx::Store);
      push(field(n, "type"), NameCtx::Load);
      push(field(n, "right"), NameCtx::Load);
    } else if (k == "for_statement" || k == "for_in_clause") {
      for (auto it = children(n).begin(); it != children(n).end(); ++it) {
        const TSNode c = *it;
        if (!is_named_child(c)) continue;
        const char* name = it.field_name();
        push(c, name && std::string_view(name) == "left" ? NameCtx::Store : NameCtx::Load);
      }
    } else if (k == "named_expression") {
      push(field(n, "name"), NameCtx::Store);
      push(field(n, "value"), NameCtx::Load);
    } else if (k == "as_pattern") {
      // `with a as b`: b is bound; `except E as e` and `case p as c` bind identifiers.
      const bool with = is_a(ts_node_parent(n), "with_item");
      for (auto it = children(n).begin(); it != children(n).end(); ++it) {
        const TSNode c = *it;
        if (!is_named_child(c)) continue;
        const char* name = it.field_name();
        const bool alias = name && std::string_view(name) == "alias";
        push(c, !alias ? NameCtx::Load : with ? NameCtx::Store : NameCtx::None);
      }
    } else if (k == "delete_statement") {
      for_each_named_child(n, [&](TSNode c) { push(c, NameCtx::Del); });
    } else if (k == "function_definition" || k == "lambda") {
      for (auto it = children(n).begin(); it != children(n).end(); ++it) {
        const TSNode c = *it;
        if (!is_named_child(c)) continue;
        const char* name = it.field_name();
        const std::string_view fname = name ? std::string_view(name) : std::string_view();
        if (fname == "name" || fname == "type_parameters") continue;
        if (fname == "parameters") {
          detail::push_parameters(c, push);
        } else {
          push(c, NameCtx::Load);
        }
      }
    } else if (k == "class_definition") {
      for (auto it = children(n).begin(); it != children(n).end(); ++it) {
        const TSNode c = *it;
        if (!is_named_child(c)) continue;
        const char* name = it.field_name();
        const std::string_view fname = name ? std::string_view(name) : std::string_view();
        if (fname == "name" || fname == "type_parameters") continue;
        push(c, NameCtx::Load);
      }
    } else if (k == "except_clause") {
      for (auto it = children(n).begin(); it != children(n).end(); ++it) {
        const TSNode c = *it;
        if (!is_named_child(c)) continue;
        const char* name = it.field_name();
        push(c, name && std::string_view(name) == "alias" ? NameCtx::None : NameCtx::Load);
      }
    } else if (k == "case_pattern" || k == "keyword_pattern" || k == "splat_pattern" || k == "dict_pattern" ||
               k == "class_pattern" || k == "dotted_name") {
      // Patterns capture into identifiers; only a value pattern (`case Color.RED`) and a class
      // pattern's class read a name.
      if (k == "dotted_name") {
        const bool reads = named_child_count(n) > 1 || is_a(ts_node_parent(n), "class_pattern");
        if (reads) push(first_named_child(n), NameCtx::Load);
      } else {
        for_each_named_child(n, [&](TSNode c) { push(c, is_a(c, "identifier") ? NameCtx::None : NameCtx::Load); });
      }
    } else if (k == "type_alias_statement") {
      bool first = true;
      for_each_named_child(n, [&](TSNode c) {
        push(c, first ? NameCtx::Store : NameCtx::Load);
        first = false;
      });
    } else {
      const NameCtx inner = detail::passes_context(k) ? item.ctx : NameCtx::Load;
      for_each_named_child(n, [&](TSNode c) { push(c, inner); });
    }
    flush();
  }
}

// ---------------------------------------------------------------------------------------------
// Exception handlers. tree-sitter-python 0.25 parses `except*` as an `except_clause` whose
// tokens start with `except` and `*` (0.23 had an `except_group_clause`).

inline bool is_handler(TSNode n) {
  const std::string_view k = kind_of(n);
  return k == "except_clause";
}

inline bool is_star_handler(TSNode n) {
  const TSNode first = ts_node_child(n, 0);
  if (!ts_node_is_null(first) && kind_of(first) == "except*") return true;  // older grammars
  const TSNode second = ts_node_child(n, 1);
  return !ts_node_is_null(first) && kind_of(first) == "except" && !ts_node_is_null(second) && kind_of(second) == "*";
}

// The exception type a handler names (`E` in `except E as e:`), or null for a bare `except:`.
inline TSNode handler_type(TSNode handler) {
  TSNode value{};
  for (TSNode c : children(handler)) {
    if (!is_named_child(c)) continue;
    if (is_a(c, "block")) break;
    value = c;
    break;
  }
  if (ts_node_is_null(value)) return value;
  if (is_a(value, "as_pattern")) value = first_named_child(value);
  return value;
}

// ---------------------------------------------------------------------------------------------
// Names through the semantic model

// Resolves names as Ruff's `resolve_qualified_name` does, giving its segments joined by dots:
// `os.path.join` for `p.join` after `import os.path as p`. A builtin has an empty first segment
// (`.int` for `int`, distinct from `builtins.int`, which an `import builtins` gives), and a class
// or function defined in the file is named after the module (`pkg.mod.Class`, or `mod.Class`
// outside a package). "" when the name is not resolved to any of those.
//
// A `deferred` resolver answers as Ruff does for rules it runs after the whole module has been
// visited (B008 checks parameters then): a name that did not resolve where it was read is looked
// up again among the final bindings of the scopes around it, so `def f(x: Sequence = g())` sees
// a `Sequence` imported further down.
class Resolver {
 public:
  Resolver(const SemanticModel& model, const Context& ctx, bool deferred = false)
      : m_(model), ctx_(ctx), deferred_(deferred) {}

  const SemanticModel& model() const { return m_; }

  const Reference* reference(TSNode identifier) const {
    return m_.reference_at(ts_node_start_byte(identifier));
  }

  // The binding a name reads, or null (unresolved, or a builtin).
  const Binding* binding(TSNode identifier) const {
    const Reference* r = reference(identifier);
    return r && r->binding >= 0 ? &m_.bindings[r->binding] : nullptr;
  }

  // Whether a name reads Python's builtin of that name (Ruff's `has_builtin_binding`).
  bool is_builtin_name(TSNode identifier) const {
    const Reference* r = reference(identifier);
    if (!r) return false;
    if (r->builtin) return !(r->flags & kAfterDeletion);
    return r->binding >= 0 && m_.bindings[r->binding].kind == BindingKind::Builtin;
  }

  std::string qualified_name(TSNode expr) const {
    expr = unparenthesized(expr);
    TSNode head = expr;
    while (is_a(head, "attribute")) head = unparenthesized(field(head, "object"));
    if (!is_a(head, "identifier")) return "";
    const Reference* r = reference(head);
    if (!r) return "";
    std::string dotted;
    if (!unqualified_name(expr, ctx_, dotted)) return "";
    const std::string_view tail = std::string_view(dotted).substr(ctx_.text(head).size());  // ".b.c" or ""
    if (r->builtin) return (r->flags & kAfterDeletion) ? "" : "." + dotted;
    const Binding* found = r->binding >= 0 ? &m_.bindings[r->binding] : nullptr;
    if (!found && deferred_) {
      bool builtin = false;
      found = late_binding(r->scope, ctx_.text(head), builtin);
      if (builtin) return "." + dotted;
    }
    if (!found) return "";
    const Binding& b = *found;
    switch (b.kind) {
      case BindingKind::Builtin:
        return "." + dotted;
      case BindingKind::Import:
      case BindingKind::FromImport:
        // Relative imports would need the module's own path; Ruff resolves them, lint leaves them.
        if (b.qualified_name.starts_with('.')) return "";
        return b.qualified_name + std::string(tail);
      case BindingKind::SubmoduleImport: {
        // `import a.b` binds `a`; `a.c` is "a.c".
        const std::string& q = b.qualified_name;
        return q.substr(0, q.find('.')) + std::string(tail);
      }
      case BindingKind::Class:
      case BindingKind::Function: {
        const std::string& module = module_path();
        return module.empty() ? "" : module + "." + dotted;
      }
      default:
        return "";
    }
  }

  // Ruff's `match_builtin_expr`: `name`, or `builtins.name`, read as the builtin.
  bool is_builtin(TSNode expr, std::string_view name) const {
    const std::string q = qualified_name(expr);
    return q.ends_with(name) && (q.size() == name.size() + 1 || q == "builtins." + std::string(name));
  }

  // Whether `name`, written at `byte`, would read Python's builtin: no scope visible from there
  // binds it (class scopes count only where the code is in the class body itself).
  bool builtin_available_at(std::string_view name, uint32_t byte) const {
    const uint32_t innermost = m_.scope_at(byte);
    for (int32_t s = static_cast<int32_t>(innermost); s >= 0; s = m_.scopes[s].parent) {
      const Scope& scope = m_.scopes[s];
      if (scope.kind == ScopeKind::Class && static_cast<uint32_t>(s) != innermost) continue;
      const auto it = scope.names.find(name);
      if (it != scope.names.end()) return m_.bindings[it->second].kind == BindingKind::Builtin;
    }
    return is_python_builtin(name, m_.target_minor);
  }

  // Ruff's `resolve_builtin_symbol`: the builtin an expression reads, or "".
  std::string builtin_symbol(TSNode expr) const {
    const std::string q = qualified_name(expr);
    if (q.starts_with('.') && q.find('.', 1) == std::string::npos) return q.substr(1);
    if (q.starts_with("builtins.") && q.find('.', 9) == std::string::npos) return q.substr(9);
    return "";
  }

 private:
  // The binding `name` has at the end of the module, seen from `scope` (class scopes are skipped
  // once a function scope has been passed, as Python does); `builtin` when none binds it and it
  // is a builtin.
  const Binding* late_binding(uint32_t scope, std::string_view name, bool& builtin) const {
    bool seen_function = false;
    for (int32_t s = static_cast<int32_t>(scope); s >= 0; s = m_.scopes[s].parent) {
      const Scope& sc = m_.scopes[s];
      if (sc.kind == ScopeKind::Class && seen_function) continue;
      if (sc.kind == ScopeKind::Function || sc.kind == ScopeKind::Lambda) seen_function = true;
      const auto it = sc.names.find(name);
      if (it != sc.names.end()) {
        const Binding& b = m_.bindings[it->second];
        return b.kind == BindingKind::Deletion ? nullptr : &b;
      }
    }
    builtin = is_python_builtin(name, m_.target_minor);
    return nullptr;
  }

  // The module's dotted path as Ruff names it: from the outermost folder with an `__init__.py`
  // up the tree (the file's own stem included, `__init__` too), or the file's stem alone
  // outside a package. Read from the file system once per file, when first needed.
  const std::string& module_path() const {
    if (module_known_) return module_;
    module_known_ = true;
    namespace fs = std::filesystem;
    std::error_code ec;
    const fs::path path = fs::absolute(fs::path(ctx_.path()), ec);
    std::vector<std::string> parts{path.stem().string()};
    for (fs::path dir = path.parent_path(); !dir.empty(); dir = dir.parent_path()) {
      if (!fs::is_regular_file(dir / "__init__.py", ec)) break;
      parts.push_back(dir.filename().string());
      if (dir == dir.parent_path()) break;
    }
    for (auto it = parts.rbegin(); it != parts.rend(); ++it) {
      if (!module_.empty()) module_ += '.';
      module_ += *it;
    }
    return module_;
  }

  const SemanticModel& m_;
  const Context& ctx_;
  bool deferred_;
  mutable std::string module_;
  mutable bool module_known_ = false;
};

}  // namespace lint::rules::bugbear
