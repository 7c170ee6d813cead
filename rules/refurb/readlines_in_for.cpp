#include <string>
#include <vector>

#include "engine/rule.h"
#include "fix/edits.h"
#include "pyupgrade/edits.h"
#include "pyupgrade/semantic.h"
#include "refurb/binding_types.h"

namespace lint::rules {

namespace {

constexpr std::string_view kDoc = R"(## What it does
Checks for `for` loops and comprehensions over `f.readlines()` where `f` is a file object.

## Why is this bad?
A file object is itself an iterator over its lines. `readlines()` first reads the whole file
into a list, which costs memory and delays the first iteration.

## Example
```python
with open("notes.txt") as f:
    for line in f.readlines():
        print(line)
```

Use instead:
```python
with open("notes.txt") as f:
    for line in f:
        print(line)
```

## Fix safety
The fix is unsafe when the call holds a comment: it would be lost.
)";

class ReadlinesInFor final : public Rule {
 public:
  void enter(TSNode node, Context& ctx) override {
    const TSNode iter = unparenthesized(field(node, "right"));
    if (!is(iter, "call")) return;
    const TSNode function = unparenthesized(field(iter, "function"));
    if (!is(function, "attribute") || ctx.text(field(function, "attribute")) != "readlines") return;
    const TSNode arguments = field(iter, "arguments");
    if (!is(arguments, "argument_list")) return;
    for (TSNode a : children(arguments)) {
      if (ts_node_is_named(a) && !ts_node_is_extra(a)) return;
    }
    candidates_.push_back({iter, function});
  }

  void finish(Context& ctx) override {
    const SemanticModel* m = ctx.semantic();
    if (!m) return;
    const up::Resolver resolve(*m, ctx);
    for (const Candidate& c : candidates_) {
      const TSNode object = field(c.function, "object");
      const TSNode value = unparenthesized(object);
      if (is(value, "identifier")) {
        const Reference* r = resolve.reference(value);
        if (!r || r->binding < 0) continue;
        if (!refurb::binding_has_type(m->bindings[r->binding], refurb::PyType::IoBase, resolve, ctx)) continue;
      } else if (!refurb::initializer_has_type(value, refurb::PyType::IoBase, resolve, ctx)) {
        continue;
      }
      Diagnostic& d = report(ctx, c.call, "Instead of calling `readlines()`, iterate over file object directly");
      d.fix_title = "Remove `readlines()`";
      const uint32_t start = ts_node_end_byte(edits::parenthesized(object)), end = ts_node_end_byte(c.call);
      const bool comment = up::has_comment(c.call, ts_node_start_byte(c.call), end);
      d.fix = Fix::with(comment ? Applicability::Unsafe : Applicability::Safe,
                        {Edit::replace(start, end, edits::pad_end(std::string(), end, ctx))});
    }
  }

 private:
  struct Candidate {
    TSNode call, function;
  };
  std::vector<Candidate> candidates_;
};

}  // namespace

extern const RuleSpec readlines_in_for{
    .code = "FURB129",
    .name = "readlines-in-for",
    .linter = "refurb",
    .kinds = {"for_statement", "for_in_clause"},
    .doc = kDoc,
    .create = make_rule<ReadlinesInFor>(),
    .needs_semantic = true,
    .fix = FixAvailability::Always,
};

}  // namespace lint::rules
