#include "flake8_comprehensions/calls.h"
#include "flake8_comprehensions/fixes.h"

namespace lint::rules {

namespace {

constexpr std::string_view kDoc = R"(## What it does
Checks for list comprehensions of key-value pairs passed to `dict()`.

## Why is this bad?
A dictionary comprehension builds the dictionary directly, without the intermediate list of
tuples.

## Example
```python
lengths = dict([(word, len(word)) for word in words])
```

Use instead:
```python
lengths = {word: len(word) for word in words}
```

## Fix safety
The fix is unsafe: it can drop comments inside the call.
)";

using flake8_comprehensions::CallShape;

class UnnecessaryListComprehensionDict final : public flake8_comprehensions::CallRule {
 protected:
  bool wants(std::string_view callee) const override { return callee == "dict"; }
  bool screen(const CallShape& call, const Context&) const override {
    if (!call.callee_is_name || call.args.size() != 1 || call.has_keywords()) return false;
    const TSNode comp = call.value(0);
    if (!is(comp, "list_comprehension")) return false;
    const TSNode pair = unparenthesized(field(comp, "body"));
    return is(pair, "tuple") && named_children(pair).size() == 2;
  }
  void check(const CallShape& call, const SemanticModel& m, Context& ctx) override {
    if (!flake8_comprehensions::is_builtin_name(call.function, "dict", m, ctx)) return;
    Diagnostic& d = report(ctx, call.call, "Unnecessary list comprehension (rewrite as a dict comprehension)");
    d.fix_title = "Rewrite as a dict comprehension";
    const TSNode comp = call.value(0);
    // A comprehension in parentheses of its own, or a trailing comma: left to the author.
    if (!ts_node_eq(comp, call.args[0]) || flake8_comprehensions::has_trailing_comma(call)) return;
    d.fix = Fix::unsafe(Edit::replace(
        ts_node_start_byte(call.call), ts_node_end_byte(call.call),
        flake8_comprehensions::dict_comprehension(comp, ts_node_start_byte(comp), ts_node_end_byte(comp), call, ctx)));
  }
};

}  // namespace

extern const RuleSpec unnecessary_list_comprehension_dict{
    .code = "C404",
    .name = "unnecessary-list-comprehension-dict",
    .linter = "flake8-comprehensions",
    .kinds = {"call"},
    .doc = kDoc,
    .create = make_rule<UnnecessaryListComprehensionDict>(),
    .needs_semantic = true,
    .fix = FixAvailability::Always,
};

}  // namespace lint::rules
