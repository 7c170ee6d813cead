#include "pycodestyle/comparisons.h"

namespace lint::rules {

namespace {

constexpr std::string_view kDoc = R"(## What it does
Checks for `is` and `is not` comparisons in which one side is a literal: a number, a string or
bytes literal, a tuple of such constants, or a freshly built list, set or dictionary (a display
or a comprehension).

## Why is this bad?
`is` asks whether two references point to the very same object, not whether two values are
equal. Whether two equal numbers or strings share one object is an implementation detail of the
interpreter (caching, interning) and can change between versions, runs or build options; a list,
set or dictionary built on the spot is a new object and can never be identical to anything else.
CPython itself emits a `SyntaxWarning` for `is` with a literal since Python 3.8. Compare values
with `==` and `!=`.

## Example
```python
if status is 200:
    ok()
if name is not "main":
    skip()
```

Use instead:
```python
if status == 200:
    ok()
if name != "main":
    skip()
```

## Fix safety
The fix replaces `is` with `==` and `is not` with `!=`; it is safe, since identity with a
literal is not guaranteed by the language anyway.

## References
- [Python documentation: Identity comparisons](https://docs.python.org/3/reference/expressions.html#is-not)
)";

// A list, set or dictionary display or comprehension: always a new object.
bool is_mutable_iterable_initializer(TSNode n) {
  const std::string_view k = kind(unparenthesized(n));
  return k == "list" || k == "set" || k == "dictionary" || k == "list_comprehension" ||
         k == "set_comprehension" || k == "dictionary_comprehension";
}

class IsLiteral final : public Rule {
 public:
  void enter(TSNode node, Context& ctx) override {
    const std::string_view source = ctx.source();
    for_each_link(node, [&](TSNode left, TSNode op, TSNode right, size_t) {
      const CmpOp o = cmp_op(op);
      if (o != CmpOp::Is && o != CmpOp::IsNot) return;
      if (is_constant_non_singleton(left, source) || is_constant_non_singleton(right, source) ||
          is_mutable_iterable_initializer(left) || is_mutable_iterable_initializer(right)) {
        const bool is_op = o == CmpOp::Is;
        Diagnostic& d = report(ctx, node, is_op ? "Use `==` to compare constant literals" : "Use `!=` to compare constant literals");
        // `is not` is one operator node, from `is` to `not`, whatever lies between.
        d.fix_title = is_op ? "Replace `is` with `==`" : "Replace `is not` with `!=`";
        d.fix = Fix::safe(Edit::replace(ts_node_start_byte(op), ts_node_end_byte(op), is_op ? "==" : "!="));
      }
    });
  }
};

}  // namespace

extern const RuleSpec is_literal{
    .code = "F632",
    .name = "is-literal",
    .linter = "pyflakes",
    .kinds = {"comparison_operator"},
    .doc = kDoc,
    .create = make_rule<IsLiteral>(),
    .fix = FixAvailability::Always,
};

}  // namespace lint::rules
