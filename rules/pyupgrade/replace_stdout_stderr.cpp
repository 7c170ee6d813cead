#include <vector>

#include "engine/rule.h"
#include "pyupgrade/edits.h"
#include "pyupgrade/semantic.h"

namespace lint::rules {

namespace {

constexpr std::string_view kDoc = R"(## What it does
Checks for `subprocess.run` calls that send both `stdout` and `stderr` to `subprocess.PIPE`.

## Why is this bad?
Since Python 3.7, `capture_output=True` says the same in one argument.

## Example
```python
import subprocess

subprocess.run(["ls"], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
```

Use instead:
```python
subprocess.run(["ls"], capture_output=True)
```

## Fix safety
The fix is unsafe: it would be wrong where the code relies on the two keywords being there (a
`**kwargs` that also sets one of them, for example).
)";

class ReplaceStdoutStderr final : public Rule {
 public:
  void enter(TSNode node, Context& ctx) override {
    const TSNode list = field(node, "arguments");
    if (!ts_node_is_null(find_keyword(list, ctx, "stdout")) && !ts_node_is_null(find_keyword(list, ctx, "stderr"))) {
      candidates_.push_back(node);
    }
  }

  void finish(Context& ctx) override {
    const SemanticModel* m = ctx.semantic();
    if (!m) return;
    const up::Resolver resolve(*m, ctx);
    for (TSNode call : candidates_) {
      if (resolve.qualified(field(call, "function")) != "subprocess.run") continue;
      const Arguments args = up::call_arguments(call);
      const TSNode stdout_kw = args.keyword(ctx, "stdout");
      const TSNode stderr_kw = args.keyword(ctx, "stderr");
      if (resolve.qualified(field(stdout_kw, "value")) != "subprocess.PIPE" ||
          resolve.qualified(field(stderr_kw, "value")) != "subprocess.PIPE") {
        continue;
      }
      Diagnostic& d = report(ctx, call, "Prefer `capture_output` over sending `stdout` and `stderr` to `PIPE`");
      d.fix_title = "Replace with `capture_output` keyword argument";
      if (!ts_node_is_null(args.keyword(ctx, "capture_output"))) continue;
      const bool stdout_first = start_of(stdout_kw) < start_of(stderr_kw);
      const TSNode first = stdout_first ? stdout_kw : stderr_kw;
      const TSNode second = stdout_first ? stderr_kw : stdout_kw;
      std::optional<Edit> removal = up::remove_argument(second, args, up::Parentheses::Preserve, ctx);
      if (!removal) continue;
      d.fix = Fix::unsafe({Edit::replace(start_of(first), end_of(first), "capture_output=True"), std::move(*removal)});
    }
  }

 private:
  std::vector<TSNode> candidates_;
};

}  // namespace

extern const RuleSpec replace_stdout_stderr{
    .code = "UP022",
    .name = "replace-stdout-stderr",
    .linter = "pyupgrade",
    .kinds = {"call"},
    .doc = kDoc,
    .create = make_rule<ReplaceStdoutStderr>(),
    .needs_semantic = true,
    .fix = FixAvailability::Sometimes,
};

}  // namespace lint::rules
