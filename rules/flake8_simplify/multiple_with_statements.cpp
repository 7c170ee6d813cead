#include <optional>
#include <string>
#include <vector>

#include "fix/stylist.h"
#include "flake8_simplify/helpers.h"

namespace lint::rules {

namespace {

constexpr std::string_view kDoc = R"(## What it does
Checks for a `with` statement whose whole body is another `with` statement.

## Why is this bad?
One `with` statement takes several context managers, entered left to right and exited in the
reverse order, just as the nested statements do; it saves a level of indentation.

Where one of them is a single `asyncio.timeout()`, `asyncio.timeout_at()`, `anyio.CancelScope()`,
`anyio.fail_after()`, `anyio.move_on_after()` or one of trio's `fail_after`, `fail_at`,
`move_on_after`, `move_on_at`, nesting is left alone: it decides which code the deadline covers.

## Example
```python
with open("in.txt") as source:
    with open("out.txt", "w") as target:
        target.write(source.read())
```

Use instead:
```python
with open("in.txt") as source, open("out.txt", "w") as target:
    target.write(source.read())
```

## Fix safety
The fix is safe: the context managers are entered and exited in the same order. It is offered
when no comment sits between the two headers and every line of the result fits in
`line-length`. When either statement parenthesizes its context managers, so does the result.
)";

bool is_async(TSNode with) {
  const TSNode first = ts_node_child(with, 0);
  return is(first, "async");
}

TSNode clause_of(TSNode with) {
  for (TSNode c : children(with)) {
    if (is(c, "with_clause")) return c;
  }
  return TSNode{};
}

TSNode colon_of(TSNode with) {
  for (TSNode c : children(with)) {
    if (is(c, ":")) return c;
  }
  return TSNode{};
}

// The context managers of a `with` header as libcst sees them: between optional parentheses,
// from the first item to the last (its trailing comma included).
struct Items {
  uint32_t open = 0, first = 0;  // `(` (when parenthesized) and the first item
  uint32_t last = 0;             // the end of the last item, or of its trailing comma
  uint32_t close = 0;            // after `)` (when parenthesized), else the end of the last item
  bool parenthesized = false, trailing_comma = false;
  std::vector<TSNode> items;     // the with_item nodes, or the elements of `(a, b,)`
};

std::optional<Items> items_of(TSNode clause) {
  Items out;
  std::vector<TSNode> with_items;
  for (TSNode c : children(clause)) {
    if (is(c, "with_item")) with_items.push_back(c);
    if (is(c, "(")) out.parenthesized = true;
  }
  if (with_items.empty()) return std::nullopt;
  TSNode holder = clause;
  if (!out.parenthesized && with_items.size() == 1) {
    // `with (a(), b()):` and `with (a()):` are one item to tree-sitter: a tuple or a
    // parenthesized expression.
    const TSNode value = field(with_items[0], "value");
    if ((is(value, "tuple") || is(value, "parenthesized_expression")) &&
        ts_node_start_byte(value) == ts_node_start_byte(with_items[0]) &&
        ts_node_end_byte(value) == ts_node_end_byte(with_items[0])) {
      out.parenthesized = true;
      holder = value;
      with_items = simplify::named_operands(value);
      if (with_items.empty()) return std::nullopt;
    }
  }
  out.items = with_items;
  out.first = ts_node_start_byte(with_items.front());
  out.last = ts_node_end_byte(with_items.back());
  out.close = out.last;
  for (TSNode c : children(holder)) {
    if (is(c, "(") && !out.open) out.open = ts_node_start_byte(c) + 1;
    if (is(c, ",") && ts_node_start_byte(c) >= out.last) {
      out.trailing_comma = true;
      out.last = ts_node_end_byte(c);
    }
    if (is(c, ")")) out.close = ts_node_end_byte(c);
  }
  if (out.parenthesized) out.open -= 1;
  return out;
}

class MultipleWithStatements final : public Rule {
 public:
  void enter(TSNode node, Context& ctx) override {
    const bool nested_in_lone = !open_.empty() && [&] {
      const std::vector<TSNode> body = simplify::named_operands(field(open_.back(), "body"));
      return body.size() == 1 && ts_node_eq(body[0], node);
    }();
    open_.push_back(node);
    if (nested_in_lone) return;
    const std::vector<TSNode> body = simplify::named_operands(field(node, "body"));
    if (body.size() != 1 || !is(body[0], "with_statement")) return;
    const TSNode inner = body[0];
    if (is_async(inner) != is_async(node)) return;
    found_.push_back({node, inner});
    (void)ctx;
  }

  void leave(TSNode, Context&) override { open_.pop_back(); }

  void finish(Context& ctx) override {
    const SemanticModel* model = ctx.semantic();
    if (!model) return;
    const up::Resolver resolver(*model, ctx);
    for (const Found& f : found_) check(f, resolver, ctx);
  }

 private:
  struct Found {
    TSNode outer, inner;
  };

  // A lone context manager whose scope is the point of nesting (a deadline).
  static bool explicit_item(TSNode with, const up::Resolver& resolver) {
    const std::optional<Items> items = items_of(clause_of(with));
    if (!items || items->items.size() != 1) return false;
    TSNode value = items->items[0];
    if (is(value, "with_item")) value = field(value, "value");
    value = unparenthesized(value);
    if (!is(value, "call")) return false;
    const std::string q = resolver.qualified(field(value, "function"));
    return q == "asyncio.timeout" || q == "asyncio.timeout_at" || q == "anyio.CancelScope" ||
           q == "anyio.fail_after" || q == "anyio.move_on_after" || q == "trio.fail_after" || q == "trio.fail_at" ||
           q == "trio.move_on_after" || q == "trio.move_on_at";
  }

  void check(const Found& f, const up::Resolver& resolver, Context& ctx) const {
    if (explicit_item(f.outer, resolver) || explicit_item(f.inner, resolver)) return;
    const TSNode inner_colon = colon_of(f.inner);
    if (ts_node_is_null(inner_colon)) return;
    const uint32_t start = ts_node_start_byte(f.outer);
    Diagnostic& d = report(ctx, start, ts_node_end_byte(inner_colon),
                           "Use a single `with` statement with multiple contexts instead of nested `with` statements");
    d.fix_title = "Combine `with` statements";
    if (up::has_comment(ctx.root(), start, ts_node_start_byte(f.inner))) return;
    std::optional<std::string> fixed = rewrite(f, ctx);
    if (!fixed) return;
    const std::string_view src = ctx.source();
    const uint32_t from = edits::line_start(src, start);
    const uint32_t to = edits::line_end(src, simplify::ast_end(f.outer));
    if (!simplify::fits(*fixed, start, ctx)) return;
    d.fix = Fix::safe(Edit::replace(from, to, std::move(*fixed)));
  }

  // The lines of the outer statement with the inner one's context managers and body moved in.
  static std::optional<std::string> rewrite(const Found& f, const Context& ctx) {
    const std::string_view src = ctx.source();
    const uint32_t start = ts_node_start_byte(f.outer);
    if (edits::has_leading_content(src, start)) return std::nullopt;
    const uint32_t line = edits::line_start(src, start);
    const std::string_view outer_indent = src.substr(line, start - line);
    const uint32_t inner_start = ts_node_start_byte(f.inner);
    const uint32_t inner_line = edits::line_start(src, inner_start);
    if (edits::has_leading_content(src, inner_start)) return std::nullopt;
    const std::string_view inner_indent = src.substr(inner_line, inner_start - inner_line);
    if (!inner_indent.starts_with(outer_indent)) return std::nullopt;
    const TSNode outer_clause = clause_of(f.outer), inner_clause = clause_of(f.inner);
    const TSNode outer_colon = colon_of(f.outer), inner_colon = colon_of(f.inner);
    if (ts_node_is_null(outer_clause) || ts_node_is_null(inner_clause) || ts_node_is_null(outer_colon)) return std::nullopt;
    const std::optional<Items> o = items_of(outer_clause), i = items_of(inner_clause);
    if (!o || !i) return std::nullopt;
    // libcst's default indentation is the first one of the text Ruff has it parse: the function
    // it wraps an indented statement in, or else the body of the outer statement.
    Stylist stylist(ctx);
    const std::string_view detected = outer_indent.empty() ? inner_indent : outer_indent;
    const simplify::Reindenter shift(f.inner, inner_indent, outer_indent, detected, stylist.indentation(), ctx);
    std::string out(ctx.original(line, o->parenthesized ? o->open : o->first));
    if (!o->parenthesized && i->parenthesized) shift.append(out, i->open, i->first);
    if (o->parenthesized) out += ctx.original(o->open, o->first);
    out += ctx.original(o->first, o->last);
    if (!o->trailing_comma) out += ", ";
    shift.append(out, i->first, i->last);
    if (o->parenthesized) {
      out += ctx.original(o->last, o->close);
    } else if (i->parenthesized) {
      shift.append(out, i->last, i->close);
    }
    out += ctx.original(o->close, ts_node_start_byte(outer_colon));
    out += ':';
    const uint32_t end = edits::line_end(src, simplify::ast_end(f.outer));
    shift.append(out, ts_node_end_byte(inner_colon), end);
    return out;
  }

  std::vector<TSNode> open_;
  std::vector<Found> found_;
};

}  // namespace

extern const RuleSpec multiple_with_statements{
    .code = "SIM117",
    .name = "multiple-with-statements",
    .linter = "flake8-simplify",
    .kinds = {"with_statement"},
    .doc = kDoc,
    .create = make_rule<MultipleWithStatements>(),
    .needs_semantic = true,
    .fix = FixAvailability::Sometimes,
};

}  // namespace lint::rules
