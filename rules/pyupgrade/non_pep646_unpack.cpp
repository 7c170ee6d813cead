#include <string>
#include <vector>

#include "engine/rule.h"
#include "pyupgrade/semantic.h"
#include "pyupgrade/syntax.h"
#include "pyupgrade/typing_context.h"

namespace lint::rules {

namespace {

constexpr std::string_view kDoc = R"(## What it does
Checks for `Unpack[...]` from `typing` or `typing_extensions` where the `*` operator of PEP 646
can be written instead: in the brackets of a subscript, and as the annotation of `*args`.

## Why is this bad?
Since Python 3.11, `*Ts` unpacks a variadic type directly: `tuple[*Ts]` reads as what it means
and needs no import. The rule runs when the target version is 3.11 or later.

## Example
```python
from typing import Unpack

def accumulate(*values: Unpack[Ts]) -> tuple[Unpack[Ts]]: ...
```

Use instead:
```python
def accumulate(*values: *Ts) -> tuple[*Ts]: ...
```

## Fix safety
The fix is unsafe: `Unpack` and `*` are not interchangeable everywhere (`**kwargs: Unpack[TD]`
has no star form, and tools that read annotations at runtime may see a different object).
)";

class NonPep646Unpack final : public Rule {
 public:
  void enter(TSNode node, Context& ctx) override {
    if (ctx.target_minor() < 11) return;
    const up::Subscript s = up::as_subscript(node);
    if (!s || ts_node_is_null(s.value) || !ctx.text(s.value).ends_with("Unpack")) return;
    if (s.elements.size() != 1) return;
    const std::string_view k = kind(up::expr_of(s.elements[0]));
    if (k != "identifier" && k != "attribute" && k != "subscript" && k != "generic_type") return;
    if (!up::is_subscript_index(node) && !up::is_vararg_annotation(node)) return;
    candidates_.push_back(node);
  }

  void finish(Context& ctx) override {
    const SemanticModel* m = ctx.semantic();
    if (!m || candidates_.empty() || !up::seen_typing(*m)) return;
    const up::Resolver resolve(*m, ctx);
    for (TSNode n : candidates_) {
      const up::Subscript s = up::as_subscript(n);
      if (!resolve.match_typing(s.value, "Unpack")) continue;
      Diagnostic& d = report(ctx, n, "Use `*` for unpacking");
      d.fix_title = "Convert to `*` for unpacking";
      const TSNode slice = up::expr_of(s.elements[0]);
      d.fix = Fix::unsafe(Edit::replace(start_of(n), end_of(n), "*" + std::string(ctx.original(slice))));
    }
  }

 private:
  std::vector<TSNode> candidates_;
};

}  // namespace

extern const RuleSpec non_pep646_unpack{
    .code = "UP044",
    .name = "non-pep646-unpack",
    .linter = "pyupgrade",
    .kinds = {"subscript", "generic_type"},
    .doc = kDoc,
    .create = make_rule<NonPep646Unpack>(),
    .needs_semantic = true,
    .fix = FixAvailability::Always,
};

}  // namespace lint::rules
