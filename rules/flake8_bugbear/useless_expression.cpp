#include "flake8_bugbear/helpers.h"

namespace lint::rules {

namespace {

using namespace bugbear;

constexpr std::string_view kDoc = R"(## What it does
Checks for expression statements that can have no effect: a name, a literal, an attribute, a
display, arithmetic on literals...

## Why is this bad?
The value is computed and thrown away. Usually an assignment, a call or a `return` was meant;
otherwise the line is dead code.

Strings (possible docstrings), `...`, comparisons (B015's) and expressions that may have an
effect (calls, subscripts, comprehensions, `await`, walrus...) are not reported, except that an
attribute access is reported even on such an expression: reading it has no use. In a notebook,
the last expression of a cell, which the notebook displays, is not reported.

## Example
```python
def update(config):
    config.ready
```

Use instead:
```python
def update(config):
    config.ready = True
```
)";

enum class Effect : uint8_t { Absent, Present, DependsOnBuiltins };

constexpr std::string_view kIterableInitializers[] = {"list", "tuple", "set", "dict", "frozenset"};

bool is_iterable_initializer(std::string_view name) {
  for (const std::string_view n : kIterableInitializers) {
    if (n == name) return true;
  }
  return false;
}

// Operands that make `a + b` free of effects when both sides are one: literals and displays.
bool is_safe_operand(TSNode n, const Context& ctx) {
  n = unparenthesized(n);
  const std::string_view k = kind_of(n);
  if (k == "string" || k == "concatenated_string") {
    // f-strings are safe operands, t-strings are not.
    bool t_string = false;
    auto check = [&](TSNode part) {
      if (is_a(part, "string") && pyfmt::prefix_contains(string_prefix(ctx.text(part)), 't')) t_string = true;
    };
    if (k == "string") check(n);
    else for_each_named_child(n, check);
    return !t_string;
  }
  return k == "integer" || k == "float" || k == "true" || k == "false" || k == "none" || k == "ellipsis" || k == "list" ||
         k == "tuple" || k == "set" || k == "dictionary" || k == "list_comprehension" || k == "set_comprehension" ||
         k == "dictionary_comprehension";
}

bool has_no_arguments(TSNode call) {
  const TSNode args = field(call, "arguments");
  return is_a(args, "argument_list") && ts_node_is_null(first_named_child(args));
}

// Ruff's `contains_effect`, with the one question that needs the semantic model (whether
// `list()` and the like call the builtins) collected in `initializers` when `resolver` is null.
Effect side_effect(TSNode root, const Context& ctx, const Resolver* resolver, std::vector<TSNode>* initializers) {
  std::vector<TSNode> stack{root};
  Effect result = Effect::Absent;
  while (!stack.empty()) {
    const TSNode n = stack.back();
    stack.pop_back();
    const std::string_view k = kind(n);
    if (k == "call") {
      const TSNode func = unparenthesized(field(n, "function"));
      if (!has_no_arguments(n) || !is_a(func, "identifier") || !is_iterable_initializer(ctx.text(func))) return Effect::Present;
      if (resolver) {
        if (!resolver->is_builtin_name(func)) return Effect::Present;
      } else {
        initializers->push_back(func);
        result = Effect::DependsOnBuiltins;
      }
    } else if (k == "binary_operator") {
      if (!is_safe_operand(field(n, "left"), ctx) || !is_safe_operand(field(n, "right"), ctx)) return Effect::Present;
    } else if (k == "named_expression" || k == "await" || k == "dictionary_comprehension" || k == "generator_expression" ||
               k == "list_comprehension" || k == "set_comprehension" || k == "subscript" || k == "yield") {
      return Effect::Present;
    } else if (k == "lambda") {
      // Only the body counts, not the defaults.
      const TSNode body = field(n, "body");
      if (!ts_node_is_null(body)) stack.push_back(body);
      continue;
    }
    for (TSNode c : children(n)) {
      if (is_named_child(c)) stack.push_back(c);
    }
  }
  return result;
}

// Whether nothing but blanks, comments and semicolons follows `end` in its notebook cell.
bool last_in_cell(const Context& ctx, uint32_t end) {
  const uint32_t cell_end = ctx.cell_of(end).second;
  const std::string_view s = ctx.source();
  for (uint32_t i = end; i < cell_end && i < s.size(); ++i) {
    const char c = s[i];
    if (c == '#') {
      while (i < cell_end && s[i] != '\n' && s[i] != '\r') ++i;
      continue;
    }
    if (c != ' ' && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != ';' && c != '\\') return false;
  }
  return true;
}

class UselessExpression final : public Rule {
 public:
  void enter(TSNode node, Context& ctx) override {
    // The statement's value: its expression, or a tuple without parentheses.
    const size_t count = named_child_count(node);
    if (count == 0 || (ctx.is_notebook() && ctx.is_escape_command(ts_node_start_byte(node)))) return;
    TSNode value = unparenthesized(first_named_child(node));
    uint32_t start = ts_node_start_byte(value), end = ts_node_end_byte(value);
    // `x,` is a tuple too; its range takes in the trailing comma, as Ruff's.
    TSNode last = value;
    for (TSNode c : children(node)) {
      if (!ts_node_is_extra(c)) last = c;
    }
    const bool is_tuple = count > 1 || kind(last) == ",";
    if (is_tuple) {
      start = ts_node_start_byte(node);
      end = ts_node_end_byte(last);
    } else {
      const std::string_view k = kind(value);
      if (k == "assignment" || k == "augmented_assignment" || k == "comparison_operator" || k == "ellipsis") return;
      if ((k == "string" || k == "concatenated_string") && !is_bytes_literal(value, ctx)) return;
    }
    if (ctx.is_notebook() && is_a(ts_node_parent(node), "module") && last_in_cell(ctx, ts_node_end_byte(node))) return;
    std::vector<TSNode> initializers;
    const Effect effect = side_effect(node, ctx, nullptr, &initializers);
    const bool attribute = !is_tuple && is_a(value, "attribute");
    if (effect == Effect::DependsOnBuiltins) {
      pending_.push_back({node, start, end, attribute});
    } else {
      decide(effect == Effect::Present, attribute, start, end, ctx);
    }
  }

  void finish(Context& ctx) override {
    const SemanticModel* m = ctx.semantic();
    if (!m) return;
    const Resolver resolver(*m, ctx);
    for (const Pending& p : pending_) {
      decide(side_effect(p.stmt, ctx, &resolver, nullptr) == Effect::Present, p.attribute, p.start, p.end, ctx);
    }
  }

 private:
  struct Pending {
    TSNode stmt;
    uint32_t start, end;
    bool attribute;
  };

  void decide(bool effect, bool attribute, uint32_t start, uint32_t end, Context& ctx) const {
    if (!effect) {
      report(ctx, start, end, "Found useless expression. Either assign it to a variable or remove it.");
    } else if (attribute) {
      report(ctx, start, end, "Found useless attribute access. Either assign it to a variable or remove it.");
    }
  }

  std::vector<Pending> pending_;
};

}  // namespace

extern const RuleSpec useless_expression{
    .code = "B018",
    .name = "useless-expression",
    .linter = "flake8-bugbear",
    .kinds = {"expression_statement"},
    .doc = kDoc,
    .create = make_rule<UselessExpression>(),
    .needs_semantic = true,
};

}  // namespace lint::rules
