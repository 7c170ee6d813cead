#include <algorithm>
#include <numeric>

#include "flake8_bugbear/helpers.h"

namespace lint::rules {

namespace {

using namespace bugbear;

constexpr std::string_view kDoc = R"(## What it does
Checks for the group iterator of `itertools.groupby()` used more than once in the loop over the
groups, or used inside a nested loop or comprehension.

## Why is this bad?
Each group is an iterator over the underlying data, consumed by its first use: a second pass
(another loop, `list(group)` again, a use repeated by an inner loop) sees nothing. Convert it
to a list once if it is needed more than once.

Uses in different branches of an `if` or `match` count once; a `break`, `continue` or `return`
ends a path.

## Example
```python
import itertools

for key, group in itertools.groupby(items, key=kind):
    count = len(list(group))
    values = list(group)  # empty
```

Use instead:
```python
import itertools

for key, group in itertools.groupby(items, key=kind):
    values = list(group)
    count = len(values)
```
)";

// Counts the uses of the group name in a loop body the way Ruff's visitor for this rule does
// (which parts of which statements it looks at, how branches and jumps count), and collects
// the uses that consume the iterator again.
class GroupNameFinder {
 public:
  GroupNameFinder(std::string_view name, const Context& ctx) : name_(name), ctx_(ctx) {}

  void visit_body(TSNode block) {
    if (!is_a(block, "block")) return;
    for_each_named_child(block, [&](TSNode stmt) { visit_stmt(stmt); });
  }

  // The repeated uses, or none when the analysis gave up on very deep code.
  std::vector<TSNode> uses() const { return aborted_ ? std::vector<TSNode>{} : uses_; }

 private:
  // Guards the recursion: code nested deeper than this is not analysed.
  struct Depth {
    explicit Depth(GroupNameFinder& f) : f_(f) {
      if (++f_.depth_ > 400) f_.aborted_ = true;
    }
    ~Depth() { --f_.depth_; }
    GroupNameFinder& f_;
  };

  bool matches(TSNode e) const {
    e = unparenthesized_target(e);
    return is_a(e, "identifier") && ctx_.text(e) == name_;
  }

  void increment(uint32_t by) {
    if (branches_.empty()) {
      count_ += by;
    } else if (!branches_.back().empty()) {
      branches_.back().back() += by;
    }
  }

  void reset() {
    if (branches_.empty()) {
      count_ = 0;
    } else if (!branches_.back().empty()) {
      branches_.back().back() = 0;
    }
  }

  // Runs `body` for each branch of an `if` or `match`, then counts the busiest branch once.
  template <class Branches>
  void branches(Branches&& body) {
    branches_.emplace_back();
    body();
    const std::vector<uint32_t> counts = std::move(branches_.back());
    branches_.pop_back();
    increment(counts.empty() ? 0 : *std::max_element(counts.begin(), counts.end()));
  }
  void new_branch() { branches_.back().push_back(0); }

  void visit_stmt(TSNode stmt) {
    const Depth depth(*this);
    if (overridden_ || aborted_) return;
    const std::string_view k = kind(stmt);
    if (k == "for_statement") {
      if (matches(field(stmt, "left"))) {
        overridden_ = true;
        return;
      }
      const TSNode iter = field(stmt, "right");
      if (matches(iter)) {
        increment(1);
        if (count_ > 1) uses_.push_back(unparenthesized(iter));
      }
      nested_ = true;
      visit_body(field(stmt, "body"));
      nested_ = false;
    } else if (k == "while_statement") {
      nested_ = true;
      visit_body(field(stmt, "body"));
      nested_ = false;
    } else if (k == "if_statement") {
      branches([&] {
        new_branch();
        visit_expr(field(stmt, "condition"));
        visit_body(field(stmt, "consequence"));
        for (auto it = children(stmt).begin(); it != children(stmt).end(); ++it) {
          const char* name = it.field_name();
          if (!name || std::string_view(name) != "alternative") continue;
          const TSNode clause = *it;
          new_branch();
          if (is_a(clause, "elif_clause")) {
            visit_expr(field(clause, "condition"));
            visit_body(field(clause, "consequence"));
          } else {
            visit_body(field(clause, "body"));
          }
        }
      });
    } else if (k == "match_statement") {
      branches([&] {
        visit_expr(field(stmt, "subject"));
        const TSNode cases = field(stmt, "body");
        if (ts_node_is_null(cases)) return;
        for_each_named_child(cases, [&](TSNode c) {
          if (!is_a(c, "case_clause")) return;
          new_branch();
          const TSNode guard = field(c, "guard");
          if (!ts_node_is_null(guard)) walk_expr(guard);
          visit_body(field(c, "consequence"));
        });
      });
    } else if (k == "expression_statement") {
      expression_statement(stmt);
    } else if (k == "continue_statement" || k == "break_statement") {
      reset();
    } else if (k == "return_statement") {
      for_each_named_child(stmt, [&](TSNode e) { visit_expr(e); });
      reset();
    } else {
      walk_stmt(stmt);
    }
  }

  void expression_statement(TSNode stmt) {
    const TSNode first = first_named_child(stmt);
    if (named_child_count(stmt) != 1 || !is_a(first, "assignment")) {
      for_each_named_child(stmt, [&](TSNode c) {
        if (is_a(c, "augmented_assignment")) {
          visit_expr(field(c, "left"));
          visit_expr(field(c, "right"));
        } else {
          visit_expr(c);
        }
      });
      return;
    }
    if (!ts_node_is_null(field(first, "type"))) {  // an annotated assignment
      if (matches(field(first, "left"))) {
        overridden_ = true;
      } else if (!ts_node_is_null(field(first, "right"))) {
        visit_expr(field(first, "right"));
      }
      return;
    }
    TSNode a = first;
    bool target = matches(field(a, "left"));
    while (is_a(field(a, "right"), "assignment")) {
      a = field(a, "right");
      target = target || matches(field(a, "left"));
    }
    if (target) {
      overridden_ = true;
    } else {
      visit_expr(field(a, "right"));
    }
  }

  // The parts of other statements: their expressions and their bodies.
  void walk_stmt(TSNode stmt) {
    const std::string_view k = kind(stmt);
    if (k == "import_statement" || k == "import_from_statement" || k == "future_import_statement" ||
        k == "global_statement" || k == "nonlocal_statement") {
      return;
    }
    if (k == "decorated_definition") {
      for_each_named_child(stmt, [&](TSNode c) {
        if (is_a(c, "decorator")) visit_expr(first_named_child(c));
        else visit_stmt(c);
      });
    } else if (k == "function_definition") {
      const TSNode parameters = field(stmt, "parameters");
      if (!ts_node_is_null(parameters)) {
        for_each_named_child(parameters, [&](TSNode p) {
          for (auto it = children(p).begin(); it != children(p).end(); ++it) {
            const char* name = it.field_name();
            if (name && (std::string_view(name) == "value" || std::string_view(name) == "type")) visit_expr(*it);
          }
        });
      }
      const TSNode returns = field(stmt, "return_type");
      if (!ts_node_is_null(returns)) visit_expr(returns);
      visit_body(field(stmt, "body"));
    } else if (k == "class_definition") {
      const TSNode bases = field(stmt, "superclasses");
      if (!ts_node_is_null(bases)) walk_expr(bases);
      visit_body(field(stmt, "body"));
    } else if (k == "with_statement") {
      for_each_named_child(stmt, [&](TSNode clause) {
        if (!is_a(clause, "with_clause")) return;
        for_each_named_child(clause, [&](TSNode item) {
          TSNode value = unparenthesized(field(item, "value"));
          if (is_a(value, "as_pattern")) {
            visit_expr(first_named_child(value));
            const TSNode alias = field(value, "alias");
            if (!ts_node_is_null(alias)) visit_expr(first_named_child(alias));
          } else if (!ts_node_is_null(value)) {
            visit_expr(value);
          }
        });
      });
      visit_body(field(stmt, "body"));
    } else if (k == "try_statement") {
      visit_body(field(stmt, "body"));
      for_each_named_child(stmt, [&](TSNode clause) {
        if (is_handler(clause)) {
          const TSNode type = handler_type(clause);
          if (!ts_node_is_null(type)) visit_expr(type);
          for_each_named_child(clause, [&](TSNode c) {
            if (is_a(c, "block")) visit_body(c);
          });
        } else if (is_a(clause, "else_clause")) {
          visit_body(field(clause, "body"));
        } else if (is_a(clause, "finally_clause")) {
          visit_body(first_named_child(clause));
        }
      });
    } else {
      for_each_named_child(stmt, [&](TSNode c) {
        if (is_a(c, "block")) visit_body(c);
        else visit_expr(c);
      });
    }
  }

  void visit_comprehension(TSNode clause) {
    if (matches(field(clause, "left"))) overridden_ = true;
    if (overridden_) return;
    const TSNode iter = field(clause, "right");
    if (matches(iter)) {
      increment(1);
      if (count_ > 1) uses_.push_back(unparenthesized(iter));
    }
  }

  void visit_expr(TSNode e) {
    const Depth depth(*this);
    if (aborted_ || ts_node_is_null(e)) return;
    const TSNode u = unparenthesized(e);
    if (is_a(u, "named_expression") && matches(field(u, "name"))) overridden_ = true;
    if (overridden_) return;
    const std::string_view k = kind_of(u);
    if (k == "list_comprehension" || k == "set_comprehension" || k == "dictionary_comprehension") {
      for_each_named_child(u, [&](TSNode c) {
        if (is_a(c, "for_in_clause")) visit_comprehension(c);
      });
      if (overridden_) return;
      nested_ = true;
      const TSNode body = field(u, "body");
      if (is_a(body, "pair")) {
        walk_expr(field(body, "key"));
        walk_expr(field(body, "value"));
      } else if (!ts_node_is_null(body)) {
        walk_expr(body);
      }
      nested_ = false;
      return;
    }
    if (matches(u)) {
      increment(1);
      uint32_t current = count_;
      for (const std::vector<uint32_t>& level : branches_) current += level.empty() ? 0 : level.back();
      if (nested_ || current > 1) uses_.push_back(u);
      return;
    }
    walk_expr(u);
  }

  // The sub-expressions of an expression, as Ruff's generic walk visits them.
  void walk_expr(TSNode e) {
    const Depth depth(*this);
    if (aborted_ || ts_node_is_null(e)) return;
    e = unparenthesized(e);
    const std::string_view k = kind(e);
    if (k == "identifier") return;
    if (k == "attribute") {
      visit_expr(field(e, "object"));
    } else if (k == "keyword_argument") {
      visit_expr(field(e, "value"));
    } else if (k == "lambda") {
      const TSNode parameters = field(e, "parameters");
      if (!ts_node_is_null(parameters)) {
        for_each_named_child(parameters, [&](TSNode p) {
          if (is_a(p, "default_parameter")) visit_expr(field(p, "value"));
        });
      }
      visit_expr(field(e, "body"));
    } else if (k == "list_comprehension" || k == "set_comprehension" || k == "dictionary_comprehension" ||
               k == "generator_expression") {
      for_each_named_child(e, [&](TSNode c) {
        if (is_a(c, "for_in_clause")) visit_comprehension(c);
      });
      const TSNode body = field(e, "body");
      if (is_a(body, "pair")) {
        visit_expr(field(body, "key"));
        visit_expr(field(body, "value"));
      } else {
        visit_expr(body);
      }
    } else if (k == "pair") {
      visit_expr(field(e, "key"));
      visit_expr(field(e, "value"));
    } else {
      for_each_named_child(e, [&](TSNode c) { visit_expr(c); });
    }
  }

  std::string_view name_;
  const Context& ctx_;
  uint32_t count_ = 0;
  bool nested_ = false;
  bool overridden_ = false;
  bool aborted_ = false;
  int depth_ = 0;
  std::vector<std::vector<uint32_t>> branches_;
  std::vector<TSNode> uses_;
};

class ReuseOfGroupbyGenerator final : public Rule {
 public:
  void enter(TSNode node, Context& ctx) override {
    const TSNode iter = unparenthesized(field(node, "right"));
    if (!is_a(iter, "call") || callee_name(iter, ctx) != "groupby") return;
    TSNode target = unparenthesized(field(node, "left"));
    if (!is_a(target, "pattern_list") && !is_a(target, "tuple_pattern")) return;
    if (named_child_count(target) != 2) return;
    TSNode group{};
    size_t i = 0;
    for_each_named_child(target, [&](TSNode c) {
      if (i++ == 1) group = unparenthesized(c);
    });
    if (!is_a(group, "identifier")) return;
    candidates_.push_back({node, iter, group});
  }

  void finish(Context& ctx) override {
    const SemanticModel* m = ctx.semantic();
    if (!m) return;
    const Resolver resolver(*m, ctx);
    for (const Candidate& c : candidates_) {
      if (resolver.qualified_name(field(c.iter, "function")) != "itertools.groupby") continue;
      GroupNameFinder finder(ctx.text(c.group), ctx);
      finder.visit_body(field(c.loop, "body"));
      for (const TSNode use : finder.uses()) {
        report(ctx, use, "Using the generator returned from `itertools.groupby()` more than once will do nothing on the second usage");
      }
    }
  }

 private:
  struct Candidate {
    TSNode loop, iter, group;
  };
  std::vector<Candidate> candidates_;
};

}  // namespace

extern const RuleSpec reuse_of_groupby_generator{
    .code = "B031",
    .name = "reuse-of-groupby-generator",
    .linter = "flake8-bugbear",
    .kinds = {"for_statement"},
    .doc = kDoc,
    .create = make_rule<ReuseOfGroupbyGenerator>(),
    .needs_semantic = true,
};

}  // namespace lint::rules
