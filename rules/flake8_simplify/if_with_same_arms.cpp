#include <string>
#include <vector>

#include "flake8_comprehensions/comparable.h"
#include "flake8_simplify/helpers.h"

namespace lint::rules {

namespace {

constexpr std::string_view kDoc = R"(## What it does
Checks for an `if` branch followed by an `elif` branch with the same body (the same statements,
compared as syntax trees, and the same comments).

## Why is this bad?
Two branches doing the same thing are one branch with two conditions: joining the conditions
with `or` says so and leaves one copy of the body to maintain.

## Example
```python
if user.is_admin:
    grant(user)
elif user.is_owner:
    grant(user)
```

Use instead:
```python
if user.is_admin or user.is_owner:
    grant(user)
```
)";

// A branch of an `if` statement that has a condition: the `if` itself or an `elif`.
struct Branch {
  TSNode clause;  // if_statement or elif_clause
  TSNode test;
  TSNode body;
};

// The statements of a block (comments left out).
std::vector<TSNode> statements(TSNode block) { return simplify::named_operands(block); }

// The text of every comment in [start, end), in order.
std::vector<std::string_view> comments_in(TSNode root, uint32_t start, uint32_t end, const Context& ctx) {
  std::vector<std::string_view> out;
  std::vector<TSNode> stack{root};
  while (!stack.empty()) {
    const TSNode n = stack.back();
    stack.pop_back();
    const uint32_t count = ts_node_child_count(n);
    for (uint32_t i = count; i-- > 0;) {
      const TSNode c = ts_node_child(n, i);
      const uint32_t s = ts_node_start_byte(c), e = ts_node_end_byte(c);
      if (e <= start || s >= end) continue;
      if (is(c, "comment")) {
        if (s >= start && e <= end) stack.push_back(c);
        continue;
      }
      if (ts_node_child_count(c) > 0) stack.push_back(c);
    }
    if (is(n, "comment")) out.push_back(ctx.text(n));
  }
  return out;
}

bool needs_parentheses(TSNode test) {
  return is(test, "lambda") || is(test, "named_expression") || is(test, "conditional_expression");
}

class IfWithSameArms final : public Rule {
 public:
  void enter(TSNode node, Context& ctx) override {
    std::vector<Branch> branches{{node, field(node, "condition"), field(node, "consequence")}};
    for (TSNode c : children(node)) {
      if (is(c, "elif_clause")) branches.push_back({c, field(c, "condition"), field(c, "consequence")});
    }
    const std::string_view src = ctx.source();
    for (size_t i = 0; i + 1 < branches.size(); ++i) {
      const Branch& current = branches[i];
      const Branch& following = branches[i + 1];
      if (ts_node_is_null(current.body) || ts_node_is_null(following.body)) continue;
      const std::vector<TSNode> a = statements(current.body), b = statements(following.body);
      if (a.size() != b.size() || a.empty()) continue;
      bool same = true;
      for (size_t k = 0; k < a.size() && same; ++k) {
        same = flake8_comprehensions::comparable(a[k], ctx) == flake8_comprehensions::comparable(b[k], ctx);
      }
      if (!same) continue;
      const uint32_t current_end = simplify::ast_end(current.body), following_end = simplify::ast_end(following.body);
      const auto body_comments = [&](const Branch& br, uint32_t end) {
        const uint32_t test_end = ts_node_end_byte(unparenthesized(br.test));
        return comments_in(ctx.root(), edits::line_end(src, test_end), edits::line_end(src, end), ctx);
      };
      if (body_comments(current, current_end) != body_comments(following, following_end)) continue;
      Diagnostic& d = report(ctx, ts_node_start_byte(current.clause), following_end,
                             "Combine `if` branches using logical `or` operator");
      d.fix_title = "Combine `if` branches";
      TSNode colon{};
      for (TSNode c : children(current.clause)) {
        if (is(c, ":")) {
          colon = c;
          break;
        }
      }
      if (ts_node_is_null(colon)) continue;
      std::vector<Edit> fix;
      fix.push_back(Edit::deletion(edits::full_line_end(src, current_end), edits::full_line_end(src, following_end)));
      const TSNode current_test = current.test;
      if (needs_parentheses(current_test)) {
        fix.push_back(Edit::replace(ts_node_start_byte(current_test), ts_node_end_byte(current_test),
                                      "(" + std::string(ctx.original(current_test)) + ")"));
      }
      std::string following_test(ctx.original(following.test));
      if (needs_parentheses(following.test)) following_test = "(" + following_test + ")";
      fix.push_back(Edit::insertion(ts_node_start_byte(colon), " or " + following_test));
      d.fix = Fix::safe(std::move(fix));
    }
  }
};

}  // namespace

extern const RuleSpec if_with_same_arms{
    .code = "SIM114",
    .name = "if-with-same-arms",
    .linter = "flake8-simplify",
    .kinds = {"if_statement"},
    .doc = kDoc,
    .create = make_rule<IfWithSameArms>(),
    .fix = FixAvailability::Sometimes,
};

}  // namespace lint::rules
