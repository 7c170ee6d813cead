#include <utility>

#include "flake8_bugbear/helpers.h"

namespace lint::rules {

namespace {

using namespace bugbear;

constexpr std::string_view kDoc = R"(## What it does
Checks for `for` loops whose target reuses a name read by the iterable.

## Why is this bad?
The iterable is evaluated once, so the loop itself works, but the name no longer refers to the
collection inside and after the loop: code below that expects the collection finds the last
item instead. It also makes the loop hard to read.

Names bound inside a comprehension of the iterable, and parameters of a lambda there, are their
own variables and are not counted.

## Example
```python
for line in line:
    print(line)
```

Use instead:
```python
for item in line:
    print(item)
```
)";

// The names an expression reads or binds, each with its last occurrence, as Ruff's visitor for
// this rule collects them: comprehensions count only what they iterate over, and a lambda
// contributes nothing but hides the names of its parameters.
class NameFinder {
 public:
  explicit NameFinder(const Context& ctx) : ctx_(ctx) {}

  void visit(TSNode n) {
    const std::string_view k = kind_of(n);
    if (k == "identifier") {
      add(n);
    } else if (k == "attribute") {
      visit(field(n, "object"));
    } else if (k == "keyword_argument") {
      visit(field(n, "value"));
    } else if (k == "list_comprehension" || k == "set_comprehension" || k == "dictionary_comprehension" ||
               k == "generator_expression") {
      for_each_named_child(n, [&](TSNode c) {
        if (is_a(c, "for_in_clause")) visit(field(c, "right"));
      });
    } else if (k == "lambda") {
      hide_parameters(field(n, "parameters"));
    } else {
      for_each_named_child(n, [&](TSNode c) { visit(c); });
    }
  }

  const std::vector<std::pair<std::string_view, TSNode>>& names() const { return names_; }

  bool contains(std::string_view name) const {
    for (const auto& [n, node] : names_) {
      if (n == name) return true;
    }
    return false;
  }

 private:
  void add(TSNode identifier) {
    const std::string_view name = ctx_.text(identifier);
    for (auto& [n, node] : names_) {
      if (n == name) {
        node = identifier;
        return;
      }
    }
    names_.emplace_back(name, identifier);
  }

  void hide(std::string_view name) {
    for (size_t i = 0; i < names_.size(); ++i) {
      if (names_[i].first == name) {
        names_.erase(names_.begin() + static_cast<std::ptrdiff_t>(i));
        return;
      }
    }
  }

  // Positional and keyword parameters (not `*args` and `**kwargs`).
  void hide_parameters(TSNode parameters) {
    if (ts_node_is_null(parameters)) return;
    for_each_named_child(parameters, [&](TSNode p) {
      const std::string_view k = kind_of(p);
      if (k == "identifier") {
        hide(ctx_.text(p));
      } else if (k == "default_parameter" || k == "typed_default_parameter") {
        const TSNode name = field(p, "name");
        if (is_a(name, "identifier")) hide(ctx_.text(name));
      } else if (k == "typed_parameter") {
        const TSNode name = first_named_child(p);
        if (is_a(name, "identifier")) hide(ctx_.text(name));
      }
    });
  }

  const Context& ctx_;
  std::vector<std::pair<std::string_view, TSNode>> names_;
};

class LoopVariableOverridesIterator final : public Rule {
 public:
  void enter(TSNode node, Context& ctx) override {
    const TSNode target = field(node, "left");
    const TSNode iter = field(node, "right");
    if (ts_node_is_null(target) || ts_node_is_null(iter)) return;
    NameFinder targets(ctx), iterated(ctx);
    targets.visit(target);
    if (targets.names().empty()) return;
    iterated.visit(iter);
    for (const auto& [name, at] : targets.names()) {
      if (iterated.contains(name)) {
        report(ctx, at, "Loop control variable `" + std::string(name) + "` overrides iterable it iterates");
      }
    }
  }
};

}  // namespace

extern const RuleSpec loop_variable_overrides_iterator{
    .code = "B020",
    .name = "loop-variable-overrides-iterator",
    .linter = "flake8-bugbear",
    .kinds = {"for_statement"},
    .doc = kDoc,
    .create = make_rule<LoopVariableOverridesIterator>(),
};

}  // namespace lint::rules
