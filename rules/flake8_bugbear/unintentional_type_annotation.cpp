#include "flake8_bugbear/helpers.h"

namespace lint::rules {

namespace {

using namespace bugbear;

constexpr std::string_view kDoc = R"(## What it does
Checks for annotations without a value on an attribute or an item of a name: `obj.attr: int`,
`items[0]: str`.

## Why is this bad?
Such a statement is legal and does nothing at all: it neither assigns nor declares anything
that a type checker or the program can use. It is almost always a typo for `=`.

Attributes of `self` are left alone: annotating them in a method is a common way to declare
instance attributes.

## Example
```python
config.debug: True
```

Use instead:
```python
config.debug = True
```
)";

class UnintentionalTypeAnnotation final : public Rule {
 public:
  void enter(TSNode node, Context& ctx) override {
    if (ts_node_is_null(field(node, "type")) || !ts_node_is_null(field(node, "right"))) return;
    const TSNode target = unparenthesized_target(field(node, "left"));
    const std::string_view k = kind_of(target);
    if (k == "subscript") {
      if (!is_a(unparenthesized(field(target, "value")), "identifier")) return;
    } else if (k == "attribute") {
      const TSNode object = unparenthesized(field(target, "object"));
      if (!is_a(object, "identifier") || ctx.text(object) == "self") return;
    } else {
      return;
    }
    report(ctx, node, "Possible unintentional type annotation (using `:`). Did you mean to assign (using `=`)?");
  }
};

}  // namespace

extern const RuleSpec unintentional_type_annotation{
    .code = "B032",
    .name = "unintentional-type-annotation",
    .linter = "flake8-bugbear",
    .kinds = {"assignment"},
    .doc = kDoc,
    .create = make_rule<UnintentionalTypeAnnotation>(),
};

}  // namespace lint::rules
