#include <string>
#include <vector>

#include "engine/rule.h"
#include "fix/edits.h"
#include "syntax/node.h"

namespace lint::rules {

namespace {

constexpr std::string_view kDoc = R"(## What it does
Checks for `for` loops over `dict.items()` that use only the keys or only the values.
(Comprehensions are checked only in Ruff's preview mode, and not here.)

## Why is this bad?
`dict.keys()` and `dict.values()` give just what the loop uses, without building a tuple for
each item and unpacking it.

## Example
```python
for name, _ in settings.items():
    print(name)
```

Use instead:
```python
for name in settings.keys():
    print(name)
```

## Fix safety
The fix is unsafe: the object may not be a dict, and its `keys()` or `values()` may not behave
as its `items()` does.
)";

class IncorrectDictIterator final : public Rule {
 public:
  void enter(TSNode node, Context& ctx) override {
    const TSNode target = field(node, "left");
    if (!is(target, "pattern_list") && !is(target, "tuple_pattern") && !is(target, "tuple")) return;
    std::vector<TSNode> elements;
    for (TSNode c : children(target)) {
      if (ts_node_is_named(c) && !ts_node_is_extra(c)) elements.push_back(c);
    }
    if (elements.size() != 2) return;
    const TSNode iter = unparenthesized(field(node, "right"));
    if (!is(iter, "call")) return;
    const TSNode function = unparenthesized(field(iter, "function"));
    if (!is(function, "attribute") || ctx.text(field(function, "attribute")) != "items") return;
    const TSNode arguments = field(iter, "arguments");
    if (!is(arguments, "argument_list")) return;
    for (TSNode a : children(arguments)) {
      if (!ts_node_is_named(a) || ts_node_is_extra(a)) continue;
      if (!is(a, "keyword_argument") && !is(a, "dictionary_splat")) return;  // positional arguments
    }
    candidates_.push_back({target, elements[0], elements[1], function});
  }

  void finish(Context& ctx) override {
    const SemanticModel* m = ctx.semantic();
    if (!m) return;
    for (const Candidate& c : candidates_) {
      const uint32_t scope = m->scope_at(ts_node_start_byte(c.target));
      const bool key_unused = is_unused(c.key, scope, *m, ctx);
      const bool value_unused = is_unused(c.value, scope, *m, ctx);
      if (key_unused == value_unused) continue;
      const std::string subset = key_unused ? "values" : "keys";
      const TSNode kept = key_unused ? c.value : c.key;
      Diagnostic& d = report(ctx, c.function, "When using only the " + subset + " of a dict use the `" + subset +
                                                  "()` method");
      d.fix_title = "Replace `.items()` with `." + subset + "()`";
      const TSNode attr = field(c.function, "attribute");
      const uint32_t start = ts_node_start_byte(c.target), end = ts_node_end_byte(c.target);
      d.fix = Fix::unsafe({Edit::replace(ts_node_start_byte(attr), ts_node_end_byte(attr), subset),
                           Edit::replace(start, end, edits::pad(std::string(ctx.original(kept)), start, end, ctx))});
    }
  }

 private:
  struct Candidate {
    TSNode target, key, value, function;
  };

  // Ruff's is_unused: a tuple whose elements are all unused, or a name whose bindings in the
  // scope, from this one on, are never read.
  static bool is_unused(TSNode n, uint32_t scope, const SemanticModel& m, const Context& ctx) {
    const std::string_view k = kind(n);
    if (k == "tuple_pattern" || k == "tuple" || k == "pattern_list") {
      for (TSNode c : children(n)) {
        if (ts_node_is_named(c) && !ts_node_is_extra(c) && !is_unused(c, scope, m, ctx)) return false;
      }
      return true;
    }
    if (k != "identifier") return false;
    const std::string_view name = ctx.text(n);
    const uint32_t at = ts_node_start_byte(n);
    for (uint32_t id : m.scopes[scope].bindings) {
      const Binding& b = m.bindings[id];
      if (b.name == name && b.start >= at && b.uses > 0) return false;
    }
    return true;
  }

  std::vector<Candidate> candidates_;
};

}  // namespace

extern const RuleSpec incorrect_dict_iterator{
    .code = "PERF102",
    .name = "incorrect-dict-iterator",
    .linter = "perflint",
    .kinds = {"for_statement"},
    .doc = kDoc,
    .create = make_rule<IncorrectDictIterator>(),
    .needs_semantic = true,
    .fix = FixAvailability::Always,
};

}  // namespace lint::rules
