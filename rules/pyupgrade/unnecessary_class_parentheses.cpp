#include "engine/rule.h"
#include "pyupgrade/edits.h"

namespace lint::rules {

namespace {

constexpr std::string_view kDoc = R"(## What it does
Checks for class definitions with empty parentheses after the class name.

## Why is this bad?
A class without bases needs no parentheses; `class Foo():` says nothing `class Foo:` does not.

## Example
```python
class Foo():
    ...
```

Use instead:
```python
class Foo:
    ...
```

## Fix safety
The fix is unsafe when the parentheses hold a comment.
)";

class UnnecessaryClassParentheses final : public Rule {
 public:
  void enter(TSNode node, Context& ctx) override {
    const TSNode list = field(node, "superclasses");
    if (ts_node_is_null(list) || !arguments_of(list).empty()) return;
    Diagnostic& d = report(ctx, list, "Unnecessary parentheses after class definition");
    d.fix_title = "Remove parentheses";
    const bool comment = up::has_comment(list, start_of(list), end_of(list));
    d.fix = Fix::with(comment ? Applicability::Unsafe : Applicability::Safe,
                      {Edit::deletion(start_of(list), end_of(list))});
  }
};

}  // namespace

extern const RuleSpec unnecessary_class_parentheses{
    .code = "UP039",
    .name = "unnecessary-class-parentheses",
    .linter = "pyupgrade",
    .kinds = {"class_definition"},
    .doc = kDoc,
    .create = make_rule<UnnecessaryClassParentheses>(),
    .fix = FixAvailability::Always,
};

}  // namespace lint::rules
