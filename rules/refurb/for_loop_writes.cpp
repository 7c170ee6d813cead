#include <string>
#include <vector>

#include "engine/rule.h"
#include "syntax/arguments.h"
#include "flake8_bugbear/helpers.h"
#include "pyupgrade/edits.h"
#include "pyupgrade/semantic.h"
#include "refurb/binding_types.h"
#include "refurb/loops.h"

namespace lint::rules {

namespace {

constexpr std::string_view kDoc = R"(## What it does
Checks for `for` loops whose only statement writes to a file object, one item at a time.

## Why is this bad?
`f.writelines(items)` writes them all in one call: shorter, and faster than calling `write` for
each item.

The loop is left alone when its variable is read after the loop, or shadows a name bound
before it: the rewrite would change what those see.

## Example
```python
with open("out.txt", "w") as f:
    for line in lines:
        f.write(line)
```

Use instead:
```python
with open("out.txt", "w") as f:
    f.writelines(lines)
```

## Fix safety
The fix is unsafe when the loop holds a comment: it would be lost.
)";

class ForLoopWrites final : public Rule {
 public:
  void enter(TSNode node, Context& ctx) override {
    // Cheap syntactic screening: no `else`, not `async`, one statement `name.write(arg)`.
    if (!ts_node_is_null(field(node, "alternative"))) return;
    if (is(ts_node_child(node, 0), "async")) return;
    const TSNode body = field(node, "body");
    TSNode only{};
    int count = 0;
    for (TSNode c : children(body)) {
      if (!ts_node_is_named(c) || ts_node_is_extra(c)) continue;
      only = c;
      ++count;
    }
    if (count != 1 || !is(only, "expression_statement") || ts_node_named_child_count(only) != 1) return;
    const TSNode call = ts_node_named_child(only, 0);
    if (!is(call, "call")) return;
    const TSNode function = unparenthesized(field(call, "function"));
    if (!is(function, "attribute") || ctx.text(field(function, "attribute")) != "write") return;
    if (!is(unparenthesized(field(function, "object")), "identifier")) return;
    const CallArguments& args = call_arguments(call, ctx);
    if (!args.keywords.empty() || args.args.size() != 1) return;
    candidates_.push_back({node, only, call});
  }

  void finish(Context& ctx) override {
    const SemanticModel* m = ctx.semantic();
    if (!m) return;
    const up::Resolver resolve(*m, ctx);
    for (const Candidate& c : candidates_) check(c, resolve, ctx);
  }

 private:
  struct Candidate {
    TSNode loop, stmt, call;
  };

  void check(const Candidate& c, const up::Resolver& resolve, Context& ctx) {
    const SemanticModel& m = resolve.model();
    const TSNode function = unparenthesized(field(c.call, "function"));
    const TSNode object = unparenthesized(field(function, "object"));
    const Reference* r = resolve.reference(object);
    if (!r || r->binding < 0) return;
    if (!refurb::binding_has_type(m.bindings[r->binding], refurb::PyType::IoBase, resolve, ctx)) return;

    const uint32_t start = ts_node_start_byte(c.loop), end = ts_node_end_byte(c.stmt);
    const TSNode target = field(c.loop, "left");
    std::vector<TSNode> names;
    refurb::loop_target_names(target, names);
    for (TSNode name : names) {
      const std::string_view id = ctx.text(name);
      // A name bound before the loop (a builtin too) would be overwritten by the loop.
      if (resolve.lookup(id, start) || is_python_builtin(id, m.target_minor)) return;
      // The loop's binding must not be read after it.
      const Binding* last = resolve.lookup(id, end);
      if (!last) continue;
      const int32_t index = static_cast<int32_t>(last - m.bindings.data());
      for (const Reference& ref : m.references) {
        if (ref.binding == index && (ref.start < start || ref.end > end)) return;
      }
    }

    const CallArguments& args = call_arguments(c.call, ctx);
    const TSNode arg = unparenthesized(args.args[0]);
    const std::string receiver(ctx.original(object));
    std::string content;
    const TSNode plain_target = target;
    if (is(plain_target, "identifier") && is(arg, "identifier") && ctx.text(plain_target) == ctx.text(arg)) {
      content = receiver + ".writelines(" + refurb::loop_iter_text(c.loop, refurb::IterLocation::Call, ctx) + ")";
    } else {
      content = receiver + ".writelines(" + std::string(ctx.original(arg)) + " for " +
                std::string(ctx.original(target)) + " in " +
                refurb::loop_iter_text(c.loop, refurb::IterLocation::Comprehension, ctx) + ")";
    }
    Diagnostic& d = report(ctx, start, end, "Use of `" + std::string(ctx.text(object)) + ".write` in a for loop");
    d.fix_title = "Replace with `" + std::string(ctx.text(object)) + ".writelines`";
    const bool comment = up::has_comment(c.loop, start, end);
    d.fix = Fix::with(comment ? Applicability::Unsafe : Applicability::Safe, {Edit::replace(start, end, content)});
  }

  std::vector<Candidate> candidates_;
};

}  // namespace

extern const RuleSpec for_loop_writes{
    .code = "FURB122",
    .name = "for-loop-writes",
    .linter = "refurb",
    .kinds = {"for_statement"},
    .doc = kDoc,
    .create = make_rule<ForLoopWrites>(),
    .needs_semantic = true,
    .fix = FixAvailability::Always,
};

}  // namespace lint::rules
