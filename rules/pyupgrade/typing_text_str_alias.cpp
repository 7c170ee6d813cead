#include <algorithm>
#include <vector>

#include "engine/rule.h"
#include "fix/importer.h"
#include "pyupgrade/semantic.h"

namespace lint::rules {

namespace {

constexpr std::string_view kDoc = R"(## What it does
Checks for uses of `typing.Text` (or `typing_extensions.Text`).

## Why is this bad?
`Text` is an alias of `str` kept for code that ran on Python 2 too, and deprecated since
Python 3.11. Write `str`.

## Example
```python
from typing import Text

def greet(name: Text) -> Text:
    ...
```

Use instead:
```python
def greet(name: str) -> str:
    ...
```
)";

class TypingTextStrAlias final : public Rule {
 public:
  // Every name could be `Text` imported under another name: names are kept only in files that
  // mention `Text` at all, and only those bound to it survive in finish().
  void enter(TSNode node, Context& ctx) override {
    if (!screened_) {
      screened_ = true;
      possible_ = ctx.source().find("Text") != std::string_view::npos;
    }
    if (!possible_) return;
    if (is(node, "identifier")) {
      names_.push_back(node);
    } else if (ctx.text(field(node, "attribute")) == "Text") {
      candidates_.push_back(node);
    }
  }

  void finish(Context& ctx) override {
    const SemanticModel* m = ctx.semantic();
    if (!m) return;
    const up::Resolver resolve(*m, ctx);
    Importer importer(ctx, resolve.model());
    std::vector<std::string_view> aliases;
    for (const Binding& b : m->bindings) {
      if (b.kind == BindingKind::FromImport && (b.qualified_name == "typing.Text" || b.qualified_name == "typing_extensions.Text")) {
        aliases.push_back(b.name);
      }
    }
    if (!aliases.empty()) {
      for (TSNode n : names_) {
        if (std::find(aliases.begin(), aliases.end(), ctx.text(n)) != aliases.end()) candidates_.push_back(n);
      }
    }
    for (TSNode n : candidates_) {
      const std::string q = resolve.qualified(n);
      std::string_view module;
      if (q == "typing.Text") {
        module = "typing";
      } else if (q == "typing_extensions.Text") {
        module = "typing_extensions";
      } else {
        continue;
      }
      Diagnostic& d = report(ctx, n, "`" + std::string(module) + ".Text` is deprecated, use `str`");
      d.fix_title = "Replace with `str`";
      if (std::optional<ImportedSymbol> str = importer.builtin_symbol("str", start_of(n))) {
        std::vector<Edit> edits{Edit::replace(start_of(n), end_of(n), str->name)};
        if (str->edit) edits.push_back(std::move(*str->edit));
        d.fix = Fix::safe(std::move(edits));
      }
    }
  }

 private:
  bool screened_ = false;
  bool possible_ = false;
  std::vector<TSNode> names_;
  std::vector<TSNode> candidates_;
};

}  // namespace

extern const RuleSpec typing_text_str_alias{
    .code = "UP019",
    .name = "typing-text-str-alias",
    .linter = "pyupgrade",
    .kinds = {"identifier", "attribute"},
    .doc = kDoc,
    .create = make_rule<TypingTextStrAlias>(),
    .needs_semantic = true,
    .fix = FixAvailability::Sometimes,
};

}  // namespace lint::rules
