#include <algorithm>
#include <string>
#include <vector>

#include "engine/rule.h"
#include "pyupgrade/edits.h"
#include "pyupgrade/semantic.h"

namespace lint::rules {

namespace {

constexpr std::string_view kDoc = R"(## What it does
Checks for imports of builtins from the modules that provided them for code that also ran on
Python 2: `from builtins import str`, `from io import open`, `from six.moves import range` and
the like.

## Why is this bad?
In Python 3 these names are the builtins already; the import adds nothing.

## Example
```python
from builtins import str

str(1)
```

Use instead:
```python
str(1)
```

## Fix safety
The fix is unsafe: removing the import changes what the name refers to if the module's version
differed from the builtin.
)";

bool is_builtin_member(std::string_view module, std::string_view name) {
  static constexpr std::string_view kBuiltins[] = {"*", "ascii", "bytes", "chr", "dict", "filter", "hex", "input", "int",
                                                    "isinstance", "list", "map", "max", "min", "next", "object", "oct",
                                                    "open", "pow", "range", "round", "str", "super", "zip"};
  if (module == "builtins" || module == "six.moves.builtins") {
    return std::find(std::begin(kBuiltins), std::end(kBuiltins), name) != std::end(kBuiltins);
  }
  if (module == "io") return name == "open";
  if (module == "six") return name == "callable" || name == "next";
  if (module == "six.moves") return name == "filter" || name == "input" || name == "map" || name == "range" || name == "zip";
  return false;
}

class UnnecessaryBuiltinImport final : public Rule {
 public:
  void enter(TSNode node, Context& ctx) override {
    const TSNode module = field(node, "module_name");
    if (ts_node_is_null(module) || !is(module, "dotted_name")) return;
    const std::string_view name = ctx.text(module);
    if (name == "builtins" || name == "io" || name == "six" || name == "six.moves" || name == "six.moves.builtins") {
      statements_.push_back(node);
    }
  }

  void finish(Context& ctx) override {
    const SemanticModel* m = ctx.semantic();
    if (!m) return;
    const up::Resolver resolve(*m, ctx);
    for (TSNode stmt : statements_) {
      const std::string_view module = ctx.text(field(stmt, "module_name"));
      std::vector<std::string_view> names;
      bool star = false;
      for (TSNode c : children(stmt)) star |= is(c, "wildcard_import");
      if (star && is_builtin_member(module, "*")) names.push_back("*");
      for (TSNode alias : up::import_aliases(stmt)) {
        if (is(alias, "aliased_import")) continue;
        const std::string_view name = ctx.text(alias);
        if (!is_builtin_member(module, name)) continue;
        // Only where the import replaces nothing but the builtin.
        const Binding* b = resolve.binding_at_name(start_of(alias));
        if (!b || b->shadows_same_scope) continue;
        names.push_back(name);
      }
      if (names.empty()) continue;
      std::vector<std::string_view> sorted = names;
      std::sort(sorted.begin(), sorted.end());
      std::string message;
      if (sorted.size() == 1) {
        message = "Unnecessary builtin import: `" + std::string(sorted[0]) + "`";
      } else {
        message = "Unnecessary builtin imports: ";
        for (size_t i = 0; i < sorted.size(); ++i) message += (i ? ", `" : "`") + std::string(sorted[i]) + "`";
      }
      Diagnostic& d = report(ctx, stmt, message);
      d.fix_title = "Remove unnecessary builtin import";
      if (star) {
        d.fix = Fix::unsafe(up::delete_stmt(stmt, ctx));
      } else {
        d.fix = Fix::unsafe(up::remove_unused_imports(stmt, names, ctx));
      }
      d.fix->isolate(up::isolation_of(stmt));
    }
  }

 private:
  std::vector<TSNode> statements_;
};

}  // namespace

extern const RuleSpec unnecessary_builtin_import{
    .code = "UP029",
    .name = "unnecessary-builtin-import",
    .linter = "pyupgrade",
    .kinds = {"import_from_statement"},
    .doc = kDoc,
    .create = make_rule<UnnecessaryBuiltinImport>(),
    .needs_semantic = true,
    .fix = FixAvailability::Always,
};

}  // namespace lint::rules
