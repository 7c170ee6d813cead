#include <vector>

#include "engine/rule.h"
#include "syntax/arguments.h"
#include "flake8_bugbear/helpers.h"
#include "pyupgrade/semantic.h"
#include "refurb/binding_types.h"

namespace lint::rules {

namespace {

constexpr std::string_view kDoc = R"(## What it does
Checks for `for` loops that copy a list item by item: `for x in items: result.append(x)`, where
`result` is a list.

## Why is this bad?
`list(items)`, `items.copy()` or `result.extend(items)` do the same in one call, without
running the loop in Python.

## Example
```python
copy = []
for item in items:
    copy.append(item)
```

Use instead:
```python
copy = list(items)
```
)";

class ManualListCopy final : public Rule {
 public:
  void enter(TSNode node, Context& ctx) override {
    if (is(ts_node_child(node, 0), "async")) return;
    const TSNode target = field(node, "left");
    if (!is(target, "identifier")) return;
    TSNode only{};
    int count = 0;
    for (TSNode c : children(field(node, "body"))) {
      if (!ts_node_is_named(c) || ts_node_is_extra(c)) continue;
      only = c;
      ++count;
    }
    if (count != 1 || !is(only, "expression_statement") || ts_node_named_child_count(only) != 1) return;
    const TSNode call = ts_node_named_child(only, 0);
    if (!is(call, "call")) return;
    const CallArguments& args = call_arguments(call, ctx);
    if (!args.keywords.empty() || args.args.size() != 1) return;
    if (!is(args.function, "attribute")) return;
    const std::string_view method = ctx.text(field(args.function, "attribute"));
    if (method != "append" && method != "insert") return;
    const TSNode arg = unparenthesized(args.args[0]);
    if (!is(arg, "identifier") || ctx.text(arg) != ctx.text(target)) return;
    const TSNode receiver = unparenthesized(field(args.function, "object"));
    if (!is(receiver, "identifier") || ctx.text(receiver) == ctx.text(target)) return;
    candidates_.push_back({call, receiver});
  }

  void finish(Context& ctx) override {
    const SemanticModel* m = ctx.semantic();
    if (!m) return;
    const up::Resolver resolve(*m, ctx);
    for (const Candidate& c : candidates_) {
      const Reference* r = resolve.reference(c.receiver);
      if (!r || r->binding < 0) continue;
      const Binding& b = m->bindings[r->binding];
      // Ruff's only_binding: the name is bound once in its scope (so far).
      if (b.shadows >= 0 && b.shadows_same_scope) continue;
      if (!refurb::binding_has_type(b, refurb::PyType::List, resolve, ctx)) continue;
      report(ctx, c.call, "Use `list` or `list.copy` to create a copy of a list");
    }
  }

 private:
  struct Candidate {
    TSNode call, receiver;
  };
  std::vector<Candidate> candidates_;
};

}  // namespace

extern const RuleSpec manual_list_copy{
    .code = "PERF402",
    .name = "manual-list-copy",
    .linter = "perflint",
    .kinds = {"for_statement"},
    .doc = kDoc,
    .create = make_rule<ManualListCopy>(),
    .needs_semantic = true,
};

}  // namespace lint::rules
