#include <vector>

#include "engine/rule.h"

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
The fix replaces `NotImplemented` with `NotImplementedError` and is safe. There is none where
the module rebinds the name `NotImplementedError`.
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
    for (TSNode exc : found_) {
      Diagnostic& d = report(ctx, exc, "`raise NotImplemented` should be `raise NotImplementedError`");
      d.fix_title = "Use `raise NotImplementedError`";
      // Where the name is rebound, Ruff imports `builtins` to reach the exception; lint offers
      // no fix there.
      if (!shadowed(ctx, ts_node_start_byte(exc))) {
        d.fix = Fix::safe(Edit::replace(ts_node_start_byte(exc), ts_node_end_byte(exc), "NotImplementedError"));
      }
    }
  }

 private:
  // Whether a scope the raise can see binds `NotImplementedError`.
  static bool shadowed(const Context& ctx, uint32_t at) {
    const SemanticModel* m = ctx.semantic();
    if (!m || m->scopes.empty()) return false;
    const uint32_t first = m->scope_at(at);
    for (int32_t s = static_cast<int32_t>(first); s >= 0; s = m->scopes[s].parent) {
      const Scope& scope = m->scopes[s];
      if (scope.kind == ScopeKind::Class && static_cast<uint32_t>(s) != first) continue;
      if (scope.names.count("NotImplementedError")) return true;
    }
    return false;
  }

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
