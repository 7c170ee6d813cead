#include "engine/rule.h"
#include "pyupgrade/edits.h"

namespace lint::rules {

namespace {

constexpr std::string_view kDoc = R"(## What it does
Checks for `__metaclass__ = type` assignments.

## Why is this bad?
In Python 2, `__metaclass__ = type` in a class (or a module) made new-style classes. Python 3
ignores the name and every class is new-style: the assignment is dead code.

## Example
```python
class Foo:
    __metaclass__ = type
```

Use instead:
```python
class Foo:
    ...
```
)";

class UselessMetaclassType final : public Rule {
 public:
  void enter(TSNode node, Context& ctx) override {
    const TSNode left = unparenthesized(field(node, "left"));
    const TSNode right = unparenthesized(field(node, "right"));
    if (ts_node_is_null(left) || ts_node_is_null(right) || !ts_node_is_null(field(node, "type"))) return;
    if (!is(left, "identifier") || ctx.text(left) != "__metaclass__") return;
    if (!is(right, "identifier") || ctx.text(right) != "type") return;
    const TSNode stmt = ts_node_parent(node);
    if (!is(stmt, "expression_statement")) return;
    Diagnostic& d = report(ctx, stmt, "`__metaclass__ = type` is implied");
    d.fix_title = "Remove `__metaclass__ = type`";
    d.fix = Fix::safe(up::delete_stmt(stmt, ctx));
    d.fix->isolate(up::isolation_of(stmt));
  }
};

}  // namespace

extern const RuleSpec useless_metaclass_type{
    .code = "UP001",
    .name = "useless-metaclass-type",
    .linter = "pyupgrade",
    .kinds = {"assignment"},
    .doc = kDoc,
    .create = make_rule<UselessMetaclassType>(),
    .fix = FixAvailability::Always,
};

}  // namespace lint::rules
