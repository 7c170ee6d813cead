#include <cstdint>

#include "engine/rule.h"

namespace lint::rules {

namespace {

constexpr std::string_view kDoc = R"(## What it does
Checks for a `lambda` expression assigned to a single name, with `=` or in an annotated
assignment.

## Why is this bad?
`f = lambda x: 2 * x` is a function definition in disguise, and a worse one: the function's
`__name__` is `<lambda>`, so tracebacks and `repr()` do not show its name, and it cannot have
a docstring or annotations. [PEP 8] recommends a `def` statement instead.

An annotated assignment directly in a class body is not reported: libraries such as
dataclasses and Pydantic turn it into a field whose default is the lambda, which is usually
intended. Assignments to several targets, to tuples, attributes or subscripts are not
reported either.

## Example
```python
square = lambda x: x * x
```

Use instead:
```python
def square(x):
    return x * x
```

[PEP 8]: https://peps.python.org/pep-0008/#programming-recommendations
)";

// `(x)` as an assignment target: tree-sitter reads it as a tuple pattern without a comma.
TSNode strip_target_parens(TSNode n) {
  for (;;) {
    const std::string_view k = kind(n);
    if (k != "parenthesized_expression" && k != "tuple_pattern") return n;
    TSNode inner{};
    int named = 0;
    for (TSNode c : children(n)) {
      if (ts_node_is_extra(c)) continue;
      if (!ts_node_is_named(c)) {
        if (is(c, ",")) return n;  // a real tuple
        continue;
      }
      inner = c;
      ++named;
    }
    if (named != 1) return n;
    n = inner;
  }
}

// Whether the statement starting at `target` (a descendant of `root`) is directly in a class
// body: the innermost enclosing function or class definition is a class. Descends from the root
// once, so the cost is that of a single parent lookup.
bool in_class_scope(TSNode root, TSNode target) {
  const uint32_t start = ts_node_start_byte(target);
  const uint32_t end = ts_node_end_byte(target);
  bool in_class = false;
  TSNode n = root;
  while (!ts_node_eq(n, target)) {
    TSNode next{};
    bool found = false;
    for (TSNode c : children(n)) {
      const uint32_t cs = ts_node_start_byte(c);
      if (cs > start) break;
      if (ts_node_end_byte(c) >= end && !ts_node_is_extra(c)) {
        next = c;
        found = true;
        break;
      }
    }
    if (!found) break;
    n = next;
    const std::string_view k = kind(n);
    if (k == "class_definition") in_class = true;
    else if (k == "function_definition") in_class = false;
  }
  return in_class;
}

class LambdaAssignment final : public Rule {
 public:
  void enter(TSNode node, Context& ctx) override {
    const uint32_t start = ts_node_start_byte(node);
    const uint32_t end = ts_node_end_byte(node);
    // `a = b = lambda: 0` nests the assignment `b = lambda: 0` inside the outer one; a statement
    // with several targets is not reported, so the inner assignments of a chain are skipped.
    const bool chained = start == chained_start_ && end == chained_end_;
    TSNode right = field(node, "right");
    if (ts_node_is_null(right)) return;
    if (is(right, "assignment")) {
      chained_start_ = ts_node_start_byte(right);
      chained_end_ = ts_node_end_byte(right);
      return;
    }
    if (chained) return;
    right = unparenthesized(right);
    if (!is(right, "lambda")) return;
    TSNode left = field(node, "left");
    if (ts_node_is_null(left)) return;
    left = strip_target_parens(left);
    if (!is(left, "identifier")) return;
    // An annotated class attribute (a dataclass or Pydantic field) is allowed.
    if (!ts_node_is_null(field(node, "type")) && in_class_scope(ctx.root(), node)) return;
    report(ctx, node, "Do not assign a `lambda` expression, use a `def`");
  }

 private:
  uint32_t chained_start_ = UINT32_MAX;
  uint32_t chained_end_ = UINT32_MAX;
};

}  // namespace

extern const RuleSpec lambda_assignment{
    .code = "E731",
    .name = "lambda-assignment",
    .linter = "pycodestyle",
    .kinds = {"assignment"},
    .doc = kDoc,
    .create = make_rule<LambdaAssignment>(),
};

}  // namespace lint::rules
