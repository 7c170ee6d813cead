#include "fix/edits.h"
#include "flake8_bugbear/helpers.h"

namespace lint::rules {

namespace {

using namespace bugbear;

constexpr std::string_view kDoc = R"(## What it does
Checks for exception handlers that name an empty tuple: `except ():`.

## Why is this bad?
A handler catches the exceptions whose classes it lists; an empty tuple lists none, so the
handler never runs. It is most likely a leftover of an edit, or a placeholder that was never
filled in.

## Example
```python
try:
    connect()
except ():
    retry()
```

Use instead:
```python
try:
    connect()
except ConnectionError:
    retry()
```
)";

class ExceptWithEmptyTuple final : public Rule {
 public:
  void enter(TSNode node, Context& ctx) override {
    const TSNode type = unparenthesized(handler_type(node));
    if (!is_a(type, "tuple") || !ts_node_is_null(first_named_child(type))) return;
    // Its end as Ruff ranges it: at its last statement, before comments that close its block.
    report(ctx, ts_node_start_byte(node), edits::statement_end(node),
           is_star_handler(node) ? "Using `except* ():` with an empty tuple does not catch anything; add exceptions to handle"
                                 : "Using `except ():` with an empty tuple does not catch anything; add exceptions to handle");
  }
};

}  // namespace

extern const RuleSpec except_with_empty_tuple{
    .code = "B029",
    .name = "except-with-empty-tuple",
    .linter = "flake8-bugbear",
    .kinds = {"except_clause"},
    .doc = kDoc,
    .create = make_rule<ExceptWithEmptyTuple>(),
};

}  // namespace lint::rules
