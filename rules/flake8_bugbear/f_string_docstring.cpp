#include "flake8_bugbear/helpers.h"

namespace lint::rules {

namespace {

using namespace bugbear;

constexpr std::string_view kDoc = R"(## What it does
Checks for f-strings in the place of a docstring: the first statement of a module, class or
function.

## Why is this bad?
Python only takes a plain string literal as a docstring. An f-string there is evaluated and
thrown away; the object's `__doc__` stays `None`, so help() and documentation tools see nothing.

## Example
```python
def greet(name):
    f"""Greet {name}."""
```

Use instead:
```python
def greet(name):
    """Greet the person with the given name."""
```
)";

class FStringDocstring final : public Rule {
 public:
  void enter(TSNode node, Context& ctx) override {
    const TSNode body = is_a(node, "module") ? node : field(node, "body");
    if (ts_node_is_null(body)) return;
    const TSNode first = first_named_child(body);
    if (!is_a(first, "expression_statement") || named_child_count(first) != 1) return;
    if (!is_f_string(first_named_child(first), ctx)) return;
    report(ctx, first, "f-string used as docstring. Python will interpret this as a joined string, rather than a docstring.");
  }
};

}  // namespace

extern const RuleSpec f_string_docstring{
    .code = "B021",
    .name = "f-string-docstring",
    .linter = "flake8-bugbear",
    .kinds = {"module", "function_definition", "class_definition"},
    .doc = kDoc,
    .create = make_rule<FStringDocstring>(),
};

}  // namespace lint::rules
