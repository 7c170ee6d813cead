#include <algorithm>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "flake8_comprehensions/calls.h"
#include "fix/generator.h"

namespace lint::rules {

namespace {

constexpr std::string_view kDoc = R"(## What it does
Checks for `or` chains that call `startswith` (or `endswith`) on the same name more than once.

## Why is this bad?
Both methods take a tuple of prefixes (or suffixes): one call says the same thing, and checks
them in one pass.

Calls whose argument is a name bound to a tuple are left alone: merging them would put a
tuple inside the tuple.

## Example
```python
if path.startswith("/usr") or path.startswith("/opt"):
    ...
```

Use instead:
```python
if path.startswith(("/usr", "/opt")):
    ...
```

## Fix safety
The fix is unsafe: it writes the whole condition anew, so comments in it are lost, and the
calls are no longer evaluated one by one (an argument with side effects runs even when an
earlier one matched).
)";

// `name.startswith(arg)` or `name.endswith(arg)`: one positional argument, no keywords.
struct AffixCall {
  TSNode call{};
  std::string_view attr, name;
  TSNode arg{};
};

bool affix_call(TSNode value, const Context& ctx, AffixCall& out) {
  value = unparenthesized(value);
  if (!is(value, "call")) return false;
  const TSNode function = unparenthesized(field(value, "function"));
  if (!is(function, "attribute")) return false;
  const std::string_view attr = ctx.text(field(function, "attribute"));
  if (attr != "startswith" && attr != "endswith") return false;
  const TSNode object = unparenthesized(field(function, "object"));
  if (!is(object, "identifier")) return false;
  const TSNode arguments = field(value, "arguments");
  if (!is(arguments, "argument_list")) return false;
  TSNode arg{};
  int count = 0;
  for (TSNode c : children(arguments)) {
    if (!ts_node_is_named(c) || ts_node_is_extra(c)) continue;
    if (is(c, "keyword_argument") || is(c, "dictionary_splat")) return false;
    arg = c;
    ++count;
  }
  if (count != 1) return false;
  out = {value, attr, ctx.text(object), unparenthesized(arg)};
  return true;
}

// The operands of an `or` chain (`a or b or c`, which tree-sitter nests to the left).
std::vector<TSNode> or_operands(TSNode node, const Context& ctx) {
  std::vector<TSNode> right_to_left;
  TSNode n = node;
  for (;;) {
    right_to_left.push_back(field(n, "right"));
    const TSNode left = field(n, "left");
    if (is(left, "boolean_operator") && ctx.text(field(left, "operator")) == "or") {
      n = left;
      continue;
    }
    right_to_left.push_back(left);
    break;
  }
  return {right_to_left.rbegin(), right_to_left.rend()};
}

// Whether the annotation is `tuple` or `typing.Tuple`, subscripted or not.
bool is_tuple_annotation(TSNode annotation, const SemanticModel& m, const Context& ctx) {
  TSNode t = unparenthesized(annotation);
  if (is(t, "type")) t = ts_node_named_child(t, 0);
  if (is(t, "generic_type")) t = ts_node_named_child(t, 0);
  if (is(t, "subscript")) t = field(t, "value");
  const std::string q = m.qualified_name(t, ctx.source());
  return q == "builtins.tuple" || q == "typing.Tuple" || q == "typing_extensions.Tuple" || q == "_typeshed.Tuple";
}

// Whether a value is known to be a tuple: a tuple display or a call of the builtin `tuple`.
bool is_tuple_value(TSNode value, const SemanticModel& m, const Context& ctx) {
  value = unparenthesized(value);
  if (is(value, "tuple") || is(value, "expression_list")) return true;
  return is(value, "call") && flake8_comprehensions::is_builtin(field(value, "function"), "tuple", m, ctx);
}

// Ruff's `is_bound_to_tuple`: the name is bound, where it is read, by `*args`, an assignment
// of a tuple, or a declaration annotated as a tuple.
bool is_bound_to_tuple(TSNode arg, const SemanticModel& m, const Context& ctx) {
  if (!is(arg, "identifier")) return false;
  const Binding* b = m.binding_at(ts_node_start_byte(arg));
  if (!b) return false;
  const TSNode name = ts_node_descendant_for_byte_range(ctx.root(), b->start, b->end);
  if (!is(name, "identifier")) return false;
  TSNode parent = ts_node_parent(name);
  switch (b->kind) {
    case BindingKind::Argument: {
      if (is(parent, "list_splat_pattern")) return is(ts_node_parent(parent), "parameters");
      if (is(parent, "typed_parameter") || is(parent, "typed_default_parameter")) {
        return is_tuple_annotation(field(parent, "type"), m, ctx);
      }
      return false;
    }
    case BindingKind::Assignment: {
      if (!is(parent, "assignment") || !ts_node_eq(field(parent, "left"), name)) return false;
      TSNode value = field(parent, "right");
      while (is(value, "assignment")) value = field(value, "right");
      return !ts_node_is_null(value) && is_tuple_value(value, m, ctx);
    }
    case BindingKind::AnnotatedAssignment:
    case BindingKind::Annotation:
      return is(parent, "assignment") && is_tuple_annotation(field(parent, "type"), m, ctx);
    case BindingKind::NamedExpr:
      return is(parent, "named_expression") && is_tuple_value(field(parent, "value"), m, ctx);
    default:
      return false;
  }
}

class MultipleStartsEndsWith final : public Rule {
 public:
  void enter(TSNode node, Context& ctx) override {
    if (ctx.text(field(node, "operator")) != "or") return;
    // The inner links of a chain are taken with its outermost one.
    const TSNode left = field(node, "left");
    const bool inner = node.id == inner_;
    inner_ = is(left, "boolean_operator") && ctx.text(field(left, "operator")) == "or" ? left.id : nullptr;
    if (inner) return;
    // Two calls of the same method on the same name at least.
    std::vector<std::pair<std::string_view, std::string_view>> seen;
    bool twice = false;
    AffixCall call;
    for (const TSNode operand : or_operands(node, ctx)) {
      if (!affix_call(operand, ctx, call)) continue;
      const auto key = std::make_pair(call.attr, call.name);
      for (const auto& s : seen) twice |= s == key;
      seen.push_back(key);
    }
    if (twice) chains_.push_back(node);
  }
  void finish(Context& ctx) override {
    const SemanticModel* m = ctx.semantic();
    if (!m) return;
    for (const TSNode chain : chains_) check(chain, *m, ctx);
  }

 private:
  void check(TSNode chain, const SemanticModel& m, Context& ctx) {
    const std::vector<TSNode> operands = or_operands(chain, ctx);
    // Sorted by method, then name, as Ruff reports them.
    std::map<std::pair<std::string_view, std::string_view>, std::vector<size_t>> groups;
    AffixCall call;
    for (size_t i = 0; i < operands.size(); ++i) {
      if (!affix_call(operands[i], ctx, call) || is_bound_to_tuple(call.arg, m, ctx)) continue;
      groups[{call.attr, call.name}].push_back(i);
    }
    for (const auto& [key, indexes] : groups) {
      if (indexes.size() < 2) continue;
      const std::string attr(key.first);
      Diagnostic& d = report(ctx, chain, "Call `" + attr + "` once with a `tuple`");
      d.fix_title = "Merge into a single `" + attr + "` call";
      if (auto written = merged(operands, indexes, key.second, attr, ctx)) {
        d.fix = Fix::unsafe(Edit::replace(ts_node_start_byte(chain), ts_node_end_byte(chain), std::move(*written)));
      }
    }
  }

  // The chain written anew (as Ruff's generator writes it) with the calls at `indexes` merged
  // into one at the first one's place: `name.attr((a, b, c))`, tuples among the arguments
  // spread into it.
  static std::optional<std::string> merged(const std::vector<TSNode>& operands, const std::vector<size_t>& indexes,
                                           std::string_view name, const std::string& attr, const Context& ctx) {
    std::string out;
    AffixCall call;
    for (size_t i = 0; i < operands.size(); ++i) {
      const bool grouped = std::find(indexes.begin(), indexes.end(), i) != indexes.end();
      if (grouped && i != indexes.front()) continue;
      if (!out.empty()) out += " or ";
      if (!grouped) {
        auto written = codegen::expression(operands[i], ctx, codegen::kOrOperand);
        if (!written) return std::nullopt;
        out += *written;
        continue;
      }
      std::vector<std::string> items;
      for (const size_t j : indexes) {
        affix_call(operands[j], ctx, call);
        const TSNode arg = unparenthesized(call.arg);
        std::vector<TSNode> parts;
        if (is(arg, "tuple")) parts = named_children(arg);
        else parts.push_back(call.arg);
        for (const TSNode part : parts) {
          auto written = codegen::expression(part, ctx, codegen::kTupleElement);
          if (!written) return std::nullopt;
          items.push_back(std::move(*written));
        }
      }
      out += name;
      out += '.';
      out += attr;
      out += "((";
      for (size_t k = 0; k < items.size(); ++k) {
        if (k) out += ", ";
        out += items[k];
      }
      if (items.size() == 1) out += ',';
      out += "))";
    }
    return out;
  }

  const void* inner_ = nullptr;
  std::vector<TSNode> chains_;
};

}  // namespace

extern const RuleSpec multiple_starts_ends_with{
    .code = "PIE810",
    .name = "multiple-starts-ends-with",
    .linter = "flake8-pie",
    .kinds = {"boolean_operator"},
    .doc = kDoc,
    .create = make_rule<MultipleStartsEndsWith>(),
    .needs_semantic = true,
    .fix = FixAvailability::Always,
};

}  // namespace lint::rules
