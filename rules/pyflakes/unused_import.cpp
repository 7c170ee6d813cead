#include <algorithm>
#include <map>
#include <optional>

#include "fix/edits.h"
#include "isort/categorize.h"
#include "pyflakes/bindings.h"
#include "pyflakes/line_noqa.h"

namespace lint::rules {

namespace {

constexpr std::string_view kDoc = R"(## What it does
Checks for imports that nothing in the module uses.

## Why is this bad?
An unused import costs start-up time, can create import cycles, and makes a reader look for a
use that is not there. A name listed in `__all__` counts as used: it is re-exported.

## Example
```python
import os
import sys

print(sys.argv)
```

Use instead:
```python
import sys

print(sys.argv)
```

## Fix safety
The fix removes the unused names from their statement, or the whole statement when none is
left (a block's only statement becomes `pass`); it is safe. There is no fix for imports inside
a `try` whose handlers catch `ImportError` (they probe for a module), nor in a package's
`__init__.py`, where an import may be the package's interface: re-export it there with
`import a as a` or `__all__`. Names whose diagnostic a `# noqa` comment suppresses are kept.

In an `__init__.py`, the message and help line suggest re-exporting the package's own imports:
those isort sorts as first party or local folder (relative imports, the file's own package,
modules found in `src`, and the `known-first-party` / `known-local-folder` patterns of the
`[isort]` table).
)";

class UnusedImport final : public Rule {
 public:
  explicit UnusedImport(const RuleOptions& options) : modules_(options) {}

  void finish(Context& ctx) override {
    const SemanticModel* m = ctx.semantic();
    if (!m) return;
    // Ruff's test: a stub `__init__.pyi` is not a package's `__init__.py` here.
    in_init_ = ctx.path().ends_with("__init__.py");
    if (in_init_) package_ = isort::package_root_name(ctx.absolute_path());
    ctx_ = &ctx;
    LineNoqa noqa(ctx);
    const size_t dunder_all = dunder_all_definitions(*m);
    for (const Scope& scope : m->scopes) {
      // Ruff leaves imports in class bodies alone: they are often class attributes.
      if (scope.kind == ScopeKind::Class) continue;
      // The unused imports of each statement, in the order of the statements.
      std::map<uint32_t, std::vector<const Binding*>> by_statement;
      for (const auto& [name, id] : scope.names) {
        const Binding& b = m->bindings[id];
        if (b.kind != BindingKind::Import && b.kind != BindingKind::SubmoduleImport &&
            b.kind != BindingKind::FromImport) {
          continue;
        }
        if (b.uses || (b.flags & (kExported | kGlobalName | kNonlocalName))) continue;
        by_statement[b.stmt_start].push_back(&b);
      }
      for (auto& [start, bindings] : by_statement) statement(ctx, *m, noqa, dunder_all, bindings);
    }
  }

 private:
  // The diagnostics of one statement's unused imports. They share one fix that removes every
  // name not suppressed by a `# noqa` (those are reported without a fix).
  void statement(Context& ctx, const SemanticModel& m, LineNoqa& noqa, size_t dunder_all,
                 std::vector<const Binding*>& bindings) {
    std::sort(bindings.begin(), bindings.end(), [](const Binding* a, const Binding* b) { return a->start < b->start; });
    const TSNode stmt = bindings.front()->node;
    const bool from_import = is(stmt, "import_from_statement");
    std::vector<const Binding*> fixed, ignored;
    for (const Binding* b : bindings) {
      const bool suppressed = noqa.suppresses("F401", b->start) ||
                              (from_import && noqa.suppresses("F401", ts_node_start_byte(stmt)));
      (suppressed ? ignored : fixed).push_back(b);
    }
    const bool in_try = bindings.front()->flags & kInTry;
    const bool multiple = fixed.size() > 1;
    // Ruff removes imports from an `__init__.py` only with `ignore-init-module-imports = false`
    // (its default is true), and never imports guarded by `except ImportError`.
    std::optional<Fix> fix;
    if (!in_init_ && !in_try && !fixed.empty()) {
      std::vector<std::string> members;
      for (const Binding* b : fixed) members.push_back(edits::import_member_name(ctx, import_alias_of(*b)));
      fix = Fix::safe(edits::remove_unused_imports(ctx, stmt, members));
      fix->isolate(edits::isolation_group(stmt));
    }
    for (const Binding* b : fixed) {
      Diagnostic& d = report(ctx, b->start, b->end, message(m, *b));
      d.fix_title = title(ctx, m, *b, multiple, dunder_all);
      d.fix = fix;
    }
    for (const Binding* b : ignored) {
      Diagnostic& d = report(ctx, b->start, b->end, message(m, *b));
      d.fix_title = "Remove unused import: " + quoted(import_display_name(b->qualified_name));
    }
  }

  std::string message(const SemanticModel& m, const Binding& b) const {
    std::string message = quoted(import_display_name(b.qualified_name)) + " imported but unused";
    if (b.flags & kInTry) {
      message += "; consider using `importlib.util.find_spec` to test for availability";
    } else if (first_party_in_init(m, b)) {
      message += "; consider removing, adding to `__all__`, or using a redundant alias";
    }
    return message;
  }

  // An import of the project's own code (first party or local folder, as isort's settings
  // sort it: a relative import, the file's own package, a module found in `src`...) in the
  // module scope of a package's `__init__.py`: Ruff suggests re-exporting it.
  bool first_party_in_init(const SemanticModel&, const Binding& b) const {
    if (!in_init_ || (b.flags & kInTry) || b.scope != 0) return false;
    const bool relative = b.qualified_name.starts_with(".");
    // The module imported from: `a.b` for `import a.b` and for `from a.b import c`.
    std::string_view source = b.qualified_name;
    if (b.kind == BindingKind::FromImport) source = source.substr(0, source.rfind('.'));
    const isort::Categorizer categorizer{modules_, ctx_->target_minor(), package_, ctx_->src_roots()};
    const isort::Section section = modules_.section_order[categorizer.categorize(source, relative)].section;
    return section == isort::Section::FirstParty || section == isort::Section::LocalFolder;
  }

  // Ruff's help line. In an `__init__.py` it suggests re-exporting first-party imports, though
  // with its default settings it offers no fix there.
  std::string title(const Context& ctx, const SemanticModel& m, const Binding& b, bool multiple,
                    size_t dunder_all) const {
    if (first_party_in_init(m, b) && dunder_all < 2) {
      if (dunder_all == 1) return "Add unused import `" + std::string(b.name) + "` to __all__";
      const std::string member = edits::import_member_name(ctx, import_alias_of(b));
      return "Use an explicit re-export: `" + member + " as " + member + "`";
    }
    return multiple ? "Remove unused import" : "Remove unused import: " + quoted(import_display_name(b.qualified_name));
  }

  // How many statements of the module define `__all__` (`=`, `: ... =`, `+=`).
  static size_t dunder_all_definitions(const SemanticModel& m) {
    if (m.scopes.empty()) return 0;
    size_t n = 0;
    for (uint32_t id : m.scopes[0].bindings) {
      const Binding& b = m.bindings[id];
      if (b.name == "__all__" && (b.kind == BindingKind::Assignment || b.kind == BindingKind::AnnotatedAssignment ||
                                  b.kind == BindingKind::AugmentedAssignment)) {
        ++n;
      }
    }
    return n;
  }

  const isort::KnownModules modules_;
  bool in_init_ = false;
  std::string package_;
  const Context* ctx_ = nullptr;
};

}  // namespace

extern const RuleSpec unused_import{
    .code = "F401",
    .name = "unused-import",
    .linter = "pyflakes",
    .kinds = {},
    .doc = kDoc,
    .create = make_rule<UnusedImport>(),
    .needs_semantic = true,
    .options = isort::known_module_options(),
    .fix = FixAvailability::Sometimes,
};

}  // namespace lint::rules
