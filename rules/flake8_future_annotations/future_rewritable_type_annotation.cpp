#include <algorithm>
#include <cctype>
#include <string>
#include <string_view>
#include <vector>

#include "engine/rule.h"
#include "flake8_future_annotations/annotations.h"
#include "pyupgrade/pep585.h"
#include "pyupgrade/semantic.h"
#include "pyupgrade/syntax.h"
#include "pyupgrade/typing_context.h"

namespace lint::rules {

namespace {

constexpr std::string_view kDoc = R"(## What it does
Checks for annotations that spell a type with a `typing` alias (`List[int]`, `Optional[str]`,
`Union[int, str]`) in a module without `from __future__ import annotations`, when the target
version is older than the one that brought the shorter spelling.

## Why is this bad?
PEP 585 (Python 3.9) lets the standard collections be subscripted (`list[int]`), and PEP 604
(Python 3.10) writes unions as `int | str`. On older versions the short spellings work in
annotations only when annotations are not evaluated, which is what
`from __future__ import annotations` (PEP 563) arranges. With the import in place, pyupgrade's
UP006, UP007 and UP045 can rewrite these annotations even for Python 3.7 and 3.8.

The rule respects `target-version`: `typing` collection aliases are reported below Python 3.9,
`Optional` and `Union` below Python 3.10. Nothing is reported when `keep-runtime-typing` is set
in `[pyupgrade]`.

## Example
```python
from typing import List, Optional


def first(values: List[int]) -> Optional[int]:
    ...
```

Use instead:
```python
from __future__ import annotations

from typing import List, Optional


def first(values: List[int]) -> Optional[int]:
    ...
```

## Fix safety
The fix adds `from __future__ import annotations` at the top of the module. It is unsafe: every
annotation in the module then stays a string at runtime, which changes what code that reads
`__annotations__` (dataclasses, Pydantic, `typing.get_type_hints` with local names) sees.
)";

class FutureRewritableTypeAnnotation final : public Rule {
 public:
  explicit FutureRewritableTypeAnnotation(const RuleOptions& options)
      : keep_runtime_typing_(options.boolean("keep-runtime-typing")) {}

  void enter(TSNode node, Context& ctx) override { annotations_.enter(node, ctx); }
  void leave(TSNode node, Context& ctx) override { annotations_.leave(node, ctx); }

  void finish(Context& ctx) override {
    const SemanticModel* m = ctx.semantic();
    const int minor = ctx.target_minor();
    if (!m || annotations_.out.empty() || m->future_annotations || m->is_stub || minor >= 10 || keep_runtime_typing_) {
      return;
    }
    const up::Resolver resolve(*m, ctx);
    annotations_.resolve(resolve, ctx);
    const bool seen_typing = up::seen_typing(*m);
    const Edit fix = fa::future_import_edit(ctx, *m);
    auto flag = [&](uint32_t start, uint32_t end, const std::string& name) {
      Diagnostic& d = report(ctx, start, end, "Add `from __future__ import annotations` to simplify `" + name + "`");
      d.fix_title = std::string(fa::kFixTitle);
      d.fix = Fix::unsafe({fix});
    };
    std::vector<std::pair<uint32_t, uint32_t>> strings;
    for (const fa::Annotation& a : annotations_.out) {
      const bool runtime = a.kind != fa::AnnotationKind::TypingOnly;
      std::vector<TSNode> stack{a.type};
      while (!stack.empty()) {
        const TSNode n = stack.back();
        stack.pop_back();
        const std::string_view k = kind(n);
        if (k == "string" || k == "concatenated_string") {
          strings.emplace_back(start_of(n), end_of(n));
          continue;
        }
        if (k == "identifier" || k == "attribute") {
          if (minor < 9 && (k == "attribute" || resolve.reference(n) != nullptr)) {
            const std::string q = resolve.qualified(n);
            up::Pep585Replacement r;
            if (up::pep585_replacement(q, r)) flag(start_of(n), end_of(n), q);
          }
          if (k == "attribute") stack.push_back(field(n, "object"));
          continue;
        }
        if (seen_typing && (k == "subscript" || k == "generic_type")) optional_or_union(n, runtime, resolve, flag);
        for (TSNode c : named_children(n)) stack.push_back(c);
      }
    }
    in_strings(*m, ctx, resolve, strings, seen_typing, flag);
  }

 private:
  // `Optional[...]` / `Union[...]` (Ruff's to_pep604_operator): not when an element is starred,
  // nor when one is a quoted forward reference that runs (`"Foo" | None` would fail there).
  template <class Flag>
  static void optional_or_union(TSNode n, bool runtime_annotation, const up::Resolver& resolve, Flag& flag) {
    const up::Subscript s = up::as_subscript(n);
    if (!s) return;
    const std::string q = resolve.qualified(s.value);
    if (!resolve.is_typing_member(q, "Optional") && !resolve.is_typing_member(q, "Union")) return;
    std::vector<TSNode> elements = s.elements;
    if (elements.size() == 1 && is(up::expr_of(elements[0]), "tuple")) elements = named_children(up::expr_of(elements[0]));
    bool quoted = false;
    for (TSNode e : elements) {
      const std::string_view k = kind(up::expr_of(e));
      if (k == "list_splat" || k == "splat_type") return;
      quoted |= k == "string" || k == "concatenated_string";
    }
    if (quoted && runtime_annotation) {
      const Reference* r = resolve.reference(is(s.value, "attribute") ? leftmost(s.value) : s.value);
      if (!r || !(r->flags & kTypeChecking)) return;
    }
    flag(start_of(s.value), end_of(s.value), q);
  }

  static TSNode leftmost(TSNode n) {
    while (is(n, "attribute")) n = up::expr_of(field(n, "object"));
    return n;
  }

  // Names in string annotations (`x: "List[int]"`), which the walk does not enter: the model's
  // references inside those strings, with the `.member` chain after them.
  template <class Flag>
  static void in_strings(const SemanticModel& m, const Context& ctx, const up::Resolver& resolve,
                         std::vector<std::pair<uint32_t, uint32_t>>& strings, bool seen_typing, Flag& flag) {
    if (strings.empty()) return;
    std::sort(strings.begin(), strings.end());
    const std::string_view src = ctx.source();
    const int minor = ctx.target_minor();
    for (const Reference& r : m.references) {
      if (!(r.flags & kAnnotationLoad) || r.binding < 0) continue;
      auto it = std::upper_bound(strings.begin(), strings.end(), std::make_pair(r.start, UINT32_MAX));
      if (it == strings.begin() || std::prev(it)->second <= r.start) continue;
      const Binding& b = m.bindings[static_cast<size_t>(r.binding)];
      if (!is_import(b.kind)) continue;
      std::string q = b.qualified_name;
      uint32_t end = r.end;
      auto matches = [&](const std::string& name) {
        up::Pep585Replacement rep;
        if (minor < 9 && up::pep585_replacement(name, rep)) return true;
        if (!seen_typing || !(m.is_typing_member(name, "Optional") || m.is_typing_member(name, "Union"))) {
          return false;
        }
        uint32_t i = end;
        while (i < src.size() && (src[i] == ' ' || src[i] == '\t')) ++i;
        return i < src.size() && src[i] == '[';
      };
      while (!matches(q) && end < src.size() && src[end] == '.') {
        uint32_t e = end + 1;
        while (e < src.size() && (std::isalnum(static_cast<unsigned char>(src[e])) || src[e] == '_')) ++e;
        if (e == end + 1) break;
        q += src.substr(end, e - end);
        end = e;
      }
      if (matches(q)) flag(r.start, end, q);
    }
    (void)resolve;
  }

  bool keep_runtime_typing_;
  fa::AnnotationCollector annotations_;
};

}  // namespace

extern const RuleSpec future_rewritable_type_annotation{
    .code = "FA100",
    .name = "future-rewritable-type-annotation",
    .linter = "flake8-future-annotations",
    .kinds = {std::begin(fa::kAnnotationKinds), std::end(fa::kAnnotationKinds)},
    .doc = kDoc,
    .create = make_rule<FutureRewritableTypeAnnotation>(),
    .needs_semantic = true,
    .options = {{"keep-runtime-typing", RuleOption::Type::Bool, "false",
                 "Whether to keep `typing` spellings on Python 3.7 to 3.9 in modules with `from __future__ import annotations`, for code that evaluates annotations at runtime.",
                 "pyupgrade"}},
    .fix = FixAvailability::Always,
};

}  // namespace lint::rules
