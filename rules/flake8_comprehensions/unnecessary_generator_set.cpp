#include "flake8_comprehensions/unnecessary_generator.h"

namespace lint::rules {

namespace {

constexpr std::string_view kDoc = R"(## What it does
Checks for generator expressions passed to `set()`.

## Why is this bad?
A set comprehension says the same thing with less machinery: no generator object is created
only to be drained into a set. When the generator passes its items through unchanged
(`set(x for x in items)`), `set(items)` is simpler still.

## Example
```python
squares = set(n * n for n in range(10))
unique = set(x for x in items)
```

Use instead:
```python
squares = {n * n for n in range(10)}
unique = set(items)
```

## Fix safety
The fix is unsafe: it can drop comments inside the call.
)";

class UnnecessaryGeneratorSet final : public flake8_comprehensions::UnnecessaryGenerator {
 public:
  UnnecessaryGeneratorSet() : UnnecessaryGenerator({"set", "{", "}", true}) {}
};

}  // namespace

extern const RuleSpec unnecessary_generator_set{
    .code = "C401",
    .name = "unnecessary-generator-set",
    .linter = "flake8-comprehensions",
    .kinds = {"call"},
    .doc = kDoc,
    .create = make_rule<UnnecessaryGeneratorSet>(),
    .needs_semantic = true,
    .fix = FixAvailability::Always,
};

}  // namespace lint::rules
