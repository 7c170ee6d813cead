// What the pyupgrade rules ask the semantic model (in finish(), once it is built): the qualified
// name an expression refers to, whether a name is the builtin, and the bindings of a scope.
#pragma once

#include <tree_sitter/api.h>

#include <algorithm>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "engine/rule.h"
#include "pyupgrade/syntax.h"
#include "semantic/lookup.h"
#include "semantic/semantic.h"

namespace lint::rules::up {

class Resolver {
 public:
  Resolver(const SemanticModel& m, const Context& ctx) : m_(m), ctx_(ctx) {}

  const SemanticModel& model() const { return m_; }

  // The reference a name (or the head of an attribute chain) makes, if the model recorded one.
  const Reference* reference(TSNode name) const {
    return m_.reference_at(ts_node_start_byte(name));
  }

  // Ruff's resolve_qualified_name, dotted: "typing.List", "builtins.open" (for the builtin name
  // and for `builtins.open` alike); "" when the expression is not an import's or a builtin's.
  std::string qualified(TSNode expr) const {
    expr = expr_of(expr);
    if (is(expr, "identifier")) {
      const Reference* r = reference(expr);
      if (r && r->builtin && (r->flags & kAfterDeletion)) return "";
    }
    std::string q = m_.qualified_name(expr, ctx_.source());
    if (!q.empty() && q[0] != '.') return q;
    return qualified_local(expr, q);
  }

  // The qualified name of a name or attribute chain of a tree parsed from `text` (a string
  // annotation's), its head looked up at `at` as Ruff's lookup_symbol does: "" when it is
  // none or comes from no import.
  std::string qualified_in(TSNode expr, std::string_view text, uint32_t at) const {
    auto text_of = [&](TSNode n) { return text.substr(ts_node_start_byte(n), ts_node_end_byte(n) - ts_node_start_byte(n)); };
    expr = expr_of(expr);
    std::vector<std::string_view> rest;
    while (is(expr, "attribute")) {
      rest.push_back(text_of(field(expr, "attribute")));
      expr = expr_of(field(expr, "object"));
    }
    if (!is(expr, "identifier")) return {};
    const std::string_view head = text_of(expr);
    const Binding* b = lookup(head, at);
    if (!b) return {};
    std::string q;
    if (b->kind == BindingKind::Import || b->kind == BindingKind::FromImport) {
      q = b->qualified_name;
    } else if (b->kind == BindingKind::SubmoduleImport) {
      q = std::string(head);
    } else {
      return {};
    }
    for (auto it = rest.rbegin(); it != rest.rend(); ++it) {
      q += '.';
      q += *it;
    }
    return q;
  }

  // Whether a name resolves to the builtin of that name (Ruff's has_builtin_binding for it).
  bool is_builtin_name(TSNode name) const {
    const Reference* r = reference(name);
    return r && r->builtin && !(r->flags & kAfterDeletion);
  }

  // Ruff's match_builtin_expr: the name `symbol` bound to the builtin, or `builtins.symbol`.
  bool match_builtin(TSNode expr, std::string_view symbol) const {
    expr = expr_of(expr);
    if (is(expr, "identifier") && ctx_.text(expr) == symbol && is_builtin_name(expr)) return true;
    // Otherwise through imports too: `from builtins import dict as D` makes `D` the builtin.
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

  // A typing member: `<module>.<member>` for typing, typing_extensions, _typeshed and the
  // modules of `typing-modules` (Ruff's match_typing_expr and match_typing_qualified_name).
  bool match_typing(TSNode expr, std::string_view member) const { return is_typing_member(qualified(expr), member); }

  bool is_typing_member(std::string_view q, std::string_view member) const { return m_.is_typing_member(q, member); }

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

  // Ruff's lookup_symbol at a byte offset (semantic/lookup.h).
  const Binding* lookup(std::string_view name, uint32_t at) const { return lookup_symbol(m_, ctx_.root(), name, at); }

  bool visible_at(const Binding& b, uint32_t at) const { return is_bound_at(ctx_.root(), b, at); }

  bool scope_has(const Scope& scope, std::string_view name, uint32_t at, bool deferred) const {
    return scope_binds(m_, ctx_.root(), scope, name, at, deferred);
  }

  bool has_builtin_binding(std::string_view name, uint32_t at) const {
    return lint::has_builtin_binding(m_, ctx_.root(), name, at);
  }

 private:
  // What the model leaves unqualified and Ruff qualifies with the module's own path: classes and
  // functions defined in this file (`datetime.timezone` in datetime.py), and relative imports.
  std::string qualified_local(TSNode expr, const std::string& relative) const {
    TSNode head = expr;
    while (is(head, "attribute")) head = expr_of(field(head, "object"));
    if (!is(head, "identifier")) return "";
    const Reference* r = reference(head);
    if (!r || r->binding < 0) return "";
    const Binding& b = m_.bindings[r->binding];
    const std::optional<std::vector<std::string>>& path = module_path();
    if (b.kind == BindingKind::Class || b.kind == BindingKind::Function) {
      const std::string tail = dotted_name(expr, ctx_);
      if (tail.empty()) return "";
      if (path) return join(*path) + "." + tail;
      const std::filesystem::path file(ctx_.path());
      return file.stem().string() + "." + tail;
    }
    if (relative.empty() || !path) return "";
    // `from ..a import b`: each dot drops a segment of the module's path.
    std::vector<std::string> segments = *path;
    size_t i = 0;
    while (i < relative.size() && relative[i] == '.') {
      if (segments.empty()) return "";
      segments.pop_back();
      ++i;
    }
    std::string out = join(segments);
    const std::string_view rest = std::string_view(relative).substr(i);
    if (!rest.empty()) out += (out.empty() ? "" : ".") + std::string(rest);
    return out;
  }

  static std::string join(const std::vector<std::string>& segments) {
    std::string out;
    for (const std::string& s : segments) out += (out.empty() ? "" : ".") + s;
    return out;
  }

  // The module's dotted path from its package root (the topmost folder of `__init__.py` folders
  // above it), as Ruff derives it; nothing when its folder is no package.
  const std::optional<std::vector<std::string>>& module_path() const {
    if (!module_path_known_) {
      module_path_known_ = true;
      module_path_ = compute_module_path(std::filesystem::path(ctx_.path()));
    }
    return module_path_;
  }

  static std::optional<std::vector<std::string>> compute_module_path(const std::filesystem::path& file) {
    thread_local std::unordered_map<std::string, std::optional<std::filesystem::path>> roots;
    const std::filesystem::path dir = file.parent_path();
    auto it = roots.find(dir.string());
    if (it == roots.end()) {
      std::optional<std::filesystem::path> root;
      std::error_code ec;
      for (std::filesystem::path d = dir.empty() ? std::filesystem::path(".") : dir;; d = d.parent_path()) {
        if (!std::filesystem::is_regular_file(d / "__init__.py", ec)) break;
        root = d;
        if (d == d.parent_path() || d.parent_path().empty()) break;
      }
      it = roots.emplace(dir.string(), root).first;
    }
    if (!it->second) return std::nullopt;
    // The segments from the root's parent down to the file, by stem.
    std::vector<std::string> segments;
    const std::filesystem::path rel = std::filesystem::path(file).lexically_relative(it->second->parent_path());
    for (const auto& part : rel) segments.push_back(part.stem().string());
    return segments;
  }

  mutable bool module_path_known_ = false;
  mutable std::optional<std::vector<std::string>> module_path_;
  const SemanticModel& m_;
  const Context& ctx_;
};

}  // namespace lint::rules::up
