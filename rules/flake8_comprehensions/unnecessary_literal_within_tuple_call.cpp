#include "flake8_comprehensions/calls.h"

namespace lint::rules {

namespace {

constexpr std::string_view kDoc = R"(## What it does
Checks for list and tuple displays passed to `tuple()`.

## Why is this bad?
A tuple display says the same thing without the call, and without building a list first;
calling `tuple()` on a tuple only copies it.

## Example
```python
point = tuple([1, 2])
pair = tuple((1, 2))
```

Use instead:
```python
point = (1, 2)
pair = (1, 2)
```

## Fix safety
The fix is unsafe: it can drop comments inside the call.
)";

using flake8_comprehensions::CallShape;

class UnnecessaryLiteralWithinTupleCall final : public flake8_comprehensions::CallRule {
 protected:
  bool wants(std::string_view callee) const override { return callee == "tuple"; }
  bool screen(const CallShape& call, const Context&) const override {
    if (!call.callee_is_name || call.args.size() != 1 || call.has_keywords()) return false;
    const TSNode arg = call.value(0);
    return is(arg, "list") || is(arg, "tuple");
  }
  void check(const CallShape& call, const SemanticModel& m, Context& ctx) override {
    if (!flake8_comprehensions::is_builtin_name(call.function, "tuple", m, ctx)) return;
    const bool list = is(call.value(0), "list");
    Diagnostic& d = report(ctx, call.call,
                           list ? "Unnecessary list literal passed to `tuple()` (rewrite as a tuple literal)"
                                : "Unnecessary tuple literal passed to `tuple()` (remove the outer call to `tuple()`)");
    d.fix_title = list ? "Rewrite as a tuple literal" : "Remove the outer call to `tuple()`";
    d.fix = fix(call);
  }

  // `tuple([1, 2])` becomes `(1, 2)`; a sole element without a trailing comma gets one.
  static Fix fix(const CallShape& call) {
    const TSNode arg = call.value(0);
    const std::vector<TSNode> elts = named_children(arg);
    bool comma = false;
    if (elts.size() == 1) {
      for (TSNode c : children(arg)) comma |= is(c, ",");
    }
    const uint32_t a = ts_node_start_byte(arg), b = ts_node_end_byte(arg);
    return Fix::unsafe({Edit::replace(ts_node_start_byte(call.call), a + 1, "("),
                        Edit::replace(b - 1, ts_node_end_byte(call.call), elts.size() == 1 && !comma ? ",)" : ")")});
  }
};

}  // namespace

extern const RuleSpec unnecessary_literal_within_tuple_call{
    .code = "C409",
    .name = "unnecessary-literal-within-tuple-call",
    .linter = "flake8-comprehensions",
    .kinds = {"call"},
    .doc = kDoc,
    .create = make_rule<UnnecessaryLiteralWithinTupleCall>(),
    .needs_semantic = true,
    .fix = FixAvailability::Sometimes,
};

}  // namespace lint::rules
