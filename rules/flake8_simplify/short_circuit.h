// SIM222 and SIM223: an `or` chain with a truthy operand, an `and` chain with a falsy one, whose
// later operands are never evaluated.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "fix/edits.h"
#include "fix/generator.h"
#include "flake8_simplify/helpers.h"

namespace lint::rules::simplify {

class ShortCircuitRule : public Rule {
 public:
  // `op` is "or" (short-circuits on a truthy operand) or "and" (on a falsy one).
  explicit ShortCircuitRule(std::string_view op) : op_(op), truthy_(op == "or") {}

  void enter(TSNode node, Context& ctx) override {
    if (!heads_.head(node, ctx) || ctx.text(field(node, "operator")) != op_) return;
    // Screened with every call of `list()` and the like taken for the builtin; finish() asks.
    const auto any = [](std::string_view) { return true; };
    for (const TSNode value : bool_values(node, ctx)) {
      if (truthiness(value, ctx, any) == (truthy_ ? Truth::True : Truth::False)) {
        chains_.push_back(node);
        return;
      }
    }
  }

  void finish(Context& ctx) override {
    const SemanticModel* m = ctx.semantic();
    if (!m) return;
    const up::Resolver resolver(*m, ctx);
    for (const TSNode node : chains_) check(node, resolver, ctx);
  }

 private:
  void check(TSNode node, const up::Resolver& resolver, Context& ctx) {
    const auto is_builtin = [&](std::string_view name) { return edits::is_unshadowed_builtin(ctx, name); };
    const Truth wanted = truthy_ ? Truth::True : Truth::False;
    const std::vector<TSNode> values = bool_values(node, ctx);
    std::optional<bool> boolean_test;
    const auto in_test = [&] {
      if (!boolean_test) boolean_test = in_boolean_test(node, &resolver);
      return *boolean_test;
    };
    uint32_t start = ts_node_start_byte(node);
    for (size_t i = 0; i + 1 < values.size(); ++i) {
      const Truth value = truthiness(values[i], ctx, is_builtin);
      const Truth next = truthiness(values[i + 1], ctx, is_builtin);
      if (value == Truth::Unknown && (!in_test() || edits::contains_effect(ctx, values[i], is_builtin))) {
        start = ts_node_start_byte(values[i + 1]);
        continue;
      }
      if (value == wanted) return emit(node, values[i], start, "after", in_test(), ctx);
      if (next == wanted) {
        return emit(node, values[i + 1], start, i + 2 == values.size() ? "before" : "both", in_test(), ctx);
      }
    }
  }

  void emit(TSNode node, TSNode value, uint32_t start, std::string_view around, bool boolean_test, Context& ctx) {
    std::string content;
    if (boolean_test) {
      content = truthy_ ? "True" : "False";
    } else {
      const auto written = codegen::expression(value, ctx);
      if (!written) return;
      content = *written;
    }
    const TSNode v = unparenthesized(value);
    if (is(v, "tuple") && !named_operands(v).empty()) content = "(" + content + ")";
    const std::string op(op_);
    const std::string replaced = around == "after"    ? content + " " + op + " ..."
                                 : around == "before" ? "... " + op + " " + content
                                                      : "... " + op + " " + content + " " + op + " ...";
    const uint32_t end = ts_node_end_byte(node);
    Diagnostic& d = report(ctx, start, end, "Use `" + content + "` instead of `" + replaced + "`");
    d.fix_title = "Replace with `" + content + "`";
    d.fix = Fix::unsafe(Edit::replace(start, end, std::move(content)));
  }

  std::string_view op_;
  bool truthy_;
  ChainHeads heads_;
  std::vector<TSNode> chains_;
};

}  // namespace lint::rules::simplify
