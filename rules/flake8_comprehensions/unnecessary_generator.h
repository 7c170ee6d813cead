// C400 and C401: a generator expression passed to `list()` or `set()`, which a comprehension
// (or, when the generator passes its items through, the call on the iterable) says more simply.
// The two rules differ only in the builtin and the brackets of the comprehension.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "fix/generator.h"
#include "flake8_comprehensions/calls.h"
#include "flake8_comprehensions/comparable.h"
#include "flake8_comprehensions/fixes.h"

namespace lint::rules::flake8_comprehensions {

struct GeneratorTarget {
  std::string_view builtin;     // "list": the call flagged, and the kind of comprehension
  std::string_view open, close;  // the comprehension's brackets
  bool pad;  // whether braces are spaced off an f-string replacement field's own (Ruff pads `{`)
};

class UnnecessaryGenerator : public CallRule {
 public:
  explicit UnnecessaryGenerator(GeneratorTarget target) : target_(target) {}

 protected:
  bool wants(std::string_view callee) const override { return callee == target_.builtin; }
  bool screen(const CallShape& call, const Context&) const override {
    return call.callee_is_name && call.args.size() == 1 && !call.has_keywords() &&
           is(call.value(0), "generator_expression");
  }
  void check(const CallShape& call, const SemanticModel& m, Context& ctx) override {
    const std::string builtin(target_.builtin);
    if (!is_builtin_name(call.function, builtin, m, ctx)) return;
    const Comprehension gen(call.value(0));
    const bool passthrough =
        gen.fors == 1 && gen.ifs == 0 && !gen.any_async && comparable(gen.body, ctx) == comparable(gen.target, ctx);
    Diagnostic& d = report(ctx, call.call,
                           passthrough ? "Unnecessary generator (rewrite using `" + builtin + "()`)"
                                       : "Unnecessary generator (rewrite as a " + builtin + " comprehension)");
    d.fix_title = passthrough ? "Rewrite using `" + builtin + "()`" : "Rewrite as a " + builtin + " comprehension";
    const uint32_t start = ts_node_start_byte(call.call), end = ts_node_end_byte(call.call);
    if (passthrough) {
      d.fix = Fix::unsafe(Edit::replace(start, end, builtin + "(" + std::string(ctx.original(gen.iter)) + ")"));
      return;
    }
    // `list(f(x) for x in y)` becomes `[f(x) for x in y]`; a generator with its own
    // parentheses is written anew without them.
    const std::string open(target_.open), close(target_.close);
    std::vector<Edit> edits{
        Edit::replace(start, ts_node_start_byte(call.list) + 1, target_.pad ? pad_start(open, call.call, ctx) : open),
        Edit::replace(closing_start(call), end, target_.pad ? pad_end(close, call.call, ctx) : close)};
    if (!call.bare_generator) {
      const auto written = codegen::expression(call.value(0), ctx);
      if (!written || written->size() < 2) return;
      edits.push_back(Edit::replace(ts_node_start_byte(call.args[0]), ts_node_end_byte(call.args[0]),
                                    written->substr(1, written->size() - 2)));
    }
    d.fix = Fix::unsafe(std::move(edits));
  }

 private:
  GeneratorTarget target_;
};

}  // namespace lint::rules::flake8_comprehensions
