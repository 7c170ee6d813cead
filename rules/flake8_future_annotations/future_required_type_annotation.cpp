#include <string>
#include <string_view>
#include <vector>

#include "engine/rule.h"
#include "flake8_future_annotations/annotations.h"
#include "pyupgrade/pep585.h"
#include "pyupgrade/semantic.h"
#include "pyupgrade/syntax.h"

namespace lint::rules {

namespace {

constexpr std::string_view kDoc = R"(## What it does
Checks for annotations that Python evaluates when the code runs and that use a spelling the
target version cannot evaluate: a subscripted standard collection (`list[int]`, PEP 585, from
Python 3.9) or a `|` union (`int | None`, PEP 604, from Python 3.10), in a module without
`from __future__ import annotations`.

## Why is this bad?
Parameter and return annotations, and the annotations of module and class variables, are
evaluated when the definition runs. On an older Python, `list[int]` raises `TypeError` there,
and so does `int | None`. With `from __future__ import annotations` (PEP 563) annotations are
kept as strings and never evaluated, so the new spellings work from Python 3.7 on.

Annotations of local variables, which Python never evaluates, and string annotations are not
reported. The rule respects `target-version`: PEP 585 collections are reported below Python
3.9, PEP 604 unions below Python 3.10.

## Example
```python
def first(values: list[int]) -> int | None:
    ...
```

Use instead:
```python
from __future__ import annotations


def first(values: list[int]) -> int | None:
    ...
```

## Fix safety
The fix adds `from __future__ import annotations` at the top of the module. It is unsafe: every
annotation in the module then stays a string at runtime, which changes what code that reads
`__annotations__` sees.
)";

class FutureRequiredTypeAnnotation final : public Rule {
 public:
  void enter(TSNode node, Context& ctx) override { annotations_.enter(node, ctx); }
  void leave(TSNode node, Context& ctx) override { annotations_.leave(node, ctx); }

  void finish(Context& ctx) override {
    const SemanticModel* m = ctx.semantic();
    const int minor = ctx.target_minor();
    if (!m || annotations_.out.empty() || m->future_annotations || m->is_stub || minor >= 10) return;
    const up::Resolver resolve(*m, ctx);
    annotations_.resolve(resolve, ctx);
    const Edit fix = fa::future_import_edit(ctx, *m);
    auto flag = [&](uint32_t start, uint32_t end, std::string_view reason) {
      Diagnostic& d = report(ctx, start, end, "Missing `from __future__ import annotations`, but uses " + std::string(reason));
      d.fix_title = std::string(fa::kFixTitle);
      d.fix = Fix::unsafe({fix});
    };
    for (const fa::Annotation& a : annotations_.out) {
      if (a.kind != fa::AnnotationKind::RuntimeEvaluated) continue;
      std::vector<TSNode> stack{a.type};
      while (!stack.empty()) {
        const TSNode n = stack.back();
        stack.pop_back();
        const std::string_view k = kind(n);
        if (k == "string" || k == "concatenated_string") continue;
        if (k == "union_type" || (k == "binary_operator" && is(field(n, "operator"), "|"))) {
          flag(start_of(n), end_of(n), "PEP 604 union");
        } else if (minor < 9 && (k == "subscript" || k == "generic_type")) {
          const up::Subscript s = up::as_subscript(n);
          // `*args: *tuple[int, ...]` parses as a subscript of `*tuple`: the collection is the
          // subscript after the star.
          const TSNode value = s && is(s.value, "list_splat") ? first_named_child(s.value) : s.value;
          if (s && !ts_node_is_null(value) && up::is_pep585_generic(resolve.qualified(value))) {
            flag(start_of(value), end_of(n), "PEP 585 collection");
          }
        }
        for (TSNode c : named_children(n)) stack.push_back(c);
      }
    }
  }

 private:
  fa::AnnotationCollector annotations_;
};

}  // namespace

extern const RuleSpec future_required_type_annotation{
    .code = "FA102",
    .name = "future-required-type-annotation",
    .linter = "flake8-future-annotations",
    .kinds = {std::begin(fa::kAnnotationKinds), std::end(fa::kAnnotationKinds)},
    .doc = kDoc,
    .create = make_rule<FutureRequiredTypeAnnotation>(),
    .needs_semantic = true,
    .fix = FixAvailability::Always,
};

}  // namespace lint::rules
