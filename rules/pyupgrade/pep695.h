// What UP040, UP046 and UP047 share: finding the legacy type variables (`T = TypeVar("T")`,
// `Ts = TypeVarTuple("Ts")`, `P = ParamSpec("P")`, `typing.AnyStr`) an expression refers to, and
// writing them as a PEP 695 type parameter list (`[T: int, *Ts, **P]`).
#pragma once

#include <tree_sitter/api.h>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "engine/rule.h"
#include "pyupgrade/semantic.h"
#include "pyupgrade/syntax.h"
#include "pyupgrade/typing_context.h"

namespace lint::rules::up {

enum class TypeParamKind : uint8_t { TypeVar, TypeVarTuple, ParamSpec };

struct LegacyTypeVar {
  std::string_view name;
  TypeParamKind kind = TypeParamKind::TypeVar;
  TSNode bound{};                   // `bound=...`
  std::vector<TSNode> constraints;  // `TypeVar("T", int, str)`
  bool any_str = false;             // typing.AnyStr: constrained to (bytes, str)
  TSNode default_value{};           // `default=...` (PEP 696)
  bool has_default() const { return !ts_node_is_null(default_value); }
};

// The type variable a name refers to where Ruff's checker stands at `at`: the name's binding
// must be a plain assignment (`T = TypeVar("T", ...)`, `T = typing.TypeVar["T"]`) of a
// `TypeVar`, `TypeVarTuple` or `ParamSpec` whose first argument is a string.
inline std::optional<LegacyTypeVar> type_var_of_name(TSNode name, uint32_t at, const Resolver& resolve,
                                                     const Context& ctx) {
  const std::string_view id = ctx.text(name);
  const Binding* b = resolve.lookup(id, at);
  if (!b || b->kind != BindingKind::Assignment) return std::nullopt;
  const TSNode target = ts_node_descendant_for_byte_range(ctx.root(), b->start, b->end);
  if (ts_node_is_null(target) || !is(target, "identifier")) return std::nullopt;
  TSNode assign = ts_node_parent(target);
  if (ts_node_is_null(assign) || !is(assign, "assignment") || !ts_node_eq(field(assign, "left"), target) ||
      !ts_node_is_null(field(assign, "type"))) {
    return std::nullopt;
  }
  TSNode value = field(assign, "right");
  while (!ts_node_is_null(value) && is(value, "assignment")) value = field(value, "right");
  if (ts_node_is_null(value)) return std::nullopt;
  value = unparenthesized(value);
  LegacyTypeVar var;
  var.name = id;
  if (is(value, "subscript")) {
    if (!resolve.match_typing(field(value, "value"), "TypeVar")) return std::nullopt;
    return var;
  }
  if (!is(value, "call")) return std::nullopt;
  const TSNode func = field(value, "function");
  if (resolve.match_typing(func, "TypeVar")) {
    var.kind = TypeParamKind::TypeVar;
  } else if (resolve.match_typing(func, "TypeVarTuple")) {
    var.kind = TypeParamKind::TypeVarTuple;
  } else if (resolve.match_typing(func, "ParamSpec")) {
    var.kind = TypeParamKind::ParamSpec;
  } else {
    return std::nullopt;
  }
  const Arguments args = call_arguments(value);
  if (args.args.empty() || !is_str_literal(unparenthesized(args.args[0]), ctx)) return std::nullopt;
  var.default_value = args.keyword_value("default", ctx);
  var.bound = args.keyword_value("bound", ctx);
  if (ts_node_is_null(var.bound)) {
    for (size_t i = 1; i < args.args.size(); ++i) var.constraints.push_back(args.args[i]);
  }
  return var;
}

// The type variables an expression refers to, in order (with repeats), as Ruff's visitor of
// the expression's loaded names finds them. `skipped` says that some name was not a type
// variable (so a class's `Generic[...]` cannot be rewritten without losing it).
class TypeVarCollector {
 public:
  TypeVarCollector(uint32_t at, const Resolver& resolve, const Context& ctx) : at_(at), resolve_(resolve), ctx_(ctx) {}

  // Names for which the lookup is known to find another binding than a type variable (the
  // alias being defined, whose binding Ruff's checker has already made).
  void treat_as_other(std::string_view name) { other_ = name; }

  void visit(TSNode expr) {
    std::vector<TSNode> stack{expr};
    while (!stack.empty()) {
      const TSNode n = stack.back();
      stack.pop_back();
      if (ts_node_is_null(n) || ts_node_is_extra(n)) continue;
      const std::string_view k = kind(n);
      if ((k == "identifier" || k == "attribute") && is_any_str(n)) {
        LegacyTypeVar v;
        v.name = "AnyStr";
        v.any_str = true;
        vars.push_back(v);
        continue;
      }
      if (k == "identifier") {
        std::optional<LegacyTypeVar> v;
        if (ctx_.text(n) != other_) v = type_var_of_name(n, at_, resolve_, ctx_);
        if (v) {
          vars.push_back(*v);
        } else {
          skipped = true;
        }
        continue;
      }
      // What is not read: an attribute's name, a keyword's name, the names a lambda, a
      // comprehension or a walrus binds.
      std::vector<TSNode> next;
      if (k == "attribute") {
        next.push_back(field(n, "object"));
      } else if (k == "keyword_argument") {
        next.push_back(field(n, "value"));
      } else if (k == "named_expression") {
        next.push_back(field(n, "value"));
      } else if (k == "for_in_clause") {
        next.push_back(field(n, "right"));
      } else if (k == "lambda") {
        next.push_back(field(n, "body"));
      } else if (k == "string") {
        for (TSNode c : children(n)) {
          if (is(c, "interpolation")) next.push_back(c);
        }
      } else {
        for (TSNode c : children(n)) {
          if (ts_node_is_named(c)) next.push_back(c);
        }
      }
      for (auto it = next.rbegin(); it != next.rend(); ++it) stack.push_back(*it);
    }
  }

  std::vector<LegacyTypeVar> vars;
  bool skipped = false;

 private:
  // `typing.AnyStr`, while `bytes` and `str` are the builtins.
  bool is_any_str(TSNode n) const {
    if (!resolve_.match_typing(n, "AnyStr")) return false;
    return resolve_.has_builtin_binding("bytes", at_) && resolve_.has_builtin_binding("str", at_);
  }

  uint32_t at_;
  const Resolver& resolve_;
  const Context& ctx_;
  std::string_view other_;
};

// The first occurrence of each name, in order.
inline std::vector<LegacyTypeVar> unique_type_vars(const std::vector<LegacyTypeVar>& vars) {
  std::vector<LegacyTypeVar> out;
  for (const LegacyTypeVar& v : vars) {
    bool seen = false;
    for (const LegacyTypeVar& o : out) seen = seen || o.name == v.name;
    if (!seen) out.push_back(v);
  }
  return out;
}

// A type parameter without a default after one with a default is a syntax error.
inline bool non_default_follows_default(const std::vector<LegacyTypeVar>& vars) {
  bool defaulted = false;
  for (const LegacyTypeVar& v : vars) {
    if (v.has_default()) {
      defaulted = true;
    } else if (defaulted) {
      return true;
    }
  }
  return false;
}

// Whether Ruff converts these: PEP 696 defaults are converted only in Ruff's preview mode, which
// lint does not have, so a default stops the rule as it does in Ruff's stable mode.
inline bool any_default(const std::vector<LegacyTypeVar>& vars) {
  for (const LegacyTypeVar& v : vars) {
    if (v.has_default()) return true;
  }
  return false;
}

// A bound or constraints on a `TypeVarTuple` or `ParamSpec` have no PEP 695 spelling: Ruff
// leaves such definitions alone.
inline bool restricted_variadic(const std::vector<LegacyTypeVar>& vars) {
  for (const LegacyTypeVar& v : vars) {
    if (v.kind != TypeParamKind::TypeVar && (!ts_node_is_null(v.bound) || !v.constraints.empty())) return true;
  }
  return false;
}

// The list UP046 and UP047 write, or nothing when Ruff leaves the definition alone: no type
// variable, a default, or a name twice.
inline std::optional<std::vector<LegacyTypeVar>> convertible_type_vars(std::vector<LegacyTypeVar> vars) {
  if (vars.empty() || any_default(vars) || non_default_follows_default(vars) || restricted_variadic(vars)) {
    return std::nullopt;
  }
  if (unique_type_vars(vars).size() != vars.size()) return std::nullopt;
  return vars;
}

// `[T: int, *Ts, **P = ...]`; nothing for no variables.
inline std::string type_params_text(const std::vector<LegacyTypeVar>& vars, const Context& ctx) {
  if (vars.empty()) return "";
  std::string out = "[";
  for (size_t i = 0; i < vars.size(); ++i) {
    const LegacyTypeVar& v = vars[i];
    if (i > 0) out += ", ";
    if (v.kind == TypeParamKind::TypeVarTuple) out += "*";
    if (v.kind == TypeParamKind::ParamSpec) out += "**";
    out += v.name;
    if (v.any_str) {
      out += ": (bytes, str)";
    } else if (!ts_node_is_null(v.bound)) {
      out += ": ";
      out += ctx.original(unparenthesized(v.bound));
    } else if (!v.constraints.empty()) {
      out += ": (";
      for (size_t j = 0; j < v.constraints.size(); ++j) {
        if (j > 0) out += ", ";
        out += ctx.original(unparenthesized(v.constraints[j]));
      }
      out += ")";
    }
    if (v.has_default()) {
      out += " = ";
      out += ctx.original(unparenthesized(v.default_value));
    }
  }
  return out + "]";
}

}  // namespace lint::rules::up
