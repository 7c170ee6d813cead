#include <algorithm>
#include <array>
#include <map>
#include <string>
#include <vector>

#include "engine/rule.h"
#include "pyupgrade/edits.h"

namespace lint::rules {

namespace {

constexpr std::string_view kDoc = R"(## What it does
Checks for `__future__` imports of features that every Python 3 version lint targets has:
`nested_scopes`, `generators`, `with_statement`, `division`, `absolute_import`,
`print_function`, `unicode_literals` and `generator_stop`.

## Why is this bad?
Those features are on by default in Python 3 (`generator_stop` since Python 3.7); importing them
from `__future__` changes nothing.

## Example
```python
from __future__ import print_function

print("Hello, world!")
```

Use instead:
```python
print("Hello, world!")
```

## Fix safety
The fix is unsafe when it would delete a comment.
)";

constexpr std::array<std::string_view, 8> kObsolete = {"nested_scopes", "generators", "with_statement", "division",
                                                       "absolute_import", "print_function", "unicode_literals",
                                                       "generator_stop"};

class UnnecessaryFutureImport final : public Rule {
 public:
  void enter(TSNode node, Context&) override { statements_.push_back(node); }

  void finish(Context& ctx) override {
    const SemanticModel* m = ctx.semantic();
    if (!m) return;
    for (TSNode stmt : statements_) {
      std::vector<std::string_view> names;
      for (TSNode alias : up::import_aliases(stmt)) {
        if (is(alias, "aliased_import")) continue;
        const std::string_view name = ctx.text(alias);
        if (std::find(kObsolete.begin(), kObsolete.end(), name) == kObsolete.end()) continue;
        // Only when nothing reads the name the import binds.
        const Binding* b = nullptr;
        for (const Binding& candidate : m->bindings) {
          if (candidate.start == start_of(alias) && candidate.kind == BindingKind::FutureImport) b = &candidate;
        }
        if (b && b->uses > 0) continue;
        names.push_back(name);
      }
      if (names.empty()) continue;
      std::sort(names.begin(), names.end());
      std::string message;
      if (names.size() == 1) {
        message = "Unnecessary `__future__` import `" + std::string(names[0]) + "` for target Python version";
      } else {
        message = "Unnecessary `__future__` imports ";
        for (size_t i = 0; i < names.size(); ++i) message += (i ? ", `" : "`") + std::string(names[i]) + "`";
        message += " for target Python version";
      }
      Diagnostic& d = report(ctx, stmt, message);
      d.fix_title = "Remove unnecessary `__future__` import";
      Edit edit = up::remove_unused_imports(stmt, names, ctx);
      const bool comment = up::has_comment(ctx.root(), edit.start, edit.end);
      d.fix = Fix::with(comment ? Applicability::Unsafe : Applicability::Safe, {std::move(edit)});
      d.fix->isolate(up::isolation_of(stmt));
    }
  }

 private:
  std::vector<TSNode> statements_;
};

}  // namespace

extern const RuleSpec unnecessary_future_import{
    .code = "UP010",
    .name = "unnecessary-future-import",
    .linter = "pyupgrade",
    .kinds = {"future_import_statement"},
    .doc = kDoc,
    .create = make_rule<UnnecessaryFutureImport>(),
    .needs_semantic = true,
    .fix = FixAvailability::Always,
};

}  // namespace lint::rules
