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

class NonPep604AnnotationUnion final : public up::Pep604Rule {
 public:
  explicit NonPep604AnnotationUnion(const RuleOptions& options) : Pep604Rule(up::Pep604Op::Union, options, "X | Y") {}
};

}  // namespace

extern const RuleSpec non_pep604_annotation_union{
    .code = "UP007",
    .name = "non-pep604-annotation-union",
    .linter = "pyupgrade",
    .kinds = {"subscript", "generic_type", "string"},
    .doc = kDoc,
    .create = make_rule<NonPep604AnnotationUnion>(),
    .needs_semantic = true,
    .options = {up::kPep604KeepRuntimeTyping},
    .fix = FixAvailability::Sometimes,
};

}  // namespace lint::rules
