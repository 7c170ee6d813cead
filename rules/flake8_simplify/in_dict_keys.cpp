#include <string>
#include <vector>

#include "flake8_simplify/helpers.h"
#include "pyupgrade/syntax.h"

namespace lint::rules {

namespace {

constexpr std::string_view kDoc = R"(## What it does
Checks for membership tests and loops over `dict.keys()`: `key in d.keys()`,
`for key in d.keys()`.

## Why is this bad?
A dictionary already tests membership and iterates by its keys, so `key in d` and `for key in d`
say the same without the extra call (and, for membership, in constant time with no view made).

`self.keys()` is left alone: a class defining `__contains__` through its own `keys()` means it.

## Example
```python
if name in options.keys():
    ...
for name in options.keys():
    ...
```

Use instead:
```python
if name in options:
    ...
for name in options:
    ...
```

## Fix safety
The fix is safe only where the object is known to be a dictionary (a name bound once to a dict
display, comprehension or `dict()` call, or annotated `dict`, or a `**kwargs` parameter): any
other class may define `keys()` so that it differs from iterating over the object itself.
)";

class KeyInDict final : public Rule {
 public:
  void enter(TSNode node, Context& ctx) override {
    TSNode left, right;
    std::string_view op = "in";
    if (is(node, "comparison_operator")) {
      std::vector<TSNode> operands;
      int operators = 0;
      for (TSNode c : children(node)) {
        if (ts_node_is_extra(c)) continue;
        if (ts_node_is_named(c)) {
          operands.push_back(c);
        } else {
          op = kind(c);
          ++operators;
        }
      }
      if (operators != 1 || operands.size() != 2 || (op != "in" && op != "not in")) return;
      left = operands[0];
      right = operands[1];
    } else {
      if (is(node, "for_statement")) {
        for (TSNode c : children(node)) {
          if (is(c, "async")) return;
        }
      }
      left = field(node, "left");
      right = field(node, "right");
    }
    if (ts_node_is_null(left) || ts_node_is_null(right)) return;
    const TSNode call = unparenthesized(right);
    if (!is(call, "call")) return;
    const TSNode arguments = field(call, "arguments");
    if (!is(arguments, "argument_list") || !simplify::named_operands(arguments).empty()) return;
    const TSNode function = unparenthesized(field(call, "function"));
    if (!is(function, "attribute") || ctx.text(field(function, "attribute")) != "keys") return;
    const TSNode object = unparenthesized(field(function, "object"));
    if (is(object, "identifier") && ctx.text(object) == "self") return;
    found_.push_back({ts_node_start_byte(left), ts_node_end_byte(right), call, function, object, op});
  }

  void finish(Context& ctx) override {
    const SemanticModel* m = ctx.semantic();
    if (!m) return;
    const up::Resolver resolver(*m, ctx);
    for (const Found& f : found_) {
      Diagnostic& d = report(ctx, f.start, f.end,
                             "Use `key " + std::string(f.op) + " dict` instead of `key " + std::string(f.op) +
                                 " dict.keys()`");
      d.fix_title = "Remove `.keys()`";
      uint32_t dot = 0;
      for (TSNode c : children(f.function)) {
        if (is(c, ".")) dot = ts_node_start_byte(c);
      }
      if (dot == 0) continue;
      bool dict = false;
      if (is(f.object, "identifier")) {
        const Binding* b = m->binding_at(ts_node_start_byte(f.object));
        dict = b && !(b->shadows >= 0 && b->shadows_same_scope) && simplify::binds_dict(*b, resolver, ctx);
      }
      const uint32_t end = ts_node_end_byte(f.call);
      const std::string_view after = ctx.source().substr(end);
      const bool letter = !after.empty() && ((after[0] >= 'a' && after[0] <= 'z') || (after[0] >= 'A' && after[0] <= 'Z'));
      const Edit edit = letter ? Edit::replace(dot, end, " ") : Edit::deletion(dot, end);
      d.fix = dict ? Fix::safe(edit) : Fix::unsafe(edit);
    }
  }

 private:
  struct Found {
    uint32_t start, end;
    TSNode call, function, object;
    std::string_view op;
  };
  std::vector<Found> found_;
};

}  // namespace

extern const RuleSpec in_dict_keys{
    .code = "SIM118",
    .name = "in-dict-keys",
    .linter = "flake8-simplify",
    .kinds = {"comparison_operator", "for_statement", "for_in_clause"},
    .doc = kDoc,
    .create = make_rule<KeyInDict>(),
    .needs_semantic = true,
    .fix = FixAvailability::Always,
};

}  // namespace lint::rules
