#include "flake8_comprehensions/calls.h"
#include "flake8_comprehensions/comparable.h"
#include "flake8_comprehensions/fixes.h"
#include "fix/generator.h"

namespace lint::rules {

namespace {

constexpr std::string_view kDoc = R"(## What it does
Checks for generator expressions passed to `set()`.

## Why is this bad?
A set comprehension says the same thing with less machinery: no generator object is created
only to be drained into a set. When the generator passes its items through unchanged
(`set(x for x in items)`), `set(items)` is simpler still.

## Example
```python
squares = set(n * n for n in range(10))
unique = set(x for x in items)
```

Use instead:
```python
squares = {n * n for n in range(10)}
unique = set(items)
```

## Fix safety
The fix is unsafe: it can drop comments inside the call.
)";

using flake8_comprehensions::CallShape;
using flake8_comprehensions::Comprehension;

class UnnecessaryGeneratorSet final : public flake8_comprehensions::CallRule {
 protected:
  bool wants(std::string_view callee) const override { return callee == "set"; }
  bool screen(const CallShape& call, const Context&) const override {
    return call.callee_is_name && call.args.size() == 1 && !call.has_keywords() &&
           is(call.value(0), "generator_expression");
  }
  void check(const CallShape& call, const SemanticModel& m, Context& ctx) override {
    if (!flake8_comprehensions::is_builtin_name(call.function, "set", m, ctx)) return;
    const Comprehension gen(call.value(0));
    const bool passthrough = gen.fors == 1 && gen.ifs == 0 && !gen.any_async &&
                             flake8_comprehensions::comparable(gen.body, ctx) ==
                                 flake8_comprehensions::comparable(gen.target, ctx);
    Diagnostic& d = report(ctx, call.call,
                           passthrough ? "Unnecessary generator (rewrite using `set()`)"
                                       : "Unnecessary generator (rewrite as a set comprehension)");
    d.fix_title = passthrough ? "Rewrite using `set()`" : "Rewrite as a set comprehension";
    const uint32_t start = ts_node_start_byte(call.call), end = ts_node_end_byte(call.call);
    if (passthrough) {
      d.fix = Fix::unsafe(Edit::replace(start, end, "set(" + std::string(ctx.original(gen.iter)) + ")"));
      return;
    }
    // `set(f(x) for x in y)` becomes `{f(x) for x in y}`; a generator with its own
    // parentheses is written anew without them.
    std::vector<Edit> edits{
        Edit::replace(start, ts_node_start_byte(call.list) + 1, flake8_comprehensions::pad_start("{", call.call, ctx)),
        Edit::replace(flake8_comprehensions::closing_start(call), end, flake8_comprehensions::pad_end("}", call.call, ctx))};
    if (!call.bare_generator) {
      const auto written = codegen::expression(call.value(0), ctx);
      if (!written || written->size() < 2) return;
      edits.push_back(Edit::replace(ts_node_start_byte(call.args[0]), ts_node_end_byte(call.args[0]),
                                    written->substr(1, written->size() - 2)));
    }
    d.fix = Fix::unsafe(std::move(edits));
  }
};

}  // namespace

extern const RuleSpec unnecessary_generator_set{
    .code = "C401",
    .name = "unnecessary-generator-set",
    .linter = "flake8-comprehensions",
    .kinds = {"call"},
    .doc = kDoc,
    .create = make_rule<UnnecessaryGeneratorSet>(),
    .needs_semantic = true,
    .fix = FixAvailability::Always,
};

}  // namespace lint::rules
