#include "flake8_bugbear/immutability.h"

namespace lint::rules {

namespace {

using namespace bugbear;

constexpr std::string_view kDoc = R"(## What it does
Checks for function calls in the default values of parameters, of functions and lambdas.

## Why is this bad?
A default value is computed once, when the `def` runs, and shared by every call that uses it.
A call there looks like it runs per call, but it does not: its result is fixed at import time
(a timestamp stays the same), and a mutable result is shared between calls.

Calls known to return immutable values (`int()`, `tuple()`, `datetime.timedelta()`,
`re.compile()`, `operator.itemgetter()`...) are not reported, nor calls of a `NewType` over an
immutable type, nor defaults of parameters annotated with an immutable type. Calls of mutable
constructors (`list()`, `dict()`...) are B006's. The `extend-immutable-calls` option of
`[flake8-bugbear]` names further calls to accept (`fastapi.Depends`).

## Example
```python
def log(message, when=time.time()):
    ...
```

Use instead:
```python
def log(message, when=None):
    if when is None:
        when = time.time()
```
)";

class FunctionCallInDefaultArgument final : public Rule {
 public:
  explicit FunctionCallInDefaultArgument(const RuleOptions& options) : extend_(immutable_calls_option(options)) {}

  void enter(TSNode node, Context&) override {
    const TSNode parameters = field(node, "parameters");
    if (ts_node_is_null(parameters)) return;
    for_each_named_child(parameters, [&](TSNode p) {
      const std::string_view k = kind(p);
      if (k == "default_parameter") defaults_.push_back({field(p, "value"), TSNode{}});
      else if (k == "typed_default_parameter") defaults_.push_back({field(p, "value"), field(p, "type")});
    });
  }

  void finish(Context& ctx) override {
    const SemanticModel* m = ctx.semantic();
    if (!m || defaults_.empty()) return;
    const Resolver resolver(*m, ctx, /*deferred=*/true);
    const Immutability immutability(resolver, ctx, extend_);
    std::vector<TSNode> stack;
    for (const Default& d : defaults_) {
      if (ts_node_is_null(d.value)) continue;
      if (!ts_node_is_null(d.annotation) && immutability.is_immutable_annotation(d.annotation)) continue;
      // Every call in the default, nested ones too, but not in lambdas (they run later).
      stack.assign(1, d.value);
      std::vector<TSNode> calls;
      while (!stack.empty()) {
        const TSNode n = stack.back();
        stack.pop_back();
        const std::string_view k = kind(n);
        if (k == "lambda") continue;
        if (k == "call") calls.push_back(n);
        for (TSNode c : children(n)) {
          if (is_named_child(c)) stack.push_back(c);
        }
      }
      for (const TSNode call : calls) check(call, resolver, immutability, ctx);
    }
  }

 private:
  struct Default {
    TSNode value;
    TSNode annotation;
  };

  void check(TSNode call, const Resolver&, const Immutability& immutability, Context& ctx) const {
    const TSNode func = unparenthesized(field(call, "function"));
    if (immutability.is_mutable_func(func) || immutability.is_immutable_func(func)) return;
    if (is_a(func, "identifier") && immutability.is_immutable_newtype_call(func)) return;
    std::string name;
    std::string message = unqualified_name(func, ctx, name)
                              ? "Do not perform function call `" + name + "` in argument defaults; "
                              : std::string("Do not perform function call in argument defaults; ");
    message += "instead, perform the call within the function, or read the default from a module-level singleton variable";
    report(ctx, call, std::move(message));
  }

  std::vector<std::string> extend_;
  std::vector<Default> defaults_;
};

}  // namespace

extern const RuleSpec function_call_in_default_argument{
    .code = "B008",
    .name = "function-call-in-default-argument",
    .linter = "flake8-bugbear",
    .kinds = {"function_definition", "lambda"},
    .doc = kDoc,
    .create = make_rule<FunctionCallInDefaultArgument>(),
    .needs_semantic = true,
    .options = {{"extend-immutable-calls", RuleOption::Type::Strings, "[]", kExtendImmutableCallsDoc}},
};

}  // namespace lint::rules
