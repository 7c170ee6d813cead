#include "flake8_comprehensions/calls.h"
#include "flake8_comprehensions/fixes.h"

namespace lint::rules {

namespace {

constexpr std::string_view kDoc = R"(## What it does
Checks for list and tuple displays of key-value pairs passed to `dict()`.

## Why is this bad?
A dictionary display (`{1: 2}`) builds the dictionary directly, without the intermediate
list or tuple of pairs.

## Example
```python
ports = dict([("http", 80), ("https", 443)])
```

Use instead:
```python
ports = {"http": 80, "https": 443}
```

## Fix safety
The fix is unsafe: it can drop comments inside the call.
)";

using flake8_comprehensions::CallShape;

class UnnecessaryLiteralDict final : public flake8_comprehensions::CallRule {
 protected:
  bool wants(std::string_view callee) const override { return callee == "dict"; }
  bool screen(const CallShape& call, const Context&) const override {
    if (!call.callee_is_name || call.args.size() != 1 || call.has_keywords()) return false;
    const TSNode arg = call.value(0);
    if (!is(arg, "list") && !is(arg, "tuple")) return false;
    for (const TSNode item : named_children(arg)) {
      const TSNode pair = unparenthesized(item);
      if (!is(pair, "tuple") || named_children(pair).size() != 2) return false;
    }
    return true;
  }
  void check(const CallShape& call, const SemanticModel& m, Context& ctx) override {
    if (!flake8_comprehensions::is_builtin_name(call.function, "dict", m, ctx)) return;
    const bool list = is(call.value(0), "list");
    Diagnostic& d = report(ctx, call.call,
                           list ? "Unnecessary list literal (rewrite as a dict literal)"
                                : "Unnecessary tuple literal (rewrite as a dict literal)");
    d.fix_title = "Rewrite as a dict literal";
    if (flake8_comprehensions::has_trailing_comma(call)) return;
    // `dict([(1, 2), (3, 4)])` becomes `{1: 2, 3: 4}`: the commas between pairs keep their
    // spaces and comments, a trailing comma stays without what follows it.
    const TSNode arg = call.value(0);
    const std::vector<TSNode> items = named_children(arg);
    std::string out = "{";
    out += ctx.original(ts_node_start_byte(call.list) + 1, ts_node_start_byte(call.args[0]));
    for (size_t i = 0; i < items.size(); ++i) {
      out += flake8_comprehensions::dict_entry(items[i], ctx);
      const uint32_t end = ts_node_end_byte(items[i]);
      if (i + 1 < items.size()) {
        out += ctx.original(end, ts_node_start_byte(items[i + 1]));
        continue;
      }
      for (TSNode c : children(arg)) {
        if (is(c, ",") && ts_node_start_byte(c) >= end) out += ctx.original(end, ts_node_end_byte(c));
      }
    }
    out += ctx.original(ts_node_end_byte(call.args[0]), ts_node_end_byte(call.list) - 1);
    out += '}';
    d.fix = Fix::unsafe(Edit::replace(ts_node_start_byte(call.call), ts_node_end_byte(call.call),
                                      flake8_comprehensions::pad(out, call.call, ctx)));
  }
};

}  // namespace

extern const RuleSpec unnecessary_literal_dict{
    .code = "C406",
    .name = "unnecessary-literal-dict",
    .linter = "flake8-comprehensions",
    .kinds = {"call"},
    .doc = kDoc,
    .create = make_rule<UnnecessaryLiteralDict>(),
    .needs_semantic = true,
    .fix = FixAvailability::Always,
};

}  // namespace lint::rules
