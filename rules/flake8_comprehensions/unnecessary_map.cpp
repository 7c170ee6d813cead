#include <string>
#include <vector>

#include "flake8_comprehensions/calls.h"

namespace lint::rules {

namespace {

constexpr std::string_view kDoc = R"(## What it does
Checks for `map()` called with a `lambda`, alone or passed to `list()`, `set()` or `dict()`.

## Why is this bad?
A generator expression or a comprehension says the same thing more directly, and saves a
function call per item.

Calls are left alone where the rewrite would not mean the same or would not compile: a lambda
with other than one plain parameter, or with a default; a lambda whose body holds a `yield`,
or a nested lambda that reads the parameter (it would see the loop variable late); an iterable
that is starred or holds an assignment expression.

## Example
```python
doubled = map(lambda x: 2 * x, numbers)
names = list(map(lambda user: user.name, users))
index = dict(map(lambda user: (user.id, user), users))
```

Use instead:
```python
doubled = (2 * x for x in numbers)
names = [user.name for user in users]
index = {user.id: user for user in users}
```

## Fix safety
The fix is unsafe: it can drop comments inside the call.
)";

using flake8_comprehensions::CallShape;

enum class Target { Generator, List, Set, Dict };

std::string_view describe(Target t) {
  switch (t) {
    case Target::Generator: return "generator expression";
    case Target::List: return "list comprehension";
    case Target::Set: return "set comprehension";
    case Target::Dict: return "dict comprehension";
  }
  return "";
}

// `map(lambda ..., iterables...)` without keywords: the lambda (unparenthesized) and the call's
// positional arguments; null when `call` is not such a call of the builtin `map`.
TSNode map_lambda(TSNode call, const SemanticModel& m, const Context& ctx, std::vector<TSNode>& iterables) {
  if (!is(call, "call")) return TSNode{};
  const TSNode function = field(call, "function");
  if (!flake8_comprehensions::is_builtin(function, "map", m, ctx)) return TSNode{};
  const TSNode arguments = field(call, "arguments");
  if (!is(arguments, "argument_list")) return TSNode{};
  TSNode lambda{};
  bool first = true;
  for (TSNode c : children(arguments)) {
    if (!ts_node_is_named(c) || ts_node_is_extra(c)) continue;
    if (is(c, "keyword_argument") || is(c, "dictionary_splat")) return TSNode{};
    if (first) {
      lambda = unparenthesized(c);
      first = false;
    } else {
      iterables.push_back(c);
    }
  }
  return is(lambda, "lambda") ? lambda : TSNode{};
}

// The names a lambda's parameters bind (all kinds of them).
std::vector<std::string_view> parameter_names(TSNode lambda, const Context& ctx) {
  std::vector<std::string_view> names;
  const TSNode params = field(lambda, "parameters");
  if (ts_node_is_null(params)) return names;
  for (TSNode p : children(params)) {
    const std::string_view k = kind(p);
    if (k == "identifier") names.push_back(ctx.text(p));
    else if (k == "default_parameter") names.push_back(ctx.text(field(p, "name")));
    else if (k == "list_splat_pattern" || k == "dictionary_splat_pattern") {
      for (TSNode n : children(p)) {
        if (is(n, "identifier")) names.push_back(ctx.text(n));
      }
    }
  }
  return names;
}

// Exactly one parameter, a plain positional one without a default.
bool has_one_plain_parameter(TSNode lambda) {
  const TSNode params = field(lambda, "parameters");
  if (ts_node_is_null(params)) return false;
  int count = 0;
  bool plain = false;
  for (TSNode p : children(params)) {
    if (!ts_node_is_named(p) || ts_node_is_extra(p)) continue;
    const std::string_view k = kind(p);
    if (k == "keyword_separator") continue;
    if (k == "positional_separator") {
      plain = false;  // the parameters before `/` are positional-only
      continue;
    }
    ++count;
    plain = k == "identifier";
  }
  return count == 1 && plain;
}

// Whether a lambda nested in the body reads `name` where no nested lambda rebinds it: as a
// comprehension's element it would see the loop variable's last value.
bool late_binding(TSNode body, std::string_view name, const Context& ctx) {
  bool late = false;
  std::vector<std::pair<uint32_t, bool>> lambdas;  // end byte of each nested lambda; whether it rebinds `name`
  for_each_node(body, [&](TSTreeCursor& cursor, bool entering) {
    if (late) return;
    const TSNode n = ts_tree_cursor_current_node(&cursor);
    if (!entering) {
      if (is(n, "lambda")) lambdas.pop_back();
      return;
    }
    if (is(n, "lambda")) {
      bool rebinds = false;
      for (const std::string_view p : parameter_names(n, ctx)) rebinds |= p == name;
      lambdas.emplace_back(ts_node_end_byte(n), rebinds);
      return;
    }
    if (lambdas.empty() || !is(n, "identifier") || ctx.text(n) != name) return;
    // Only reads: not a keyword's name, an attribute's name, or a parameter.
    const char* f = ts_tree_cursor_current_field_name(&cursor);
    if (f && (std::string_view(f) == "attribute" || std::string_view(f) == "name")) return;
    const TSNode parent = ts_node_parent(n);
    if (is(parent, "lambda_parameters") || is(parent, "list_splat_pattern") || is(parent, "dictionary_splat_pattern")) {
      return;
    }
    for (const auto& l : lambdas) {
      if (l.second) return;
    }
    late = true;
  });
  return late;
}

class UnnecessaryMap final : public flake8_comprehensions::CallRule {
 protected:
  bool wants(std::string_view callee) const override {
    return callee == "map" || callee == "list" || callee == "set" || callee == "dict";
  }
  bool screen(const CallShape& call, const Context& ctx) const override {
    if (call.has_keywords() || call.args.empty()) return false;
    if (call.callee == "map") return is(call.value(0), "lambda");
    return call.args.size() == 1 && is(call.value(0), "call") &&
           callee_name(call.value(0), ctx) == "map";
  }
  void check(const CallShape& call, const SemanticModel& m, Context& ctx) override {
    const std::string name = flake8_comprehensions::builtin_symbol(call.function, m, ctx);
    Target target;
    if (name == "map") target = Target::Generator;
    else if (name == "list") target = Target::List;
    else if (name == "set") target = Target::Set;
    else if (name == "dict") target = Target::Dict;
    else return;

    std::vector<TSNode> iterables;
    TSNode lambda{};
    if (target == Target::Generator) {
      if (parent_is_collection_call(call.call, m, ctx)) return;  // reported on the outer call
      lambda = map_lambda(call.call, m, ctx, iterables);
    } else {
      if (call.args.size() != 1) return;
      lambda = map_lambda(call.value(0), m, ctx, iterables);
      if (!ts_node_is_null(lambda) && target == Target::Dict) {
        const TSNode body = unparenthesized(field(lambda, "body"));
        if ((!is(body, "tuple") && !is(body, "list")) || named_children(body).size() != 2) return;
      }
    }
    if (ts_node_is_null(lambda)) return;
    const TSNode body = field(lambda, "body");
    if (flake8_comprehensions::contains_kind(body, "yield", ctx, "yield")) return;
    for (const TSNode iterable : iterables) {
      if (is(iterable, "list_splat") || flake8_comprehensions::contains_kind(iterable, "named_expression", ctx, ":=")) return;
    }
    if (!has_one_plain_parameter(lambda)) return;
    if (late_binding(body, parameter_names(lambda, ctx).front(), ctx)) return;
    Diagnostic& d = report(ctx, call.call, "Unnecessary `map()` usage (rewrite using a " + std::string(describe(target)) + ")");
    d.fix_title = "Replace `map()` with a " + std::string(describe(target));
    if (iterables.size() != 1) return;
    d.fix = fix(call.call, target, lambda, iterables[0], ctx);
  }

  // The map written as the comprehension: `(body for x in it)`, `[...]`, `{...}`, or
  // `{k: v for x in it}` from a pair; an iterable that is a conditional expression or a lambda
  // gets parentheses. A set or dict comprehension right inside an f-string's replacement field
  // gets a space on each side.
  static Fix fix(TSNode call, Target target, TSNode lambda, TSNode iterable, const Context& ctx) {
    const TSNode body = field(lambda, "body");
    std::string iter(ctx.original(iterable));
    if (is(iterable, "conditional_expression") || is(iterable, "lambda")) iter = "(" + iter + ")";
    const std::string clause =
        " for " + std::string(parameter_names(lambda, ctx).front()) + " in " + iter;
    std::string out;
    switch (target) {
      case Target::Generator: out = "(" + std::string(ctx.original(body)) + clause + ")"; break;
      case Target::List: out = "[" + std::string(ctx.original(body)) + clause + "]"; break;
      case Target::Set: out = "{" + std::string(ctx.original(body)) + clause + "}"; break;
      case Target::Dict: {
        const std::vector<TSNode> items = named_children(unparenthesized(body));
        out = "{" + std::string(ctx.original(items[0])) + ": " + std::string(ctx.original(items[1])) + clause + "}";
        break;
      }
    }
    if ((target == Target::Set || target == Target::Dict) && is(ts_node_parent(call), "interpolation")) {
      out = " " + out + " ";
    }
    return Fix::unsafe(Edit::replace(ts_node_start_byte(call), ts_node_end_byte(call), std::move(out)));
  }

 private:
  // Whether the call is the argument of a call to the builtin `list`, `set` or `dict` (which
  // this rule reports instead).
  static bool parent_is_collection_call(TSNode call, const SemanticModel& m, const Context& ctx) {
    TSNode parent = ts_node_parent(call);
    while (is(parent, "parenthesized_expression") || is(parent, "argument_list") || is(parent, "keyword_argument")) {
      parent = ts_node_parent(parent);
    }
    if (!is(parent, "call")) return false;
    const std::string name = flake8_comprehensions::builtin_symbol(field(parent, "function"), m, ctx);
    return name == "list" || name == "set" || name == "dict";
  }
};

}  // namespace

extern const RuleSpec unnecessary_map{
    .code = "C417",
    .name = "unnecessary-map",
    .linter = "flake8-comprehensions",
    .kinds = {"call"},
    .doc = kDoc,
    .create = make_rule<UnnecessaryMap>(),
    .needs_semantic = true,
    .fix = FixAvailability::Sometimes,
};

}  // namespace lint::rules
