#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <vector>

#include "pycodestyle/strings.h"
#include "engine/rule.h"

namespace lint::rules {

namespace {

constexpr std::string_view kDoc = R"(## What it does
Checks for f-strings that contain no replacement fields (placeholders such as `{x}`).

## Why is this bad?
The `f` prefix only matters when the string interpolates something. Without placeholders it
is noise, and it often hints at a mistake: a forgotten `{...}`, or braces that were doubled
(`{{x}}` is a literal `{x}`). Drop the prefix.

In an implicit concatenation (`f"a" f"{x}"`), the f-string parts are reported only when no
part of the whole concatenation has a placeholder; then each f-string part is reported.
f-strings nested inside the replacement fields of another f-string are checked on their own.

## Example
```python
greeting = f"Hello, world!"
```

Use instead:
```python
greeting = "Hello, world!"
```
)";

constexpr std::string_view kMessage = "f-string without any placeholders";

// A string statement where Python tools read a docstring: the first statement of a module,
// class or function body, or the statement right after an assignment (an attribute
// docstring). Dropping the `f` there makes it one, so the fix is unsafe (as in Ruff).
bool in_docstring_position(TSNode part) {
  TSNode expr = part;
  TSNode statement = ts_node_parent(expr);
  if (is(statement, "concatenated_string")) {
    expr = statement;
    statement = ts_node_parent(expr);
  }
  if (!is(statement, "expression_statement") || ts_node_named_child_count(statement) != 1) return false;
  TSNode previous = ts_node_prev_named_sibling(statement);
  while (!ts_node_is_null(previous) && is(previous, "comment")) previous = ts_node_prev_named_sibling(previous);
  if (ts_node_is_null(previous)) {
    const TSNode body = ts_node_parent(statement);
    return is(body, "module") || (is(body, "block") && (is(ts_node_parent(body), "function_definition") ||
                                                         is(ts_node_parent(body), "class_definition")));
  }
  return is(previous, "expression_statement") && is(ts_node_named_child(previous, 0), "assignment");
}

// The fix: drop the `f` of the prefix and undouble the braces (`f"{{x}}"` is `"{x}"`). A space
// keeps apart two strings that would otherwise merge (`""f""` becomes `"" ""`, not `""""`).
Fix remove_prefix(const Context& ctx, TSNode part) {
  const uint32_t start = ts_node_start_byte(part), end = ts_node_end_byte(part);
  const std::string_view text = ctx.original(part);
  const uint32_t f = start + (text.starts_with('f') || text.starts_with('F') ? 0 : 1);
  std::string content;
  const std::string_view body = ctx.original(f + 1, end);
  for (size_t i = 0; i < body.size(); ++i) {
    content += body[i];
    if ((body[i] == '{' || body[i] == '}') && i + 1 < body.size() && body[i + 1] == body[i]) ++i;
  }
  if (f > 0 && !content.empty() && ctx.original()[f - 1] == content.front()) content.insert(0, " ");
  return Fix::with(in_docstring_position(part) ? Applicability::Unsafe : Applicability::Safe,
                   {Edit::replace(f, end, std::move(content))});
}

void attach_fix(Diagnostic& d, const Context& ctx, TSNode part) {
  d.fix_title = "Remove extraneous `f` prefix";
  d.fix = remove_prefix(ctx, part);
}

class FStringMissingPlaceholders final : public Rule {
 public:
  void enter(TSNode node, Context& ctx) override {
    const uint32_t start = ts_node_start_byte(node);
    if (is(node, "concatenated_string")) {
      concatenation(node, ctx);
      return;
    }
    // A part of a concatenation entered before: already handled with its siblings.
    while (!pending_parts_.empty() && pending_parts_.back() < start) pending_parts_.pop_back();
    if (!pending_parts_.empty() && pending_parts_.back() == start) {
      pending_parts_.pop_back();
      return;
    }
    if (!is_f_string_prefix(literal_prefix(ctx.text(node)))) return;
    if (has_interpolation(node)) return;
    attach_fix(report(ctx, node, std::string(kMessage)), ctx, node);
  }

 private:
  void concatenation(TSNode node, Context& ctx) {
    const size_t base = pending_parts_.size();
    bool any_f_string = false;
    bool any_placeholder = false;
    for (TSNode part : children(node)) {
      if (!is(part, "string")) continue;
      pending_parts_.push_back(ts_node_start_byte(part));
      if (!is_f_string_prefix(literal_prefix(ctx.text(part)))) continue;
      any_f_string = true;
      if (!any_placeholder && has_interpolation(part)) any_placeholder = true;
    }
    // The parts are entered next, first to last: keep the first on top.
    std::reverse(pending_parts_.begin() + static_cast<std::ptrdiff_t>(base), pending_parts_.end());
    if (!any_f_string || any_placeholder) return;
    for (TSNode part : children(node)) {
      if (!is(part, "string")) continue;
      if (is_f_string_prefix(literal_prefix(ctx.text(part)))) {
        attach_fix(report(ctx, part, std::string(kMessage)), ctx, part);
      }
    }
  }

  // Start bytes of the parts of the concatenations being walked, the next part on top.
  std::vector<uint32_t> pending_parts_;
};

}  // namespace

extern const RuleSpec f_string_missing_placeholders{
    .code = "F541",
    .name = "f-string-missing-placeholders",
    .linter = "pyflakes",
    .kinds = {"string", "concatenated_string"},
    .doc = kDoc,
    .create = make_rule<FStringMissingPlaceholders>(),
    .fix = FixAvailability::Always,
};

}  // namespace lint::rules
