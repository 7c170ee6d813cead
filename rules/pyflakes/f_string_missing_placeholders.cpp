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
    if (!is_f_string_prefix(string_prefix(ctx.text(node)))) return;
    if (has_interpolation(node)) return;
    report(ctx, node, std::string(kMessage));
  }

 private:
  void concatenation(TSNode node, Context& ctx) {
    const size_t base = pending_parts_.size();
    bool any_f_string = false;
    bool any_placeholder = false;
    for (TSNode part : children(node)) {
      if (!is(part, "string")) continue;
      pending_parts_.push_back(ts_node_start_byte(part));
      if (!is_f_string_prefix(string_prefix(ctx.text(part)))) continue;
      any_f_string = true;
      if (!any_placeholder && has_interpolation(part)) any_placeholder = true;
    }
    // The parts are entered next, first to last: keep the first on top.
    std::reverse(pending_parts_.begin() + static_cast<std::ptrdiff_t>(base), pending_parts_.end());
    if (!any_f_string || any_placeholder) return;
    for (TSNode part : children(node)) {
      if (!is(part, "string")) continue;
      if (is_f_string_prefix(string_prefix(ctx.text(part)))) report(ctx, part, std::string(kMessage));
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
};

}  // namespace lint::rules
