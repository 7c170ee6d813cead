#include <map>
#include <optional>
#include <string>
#include <vector>

#include "fix/edits.h"
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

## Fix safety
When the redefinition is an import of the same thing as the unused import it replaces, the fix
removes it from the later statement; it is safe. Other redefinitions have no fix.
)";

class RedefinedWhileUnused final : public Rule {
 public:
  void finish(Context& ctx) override {
    const SemanticModel* m = ctx.semantic();
    if (!m) return;
    // The redefinitions, by the statement that makes them.
    std::map<uint32_t, std::vector<const Binding*>> by_statement;
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
        if (shadowed.kind == BindingKind::Function && is_overload(ctx, *m, shadowed)) continue;
      } else if (!shadowed_import) {
        continue;
      }
      if (!m->same_branch(shadowed, b)) continue;
      by_statement[b.stmt_start].push_back(&b);
    }
    for (const auto& [start, redefinitions] : by_statement) {
      const std::optional<Fix> fix = remove_reimports(ctx, *m, redefinitions);
      for (const Binding* b : redefinitions) {
        const Binding& shadowed = m->bindings[b->shadows];
        // Submodule imports are named in full (`a.b`), as Ruff does.
        const std::string name = b->kind == BindingKind::SubmoduleImport ? import_display_name(b->qualified_name)
                                                                         : std::string(b->name);
        Diagnostic& d = report(ctx, b->start, b->end,
                               "Redefinition of unused " + quoted(name) + " from " + ctx.line_label(shadowed.start) + ": " +
                                   quoted(name) + " redefined here");
        d.label = quoted(name) + " redefined here";
        d.annotate(shadowed.start, shadowed.end, "previous definition of " + quoted(name) + " here");
        d.fix_title = "Remove definition: " + quoted(name);
        d.fix = fix;
      }
    }
  }

 private:
  // The fix Ruff shares among the redefinitions one statement makes: the statement loses the
  // names that import again what an earlier import of the same thing already did (safe).
  static std::optional<Fix> remove_reimports(const Context& ctx, const SemanticModel& m,
                                             const std::vector<const Binding*>& redefinitions) {
    std::vector<std::string> members;
    for (const Binding* b : redefinitions) {
      const Binding& shadowed = m.bindings[b->shadows];
      if (!is_import(b->kind) || !is_import(shadowed.kind) || b->kind == BindingKind::FutureImport ||
          shadowed.kind == BindingKind::FutureImport) {
        continue;
      }
      if (import_display_name(b->qualified_name) != import_display_name(shadowed.qualified_name)) continue;
      members.push_back(edits::import_member_name(ctx, import_alias_of(*b)));
    }
    if (members.empty()) return std::nullopt;
    const TSNode stmt = redefinitions.front()->node;
    Fix fix = Fix::safe(edits::remove_unused_imports(ctx, stmt, members));
    fix.isolate(edits::isolation_group(stmt));
    return fix;
  }

  // `@overload` / `@typing.overload` definitions are meant to be redefined: typing's `overload`
  // (or that of a module of `typing-modules`), however it is imported, not any `overload`.
  static bool is_overload(const Context& ctx, const SemanticModel& model, const Binding& fn) {
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
      TSNode expr = ts_node_named_child(c, 0);
      if (!ts_node_is_null(expr) && is(expr, "call")) expr = field(expr, "function");  // `@overload()`
      if (ts_node_is_null(expr)) continue;
      if (model.is_typing_member(model.qualified_name(expr, ctx.source()), "overload")) return true;
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
    .fix = FixAvailability::Sometimes,
};

}  // namespace lint::rules
