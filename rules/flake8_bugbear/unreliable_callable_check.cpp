#include "fix/importer.h"
#include "flake8_bugbear/fixes.h"

namespace lint::rules {

namespace {

using namespace bugbear;

constexpr std::string_view kDoc = R"(## What it does
Checks for `hasattr(x, "__call__")` and `getattr(x, "__call__", ...)` used to tell whether `x`
can be called.

## Why is this bad?
An object can define `__getattr__` so that `hasattr(x, "__call__")` says yes while calling it
fails, and a class is callable through its metaclass whatever its instances define. The
builtin `callable()` asks the question Python itself asks.

## Example
```python
if hasattr(handler, "__call__"):
    handler()
```

Use instead:
```python
if callable(handler):
    handler()
```

## Fix safety
The fix replaces `hasattr(x, "__call__")` with `callable(x)`. It is unsafe: the two can answer
differently for objects that customize attribute access, which the code may rely on. Where
`callable` is bound to something else, the fix writes `builtins.callable` (importing `builtins`
if needed).
)";

class UnreliableCallableCheck final : public Rule {
 public:
  void enter(TSNode node, Context& ctx) override {
    const std::string_view name = callee_name(node, ctx);
    if (name != "hasattr" && name != "getattr") return;
    const CallArguments& call = call_arguments(node, ctx);
    if (!call.keywords.empty() || call.args.size() < 2) return;
    std::string value;
    if (!str_literal_value(call.args[1], ctx, value) || value != "__call__") return;
    candidates_.push_back(node);
  }

  void finish(Context& ctx) override {
    const SemanticModel* m = ctx.semantic();
    if (!m) return;
    const Resolver resolver(*m, ctx);
    Importer importer(ctx, *m);
    for (const TSNode node : candidates_) {
      const CallArguments& call = call_arguments(node, ctx);
      const std::string builtin = resolver.builtin_symbol(call.function);
      const size_t n = call.args.size();
      if (!((builtin == "hasattr" && n == 2) || (builtin == "getattr" && (n == 2 || n == 3)))) continue;
      const TSNode object = unparenthesized(call.args[0]);
      Diagnostic& d = report(ctx, node,
                             "Using `hasattr(x, \"__call__\")` to test if x is callable is unreliable. Use `callable(x)` for "
                             "consistent results.");
      d.fix_title = "Replace with `callable()`";
      if (builtin != "hasattr") continue;
      if (const std::optional<ImportedSymbol> callable = importer.builtin_symbol("callable", ts_node_start_byte(node))) {
        d.fix = Fix::unsafe(callable->edits_with(Edit::replace(ts_node_start_byte(node), ts_node_end_byte(node),
                                                               callable->name + "(" + std::string(ctx.original(object)) + ")")));
      }
    }
  }

 private:
  std::vector<TSNode> candidates_;
};

}  // namespace

extern const RuleSpec unreliable_callable_check{
    .code = "B004",
    .name = "unreliable-callable-check",
    .linter = "flake8-bugbear",
    .kinds = {"call"},
    .doc = kDoc,
    .create = make_rule<UnreliableCallableCheck>(),
    .needs_semantic = true,
    .fix = FixAvailability::Sometimes,
};

}  // namespace lint::rules
