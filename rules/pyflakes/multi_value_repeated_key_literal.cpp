#include "pyflakes/repeated_keys.h"

namespace lint::rules {

namespace {

constexpr std::string_view kDoc = R"(## What it does
Checks for dictionary displays in which a literal key (a string, bytes, number, `True`, `False`,
`None`, `...`, a tuple or an f-string) appears more than once.

## Why is this bad?
A dictionary holds one value per key: the later entry silently replaces the earlier one, so
one of the two values is lost. That is almost always a copy-and-paste slip.

Keys are compared as Python hashes them, so `1`, `1.0` and `True` are the same key, and so are
`"a"` and `'a'`; the message then names both spellings.

## Example
```python
colors = {
    "red": "#ff0000",
    "green": "#00ff00",
    "red": "#aa0000",
}
```

Use instead:
```python
colors = {
    "red": "#ff0000",
    "green": "#00ff00",
}
```

## Fix safety
When a repeated key comes with the same value as an earlier occurrence, the fix deletes the
repeat. It is unsafe: the deleted value is no longer evaluated.
)";

class MultiValueRepeatedKeyLiteral final : public Rule {
 public:
  void enter(TSNode node, Context& ctx) override {
    if (!keys_.find(node, ctx)) return;
    for (const auto& r : keys_.repeats()) {
      if (is_literal_key(r.repeat, ctx)) {
        RepeatedKeys::attach_fix(report(ctx, r.repeat, RepeatedKeys::message("Dictionary key literal", r, ctx)),
                                 "Remove repeated key literal", r, ctx);
      }
    }
  }

 private:
  RepeatedKeys& keys_ = RepeatedKeys::shared();
};

}  // namespace

extern const RuleSpec multi_value_repeated_key_literal{
    .code = "F601",
    .name = "multi-value-repeated-key-literal",
    .linter = "pyflakes",
    .kinds = {"dictionary"},
    .doc = kDoc,
    .create = make_rule<MultiValueRepeatedKeyLiteral>(),
    .fix = FixAvailability::Sometimes,
};

}  // namespace lint::rules
