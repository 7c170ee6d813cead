#include <string>
#include <optional>
#include <vector>

#include "engine/rule.h"
#include "fix/importer.h"
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
something else in a scope the lambda sees, the fix writes `builtins.list` (importing `builtins`
if needed).
)";

class ReimplementedContainerBuiltin final : public Rule {
 public:
  void enter(TSNode node, Context&) override {
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
    std::optional<Importer> importer;
    if (m) importer.emplace(ctx, *m);
    for (const TSNode node : lambdas_) {
      const std::string container = is(unparenthesized(field(node, "body")), "list") ? "list" : "dict";
      Diagnostic& d = report(ctx, node, "Prefer `" + container + "` over useless lambda");
      d.fix_title = "Replace with `lambda` with `" + container + "`";
      if (!importer) continue;
      if (const std::optional<ImportedSymbol> builtin = importer->builtin_symbol(container, ts_node_start_byte(node))) {
        d.fix = Fix::safe(builtin->edits_with(Edit::replace(ts_node_start_byte(node), ts_node_end_byte(node), builtin->name)));
      }
    }
  }

 private:
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
