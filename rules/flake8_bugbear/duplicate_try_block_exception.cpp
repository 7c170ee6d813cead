#include "flake8_bugbear/duplicate_exceptions.h"

namespace lint::rules {

namespace {

using namespace bugbear;

constexpr std::string_view kDoc = R"(## What it does
Checks for `try` statements where a later handler names an exception class that an earlier
handler already names.

## Why is this bad?
Handlers are tried in order and the first match wins: the later mention is never reached. The
code under it is dead, or the two handlers were meant to be one.

## Example
```python
try:
    parse(text)
except ValueError:
    report()
except ValueError:
    retry()
```

Use instead:
```python
try:
    parse(text)
except ValueError:
    report()
    retry()
```
)";

class DuplicateTryBlockException final : public Rule {
 public:
  void enter(TSNode node, Context& ctx) override {
    const DuplicateExceptions& found = duplicate_exceptions(node, ctx);
    for (const DuplicateExceptions::Repeat& r : found.repeats) {
      report(ctx, r.expr,
             std::string(found.star ? "try-except* block" : "try-except block") + " with duplicate exception `" + r.name + "`");
    }
  }
};

}  // namespace

extern const RuleSpec duplicate_try_block_exception{
    .code = "B025",
    .name = "duplicate-try-block-exception",
    .linter = "flake8-bugbear",
    .kinds = {"try_statement"},
    .doc = kDoc,
    .create = make_rule<DuplicateTryBlockException>(),
};

}  // namespace lint::rules
