#include <string>
#include <vector>

#include "engine/rule.h"
#include "semantic/semantic.h"
#include "syntax/node.h"

namespace lint::rules {

namespace {

constexpr std::string_view kDoc = R"(## What it does
Checks for `lambda: []` and `lambda: {}`.

## Why is this bad?
`list` and `dict` are already callables that return a new empty list or dictionary: passing
them (as a `default_factory`, for instance) says the same thing more directly.

## Example
```python
from collections import defaultdict

groups = defaultdict(lambda: [])
```

Use instead:
```python
from collections import defaultdict

groups = defaultdict(list)
```

## Fix
The lambda is replaced with `list` or `dict` (a safe fix). Where the builtin's name is bound to
something else in a scope the lambda sees, no fix is offered (Ruff imports `builtins` there).
)";

class ReimplementedContainerBuiltin final : public Rule {
 public:
  void enter(TSNode node, Context& ctx) override {
    if (!ts_node_is_null(field(node, "parameters"))) return;
    const TSNode body = unparenthesized(field(node, "body"));
    const bool list = is(body, "list");
    if (!list && !is(body, "dictionary")) return;
    for (TSNode c : children(body)) {
      if (ts_node_is_named(c) && !ts_node_is_extra(c)) return;  // not empty
    }
    lambdas_.push_back(node);
  }
  void finish(Context& ctx) override {
    const SemanticModel* m = ctx.semantic();
    for (const TSNode node : lambdas_) {
      const std::string container = is(unparenthesized(field(node, "body")), "list") ? "list" : "dict";
      Diagnostic& d = report(ctx, node, "Prefer `" + container + "` over useless lambda");
      d.fix_title = "Replace with `lambda` with `" + container + "`";
      // The builtin's name replaces the lambda where nothing shadows it (Ruff would import
      // `builtins` otherwise; that is left to the author here).
      if (m && !shadowed(container, ts_node_start_byte(node), *m)) {
        d.fix = Fix::safe(Edit::replace(ts_node_start_byte(node), ts_node_end_byte(node), container));
      }
    }
  }

 private:
  // Whether a scope the lambda sees binds `name` (class scopes count only as the innermost).
  static bool shadowed(std::string_view name, uint32_t at, const SemanticModel& m) {
    bool innermost = true;
    for (int32_t s = static_cast<int32_t>(m.scope_at(at)); s >= 0; s = m.scopes[s].parent) {
      const Scope& scope = m.scopes[s];
      if ((innermost || scope.kind != ScopeKind::Class) && scope.names.count(name)) return true;
      innermost = false;
    }
    return false;
  }

  std::vector<TSNode> lambdas_;
};

}  // namespace

extern const RuleSpec reimplemented_container_builtin{
    .code = "PIE807",
    .name = "reimplemented-container-builtin",
    .linter = "flake8-pie",
    .kinds = {"lambda"},
    .doc = kDoc,
    .create = make_rule<ReimplementedContainerBuiltin>(),
    .needs_semantic = true,
    .fix = FixAvailability::Sometimes,
};

}  // namespace lint::rules
