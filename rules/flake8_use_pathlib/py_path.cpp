#include <vector>

#include "engine/rule.h"
#include "syntax/arguments.h"
#include "flake8_bugbear/helpers.h"
#include "pyupgrade/semantic.h"
#include "pyupgrade/mentions.h"

namespace lint::rules {

namespace {

constexpr std::string_view kDoc = R"(## What it does
Checks for calls of `py.path.local`, the path class of the `py` library.

## Why is this bad?
`py.path` is in maintenance mode: no new features, and the `py` package itself is deprecated.
The standard library's `pathlib` covers the same ground.

## Example
```python
import py.path

base = py.path.local("/tmp")
```

Use instead:
```python
from pathlib import Path

base = Path("/tmp")
```
)";

class PyPath final : public Rule {
 public:
  void enter(TSNode node, Context& ctx) override {
    if (mentioned_ < 0) mentioned_ = up::mentions_any(ctx.source(), {"local"});
    if (!mentioned_) return;
    // The name may be an alias (`from py.path import local as Local`).
    const TSNode function = callee(node, ctx);
    if (is(function, "identifier") || callee_name(node, ctx) == "local") candidates_.push_back(node);
  }

  void finish(Context& ctx) override {
    const SemanticModel* m = ctx.semantic();
    if (!m) return;
    const up::Resolver resolve(*m, ctx);
    for (TSNode call : candidates_) {
      const TSNode function = unparenthesized(field(call, "function"));
      if (resolve.qualified(function) != "py.path.local") continue;
      report(ctx, function, "`py.path` is in maintenance mode, use `pathlib` instead");
    }
  }

 private:
  std::vector<TSNode> candidates_;
  int mentioned_ = -1;  // whether the file writes a name the rule looks for (-1: not known yet)
};

}  // namespace

extern const RuleSpec py_path{
    .code = "PTH124",
    .name = "py-path",
    .linter = "flake8-use-pathlib",
    .kinds = {"call"},
    .doc = kDoc,
    .create = make_rule<PyPath>(),
    .needs_semantic = true,
};

}  // namespace lint::rules
