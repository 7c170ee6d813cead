#include <algorithm>
#include <cctype>
#include <unordered_set>
#include <string>
#include <string_view>
#include <vector>

#include "engine/rule.h"
#include "fix/importer.h"
#include "pyupgrade/pep585.h"
#include "pyupgrade/semantic.h"

namespace lint::rules {

namespace {

constexpr std::string_view kDoc = R"(## What it does
Checks for `typing` aliases of standard collections (`typing.List`, `typing.Dict`,
`typing.Deque`...) where the collection itself can be subscripted (PEP 585).

## Why is this bad?
Since Python 3.9, `list[int]`, `dict[str, int]` and `collections.deque[int]` are valid: the
`typing` aliases are deprecated duplicates that need an import of their own.

The rule runs when the target version is 3.9 or later, and on 3.7 and 3.8 for annotations in a
module with `from __future__ import annotations` (unless `keep-runtime-typing` is set).

## Example
```python
from typing import List

def total(values: List[int]) -> int:
    ...
```

Use instead:
```python
def total(values: list[int]) -> int:
    ...
```

## Fix safety
The fix is unsafe when the target version is older than 3.10: libraries that evaluate
annotations at runtime (Pydantic, for one) may not accept the new spelling there.
)";

using up::pep585_replacement;
using Replacement = up::Pep585Replacement;

bool is_alias_name(std::string_view s) {
  return s == "Dict" || s == "FrozenSet" || s == "List" || s == "Set" || s == "Tuple" || s == "Type" ||
         s == "Deque" || s == "DefaultDict";
}

// Whether the node sits in an annotation (of a parameter, a return or an assignment).
bool in_annotation(TSNode n) {
  for (TSNode p = ts_node_parent(n); !ts_node_is_null(p); p = ts_node_parent(p)) {
    const std::string_view k = kind(p);
    if (k == "type") return true;
    if (k == "function_definition" || k == "class_definition" || k == "block" || k == "module" ||
        k == "lambda" || k == "expression_statement") {
      return false;
    }
  }
  return false;
}

class NonPep585Annotation final : public Rule {
 public:
  explicit NonPep585Annotation(const RuleOptions& options) : keep_runtime_typing_(options.boolean("keep-runtime-typing")) {}

  void enter(TSNode node, Context& ctx) override {
    if (!screened_) {
      screened_ = true;
      possible_ = ctx.source().find("typing") != std::string_view::npos;
    }
    if (!possible_) return;
    if (is(node, "identifier")) {
      names_.push_back(node);
    } else if (is_alias_name(ctx.text(field(node, "attribute")))) {
      candidates_.push_back(node);
    }
  }

  void finish(Context& ctx) override {
    const SemanticModel* m = ctx.semantic();
    if (!m) return;
    const int minor = ctx.target_minor();
    if (minor < 9 && (!m->future_annotations || keep_runtime_typing_)) {
      if (!m->is_stub) return;
    }
    // Names that some import binds to an alias (under any name).
    std::vector<std::string_view> aliases;
    for (const Binding& b : m->bindings) {
      Replacement r;
      if (b.kind == BindingKind::FromImport && pep585_replacement(b.qualified_name, r)) aliases.push_back(b.name);
    }
    for (TSNode n : names_) {
      for (std::string_view a : aliases) {
        if (ctx.text(n) == a) {
          candidates_.push_back(n);
          break;
        }
      }
    }
    string_annotations(*m, ctx);
    const up::Resolver resolve(*m, ctx);
    struct Item {
      uint32_t start, end;
      Replacement r;
    };
    std::vector<Item> items;
    for (TSNode n : candidates_) {
      Replacement r;
      if (!pep585_replacement(resolve.qualified(n), r)) continue;
      // Ruff flags attributes in every context, names only where they are read.
      if (is(n, "identifier") && resolve.reference(n) == nullptr) continue;
      if (minor < 9 && !m->is_stub && !in_annotation(n)) continue;
      items.push_back({start_of(n), end_of(n), r});
    }
    for (const Span& s : in_strings_) items.push_back({s.start, s.end, s.r});
    std::sort(items.begin(), items.end(), [](const Item& a, const Item& b) { return a.start < b.start; });
    Importer importer(ctx, resolve.model());
    for (const Item& it : items) {
      std::string to(it.r.module);
      if (!to.empty()) to += '.';
      to += it.r.member;
      std::string from;
      for (char c : ctx.source().substr(it.start, it.end - it.start)) {
        if (c != ' ' && c != '\t' && c != '\\' && c != '\n' && c != '\r') from += c;
      }
      Diagnostic& d = report(ctx, it.start, it.end, "Use `" + to + "` instead of `" + from + "` for type annotation");
      d.fix_title = "Replace with `" + to + "`";
      const std::optional<ImportedSymbol> symbol = it.r.module.empty()
                                                           ? importer.builtin_symbol(it.r.member, it.start)
                                                           : importer.symbol_at({it.r.module, it.r.member, true}, it.start);
      if (!symbol) continue;
      std::vector<Edit> edits{Edit::replace(it.start, it.end, symbol->name)};
      if (symbol->edit) edits.push_back(*symbol->edit);
      d.fix = minor >= 10 ? Fix::safe(std::move(edits)) : Fix::unsafe(std::move(edits));
    }
  }

 private:
  // Names read in string annotations (`x: "List[int]"`), which the walk does not visit: the
  // semantic model's references that no identifier node starts at, with the `.member` chain
  // that follows them.
  void string_annotations(const SemanticModel& m, const Context& ctx) {
    std::unordered_set<uint32_t> starts;
    for (TSNode n : names_) starts.insert(ts_node_start_byte(n));
    const std::string_view src = ctx.source();
    const up::Resolver resolve(m, ctx);
    for (const Reference& r : m.references) {
      if (!(r.flags & kAnnotationLoad) || starts.contains(r.start) || r.binding < 0) continue;
      const Binding& b = m.bindings[static_cast<size_t>(r.binding)];
      if (!is_import(b.kind)) continue;
      std::string q = b.qualified_name;
      uint32_t end = r.end;
      Replacement rep;
      while (!pep585_replacement(q, rep) && end < src.size() && src[end] == '.') {
        uint32_t e = end + 1;
        while (e < src.size() && (std::isalnum(static_cast<unsigned char>(src[e])) || src[e] == '_')) ++e;
        if (e == end + 1) break;
        q += src.substr(end, e - end);
        end = e;
      }
      if (pep585_replacement(q, rep)) in_strings_.push_back({r.start, end, rep});
    }
  }

  bool keep_runtime_typing_;
  struct Span {
    uint32_t start, end;
    Replacement r;
  };
  std::vector<Span> in_strings_;
  bool screened_ = false;
  bool possible_ = false;
  std::vector<TSNode> names_;
  std::vector<TSNode> candidates_;
};

}  // namespace

extern const RuleSpec non_pep585_annotation{
    .code = "UP006",
    .name = "non-pep585-annotation",
    .linter = "pyupgrade",
    .kinds = {"identifier", "attribute"},
    .doc = kDoc,
    .create = make_rule<NonPep585Annotation>(),
    .needs_semantic = true,
    .options = {{"keep-runtime-typing", RuleOption::Type::Bool, "false",
                 "Whether to keep `typing` spellings on Python 3.7 and 3.8 in modules with `from __future__ import annotations`, for code that evaluates annotations at runtime."}},
    .fix = FixAvailability::Sometimes,
};

}  // namespace lint::rules
