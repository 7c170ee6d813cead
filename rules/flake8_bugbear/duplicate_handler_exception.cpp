#include "flake8_bugbear/duplicate_exceptions.h"
#include "flake8_bugbear/fixes.h"
#include "fix/generator.h"
#include "flake8_bugbear/helpers.h"

namespace lint::rules {

namespace {

using namespace bugbear;

constexpr std::string_view kDoc = R"(## What it does
Checks for exception handlers whose tuple names the same class more than once.

## Why is this bad?
The repeat catches nothing more; it only makes the list longer and suggests that another class
was meant.

## Example
```python
try:
    parse(text)
except (ValueError, ValueError):
    pass
```

Use instead:
```python
try:
    parse(text)
except ValueError:
    pass
```

## Fix safety
The fix rewrites the tuple with each class once (without parentheses when one class is left).
It is unsafe when the tuple holds a comment, which it would drop.
)";

class DuplicateHandlerException final : public Rule {
 public:
  void enter(TSNode node, Context& ctx) override {
    for (const DuplicateExceptions::InTuple& t : duplicate_exceptions(node, ctx).in_tuples) {
      std::string message;
      if (t.names.size() == 1) {
        message = "Exception handler with duplicate exception: `" + t.names[0] + "`";
      } else {
        message = "Exception handler with duplicate exceptions: ";
        for (size_t i = 0; i < t.names.size(); ++i) message += (i ? ", `" : "`") + t.names[i] + "`";
      }
      Diagnostic& d = report(ctx, t.tuple, std::move(message));
      d.fix_title = "De-duplicate exceptions";
      codegen::Generator generator(ctx);
      const uint32_t start = ts_node_start_byte(t.tuple), end = ts_node_end_byte(t.tuple);
      std::string replacement = t.unique.size() == 1 ? pad(generator.expr(t.unique[0]), start, end, ctx)
                                                     : generator.parenthesized_tuple(t.unique);
      d.fix = Fix::with(comment_intersects(t.tuple, ctx) ? Applicability::Unsafe : Applicability::Safe,
                        {Edit::replace(start, end, std::move(replacement))});
    }
  }
};

}  // namespace

extern const RuleSpec duplicate_handler_exception{
    .code = "B014",
    .name = "duplicate-handler-exception",
    .linter = "flake8-bugbear",
    .kinds = {"try_statement"},
    .doc = kDoc,
    .create = make_rule<DuplicateHandlerException>(),
    .fix = FixAvailability::Always,
};

}  // namespace lint::rules
