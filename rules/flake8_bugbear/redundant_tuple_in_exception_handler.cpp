#include "flake8_bugbear/fixes.h"
#include "fix/generator.h"
#include "flake8_bugbear/helpers.h"

namespace lint::rules {

namespace {

using namespace bugbear;

constexpr std::string_view kDoc = R"(## What it does
Checks for exception handlers that name a tuple of one class: `except (ValueError,):`.

## Why is this bad?
A tuple of one element catches exactly what the element alone catches; the parentheses and the
comma only make the reader look twice. It may also be a leftover of a list that once had more
classes.

## Example
```python
try:
    parse(text)
except (ValueError,):
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
The fix is unsafe when the tuple holds a comment, which it would drop.
)";

class RedundantTupleInExceptionHandler final : public Rule {
 public:
  void enter(TSNode node, Context& ctx) override {
    for_each_named_child(node, [&](TSNode handler) {
      if (!is_handler(handler)) return;
      const TSNode type = unparenthesized(handler_type(handler));
      if (!is_a(type, "tuple") || named_child_count(type) != 1) return;
      const TSNode element = first_named_child(type);
      if (is_a(element, "list_splat")) return;  // `except (*errors,)` needs its tuple
      codegen::Generator generator(ctx);
      const std::string name = generator.expr(element);
      Diagnostic& d = report(ctx, type, "A length-one tuple literal is redundant in exception handlers");
      d.fix_title = "Replace with `except ";
      d.fix_title.append(name).append("`");
      const uint32_t start = ts_node_start_byte(type), end = ts_node_end_byte(type);
      d.fix = Fix::with(comment_intersects(type, ctx) ? Applicability::Unsafe : Applicability::Safe,
                        {Edit::replace(start, end, pad(name, start, end, ctx))});
    });
  }
};

}  // namespace

extern const RuleSpec redundant_tuple_in_exception_handler{
    .code = "B013",
    .name = "redundant-tuple-in-exception-handler",
    .linter = "flake8-bugbear",
    .kinds = {"try_statement"},
    .doc = kDoc,
    .create = make_rule<RedundantTupleInExceptionHandler>(),
    .fix = FixAvailability::Always,
};

}  // namespace lint::rules
