#include "engine/rule.h"
#include "pyupgrade/pep695.h"

namespace lint::rules {

namespace {

constexpr std::string_view kDoc = R"(## What it does
Checks for type aliases declared with a `TypeAlias` annotation or a `TypeAliasType(...)` call,
where Python 3.12's `type` statement (PEP 695) says the same.

## Why is this bad?
`type Name = value` is shorter, needs no import, evaluates its value lazily, and declares the
alias's type parameters in place.

The rule runs when the target version is 3.12 or later. The type variables the value uses
become the alias's type parameters (for `TypeAliasType`, those named in `type_params`). Type
variables with a default (PEP 696) are left alone.

## Known problems
A `type` statement creates a `TypeAliasType` object, not the value itself: an alias that code
uses at runtime (as the second argument of `isinstance()`, say) stops working.

## Example
```python
from typing import TypeAlias, TypeVar

T = TypeVar("T")
Pair: TypeAlias = tuple[T, T]
```

Use instead:
```python
type Pair[T] = tuple[T, T]
```

## Fix safety
The fix is always unsafe: the alias behaves differently at runtime, comments outside the value
are dropped, and type variables defined in another module cannot be seen, so they are not
turned into type parameters (or, named in `type_params`, lose their bounds and kind).
)";

class NonPep695TypeAlias final : public Rule {
 public:
  void enter(TSNode node, Context& ctx) override {
    if (ctx.target_minor() < 12) return;
    // One target only: neither part of a chain `a = b = ...` (the walk meets its head first)
    // nor its head.
    const TSNode right = field(node, "right");
    if (ts_node_eq(node, chain_)) {
      chain_ = right;
      return;
    }
    if (!ts_node_is_null(right) && is(right, "assignment")) {
      chain_ = right;
      return;
    }
    const TSNode left = field(node, "left");
    if (ts_node_is_null(left) || !is(left, "identifier") || ts_node_is_null(right)) return;
    if (!ts_node_is_null(field(node, "type"))) {
      candidates_.push_back(node);
    } else if (is(right, "call") && callee_name(right, ctx) == "TypeAliasType") {
      candidates_.push_back(node);
    }
  }

  void finish(Context& ctx) override {
    const SemanticModel* m = ctx.semantic();
    if (!m || candidates_.empty() || !up::seen_typing(*m)) return;
    const up::Resolver resolve(*m, ctx);
    for (TSNode node : candidates_) {
      if (!ts_node_is_null(field(node, "type"))) {
        annotated(node, ctx, resolve);
      } else {
        alias_type_call(node, ctx, resolve);
      }
    }
  }

 private:
  // `Name: TypeAlias = value`
  void annotated(TSNode node, Context& ctx, const up::Resolver& resolve) {
    if (!resolve.match_typing(field(node, "type"), "TypeAlias")) return;
    const TSNode left = field(node, "left");
    const TSNode value = field(node, "right");
    up::TypeVarCollector collect(start_of(value), resolve, ctx);
    collect.treat_as_other(ctx.text(left));
    collect.visit(value);
    report_alias(node, ctx.text(left), value, up::unique_type_vars(collect.vars), "`TypeAlias` annotation", ctx);
  }

  // `Name = TypeAliasType("Name", value[, type_params=(...)])`
  void alias_type_call(TSNode node, Context& ctx, const up::Resolver& resolve) {
    const std::string_view name = ctx.text(field(node, "left"));
    const TSNode call = field(node, "right");
    const Arguments args = up::call_arguments(call);
    if (args.args.size() != 2) return;
    const TSNode title = unparenthesized(args.args[0]);
    const TSNode value = args.args[1];
    if (!up::is_str_literal(title, ctx) || is(value, "list_splat")) return;
    const std::optional<std::string> title_value = up::plain_string_value(title, ctx);
    if (!title_value || *title_value != name) return;
    std::vector<TSNode> params;
    if (args.keywords.size() > 1) return;
    if (args.keywords.size() == 1) {
      const TSNode kw = args.keywords[0];
      const TSNode kw_name = keyword_name(kw);
      const TSNode tuple = keyword_value(kw);
      if (ts_node_is_null(kw_name) || ctx.text(kw_name) != "type_params" || !is(tuple, "tuple")) return;
      for (TSNode c : children(tuple)) {
        if (ts_node_is_named(c) && !ts_node_is_extra(c)) params.push_back(c);
      }
    }
    if (!resolve.match_typing(field(call, "function"), "TypeAliasType")) return;
    std::vector<up::LegacyTypeVar> vars;
    for (TSNode p : params) {
      if (!is(p, "identifier")) return;
      std::optional<up::LegacyTypeVar> v;
      if (ctx.text(p) != name) v = up::type_var_of_name(p, start_of(call), resolve, ctx);
      if (!v) {
        // Defined elsewhere: a plain type parameter of that name.
        v.emplace();
        v->name = ctx.text(p);
      }
      vars.push_back(*v);
    }
    report_alias(node, name, value, vars, "`TypeAliasType` assignment", ctx);
  }

  void report_alias(TSNode node, std::string_view name, TSNode value, const std::vector<up::LegacyTypeVar>& vars,
                    std::string_view how, Context& ctx) {
    if (up::any_default(vars) || up::non_default_follows_default(vars) || up::restricted_variadic(vars)) return;
    std::string content = "type ";
    content += name;
    content += up::type_params_text(vars, ctx);
    content += " = ";
    content += ctx.original(value);
    Diagnostic& d = report(ctx, node,
                           "Type alias `" + std::string(name) + "` uses " + std::string(how) +
                               " instead of the `type` keyword");
    d.fix_title = "Use the `type` keyword";
    d.fix = Fix::unsafe(Edit::replace(start_of(node), end_of(node), std::move(content)));
  }

  std::vector<TSNode> candidates_;
  TSNode chain_{};
};

}  // namespace

extern const RuleSpec non_pep695_type_alias{
    .code = "UP040",
    .name = "non-pep695-type-alias",
    .linter = "pyupgrade",
    .kinds = {"assignment"},
    .doc = kDoc,
    .create = make_rule<NonPep695TypeAlias>(),
    .needs_semantic = true,
    .fix = FixAvailability::Always,
};

}  // namespace lint::rules
