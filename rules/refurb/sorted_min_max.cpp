#include <optional>
#include <string>
#include <vector>

#include "engine/rule.h"
#include "syntax/arguments.h"
#include "fix/edits.h"
#include "flake8_bugbear/helpers.h"
#include "pyupgrade/semantic.h"
#include "refurb/expressions.h"

namespace lint::rules {

namespace {

constexpr std::string_view kDoc = R"(## What it does
Checks for `sorted(x)[0]` and `sorted(x)[-1]` (with or without `reverse=True` or a `key`), used
to get the smallest or largest item.

## Why is this bad?
Sorting the whole sequence to read one end of it costs O(n log n) and a new list; `min(x)` and
`max(x)` find it in one pass.

## Example
```python
smallest = sorted(numbers)[0]
largest = sorted(numbers, key=abs)[-1]
```

Use instead:
```python
smallest = min(numbers)
largest = max(numbers, key=abs)
```

## Fix safety
The fix is unsafe: when several items are equal, `sorted(x)[-1]` gives the last of them and
`max(x)` the first, which matters for items that compare equal without being identical.
)";

class SortedMinMax final : public Rule {
 public:
  void enter(TSNode node, Context& ctx) override {
    // `sorted(...)[0]` or `sorted(...)[-1]`.
    const TSNode value = unparenthesized(field(node, "value"));
    if (!is(value, "call") || callee_name(value, ctx) != "sorted") return;
    TSNode index{};
    int count = 0;
    bool comma = false;
    for (auto it = children(node).begin(); it != children(node).end(); ++it) {
      const char* f = it.field_name();
      if (f && std::string_view(f) == "subscript") {
        index = *it;
        ++count;
      }
      comma |= is(*it, ",");
    }
    if (count != 1 || comma) return;
    index = unparenthesized(index);
    bool first;
    if (is(index, "integer")) {
      if (refurb::int_value(index, ctx) != 0u) return;
      first = true;
    } else if (is(index, "unary_operator") && ctx.text(field(index, "operator")) == "-") {
      const TSNode operand = unparenthesized(field(index, "argument"));
      if (!is(operand, "integer") || refurb::int_value(operand, ctx) != 1u) return;
      first = false;
    } else {
      return;
    }
    candidates_.push_back({node, value, first});
  }

  void finish(Context& ctx) override {
    const SemanticModel* m = ctx.semantic();
    if (!m) return;
    const up::Resolver resolve(*m, ctx);
    for (const Candidate& c : candidates_) check(c, resolve, ctx);
  }

 private:
  struct Candidate {
    TSNode subscript, call;
    bool first;
  };

  // Whether the subscript is assigned to or deleted.
  static bool is_store(TSNode n) {
    TSNode child = n;
    TSNode parent = ts_node_parent(n);
    while (is(parent, "pattern_list") || is(parent, "tuple_pattern") || is(parent, "list_pattern") ||
           is(parent, "parenthesized_expression") || is(parent, "expression_list")) {
      child = parent;
      parent = ts_node_parent(parent);
    }
    if (is(parent, "delete_statement")) return true;
    if (is(parent, "assignment") || is(parent, "augmented_assignment") || is(parent, "for_statement") ||
        is(parent, "for_in_clause")) {
      return ts_node_eq(field(parent, "left"), child);
    }
    return false;
  }

  void check(const Candidate& c, const up::Resolver& resolve, Context& ctx) {
    if (!resolve.match_builtin(field(c.call, "function"), "sorted")) return;
    const CallArguments& args = call_arguments(c.call, ctx);
    if (args.args.size() != 1) return;
    TSNode reverse{}, key{};
    for (const TSNode k : args.keywords) {
      if (ts_node_is_null(keyword_name(k))) return;
      const std::string_view name = ctx.text(keyword_name(k));
      if (name == "reverse") reverse = keyword_value(k);
      else if (name == "key") key = k;
      else return;
    }
    bool reversed = false;
    if (!ts_node_is_null(reverse)) {
      const TSNode v = unparenthesized(reverse);
      if (is(v, "true")) reversed = true;
      else if (!is(v, "false")) return;
    }
    if (is_store(c.subscript)) return;
    const bool min = c.first != reversed;
    Diagnostic& d = report(ctx, c.subscript,
                           min ? "Prefer `min` over `sorted()` to compute the minimum value in a sequence"
                               : "Prefer `max` over `sorted()` to compute the maximum value in a sequence");
    d.fix_title = min ? "Replace with `min`" : "Replace with `max`";
    const std::string_view name = min ? "min" : "max";
    if (!resolve.has_builtin_binding(name, ts_node_start_byte(c.subscript))) return;
    const TSNode list = edits::parenthesized(args.args[0]);
    std::string_view text = ctx.original(list);
    // `sorted(x for x in y)`: the generator's parentheses are the call's.
    if (ts_node_eq(list, field(c.call, "arguments"))) text = text.substr(1, text.size() - 2);
    std::string replacement = std::string(name) + "(" + std::string(text);
    if (!ts_node_is_null(key)) replacement += ", " + std::string(ctx.original(key));
    replacement += ")";
    d.fix = Fix::unsafe(Edit::replace(ts_node_start_byte(c.subscript), ts_node_end_byte(c.subscript), replacement));
  }

  std::vector<Candidate> candidates_;
};

}  // namespace

extern const RuleSpec sorted_min_max{
    .code = "FURB192",
    .name = "sorted-min-max",
    .linter = "refurb",
    .kinds = {"subscript"},
    .doc = kDoc,
    .create = make_rule<SortedMinMax>(),
    .needs_semantic = true,
    .fix = FixAvailability::Sometimes,
};

}  // namespace lint::rules
