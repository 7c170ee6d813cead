#include <optional>
#include <string>
#include <vector>

#include "engine/rule.h"
#include "syntax/arguments.h"
#include "fix/edits.h"
#include "flake8_bugbear/helpers.h"
#include "flake8_comprehensions/comparable.h"
#include "fix/generator.h"
#include "pyflakes/repeated_keys.h"
#include "pyupgrade/semantic.h"
#include "refurb/binding_types.h"

namespace lint::rules {

namespace {

constexpr std::string_view kDoc = R"(## What it does
Checks for `if x in s: s.remove(x)` on a set `s`.

## Why is this bad?
`s.discard(x)` removes the element when it is there and does nothing otherwise: one call, one
lookup, and no test to read.

## Example
```python
if name in seen:
    seen.remove(name)
```

Use instead:
```python
seen.discard(name)
```

## Fix safety
The fix is unsafe: comments in the statement are lost, and an element whose `__eq__` or
`__hash__` behaves unusually might be treated differently by one call than by the test and the
removal.
)";

class CheckAndRemoveFromSet final : public Rule {
 public:
  void enter(TSNode node, Context& ctx) override {
    if (!ts_node_is_null(field(node, "alternative"))) return;
    TSNode only{};
    int count = 0;
    for (TSNode c : children(field(node, "consequence"))) {
      if (!ts_node_is_named(c) || ts_node_is_extra(c)) continue;
      only = c;
      ++count;
    }
    if (count != 1 || !is(only, "expression_statement") || ts_node_named_child_count(only) != 1) return;
    // `element in name`.
    const TSNode test = unparenthesized(field(node, "condition"));
    if (!is(test, "comparison_operator")) return;
    std::vector<TSNode> operands;
    std::vector<std::string_view> ops;
    for (TSNode c : children(test)) {
      if (ts_node_is_extra(c)) continue;
      if (ts_node_is_named(c)) operands.push_back(c);
      else ops.push_back(ctx.text(c));
    }
    if (operands.size() != 2 || ops.size() != 1 || ops[0] != "in") return;
    const TSNode set = unparenthesized(operands[1]);
    if (!is(set, "identifier")) return;
    // `name.remove(element)`.
    const TSNode call = ts_node_named_child(only, 0);
    if (!is(call, "call")) return;
    const CallArguments& args = call_arguments(call, ctx);
    if (!is(args.function, "attribute") || ctx.text(field(args.function, "attribute")) != "remove") return;
    const TSNode receiver = unparenthesized(field(args.function, "object"));
    if (!is(receiver, "identifier") || ctx.text(receiver) != ctx.text(set)) return;
    if (args.args.size() != 1 || !args.keywords.empty()) return;
    using flake8_comprehensions::comparable;
    if (comparable(operands[0], ctx) != comparable(args.args[0], ctx)) return;
    candidates_.push_back({node, only, unparenthesized(operands[0]), set});
  }

  void finish(Context& ctx) override {
    const SemanticModel* m = ctx.semantic();
    if (!m) return;
    const up::Resolver resolve(*m, ctx);
    for (const Candidate& c : candidates_) {
      const uint32_t at = ts_node_start_byte(c.statement);
      if (edits::contains_effect(ctx, c.element,
                                 [&](std::string_view name) { return resolve.has_builtin_binding(name, at); })) {
        continue;
      }
      const Reference* r = resolve.reference(c.set);
      if (!r || r->binding < 0) continue;
      const Binding& b = m->bindings[r->binding];
      if (b.shadows >= 0 && b.shadows_same_scope) continue;
      if (!refurb::binding_has_type(b, refurb::PyType::Set, resolve, ctx)) continue;
      const std::string_view element = ctx.text(c.element);
      const std::string suggestion = std::string(ctx.text(c.set)) + ".discard(" +
                                     std::string(keys_detail::displayable(element) ? element : "...") + ")";
      const uint32_t end = ts_node_end_byte(c.body);
      Diagnostic& d = report(ctx, at, end, "Use `" + suggestion + "` instead of check and `remove`");
      d.fix_title = "Replace with `" + suggestion + "`";
      const std::optional<std::string> generated = codegen::expression(c.element, ctx, codegen::kTupleElement);
      if (!generated) continue;
      d.fix = Fix::unsafe(Edit::replace(at, end, std::string(ctx.text(c.set)) + ".discard(" + *generated + ")"));
    }
  }

 private:
  struct Candidate {
    TSNode statement, body, element, set;
  };
  std::vector<Candidate> candidates_;
};

}  // namespace

extern const RuleSpec check_and_remove_from_set{
    .code = "FURB132",
    .name = "check-and-remove-from-set",
    .linter = "refurb",
    .kinds = {"if_statement"},
    .doc = kDoc,
    .create = make_rule<CheckAndRemoveFromSet>(),
    .needs_semantic = true,
    .fix = FixAvailability::Always,
};

}  // namespace lint::rules
