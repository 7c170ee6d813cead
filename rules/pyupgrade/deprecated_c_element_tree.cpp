#include <string>

#include "engine/rule.h"
#include "pyupgrade/syntax.h"

namespace lint::rules {

namespace {

constexpr std::string_view kDoc = R"(## What it does
Checks for imports of `xml.etree.cElementTree`.

## Why is this bad?
`cElementTree` was deprecated in Python 3.3 (where `ElementTree` uses the C implementation by
itself) and removed in Python 3.9.

## Example
```python
from xml.etree import cElementTree as ET
```

Use instead:
```python
from xml.etree import ElementTree as ET
```
)";

class DeprecatedCElementTree final : public Rule {
 public:
  void enter(TSNode node, Context& ctx) override {
    if (ctx.text(node).find("cElementTree") == std::string_view::npos) return;
    if (is(node, "import_statement")) {
      // `import xml.etree.cElementTree as ET` (without `as`, the name stays bound to `xml`).
      for (TSNode c : children(node)) {
        if (is(c, "aliased_import") && ctx.text(field(c, "name")) == "xml.etree.cElementTree") flag(c, ctx);
      }
      return;
    }
    const TSNode module = field(node, "module_name");
    if (ts_node_is_null(module) || !is(module, "dotted_name")) return;
    const std::string_view name = ctx.text(module);
    if (name == "xml.etree.cElementTree") {
      flag(node, ctx);
    } else if (name == "xml.etree") {
      for (TSNode c : children(node)) {
        if (is(c, "aliased_import") && ctx.text(field(c, "name")) == "cElementTree") flag(c, ctx);
      }
    }
  }

 private:
  void flag(TSNode n, Context& ctx) const {
    Diagnostic& d = report(ctx, n, "`cElementTree` is deprecated, use `ElementTree`");
    d.fix_title = "Replace with `ElementTree`";
    std::string text(ctx.original(n));
    const size_t at = text.find("cElementTree");
    if (at != std::string::npos) text.erase(at, 1);
    d.fix = Fix::safe(Edit::replace(start_of(n), end_of(n), std::move(text)));
  }
};

}  // namespace

extern const RuleSpec deprecated_c_element_tree{
    .code = "UP023",
    .name = "deprecated-c-element-tree",
    .linter = "pyupgrade",
    .kinds = {"import_statement", "import_from_statement"},
    .doc = kDoc,
    .create = make_rule<DeprecatedCElementTree>(),
    .fix = FixAvailability::Sometimes,
};

}  // namespace lint::rules
