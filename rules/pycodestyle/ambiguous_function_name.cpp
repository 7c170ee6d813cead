#include "pycodestyle/ambiguous_names.h"
#include "engine/rule.h"

namespace lint::rules {

namespace {

constexpr std::string_view kDoc = R"(## What it does
Checks for functions (and methods) named `l`, `O` or `I`.

## Why is this bad?
In many fonts the letters `l` (lowercase el), `O` (uppercase o) and `I` (uppercase i) look
just like the digits `1` and `0` or like each other, so a call such as `l(1)` is easy to
misread. [PEP 8] advises against these names. Choose a descriptive name.

## Example
```python
def l(values):
    return len(values)
```

Use instead:
```python
def length(values):
    return len(values)
```

[PEP 8]: https://peps.python.org/pep-0008/#names-to-avoid
)";

class AmbiguousFunctionName final : public Rule {
 public:
  void enter(TSNode node, Context& ctx) override {
    TSNode name = field(node, "name");
    if (ts_node_is_null(name)) return;
    const std::string_view text = ctx.text(name);
    if (!is_ambiguous_name(text)) return;
    report(ctx, name, ambiguous_name_message("Ambiguous function name: `", text));
  }
};

}  // namespace

extern const RuleSpec ambiguous_function_name{
    .code = "E743",
    .name = "ambiguous-function-name",
    .linter = "pycodestyle",
    .kinds = {"function_definition"},
    .doc = kDoc,
    .create = make_rule<AmbiguousFunctionName>(),
};

}  // namespace lint::rules
