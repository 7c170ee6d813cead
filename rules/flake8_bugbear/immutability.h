// Which calls and annotations Ruff takes for immutable values (B008's calls in argument
// defaults, B039's ContextVar defaults), with `extend-immutable-calls`. Qualified names are
// Resolver's: Ruff's segments joined by dots, a builtin starting with a dot.
#pragma once

#include <algorithm>
#include <array>
#include <string>
#include <string_view>
#include <vector>

#include "flake8_bugbear/helpers.h"

namespace lint::rules::bugbear {

constexpr std::string_view kExtendImmutableCallsDoc =
    "Qualified names of further calls that return immutable values (`fastapi.Depends`), for B008 and B039.";

inline bool in_list(std::string_view name, std::initializer_list<std::string_view> names) {
  return std::find(names.begin(), names.end(), name) != names.end();
}

inline bool is_immutable_non_generic_type(std::string_view q) {
  return in_list(q, {".bool", ".bytes", ".complex", ".float", ".int", ".object", ".range", ".str", "collections.abc.Sized",
                     "typing.LiteralString", "typing.Sized"});
}

inline bool is_immutable_generic_type(std::string_view q) {
  return in_list(q, {".frozenset", ".tuple", ".frozendict", "builtins.frozenset", "builtins.tuple", "builtins.frozendict",
                     "collections.abc.ByteString", "collections.abc.Collection", "collections.abc.Container",
                     "collections.abc.Iterable", "collections.abc.Mapping", "collections.abc.Reversible",
                     "collections.abc.Sequence", "collections.abc.Set", "typing.AbstractSet", "typing.ByteString",
                     "typing.Callable", "typing.Collection", "typing.Container", "typing.FrozenSet", "typing.Iterable",
                     "typing.Literal", "typing.Mapping", "typing.Never", "typing.NoReturn", "typing.Reversible",
                     "typing.Sequence", "typing.Tuple"});
}

inline bool is_mutable_return_type(std::string_view q) {
  return in_list(q, {".dict", ".list", ".set", "builtins.dict", "builtins.list", "builtins.set", "collections.Counter",
                     "collections.OrderedDict", "collections.defaultdict", "collections.deque"});
}

inline bool is_immutable_return_type(std::string_view q) {
  return in_list(q, {"datetime.date", "datetime.datetime", "datetime.time", "datetime.timedelta", "datetime.timezone",
                     "datetime.tzinfo", "decimal.Decimal", "fractions.Fraction", "operator.attrgetter",
                     "operator.itemgetter", "operator.methodcaller", "pathlib.Path", "types.MappingProxyType",
                     "re.compile", ".bool", ".bytes", ".complex", ".float", ".frozenset", ".int", ".range", ".str",
                     ".tuple", ".slice", ".frozendict"});
}

// The option's names as Resolver spells qualified names: a name without a dot is a builtin.
inline std::vector<std::string> immutable_calls_option(const RuleOptions& options) {
  std::vector<std::string> out = options.strings("extend-immutable-calls");
  for (std::string& name : out) {
    if (name.find('.') == std::string::npos) name.insert(0, ".");
  }
  return out;
}

class Immutability {
 public:
  Immutability(const Resolver& resolver, const Context& ctx, const std::vector<std::string>& extend)
      : r_(resolver), ctx_(ctx), extend_(extend) {}

  bool extended(std::string_view q) const {
    return !q.empty() && std::find(extend_.begin(), extend_.end(), q) != extend_.end();
  }

  // Ruff's `is_mutable_func`: `list`, `dict`, `collections.deque`...
  bool is_mutable_func(TSNode func) const { return is_mutable_return_type(r_.qualified_name(func)); }

  // Ruff's `is_immutable_func`: `int`, `datetime.date`, an `extend-immutable-calls` entry...
  bool is_immutable_func(TSNode func) const {
    const std::string q = r_.qualified_name(map_subscript(func));
    return is_immutable_return_type(q) || extended(q);
  }

  // Ruff's `is_mutable_expr`: a list, dict or set display or comprehension, or a call of a
  // function returning a new mutable value.
  bool is_mutable_expr(TSNode n) const {
    n = unparenthesized(n);
    const std::string_view k = kind_of(n);
    if (k == "list" || k == "dictionary" || k == "set" || k == "list_comprehension" ||
        k == "dictionary_comprehension" || k == "set_comprehension") {
      return true;
    }
    return k == "call" && is_mutable_func(map_subscript(field(n, "function")));
  }

  // Ruff's `is_immutable_annotation`.
  bool is_immutable_annotation(TSNode n, int depth = 0) const {
    if (depth > 100) return false;
    n = unparenthesized(n);
    if (is_a(n, "type")) n = unparenthesized(first_named_child(n));
    const std::string_view k = kind_of(n);
    if (k == "identifier" || k == "attribute") {
      const std::string q = r_.qualified_name(n);
      return is_immutable_non_generic_type(q) || is_immutable_generic_type(q) || extended(q);
    }
    if (k == "none") return true;
    if (k == "binary_operator") {
      const TSNode op = field(n, "operator");
      return !ts_node_is_null(op) && kind(op) == "|" && is_immutable_annotation(field(n, "left"), depth + 1) &&
             is_immutable_annotation(field(n, "right"), depth + 1);
    }
    if (k == "union_type") {
      // `List[int] | None` in an annotation: tree-sitter's union of two `type`s.
      bool all = true;
      for_each_named_child(n, [&](TSNode c) { all = all && is_immutable_annotation(c, depth + 1); });
      return all;
    }
    if (k == "generic_type") return is_immutable_generic_annotation(n, depth);
    if (k != "subscript") return false;
    const std::string q = r_.qualified_name(field(n, "value"));
    if (q.empty()) return false;
    if (is_immutable_generic_type(q)) return true;
    bool tuple = false;
    const std::vector<TSNode> items = slice_items(n, tuple);
    if (q == "typing.Union") {
      if (!tuple) return false;
      return std::all_of(items.begin(), items.end(), [&](TSNode e) { return is_immutable_annotation(e, depth + 1); });
    }
    if (q == "typing.Optional") return !tuple && items.size() == 1 && is_immutable_annotation(items[0], depth + 1);
    if (q == "typing.Annotated" || q == "typing_extensions.Annotated") {
      return tuple && !items.empty() && is_immutable_annotation(items[0], depth + 1);
    }
    return false;
  }

  // Ruff's `is_immutable_newtype_call`: `name` is bound once in its scope, by
  // `name = NewType("name", T)` with an immutable `T`.
  bool is_immutable_newtype_call(TSNode name) const {
    const Binding* b = r_.binding(name);
    if (!b || b->kind != BindingKind::Assignment) return false;
    if (b->shadows >= 0 && b->shadows_same_scope) return false;
    if (!is_a(b->node, "expression_statement")) return false;
    TSNode assignment = first_named_child(b->node);
    if (!is_a(assignment, "assignment") || !ts_node_is_null(field(assignment, "type"))) return false;
    TSNode value = field(assignment, "right");
    while (is_a(value, "assignment")) value = field(value, "right");
    value = unparenthesized(value);
    if (!is_a(value, "call")) return false;
    const std::string q = r_.qualified_name(field(value, "function"));
    if (q != "typing.NewType" && q != "typing_extensions.NewType") return false;
    const CallArguments& call = call_arguments(value, ctx_);
    if (call.args.size() + call.keywords.size() != 2) return false;
    const TSNode original = call.argument("tp", 1, ctx_);
    return !ts_node_is_null(original) && is_immutable_annotation(original);
  }

 private:
  // The elements of a subscript's slice, and whether the slice is a tuple (`X[a, b]`).
  static std::vector<TSNode> slice_items(TSNode subscript, bool& tuple) {
    std::vector<TSNode> items;
    for (auto it = children(subscript).begin(); it != children(subscript).end(); ++it) {
      const char* name = it.field_name();
      if (name && std::string_view(name) == "subscript") items.push_back(*it);
    }
    tuple = items.size() > 1;
    if (items.size() == 1 && is_a(unparenthesized(items[0]), "tuple")) {
      const TSNode t = unparenthesized(items[0]);
      items.clear();
      for_each_named_child(t, [&](TSNode e) { items.push_back(e); });
      tuple = true;
    }
    return items;
  }

  // In an annotation tree-sitter may parse `tuple[int]` as a `generic_type`: a name and its
  // `type_parameter` list.
  bool is_immutable_generic_annotation(TSNode n, int depth) const {
    TSNode name{}, parameters{};
    for_each_named_child(n, [&](TSNode c) {
      if (is_a(c, "type_parameter")) parameters = c;
      else if (ts_node_is_null(name)) name = c;
    });
    const std::string q = r_.qualified_name(name);
    if (q.empty()) return false;
    if (is_immutable_generic_type(q)) return true;
    std::vector<TSNode> items;
    if (!ts_node_is_null(parameters)) for_each_named_child(parameters, [&](TSNode e) { items.push_back(e); });
    bool tuple = items.size() > 1;
    if (items.size() == 1) {
      const TSNode inner = unparenthesized(is_a(items[0], "type") ? first_named_child(items[0]) : items[0]);
      if (is_a(inner, "tuple")) {
        items.clear();
        for_each_named_child(inner, [&](TSNode e) { items.push_back(e); });
        tuple = true;
      }
    }
    if (q == "typing.Union") {
      return tuple && std::all_of(items.begin(), items.end(), [&](TSNode e) { return is_immutable_annotation(e, depth + 1); });
    }
    if (q == "typing.Optional") return items.size() == 1 && is_immutable_annotation(items[0], depth + 1);
    if (q == "typing.Annotated" || q == "typing_extensions.Annotated") {
      return tuple && is_immutable_annotation(items[0], depth + 1);
    }
    return false;
  }

  const Resolver& r_;
  const Context& ctx_;
  const std::vector<std::string>& extend_;
};

}  // namespace lint::rules::bugbear
