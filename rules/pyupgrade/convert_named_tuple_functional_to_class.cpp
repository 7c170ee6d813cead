#include "engine/rule.h"
#include "fix/stylist.h"
#include "fix/generator.h"
#include "pyupgrade/edits.h"
#include "pyupgrade/semantic.h"
#include "pyupgrade/typing_context.h"
#include "syntax/identifier.h"

namespace lint::rules {

namespace {

constexpr std::string_view kDoc = R"(## What it does
Checks for named tuples created by calling `typing.NamedTuple` (`Point = NamedTuple("Point",
[("x", int), ("y", int)])`) where a class statement says the same.

## Why is this bad?
The class syntax reads like every other class, lets each field carry a default and a docstring,
and lets the tuple have methods.

Calls whose fields cannot be read (a field name that is no identifier or is a dunder, a starred
annotation, fields given both as a list and as keywords) are left alone.

## Example
```python
from typing import NamedTuple

Point = NamedTuple("Point", [("x", int), ("y", int)])
```

Use instead:
```python
from typing import NamedTuple


class Point(NamedTuple):
    x: int
    y: int
```

## Fix safety
The fix is unsafe when the call holds comments, which the class statement drops. It is offered
only for statements that start their line at column zero (not for indented ones).
)";

class ConvertNamedTupleFunctionalToClass final : public Rule {
 public:
  void enter(TSNode node, Context& ctx) override {
    // One target only: neither part of a chain `a = b = ...` (the walk meets its head first)
    // nor its head.
    const TSNode right = field(node, "right");
    if (ts_node_eq(node, chain_) || (!ts_node_is_null(right) && is(right, "assignment"))) {
      chain_ = right;
      return;
    }
    const TSNode left = field(node, "left");
    if (ts_node_is_null(left) || !is(left, "identifier") || !ts_node_is_null(field(node, "type"))) return;
    if (ts_node_is_null(right) || !is(right, "call") || callee_name(right, ctx) != "NamedTuple") return;
    candidates_.push_back(node);
  }

  void finish(Context& ctx) override {
    const SemanticModel* m = ctx.semantic();
    if (!m || candidates_.empty() || !up::seen_typing(*m)) return;
    const up::Resolver resolve(*m, ctx);
    Stylist stylist(ctx);
    for (TSNode node : candidates_) check(node, ctx, resolve, stylist);
  }

 private:
  struct Field {
    std::string name;
    TSNode annotation{};
  };

  void check(TSNode node, Context& ctx, const up::Resolver& resolve, Stylist& stylist) {
    const TSNode call = field(node, "right");
    const TSNode base = field(call, "function");
    if (!resolve.match_typing(base, "NamedTuple")) return;
    const Arguments args = up::call_arguments(call);
    std::vector<Field> fields;
    if (args.args.size() == 2 && args.keywords.empty()) {
      if (!fields_from_list(unparenthesized(args.args[1]), ctx, fields)) return;
    } else if (args.args.size() == 1) {
      for (TSNode kw : args.keywords) {
        const TSNode name = keyword_name(kw);
        if (ts_node_is_null(name)) return;
        fields.push_back({std::string(ctx.text(name)), keyword_value(kw)});
      }
    } else {
      return;
    }
    const std::string_view name = ctx.text(field(node, "left"));
    Diagnostic& d = report(ctx, node, "Convert `" + std::string(name) + "` from `NamedTuple` functional to class syntax");
    d.fix_title = "Convert `" + std::string(name) + "` to class syntax";
    // Ruff's generator writes the class at column zero only.
    if (up::line_start(ctx.source(), start_of(node)) != start_of(node)) return;
    const std::optional<std::string> cls = class_text(name, base, fields, ctx, stylist);
    if (!cls) return;
    const Applicability a =
        up::has_comment(node, start_of(node), end_of(node)) ? Applicability::Unsafe : Applicability::Safe;
    d.fix = Fix::with(a, {Edit::replace(start_of(node), end_of(node), *cls)});
  }

  // `[("a", int), ("b", str)]`: each a pair of a field name and its type.
  static bool fields_from_list(TSNode list, const Context& ctx, std::vector<Field>& fields) {
    if (!is(list, "list")) return false;
    for (TSNode e : children(list)) {
      if (!ts_node_is_named(e) || ts_node_is_extra(e)) continue;
      const TSNode pair = unparenthesized(e);
      if (!is(pair, "tuple")) return false;
      std::vector<TSNode> items;
      for (TSNode c : children(pair)) {
        if (ts_node_is_named(c) && !ts_node_is_extra(c)) items.push_back(c);
      }
      if (items.size() != 2 || is(items[1], "list_splat")) return false;
      const TSNode key = unparenthesized(items[0]);
      if (!up::is_str_literal(key, ctx)) return false;
      const std::optional<std::string> value = up::plain_string_value(key, ctx);
      if (!value || !is_python_identifier(*value)) return false;
      if (value->starts_with("__") && value->ends_with("__")) return false;
      fields.push_back({*value, items[1]});
    }
    return true;
  }

  // The class statement as Ruff's generator writes it.
  static std::optional<std::string> class_text(std::string_view name, TSNode base, const std::vector<Field>& fields,
                                               const Context& ctx, Stylist& stylist) {
    const std::optional<std::string> base_text = codegen::expression(base, ctx, codegen::kAtom);
    if (!base_text) return std::nullopt;
    const std::string nl(ctx.line_ending());
    const std::string& indent = stylist.indentation();
    std::string out = "class " + std::string(name) + "(" + *base_text + "):";
    if (fields.empty()) return out + nl + indent + "pass";
    for (const Field& f : fields) {
      const std::optional<std::string> annotation = codegen::expression(f.annotation, ctx, codegen::kTupleElement);
      if (!annotation) return std::nullopt;
      out += nl + indent + f.name + ": " + *annotation;
    }
    return out;
  }

  std::vector<TSNode> candidates_;
  TSNode chain_{};
};

}  // namespace

extern const RuleSpec convert_named_tuple_functional_to_class{
    .code = "UP014",
    .name = "convert-named-tuple-functional-to-class",
    .linter = "pyupgrade",
    .kinds = {"assignment"},
    .doc = kDoc,
    .create = make_rule<ConvertNamedTupleFunctionalToClass>(),
    .needs_semantic = true,
    .fix = FixAvailability::Sometimes,
};

}  // namespace lint::rules
