#include <optional>
#include <string>
#include <vector>

#include "engine/rule.h"
#include "pyupgrade/edits.h"
#include "pyupgrade/pep604.h"
#include "pyupgrade/semantic.h"
#include "fix/stylist.h"
#include "pyupgrade/syntax.h"

namespace lint::rules {

namespace {

constexpr std::string_view kDoc = R"(## What it does
Checks for `Generator[Y, None, None]`, `Generator[Y, None]` and `AsyncGenerator[Y, None]`
(from `typing`, `typing_extensions` or `collections.abc`) that spell out the default type
arguments.

## Why is this bad?
Since Python 3.13 the send and return types of `Generator`, and the send type of
`AsyncGenerator`, default to `None`: `Generator[int]` says the same as
`Generator[int, None, None]` in less space. The rule runs when the target version is 3.13 or
later, and in stub files.

## Example
```python
from collections.abc import Generator

def numbers() -> Generator[int, None, None]:
    yield 1
```

Use instead:
```python
from collections.abc import Generator

def numbers() -> Generator[int]:
    yield 1
```

## Fix safety
The fix is unsafe when the subscript holds a comment, which it would remove.
)";

class UnnecessaryDefaultTypeArgs final : public Rule {
 public:
  void enter(TSNode node, Context& ctx) override {
    if (ctx.target_minor() < 13 && !ctx.path().ends_with(".pyi")) return;
    const up::Subscript s = up::as_subscript(node);
    if (!s || ts_node_is_null(s.value) || !ctx.text(s.value).ends_with("Generator")) return;
    candidates_.push_back(node);
  }

  void finish(Context& ctx) override {
    const SemanticModel* m = ctx.semantic();
    if (!m || candidates_.empty()) return;
    const up::Resolver resolve(*m, ctx);
    Stylist stylist(ctx);
    up::TypeGenerator gen(ctx, stylist);
    for (TSNode n : candidates_) {
      const up::Subscript s = up::as_subscript(n);
      // Ruff's slice must be a tuple: `X[a, b]` or `X[(a, b)]`.
      std::vector<TSNode> elts;
      if (s.multiple) {
        elts = s.elements;
      } else if (s.elements.size() == 1 && is(up::expr_of(s.elements[0]), "tuple")) {
        elts = named_children(up::expr_of(s.elements[0]));
      } else {
        continue;
      }
      const std::string q = resolve.qualified(s.value);
      size_t arity;
      if (resolve.is_typing_member(q, "Generator") || q == "collections.abc.Generator") {
        if (elts.size() != 2 && elts.size() != 3) continue;
        arity = elts.size();
      } else if (resolve.is_typing_member(q, "AsyncGenerator") || q == "collections.abc.AsyncGenerator") {
        if (elts.size() != 2) continue;
        arity = 2;
      } else {
        continue;
      }
      // The first argument stays; trailing `None`s after it go.
      size_t keep = arity;
      while (keep > 1 && is(up::expr_of(elts[keep - 1]), "none")) --keep;
      if (keep == arity) continue;
      Diagnostic& d = report(ctx, n, "Unnecessary default type arguments");
      d.fix_title = "Remove default type arguments";
      std::optional<std::string> text = write(s.value, {elts.begin(), elts.begin() + static_cast<std::ptrdiff_t>(keep)}, gen);
      if (!text) continue;
      Edit edit = Edit::replace(start_of(n), end_of(n), std::move(*text));
      d.fix = up::has_comment(n, start_of(n), end_of(n)) ? Fix::unsafe(std::move(edit)) : Fix::safe(std::move(edit));
    }
  }

 private:
  // `value[a, b]` as Ruff's generator writes the subscript with the kept arguments (a lone tuple
  // argument loses its parentheses, as any tuple slice does).
  static std::optional<std::string> write(TSNode value, const std::vector<TSNode>& kept, up::TypeGenerator& gen) {
    std::string out;
    if (!gen.write(value, up::TypeGenerator::kMax, out)) return std::nullopt;
    out += '[';
    std::vector<TSNode> items = kept;
    if (items.size() == 1 && is(up::expr_of(items[0]), "tuple")) items = named_children(up::expr_of(items[0]));
    for (size_t i = 0; i < items.size(); ++i) {
      if (i > 0) out += ", ";
      if (!gen.write(items[i], up::TypeGenerator::kMin + 1, out)) return std::nullopt;
    }
    if (kept.size() == 1 && items.size() == 1 && is(up::expr_of(kept[0]), "tuple")) out += ',';
    out += ']';
    return out;
  }

  std::vector<TSNode> candidates_;
};

}  // namespace

extern const RuleSpec unnecessary_default_type_args{
    .code = "UP043",
    .name = "unnecessary-default-type-args",
    .linter = "pyupgrade",
    .kinds = {"subscript", "generic_type"},
    .doc = kDoc,
    .create = make_rule<UnnecessaryDefaultTypeArgs>(),
    .needs_semantic = true,
    .fix = FixAvailability::Always,
};

}  // namespace lint::rules
