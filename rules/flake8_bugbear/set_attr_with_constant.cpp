#include "flake8_bugbear/fixes.h"
#include "fix/generator.h"
#include "flake8_bugbear/helpers.h"

namespace lint::rules {

namespace {

using namespace bugbear;

constexpr std::string_view kDoc = R"(## What it does
Checks for statements `setattr(obj, "name", value)` with a constant name.

## Why is this bad?
`setattr` with a name known in advance does what `obj.name = value` does, less readably, and
hides the attribute from readers and tools.

Only calls that make up a whole statement are reported (an assignment cannot take their place
elsewhere), and not for names that are not identifiers, `__debug__`, or private names that
Python would mangle in a class (`__name`).

## Example
```python
setattr(user, "name", "Ada")
```

Use instead:
```python
user.name = "Ada"
```

## Fix safety
The fix is unsafe when the call holds or touches a comment, which it would drop or move, or when
the name might change under Python's normalization of identifiers (NFKC): the attribute written
out might then not be the one the string names.
)";

// Whether a call is the whole of an expression statement (parentheses around it allowed).
bool is_statement_call(TSNode call) {
  TSNode n = call;
  TSNode parent = ts_node_parent(n);
  while (is_a(parent, "parenthesized_expression")) {
    n = parent;
    parent = ts_node_parent(n);
  }
  return is_a(parent, "expression_statement") && named_child_count(parent) == 1;
}

class SetattrWithConstant final : public Rule {
 public:
  void enter(TSNode node, Context& ctx) override {
    if (callee_name(node, ctx) != "setattr") return;
    const CallArguments& call = call_arguments(node, ctx);
    // Keywords (`**options`) leave the call alone, as in Ruff 0.17.3.
    if (call.args.size() != 3 || !call.keywords.empty() || is_a(call.args[0], "list_splat")) return;
    std::string name;
    if (!str_literal_value(call.args[1], ctx, name) || !is_python_identifier(name) || name == "__debug__" ||
        is_mangled_private(name)) {
      return;
    }
    if (!is_statement_call(node)) return;
    candidates_.push_back({node, std::move(name)});
  }

  void finish(Context& ctx) override {
    const SemanticModel* m = ctx.semantic();
    if (!m) return;
    const Resolver resolver(*m, ctx);
    for (const auto& [node, name] : candidates_) {
      const CallArguments& call = call_arguments(node, ctx);
      if (!resolver.is_builtin(call.function, "setattr")) continue;
      Diagnostic& d = report(ctx, node,
                             "Do not call `setattr` with a constant attribute value. It is not any safer than normal property "
                             "access.");
      d.fix_title = "Replace `setattr` with assignment";
      codegen::Generator generator(ctx);
      std::string assignment = generator.attribute_assignment(call.args[0], name, call.args[2]);
      const bool is_unsafe = !nfkc_if_changed(name).empty() || comment_intersects(node, ctx);
      d.fix = Fix::with(is_unsafe ? Applicability::Unsafe : Applicability::Safe,
                        {Edit::replace(ts_node_start_byte(node), ts_node_end_byte(node), std::move(assignment))});
    }
  }

 private:
  struct Candidate {
    TSNode call;
    std::string name;
  };
  std::vector<Candidate> candidates_;
};

}  // namespace

extern const RuleSpec set_attr_with_constant{
    .code = "B010",
    .name = "set-attr-with-constant",
    .linter = "flake8-bugbear",
    .kinds = {"call"},
    .doc = kDoc,
    .create = make_rule<SetattrWithConstant>(),
    .needs_semantic = true,
    .fix = FixAvailability::Always,
};

}  // namespace lint::rules
