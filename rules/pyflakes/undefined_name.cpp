#include <algorithm>

#include "engine/rule.h"

namespace lint::rules {

namespace {

constexpr std::string_view kDoc = R"(## What it does
Checks for uses of names that are not defined in any enclosing scope, nor as a builtin.

## Why is this bad?
Reading a name that nothing binds raises `NameError` when the line runs. A misspelled variable,
a missing import, or a name used after `del` all end up here. Function bodies are checked with
late binding, as Python runs them: a module-level name assigned after the function is defined
still counts.

## Example
```python
def area(radius):
    return pi * radius**2
```

Use instead:
```python
from math import pi


def area(radius):
    return pi * radius**2
```
)";

class UndefinedName final : public Rule {
 public:
  explicit UndefinedName(const RuleOptions& options) : builtins_(options.strings("builtins")) {}

  // The name as the file writes it: the model holds names NFKC-normalised (`𝒟` is looked up as
  // `D`), but Ruff's message quotes the source.
  static std::string_view as_written(const Context& ctx, const Unresolved& u) {
    if (u.end > ctx.source().size() || u.start >= u.end) return u.name;
    const std::string_view raw = ctx.source().substr(u.start, u.end - u.start);
    return is_ascii(raw) ? u.name : raw;
  }

  void finish(Context& ctx) override {
    const SemanticModel* m = ctx.semantic();
    if (!m) return;
    for (const Unresolved& u : m->unresolved) {
      if (u.star_import_in_scope) continue;  // F405
      if (u.flags & kInNameErrorTry) continue;
      // A local annotation that a nested function assigns through `nonlocal`.
      if (u.annotation >= 0 && (m->bindings[u.annotation].flags & kReboundNonlocal)) continue;
      if (std::find(builtins_.begin(), builtins_.end(), u.name) != builtins_.end()) continue;
      std::string message = "Undefined name `" + std::string(as_written(ctx, u)) + "`";
      // A builtin of a later Python than the target: say how to target it (as Ruff does).
      if (const int minor = builtin_added_in(u.name); minor > ctx.target_minor()) {
        const std::string v = std::to_string(minor);
        message += ". Consider specifying `requires-python = \">= 3." + v + "\"` or `tool.lint.target-version = \"py3" + v +
                   "\"` in your `pyproject.toml` file.";
      }
      report(ctx, u.start, u.end, std::move(message));
    }
  }

 private:
  std::vector<std::string> builtins_;
};

}  // namespace

extern const RuleSpec undefined_name{
    .code = "F821",
    .name = "undefined-name",
    .linter = "pyflakes",
    .kinds = {},
    .doc = kDoc,
    .create = make_rule<UndefinedName>(),
    .needs_semantic = true,
    .options = {{.name = "builtins",
                 .type = RuleOption::Type::Strings,
                 .default_value = "[]",
                 .doc = "Names to treat as builtins besides Python's (as Ruff's `builtins`)."}},
};

}  // namespace lint::rules
