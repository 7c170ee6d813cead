#include "flake8_bugbear/helpers.h"

namespace lint::rules {

namespace {

using namespace bugbear;

constexpr std::string_view kDoc = R"(## What it does
Checks for `contextlib.suppress()` called without exception classes.

## Why is this bad?
`suppress` silences the exceptions it is given; given none, it silences nothing, and the `with`
statement around it does nothing but suggest that errors are being handled.

## Example
```python
import contextlib

with contextlib.suppress():
    remove(path)
```

Use instead:
```python
import contextlib

with contextlib.suppress(FileNotFoundError):
    remove(path)
```
)";

class UselessContextlibSuppress final : public Rule {
 public:
  void enter(TSNode node, Context& ctx) override {
    if (callee_name(node, ctx) != "suppress") return;
    if (call_arguments(node, ctx).args.empty()) candidates_.push_back(node);
  }

  void finish(Context& ctx) override {
    const SemanticModel* m = ctx.semantic();
    if (!m) return;
    const Resolver resolver(*m, ctx);
    for (const TSNode call : candidates_) {
      if (resolver.qualified_name(field(call, "function")) != "contextlib.suppress") continue;
      report(ctx, call,
             "No arguments passed to `contextlib.suppress`. No exceptions will be suppressed and therefore this context "
             "manager is redundant");
    }
  }

 private:
  std::vector<TSNode> candidates_;
};

}  // namespace

extern const RuleSpec useless_contextlib_suppress{
    .code = "B022",
    .name = "useless-contextlib-suppress",
    .linter = "flake8-bugbear",
    .kinds = {"call"},
    .doc = kDoc,
    .create = make_rule<UselessContextlibSuppress>(),
    .needs_semantic = true,
};

}  // namespace lint::rules
