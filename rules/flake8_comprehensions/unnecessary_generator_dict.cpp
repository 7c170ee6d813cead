#include "flake8_comprehensions/calls.h"
#include "flake8_comprehensions/fixes.h"

namespace lint::rules {

namespace {

constexpr std::string_view kDoc = R"(## What it does
Checks for generator expressions of key-value pairs passed to `dict()`.

## Why is this bad?
A dictionary comprehension builds the same dictionary directly, without making a tuple for
each item and a generator to carry them.

Any callee spelled `dict` is reported, as Ruff does, even where `dict` is not the builtin.

## Example
```python
lengths = dict((word, len(word)) for word in words)
```

Use instead:
```python
lengths = {word: len(word) for word in words}
```

## Fix safety
The fix is unsafe: it can drop comments inside the call.
)";

using flake8_comprehensions::CallShape;

class UnnecessaryGeneratorDict final : public Rule {
 public:
  void enter(TSNode node, Context& ctx) override {
    if (callee_name(node, ctx) != "dict") return;
    const CallShape& call = CallShape::of(node, ctx);
    if (!call.callee_is_name || call.args.size() != 1 || call.has_keywords()) return;
    const TSNode gen = call.value(0);
    if (!is(gen, "generator_expression")) return;
    const TSNode pair = unparenthesized(field(gen, "body"));
    if (!is(pair, "tuple")) return;
    const std::vector<TSNode> items = named_children(pair);
    if (items.size() != 2 || is(items[0], "list_splat") || is(items[1], "list_splat")) return;
    Diagnostic& d = report(ctx, node, "Unnecessary generator (rewrite as a dict comprehension)");
    d.fix_title = "Rewrite as a dict comprehension";
    // Ruff's fix takes the pair apart only when it is a tuple.
    if (flake8_comprehensions::has_trailing_comma(call)) return;
    const uint32_t open_end = call.bare_generator ? ts_node_start_byte(field(gen, "body")) : ts_node_start_byte(call.args[0]);
    const uint32_t close_start =
        call.bare_generator ? last_clause_end(gen) : ts_node_end_byte(call.args[0]);
    d.fix = Fix::unsafe(Edit::replace(ts_node_start_byte(node), ts_node_end_byte(node),
                                      flake8_comprehensions::dict_comprehension(gen, open_end, close_start, call, ctx)));
  }

  static uint32_t last_clause_end(TSNode comp) {
    uint32_t end = 0;
    for (TSNode c : children(comp)) {
      if (is(c, "for_in_clause") || is(c, "if_clause")) end = ts_node_end_byte(c);
    }
    return end;
  }
};

}  // namespace

extern const RuleSpec unnecessary_generator_dict{
    .code = "C402",
    .name = "unnecessary-generator-dict",
    .linter = "flake8-comprehensions",
    .kinds = {"call"},
    .doc = kDoc,
    .create = make_rule<UnnecessaryGeneratorDict>(),
    .fix = FixAvailability::Always,
};

}  // namespace lint::rules
