#include "engine/rule.h"

namespace lint::rules {

namespace {

constexpr std::string_view kDoc = R"(## What it does
Checks for `raise NotImplemented` and `raise NotImplemented(...)`.

## Why is this bad?
`NotImplemented` is a constant that binary special methods such as `__eq__` return to say that
they do not support the other operand. It is not an exception: raising it fails with a
`TypeError` instead of reporting what was meant. To mark a method as not implemented, raise
`NotImplementedError`.

## Example
```python
class Shape:
    def area(self):
        raise NotImplemented
```

Use instead:
```python
class Shape:
    def area(self):
        raise NotImplementedError
```
)";

class RaiseNotImplemented final : public Rule {
 public:
  void enter(TSNode node, Context& ctx) override {
    const Children parts = children(node);
    for (auto it = parts.begin(); it != parts.end(); ++it) {
      const TSNode c = *it;
      if (ts_node_is_extra(c) || !ts_node_is_named(c) || it.field_name() != nullptr) continue;
      TSNode exc = unparenthesized(c);
      if (is(exc, "call")) exc = unparenthesized(field(exc, "function"));
      if (!ts_node_is_null(exc) && is(exc, "identifier") && ctx.text(exc) == "NotImplemented") {
        report(ctx, exc, "`raise NotImplemented` should be `raise NotImplementedError`");
      }
      return;
    }
  }
};

}  // namespace

extern const RuleSpec raise_not_implemented{
    .code = "F901",
    .name = "raise-not-implemented",
    .linter = "pyflakes",
    .kinds = {"raise_statement"},
    .doc = kDoc,
    .create = make_rule<RaiseNotImplemented>(),
};

}  // namespace lint::rules
