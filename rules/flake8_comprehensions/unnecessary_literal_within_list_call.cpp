#include "flake8_comprehensions/calls.h"

namespace lint::rules {

namespace {

constexpr std::string_view kDoc = R"(## What it does
Checks for list and tuple displays passed to `list()`.

## Why is this bad?
A list display says the same thing without the call; calling `list()` on a list display only
copies a list that nothing else holds.

## Example
```python
names = list(["a", "b"])
more = list(("a", "b"))
```

Use instead:
```python
names = ["a", "b"]
more = ["a", "b"]
```

## Fix safety
The fix is unsafe: it can drop comments inside the call.
)";

using flake8_comprehensions::CallShape;

class UnnecessaryLiteralWithinListCall final : public flake8_comprehensions::CallRule {
 protected:
  bool wants(std::string_view callee) const override { return callee == "list"; }
  bool screen(const CallShape& call, const Context&) const override {
    if (!call.callee_is_name || call.args.size() != 1 || call.has_keywords()) return false;
    const TSNode arg = call.value(0);
    return is(arg, "list") || is(arg, "tuple");
  }
  void check(const CallShape& call, const SemanticModel& m, Context& ctx) override {
    if (!flake8_comprehensions::is_builtin_name(call.function, "list", m, ctx)) return;
    const bool list = is(call.value(0), "list");
    Diagnostic& d = report(ctx, call.call,
                           list ? "Unnecessary list literal passed to `list()` (remove the outer call to `list()`)"
                                : "Unnecessary tuple literal passed to `list()` (rewrite as a single list literal)");
    d.fix_title = list ? "Remove outer `list()` call" : "Rewrite as a single list literal";
    d.fix = fix(call);
  }

  // `list([1, 2])` becomes `[1, 2]` and `list((1, 2))` `[1, 2]`.
  static Fix fix(const CallShape& call) {
    const TSNode arg = call.value(0);
    const uint32_t a = ts_node_start_byte(arg), b = ts_node_end_byte(arg);
    std::vector<Edit> edits{Edit::deletion(ts_node_start_byte(call.call), a),
                            Edit::deletion(b, ts_node_end_byte(call.call))};
    if (is(arg, "tuple")) {
      edits.push_back(Edit::replace(a, a + 1, "["));
      edits.push_back(Edit::replace(b - 1, b, "]"));
    }
    return Fix::unsafe(std::move(edits));
  }
};

}  // namespace

extern const RuleSpec unnecessary_literal_within_list_call{
    .code = "C410",
    .name = "unnecessary-literal-within-list-call",
    .linter = "flake8-comprehensions",
    .kinds = {"call"},
    .doc = kDoc,
    .create = make_rule<UnnecessaryLiteralWithinListCall>(),
    .needs_semantic = true,
    .fix = FixAvailability::Always,
};

}  // namespace lint::rules
