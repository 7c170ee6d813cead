#include "pyflakes/bindings.h"

namespace lint::rules {

namespace {

constexpr std::string_view kDoc = R"(## What it does
Checks for a function, class or import redefined before the first definition was used.

## Why is this bad?
The first definition is dead: nothing can reach it any more. Usually one of the two is a
leftover, or the second was meant to have another name.

## Example
```python
import os
import os


def load():
    pass


def load():
    pass
```

Use instead:
```python
import os


def load():
    pass
```
)";

class RedefinedWhileUnused final : public Rule {
 public:
  void finish(Context& ctx) override {
    const SemanticModel* m = ctx.semantic();
    if (!m) return;
    for (const Binding& b : m->bindings) {
      if (b.shadows < 0 || b.kind == BindingKind::LoopVar) continue;
      // A global assignment inside a function does not redefine the module's name.
      if ((b.flags & kGlobalName) && m->scopes[b.scope].kind != ScopeKind::Module) continue;
      const Binding& shadowed = m->bindings[b.shadows];
      if (shadowed.uses) continue;
      // A re-export (`import a as a` in a stub) is used by importers: shadowing it in an inner
      // scope is fine, redefining it in its own scope is not.
      if (!b.shadows_same_scope && (shadowed.flags & kExported)) continue;
      if (!redefines(b, shadowed)) continue;
      const bool shadowed_import = is_import(shadowed.kind);
      if (b.shadows_same_scope) {
        if (!shadowed_import && is_dummy_name(b.name)) continue;
        if (shadowed.kind == BindingKind::Function && is_overload(ctx, shadowed)) continue;
      } else if (!shadowed_import) {
        continue;
      }
      if (!m->same_branch(shadowed, b)) continue;
      // Submodule imports are named in full (`a.b`), as Ruff does.
      const std::string_view name =
          b.kind == BindingKind::SubmoduleImport ? std::string_view(b.qualified_name) : b.name;
      report(ctx, b.start, b.end,
             "Redefinition of unused " + quoted(name) + " from " + ctx.line_label(shadowed.start) + ": " + quoted(name) +
                 " redefined here");
    }
  }

  // `@overload` / `@typing.overload` definitions are meant to be redefined.
  static bool is_overload(const Context& ctx, const Binding& fn) {
    const TSNode parent = ts_node_parent(fn.node);
    TSNode def = fn.node;
    if (is(def, "decorated_definition")) {
    } else if (!ts_node_is_null(parent) && is(parent, "decorated_definition")) {
      def = parent;
    } else {
      return false;
    }
    for (TSNode c : children(def)) {
      if (!is(c, "decorator")) continue;
      // The decorator's expression: a trailing comment belongs to the decorator node.
      const TSNode expr = ts_node_named_child(c, 0);
      if (ts_node_is_null(expr)) continue;
      const std::string_view t = ctx.text(expr);
      if (t == "overload" || t.ends_with(".overload")) return true;
    }
    return false;
  }
};

}  // namespace

extern const RuleSpec redefined_while_unused{
    .code = "F811",
    .name = "redefined-while-unused",
    .linter = "pyflakes",
    .kinds = {},
    .doc = kDoc,
    .create = make_rule<RedefinedWhileUnused>(),
    .needs_semantic = true,
};

}  // namespace lint::rules
