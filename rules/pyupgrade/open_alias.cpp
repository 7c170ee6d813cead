#include <vector>

#include "engine/rule.h"
#include "pyupgrade/edits.h"
#include "fix/importer.h"
#include "pyupgrade/semantic.h"

namespace lint::rules {

namespace {

constexpr std::string_view kDoc = R"(## What it does
Checks for calls of `io.open`.

## Why is this bad?
In Python 3, `io.open` is the builtin `open`; calling the builtin is simpler and reads the same
everywhere.

## Example
```python
import io

with io.open("notes.txt") as f:
    ...
```

Use instead:
```python
with open("notes.txt") as f:
    ...
```
)";

class OpenAlias final : public Rule {
 public:
  void enter(TSNode node, Context& ctx) override {
    const TSNode function = callee(node, ctx);
    const TSNode name = is(function, "attribute") ? field(function, "attribute") : function;
    if (is(name, "identifier") && ctx.text(name) == "open") candidates_.push_back(node);
  }

  void finish(Context& ctx) override {
    const SemanticModel* m = ctx.semantic();
    if (!m) return;
    const up::Resolver resolve(*m, ctx);
    Importer importer(ctx, resolve.model());
    for (TSNode call : candidates_) {
      const TSNode function = unparenthesized(field(call, "function"));
      if (resolve.qualified(function) != "io.open") continue;
      Diagnostic& d = report(ctx, call, "Use builtin `open`");
      d.fix_title = "Replace with builtin `open`";
      if (std::optional<ImportedSymbol> open = importer.builtin_symbol("open", start_of(call))) {
        const bool comment = up::has_comment(function, start_of(function), end_of(function));
        std::vector<Edit> edits{Edit::replace(start_of(function), end_of(function), open->name)};
        if (open->edit) edits.push_back(std::move(*open->edit));
        d.fix = Fix::with(comment ? Applicability::Unsafe : Applicability::Safe, std::move(edits));
      }
    }
  }

 private:
  std::vector<TSNode> candidates_;
};

}  // namespace

extern const RuleSpec open_alias{
    .code = "UP020",
    .name = "open-alias",
    .linter = "pyupgrade",
    .kinds = {"call"},
    .doc = kDoc,
    .create = make_rule<OpenAlias>(),
    .needs_semantic = true,
    .fix = FixAvailability::Sometimes,
};

}  // namespace lint::rules
