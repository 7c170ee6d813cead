#include "flake8_comprehensions/calls.h"

namespace lint::rules {

namespace {

constexpr std::string_view kDoc = R"(## What it does
Checks for dictionary displays and dictionary comprehensions passed to `dict()`.

## Why is this bad?
The display or comprehension already makes a new dictionary; `dict()` around it copies that
dictionary for nothing.

## Example
```python
ports = dict({"http": 80})
lengths = dict({word: len(word) for word in words})
```

Use instead:
```python
ports = {"http": 80}
lengths = {word: len(word) for word in words}
```

## Fix safety
The fix is unsafe: it can drop comments inside the call.
)";

using flake8_comprehensions::CallShape;

class UnnecessaryLiteralWithinDictCall final : public flake8_comprehensions::CallRule {
 protected:
  bool wants(std::string_view callee) const override { return callee == "dict"; }
  bool screen(const CallShape& call, const Context&) const override {
    if (!call.callee_is_name || call.args.size() != 1 || call.has_keywords()) return false;
    const TSNode arg = call.value(0);
    return is(arg, "dictionary") || is(arg, "dictionary_comprehension");
  }
  void check(const CallShape& call, const SemanticModel& m, Context& ctx) override {
    if (!flake8_comprehensions::is_builtin_name(call.function, "dict", m, ctx)) return;
    const bool literal = is(call.value(0), "dictionary");
    Diagnostic& d = report(ctx, call.call,
                           literal ? "Unnecessary dict literal passed to `dict()` (remove the outer call to `dict()`)"
                                   : "Unnecessary dict comprehension passed to `dict()` (remove the outer call to "
                                     "`dict()`)");
    d.fix_title = "Remove outer `dict()` call";
    const TSNode arg = call.value(0);
    d.fix = Fix::unsafe({Edit::deletion(ts_node_start_byte(call.call), ts_node_start_byte(arg)),
                         Edit::deletion(ts_node_end_byte(arg), ts_node_end_byte(call.call))});
  }
};

}  // namespace

extern const RuleSpec unnecessary_literal_within_dict_call{
    .code = "C418",
    .name = "unnecessary-literal-within-dict-call",
    .linter = "flake8-comprehensions",
    .kinds = {"call"},
    .doc = kDoc,
    .create = make_rule<UnnecessaryLiteralWithinDictCall>(),
    .needs_semantic = true,
    .fix = FixAvailability::Sometimes,
};

}  // namespace lint::rules
