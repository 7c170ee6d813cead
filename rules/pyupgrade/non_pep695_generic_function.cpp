#include "engine/rule.h"
#include "pyupgrade/pep695.h"

namespace lint::rules {

namespace {

constexpr std::string_view kDoc = R"(## What it does
Checks for functions whose parameters are annotated with legacy type variables (`TypeVar`,
`TypeVarTuple`, `ParamSpec`), where Python 3.12's type parameter syntax (PEP 695) says the
same.

## Why is this bad?
`def first[T](items: list[T]) -> T:` declares the type parameter where it is used, without a
module-level `TypeVar`.

The rule runs when the target version is 3.12 or later, on functions that are not nested in a
class or another function (methods are left alone). Only the parameters' annotations are read.

## Known problems
Functions whose type variables have a default (PEP 696) are skipped. Type checkers do not all
support PEP 695 fully yet.

## Example
```python
from typing import TypeVar

T = TypeVar("T")


def first(items: list[T]) -> T:
    return items[0]
```

Use instead:
```python
def first[T](items: list[T]) -> T:
    return items[0]
```

## Fix safety
The fix is unsafe: a type variable imported from another module cannot be recognised, so it
stays a legacy type variable beside the new parameters, which type checkers reject; and PEP
695 infers variance, so a `covariant` or `contravariant` variable may change variance.
)";

class NonPep695GenericFunction final : public Rule {
 public:
  // Definitions are counted on the way in and out: Ruff skips methods and functions nested in
  // another function.
  void enter(TSNode node, Context& ctx) override {
    const bool nested = depth_++ > 0;
    if (nested || ctx.target_minor() < 12 || !is(node, "function_definition")) return;
    if (!ts_node_is_null(field(node, "type_parameters"))) return;
    const TSNode params = field(node, "parameters");
    if (ts_node_is_null(params) || ctx.text(params).find(':') == std::string_view::npos) return;
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
    const TSNode params = field(node, "parameters");
    std::vector<up::LegacyTypeVar> vars;
    for (TSNode p : children(params)) {
      if (!is(p, "typed_parameter") && !is(p, "typed_default_parameter")) continue;
      const TSNode annotation = field(p, "type");
      if (ts_node_is_null(annotation)) continue;
      up::TypeVarCollector collect(start_of(annotation), resolve, ctx);
      collect.visit(annotation);
      vars.insert(vars.end(), collect.vars.begin(), collect.vars.end());
    }
    const std::optional<std::vector<up::LegacyTypeVar>> found = up::convertible_type_vars(up::unique_type_vars(vars));
    if (!found) return;
    const TSNode name = field(node, "name");
    Diagnostic& d = report(ctx, start_of(name), end_of(params),
                           "Generic function `" + std::string(ctx.text(name)) + "` should use type parameters");
    d.fix_title = "Use type parameters";
    d.fix = Fix::unsafe(Edit::insertion(end_of(name), up::type_params_text(*found, ctx)));
  }

  std::vector<TSNode> candidates_;
  int depth_ = 0;
};

}  // namespace

extern const RuleSpec non_pep695_generic_function{
    .code = "UP047",
    .name = "non-pep695-generic-function",
    .linter = "pyupgrade",
    .kinds = {"class_definition", "function_definition"},
    .doc = kDoc,
    .create = make_rule<NonPep695GenericFunction>(),
    .needs_semantic = true,
    .fix = FixAvailability::Always,
};

}  // namespace lint::rules
