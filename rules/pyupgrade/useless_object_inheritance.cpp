#include <vector>

#include "engine/rule.h"
#include "pyupgrade/edits.h"
#include "pyupgrade/semantic.h"

namespace lint::rules {

namespace {

constexpr std::string_view kDoc = R"(## What it does
Checks for classes that list `object` among their bases.

## Why is this bad?
In Python 3 every class derives from `object`; saying so is a leftover from Python 2, where it
made the difference between old-style and new-style classes.

## Example
```python
class Point(object):
    ...
```

Use instead:
```python
class Point:
    ...
```

## Fix safety
The fix is unsafe when it would delete a comment.
)";

class UselessObjectInheritance final : public Rule {
 public:
  void enter(TSNode node, Context& ctx) override {
    const Arguments bases = arguments_of(field(node, "superclasses"));
    for (TSNode base : bases.args) {
      const TSNode expr = unparenthesized(base);
      if (is(expr, "identifier") ? ctx.text(expr) == "object" : is(expr, "attribute")) {
        candidates_.push_back(node);
        return;
      }
    }
  }

  void finish(Context& ctx) override {
    const SemanticModel* m = ctx.semantic();
    if (!m) return;
    const up::Resolver resolve(*m, ctx);
    for (TSNode cls : candidates_) {
      const Arguments bases = arguments_of(field(cls, "superclasses"));
      const std::string name(ctx.text(field(cls, "name")));
      for (TSNode base : bases.args) {
        if (!resolve.match_builtin(base, "object")) continue;
        Diagnostic& d = report(ctx, unparenthesized(base), "Class `" + name + "` inherits from `object`");
        d.fix_title = "Remove `object` inheritance";
        if (std::optional<Edit> e = up::remove_argument(base, bases, up::Parentheses::Remove, ctx)) {
          const bool comment = up::has_comment(bases.list, e->start, e->end);
          d.fix = Fix::with(comment ? Applicability::Unsafe : Applicability::Safe, {std::move(*e)});
        }
      }
    }
  }

 private:
  std::vector<TSNode> candidates_;
};

}  // namespace

extern const RuleSpec useless_object_inheritance{
    .code = "UP004",
    .name = "useless-object-inheritance",
    .linter = "pyupgrade",
    .kinds = {"class_definition"},
    .doc = kDoc,
    .create = make_rule<UselessObjectInheritance>(),
    .needs_semantic = true,
    .fix = FixAvailability::Always,
};

}  // namespace lint::rules
