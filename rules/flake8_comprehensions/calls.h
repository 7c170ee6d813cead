// What the flake8-comprehensions rules (and a few flake8-pie ones) share: one look at a call's
// callee and arguments, as Ruff's AST presents them, made once per call for all of them
// (SharedNodeKey); and the questions they ask the semantic model about the callee.
//
// A rule keeps the calls whose callee it may care about during the walk (by the callee's last
// name: `list`, `builtins.list`), and judges them in finish(), where the semantic model says
// whether that name is still Python's builtin.
#pragma once

#include <tree_sitter/api.h>

#include <string>
#include <string_view>
#include <vector>

#include "engine/rule.h"
#include "syntax/arguments.h"
#include "syntax/node.h"

namespace lint::rules::flake8_comprehensions {

// A call, as Ruff's `ExprCall` has it: its function and arguments (syntax/arguments.h; `list`
// is the `argument_list`, or the `generator_expression` of `f(x for x in y)`), and the callee's
// last name.
struct CallShape : CallArguments {
  // The callee's last name: `list` for `list(...)`, `builtins.list(...)` and `(list)(...)`.
  std::string_view callee;
  bool callee_is_name = false;  // the callee is a bare name (Ruff's `func.as_name_expr()`)

  // The i-th positional argument without its parentheses (the expression Ruff sees).
  TSNode value(size_t i) const { return unparenthesized(args[i]); }
  bool has_keywords() const { return !keywords.empty(); }

  void load(TSNode node, const Context& ctx) {
    load_call_arguments(node, ctx, *this);
    callee = callee_name(node, ctx);
    callee_is_name = is(function, "identifier");
  }

  // The instance the rules of this thread share: loaded once per call node.
  static const CallShape& of(TSNode node, const Context& ctx) {
    thread_local CallShape shape;
    thread_local SharedNodeKey key;
    if (key.changed(ctx, node)) shape.load(node, ctx);
    return shape;
  }
};

// The clauses of a comprehension (`generator_expression`, `list_comprehension`,
// `set_comprehension`, `dictionary_comprehension`).
struct Comprehension {
  TSNode body{};          // the element (`pair` for a dictionary comprehension)
  int fors = 0, ifs = 0;  // `for` and `if` clauses
  bool any_async = false;
  TSNode target{}, iter{};  // of the first `for`

  explicit Comprehension(TSNode n) {
    body = field(n, "body");
    for (TSNode c : children(n)) {
      const std::string_view k = kind(c);
      if (k == "for_in_clause") {
        if (fors++ == 0) {
          target = field(c, "left");
          iter = field(c, "right");
        }
        for (TSNode t : children(c)) {
          if (is(t, "async")) any_async = true;
        }
      } else if (k == "if_clause") {
        ++ifs;
      }
    }
  }
};

// Whether a node of kind `k` is in the subtree of `root` (`root` included). `token` is text
// such a node always holds (`await`, `#`): a subtree whose text lacks it is not walked, so nested
// constructs that each ask about their own subtree (30,000 nested `f(**{...})`, found by
// fuzzing) cost a search of the text rather than a walk of the tree each.
inline bool contains_kind(TSNode root, std::string_view k, const Context& ctx, std::string_view token) {
  if (ctx.text(root).find(token) == std::string_view::npos) return false;
  bool found = false;
  for_each_node(root, [&](TSTreeCursor& cursor, bool entering) {
    if (entering && !found && kind(ts_tree_cursor_current_node(&cursor)) == k) found = true;
  });
  return found;
}

// Ruff's `has_builtin_binding(name)` asked about a name expression: the name, where it is read,
// is Python's builtin (no assignment, import or definition shadows it there).
inline bool is_builtin_name(TSNode expr, std::string_view name, const SemanticModel& m, const Context& ctx) {
  expr = unparenthesized(expr);
  if (!is(expr, "identifier") || ctx.text(expr) != name) return false;
  const Reference* r = m.reference_at(ts_node_start_byte(expr));
  return r && r->builtin;
}

// Ruff's `resolve_builtin_symbol`: the builtin an expression names (`list`, `builtins.list`, an
// alias imported from `builtins`), or "" when it names none.
inline std::string builtin_symbol(TSNode expr, const SemanticModel& m, const Context& ctx) {
  const std::string q = m.qualified_name(expr, ctx.source());
  if (!q.starts_with("builtins.")) return {};
  std::string name = q.substr(9);
  if (name.find('.') != std::string::npos) return {};
  return name;
}

// Whether `expr` names the builtin `name` (Ruff's `match_builtin_expr`).
inline bool is_builtin(TSNode expr, std::string_view name, const SemanticModel& m, const Context& ctx) {
  return builtin_symbol(expr, m, ctx) == name;
}

// The base of the rules that judge calls. During the walk a call is screened by its callee's
// last name, then by its shape (shared by the family's rules, which all see the same call one
// after the other); the few that pass are judged with the semantic model in finish().
class CallRule : public Rule {
 public:
  void enter(TSNode node, Context& ctx) override {
    const std::string_view name = callee_name(node, ctx);
    if (name.empty() || !wants(name)) return;
    if (screen(CallShape::of(node, ctx), ctx)) candidates_.push_back(node);
  }
  void finish(Context& ctx) override {
    const SemanticModel* m = ctx.semantic();
    if (!m) return;
    for (const TSNode node : candidates_) check(CallShape::of(node, ctx), *m, ctx);
  }

 protected:
  // Whether calls to something of this name may concern the rule.
  virtual bool wants(std::string_view callee) const = 0;
  // Whether the call's shape may concern the rule (no semantic model yet).
  virtual bool screen(const CallShape& call, const Context& ctx) const = 0;
  virtual void check(const CallShape& call, const SemanticModel& m, Context& ctx) = 0;

 private:
  std::vector<TSNode> candidates_;
};

}  // namespace lint::rules::flake8_comprehensions
