#include "engine/rule.h"

namespace lint::rules {

namespace {

constexpr std::string_view kDoc = R"(## What it does
Checks for `assert` statements whose test is a non-empty tuple.

## Why is this bad?
A non-empty tuple is always true, so the assertion can never fail. This usually comes from
wrapping the test and the message in one pair of parentheses, `assert (x, "message")`, when
`assert x, "message"` was meant.

## Example
```python
assert (count > 0, "count must be positive")
```

Use instead:
```python
assert count > 0, "count must be positive"
```
)";

class AssertTuple final : public Rule {
 public:
  void enter(TSNode node, Context& ctx) override {
    for (TSNode c : children(node)) {
      if (ts_node_is_extra(c) || !ts_node_is_named(c)) continue;
      if (is_non_empty_tuple(unparenthesized(c))) {
        report(ctx, node, "Assert test is a non-empty tuple, which is always `True`");
      }
      return;
    }
  }

 private:
  static bool is_non_empty_tuple(TSNode n) {
    if (!is(n, "tuple")) return false;
    for (TSNode c : children(n)) {
      if (ts_node_is_named(c) && !ts_node_is_extra(c)) return true;
    }
    return false;
  }
};

}  // namespace

extern const RuleSpec assert_tuple{
    .code = "F631",
    .name = "assert-tuple",
    .linter = "pyflakes",
    .kinds = {"assert_statement"},
    .doc = kDoc,
    .create = make_rule<AssertTuple>(),
};

}  // namespace lint::rules
