#include <string>
#include <vector>

#include "engine/rule.h"
#include "pyupgrade/edits.h"
#include "pyupgrade/semantic.h"

namespace lint::rules {

namespace {

constexpr std::string_view kDoc = R"(## What it does
Checks for `for` loops whose only statement yields the loop variable.

## Why is this bad?
`yield from` says the same in one statement, and also passes `send()` and `throw()` through to
the inner iterator. Loops in async functions are left alone: `yield from` is not allowed there.

## Example
```python
def numbers():
    for n in range(10):
        yield n
```

Use instead:
```python
def numbers():
    yield from range(10)
```

## Fix safety
The fix is unsafe: `yield from` returns the inner generator's return value and forwards
`send()` and `throw()`, which a `for` loop does not.
)";

bool is_tuple_like(TSNode n) {
  const std::string_view k = kind(n);
  return k == "tuple" || k == "pattern_list" || k == "tuple_pattern" || k == "expression_list";
}

// Ruff's is_same_expr: equal names, or tuples of the same names.
bool same_target(TSNode target, TSNode value, const Context& ctx) {
  target = unparenthesized(target);
  value = unparenthesized(value);
  if (is(target, "identifier") && is(value, "identifier")) return ctx.text(target) == ctx.text(value);
  if (is_tuple_like(target) && is_tuple_like(value)) {
    const std::vector<TSNode> a = named_children(target), b = named_children(value);
    if (a.size() != b.size()) return false;
    for (size_t i = 0; i < a.size(); ++i) {
      if (!same_target(a[i], b[i], ctx)) return false;
    }
    return true;
  }
  return false;
}

void collect_names(TSNode value, std::vector<TSNode>& out) {
  value = unparenthesized(value);
  if (is(value, "identifier")) {
    out.push_back(value);
  } else if (is_tuple_like(value)) {
    for (TSNode c : named_children(value)) collect_names(c, out);
  }
}

// The single `yield <value>` statement of a loop body, or null.
TSNode lone_yield_value(TSNode body) {
  const std::vector<TSNode> statements = named_children(body);
  if (statements.size() != 1 || !is(statements[0], "expression_statement")) return TSNode{};
  const std::vector<TSNode> exprs = named_children(statements[0]);
  if (exprs.size() != 1 || !is(exprs[0], "yield")) return TSNode{};
  const TSNode yield = exprs[0];
  for (TSNode c : children(yield)) {
    if (is(c, "from")) return TSNode{};
  }
  return first_named_child(yield);
}

class YieldInForLoop final : public Rule {
 public:
  void enter(TSNode node, Context& ctx) override {
    if (!ts_node_is_null(field(node, "alternative"))) return;
    const TSNode value = lone_yield_value(field(node, "body"));
    if (ts_node_is_null(value) || !same_target(field(node, "left"), value, ctx)) return;
    candidates_.push_back(node);
  }

  void finish(Context& ctx) override {
    const SemanticModel* m = ctx.semantic();
    if (!m) return;
    const up::Resolver resolve(*m, ctx);
    for (TSNode loop : candidates_) {
      if (in_async_function(loop)) continue;
      const TSNode value = lone_yield_value(field(loop, "body"));
      std::vector<TSNode> names;
      collect_names(value, names);
      const std::vector<TSNode> scopes = up::enclosing_scopes(loop);
      const int32_t scope_id = resolve.scope_of_node(scopes.empty() ? TSNode{} : scopes.front());
      if (scope_id < 0) continue;
      const Scope& scope = m->scopes[scope_id];
      bool used_elsewhere = false;
      bool global = false;
      for (TSNode name : names) {
        const auto it = scope.names.find(ctx.text(name));
        if (it == scope.names.end()) continue;
        // The latest binding that is not a deletion, with the references it took over.
        int32_t id = static_cast<int32_t>(it->second);
        while (id >= 0 && m->bindings[id].kind == BindingKind::Deletion && m->bindings[id].shadows_same_scope) {
          id = m->bindings[id].shadows;
        }
        if (id < 0 || m->bindings[id].kind == BindingKind::Deletion) continue;
        used_elsewhere |= referenced_elsewhere(*m, static_cast<uint32_t>(id), start_of(name));
        for (uint32_t b : scope.bindings) {
          if (m->bindings[b].name == ctx.text(name)) global |= (m->bindings[b].flags & (kGlobalName | kNonlocalName)) != 0;
        }
      }
      if (used_elsewhere) continue;
      Diagnostic& d = report(ctx, loop, "Replace `yield` over `for` loop with `yield from`");
      d.fix_title = "Replace with `yield from`";
      if (global) continue;
      const TSNode iter = field(loop, "right");
      std::string content = "yield from ";
      if (is(iter, "expression_list")) {
        content += "(" + std::string(ctx.original(iter)) + ")";
      } else {
        content += ctx.original(iter);
      }
      d.fix = Fix::unsafe(Edit::replace(start_of(loop), end_of(loop), std::move(content)));
    }
  }

 private:
  // Whether a binding (with the references it inherited from the bindings it replaced in its
  // scope) is read anywhere but at `except`.
  static bool referenced_elsewhere(const SemanticModel& m, uint32_t binding, uint32_t except) {
    std::vector<uint32_t> chain{binding};
    for (int32_t id = static_cast<int32_t>(binding);;) {
      const Binding& b = m.bindings[id];
      if (!b.shadows_same_scope || b.shadows < 0) break;
      const Binding& old = m.bindings[b.shadows];
      if (old.kind == BindingKind::Deletion || old.kind == BindingKind::Builtin || b.kind == BindingKind::Annotation) break;
      id = b.shadows;
      chain.push_back(static_cast<uint32_t>(id));
    }
    for (const Reference& r : m.references) {
      if (r.binding < 0 || r.start == except) continue;
      for (uint32_t id : chain) {
        if (static_cast<uint32_t>(r.binding) == id) return true;
      }
    }
    return false;
  }

  static bool in_async_function(TSNode loop) {
    for (TSNode s : up::enclosing_scopes(loop)) {
      const std::string_view k = kind(s);
      if (k == "class_definition" || k == "lambda") return false;
      if (k == "function_definition") {
        for (TSNode c : children(s)) {
          if (is(c, "async")) return true;
          if (is(c, "def")) return false;
        }
        return false;
      }
    }
    return false;
  }

  std::vector<TSNode> candidates_;
};

}  // namespace

extern const RuleSpec yield_in_for_loop{
    .code = "UP028",
    .name = "yield-in-for-loop",
    .linter = "pyupgrade",
    .kinds = {"for_statement"},
    .doc = kDoc,
    .create = make_rule<YieldInForLoop>(),
    .needs_semantic = true,
    .fix = FixAvailability::Sometimes,
};

}  // namespace lint::rules
