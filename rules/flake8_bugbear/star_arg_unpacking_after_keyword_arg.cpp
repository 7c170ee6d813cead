#include "flake8_bugbear/helpers.h"

namespace lint::rules {

namespace {

using namespace bugbear;

constexpr std::string_view kDoc = R"(## What it does
Checks for calls that unpack positional arguments (`*args`) after a keyword argument.

## Why is this bad?
Python accepts it, but the unpacked values still fill positional parameters, before the keyword
one, whatever the order in the call. That reads as if they came after it, and when they also
fill the keyword's parameter the call fails with "got multiple values for argument".

## Example
```python
draw(color="red", *points)
```

Use instead:
```python
draw(*points, color="red")
```
)";

class StarArgUnpackingAfterKeywordArg final : public Rule {
 public:
  void enter(TSNode node, Context& ctx) override {
    const CallArguments& call = call_arguments(node, ctx);
    if (call.keywords.empty()) return;
    const uint32_t first_keyword = ts_node_start_byte(call.keywords.front());
    for (const TSNode arg : call.args) {
      if (is_a(arg, "list_splat") && ts_node_start_byte(arg) > first_keyword) {
        report(ctx, arg, "Star-arg unpacking after a keyword argument is strongly discouraged");
      }
    }
  }
};

}  // namespace

extern const RuleSpec star_arg_unpacking_after_keyword_arg{
    .code = "B026",
    .name = "star-arg-unpacking-after-keyword-arg",
    .linter = "flake8-bugbear",
    .kinds = {"call"},
    .doc = kDoc,
    .create = make_rule<StarArgUnpackingAfterKeywordArg>(),
};

}  // namespace lint::rules
