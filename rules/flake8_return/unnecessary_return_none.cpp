#include <string>
#include <vector>

#include "engine/rule.h"
#include "pyupgrade/edits.h"
#include "pyupgrade/semantic.h"

namespace lint::rules {

namespace {

constexpr std::string_view kDoc = R"(## What it does
Checks for `return None` in functions where every `return` returns `None`.

## Why is this bad?
When a function never returns anything else, a bare `return` says the same with less: the
explicit `None` suggests a result that callers might use when there is none.

Generators are left alone, and so are properties (`property`, `functools.cached_property`,
`abc.abstractproperty`, `types.DynamicClassAttribute` and the decorators named in
`[pydocstyle] property-decorators`), and functions annotated to return anything but `None`.

## Example
```python
def log(message):
    if not message:
        return None
    print(message)
    return None
```

Use instead:
```python
def log(message):
    if not message:
        return
    print(message)
    return
```

## Fix safety
The fix is unsafe when the statement holds a comment: it would be lost.
)";

class UnnecessaryReturnNone final : public Rule {
 public:
  explicit UnnecessaryReturnNone(const RuleOptions& options)
      : property_decorators_(options.strings("property-decorators")) {}

  void enter(TSNode node, Context& ctx) override {
    (void)ctx;
    const std::string_view k = kind(node);
    if (k == "function_definition" || k == "class_definition") {
      const TSNode body = field(node, "body");
      frames_.push_back({node, ts_node_start_byte(body), ts_node_end_byte(body), k == "class_definition", false, {}});
      return;
    }
    // A return or yield belongs to the innermost function whose body holds it (a nested
    // function's decorators and defaults are its enclosing function's).
    const uint32_t at = ts_node_start_byte(node);
    for (auto it = frames_.rbegin(); it != frames_.rend(); ++it) {
      if (at < it->body_start || at >= it->body_end) continue;
      if (it->is_class) return;
      if (k == "yield") it->generator = true;
      else it->returns.push_back(node);
      return;
    }
  }

  void leave(TSNode node, Context& ctx) override {
    const std::string_view k = kind(node);
    if (k != "function_definition" && k != "class_definition") return;
    Frame f = std::move(frames_.back());
    frames_.pop_back();
    if (f.is_class || f.generator || f.returns.empty()) return;
    // A body that is one return statement is left alone.
    int statements = 0;
    TSNode only{};
    for (TSNode c : children(field(node, "body"))) {
      if (!ts_node_is_named(c) || ts_node_is_extra(c)) continue;
      ++statements;
      only = c;
    }
    if (statements == 1 && is(only, "return_statement")) return;
    for (TSNode r : f.returns) {
      const TSNode value = ts_node_named_child(r, 0);
      if (!ts_node_is_null(value) && !is(unparenthesized(value), "none")) return;
    }
    const TSNode returns = field(node, "return_type");
    if (!ts_node_is_null(returns) && !is(up::expr_of(returns), "none")) return;
    std::vector<TSNode> flagged;
    for (TSNode r : f.returns) {
      if (ts_node_named_child_count(r) > 0) flagged.push_back(r);
    }
    if (flagged.empty()) return;
    (void)ctx;
    candidates_.push_back({node, std::move(flagged)});
  }

  void finish(Context& ctx) override {
    const SemanticModel* m = ctx.semantic();
    if (!m) return;
    const up::Resolver resolve(*m, ctx);
    for (const Candidate& c : candidates_) {
      if (is_property(c.function, resolve)) continue;
      for (TSNode r : c.returns) {
        Diagnostic& d = report(ctx, r, "Do not explicitly `return None` in function if it is the only possible return value");
        d.fix_title = "Remove explicit `return None`";
        const uint32_t start = ts_node_start_byte(r), end = ts_node_end_byte(r);
        d.fix = Fix::with(up::has_comment(r, start, end) ? Applicability::Unsafe : Applicability::Safe,
                          {Edit::replace(start, end, "return")});
      }
    }
  }

 private:
  struct Frame {
    TSNode node;
    uint32_t body_start, body_end;
    bool is_class;
    bool generator = false;
    std::vector<TSNode> returns;
  };
  struct Candidate {
    TSNode function;
    std::vector<TSNode> returns;
  };

  // Ruff's is_property: a decorator (or the function a decorator calls) that makes a property.
  bool is_property(TSNode function, const up::Resolver& resolve) const {
    const TSNode parent = ts_node_parent(function);
    if (!is(parent, "decorated_definition")) return false;
    for (TSNode d : children(parent)) {
      if (!is(d, "decorator")) continue;
      TSNode e = up::expr_of(first_named_child(d));
      if (is(e, "call")) e = up::expr_of(field(e, "function"));
      std::string q = resolve.qualified(e);
      if (q.empty()) continue;
      if (q == "builtins.property" || q == "enum.property" || q == "functools.cached_property" ||
          q == "abc.abstractproperty" || q == "types.DynamicClassAttribute") {
        return true;
      }
      for (const std::string& extra : property_decorators_) {
        if (q == extra) return true;
      }
    }
    return false;
  }

  std::vector<std::string> property_decorators_;
  std::vector<Frame> frames_;
  std::vector<Candidate> candidates_;
};

}  // namespace

extern const RuleSpec unnecessary_return_none{
    .code = "RET501",
    .name = "unnecessary-return-none",
    .linter = "flake8-return",
    .kinds = {"function_definition", "class_definition", "return_statement", "yield"},
    .doc = kDoc,
    .create = make_rule<UnnecessaryReturnNone>(),
    .needs_semantic = true,
    .options = {{"property-decorators", RuleOption::Type::Strings, "[]",
                 "Qualified names of further decorators that make a property (whose `return None` is left alone).",
                 "pydocstyle"}},
    .fix = FixAvailability::Always,
};

}  // namespace lint::rules
