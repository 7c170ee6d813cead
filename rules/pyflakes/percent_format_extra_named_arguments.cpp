#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "fix/edits.h"
#include "pyflakes/percent_format.h"
#include "engine/rule.h"

namespace lint::rules {

namespace {

constexpr std::string_view kDoc = R"(## What it does
Checks for dictionary literals on the right of a `printf`-style format string that provide
string keys no placeholder of the format string uses.

The check is skipped when the format string has positional placeholders, or when the dictionary
unpacks another mapping (`**other`).

## Why is this bad?
An unused key does nothing. It is dead code at best, and often the sign of a misspelled key or
a placeholder that was forgotten.

## Example
```python
"Hello, %(name)s" % {"greeting": "Hello", "name": "World"}
```

Use instead:
```python
"Hello, %(name)s" % {"name": "World"}
```

## Fix safety
The fix removes the unused items from the dictionary. It is unsafe when any value of the
dictionary may have an effect (a call, for example), since the removed ones no longer run.
)";

class PercentFormatExtraNamedArguments final : public Rule {
 public:
  void enter(TSNode node, Context& ctx) override {
    if (!fmt_.load(node, ctx) || fmt_.error != pyfmt::CFormatError::kNone) return;
    if (fmt_.summary.num_positional > 0 || !is(fmt_.right, "dictionary")) return;
    if (pyfmt::dict_has_splat(fmt_.right)) return;
    std::vector<std::string> unused;
    std::vector<size_t> positions;  // of the unused items among the dict's items
    size_t position = 0;
    for (TSNode pair : children(fmt_.right)) {
      if (!is(pair, "pair")) continue;
      const size_t index = position++;
      const TSNode key = unparenthesized(field(pair, "key"));
      if (ts_node_is_null(key) || !pyfmt::is_str_literal(key, ctx.source())) continue;
      key_.clear();
      if (!pyfmt::decode_str_literal(key, ctx.source(), key_)) continue;
      if (!fmt_.summary.has_keyword(key_)) {
        unused.push_back(pyfmt::to_utf8(key_));
        positions.push_back(index);
      }
    }
    if (unused.empty()) return;
    const std::string names = pyfmt::join_names(unused);
    Diagnostic& d = report(ctx, node, "`%`-format string has unused named argument(s): " + names);
    d.fix_title = "Remove extra named arguments: " + names;
    // Unsafe when anything in the dict may have an effect, removed or not (as Ruff judges it).
    if (std::optional<Edit> edit = edits::remove_collection_elements(ctx, fmt_.right, positions)) {
      const bool effect = edits::contains_effect(ctx, fmt_.right, [&](std::string_view name) {
        return edits::is_unshadowed_builtin(ctx, name);
      });
      d.fix = Fix::with(effect ? Applicability::Unsafe : Applicability::Safe, {std::move(*edit)});
    }
  }

 private:
  pyfmt::PercentFormat& fmt_ = pyfmt::PercentFormat::shared();
  std::u32string key_;
};

}  // namespace

extern const RuleSpec percent_format_extra_named_arguments{
    .code = "F504",
    .name = "percent-format-extra-named-arguments",
    .linter = "pyflakes",
    .kinds = {"binary_operator"},
    .doc = kDoc,
    .create = make_rule<PercentFormatExtraNamedArguments>(),
    .fix = FixAvailability::Always,
};

}  // namespace lint::rules
