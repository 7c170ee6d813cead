#include "engine/rule.h"
#include "pyupgrade/edits.h"
#include "pyupgrade/pep695.h"

namespace lint::rules {

namespace {

constexpr std::string_view kDoc = R"(## What it does
Checks for classes made generic by subclassing `typing.Generic[...]`, where Python 3.12's type
parameter syntax (PEP 695) says the same.

## Why is this bad?
`class Box[T]:` declares the type parameter where it is used, without a module-level `TypeVar`
and without the `Generic` base.

The rule runs when the target version is 3.12 or later, on classes that are not nested in
another class or function.

## Known problems
Classes whose type variables have a default (PEP 696) are skipped, and so are those that use a
type variable twice. A fix is offered only when `Generic[...]` is the last base and every name
in it is a type variable defined in this module; otherwise the class is reported without one.
Type checkers do not all support PEP 695 fully yet.

## Example
```python
from typing import Generic, TypeVar

T = TypeVar("T")


class Box(Generic[T]):
    item: T
```

Use instead:
```python
class Box[T]:
    item: T
```

## Fix safety
The fix is unsafe: PEP 695 infers variance, so a type variable declared `covariant` or
`contravariant` may change variance. The old `TypeVar` assignments stay where they are.
)";

class NonPep695GenericClass final : public Rule {
 public:
  // Definitions are counted on the way in and out: Ruff skips classes nested in another class
  // or function.
  void enter(TSNode node, Context& ctx) override {
    const bool nested = depth_++ > 0;
    if (nested || ctx.target_minor() < 12 || !is(node, "class_definition")) return;
    if (!ts_node_is_null(field(node, "type_parameters"))) return;
    const TSNode bases = field(node, "superclasses");
    if (ts_node_is_null(bases) || ctx.text(bases).find('[') == std::string_view::npos) return;
    candidates_.push_back(node);
  }
  void leave(TSNode, Context&) override { --depth_; }

  void finish(Context& ctx) override {
    const SemanticModel* m = ctx.semantic();
    if (!m || candidates_.empty() || !up::seen_typing(*m)) return;
    const up::Resolver resolve(*m, ctx);
    for (TSNode node : candidates_) check(node, ctx, resolve);
  }

 private:
  void check(TSNode node, Context& ctx, const up::Resolver& resolve) {
    const Arguments args = arguments_of(field(node, "superclasses"));
    size_t index = 0;
    TSNode generic{};
    for (; index < args.args.size(); ++index) {
      const TSNode a = unparenthesized(args.args[index]);
      if (is(a, "subscript") && resolve.match_typing(field(a, "value"), "Generic")) {
        generic = a;
        break;
      }
    }
    if (ts_node_is_null(generic)) return;
    const std::string name(ctx.text(field(node, "name")));
    const std::string message = "Generic class `" + name + "` uses `Generic` subclass instead of type parameters";
    // Generic must be the last base to be removed (Ruff reports the others without a fix).
    if (index + 1 != args.args.size()) {
      report(ctx, generic, message).fix_title = "Use type parameters";
      return;
    }
    up::TypeVarCollector collect(start_of(generic), resolve, ctx);
    for (TSNode c : children(generic)) {
      if (ts_node_eq(c, field(generic, "value")) || !ts_node_is_named(c) || ts_node_is_extra(c)) continue;
      collect.visit(c);
    }
    if (collect.skipped) {
      report(ctx, generic, message).fix_title = "Use type parameters";
      return;
    }
    const std::optional<std::vector<up::LegacyTypeVar>> vars = up::convertible_type_vars(collect.vars);
    if (!vars) return;
    Diagnostic& d = report(ctx, generic, message);
    d.fix_title = "Use type parameters";
    const std::optional<Edit> removal = up::remove_argument(args.args[index], args, up::Parentheses::Remove, ctx);
    if (!removal) return;
    d.fix = Fix::unsafe({Edit::insertion(end_of(field(node, "name")), up::type_params_text(*vars, ctx)), *removal});
  }

  std::vector<TSNode> candidates_;
  int depth_ = 0;
};

}  // namespace

extern const RuleSpec non_pep695_generic_class{
    .code = "UP046",
    .name = "non-pep695-generic-class",
    .linter = "pyupgrade",
    .kinds = {"class_definition", "function_definition"},
    .doc = kDoc,
    .create = make_rule<NonPep695GenericClass>(),
    .needs_semantic = true,
    .fix = FixAvailability::Sometimes,
};

}  // namespace lint::rules
