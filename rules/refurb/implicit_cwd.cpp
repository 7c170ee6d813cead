#include <optional>
#include <string>
#include <vector>

#include "engine/rule.h"
#include "syntax/arguments.h"
#include "flake8_bugbear/helpers.h"
#include "fix/importer.h"
#include "pyupgrade/semantic.h"

namespace lint::rules {

namespace {

constexpr std::string_view kDoc = R"(## What it does
Checks for `Path().resolve()` and `Path(".").resolve()`, used to get the current directory.

## Why is this bad?
`Path.cwd()` says what is meant, and does not resolve symbolic links on the way.

## Example
```python
from pathlib import Path

here = Path().resolve()
```

Use instead:
```python
from pathlib import Path

here = Path.cwd()
```

## Fix safety
The fix is unsafe: `resolve()` also resolves symbolic links in the path, which `cwd()` does not
do, so the result may differ.
)";

class ImplicitCwd final : public Rule {
 public:
  void enter(TSNode node, Context& ctx) override {
    const CallArguments& args = call_arguments(node, ctx);
    if (!args.args.empty() || !args.keywords.empty()) return;
    if (!is(args.function, "attribute") || ctx.text(field(args.function, "attribute")) != "resolve") return;
    if (!is(unparenthesized(field(args.function, "object")), "call")) return;
    candidates_.push_back(node);
  }

  void finish(Context& ctx) override {
    const SemanticModel* m = ctx.semantic();
    if (!m) return;
    const up::Resolver resolve(*m, ctx);
    Importer importer(ctx, resolve.model());
    for (TSNode call : candidates_) {
      const TSNode inner = unparenthesized(field(unparenthesized(field(call, "function")), "object"));
      const CallArguments& args = call_arguments(inner, ctx);
      if (args.args.size() > 1) continue;
      if (args.args.size() == 1) {
        std::string value;
        if (!bugbear::is_str_literal(args.args[0], ctx) || !bugbear::str_literal_value(args.args[0], ctx, value)) continue;
        if (!value.empty() && value != ".") continue;
      }
      if (resolve.qualified(field(inner, "function")) != "pathlib.Path") continue;
      Diagnostic& d = report(ctx, call, "Prefer `Path.cwd()` over `Path().resolve()` for current-directory lookups");
      d.fix_title = "Replace `Path().resolve()` with `Path.cwd()`";
      const uint32_t start = ts_node_start_byte(call), end = ts_node_end_byte(call);
      const std::optional<ImportedSymbol> symbol = importer.symbol_at({"pathlib", "Path", false}, start);
      if (!symbol) continue;
      std::vector<Edit> edits{Edit::replace(start, end, symbol->name + ".cwd()")};
      if (symbol->edit) edits.push_back(std::move(*symbol->edit));
      d.fix = Fix::unsafe(std::move(edits));
    }
  }

 private:
  std::vector<TSNode> candidates_;
};

}  // namespace

extern const RuleSpec implicit_cwd{
    .code = "FURB177",
    .name = "implicit-cwd",
    .linter = "refurb",
    .kinds = {"call"},
    .doc = kDoc,
    .create = make_rule<ImplicitCwd>(),
    .needs_semantic = true,
    .fix = FixAvailability::Sometimes,
};

}  // namespace lint::rules
