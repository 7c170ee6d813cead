#include <string>
#include <vector>

#include "fix/generator.h"
#include "flake8_simplify/helpers.h"

namespace lint::rules {

namespace {

constexpr std::string_view kDoc = R"(## What it does
Checks for `if` statements whose branches only return `True` and `False`:
`if cond: return True` / `else: return False` (or the `return False` that follows the `if`).

## Why is this bad?
The function returns the truth of the condition, which `return cond` (for a comparison),
`return bool(cond)` or `return not cond` says in one line.

Blocks testing `TYPE_CHECKING`, `sys.version_info` or `sys.platform` are left alone.

## Example
```python
def is_adult(age):
    if age >= 18:
        return True
    else:
        return False
```

Use instead:
```python
def is_adult(age):
    return age >= 18
```

## Fix safety
The fix is unsafe: a comparison may return something other than a boolean (its class decides),
so returning it directly may change the value returned. It is not offered when comments would
be lost, nor, for a condition that is no comparison, where `bool` is not the builtin.
)";

// `True` or `False` when the statement is `return True` or `return False`.
std::optional<bool> return_of_bool(TSNode stmt) {
  if (!is(stmt, "return_statement")) return std::nullopt;
  const std::vector<TSNode> values = simplify::named_operands(stmt);
  if (values.size() != 1) return std::nullopt;
  const TSNode v = unparenthesized(values[0]);
  if (is(v, "true")) return true;
  if (is(v, "false")) return false;
  return std::nullopt;
}

// ... when `block` holds only that statement.
std::optional<bool> block_returns_bool(TSNode block) {
  const std::vector<TSNode> body = simplify::named_operands(block);
  if (body.size() != 1) return std::nullopt;
  return return_of_bool(body[0]);
}

uint32_t block_end(TSNode block) {
  const std::vector<TSNode> body = simplify::named_operands(block);
  return body.empty() ? ts_node_end_byte(block) : ts_node_end_byte(body.back());
}

TSNode next_statement(TSNode stmt) {
  for (TSNode n = ts_node_next_named_sibling(stmt); !ts_node_is_null(n); n = ts_node_next_named_sibling(n)) {
    if (!ts_node_is_extra(n)) return n;
  }
  return TSNode{};
}

bool has_comment(TSNode scope, uint32_t start, uint32_t end) {
  bool found = false;
  for_each_node(scope, [&](TSTreeCursor& cursor, bool entering) {
    if (!entering || found) return;
    const TSNode n = ts_tree_cursor_current_node(&cursor);
    if (is(n, "comment") && ts_node_start_byte(n) >= start && ts_node_start_byte(n) < end) found = true;
  });
  return found;
}

size_t display_width(std::string_view s) {
  size_t n = 0;
  for (const char c : s) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return n;
}

class NeedlessBool final : public Rule {
 public:
  void enter(TSNode node, Context&) override {
    TSNode test = field(node, "condition"), body = field(node, "consequence");
    std::vector<TSNode> elifs;
    TSNode else_clause{};
    for (TSNode c : children(node)) {
      if (is(c, "elif_clause")) elifs.push_back(c);
      else if (is(c, "else_clause")) else_clause = c;
    }
    uint32_t start = ts_node_start_byte(node), end = 0;
    TSNode scope = node;
    std::optional<bool> if_return, else_return;
    if (!ts_node_is_null(else_clause)) {
      if (!elifs.empty()) {
        test = field(elifs.back(), "condition");
        body = field(elifs.back(), "consequence");
        start = ts_node_start_byte(elifs.back());
      }
      if_return = block_returns_bool(body);
      else_return = block_returns_bool(field(else_clause, "body"));
      end = block_end(field(else_clause, "body"));
    } else if (elifs.empty()) {
      if_return = block_returns_bool(body);
      if (!if_return) return;
      const TSNode parent = ts_node_parent(node);
      if (ts_node_is_null(parent) || is(parent, "module")) return;
      const TSNode next = next_statement(node);
      if (ts_node_is_null(next)) return;
      else_return = return_of_bool(next);
      end = ts_node_end_byte(next);
      scope = parent;
    } else {
      return;
    }
    if (!if_return || !else_return || *if_return == *else_return) return;
    found_.push_back({node, test, start, end, scope, !*if_return});
  }

  void finish(Context& ctx) override {
    const SemanticModel* m = ctx.semantic();
    if (!m) return;
    const up::Resolver resolver(*m, ctx);
    for (const Found& f : found_) check(f, resolver, ctx);
  }

 private:
  struct Found {
    TSNode stmt, test;
    uint32_t start, end;
    TSNode scope;  // holds every comment of the range
    bool inverted;
  };

  static bool skipped_block(TSNode stmt, const up::Resolver& resolver, const Context& ctx) {
    const TSNode test = field(stmt, "condition");
    return simplify::is_type_checking_test(test, resolver, ctx) || simplify::is_sys_version_test(test, resolver);
  }

  // The condition to return, written anew, and the statement returning it.
  static std::optional<std::pair<std::string, std::string>> condition(const Found& f, const up::Resolver& resolver,
                                                                      const Context& ctx) {
    const TSNode test = unparenthesized(f.test);
    const auto both = [&](TSNode expr) -> std::optional<std::pair<std::string, std::string>> {
      auto shown = codegen::expression(expr, ctx);
      auto value = codegen::expression(expr, ctx, codegen::kReturnValue);
      if (!shown || !value) return std::nullopt;
      return std::make_pair(*shown, "return " + *value);
    };
    const auto comparison = [&](TSNode t, std::string_view& op, TSNode& left, TSNode& right) {
      if (!is(t, "comparison_operator")) return false;
      std::vector<TSNode> operands;
      int ops = 0;
      for (TSNode c : children(t)) {
        if (ts_node_is_extra(c)) continue;
        if (ts_node_is_named(c)) operands.push_back(c);
        else op = kind(c), ++ops;
      }
      if (ops != 1 || operands.size() != 2) return false;
      left = operands[0];
      right = operands[1];
      return true;
    };
    if (f.inverted) {
      if (is(test, "not_operator")) return both(unparenthesized(field(test, "argument")));
      std::string_view op;
      TSNode left{}, right{};
      if (comparison(test, op, left, right)) {
        const std::string_view negated = op == "==" ? "!=" : op == "!=" ? "==" : op == "in" ? "not in" : op == "not in" ? "in"
                                         : op == "is" ? "is not" : op == "is not" ? "is" : "";
        if (!negated.empty()) {
          const auto l = codegen::expression(left, ctx, codegen::kCmpOperand);
          const auto r = codegen::expression(right, ctx, codegen::kCmpOperand);
          if (!l || !r) return std::nullopt;
          std::string written = *l + " " + std::string(negated) + " " + *r;
          return std::make_pair(written, "return " + written);
        }
      }
      const auto operand = codegen::expression(test, ctx, codegen::kNotOperand);
      if (!operand) return std::nullopt;
      return std::make_pair("not " + *operand, "return not " + *operand);
    }
    if (is(test, "comparison_operator")) return both(test);
    if (!resolver.has_builtin_binding("bool", ts_node_start_byte(f.stmt))) return std::nullopt;
    std::string call;
    if (is(test, "generator_expression")) {
      const auto g = codegen::expression(test, ctx);
      if (!g) return std::nullopt;
      call = std::string("bool").append(*g);
    } else {
      const auto a = codegen::expression(test, ctx, codegen::kTupleElement);
      if (!a) return std::nullopt;
      call = "bool(" + *a + ")";
    }
    return std::make_pair(call, "return " + call);
  }

  void check(const Found& f, const up::Resolver& resolver, Context& ctx) {
    if (skipped_block(f.stmt, resolver, ctx)) return;
    std::optional<std::pair<std::string, std::string>> written;
    if (!has_comment(f.scope, f.start, f.end)) written = condition(f, resolver, ctx);
    const bool shown = written && display_width(written->first) <= 50 &&
                       written->first.find_first_of("\r\n") == std::string::npos;
    std::string message = shown ? "Return the condition `" + written->first + "` directly"
                          : f.inverted ? "Return the negated condition directly"
                                       : "Return the condition directly";
    Diagnostic& d = report(ctx, f.start, f.end, std::move(message));
    d.fix_title = shown ? "Replace with `return " + written->first + "`" : std::string("Inline condition");
    if (written) d.fix = Fix::unsafe(Edit::replace(f.start, f.end, std::move(written->second)));
  }

  std::vector<Found> found_;
};

}  // namespace

extern const RuleSpec needless_bool{
    .code = "SIM103",
    .name = "needless-bool",
    .linter = "flake8-simplify",
    .kinds = {"if_statement"},
    .doc = kDoc,
    .create = make_rule<NeedlessBool>(),
    .needs_semantic = true,
    .fix = FixAvailability::Sometimes,
};

}  // namespace lint::rules
