// What FA100 and FA102 share: the module's annotations, each with whether Python evaluates it
// when the code runs (Ruff's annotation contexts), and the walk of an annotation's expression.
#pragma once

#include <tree_sitter/api.h>

#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

#include "engine/rule.h"
#include "fix/importer.h"
#include "pyupgrade/semantic.h"
#include "pyupgrade/syntax.h"
#include "semantic/semantic.h"
#include "syntax/syntax.h"

namespace lint::rules::fa {

// How Python treats an annotation without `from __future__ import annotations`: evaluated when
// the definition runs (parameters, returns, module and class variables), required at runtime
// (a `singledispatch` implementation's parameters, a dataclass's `ClassVar`/`InitVar`), or never
// evaluated (a local variable's).
enum class AnnotationKind : uint8_t { RuntimeEvaluated, RuntimeRequired, TypingOnly };

struct Annotation {
  TSNode type;  // the `type` node
  AnnotationKind kind;
  TSNode function{};  // the function whose parameter or return it annotates
  bool variadic = false;
  bool class_field = false;  // an annotated assignment in a class body
  TSNode class_node{};
};

// The node kinds the collector needs to see.
inline constexpr std::string_view kAnnotationKinds[] = {"decorated_definition", "function_definition",
                                                       "class_definition",     "typed_parameter",
                                                       "typed_default_parameter", "assignment"};

// Collects the annotations in walk order; the context each sits in is known from the enclosing
// definitions (tracked through enter/leave, never by walking up the tree).
class AnnotationCollector {
 public:
  void enter(TSNode node, const Context& ctx) {
    (void)ctx;
    const std::string_view k = kind(node);
    if (k == "function_definition" || k == "class_definition") {
      scopes_.push_back(node);
      if (is(node, "function_definition")) {
        const TSNode returns = field(node, "return_type");
        if (!ts_node_is_null(returns)) out.push_back({returns, AnnotationKind::RuntimeEvaluated, node});
      }
      return;
    }
    if (k == "typed_parameter" || k == "typed_default_parameter") {
      const TSNode type = field(node, "type");
      if (ts_node_is_null(type) || scopes_.empty() || !is(scopes_.back(), "function_definition")) return;
      const TSNode first = first_named_child(node);
      const bool variadic = !ts_node_is_null(first) &&
                            (is(first, "list_splat_pattern") || is(first, "dictionary_splat_pattern"));
      out.push_back({type, AnnotationKind::RuntimeEvaluated, scopes_.back(), variadic});
      return;
    }
    if (k == "assignment") {
      const TSNode type = field(node, "type");
      if (ts_node_is_null(type)) return;
      if (!scopes_.empty() && is(scopes_.back(), "function_definition")) {
        out.push_back({type, AnnotationKind::TypingOnly});
      } else {
        Annotation a{type, AnnotationKind::RuntimeEvaluated};
        if (!scopes_.empty()) {
          a.class_field = true;
          a.class_node = scopes_.back();
        }
        out.push_back(a);
      }
    }
  }

  void leave(TSNode node, const Context&) {
    if (!scopes_.empty() && (is(node, "function_definition") || is(node, "class_definition")) &&
        ts_node_eq(scopes_.back(), node)) {
      scopes_.pop_back();
    }
  }

  // Ruff's refinements that need names resolved: the parameters of a function registered with
  // a `singledispatch` function (but `*args`/`**kwargs`) and its return, and a dataclass's
  // `ClassVar[...]` / `InitVar[...]` fields, are required at runtime.
  void resolve(const up::Resolver& resolve, const Context& ctx) {
    for (Annotation& a : out) {
      if (!ts_node_is_null(a.function) && !a.variadic && singledispatch_implementation(a.function, resolve, ctx)) {
        a.kind = AnnotationKind::RuntimeRequired;
      } else if (a.class_field && dataclass_meta(a, resolve)) {
        a.kind = AnnotationKind::RuntimeRequired;
      }
    }
  }

  std::vector<Annotation> out;

 private:
  static std::vector<TSNode> decorators(TSNode def) {
    std::vector<TSNode> found;
    const TSNode parent = ts_node_parent(def);
    if (ts_node_is_null(parent) || !is(parent, "decorated_definition")) return found;
    for (TSNode c : named_children(parent)) {
      if (is(c, "decorator")) {
        const TSNode e = first_named_child(c);
        if (!ts_node_is_null(e)) found.push_back(up::expr_of(e));
      }
    }
    return found;
  }

  static bool callee_matches(TSNode e, const up::Resolver& resolve, std::initializer_list<std::string_view> names) {
    if (is(e, "call")) e = up::expr_of(field(e, "function"));
    const std::string q = resolve.qualified(e);
    return std::find(names.begin(), names.end(), q) != names.end();
  }

  static bool singledispatch_implementation(TSNode function, const up::Resolver& resolve, const Context& ctx) {
    for (TSNode d : decorators(function)) {
      if (!is(d, "attribute") || ctx.text(field(d, "attribute")) != "register") continue;
      const TSNode object = up::expr_of(field(d, "object"));
      if (!is(object, "identifier")) continue;
      const Reference* r = resolve.reference(object);
      if (!r || r->binding < 0) continue;
      const Binding& b = resolve.model().bindings[static_cast<size_t>(r->binding)];
      if (b.kind != BindingKind::Function || ts_node_is_null(b.node)) continue;
      TSNode def = b.node;
      if (is(def, "decorated_definition")) def = field(def, "definition");
      if (ts_node_is_null(def) || !is(def, "function_definition")) continue;
      for (TSNode dd : decorators(def)) {
        if (callee_matches(dd, resolve, {"functools.singledispatch", "functools.singledispatchmethod"})) return true;
      }
    }
    return false;
  }

  static bool dataclass_meta(const Annotation& a, const up::Resolver& resolve) {
    bool dataclass = false;
    for (TSNode d : decorators(a.class_node)) dataclass |= callee_matches(d, resolve, {"dataclasses.dataclass"});
    if (!dataclass) return false;
    TSNode e = up::expr_of(first_named_child(a.type));
    if (is(e, "generic_type")) e = first_named_child(e);
    else if (is(e, "subscript")) e = field(e, "value");
    if (ts_node_is_null(e)) return false;
    const std::string q = resolve.qualified(e);
    return q == "dataclasses.InitVar" || resolve.is_typing_member(q, "ClassVar");
  }

  std::vector<TSNode> scopes_;
};

// Ruff's Importer::add_future_import.
inline Edit future_import_edit(const Context& ctx, const SemanticModel& m) {
  Importer importer(ctx, m);
  return importer.add_import("from __future__ import annotations", 0);
}

inline constexpr std::string_view kFixTitle = "Add `from __future__ import annotations`";

}  // namespace lint::rules::fa
