#include <vector>

#include "engine/rule.h"

namespace lint::rules {

namespace {

constexpr std::string_view kDoc = R"(## What it does
Checks for assignment targets that unpack into more than one starred name, such as
`*a, *b = values`.

## Why is this bad?
A starred target collects "everything else"; with two of them Python cannot tell how to split
the values and refuses to compile the code (`SyntaxError: multiple starred expressions in
assignment`). This holds for every target that unpacks: assignments, `for` loops,
comprehensions and `with ... as` clauses.

## Example
```python
*head, *tail = [1, 2, 3]
```

Use instead:
```python
head, *tail = [1, 2, 3]
```
)";

class MultipleStarredExpressions final : public Rule {
 public:
  void enter(TSNode node, Context& ctx) override {
    if (!is(node, "as_pattern_target")) {
      if (count_starred(node, "list_splat_pattern") > 1) report(ctx, node, std::string(kMessage));
      return;
    }
    // `with ... as` targets are expressions: look at the tuples and lists that unpack, at any depth.
    pending_.clear();
    pending_.push_back(node);
    while (!pending_.empty()) {
      const TSNode n = pending_.back();
      pending_.pop_back();
      if ((is(n, "tuple") || is(n, "list")) && count_starred(n, "list_splat") > 1) report(ctx, n, std::string(kMessage));
      for (TSNode c : children(n)) {
        if (is(c, "tuple") || is(c, "list") || is(c, "parenthesized_expression") || is(c, "list_splat")) {
          pending_.push_back(c);
        }
      }
    }
  }

 private:
  static constexpr std::string_view kMessage = "Two starred expressions in assignment";

  static int count_starred(TSNode n, std::string_view star) {
    int count = 0;
    for (TSNode c : children(n)) count += is(c, star) ? 1 : 0;
    return count;
  }

  std::vector<TSNode> pending_;
};

}  // namespace

extern const RuleSpec multiple_starred_expressions{
    .code = "F622",
    .name = "multiple-starred-expressions",
    .linter = "pyflakes",
    .kinds = {"pattern_list", "tuple_pattern", "list_pattern", "as_pattern_target"},
    .doc = kDoc,
    .create = make_rule<MultipleStarredExpressions>(),
};

}  // namespace lint::rules
