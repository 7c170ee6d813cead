#include <vector>

#include "engine/rule.h"
#include "pyupgrade/lru_cache.h"
#include "pyupgrade/edits.h"
#include "fix/importer.h"
#include "pyupgrade/semantic.h"

namespace lint::rules {

namespace {

constexpr std::string_view kDoc = R"(## What it does
Checks for `@functools.lru_cache(maxsize=None)` decorators. Only reported when `target-version`
is Python 3.9 or later.

## Why is this bad?
Python 3.9 added `functools.cache`, which is exactly an unbounded `lru_cache`, under a name that
says so (and it is a little faster).

## Example
```python
import functools

@functools.lru_cache(maxsize=None)
def fib(n): ...
```

Use instead:
```python
@functools.cache
def fib(n): ...
```

## Fix safety
The fix is unsafe when it would delete a comment.
)";

class LruCacheWithMaxsizeNone final : public Rule {
 public:
  void enter(TSNode node, Context& ctx) override {
    if (ctx.target_minor() >= 9) up::collect_lru_cache_calls(node, ctx, candidates_);
  }

  void finish(Context& ctx) override {
    const SemanticModel* m = ctx.semantic();
    if (!m) return;
    const up::Resolver resolve(*m, ctx);
    Importer importer(ctx, resolve.model());
    for (TSNode call : candidates_) {
      const Arguments args = up::call_arguments(call);
      if (!args.args.empty() || args.keywords.size() != 1) continue;
      const TSNode k = args.keywords[0];
      if (!is(k, "keyword_argument") || ctx.text(field(k, "name")) != "maxsize") continue;
      if (!is(unparenthesized(field(k, "value")), "none")) continue;
      const TSNode function = field(call, "function");
      if (resolve.qualified(function) != "functools.lru_cache") continue;
      Diagnostic& d = report(ctx, end_of(function), end_of(call),
                             "Use `@functools.cache` instead of `@functools.lru_cache(maxsize=None)`");
      d.fix_title = "Rewrite with `@functools.cache";
      const TSNode decorator = ts_node_parent(call);
      if (std::optional<ImportedSymbol> cache = importer.symbol_at({"functools", "cache", false}, start_of(decorator))) {
        const TSNode expr = first_named_child(decorator);
        std::vector<Edit> edits{Edit::replace(start_of(expr), end_of(expr), cache->name)};
        if (cache->edit) edits.push_back(std::move(*cache->edit));
        const bool comment = up::has_comment(expr, start_of(expr), end_of(expr));
        d.fix = Fix::with(comment ? Applicability::Unsafe : Applicability::Safe, std::move(edits));
      }
    }
  }

 private:
  std::vector<TSNode> candidates_;
};

}  // namespace

extern const RuleSpec lru_cache_with_maxsize_none{
    .code = "UP033",
    .name = "lru-cache-with-maxsize-none",
    .linter = "pyupgrade",
    .kinds = {"decorated_definition"},
    .doc = kDoc,
    .create = make_rule<LruCacheWithMaxsizeNone>(),
    .needs_semantic = true,
    .fix = FixAvailability::Always,
};

}  // namespace lint::rules
