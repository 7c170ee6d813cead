// Where a few watched names (`print`, `list`, ...) are bound, so that rules can tell whether a
// builtin is shadowed without a full semantic model. Shared by F633 and F722.
//
// A rule lists kEnclosingKinds and kBindingKinds among its kinds and forwards every enter() of
// those nodes here, after EnclosingScopes::enter(). A binding records the scope it belongs to and
// the byte from which it is visible: Python evaluates a value before binding its targets, and a
// definition's decorators, defaults and bases before binding its name.
#pragma once

#include <cstdint>
#include <initializer_list>
#include <string_view>
#include <vector>

#include "pyflakes/enclosing_scopes.h"

namespace lint::rules {

inline constexpr std::string_view kBindingKinds[] = {
    "parameters",        "lambda_parameters", "assignment",        "augmented_assignment",
    "for_in_clause",     "as_pattern_target", "named_expression",  "except_clause",
    "import_statement",  "import_from_statement", "global_statement", "nonlocal_statement",
};

class NameBindings {
 public:
  struct Binding {
    uint8_t name;   // index into the watched names
    uint32_t scope; // EnclosingScopes frame id, 0 for the module
    uint32_t pos;   // visible from this byte on
  };

  explicit NameBindings(std::initializer_list<std::string_view> names) : names_(names) {}

  void enter(TSNode node, const EnclosingScopes& scopes, const Context& ctx) {
    const std::string_view k = kind(node);
    if (k == "function_definition") {
      const TSNode body = field(node, "body");
      bind_identifier(field(node, "name"), scopes, ctx, ts_node_is_null(body) ? ts_node_end_byte(node) : ts_node_start_byte(body));
    } else if (k == "class_definition") {
      bind_identifier(field(node, "name"), scopes, ctx, ts_node_end_byte(node));
    } else if (k == "for_statement") {
      const TSNode iter = field(node, "right");
      bind_targets(field(node, "left"), scopes, ctx, ts_node_is_null(iter) ? kAtName : ts_node_end_byte(iter));
    } else if (k == "parameters" || k == "lambda_parameters") {
      // Parameters belong to the function being entered, whose body has not started yet.
      if (scopes.frames().empty() || !mentions_watched(ctx.text(node))) return;
      const uint32_t scope = scopes.frames().back().id;
      for (TSNode p : children(node)) {
        const TSNode name = parameter_name(p);
        if (ts_node_is_null(name)) continue;
        const int index = watched(ctx.text(name));
        if (index >= 0) bindings_.push_back({static_cast<uint8_t>(index), scope, ts_node_start_byte(name)});
      }
    } else if (k == "assignment" || k == "augmented_assignment") {
      bind_targets(field(node, "left"), scopes, ctx, ts_node_end_byte(node));
    } else if (k == "for_in_clause") {
      // A comprehension binds its targets before it evaluates its element, which comes first.
      const uint32_t at = scopes.frames().empty() ? ts_node_start_byte(node) : scopes.frames().back().start;
      bind_targets(field(node, "left"), scopes, ctx, at);
    } else if (k == "as_pattern_target") {
      bind_targets(node, scopes, ctx);
    } else if (k == "named_expression") {
      bind_identifier(field(node, "name"), scopes, ctx, ts_node_end_byte(node), true);
    } else if (k == "except_clause") {
      bind_targets(field(node, "alias"), scopes, ctx);
    } else if (k == "import_statement" || k == "import_from_statement") {
      imports(node, scopes, ctx);
    } else if (k == "global_statement" || k == "nonlocal_statement") {
      for (TSNode c : children(node)) {
        if (is(c, "identifier")) bind_identifier(c, scopes, ctx);
      }
    }
  }

  const std::vector<Binding>& bindings() const { return bindings_; }
  // Names bound to the `builtins` module (`import builtins`, `import builtins as b`).
  const std::vector<std::string_view>& builtins_module_names() const { return builtins_names_; }

  int watched(std::string_view name) const {
    for (size_t i = 0; i < names_.size(); ++i) {
      if (names_[i] == name) return static_cast<int>(i);
    }
    return -1;
  }

  // Whether watched name `index` is bound as seen from `pos` in a walk in source order: in the
  // scopes around `pos` (a class only if it is the innermost), by a binding that comes before.
  bool bound_before(int index, uint32_t pos, const EnclosingScopes& scopes) const {
    const auto& frames = scopes.frames();
    bool innermost = true;
    for (size_t i = frames.size() + 1; i-- > 0;) {
      uint32_t id = 0;
      if (i > 0) {
        const auto& f = frames[i - 1];
        if (f.kind == EnclosingKind::Loop || !f.governs(pos)) continue;
        const bool skip = f.kind == EnclosingKind::Class && !innermost;
        innermost = false;
        if (skip) continue;
        id = f.id;
      }
      for (const Binding& b : bindings_) {
        if (b.name == index && b.scope == id && b.pos < pos) return true;
      }
    }
    return false;
  }

 private:
  bool mentions_watched(std::string_view text) const {
    for (std::string_view n : names_) {
      if (text.find(n) != std::string_view::npos) return true;
    }
    return false;
  }

  // The scope a name bound at `pos` belongs to: named expressions in comprehensions bind in the
  // enclosing function or module.
  static uint32_t scope_for(const EnclosingScopes& scopes, uint32_t pos, bool walrus) {
    const auto& frames = scopes.frames();
    for (size_t i = frames.size(); i-- > 0;) {
      const auto& f = frames[i];
      if (f.kind == EnclosingKind::Loop || !f.governs(pos)) continue;
      if (walrus && (f.kind == EnclosingKind::Comprehension || f.kind == EnclosingKind::Generator)) continue;
      return f.id;
    }
    return 0;
  }

  static constexpr uint32_t kAtName = UINT32_MAX;

  // Binds `name` if it is watched, in the scope around it, as from byte `at` (default: the name).
  void bind_identifier(TSNode name, const EnclosingScopes& scopes, const Context& ctx, uint32_t at = kAtName,
                       bool walrus = false) {
    if (ts_node_is_null(name) || !is(name, "identifier")) return;
    const int index = watched(ctx.text(name));
    if (index < 0) return;
    const uint32_t pos = ts_node_start_byte(name);
    bindings_.push_back({static_cast<uint8_t>(index), scope_for(scopes, pos, walrus), at == kAtName ? pos : at});
  }

  // Names bound by an assignment target: identifiers inside tuples and lists, not attributes or
  // subscripts.
  void bind_targets(TSNode target, const EnclosingScopes& scopes, const Context& ctx, uint32_t at = kAtName) {
    if (ts_node_is_null(target) || !mentions_watched(ctx.text(target))) return;
    pending_.clear();
    pending_.push_back(target);
    while (!pending_.empty()) {
      const TSNode n = pending_.back();
      pending_.pop_back();
      const std::string_view k = kind(n);
      if (k == "identifier") {
        bind_identifier(n, scopes, ctx, at);
      } else if (k == "pattern_list" || k == "tuple_pattern" || k == "list_pattern" || k == "list_splat_pattern" ||
                 k == "parenthesized_expression" || k == "tuple" || k == "list" || k == "list_splat" ||
                 k == "as_pattern_target" || k == "expression_list") {
        for (TSNode c : children(n)) {
          if (ts_node_is_named(c) && !ts_node_is_extra(c)) pending_.push_back(c);
        }
      }
    }
  }

  static TSNode parameter_name(TSNode p) {
    for (int depth = 0; depth < 3 && !ts_node_is_null(p); ++depth) {
      if (is(p, "identifier")) return p;
      const TSNode name = field(p, "name");
      if (!ts_node_is_null(name)) return name;
      p = ts_node_named_child(p, 0);
    }
    return TSNode{};
  }

  void imports(TSNode node, const EnclosingScopes& scopes, const Context& ctx) {
    const bool from = is(node, "import_from_statement");
    const Children parts = children(node);
    for (auto it = parts.begin(); it != parts.end(); ++it) {
      const char* f = it.field_name();
      if (f == nullptr || std::string_view(f) != "name") continue;
      const TSNode n = *it;
      if (is(n, "aliased_import")) {
        const TSNode alias = field(n, "alias");
        bind_identifier(alias, scopes, ctx);
        if (!from && ctx.text(field(n, "name")) == "builtins" && !ts_node_is_null(alias)) {
          builtins_names_.push_back(ctx.text(alias));
        }
      } else if (is(n, "dotted_name")) {
        // `import a.b` binds `a`; `from m import a` binds `a`.
        bind_identifier(ts_node_named_child(n, 0), scopes, ctx);
        if (!from && ctx.text(n) == "builtins") builtins_names_.push_back("builtins");
      }
    }
  }

  std::vector<std::string_view> names_;
  std::vector<Binding> bindings_;
  std::vector<std::string_view> builtins_names_;
  std::vector<TSNode> pending_;
};

// kEnclosingKinds, kBindingKinds and a rule's own kinds, for its RuleSpec.
inline std::vector<std::string_view> with_binding_kinds(std::initializer_list<std::string_view> own) {
  std::vector<std::string_view> all = with_enclosing_kinds(own);
  all.insert(all.end(), std::begin(kBindingKinds), std::end(kBindingKinds));
  return all;
}

}  // namespace lint::rules
