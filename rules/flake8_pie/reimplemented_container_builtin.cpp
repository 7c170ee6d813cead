#include "engine/rule.h"
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
    const char* container = list ? "list" : "dict";
    Diagnostic& d = report(ctx, node, "Prefer `" + std::string(container) + "` over useless lambda");
    d.fix_title = "Replace with `lambda` with `" + std::string(container) + "`";
  }
};

}  // namespace

extern const RuleSpec reimplemented_container_builtin{
    .code = "PIE807",
    .name = "reimplemented-container-builtin",
    .linter = "flake8-pie",
    .kinds = {"lambda"},
    .doc = kDoc,
    .create = make_rule<ReimplementedContainerBuiltin>(),
    .fix = FixAvailability::None,  // fix not yet ported
};

}  // namespace lint::rules
