#include <string>
#include <vector>

#include "engine/rule.h"
#include "pyupgrade/edits.h"
#include "pyupgrade/semantic.h"

namespace lint::rules {

namespace {

constexpr std::string_view kDoc = R"(## What it does
Checks for `super()` calls in methods that pass the enclosing class and the method's first
argument explicitly.

## Why is this bad?
Since Python 3, `super()` without arguments finds both by itself; spelling them out repeats the
class name, which then has to change with it.

Calls in a class decorated with `@dataclass(slots=True)` are left alone: there, `super()`
without arguments fails.

## Example
```python
class Circle(Shape):
    def area(self):
        return super(Circle, self).area()
```

Use instead:
```python
class Circle(Shape):
    def area(self):
        return super().area()
```

## Fix safety
The fix is unsafe when the arguments hold a comment.
)";

// The first parameter that is not positional-only (Ruff's `parameters.args.first()`): the first
// one, or the first after a `/`.
TSNode first_regular_parameter(TSNode params) {
  bool slash = false;
  for (TSNode c : children(params)) slash |= is(c, "positional_separator");
  bool eligible = !slash;
  for (TSNode c : children(params)) {
    if (!is_named_child(c)) continue;
    const std::string_view k = kind(c);
    if (k == "positional_separator") {
      eligible = true;
      continue;
    }
    if (k == "keyword_separator" || k == "list_splat_pattern" || k == "dictionary_splat_pattern") return TSNode{};
    if (eligible) return c;
  }
  return TSNode{};
}

std::string_view parameter_name(TSNode p, const Context& ctx) {
  if (is(p, "identifier")) return ctx.text(p);
  const TSNode name = field(p, "name");
  if (!ts_node_is_null(name)) return ctx.text(name);
  const TSNode first = first_named_child(p);
  return is(first, "identifier") ? ctx.text(first) : std::string_view();
}

// How a child is read, given its parent's: names bound or deleted are not reads, and identifiers
// that are not expressions at all (a def's name, parameters, imports, keyword names) are neither.
enum class Role { kLoad, kStore, kNotName };

Role child_role(TSNode parent, Role parent_role, const char* field_name, TSNode child) {
  const std::string_view pk = kind(parent);
  const std::string_view f = field_name ? field_name : "";
  if (pk == "assignment" || pk == "augmented_assignment" || pk == "for_statement" || pk == "for_in_clause") {
    return f == "left" ? Role::kStore : Role::kLoad;
  }
  if (pk == "named_expression") return f == "name" ? Role::kStore : Role::kLoad;
  if (pk == "as_pattern") {
    if (f == "alias") return Role::kStore;
    // `case P() as name`: the name after `as` has no field.
    return is(child, "identifier") && is(ts_node_parent(parent), "case_pattern") ? Role::kStore : Role::kLoad;
  }
  if (pk == "delete_statement") return Role::kStore;
  if (pk == "pattern_list" || pk == "tuple_pattern" || pk == "list_pattern" || pk == "tuple" || pk == "list" ||
      pk == "parenthesized_expression" || pk == "list_splat_pattern" || pk == "list_splat" ||
      pk == "as_pattern_target" || pk == "expression_list" || pk == "splat_pattern" ||
      pk == "dictionary_splat_pattern") {
    return parent_role;
  }
  if (pk == "function_definition" || pk == "class_definition") return f == "name" ? Role::kNotName : Role::kLoad;
  if (pk == "parameters" || pk == "lambda_parameters") return Role::kNotName;
  if (pk == "typed_parameter" || pk == "typed_default_parameter" || pk == "default_parameter") {
    return f == "type" || f == "value" ? Role::kLoad : Role::kNotName;
  }
  if (pk == "import_statement" || pk == "import_from_statement" || pk == "future_import_statement" ||
      pk == "global_statement" || pk == "nonlocal_statement" || pk == "keyword_pattern" || pk == "type_parameter") {
    return Role::kNotName;
  }
  if (pk == "keyword_argument") return f == "name" ? Role::kNotName : Role::kLoad;
  if (pk == "attribute") return f == "attribute" ? Role::kNotName : Role::kLoad;
  // A case pattern's lone name captures; a dotted one (`case m.X`) reads its head.
  if (pk == "dotted_name") {
    return is(ts_node_parent(parent), "case_pattern") && named_child_count(parent) == 1 ? Role::kStore : Role::kLoad;
  }
  return Role::kLoad;
}

// Whether a function (its decorators, signature and body, not nested classes) or a lambda's body
// reads `super` or `__class__`: those give it the `__class__` cell that `super()` needs. Binding
// or deleting the name (`super: "str"`, `super = 1`) is not a read.
bool reads_class_cell(TSNode function, const Context& ctx) {
  if (is(function, "lambda")) function = field(function, "body");
  std::vector<std::pair<TSNode, Role>> stack{{function, Role::kLoad}};
  while (!stack.empty()) {
    const auto [n, role] = stack.back();
    stack.pop_back();
    if (is(n, "identifier")) {
      const std::string_view t = ctx.text(n);
      if (role == Role::kLoad && (t == "super" || t == "__class__")) return true;
      continue;
    }
    for (auto it = children(n).begin(); it != children(n).end(); ++it) {
      const TSNode c = *it;
      if (is(c, "class_definition")) continue;
      if (is(c, "decorated_definition") && is(field(c, "definition"), "class_definition")) continue;
      if (ts_node_child_count(c) > 0 || is(c, "identifier")) stack.emplace_back(c, child_role(n, role, it.field_name(), c));
    }
  }
  return false;
}

class SuperCallWithParameters final : public Rule {
 public:
  void enter(TSNode node, Context& ctx) override {
    const TSNode function = callee(node, ctx);
    const TSNode name = is(function, "attribute") ? field(function, "attribute") : function;
    if (!is(name, "identifier") || ctx.text(name) != "super") return;
    candidates_.push_back(node);
  }

  void finish(Context& ctx) override {
    const SemanticModel* m = ctx.semantic();
    if (!m) return;
    const up::Resolver resolve(*m, ctx);
    for (TSNode call : candidates_) check(call, resolve, ctx);
  }

 private:
  void check(TSNode call, const up::Resolver& resolve, Context& ctx) {
    const TSNode function = field(call, "function");
    if (!resolve.match_builtin(function, "super")) return;
    const Arguments args = up::call_arguments(call);
    if (args.empty() || !is(args.list, "argument_list")) return;
    const std::vector<TSNode> scopes = up::enclosing_scopes(call);
    if (scopes.empty()) return;
    const TSNode callable = scopes.front();
    const std::string_view ck = kind(callable);
    if (ck != "function_definition" && ck != "lambda") return;
    if (args.args.size() != 2) return;
    const TSNode params = field(callable, "parameters");
    if (ts_node_is_null(params)) return;
    const TSNode first_param = first_regular_parameter(params);
    if (ts_node_is_null(first_param)) return;
    const std::string_view parent_arg = parameter_name(first_param, ctx);
    const int32_t scope_id = resolve.scope_of_node(callable);
    const Scope* scope = scope_id >= 0 ? &resolve.model().scopes[scope_id] : nullptr;
    const bool explicit_builtins = !is(unparenthesized(function), "identifier");
    if (explicit_builtins) {
      const bool cell = !(scope && scope->names.count("__class__")) && reads_class_cell(callable, ctx);
      if (!cell) return;
    }
    std::vector<TSNode> classes;
    for (TSNode s : scopes) {
      if (is(s, "class_definition")) classes.push_back(s);
    }
    if (classes.empty()) return;
    const TSNode first_arg = unparenthesized(args.args[0]);
    const TSNode second_arg = unparenthesized(args.args[1]);
    if (!is(second_arg, "identifier") || ctx.text(second_arg) != parent_arg) return;
    const std::string_view class_name = ctx.text(field(classes[0], "name"));
    if (is(first_arg, "identifier")) {
      const std::string_view id = ctx.text(first_arg);
      if (scope && scope->names.count(id)) return;
      if (id != "__class__") {
        if (id != class_name || classes.size() > 1) return;
      }
    } else if (is(first_arg, "attribute")) {
      const std::string chain = up::dotted_name(first_arg, ctx);
      if (chain.empty()) return;
      std::vector<std::string_view> names;
      for (size_t start = 0;;) {
        const size_t dot = chain.find('.', start);
        names.emplace_back(std::string_view(chain).substr(start, dot == std::string::npos ? std::string::npos : dot - start));
        if (dot == std::string::npos) break;
        start = dot + 1;
      }
      if (names.size() > classes.size()) return;
      for (size_t i = 0; i < names.size(); ++i) {
        if (names[names.size() - 1 - i] != ctx.text(field(classes[i], "name"))) return;
      }
      if (classes.size() > names.size()) return;
    } else {
      return;
    }
    if (is_slots_dataclass(classes[0], resolve, ctx)) return;
    Diagnostic& d = report(ctx, args.list, "Use `super()` instead of `super(__class__, self)`");
    d.fix_title = "Remove `super()` parameters";
    if (!args.keywords.empty()) return;
    const uint32_t start = start_of(args.list) + 1, end = end_of(args.list) - 1;
    const bool comment = up::has_comment(args.list, start_of(args.list), end_of(args.list));
    d.fix = Fix::with(comment ? Applicability::Unsafe : Applicability::Safe, {Edit::deletion(start, end)});
  }

  // `@dataclasses.dataclass(slots=True)` on the class.
  static bool is_slots_dataclass(TSNode cls, const up::Resolver& resolve, const Context& ctx) {
    const TSNode decorated = ts_node_parent(cls);
    if (!is(decorated, "decorated_definition")) return false;
    for (TSNode c : children(decorated)) {
      if (!is(c, "decorator")) continue;
      const TSNode call = unparenthesized(first_named_child(c));
      if (!is(call, "call")) continue;
      if (resolve.qualified(field(call, "function")) != "dataclasses.dataclass") continue;
      const TSNode slots = find_keyword(field(call, "arguments"), ctx, "slots");
      if (!ts_node_is_null(slots) && is(unparenthesized(field(slots, "value")), "true")) return true;
    }
    return false;
  }

  std::vector<TSNode> candidates_;
};

}  // namespace

extern const RuleSpec super_call_with_parameters{
    .code = "UP008",
    .name = "super-call-with-parameters",
    .linter = "pyupgrade",
    .kinds = {"call"},
    .doc = kDoc,
    .create = make_rule<SuperCallWithParameters>(),
    .needs_semantic = true,
    .fix = FixAvailability::Sometimes,
};

}  // namespace lint::rules
