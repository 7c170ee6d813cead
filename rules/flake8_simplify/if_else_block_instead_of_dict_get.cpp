#include <optional>
#include <string>
#include <vector>

#include "flake8_comprehensions/comparable.h"
#include "fix/generator.h"
#include "flake8_simplify/helpers.h"

namespace lint::rules {

namespace {

constexpr std::string_view kDoc = R"(## What it does
Checks for `if` statements and conditional expressions that look a key up in a dictionary when
it is there and fall back to a default when it is not.

## Why is this bad?
`dict.get(key, default)` does exactly that in one call, and says so.

The statement form is flagged only when the dictionary is a name known to hold a `dict`, the
default has no side effects, and the rewritten assignment fits in `line-length`. Blocks testing
`TYPE_CHECKING`, `sys.version_info` or `sys.platform` are left alone.

## Example
```python
if name in colors:
    color = colors[name]
else:
    color = "black"
```

Use instead:
```python
color = colors.get(name, "black")
```

## Fix safety
The fix is unsafe: a mapping whose class overrides `__getitem__` or `__contains__` need not
agree with its `get`. It is not offered when comments would be lost.
)";

// The single key of a membership test `key in d` / `key not in d`: key, container, and whether
// the test is negated.
struct Membership {
  TSNode key{}, container{};
  bool negated = false;
};

std::optional<Membership> membership(TSNode test, const Context&) {
  test = unparenthesized(test);
  if (!is(test, "comparison_operator")) return std::nullopt;
  std::vector<TSNode> operands;
  std::string_view op;
  int ops = 0;
  for (TSNode c : children(test)) {
    if (ts_node_is_extra(c)) continue;
    if (ts_node_is_named(c)) {
      operands.push_back(c);
    } else {
      op = kind(c);
      ++ops;
    }
  }
  if (ops != 1 || operands.size() != 2 || (op != "in" && op != "not in")) return std::nullopt;
  return Membership{operands[0], operands[1], op == "not in"};
}

// The only statement of a block, when it is a plain assignment to one target: its target and
// value.
bool lone_assignment(TSNode block, TSNode& target, TSNode& value) {
  const std::vector<TSNode> body = simplify::named_operands(block);
  if (body.size() != 1 || !is(body[0], "expression_statement")) return false;
  const std::vector<TSNode> parts = simplify::named_operands(body[0]);
  if (parts.size() != 1 || !is(parts[0], "assignment")) return false;
  const TSNode a = parts[0];
  if (!ts_node_is_null(field(a, "type"))) return false;
  value = field(a, "right");
  if (ts_node_is_null(value) || is(value, "assignment") || is(value, "augmented_assignment")) return false;
  target = field(a, "left");
  return true;
}

// The single index of a subscript `d[key]` (not `d[a, b]`), or null.
TSNode single_index(TSNode subscript) {
  TSNode index{};
  int count = 0;
  for (auto it = children(subscript).begin(); it != children(subscript).end(); ++it) {
    if (is(*it, ",")) return TSNode{};
    const char* f = it.field_name();
    if (f && std::string_view(f) == "subscript") {
      index = *it;
      ++count;
    }
  }
  return count == 1 ? index : TSNode{};
}

bool same(TSNode a, TSNode b, const Context& ctx) {
  return flake8_comprehensions::comparable(a, ctx) == flake8_comprehensions::comparable(b, ctx);
}

// `d.get(key, default)` as Ruff's generator writes it.
std::optional<std::string> get_call(TSNode dict, TSNode key, TSNode fallback, const Context& ctx) {
  const auto d = codegen::expression(dict, ctx, codegen::kAtom);
  const auto k = codegen::expression(key, ctx, codegen::kTupleElement);
  const auto f = codegen::expression(fallback, ctx, codegen::kTupleElement);
  if (!d || !k || !f) return std::nullopt;
  const bool digits = !d->empty() && d->find_first_not_of("0123456789") == std::string::npos;
  return *d + (digits ? " .get(" : ".get(") + *k + ", " + *f + ")";
}

class IfElseBlockInsteadOfDictGet final : public Rule {
 public:
  void enter(TSNode node, Context& ctx) override {
    if (is(node, "conditional_expression")) {
      const std::vector<TSNode> parts = simplify::named_operands(node);
      if (parts.size() != 3) return;
      const std::optional<Membership> m = membership(parts[1], ctx);
      if (!m) return;
      const TSNode found = unparenthesized(m->negated ? parts[2] : parts[0]);
      const TSNode fallback = m->negated ? parts[0] : parts[2];
      if (!is(found, "subscript")) return;
      const TSNode index = single_index(found);
      if (ts_node_is_null(index) || !same(index, m->key, ctx) || !same(field(found, "value"), m->container, ctx)) return;
      found_.push_back({node, TSNode{}, TSNode{}, m->key, field(found, "value"), fallback});
      return;
    }
    for (TSNode c : children(node)) {
      if (is(c, "elif_clause")) return;
    }
    TSNode else_clause{};
    for (TSNode c : children(node)) {
      if (is(c, "else_clause")) else_clause = c;
    }
    if (ts_node_is_null(else_clause)) return;
    TSNode body_target, body_value, else_target, else_value;
    if (!lone_assignment(field(node, "consequence"), body_target, body_value) ||
        !lone_assignment(field(else_clause, "body"), else_target, else_value)) {
      return;
    }
    const std::optional<Membership> m = membership(field(node, "condition"), ctx);
    if (!m || !is(unparenthesized(m->container), "identifier")) return;
    const TSNode target = m->negated ? else_target : body_target;
    const TSNode found = unparenthesized(m->negated ? else_value : body_value);
    const TSNode other_target = m->negated ? body_target : else_target;
    const TSNode fallback = m->negated ? body_value : else_value;
    if (!is(found, "subscript")) return;
    const TSNode index = single_index(found);
    if (ts_node_is_null(index) || !same(index, m->key, ctx) || !same(target, other_target, ctx) ||
        !same(m->container, field(found, "value"), ctx)) {
      return;
    }
    found_.push_back({node, target, else_value, m->key, field(found, "value"), fallback});
  }

  void finish(Context& ctx) override {
    const SemanticModel* model = ctx.semantic();
    if (!model) return;
    const up::Resolver resolver(*model, ctx);
    const auto is_builtin = [&](std::string_view name) { return edits::is_unshadowed_builtin(ctx, name); };
    for (const Found& f : found_) {
      if (edits::contains_effect(ctx, f.fallback, is_builtin)) continue;
      const bool statement = !ts_node_is_null(f.target);
      const uint32_t start = ts_node_start_byte(f.node);
      uint32_t end = ts_node_end_byte(f.node);
      std::optional<std::string> contents = get_call(f.dict, f.key, f.fallback, ctx);
      if (!contents) continue;
      if (statement) {
        const TSNode dict = unparenthesized(f.dict);
        const Binding* b = model->binding_at(ts_node_start_byte(dict));
        if (!b || (b->shadows >= 0 && b->shadows_same_scope) || !simplify::binds_dict(*b, resolver, ctx)) continue;
        const TSNode test = field(f.node, "condition");
        if (simplify::is_sys_version_test(test, resolver) || simplify::is_type_checking_test(test, resolver, ctx)) {
          continue;
        }
        const auto target = codegen::expression(f.target, ctx);
        if (!target) continue;
        contents = *target + " = " + *contents;
        if (!simplify::fits(*contents, start, ctx)) continue;
        end = ts_node_end_byte(f.last);
      }
      Diagnostic& d = report(ctx, start, end, "Use `" + *contents + "` instead of an `if` block");
      d.fix_title = "Replace with `" + *contents + "`";
      if (!simplify::has_comments(start, end, ctx)) d.fix = Fix::unsafe(Edit::replace(start, end, std::move(*contents)));
    }
  }

 private:
  struct Found {
    TSNode node;
    TSNode target;  // null for a conditional expression
    TSNode last;    // the statement form's last value (where Ruff's range of the `if` ends)
    TSNode key, dict, fallback;
  };
  std::vector<Found> found_;
};

}  // namespace

extern const RuleSpec if_else_block_instead_of_dict_get{
    .code = "SIM401",
    .name = "if-else-block-instead-of-dict-get",
    .linter = "flake8-simplify",
    .kinds = {"if_statement", "conditional_expression"},
    .doc = kDoc,
    .create = make_rule<IfElseBlockInsteadOfDictGet>(),
    .needs_semantic = true,
    .fix = FixAvailability::Sometimes,
};

}  // namespace lint::rules
