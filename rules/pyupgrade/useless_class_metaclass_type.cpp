#include <vector>

#include "engine/rule.h"
#include "pyupgrade/edits.h"
#include "pyupgrade/semantic.h"

namespace lint::rules {

namespace {

constexpr std::string_view kDoc = R"(## What it does
Checks for classes declared with `metaclass=type`.

## Why is this bad?
`type` is the metaclass of every class that does not name another one, so naming it changes
nothing.

## Example
```python
class Foo(metaclass=type):
    ...
```

Use instead:
```python
class Foo:
    ...
```

## Fix safety
The fix is unsafe when it would delete a comment.
)";

class UselessClassMetaclassType final : public Rule {
 public:
  void enter(TSNode node, Context& ctx) override {
    const Arguments args = arguments_of(field(node, "superclasses"));
    if (!ts_node_is_null(args.keyword(ctx, "metaclass"))) candidates_.push_back(node);
  }

  void finish(Context& ctx) override {
    const SemanticModel* m = ctx.semantic();
    if (!m) return;
    const up::Resolver resolve(*m, ctx);
    for (TSNode cls : candidates_) {
      const Arguments args = arguments_of(field(cls, "superclasses"));
      const std::string name(ctx.text(field(cls, "name")));
      for (TSNode k : args.keywords) {
        if (!is(k, "keyword_argument") || ctx.text(field(k, "name")) != "metaclass") continue;
        if (!resolve.match_builtin(field(k, "value"), "type")) continue;
        Diagnostic& d = report(ctx, k, "Class `" + name + "` uses `metaclass=type`, which is redundant");
        d.fix_title = "Remove `metaclass=type`";
        if (std::optional<Edit> e = up::remove_argument(k, args, up::Parentheses::Remove, ctx)) {
          const bool comment = up::has_comment(args.list, e->start, e->end);
          d.fix = Fix::with(comment ? Applicability::Unsafe : Applicability::Safe, {std::move(*e)});
        }
      }
    }
  }

 private:
  std::vector<TSNode> candidates_;
};

}  // namespace

extern const RuleSpec useless_class_metaclass_type{
    .code = "UP050",
    .name = "useless-class-metaclass-type",
    .linter = "pyupgrade",
    .kinds = {"class_definition"},
    .doc = kDoc,
    .create = make_rule<UselessClassMetaclassType>(),
    .needs_semantic = true,
    .fix = FixAvailability::Sometimes,
};

}  // namespace lint::rules
