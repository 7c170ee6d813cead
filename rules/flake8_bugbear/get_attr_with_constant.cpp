#include "flake8_bugbear/fixes.h"

namespace lint::rules {

namespace {

using namespace bugbear;

constexpr std::string_view kDoc = R"(## What it does
Checks for `getattr(obj, "name")` with a constant name and no default.

## Why is this bad?
Without a default, `getattr` raises `AttributeError` exactly as `obj.name` does, so it adds
nothing but noise and hides the attribute from readers and tools.

Names that are not identifiers, and private names that Python would mangle in a class
(`__name`), are not reported.

## Example
```python
getattr(user, "name")
```

Use instead:
```python
user.name
```

## Fix safety
The fix is unsafe when the call holds or touches a comment, which it would drop or move, or when
the name might change under Python's normalization of identifiers (NFKC): the attribute written
out might then not be the one the string names.
)";

class GetattrWithConstant final : public Rule {
 public:
  void enter(TSNode node, Context& ctx) override {
    if (callee_name(node, ctx) != "getattr") return;
    const CallArguments& call = call_arguments(node, ctx);
    // Keywords (`default=`, `**options`) leave the call alone, as in Ruff 0.17.3.
    if (call.args.size() != 2 || !call.keywords.empty() || is_a(call.args[0], "list_splat")) return;
    std::string name;
    if (!str_literal_value(call.args[1], ctx, name) || !is_python_identifier(name) || is_mangled_private(name)) return;
    candidates_.push_back({node, std::move(name)});
  }

  void finish(Context& ctx) override {
    const SemanticModel* m = ctx.semantic();
    if (!m) return;
    const Resolver resolver(*m, ctx);
    for (const auto& [node, name] : candidates_) {
      const CallArguments& call = call_arguments(node, ctx);
      if (!resolver.is_builtin(call.function, "getattr")) continue;
      Diagnostic& d = report(ctx, node,
                             "Do not call `getattr` with a constant attribute value. It is not any safer than normal property "
                             "access.");
      d.fix_title = "Replace `getattr` with attribute access";
      const TSNode object = unparenthesized(call.args[0]);
      const std::string_view text = ctx.original(object);
      const std::string_view k = kind(object);
      const bool plain = (k == "identifier" || k == "attribute" || k == "subscript" || k == "call") &&
                         text.find_first_of("\r\n") == std::string_view::npos;
      std::string replacement = plain ? std::string(text) + "." + name : "(" + std::string(text) + ")." + name;
      const uint32_t start = ts_node_start_byte(node), end = ts_node_end_byte(node);
      const bool is_unsafe = !nfkc_if_changed(name).empty() || comment_intersects(node, ctx);
      d.fix = Fix::with(is_unsafe ? Applicability::Unsafe : Applicability::Safe,
                        {Edit::replace(start, end, pad(std::move(replacement), start, end, ctx))});
    }
  }

 private:
  struct Candidate {
    TSNode call;
    std::string name;
  };
  std::vector<Candidate> candidates_;
};

}  // namespace

extern const RuleSpec get_attr_with_constant{
    .code = "B009",
    .name = "get-attr-with-constant",
    .linter = "flake8-bugbear",
    .kinds = {"call"},
    .doc = kDoc,
    .create = make_rule<GetattrWithConstant>(),
    .needs_semantic = true,
    .fix = FixAvailability::Always,
};

}  // namespace lint::rules
