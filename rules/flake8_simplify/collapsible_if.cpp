#include <optional>
#include <string>
#include <vector>

#include "fix/stylist.h"
#include "flake8_simplify/helpers.h"

namespace lint::rules {

namespace {

constexpr std::string_view kDoc = R"(## What it does
Checks for an `if` (or a final `elif`) whose whole body is another `if` without `elif` or
`else` branches.

## Why is this bad?
Both conditions guard the same code, which `and` says in one condition, one level of
indentation less deep.

`if __name__ == "__main__":`, `if True:`, `if False:` and blocks testing `TYPE_CHECKING`,
`sys.version_info` or `sys.platform` are left alone. An `if` with more branches is flagged only
at its last branch, an `elif`, and only when the `if` branch itself holds one statement.

## Example
```python
if user.is_active:
    if user.is_admin:
        grant(user)
```

Use instead:
```python
if user.is_active and user.is_admin:
    grant(user)
```

## Fix safety
The fix is unsafe, as Ruff 0.17.3 marks it outside preview, though the joined condition guards
the same code. Operands are parenthesized where `and` would bind them differently (`or`,
conditional expressions, `lambda`, `:=`). The fix is not offered when a comment sits between the
two headers or a line of the result would exceed `line-length` (tabs counted to multiples of
four columns).
)";

TSNode colon_of(TSNode clause) {
  for (TSNode c : children(clause)) {
    if (is(c, ":")) return c;
  }
  return TSNode{};
}

bool has_branches(TSNode stmt) {
  for (TSNode c : children(stmt)) {
    if (is(c, "elif_clause") || is(c, "else_clause")) return true;
  }
  return false;
}

// `__name__ <op> "__main__"`.
bool is_main_check(TSNode test, const Context& ctx) {
  test = unparenthesized(test);
  if (!is(test, "comparison_operator")) return false;
  const std::vector<TSNode> operands = simplify::named_operands(test);
  if (operands.size() != 2) return false;
  const TSNode left = unparenthesized(operands[0]), right = unparenthesized(operands[1]);
  if (!is(left, "identifier") || ctx.text(left) != "__name__") return false;
  if (!is(right, "string") && !is(right, "concatenated_string")) return false;
  std::string value;
  for (const TSNode part : simplify::truth_detail::string_parts(right)) {
    const std::string_view text = ctx.text(part);
    const size_t pl = simplify::truth_detail::prefix_length(text);
    const std::string_view prefix = text.substr(0, pl);
    if (simplify::truth_detail::prefix_has(prefix, 'f') || simplify::truth_detail::prefix_has(prefix, 't') ||
        simplify::truth_detail::prefix_has(prefix, 'b')) {
      return false;
    }
    decode_string_body(string_body(text, pl), simplify::truth_detail::prefix_has(prefix, 'r'), false, false, value);
  }
  return value == "__main__";
}

// The branch of `stmt` whose body may be a nested `if` (Ruff's nested_if_body): the `if` itself
// or its last `elif`; null when the last branch is an `else`, the `if` branch holds more than one
// statement, or the condition is a main check or a boolean literal.
TSNode nested_clause(TSNode stmt, const Context& ctx) {
  TSNode last{};
  for (TSNode c : children(stmt)) {
    if (is(c, "elif_clause") || is(c, "else_clause")) last = c;
  }
  if (simplify::is_kind(last, "else_clause")) return TSNode{};
  const TSNode clause = ts_node_is_null(last) ? stmt : last;
  if (simplify::named_operands(field(stmt, "consequence")).size() > 1) return TSNode{};
  const TSNode test = field(clause, "condition");
  if (is_main_check(test, ctx)) return TSNode{};
  const TSNode bare = unparenthesized(test);
  if (is(bare, "true") || is(bare, "false")) return TSNode{};
  return clause;
}

// The innermost `if` of a chain of lone `if`s without branches starting in `block`, or null.
TSNode last_nested_if(TSNode block) {
  TSNode found{};
  for (;;) {
    const std::vector<TSNode> body = simplify::named_operands(block);
    if (body.size() != 1 || !is(body[0], "if_statement") || has_branches(body[0])) return found;
    found = body[0];
    block = field(body[0], "consequence");
  }
}

bool needs_parentheses(TSNode test, const Context& ctx) {
  if (is(test, "boolean_operator")) return ctx.text(field(test, "operator")) == "or";
  return is(test, "conditional_expression") || is(test, "lambda") || is(test, "named_expression");
}

class CollapsibleIf final : public Rule {
 public:
  void enter(TSNode node, Context& ctx) override {
    const TSNode clause = nested_clause(node, ctx);
    if (ts_node_is_null(clause)) return;
    const TSNode deepest = last_nested_if(field(clause, "consequence"));
    if (ts_node_is_null(deepest)) return;
    found_.push_back({node, clause, deepest});
  }

  void finish(Context& ctx) override {
    const SemanticModel* model = ctx.semantic();
    if (!model) return;
    const up::Resolver resolver(*model, ctx);
    for (const Found& f : found_) check(f, resolver, ctx);
  }

 private:
  struct Found {
    TSNode stmt, clause, deepest;
  };

  void check(const Found& f, const up::Resolver& resolver, Context& ctx) const {
    const TSNode colon = colon_of(f.deepest);
    if (ts_node_is_null(colon)) return;
    const TSNode test = field(f.stmt, "condition");
    if (simplify::is_sys_version_test(test, resolver) || simplify::is_type_checking_test(test, resolver, ctx)) return;
    const uint32_t start = ts_node_start_byte(f.clause);
    Diagnostic& d = report(ctx, start, ts_node_end_byte(colon), "Use a single `if` statement instead of nested `if` statements");
    d.fix_title = "Combine `if` statements using `and`";
    const TSNode inner = simplify::named_operands(field(f.clause, "consequence"))[0];
    if (up::has_comment(ctx.root(), start, ts_node_start_byte(inner))) return;
    const std::optional<std::string> fixed = rewrite(f.clause, inner, ctx);
    if (!fixed || !simplify::fits(*fixed, start, ctx)) return;
    const std::string_view src = ctx.source();
    d.fix = Fix::unsafe(Edit::replace(edits::line_start(src, start),
                                      edits::line_end(src, simplify::ast_end(f.clause)), *fixed));
  }

  // The lines of the outer branch with the conditions joined by `and` and the inner body moved up.
  static std::optional<std::string> rewrite(TSNode clause, TSNode inner, const Context& ctx) {
    const std::string_view src = ctx.source();
    const uint32_t start = ts_node_start_byte(clause), inner_start = ts_node_start_byte(inner);
    if (edits::has_leading_content(src, start) || edits::has_leading_content(src, inner_start)) return std::nullopt;
    const uint32_t line = edits::line_start(src, start), inner_line = edits::line_start(src, inner_start);
    const std::string_view outer_indent = src.substr(line, start - line);
    const std::string_view inner_indent = src.substr(inner_line, inner_start - inner_line);
    if (!inner_indent.starts_with(outer_indent)) return std::nullopt;
    const TSNode outer_test = field(clause, "condition"), inner_test = field(inner, "condition");
    const TSNode outer_colon = colon_of(clause), inner_colon = colon_of(inner);
    if (ts_node_is_null(outer_test) || ts_node_is_null(inner_test) || ts_node_is_null(outer_colon) ||
        ts_node_is_null(inner_colon)) {
      return std::nullopt;
    }
    // libcst's default indentation is the first one of the text Ruff has it parse: the function
    // it wraps an indented statement in, or else the body of the outer statement.
    Stylist stylist(ctx);
    const std::string_view detected = outer_indent.empty() ? inner_indent : outer_indent;
    const simplify::Reindenter shift(inner, inner_indent, outer_indent, detected, stylist.indentation(), ctx);
    std::string out(ctx.original(line, ts_node_start_byte(outer_test)));
    const bool wrap_outer = needs_parentheses(outer_test, ctx), wrap_inner = needs_parentheses(inner_test, ctx);
    if (wrap_outer) out += '(';
    out += ctx.original(outer_test);
    if (wrap_outer) out += ')';
    out += " and ";
    if (wrap_inner) out += '(';
    shift.append(out, ts_node_start_byte(inner_test), ts_node_end_byte(inner_test));
    if (wrap_inner) out += ')';
    out += ctx.original(ts_node_end_byte(outer_test), ts_node_start_byte(outer_colon));
    out += ':';
    shift.append(out, ts_node_end_byte(inner_colon), edits::line_end(src, simplify::ast_end(clause)));
    return out;
  }

  std::vector<Found> found_;
};

}  // namespace

extern const RuleSpec collapsible_if{
    .code = "SIM102",
    .name = "collapsible-if",
    .linter = "flake8-simplify",
    .kinds = {"if_statement"},
    .doc = kDoc,
    .create = make_rule<CollapsibleIf>(),
    .needs_semantic = true,
    .fix = FixAvailability::Sometimes,
};

}  // namespace lint::rules
