#include "pyflakes/repeated_keys.h"

namespace lint::rules {

namespace {

constexpr std::string_view kDoc = R"(## What it does
Checks for dictionary displays in which the same variable is used as a key more than once.

## Why is this bad?
A dictionary holds one value per key: whatever the variable holds, the later entry replaces the
earlier one, so one of the two values is lost. That is almost always a copy-and-paste slip.

## Example
```python
settings = {
    host: 1,
    port: 2,
    host: 3,
}
```

Use instead:
```python
settings = {
    host: 1,
    port: 2,
}
```

## Fix safety
When a repeated key comes with the same value as an earlier occurrence, the fix deletes the
repeat. It is unsafe: the deleted key and value are no longer evaluated.
)";

class MultiValueRepeatedKeyVariable final : public Rule {
 public:
  void enter(TSNode node, Context& ctx) override {
    if (!keys_.find(node, ctx)) return;
    for (const auto& r : keys_.repeats()) {
      if (!is(r.repeat, "identifier")) continue;
      RepeatedKeys::attach_fix(report(ctx, r.repeat, RepeatedKeys::message("Dictionary key", r, ctx)),
                               "Remove repeated key", r, ctx);
    }
  }

 private:
  RepeatedKeys& keys_ = RepeatedKeys::shared();
};

}  // namespace

extern const RuleSpec multi_value_repeated_key_variable{
    .code = "F602",
    .name = "multi-value-repeated-key-variable",
    .linter = "pyflakes",
    .kinds = {"dictionary"},
    .doc = kDoc,
    .create = make_rule<MultiValueRepeatedKeyVariable>(),
    .fix = FixAvailability::Sometimes,
};

}  // namespace lint::rules
