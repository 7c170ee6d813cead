#include <string>
#include <unordered_set>
#include <vector>

#include "flake8_comprehensions/comparable.h"
#include "fix/generator.h"

namespace lint::rules {

namespace {

constexpr std::string_view kDoc = R"(## What it does
Checks for members of an `enum.Enum` subclass assigned the same value as an earlier member.

## Why is this bad?
A member with another member's value becomes an alias of it, not a member of its own: it is
left out when the enum is iterated, and compares equal to the first. That is rarely what was
meant; when it is, `enum.auto()` or an explicit alias says so better.

Values made with `enum.auto()` are not compared. In stub files, `...` and `cast(T, ...)`
stand for unknown values and are not compared either.

## Example
```python
from enum import Enum


class Color(Enum):
    RED = 1
    GREEN = 2
    BLUE = 1
```

Use instead:
```python
from enum import Enum


class Color(Enum):
    RED = 1
    GREEN = 2
    BLUE = 3
```
)";

// Whether `expr` is a call of `enum.auto`.
bool is_auto_call(TSNode expr, const SemanticModel& m, const Context& ctx) {
  expr = unparenthesized(expr);
  return is(expr, "call") && m.qualified_name(field(expr, "function"), ctx.source()) == "enum.auto";
}

// Stubs write unknown values as `...` or `cast(T, ...)`.
bool is_unknown_value(TSNode value, const SemanticModel& m, const Context& ctx) {
  value = unparenthesized(value);
  if (is(value, "ellipsis")) return true;
  if (!is(value, "call")) return false;
  const std::string q = m.qualified_name(field(value, "function"), ctx.source());
  if (q != "typing.cast" && q != "typing_extensions.cast" && q != "_typeshed.cast") return false;
  const TSNode arguments = field(value, "arguments");
  if (!is(arguments, "argument_list")) return false;
  std::vector<TSNode> args;
  for (TSNode c : children(arguments)) {
    if (!ts_node_is_named(c) || ts_node_is_extra(c)) continue;
    if (is(c, "keyword_argument") || is(c, "dictionary_splat")) return false;
    args.push_back(c);
  }
  return args.size() == 2 && is(unparenthesized(args[1]), "ellipsis");
}

class NonUniqueEnums final : public Rule {
 public:
  void enter(TSNode node, Context&) override {
    if (!ts_node_is_null(field(node, "superclasses"))) classes_.push_back(node);
  }
  void finish(Context& ctx) override {
    const SemanticModel* m = ctx.semantic();
    if (!m) return;
    for (const TSNode cls : classes_) check(cls, *m, ctx);
  }

 private:
  void check(TSNode cls, const SemanticModel& m, Context& ctx) {
    bool enum_base = false;
    for (TSNode b : children(field(cls, "superclasses"))) {
      if (!ts_node_is_named(b) || ts_node_is_extra(b) || is(b, "keyword_argument") || is(b, "dictionary_splat")) continue;
      if (m.qualified_name(b, ctx.source()) == "enum.Enum") enum_base = true;
    }
    if (!enum_base) return;
    const bool stub = ctx.path().ends_with(".pyi");
    std::unordered_set<std::string> seen;
    for (TSNode stmt : children(field(cls, "body"))) {
      if (!is(stmt, "expression_statement") || ts_node_named_child_count(stmt) != 1) continue;
      TSNode assignment = ts_node_named_child(stmt, 0);
      if (!is(assignment, "assignment") || !ts_node_is_null(field(assignment, "type"))) continue;
      TSNode value = field(assignment, "right");
      while (is(value, "assignment")) value = field(value, "right");  // `a = b = 1`
      if (ts_node_is_null(value)) continue;
      if (is_auto_call(value, m, ctx)) continue;
      const TSNode bare = unparenthesized(value);
      if (is(bare, "tuple") || is(bare, "expression_list")) {
        bool auto_member = false;
        for (TSNode e : children(bare)) auto_member |= ts_node_is_named(e) && is_auto_call(e, m, ctx);
        if (auto_member) continue;
      }
      if (stub && is_unknown_value(value, m, ctx)) continue;
      if (seen.insert(flake8_comprehensions::comparable(value, ctx)).second) continue;
      const auto written = codegen::expression(value, ctx);
      report(ctx, stmt, "Enum contains duplicate value: `" + (written ? *written : std::string(ctx.text(bare))) + "`");
    }
  }

  std::vector<TSNode> classes_;
};

}  // namespace

extern const RuleSpec non_unique_enums{
    .code = "PIE796",
    .name = "non-unique-enums",
    .linter = "flake8-pie",
    .kinds = {"class_definition"},
    .doc = kDoc,
    .create = make_rule<NonUniqueEnums>(),
    .needs_semantic = true,
};

}  // namespace lint::rules
