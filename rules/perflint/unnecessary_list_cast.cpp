#include <algorithm>
#include <string>
#include <vector>

#include "engine/rule.h"
#include "syntax/arguments.h"
#include "fix/edits.h"
#include "flake8_bugbear/helpers.h"
#include "pyupgrade/edits.h"
#include "pyupgrade/semantic.h"
#include "refurb/binding_types.h"

namespace lint::rules {

namespace {

constexpr std::string_view kDoc = R"(## What it does
Checks for `for` loops over `list(x)` where `x` is a list, tuple or set display (or a name
assigned one, and not changed in the loop).

## Why is this bad?
Iterating over the display itself gives the same items; the `list()` call copies them first for
nothing.

## Example
```python
for item in list((1, 2, 3)):
    print(item)
```

Use instead:
```python
for item in (1, 2, 3):
    print(item)
```

## Fix safety
The fix is unsafe when the call holds a comment: it would be lost.
)";

class UnnecessaryListCast final : public Rule {
 public:
  void enter(TSNode node, Context& ctx) override {
    const std::string_view k = kind(node);
    if (k == "for_statement") {
      const TSNode iter = unparenthesized(field(node, "right"));
      if (!is(iter, "call") || callee_name(iter, ctx) != "list") return;
      const CallArguments& args = call_arguments(iter, ctx);
      if (args.args.size() != 1) return;
      const TSNode body = field(node, "body");
      candidates_.push_back({iter, unparenthesized(args.args[0]), ts_node_start_byte(body), ts_node_end_byte(body)});
      return;
    }
    // Statements that change a name's list: `x.append(...)` and its kin, `x[i] = ...`,
    // `del x[i]`, `x += ...`.
    if (k == "expression_statement") {
      if (ts_node_named_child_count(node) != 1) return;
      const TSNode call = ts_node_named_child(node, 0);
      if (!is(call, "call")) return;
      const TSNode function = field(call, "function");
      if (!is(function, "attribute")) return;
      static constexpr std::string_view kMethods[] = {"append", "insert", "extend", "remove",
                                                      "pop",    "clear",  "reverse", "sort"};
      const std::string_view method = ctx.text(field(function, "attribute"));
      if (std::find(std::begin(kMethods), std::end(kMethods), method) == std::end(kMethods)) return;
      add_mutation(field(function, "object"), node, ctx);
    } else if (k == "assignment") {
      add_subscript_mutation(field(node, "left"), node, ctx);
    } else if (k == "augmented_assignment") {
      add_mutation(field(node, "left"), node, ctx);
    } else if (k == "delete_statement") {
      for (TSNode c : children(node)) {
        if (is(c, "expression_list")) {
          for (TSNode t : children(c)) add_subscript_mutation(t, node, ctx);
        } else {
          add_subscript_mutation(c, node, ctx);
        }
      }
    }
  }

  void finish(Context& ctx) override {
    const SemanticModel* m = ctx.semantic();
    if (!m) return;
    const up::Resolver resolve(*m, ctx);
    for (const Candidate& c : candidates_) {
      if (!resolve.match_builtin(field(c.call, "function"), "list")) continue;
      const std::string_view k = kind(c.arg);
      if (k == "identifier") {
        const Reference* r = resolve.reference(c.arg);
        if (!r || r->binding < 0) continue;
        const TSNode value = up::expr_of(refurb::binding_value(m->bindings[r->binding], ctx));
        if (ts_node_is_null(value)) continue;
        const std::string_view vk = kind(value);
        if (vk != "tuple" && vk != "list" && vk != "set" && vk != "expression_list") continue;
        const std::string_view name = ctx.text(c.arg);
        bool mutated = false;
        for (const Mutation& mu : mutations_) {
          mutated |= mu.name == name && mu.at >= c.body_start && mu.at < c.body_end;
        }
        if (mutated) continue;
      } else if (k != "tuple" && k != "list" && k != "set") {
        continue;
      }
      Diagnostic& d = report(ctx, c.call, "Do not cast an iterable to `list` before iterating over it");
      d.fix_title = "Remove `list()` cast";
      const uint32_t start = ts_node_start_byte(c.call), end = ts_node_end_byte(c.call);
      d.fix = Fix::with(up::has_comment(c.call, start, end) ? Applicability::Unsafe : Applicability::Safe,
                        {Edit::replace(start, end, edits::pad(std::string(ctx.original(c.arg)), start, end, ctx))});
    }
  }

 private:
  struct Candidate {
    TSNode call, arg;
    uint32_t body_start, body_end;
  };
  struct Mutation {
    std::string_view name;
    uint32_t at;
  };

  void add_mutation(TSNode target, TSNode stmt, const Context& ctx) {
    if (is(target, "identifier")) mutations_.push_back({ctx.text(target), ts_node_start_byte(stmt)});
  }
  void add_subscript_mutation(TSNode target, TSNode stmt, const Context& ctx) {
    if (is(target, "subscript")) add_mutation(field(target, "value"), stmt, ctx);
  }

  std::vector<Candidate> candidates_;
  std::vector<Mutation> mutations_;
};

}  // namespace

extern const RuleSpec unnecessary_list_cast{
    .code = "PERF101",
    .name = "unnecessary-list-cast",
    .linter = "perflint",
    .kinds = {"for_statement", "expression_statement", "assignment", "augmented_assignment", "delete_statement"},
    .doc = kDoc,
    .create = make_rule<UnnecessaryListCast>(),
    .needs_semantic = true,
    .fix = FixAvailability::Always,
};

}  // namespace lint::rules
