#include <string>

#include "engine/rule.h"

namespace lint::rules {

namespace {

constexpr std::string_view kDoc = R"(## What it does
Checks for implicitly concatenated strings, not in parentheses, among the elements of a list,
tuple or set.

## Why is this bad?
Two string literals side by side are joined into one. Inside a collection this is most often a
missing comma: `["a" "b", "c"]` has two elements, `"ab"` and `"c"`, not three. Where the join is
meant, parentheses around it say so.

## Example
```python
flags = [
    "-v"
    "-q",
]
```

Use instead:
```python
flags = [
    "-v",
    "-q",
]
```

## Fix safety
The fix wraps the strings in parentheses, which keeps the behaviour; it is unsafe because the
comma was perhaps what was missing, and parentheses would then make the mistake permanent.
)";

class ImplicitStringConcatenationInCollectionLiteral final : public Rule {
 public:
  void enter(TSNode node, Context& ctx) override {
    // In a subscript, only a tuple index (`x["a" "b", 1]`) is a collection.
    const bool subscript = is(node, "subscript");
    if (subscript) {
      bool comma = false;
      for (TSNode c : children(node)) comma |= is(c, ",");
      if (!comma) return;
    }
    for (auto it = children(node).begin(); it != children(node).end(); ++it) {
      const TSNode c = *it;
      if (!is(c, "concatenated_string")) continue;
      if (subscript) {
        const char* f = it.field_name();
        if (!f || std::string_view(f) != "subscript") continue;
      }
      Diagnostic& d = report(ctx, c, "Unparenthesized implicit string concatenation in collection");
      d.fix_title = "Did you forget a comma?";
      d.fix = Fix::unsafe({Edit::insertion(ts_node_start_byte(c), "("), Edit::insertion(ts_node_end_byte(c), ")")});
    }
  }
};

}  // namespace

extern const RuleSpec implicit_string_concatenation_in_collection_literal{
    .code = "ISC004",
    .name = "implicit-string-concatenation-in-collection-literal",
    .linter = "flake8-implicit-str-concat",
    .kinds = {"list", "tuple", "set", "expression_list", "subscript"},
    .doc = kDoc,
    .create = make_rule<ImplicitStringConcatenationInCollectionLiteral>(),
    .fix = FixAvailability::Always,
};

}  // namespace lint::rules
