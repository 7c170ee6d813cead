#include "engine/rule.h"
#include "syntax/node.h"

namespace lint::rules {

namespace {

constexpr std::string_view kDoc = R"(## What it does
Checks for dictionary displays unpacked with `**` into another dictionary display.

## Why is this bad?
The inner dictionary's items can be written in the outer one directly; building a dictionary
only to unpack it is noise.

## Example
```python
settings = {"debug": False, **{"verbose": True}}
```

Use instead:
```python
settings = {"debug": False, "verbose": True}
```
)";

class UnnecessarySpread final : public Rule {
 public:
  void enter(TSNode node, Context& ctx) override {
    for (TSNode item : children(node)) {
      if (!is(item, "dictionary_splat")) continue;
      TSNode inner{};
      for (TSNode c : children(item)) {
        if (ts_node_is_named(c) && !ts_node_is_extra(c)) inner = unparenthesized(c);
      }
      if (!is(inner, "dictionary")) continue;
      Diagnostic& d = report(ctx, inner, "Unnecessary spread `**`");
      d.fix_title = "Remove unnecessary dict";
    }
  }
};

}  // namespace

extern const RuleSpec unnecessary_spread{
    .code = "PIE800",
    .name = "unnecessary-spread",
    .linter = "flake8-pie",
    .kinds = {"dictionary"},
    .doc = kDoc,
    .create = make_rule<UnnecessarySpread>(),
    .fix = FixAvailability::None,  // fix not yet ported
};

}  // namespace lint::rules
