#include "engine/rule.h"
#include "pyupgrade/pep604.h"

namespace lint::rules {

namespace {

constexpr std::string_view kDoc = R"(## What it does
Checks for `typing.Union[X, Y]` where `X | Y` (PEP 604) can be written.

## Why is this bad?
Since Python 3.10, `X | Y` spells a union without an import and reads like the set of types it
is.

The rule runs when the target version is 3.10 or later, and on 3.7 to 3.9 for annotations in a
module with `from __future__ import annotations` (unless `keep-runtime-typing` is set). Only
annotations and the brackets of `typing` generics are fixed: elsewhere `X | Y` may be evaluated
on a Python that cannot do it.

## Example
```python
from typing import Union

def parse(value: Union[int, str]) -> None:
    ...
```

Use instead:
```python
def parse(value: int | str) -> None:
    ...
```

## Fix safety
The fix is unsafe when the target version is older than 3.10 (libraries that evaluate
annotations at runtime may fail on `|`) and when comments inside the expression would be lost.
)";

class NonPep604AnnotationUnion final : public Rule {
 public:
  explicit NonPep604AnnotationUnion(const RuleOptions& options)
      : check_(up::Pep604Op::Union, options.boolean("keep-runtime-typing")) {}
  void enter(TSNode node, Context& ctx) override { check_.enter(node, ctx); }
  void finish(Context& ctx) override {
    check_.finish(ctx, [this](Context& c, TSNode n) -> Diagnostic& {
      Diagnostic& d = report(c, n, "Use `X | Y` for type annotations");
      d.fix_title = "Convert to `X | Y`";
      return d;
    });
  }

 private:
  up::Pep604Check check_;
};

}  // namespace

extern const RuleSpec non_pep604_annotation_union{
    .code = "UP007",
    .name = "non-pep604-annotation-union",
    .linter = "pyupgrade",
    .kinds = {"subscript", "generic_type", "type"},
    .doc = kDoc,
    .create = make_rule<NonPep604AnnotationUnion>(),
    .needs_semantic = true,
    .options = {{"keep-runtime-typing", RuleOption::Type::Bool, "false",
                 "Whether to keep `typing` spellings on Python 3.7 to 3.9 in modules with `from __future__ import annotations`, for code that evaluates annotations at runtime."}},
    .fix = FixAvailability::Sometimes,
};

}  // namespace lint::rules
