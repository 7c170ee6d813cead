#include "engine/rule.h"
#include "pyupgrade/pep604.h"

namespace lint::rules {

namespace {

constexpr std::string_view kDoc = R"(## What it does
Checks for `typing.Optional[X]` where `X | None` (PEP 604) can be written.

## Why is this bad?
Since Python 3.10, `X | None` says the same without an import, and says it plainly: the value
may be `None`.

The rule runs when the target version is 3.10 or later, and on 3.7 to 3.9 for annotations in a
module with `from __future__ import annotations` (unless `keep-runtime-typing` is set). Only
annotations and the brackets of `typing` generics are fixed.

## Example
```python
from typing import Optional

def find(key: str) -> Optional[int]:
    ...
```

Use instead:
```python
def find(key: str) -> int | None:
    ...
```

## Fix safety
The fix is unsafe when the target version is older than 3.10 (libraries that evaluate
annotations at runtime may fail on `|`) and when comments inside the expression would be lost.
)";

class NonPep604AnnotationOptional final : public up::Pep604Rule {
 public:
  explicit NonPep604AnnotationOptional(const RuleOptions& options) : Pep604Rule(up::Pep604Op::Optional, options, "X | None") {}
};

}  // namespace

extern const RuleSpec non_pep604_annotation_optional{
    .code = "UP045",
    .name = "non-pep604-annotation-optional",
    .linter = "pyupgrade",
    .kinds = {"subscript", "generic_type", "string"},
    .doc = kDoc,
    .create = make_rule<NonPep604AnnotationOptional>(),
    .needs_semantic = true,
    .options = {up::kPep604KeepRuntimeTyping},
    .fix = FixAvailability::Sometimes,
};

}  // namespace lint::rules
