#include <optional>
#include <string>
#include <vector>

#include "engine/rule.h"
#include "syntax/arguments.h"
#include "flake8_bugbear/helpers.h"
#include "pyupgrade/semantic.h"
#include "refurb/identity_check.h"

namespace lint::rules {

namespace {

constexpr std::string_view kDoc = R"(## What it does
Checks for `isinstance(x, type(None))` (or a union of `type(None)` and `None`), which tests
whether `x` is `None`.

## Why is this bad?
`None` is the only instance of its type: `x is None` says the same, plainly and faster.

## Example
```python
if isinstance(value, type(None)):
    ...
```

Use instead:
```python
if value is None:
    ...
```

## Fix safety
The fix is unsafe when the call holds a comment: it would be lost.
)";

class IsinstanceTypeNone final : public Rule {
 public:
  void enter(TSNode node, Context& ctx) override {
    if (callee_name(node, ctx) == "isinstance") candidates_.push_back(node);
  }

  void finish(Context& ctx) override {
    const SemanticModel* m = ctx.semantic();
    if (!m) return;
    const up::Resolver resolve(*m, ctx);
    for (TSNode call : candidates_) {
      const CallArguments& args = call_arguments(call, ctx);
      if (!args.keywords.empty() || args.args.size() != 2) continue;
      const TSNode subject = args.args[0], types = args.args[1];
      if (!resolve.match_builtin(field(call, "function"), "isinstance")) continue;
      if (!is_none_type(types, false, resolve, ctx)) continue;
      Diagnostic& d = report(ctx, call, "Prefer `is` operator over `isinstance` to check if an object is `None`");
      d.fix_title = "Replace with `is` operator";
      if (std::optional<Fix> fix = refurb::identity_check_fix(call, subject, false, ctx)) d.fix = std::move(*fix);
    }
  }

 private:
  // `type(None)`, a tuple of them, or a union (`|` or `Union[...]`) of them and `None`.
  static bool is_none_type(TSNode n, bool in_union, const up::Resolver& resolve, const Context& ctx) {
    n = unparenthesized(n);
    const std::string_view k = kind(n);
    if (k == "none") return in_union;
    if (k == "call") return is_a(refurb::type_call_argument(n, resolve, ctx), "none");
    if (k == "tuple") {
      bool any = false;
      for (TSNode c : children(n)) {
        if (!ts_node_is_named(c) || ts_node_is_extra(c)) continue;
        if (!is_none_type(c, false, resolve, ctx)) return false;
        any = true;
      }
      return any;
    }
    if (k == "binary_operator") {
      if (ctx.text(field(n, "operator")) != "|") return false;
      const TSNode left = field(n, "left"), right = field(n, "right");
      if (is(unparenthesized(left), "none") && is(unparenthesized(right), "none")) return false;
      return is_none_type(left, true, resolve, ctx) && is_none_type(right, true, resolve, ctx);
    }
    if (k == "subscript") {
      if (!resolve.match_typing(field(n, "value"), "Union")) return false;
      std::vector<TSNode> elements;
      for (auto it = children(n).begin(); it != children(n).end(); ++it) {
        const char* f = it.field_name();
        if (f && std::string_view(f) == "subscript") elements.push_back(*it);
      }
      if (elements.size() == 1 && is(unparenthesized(elements[0]), "tuple")) {
        return is_none_type_elements(unparenthesized(elements[0]), resolve, ctx);
      }
      if (elements.empty()) return false;
      for (TSNode e : elements) {
        if (!is_none_type(e, true, resolve, ctx)) return false;
      }
      return true;
    }
    return false;
  }

  static bool is_none_type_elements(TSNode tuple, const up::Resolver& resolve, const Context& ctx) {
    bool any = false;
    for (TSNode c : children(tuple)) {
      if (!ts_node_is_named(c) || ts_node_is_extra(c)) continue;
      if (!is_none_type(c, true, resolve, ctx)) return false;
      any = true;
    }
    return any;
  }

  std::vector<TSNode> candidates_;
};

}  // namespace

extern const RuleSpec isinstance_type_none{
    .code = "FURB168",
    .name = "isinstance-type-none",
    .linter = "refurb",
    .kinds = {"call"},
    .doc = kDoc,
    .create = make_rule<IsinstanceTypeNone>(),
    .needs_semantic = true,
    .fix = FixAvailability::Always,
};

}  // namespace lint::rules
