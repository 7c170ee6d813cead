#include <algorithm>
#include <unordered_set>

#include "flake8_bugbear/helpers.h"

namespace lint::rules {

namespace {

using namespace bugbear;

constexpr std::string_view kDoc = R"(## What it does
Checks for functions and lambdas defined in a loop (or comprehension) that read a variable the
loop assigns.

## Why is this bad?
A function reads its free variables when it runs, not when it is defined. Functions created in
a loop and run after it all see the variable's last value, not the value of their own
iteration.

Lambdas that run at once are not reported: called in place, passed as `key=`, or to `map`,
`filter` or `reduce`, or returned from the loop.

## Example
```python
handlers = []
for name in names:
    handlers.append(lambda: greet(name))
```

Use instead:
```python
handlers = []
for name in names:
    handlers.append(lambda name=name: greet(name))
```
)";

bool is_loop(std::string_view k) {
  return k == "for_statement" || k == "while_statement" || k == "list_comprehension" || k == "set_comprehension" ||
         k == "dictionary_comprehension" || k == "generator_expression";
}

// The names of a function's or lambda's parameters, `*args` and `**kwargs` included.
std::vector<std::string_view> parameter_names(TSNode parameters, const Context& ctx) {
  std::vector<std::string_view> names;
  if (ts_node_is_null(parameters)) return names;
  for_each_named_child(parameters, [&](TSNode p) {
    const std::string_view k = kind(p);
    TSNode name{};
    if (k == "identifier") name = p;
    else if (k == "default_parameter" || k == "typed_default_parameter") name = field(p, "name");
    else if (k == "typed_parameter" || k == "list_splat_pattern" || k == "dictionary_splat_pattern") name = first_named_child(p);
    if (is_a(name, "list_splat_pattern") || is_a(name, "dictionary_splat_pattern")) name = first_named_child(name);
    if (is_a(name, "identifier")) names.push_back(ctx.text(name));
  });
  return names;
}

bool contains(const std::vector<std::string_view>& names, std::string_view name) {
  return std::find(names.begin(), names.end(), name) != names.end();
}

class FunctionUsesLoopVariable final : public Rule {
 public:
  void enter(TSNode node, Context&) override {
    const std::string_view k = kind(node);
    if (is_loop(k)) {
      open_.push_back({node, false});
    } else if (!open_.empty()) {
      open_.back().has_function = true;  // a `def` or a lambda inside the innermost loop
    }
  }

  void leave(TSNode node, Context& ctx) override {
    if (!is_loop(kind(node)) || open_.empty()) return;
    const Open loop = open_.back();
    open_.pop_back();
    if (!loop.has_function) return;
    if (!open_.empty()) open_.back().has_function = true;
    check(loop.node, ctx);
  }

 private:
  struct Open {
    TSNode node;
    bool has_function;
  };

  // The names read in a function or lambda body that are neither bound in it nor parameters.
  void collect_free(TSNode body, TSNode parameters, std::vector<TSNode>& out, const Context& ctx) const {
    std::vector<TSNode> loaded;
    std::vector<std::string_view> stored;
    for_each_name(body, [&](TSNode name, NameCtx c) {
      if (c == NameCtx::Load) loaded.push_back(name);
      else if (c == NameCtx::Store) stored.push_back(ctx.text(name));
    });
    const std::vector<std::string_view> params = parameter_names(parameters, ctx);
    for (const TSNode name : loaded) {
      const std::string_view text = ctx.text(name);
      if (!contains(stored, text) && !contains(params, text)) out.push_back(name);
    }
  }

  // Ruff's suspicious variables: free names of the functions and lambdas in the loop, except
  // lambdas that are called at once.
  std::vector<TSNode> suspicious(TSNode loop, const Context& ctx) const {
    std::vector<TSNode> out;
    std::vector<const void*> safe;
    auto mark_safe = [&](TSNode n) {
      n = unparenthesized(n);
      if (is_a(n, "lambda")) safe.push_back(n.id);
    };
    std::vector<TSNode> stack{loop};
    while (!stack.empty()) {
      const TSNode n = stack.back();
      stack.pop_back();
      const std::string_view k = kind(n);
      if (k == "function_definition") {
        collect_free(field(n, "body"), field(n, "parameters"), out, ctx);
        continue;
      }
      if (k == "decorated_definition" && is_a(field(n, "definition"), "function_definition")) {
        stack.push_back(field(n, "definition"));
        continue;
      }
      if (k == "lambda" && std::find(safe.begin(), safe.end(), n.id) == safe.end()) {
        collect_free(field(n, "body"), field(n, "parameters"), out, ctx);
        continue;
      }
      if (k == "return_statement") {
        mark_safe(first_named_child(n));
      } else if (k == "call") {
        const CallArguments& call = call_arguments(n, ctx);
        mark_safe(call.function);
        bool consumes = false;
        if (is_a(call.function, "identifier")) {
          const std::string_view f = ctx.text(call.function);
          consumes = f == "filter" || f == "reduce" || f == "map";
        } else if (is_a(call.function, "attribute") && ctx.text(field(call.function, "attribute")) == "reduce") {
          const TSNode object = unparenthesized(field(call.function, "object"));
          consumes = is_a(object, "identifier") && ctx.text(object) == "functools";
        }
        if (consumes) {
          for (const TSNode arg : call.args) mark_safe(arg);
        }
        for (const TSNode kw : call.keywords) {
          const TSNode name = keyword_name(kw);
          if (!ts_node_is_null(name) && ctx.text(name) == "key") mark_safe(keyword_value(kw));
        }
      }
      const size_t base = stack.size();
      for (TSNode c : children(n)) {
        if (is_named_child(c)) stack.push_back(c);
      }
      std::reverse(stack.begin() + static_cast<std::ptrdiff_t>(base), stack.end());
    }
    return out;
  }

  // Names a target binds: names, and those inside tuples, lists and `*` unpacking.
  static void target_names(TSNode target, std::vector<std::string_view>& out, const Context& ctx) {
    std::vector<TSNode> stack{target};
    while (!stack.empty()) {
      const TSNode n = stack.back();
      stack.pop_back();
      const std::string_view k = kind_of(n);
      if (k == "identifier") {
        out.push_back(ctx.text(n));
      } else if (k == "pattern_list" || k == "tuple_pattern" || k == "list_pattern" || k == "tuple" || k == "list" ||
                 k == "list_splat_pattern" || k == "list_splat" || k == "parenthesized_expression" ||
                 k == "expression_list") {
        for_each_named_child(n, [&](TSNode c) { stack.push_back(c); });
      }
    }
  }

  // Ruff's names assigned in the loop: targets of assignments (plain, augmented, annotated),
  // of `for` loops and of comprehensions, outside nested functions and lambdas.
  static std::vector<std::string_view> assigned(TSNode loop, const Context& ctx) {
    std::vector<std::string_view> out;
    std::vector<TSNode> stack{loop};
    while (!stack.empty()) {
      const TSNode n = stack.back();
      stack.pop_back();
      const std::string_view k = kind(n);
      if (k == "function_definition" || k == "lambda") continue;
      if (k == "decorated_definition" && is_a(field(n, "definition"), "function_definition")) continue;
      if (k == "assignment" || k == "augmented_assignment" || k == "for_statement" || k == "for_in_clause") {
        target_names(field(n, "left"), out, ctx);
      }
      for (TSNode c : children(n)) {
        if (is_named_child(c)) stack.push_back(c);
      }
    }
    return out;
  }

  void check(TSNode loop, Context& ctx) {
    const std::vector<TSNode> names = suspicious(loop, ctx);
    if (names.empty()) return;
    const std::vector<std::string_view> reassigned = assigned(loop, ctx);
    for (const TSNode name : names) {
      const std::string_view text = ctx.text(name);
      if (!contains(reassigned, text)) continue;
      if (!reported_.insert(ts_node_start_byte(name)).second) continue;
      report(ctx, name, "Function definition does not bind loop variable `" + std::string(text) + "`");
    }
  }

  std::vector<Open> open_;
  std::unordered_set<uint32_t> reported_;
};

}  // namespace

extern const RuleSpec function_uses_loop_variable{
    .code = "B023",
    .name = "function-uses-loop-variable",
    .linter = "flake8-bugbear",
    .kinds = {"for_statement", "while_statement", "list_comprehension", "set_comprehension", "dictionary_comprehension",
              "generator_expression", "function_definition", "lambda"},
    .doc = kDoc,
    .create = make_rule<FunctionUsesLoopVariable>(),
};

}  // namespace lint::rules
