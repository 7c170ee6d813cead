#include <algorithm>

#include "flake8_comprehensions/calls.h"
#include "flake8_comprehensions/comparable.h"

namespace lint::rules {

namespace {

constexpr std::string_view kDoc = R"(## What it does
Checks for a call to `list()`, `tuple()`, `set()`, `reversed()` or `sorted()` directly inside
another call that makes its work pointless: `list(tuple(x))`, `set(sorted(x))`,
`sorted(list(x))`, `set(set(x))` and the like.

## Why is this bad?
The outer call iterates over whatever it is given, so converting the argument first only
builds an intermediate collection; and ordering or reversing items before putting them in a
set, or before sorting them, is work thrown away.

## Example
```python
unique = set(list(items))
ordered = sorted(reversed(items))
```

Use instead:
```python
unique = set(items)
ordered = sorted(items)
```

## Fix safety
The fix is unsafe: it can drop comments, and the inner call's other arguments (such as a
`key` for `sorted()`) go away with it.
)";

using flake8_comprehensions::CallShape;

bool is_collection_or_order(std::string_view name) {
  return name == "list" || name == "tuple" || name == "set" || name == "reversed" || name == "sorted";
}

// Whether the inner call, of `inner`, is pointless inside `outer`.
bool pointless(std::string_view outer, std::string_view inner) {
  if (outer == "set" || outer == "sorted") {
    if (inner == "list" || inner == "tuple" || inner == "reversed" || inner == "sorted") return true;
  }
  if (outer == "set" && inner == "set") return true;
  return (outer == "list" || outer == "tuple") && (inner == "list" || inner == "tuple");
}

class UnnecessaryDoubleCastOrProcess final : public flake8_comprehensions::CallRule {
 protected:
  bool wants(std::string_view callee) const override { return is_collection_or_order(callee); }
  bool screen(const CallShape& call, const Context& ctx) const override {
    return !call.args.empty() && is(call.value(0), "call") &&
           is_collection_or_order(callee_name(call.value(0), ctx));
  }
  void check(const CallShape& call, const SemanticModel& m, Context& ctx) override {
    const std::string outer = flake8_comprehensions::builtin_symbol(call.function, m, ctx);
    if (!is_collection_or_order(outer)) return;
    const TSNode inner_call = call.value(0);
    const std::string inner = flake8_comprehensions::builtin_symbol(field(inner_call, "function"), m, ctx);
    if (!pointless(outer, inner)) return;
    if (outer == "sorted" && inner == "sorted" && !same_keywords(call, inner_call, ctx)) return;
    Diagnostic& d = report(ctx, call.call, "Unnecessary `" + inner + "()` call within `" + outer + "()`");
    d.fix_title = "Remove the inner `" + inner + "()` call";
    // The inner call, as the outer one's first argument, gives way to its own first positional
    // argument (as written).
    CallShape inner_shape;
    inner_shape.load(inner_call, ctx);
    const uint32_t a = ts_node_start_byte(call.args[0]), b = ts_node_end_byte(call.args[0]);
    if (inner_shape.args.empty()) {
      if (call.args.size() == 1 && !call.has_keywords()) d.fix = Fix::unsafe(Edit::deletion(a, b));
      return;
    }
    const TSNode first = inner_shape.args[0];
    const std::string_view text = inner_shape.bare_generator
                                      ? ctx.original(ts_node_start_byte(first) + 1, ts_node_end_byte(first) - 1)
                                      : ctx.original(first);
    d.fix = Fix::unsafe(Edit::replace(a, b, std::string(text)));
  }

 private:
  // `sorted(sorted(x, key=f), key=f)` may go, `sorted(sorted(x, key=f))` may not: the inner
  // call's keywords must each be among the outer call's, and as many.
  static bool same_keywords(const CallShape& outer, TSNode inner_call, const Context& ctx) {
    std::vector<std::string> outer_keys;
    for (const TSNode k : outer.keywords) outer_keys.push_back(flake8_comprehensions::comparable(k, ctx));
    size_t inner_count = 0;
    const TSNode arguments = field(inner_call, "arguments");
    if (is(arguments, "argument_list")) {
      for (TSNode c : children(arguments)) {
        if (!is(c, "keyword_argument") && !is(c, "dictionary_splat")) continue;
        ++inner_count;
        if (std::find(outer_keys.begin(), outer_keys.end(), flake8_comprehensions::comparable(c, ctx)) ==
            outer_keys.end()) {
          return false;
        }
      }
    }
    return inner_count == outer_keys.size();
  }
};

}  // namespace

extern const RuleSpec unnecessary_double_cast_or_process{
    .code = "C414",
    .name = "unnecessary-double-cast-or-process",
    .linter = "flake8-comprehensions",
    .kinds = {"call"},
    .doc = kDoc,
    .create = make_rule<UnnecessaryDoubleCastOrProcess>(),
    .needs_semantic = true,
    .fix = FixAvailability::Always,
};

}  // namespace lint::rules
