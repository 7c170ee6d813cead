#include "flake8_bugbear/helpers.h"

namespace lint::rules {

namespace {

using namespace bugbear;

constexpr std::string_view kDoc = R"(## What it does
Checks for `++x` and `--x`.

## Why is this bad?
Python has no increment or decrement operators. `++x` is the unary plus applied twice and
leaves `x` as it is; `--x` negates it twice. Code written by someone used to C or JavaScript
may expect either to change `x`, which it never does.

## Example
```python
++count
```

Use instead:
```python
count += 1
```
)";

class UnaryPrefixIncrementDecrement final : public Rule {
 public:
  void enter(TSNode node, Context& ctx) override {
    const std::string_view op = operator_of(node);
    if (op != "+" && op != "-") return;
    const TSNode operand = unparenthesized(field(node, "argument"));
    if (!is_a(operand, "unary_operator") || operator_of(operand) != op) return;
    report(ctx, node,
           op == "+" ? "Python does not support the unary prefix increment operator (`++`)"
                     : "Python does not support the unary prefix decrement operator (`--`)");
  }

 private:
  static std::string_view operator_of(TSNode unary) {
    const TSNode op = field(unary, "operator");
    return ts_node_is_null(op) ? std::string_view() : kind_of(op);
  }
};

}  // namespace

extern const RuleSpec unary_prefix_increment_decrement{
    .code = "B002",
    .name = "unary-prefix-increment-decrement",
    .linter = "flake8-bugbear",
    .kinds = {"unary_operator"},
    .doc = kDoc,
    .create = make_rule<UnaryPrefixIncrementDecrement>(),
};

}  // namespace lint::rules
