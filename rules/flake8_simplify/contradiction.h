// SIM220 and SIM221: `a and not a` and `a or not a`, whose value is known (False, True).
#pragma once

#include <string>
#include <vector>

#include "fix/edits.h"
#include "flake8_simplify/helpers.h"

namespace lint::rules::simplify {

// Collects the heads of `op` chains that hold a negated name; judged in finish(), where the
// semantic model says which names are builtins.
class ContradictionRule : public Rule {
 public:
  ContradictionRule(std::string_view op, std::string_view constant) : op_(op), constant_(constant) {}

  void enter(TSNode node, Context& ctx) override {
    if (!heads_.head(node, ctx) || ctx.text(field(node, "operator")) != op_) return;
    for (const TSNode value : bool_values(node, ctx)) {
      if (is(unparenthesized(value), "not_operator")) {
        chains_.push_back(node);
        return;
      }
    }
  }

  void finish(Context& ctx) override {
    for (const TSNode node : chains_) check(node, ctx);
  }

 private:
  void check(TSNode node, Context& ctx) {
    std::vector<TSNode> negated, plain;
    for (const TSNode value : bool_values(node, ctx)) {
      const TSNode v = unparenthesized(value);
      if (is(v, "not_operator")) negated.push_back(unparenthesized(field(v, "argument")));
      else plain.push_back(v);
    }
    if (edits::contains_effect(ctx, node, [&](std::string_view name) { return edits::is_unshadowed_builtin(ctx, name); })) {
      return;
    }
    for (const TSNode n : negated) {
      for (const TSNode p : plain) {
        if (!is(n, "identifier") || !is(p, "identifier") || ctx.text(n) != ctx.text(p)) continue;
        const std::string name(ctx.text(n));
        Diagnostic& d = report(ctx, node,
                               "Use `" + std::string(constant_) + "` instead of `" + name + " " + std::string(op_) +
                                   " not " + name + "`");
        d.fix_title = "Replace with `" + std::string(constant_) + "`";
        d.fix = Fix::unsafe(Edit::replace(ts_node_start_byte(node), ts_node_end_byte(node), std::string(constant_)));
      }
    }
  }

  std::string_view op_, constant_;
  ChainHeads heads_;
  std::vector<TSNode> chains_;
};

}  // namespace lint::rules::simplify
