#include <string_view>
#include <unordered_set>

#include "engine/rule.h"
#include "fix/edits.h"
#include "syntax/node.h"

namespace lint::rules {

namespace {

constexpr std::string_view kDoc = R"(## What it does
Checks for class fields assigned more than once in the class body.

## Why is this bad?
Only the last assignment counts; the earlier ones are dead code, and often a copy-paste
mistake where another name was meant.

An assignment whose value reads the field itself (`x = x + 1`) is not counted.

## Example
```python
class Settings:
    timeout = 10
    retries = 3
    timeout = 30
```

Use instead:
```python
class Settings:
    timeout = 30
    retries = 3
```

## Fix safety
The fix, which deletes the later assignment, is unsafe: which of the two values was meant is
for the author to say.
)";

// Whether `name` is read or bound anywhere in `value` as a name expression: not as an
// attribute, a keyword argument's name or a lambda's parameter, which are no expressions.
bool has_name(TSNode value, std::string_view name, const Context& ctx) {
  bool found = false;
  for_each_node(value, [&](TSTreeCursor& cursor, bool entering) {
    if (!entering || found) return;
    const TSNode n = ts_tree_cursor_current_node(&cursor);
    if (!is(n, "identifier") || ctx.text(n) != name) return;
    const char* f = ts_tree_cursor_current_field_name(&cursor);
    if (f && std::string_view(f) == "attribute") return;
    const TSNode parent = ts_node_parent(n);
    const std::string_view p = kind(parent);
    if (p == "keyword_argument" && f && std::string_view(f) == "name") return;
    if (p == "lambda_parameters" || (p == "default_parameter" && f && std::string_view(f) == "name")) return;
    if ((p == "list_splat_pattern" || p == "dictionary_splat_pattern") && is(ts_node_parent(parent), "lambda_parameters")) {
      return;
    }
    found = true;
  });
  return found;
}

class DuplicateClassFieldDefinition final : public Rule {
 public:
  void enter(TSNode node, Context& ctx) override {
    const TSNode body = field(node, "body");
    if (ts_node_is_null(body)) return;
    std::unordered_set<std::string_view> seen;
    for (TSNode stmt : children(body)) {
      if (!is(stmt, "expression_statement") || ts_node_named_child_count(stmt) != 1) continue;
      const TSNode assignment = ts_node_named_child(stmt, 0);
      if (!is(assignment, "assignment")) continue;
      const TSNode target = field(assignment, "left");
      if (!is(target, "identifier")) continue;  // a single name (not `(x)`, not `x, y`)
      TSNode value = field(assignment, "right");
      const bool annotated = !ts_node_is_null(field(assignment, "type"));
      if (!annotated && is(value, "assignment")) continue;  // `x = y = 1` has two targets
      const std::string_view name = ctx.text(target);
      if (!ts_node_is_null(value) && has_name(value, name, ctx)) continue;
      if (!seen.insert(name).second) {
        Diagnostic& d = report(ctx, stmt, "Class field `" + std::string(name) + "` is defined multiple times");
        d.fix_title = "Remove duplicate field definition for `" + std::string(name) + "`";
        // One deletion per class and round, as Ruff isolates them.
        d.fix = Fix::unsafe(edits::delete_statement(ctx, stmt));
        d.fix->isolate(ts_node_start_byte(node) + 1);
      }
    }
  }
};

}  // namespace

extern const RuleSpec duplicate_class_field_definition{
    .code = "PIE794",
    .name = "duplicate-class-field-definition",
    .linter = "flake8-pie",
    .kinds = {"class_definition"},
    .doc = kDoc,
    .create = make_rule<DuplicateClassFieldDefinition>(),
    .fix = FixAvailability::Always,
};

}  // namespace lint::rules
