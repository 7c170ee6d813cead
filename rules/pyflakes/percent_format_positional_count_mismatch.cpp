#include <string>
#include <string_view>
#include <vector>

#include "pyflakes/percent_format.h"
#include "engine/rule.h"

namespace lint::rules {

namespace {

constexpr std::string_view kDoc = R"(## What it does
Checks for `printf`-style format strings whose number of positional placeholders differs from
the number of values on the right-hand side.

A tuple literal provides one value per element (the check is skipped when it unpacks `*x`).
An expression of another known type (a number, a string, a list, `not x`, `-1`, ...) is a
single value. An expression of unknown type, such as a name or a call, may be a tuple of any
length and is only reported when the format string has no placeholder at all.

## Why is this bad?
Too many or too few values make Python raise `TypeError`.

## Example
```python
"%s, %s" % ("Hello", "world", "!")
"%s and %s" % 42
```

Use instead:
```python
"%s, %s" % ("Hello", "world")
"%s and %s" % (42, 43)
```
)";

class PercentFormatPositionalCountMismatch final : public Rule {
 public:
  void enter(TSNode node, Context& ctx) override {
    if (!fmt_.load(node, ctx) || fmt_.error != pyfmt::CFormatError::kNone) return;
    if (!fmt_.summary.keywords.empty()) return;
    const size_t wanted = fmt_.summary.num_positional;
    size_t got = 1;
    if (is(fmt_.right, "tuple")) {
      got = 0;
      for (TSNode element : children(fmt_.right)) {
        if (!ts_node_is_named(element) || ts_node_is_extra(element)) continue;
        if (is(element, "list_splat") || is(element, "parenthesized_list_splat")) return;
        ++got;
      }
      if (got == wanted) return;
    } else {
      const pyfmt::PyType type = types_.infer(fmt_.right, ctx.source());
      if (type == pyfmt::PyType::kTuple) return;
      if (type == pyfmt::PyType::kOther ? wanted != 0 : wanted == 1) return;
    }
    report(ctx, node, "`%`-format string has " + std::to_string(wanted) + " placeholder(s) but " + std::to_string(got) +
                          " substitution(s)");
  }

 private:
  pyfmt::PercentFormat& fmt_ = pyfmt::PercentFormat::shared();
  pyfmt::TypeInference types_;
};

}  // namespace

extern const RuleSpec percent_format_positional_count_mismatch{
    .code = "F507",
    .name = "percent-format-positional-count-mismatch",
    .linter = "pyflakes",
    .kinds = {"binary_operator"},
    .doc = kDoc,
    .create = make_rule<PercentFormatPositionalCountMismatch>(),
};

}  // namespace lint::rules
