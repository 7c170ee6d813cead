#include <string>
#include <unordered_set>
#include <vector>

#include "fix/generator.h"
#include "flake8_simplify/helpers.h"

namespace lint::rules {

namespace {

constexpr std::string_view kDoc = R"(## What it does
Checks for `not` applied twice: `not (not x)`.

## Why is this bad?
Two negations cancel out. Where only the truth of the result matters (the condition of an `if`
or `while`, an operand of `and`/`or` there...) the operand alone says the same; elsewhere
`bool(x)` gives the same value and says plainly that a boolean is wanted.

## Example
```python
if not (not ready):
    start()
flag = not (not ready)
```

Use instead:
```python
if ready:
    start()
flag = bool(ready)
```

## Fix safety
The fix is safe. Outside a truth test it calls `bool()`, so it is not offered where `bool` is
not the builtin.
)";

class DoubleNegation final : public Rule {
 public:
  void enter(TSNode node, Context&) override {
    const bool operand_of_not = node.id == operand_of_not_;
    const TSNode operand = unparenthesized(field(node, "argument"));
    operand_of_not_ = operand.id;
    if (is(operand, "not_operator")) candidates_.push_back({node, operand_of_not});
  }

  void finish(Context& ctx) override {
    const SemanticModel* m = ctx.semantic();
    if (!m) return;
    const up::Resolver resolver(*m, ctx);
    // Innermost first: an operand holding a `not` that was too deep to write is too deep too,
    // which spares writing each of a hundred thousand nested `not`s up to the generator's limit.
    std::unordered_set<const void*> too_deep;
    for (auto it = candidates_.rbegin(); it != candidates_.rend(); ++it) {
      const Candidate& c = *it;
      const TSNode inner = unparenthesized(field(unparenthesized(field(c.node, "argument")), "argument"));
      // The operand written anew; nothing past the generator's depth (such nesting would make
      // each message as long as the file).
      const auto written = too_deep.count(inner.id) ? std::nullopt : codegen::expression(inner, ctx);
      if (!written) {
        too_deep.insert(c.node.id);
        continue;
      }
      Diagnostic& d = report(ctx, c.node, "Use `" + *written + "` instead of `not (not " + *written + ")`");
      d.fix_title = "Replace with `" + *written + "`";
      const uint32_t start = ts_node_start_byte(c.node), end = ts_node_end_byte(c.node);
      if (c.operand_of_not || simplify::in_boolean_test(c.node, &resolver)) {
        d.fix = Fix::safe(Edit::replace(start, end, std::string(ctx.original(inner))));
      } else if (resolver.has_builtin_binding("bool", start)) {
        std::optional<std::string> call;
        if (is(inner, "generator_expression")) {
          if (const auto g = codegen::expression(inner, ctx)) call = std::string("bool").append(*g);
        } else if (const auto a = codegen::expression(inner, ctx, codegen::kTupleElement)) {
          call = "bool(" + *a + ")";
        }
        if (call) d.fix = Fix::safe(Edit::replace(start, end, std::move(*call)));
      }
    }
  }

 private:
  struct Candidate {
    TSNode node;
    bool operand_of_not;  // the operand of an enclosing `not`: a truth test
  };
  const void* operand_of_not_ = nullptr;
  std::vector<Candidate> candidates_;
};

}  // namespace

extern const RuleSpec double_negation{
    .code = "SIM208",
    .name = "double-negation",
    .linter = "flake8-simplify",
    .kinds = {"not_operator"},
    .doc = kDoc,
    .create = make_rule<DoubleNegation>(),
    .needs_semantic = true,
    .fix = FixAvailability::Always,
};

}  // namespace lint::rules
