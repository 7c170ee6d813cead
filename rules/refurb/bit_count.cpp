#include <string>
#include <vector>

#include "engine/rule.h"
#include "syntax/arguments.h"
#include "flake8_bugbear/helpers.h"
#include "pyflakes/repeated_keys.h"
#include "pyupgrade/semantic.h"

namespace lint::rules {

namespace {

constexpr std::string_view kDoc = R"(## What it does
Checks for `bin(x).count("1")`, counting the set bits of an integer through its binary string.

## Why is this bad?
Python 3.10 added `int.bit_count()`, which counts them directly, without building a string.

## Example
```python
ones = bin(mask).count("1")
```

Use instead:
```python
ones = mask.bit_count()
```

## Fix safety
The fix is safe when the argument is known to be an integer or a boolean (a literal, or an
operation on them); otherwise it is unsafe, since an object with `__index__` works with `bin`
but may have no `bit_count` method.
)";

enum class IntKind { Int, Bool, Other };

// Ruff's type inference, as far as integers and booleans go.
IntKind int_kind(TSNode n, const Context& ctx) {
  n = unparenthesized(n);
  const std::string_view k = kind(n);
  if (k == "integer") {
    const std::string_view t = ctx.text(n);
    return t.back() == 'j' || t.back() == 'J' ? IntKind::Other : IntKind::Int;
  }
  if (k == "true" || k == "false") return IntKind::Bool;
  if (k == "not_operator") return IntKind::Bool;
  if (k == "named_expression") return int_kind(field(n, "value"), ctx);
  if (k == "unary_operator") {
    return int_kind(field(n, "argument"), ctx) == IntKind::Other ? IntKind::Other : IntKind::Int;
  }
  if (k == "binary_operator") {
    const std::string_view op = ctx.text(field(n, "operator"));
    if (op != "+" && op != "-" && op != "*") return IntKind::Other;
    if (int_kind(field(n, "left"), ctx) == IntKind::Other || int_kind(field(n, "right"), ctx) == IntKind::Other) {
      return IntKind::Other;
    }
    return IntKind::Int;
  }
  return IntKind::Other;
}

// Whether `x.bit_count()` needs `x` in parentheses, as Ruff decides it.
bool needs_parentheses(TSNode arg, const Context& ctx) {
  const std::string_view k = kind(arg);
  if (k == "integer" || k == "float") {
    const std::string_view t = ctx.text(arg);
    return !(t.size() >= 2 && t[0] == '0' && std::string_view("bBxXoO").find(t[1]) != std::string_view::npos);
  }
  if (k == "concatenated_string") return true;
  if (k == "string") return false;
  return !(k == "call" || k == "dictionary" || k == "set" || k == "list_comprehension" || k == "set_comprehension" ||
           k == "dictionary_comprehension" || k == "true" || k == "false" || k == "none" || k == "ellipsis" ||
           k == "attribute" || k == "subscript");
}

class BitCount final : public Rule {
 public:
  void enter(TSNode node, Context& ctx) override {
    if (ctx.target_minor() < 10) return;
    const CallArguments& outer = call_arguments(node, ctx);
    if (!is(outer.function, "attribute") || ctx.text(field(outer.function, "attribute")) != "count") return;
    if (!outer.keywords.empty() || outer.args.size() != 1) return;
    std::string value;
    if (!bugbear::str_literal_value(outer.args[0], ctx, value) || value != "1") return;
    const TSNode inner = unparenthesized(field(outer.function, "object"));
    if (!is(inner, "call") || callee_name(inner, ctx) != "bin") return;
    candidates_.push_back({node, inner});
  }

  void finish(Context& ctx) override {
    const SemanticModel* m = ctx.semantic();
    if (!m) return;
    const up::Resolver resolve(*m, ctx);
    for (const Candidate& c : candidates_) {
      const CallArguments& args = call_arguments(c.bin, ctx);
      if (!args.keywords.empty() || args.args.size() != 1) continue;
      if (!resolve.match_builtin(field(c.bin, "function"), "bin")) continue;
      const TSNode arg = unparenthesized(args.args[0]);
      if (is(arg, "list_splat")) continue;
      const std::string text(ctx.original(arg));
      const std::string replacement = needs_parentheses(arg, ctx) ? "(" + text + ").bit_count()" : text + ".bit_count()";
      const std::string_view shown = ctx.text(arg);
      Diagnostic& d = report(ctx, c.call, "Use of `bin(" + std::string(keys_detail::displayable(shown) ? shown : "...") +
                                              ").count('1')`");
      d.fix_title = keys_detail::displayable(replacement) ? "Replace with `" + replacement + "`"
                                                          : "Replace with `.bit_count()`";
      const bool safe = int_kind(arg, ctx) != IntKind::Other;
      d.fix = Fix::with(safe ? Applicability::Safe : Applicability::Unsafe,
                        {Edit::replace(ts_node_start_byte(c.call), ts_node_end_byte(c.call), replacement)});
    }
  }

 private:
  struct Candidate {
    TSNode call, bin;
  };
  std::vector<Candidate> candidates_;
};

}  // namespace

extern const RuleSpec bit_count{
    .code = "FURB161",
    .name = "bit-count",
    .linter = "refurb",
    .kinds = {"call"},
    .doc = kDoc,
    .create = make_rule<BitCount>(),
    .needs_semantic = true,
    .fix = FixAvailability::Always,
};

}  // namespace lint::rules
