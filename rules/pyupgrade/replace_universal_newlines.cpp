#include <vector>

#include "engine/rule.h"
#include "pyupgrade/edits.h"
#include "pyupgrade/semantic.h"

namespace lint::rules {

namespace {

constexpr std::string_view kDoc = R"(## What it does
Checks for `subprocess.run` calls that pass `universal_newlines`.

## Why is this bad?
`universal_newlines` was renamed `text` in Python 3.7, a name that says what it does; the old
one remains only for backward compatibility.

## Example
```python
import subprocess

subprocess.run(["ls"], universal_newlines=True)
```

Use instead:
```python
subprocess.run(["ls"], text=True)
```
)";

class ReplaceUniversalNewlines final : public Rule {
 public:
  void enter(TSNode node, Context& ctx) override {
    if (!ts_node_is_null(find_keyword(field(node, "arguments"), ctx, "universal_newlines"))) candidates_.push_back(node);
  }

  void finish(Context& ctx) override {
    const SemanticModel* m = ctx.semantic();
    if (!m) return;
    const up::Resolver resolve(*m, ctx);
    for (TSNode call : candidates_) {
      if (resolve.qualified(field(call, "function")) != "subprocess.run") continue;
      const Arguments args = up::call_arguments(call);
      const TSNode keyword = args.keyword(ctx, "universal_newlines");
      const TSNode name = field(keyword, "name");
      Diagnostic& d = report(ctx, name, "`universal_newlines` is deprecated, use `text`");
      d.fix_title = "Replace with `text` keyword argument";
      if (!ts_node_is_null(args.keyword(ctx, "text"))) {
        if (std::optional<Edit> e = up::remove_argument(keyword, args, up::Parentheses::Preserve, ctx)) {
          d.fix = Fix::safe(std::move(*e));
        }
      } else {
        d.fix = Fix::safe(Edit::replace(start_of(name), end_of(name), "text"));
      }
    }
  }

 private:
  std::vector<TSNode> candidates_;
};

}  // namespace

extern const RuleSpec replace_universal_newlines{
    .code = "UP021",
    .name = "replace-universal-newlines",
    .linter = "pyupgrade",
    .kinds = {"call"},
    .doc = kDoc,
    .create = make_rule<ReplaceUniversalNewlines>(),
    .needs_semantic = true,
    .fix = FixAvailability::Always,
};

}  // namespace lint::rules
