#include <vector>

#include "engine/rule.h"
#include "pyupgrade/semantic.h"

namespace lint::rules {

namespace {

constexpr std::string_view kDoc = R"(## What it does
Checks for `type()` called on a literal, such as `type("")` or `type(0)`.

## Why is this bad?
The type of a literal is known without calling anything: `type("")` is `str`. Naming the type
says the same thing more plainly.

## Example
```python
if type(value) is type(""):
    ...
```

Use instead:
```python
if type(value) is str:
    ...
```
)";

std::string_view primitive_name(up::Literal l) {
  switch (l) {
    case up::Literal::Bool: return "bool";
    case up::Literal::Str: return "str";
    case up::Literal::Bytes: return "bytes";
    case up::Literal::Int: return "int";
    case up::Literal::Float: return "float";
    case up::Literal::Complex: return "complex";
    default: return {};
  }
}

class TypeOfPrimitive final : public Rule {
 public:
  void enter(TSNode node, Context& ctx) override {
    const TSNode function = callee(node, ctx);
    if (is(function, "identifier") ? ctx.text(function) != "type" : !is(function, "attribute")) return;
    const Arguments args = up::call_arguments(node);
    if (args.args.size() != 1 || primitive_name(up::literal_of(args.args[0], ctx)).empty()) return;
    candidates_.push_back(node);
  }

  void finish(Context& ctx) override {
    const SemanticModel* m = ctx.semantic();
    if (!m) return;
    const up::Resolver resolve(*m, ctx);
    for (TSNode call : candidates_) {
      if (!resolve.match_builtin(field(call, "function"), "type")) continue;
      const std::string_view name = primitive_name(up::literal_of(up::call_arguments(call).args[0], ctx));
      Diagnostic& d = report(ctx, call, "Use `" + std::string(name) + "` instead of `type(...)`");
      d.fix_title = "Replace `type(...)` with `" + std::string(name) + "`";
      if (resolve.has_builtin_binding(name, start_of(call))) {
        d.fix = Fix::safe(Edit::replace(start_of(call), end_of(call),
                                        up::pad(std::string(name), start_of(call), end_of(call), ctx)));
      }
    }
  }

 private:
  std::vector<TSNode> candidates_;
};

}  // namespace

extern const RuleSpec type_of_primitive{
    .code = "UP003",
    .name = "type-of-primitive",
    .linter = "pyupgrade",
    .kinds = {"call"},
    .doc = kDoc,
    .create = make_rule<TypeOfPrimitive>(),
    .needs_semantic = true,
    .fix = FixAvailability::Sometimes,
};

}  // namespace lint::rules
