#include "flake8_2020/version_checks.h"

namespace lint::rules {

namespace {

constexpr std::string_view kDoc = R"(## What it does
Checks for `six.PY3`.

## Why is this bad?
`six.PY3` is true on Python 3 only, and would be false on a Python 4: code behind it would run
as if on Python 2. `not six.PY2` says what is meant.

## Example
```python
import six

if six.PY3:
    ...
```

Use instead:
```python
import six

if not six.PY2:
    ...
```
)";

// A name or attribute chain that resolves to `six.PY3` (`six.PY3`, `from six import PY3`).
class SixPy3 final : public Rule {
 public:
  void enter(TSNode node, Context& ctx) override {
    if (is(node, "identifier")) {
      // Attribute chains are taken whole; a bare name only where it is not part of one. (The
      // name first: finding a node's parent costs the depth of the tree.)
      if (ctx.text(node) != "PY3" || is(ts_node_parent(node), "attribute")) return;
      candidates_.push_back(node);
    } else if (ctx.text(field(node, "attribute")) == "PY3") {
      candidates_.push_back(node);
    }
  }
  void finish(Context& ctx) override {
    const SemanticModel* m = ctx.semantic();
    if (!m) return;
    for (const TSNode node : candidates_) {
      if (m->qualified_name(node, ctx.source()) == "six.PY3") {
        report(ctx, node, "`six.PY3` referenced (python4), use `not six.PY2`");
      }
    }
  }

 private:
  std::vector<TSNode> candidates_;
};

}  // namespace

extern const RuleSpec six_py3{
    .code = "YTT202",
    .name = "six-py3",
    .linter = "flake8-2020",
    .kinds = {"identifier", "attribute"},
    .doc = kDoc,
    .create = make_rule<SixPy3>(),
    .needs_semantic = true,
};

}  // namespace lint::rules
