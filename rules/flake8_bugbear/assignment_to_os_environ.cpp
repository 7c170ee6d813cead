#include "flake8_bugbear/helpers.h"

namespace lint::rules {

namespace {

using namespace bugbear;

constexpr std::string_view kDoc = R"(## What it does
Checks for assignments of a new value to `os.environ`.

## Why is this bad?
`os.environ` mirrors the process environment: changing its items changes the environment that
child processes inherit. Binding a new mapping to the name only replaces the Python object; the
environment keeps every variable it had, and nothing tells the reader so.

## Example
```python
import os

os.environ = {}
```

Use instead:
```python
import os

os.environ.clear()
```
)";

class AssignmentToOsEnviron final : public Rule {
 public:
  void enter(TSNode node, Context& ctx) override {
    // Only `os.environ = value`: annotated assignments and chains (`a = os.environ = {}`)
    // are other statements to Ruff.
    if (!ts_node_is_null(field(node, "type"))) return;
    if (is_a(field(node, "right"), "assignment") || is_a(ts_node_parent(node), "assignment")) return;
    const TSNode target = unparenthesized_target(field(node, "left"));
    if (!is_a(target, "attribute") || ctx.text(field(target, "attribute")) != "environ") return;
    const TSNode object = unparenthesized(field(target, "object"));
    if (!is_a(object, "identifier") || ctx.text(object) != "os") return;
    report(ctx, target, "Assigning to `os.environ` doesn't clear the environment");
  }
};

}  // namespace

extern const RuleSpec assignment_to_os_environ{
    .code = "B003",
    .name = "assignment-to-os-environ",
    .linter = "flake8-bugbear",
    .kinds = {"assignment"},
    .doc = kDoc,
    .create = make_rule<AssignmentToOsEnviron>(),
};

}  // namespace lint::rules
