#include <optional>
#include <vector>

#include "engine/rule.h"
#include "fix/importer.h"

namespace lint::rules {

namespace {

constexpr std::string_view kDoc = R"(## What it does
Checks for `raise NotImplemented` and `raise NotImplemented(...)`.

## Why is this bad?
`NotImplemented` is a constant that binary special methods such as `__eq__` return to say that
they do not support the other operand. It is not an exception: raising it fails with a
`TypeError` instead of reporting what was meant. To mark a method as not implemented, raise
`NotImplementedError`.

## Example
```python
class Shape:
    def area(self):
        raise NotImplemented
```

Use instead:
```python
class Shape:
    def area(self):
        raise NotImplementedError
```

## Fix safety
The fix replaces `NotImplemented` with `NotImplementedError` and is safe. Where the name
`NotImplementedError` is bound to something else, it writes `builtins.NotImplementedError`
(importing `builtins` if needed).
)";

class RaiseNotImplemented final : public Rule {
 public:
  void enter(TSNode node, Context& ctx) override {
    const Children parts = children(node);
    for (auto it = parts.begin(); it != parts.end(); ++it) {
      const TSNode c = *it;
      if (ts_node_is_extra(c) || !ts_node_is_named(c) || it.field_name() != nullptr) continue;
      TSNode exc = unparenthesized(c);
      if (is(exc, "call")) exc = unparenthesized(field(exc, "function"));
      if (!ts_node_is_null(exc) && is(exc, "identifier") && ctx.text(exc) == "NotImplemented") found_.push_back(exc);
      return;
    }
  }

  // Reported once the semantic model tells whether `NotImplementedError` is still the builtin.
  void finish(Context& ctx) override {
    const SemanticModel* m = ctx.semantic();
    std::optional<Importer> importer;
    if (m) importer.emplace(ctx, *m);
    for (TSNode exc : found_) {
      Diagnostic& d = report(ctx, exc, "`raise NotImplemented` should be `raise NotImplementedError`");
      d.fix_title = "Use `raise NotImplementedError`";
      if (!importer) continue;
      if (const std::optional<ImportedSymbol> error = importer->builtin_symbol("NotImplementedError", ts_node_start_byte(exc))) {
        d.fix = Fix::safe(error->edits_with(Edit::replace(ts_node_start_byte(exc), ts_node_end_byte(exc), error->name)));
      }
    }
  }

 private:
  std::vector<TSNode> found_;
};

}  // namespace

extern const RuleSpec raise_not_implemented{
    .code = "F901",
    .name = "raise-not-implemented",
    .linter = "pyflakes",
    .kinds = {"raise_statement"},
    .doc = kDoc,
    .create = make_rule<RaiseNotImplemented>(),
    .needs_semantic = true,
    .fix = FixAvailability::Sometimes,
};

}  // namespace lint::rules
