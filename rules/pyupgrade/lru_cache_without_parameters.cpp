#include <vector>

#include "engine/rule.h"
#include "pyupgrade/lru_cache.h"
#include "pyupgrade/semantic.h"

namespace lint::rules {

namespace {

constexpr std::string_view kDoc = R"(## What it does
Checks for `@functools.lru_cache()` decorators called without arguments. Only reported when
`target-version` is Python 3.8 or later.

## Why is this bad?
Since Python 3.8, `lru_cache` can decorate a function directly; the empty call adds nothing.

## Example
```python
import functools

@functools.lru_cache()
def fib(n): ...
```

Use instead:
```python
@functools.lru_cache
def fib(n): ...
```
)";

class LruCacheWithoutParameters final : public Rule {
 public:
  void enter(TSNode node, Context& ctx) override {
    if (ctx.target_minor() >= 8) up::collect_lru_cache_calls(node, ctx, candidates_);
  }

  void finish(Context& ctx) override {
    const SemanticModel* m = ctx.semantic();
    if (!m) return;
    const up::Resolver resolve(*m, ctx);
    for (TSNode call : candidates_) {
      const TSNode list = field(call, "arguments");
      if (!arguments_of(list).empty()) continue;
      const TSNode function = field(call, "function");
      if (resolve.qualified(function) != "functools.lru_cache") continue;
      Diagnostic& d = report(ctx, end_of(function), end_of(call), "Unnecessary parentheses to `functools.lru_cache`");
      d.fix_title = "Remove unnecessary parentheses";
      d.fix = Fix::safe(Edit::deletion(start_of(list), end_of(list)));
    }
  }

 private:
  std::vector<TSNode> candidates_;
};

}  // namespace

extern const RuleSpec lru_cache_without_parameters{
    .code = "UP011",
    .name = "lru-cache-without-parameters",
    .linter = "pyupgrade",
    .kinds = {"decorated_definition"},
    .doc = kDoc,
    .create = make_rule<LruCacheWithoutParameters>(),
    .needs_semantic = true,
    .fix = FixAvailability::Always,
};

}  // namespace lint::rules
