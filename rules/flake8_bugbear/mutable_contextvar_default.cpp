#include "flake8_bugbear/immutability.h"

namespace lint::rules {

namespace {

using namespace bugbear;

constexpr std::string_view kDoc = R"(## What it does
Checks for `contextvars.ContextVar` created with a mutable `default`: a list, dict or set
display or comprehension, or a call not known to return an immutable value.

## Why is this bad?
The default is one object, returned by `get()` in every context that has not set the variable.
Mutating it in one context changes it for all of them, which defeats the point of a context
variable. A call as default is evaluated once, too.

Calls named in the `extend-immutable-calls` option of `[flake8-bugbear]` are accepted.

## Example
```python
from contextvars import ContextVar

handlers: ContextVar[list] = ContextVar("handlers", default=[])
```

Use instead:
```python
from contextvars import ContextVar

handlers: ContextVar[list | None] = ContextVar("handlers", default=None)


def current_handlers():
    if (value := handlers.get()) is None:
        value = []
        handlers.set(value)
    return value
```
)";

class MutableContextvarDefault final : public Rule {
 public:
  explicit MutableContextvarDefault(const RuleOptions& options) : extend_(immutable_calls_option(options)) {}

  void enter(TSNode node, Context& ctx) override {
    const TSNode func = map_subscript(field(node, "function"));
    const std::string_view k = kind_of(func);
    const std::string_view name = k == "identifier"  ? ctx.text(func)
                                  : k == "attribute" ? ctx.text(field(func, "attribute"))
                                                     : std::string_view();
    if (name != "ContextVar") return;
    const TSNode value = call_arguments(node, ctx).keyword_value("default", ctx);
    if (!ts_node_is_null(value)) candidates_.push_back({node, value});
  }

  void finish(Context& ctx) override {
    const SemanticModel* m = ctx.semantic();
    if (!m) return;
    const Resolver resolver(*m, ctx);
    const Immutability immutability(resolver, ctx, extend_);
    for (const auto& [call, value] : candidates_) {
      const TSNode v = unparenthesized(value);
      bool mutable_default = immutability.is_mutable_expr(v);
      if (!mutable_default && is_a(v, "call")) {
        const TSNode func = unparenthesized(field(v, "function"));
        mutable_default = !immutability.is_mutable_func(func) && !immutability.is_immutable_func(func);
      }
      if (!mutable_default) continue;
      if (resolver.qualified_name(map_subscript(field(call, "function"))) != "contextvars.ContextVar") continue;
      Diagnostic& d = report(ctx, v, "Do not use mutable data structures for `ContextVar` defaults");
      d.fix_title = "Replace with `None`; initialize with `.set()``";
    }
  }

 private:
  struct Candidate {
    TSNode call;
    TSNode value;
  };
  std::vector<std::string> extend_;
  std::vector<Candidate> candidates_;
};

}  // namespace

extern const RuleSpec mutable_contextvar_default{
    .code = "B039",
    .name = "mutable-contextvar-default",
    .linter = "flake8-bugbear",
    .kinds = {"call"},
    .doc = kDoc,
    .create = make_rule<MutableContextvarDefault>(),
    .needs_semantic = true,
    .options = {{"extend-immutable-calls", RuleOption::Type::Strings, "[]", kExtendImmutableCallsDoc}},
};

}  // namespace lint::rules
