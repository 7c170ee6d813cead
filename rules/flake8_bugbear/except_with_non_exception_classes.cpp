#include <deque>

#include "flake8_bugbear/helpers.h"

namespace lint::rules {

namespace {

using namespace bugbear;

constexpr std::string_view kDoc = R"(## What it does
Checks for exception handlers that name something other than exception classes or tuples of
them: literals, operations, comprehensions and the like.

## Why is this bad?
`except` accepts a class, or a tuple of classes, deriving from `BaseException`. Anything else
makes the handler raise a `TypeError` when an exception reaches it, replacing the exception it
was meant to handle.

Names, attributes, calls and subscripts are not reported: they may well evaluate to a class.
Tuples built with `+` and unpacked with `*` are looked into.

## Example
```python
try:
    parse(text)
except "ValueError":
    pass
```

Use instead:
```python
try:
    parse(text)
except ValueError:
    pass
```
)";

bool is_add(TSNode n) {
  if (!is_a(n, "binary_operator")) return false;
  const TSNode op = field(n, "operator");
  return !ts_node_is_null(op) && kind_of(op) == "+";
}

template <class F>
void for_each_element(TSNode sequence, F&& f) {
  for_each_named_child(sequence, [&](TSNode e) { f(e); });
}

// The expressions a handler's type stands for, looking into tuples, `*` unpacking and `+` as
// Ruff's `flatten_iterables` does.
std::vector<TSNode> flatten(TSNode type) {
  std::deque<TSNode> queue;
  if (is_a(type, "tuple")) {
    for_each_element(type, [&](TSNode e) { queue.push_back(e); });
  } else {
    queue.push_back(type);
  }
  std::vector<TSNode> out;
  while (!queue.empty()) {
    const TSNode expr = unparenthesized(queue.front());
    queue.pop_front();
    if (is_a(expr, "list_splat")) {
      const TSNode value = unparenthesized(first_named_child(expr));
      if (is_a(value, "tuple") || is_a(value, "list")) {
        for_each_element(value, [&](TSNode e) { queue.push_back(e); });
      } else if (is_add(value)) {
        queue.push_back(value);
      } else {
        out.push_back(value);
      }
    } else if (is_add(expr)) {
      for (const TSNode side : {unparenthesized(field(expr, "left")), unparenthesized(field(expr, "right"))}) {
        if (is_a(side, "tuple")) {
          for_each_element(side, [&](TSNode e) { queue.push_back(e); });
        } else if (is_a(side, "list_splat")) {
          queue.push_back(first_named_child(side));
        } else if (is_add(side)) {
          queue.push_back(side);
        } else {
          out.push_back(side);
        }
      }
    } else {
      out.push_back(expr);
    }
  }
  return out;
}

class ExceptWithNonExceptionClasses final : public Rule {
 public:
  void enter(TSNode node, Context& ctx) override {
    const TSNode type = unparenthesized(handler_type(node));
    if (ts_node_is_null(type)) return;
    for (const TSNode expr : flatten(type)) {
      const std::string_view k = kind_of(expr);
      if (k == "subscript" || k == "attribute" || k == "identifier" || k == "call") continue;
      report(ctx, expr,
             is_star_handler(node) ? "`except*` handlers should only be exception classes or tuples of exception classes"
                                   : "`except` handlers should only be exception classes or tuples of exception classes");
    }
  }
};

}  // namespace

extern const RuleSpec except_with_non_exception_classes{
    .code = "B030",
    .name = "except-with-non-exception-classes",
    .linter = "flake8-bugbear",
    .kinds = {"except_clause"},
    .doc = kDoc,
    .create = make_rule<ExceptWithNonExceptionClasses>(),
};

}  // namespace lint::rules
