#include <vector>

#include "engine/rule.h"
#include "pyupgrade/edits.h"
#include "fix/importer.h"
#include "pyupgrade/semantic.h"

namespace lint::rules {

namespace {

constexpr std::string_view kDoc = R"(## What it does
Checks for uses of `datetime.timezone.utc`. Only reported when `target-version` is Python 3.11
or later.

## Why is this bad?
Python 3.11 added `datetime.UTC`, a shorter alias of the same object.

## Example
```python
import datetime

now = datetime.datetime.now(tz=datetime.timezone.utc)
```

Use instead:
```python
now = datetime.datetime.now(tz=datetime.UTC)
```

## Fix safety
The fix is unsafe when it would delete a comment.
)";

class DatetimeTimezoneUtc final : public Rule {
 public:
  void enter(TSNode node, Context& ctx) override {
    if (ctx.target_minor() >= 11 && ctx.text(field(node, "attribute")) == "utc") candidates_.push_back(node);
  }

  void finish(Context& ctx) override {
    const SemanticModel* m = ctx.semantic();
    if (!m) return;
    const up::Resolver resolve(*m, ctx);
    Importer importer(ctx, resolve.model());
    for (TSNode n : candidates_) {
      if (resolve.qualified(n) != "datetime.timezone.utc") continue;
      Diagnostic& d = report(ctx, n, "Use `datetime.UTC` alias");
      d.fix_title = "Convert to `datetime.UTC` alias";
      const std::optional<ImportedSymbol> utc = importer.symbol_at({"datetime", "UTC", true}, start_of(n));
      if (!utc) continue;
      std::vector<Edit> edits{Edit::replace(start_of(n), end_of(n), utc->name)};
      if (utc->edit) edits.push_back(std::move(*utc->edit));
      const bool comment = up::has_comment(n, start_of(n), end_of(n));
      d.fix = Fix::with(comment ? Applicability::Unsafe : Applicability::Safe, std::move(edits));
    }
  }

 private:
  std::vector<TSNode> candidates_;
};

}  // namespace

extern const RuleSpec datetime_timezone_utc{
    .code = "UP017",
    .name = "datetime-timezone-utc",
    .linter = "pyupgrade",
    .kinds = {"attribute"},
    .doc = kDoc,
    .create = make_rule<DatetimeTimezoneUtc>(),
    .needs_semantic = true,
    .fix = FixAvailability::Sometimes,
};

}  // namespace lint::rules
