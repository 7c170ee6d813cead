#include "flake8_comprehensions/unnecessary_generator.h"

namespace lint::rules {

namespace {

constexpr std::string_view kDoc = R"(## What it does
Checks for generator expressions passed to `list()`.

## Why is this bad?
A list comprehension says the same thing with less machinery: no generator object is created
only to be drained into a list. When the generator passes its items through unchanged
(`list(x for x in items)`), `list(items)` is simpler still.

## Example
```python
squares = list(n * n for n in range(10))
copy = list(x for x in items)
```

Use instead:
```python
squares = [n * n for n in range(10)]
copy = list(items)
```

## Fix safety
The fix is unsafe: it can drop comments inside the call.
)";

class UnnecessaryGeneratorList final : public flake8_comprehensions::UnnecessaryGenerator {
 public:
  UnnecessaryGeneratorList() : UnnecessaryGenerator({"list", "[", "]", false}) {}
};

}  // namespace

extern const RuleSpec unnecessary_generator_list{
    .code = "C400",
    .name = "unnecessary-generator-list",
    .linter = "flake8-comprehensions",
    .kinds = {"call"},
    .doc = kDoc,
    .create = make_rule<UnnecessaryGeneratorList>(),
    .needs_semantic = true,
    .fix = FixAvailability::Always,
};

}  // namespace lint::rules
