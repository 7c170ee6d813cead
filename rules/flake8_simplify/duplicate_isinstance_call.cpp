#include <string>
#include <vector>

#include "fix/edits.h"
#include "flake8_comprehensions/comparable.h"
#include "flake8_simplify/helpers.h"

namespace lint::rules {

namespace {

constexpr std::string_view kDoc = R"(## What it does
Checks for `or` chains holding consecutive `isinstance` calls on the same object.

## Why is this bad?
`isinstance` takes a tuple of classes: one call with all of them says the same thing, shorter.

## Example
```python
if isinstance(value, int) or isinstance(value, float):
    ...
```

Use instead:
```python
if isinstance(value, (int, float)):
    ...
```

## Fix safety
The fix is unsafe: it joins the calls, so comments between them are lost. It is not offered
when the object's expression may have side effects (it would be evaluated once instead of
several times).
)";

class DuplicateIsinstanceCall final : public Rule {
 public:
  void enter(TSNode node, Context& ctx) override {
    if (!heads_.head(node, ctx) || ctx.text(field(node, "operator")) != "or") return;
    int calls = 0;
    for (const TSNode value : simplify::bool_values(node, ctx)) {
      const TSNode v = unparenthesized(value);
      if (is(v, "call")) ++calls;
    }
    if (calls >= 2) chains_.push_back(node);
  }

  void finish(Context& ctx) override {
    const SemanticModel* m = ctx.semantic();
    if (!m) return;
    const up::Resolver resolver(*m, ctx);
    for (const TSNode node : chains_) check(node, resolver, ctx);
  }

 private:
  // The two positional arguments of `isinstance(target, types)`, or nothing.
  static std::vector<TSNode> isinstance_args(TSNode value, const up::Resolver& resolver) {
    const TSNode call = unparenthesized(value);
    if (!is(call, "call")) return {};
    const TSNode arguments = field(call, "arguments");
    if (!is(arguments, "argument_list")) return {};
    std::vector<TSNode> args = simplify::named_operands(arguments);
    if (args.size() != 2) return {};
    for (const TSNode a : args) {
      if (is(a, "keyword_argument") || is(a, "dictionary_splat")) return {};
    }
    if (!resolver.match_builtin(field(call, "function"), "isinstance")) return {};
    return args;
  }

  void check(TSNode node, const up::Resolver& resolver, Context& ctx) {
    const std::vector<TSNode> values = simplify::bool_values(node, ctx);
    std::vector<std::vector<size_t>> groups;
    std::string last;
    bool have_last = false;
    for (size_t i = 0; i < values.size(); ++i) {
      const std::vector<TSNode> args = isinstance_args(values[i], resolver);
      if (args.empty()) {
        have_last = false;
        continue;
      }
      std::string target = flake8_comprehensions::comparable(args[0], ctx);
      if (have_last && target == last) {
        groups.back().push_back(i);
      } else {
        last = std::move(target);
        have_last = true;
        groups.push_back({i});
      }
    }
    for (const std::vector<size_t>& group : groups) {
      if (group.size() < 2) continue;
      const TSNode target = unparenthesized(isinstance_args(values[group[0]], resolver)[0]);
      const bool named = is(target, "identifier");
      const std::string name(named ? ctx.text(target) : std::string_view());
      Diagnostic& d = report(ctx, node,
                             named ? "Multiple `isinstance` calls for `" + name + "`, merge into a single call"
                                   : std::string("Multiple `isinstance` calls for expression, merge into a single call"));
      d.fix_title = named ? "Merge `isinstance` calls for `" + name + "`" : std::string("Merge `isinstance` calls");
      if (edits::contains_effect(ctx, target, [&](std::string_view n) { return edits::is_unshadowed_builtin(ctx, n); })) {
        continue;
      }
      std::vector<TSNode> types;
      for (const size_t i : group) {
        const TSNode t = unparenthesized(isinstance_args(values[i], resolver)[1]);
        if (is(t, "tuple")) {
          for (const TSNode e : simplify::named_operands(t)) types.push_back(unparenthesized(e));
        } else {
          types.push_back(t);
        }
      }
      std::string joined;
      for (const TSNode t : types) {
        if (!joined.empty()) joined += ", ";
        joined += ctx.original(t);
      }
      if (types.size() == 1 && is(types[0], "list_splat")) joined += ',';
      const uint32_t start = ts_node_start_byte(values[group.front()]);
      const uint32_t end = ts_node_end_byte(values[group.back()]);
      std::string combined = "isinstance(" + std::string(ctx.original(target)) + ", (" + joined + "))";
      d.fix = Fix::unsafe(Edit::replace(start, end, edits::pad(std::move(combined), start, end, ctx)));
    }
  }

  simplify::ChainHeads heads_;
  std::vector<TSNode> chains_;
};

}  // namespace

extern const RuleSpec duplicate_isinstance_call{
    .code = "SIM101",
    .name = "duplicate-isinstance-call",
    .linter = "flake8-simplify",
    .kinds = {"boolean_operator"},
    .doc = kDoc,
    .create = make_rule<DuplicateIsinstanceCall>(),
    .needs_semantic = true,
    .fix = FixAvailability::Sometimes,
};

}  // namespace lint::rules
