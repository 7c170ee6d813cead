#include <algorithm>
#include <optional>
#include <string>
#include <vector>

#include "engine/rule.h"
#include "fix/importer.h"
#include "pyupgrade/semantic.h"

namespace lint::rules {

namespace {

constexpr std::string_view kDoc = R"(## What it does
Checks for the one-letter aliases of the `re` module's flags (`re.I`, `re.M`, `re.S`...).

## Why is this bad?
The full names (`re.IGNORECASE`, `re.MULTILINE`, `re.DOTALL`...) say what the flag does; the
one-letter aliases make the reader remember it.

## Example
```python
import re

words = re.findall(r"\w+", text, re.I)
```

Use instead:
```python
import re

words = re.findall(r"\w+", text, re.IGNORECASE)
```
)";

// The full name of a one-letter flag of `re`, or "".
std::string_view full_flag_name(std::string_view alias) {
  if (alias == "A") return "ASCII";
  if (alias == "I") return "IGNORECASE";
  if (alias == "L") return "LOCALE";
  if (alias == "M") return "MULTILINE";
  if (alias == "S") return "DOTALL";
  if (alias == "T") return "TEMPLATE";
  if (alias == "U") return "UNICODE";
  if (alias == "X") return "VERBOSE";
  return {};
}

class RegexFlagAlias final : public Rule {
 public:
  void enter(TSNode node, Context& ctx) override {
    // Only an attribute spelled with one of the aliases can resolve to one (names, which an
    // import may rename, are found through their bindings in finish()).
    const TSNode last = field(node, "attribute");
    if (ts_node_end_byte(last) - ts_node_start_byte(last) != 1) return;
    if (full_flag_name(ctx.text(last)).empty()) return;
    candidates_.push_back(node);
  }

  void finish(Context& ctx) override {
    const SemanticModel* m = ctx.semantic();
    if (!m) return;
    // Names read that a `from re import ...` binds.
    for (const Reference& r : m->references) {
      if (r.binding < 0 || (r.flags & kInDunderAll)) continue;
      const Binding& b = m->bindings[r.binding];
      if (b.kind != BindingKind::FromImport || b.qualified_name.size() != 4 || !b.qualified_name.starts_with("re.")) continue;
      const TSNode name = ts_node_descendant_for_byte_range(ctx.root(), r.start, r.end);
      if (!is(name, "identifier") || is(ts_node_parent(name), "delete_statement")) continue;
      candidates_.push_back(name);
    }
    if (candidates_.empty()) return;
    std::sort(candidates_.begin(), candidates_.end(),
              [](TSNode a, TSNode b) { return ts_node_start_byte(a) < ts_node_start_byte(b); });
    const up::Resolver resolve(*m, ctx);
    Importer importer(ctx, resolve.model());
    for (TSNode n : candidates_) {
      const std::string q = resolve.qualified(n);
      if (q.size() != 4 || !q.starts_with("re.")) continue;
      const std::string_view alias = std::string_view(q).substr(3);
      const std::string_view full = full_flag_name(alias);
      if (full.empty()) continue;
      Diagnostic& d = report(ctx, n, "Use of regular expression alias `re." + std::string(alias) + "`");
      d.fix_title = "Replace with `re." + std::string(full) + "`";
      const std::optional<ImportedSymbol> symbol = importer.symbol_at({"re", full, false}, start_of(n));
      if (!symbol) continue;
      std::vector<Edit> edits{Edit::replace(start_of(n), end_of(n), symbol->name)};
      if (symbol->edit) edits.push_back(std::move(*symbol->edit));
      d.fix = Fix::safe(std::move(edits));
    }
  }

 private:
  std::vector<TSNode> candidates_;
};

}  // namespace

extern const RuleSpec regex_flag_alias{
    .code = "FURB167",
    .name = "regex-flag-alias",
    .linter = "refurb",
    .kinds = {"attribute"},
    .doc = kDoc,
    .create = make_rule<RegexFlagAlias>(),
    .needs_semantic = true,
    .fix = FixAvailability::Always,
};

}  // namespace lint::rules
