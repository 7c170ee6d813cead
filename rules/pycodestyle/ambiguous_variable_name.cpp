#include <algorithm>
#include <cstddef>
#include <vector>

#include "pycodestyle/ambiguous_names.h"
#include "engine/rule.h"

namespace lint::rules {

namespace {

constexpr std::string_view kDoc = R"(## What it does
Checks for variables named `l`, `O` or `I`: names bound by assignments (plain, augmented,
annotated, tuple and starred targets), `for` loops and comprehensions, `with ... as`,
`except ... as`, assignment expressions (`:=`), `type` aliases, function and lambda parameters,
and `global` / `nonlocal` declarations.

## Why is this bad?
In many fonts the letters `l` (lowercase el), `O` (uppercase o) and `I` (uppercase i) look
just like the digits `1` and `0` or like each other: `l = 1` next to `I = l + 0` is hard to
read correctly. [PEP 8] advises never to use them as single-character names.

Names bound by imports and by `match` patterns are not checked, and neither is any name in a
stub file (`.pyi`), which has to mirror the runtime names.

## Example
```python
l = [1, 2, 3]
for I in l:
    print(I)
```

Use instead:
```python
values = [1, 2, 3]
for value in values:
    print(value)
```

[PEP 8]: https://peps.python.org/pep-0008/#names-to-avoid
)";

constexpr std::string_view kMessage = "Ambiguous variable name: `";

bool ends_with(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

class AmbiguousVariableName final : public Rule {
 public:
  void enter(TSNode node, Context& ctx) override {
    if (stub_ < 0) stub_ = ends_with(ctx.path(), ".pyi") ? 1 : 0;
    if (stub_ == 1) return;

    const std::string_view k = kind(node);
    if (k == "assignment" || k == "augmented_assignment" || k == "for_statement" || k == "for_in_clause") {
      target(field(node, "left"), ctx);
    } else if (k == "named_expression") {
      name(field(node, "name"), ctx);
    } else if (k == "parameters" || k == "lambda_parameters") {
      parameters(node, ctx);
    } else if (k == "global_statement" || k == "nonlocal_statement") {
      for (TSNode c : children(node)) {
        if (is(c, "identifier")) name(c, ctx);
      }
    } else if (k == "with_item") {
      TSNode value = unparenthesized(field(node, "value"));
      if (!ts_node_is_null(value) && is(value, "as_pattern")) target(field(value, "alias"), ctx);
    } else if (k == "except_clause") {
      // `except E as name`: tree-sitter reads `E as name` as an as_pattern expression.
      for (TSNode c : children(node)) {
        if (is(c, "as_pattern")) {
          target(field(c, "alias"), ctx);
          break;
        }
        if (is(c, "block")) break;
      }
    } else if (k == "type_alias_statement") {
      // `type l = ...` and `type l[T] = ...`: the alias name, not its type parameters.
      TSNode left = field(node, "left");
      if (ts_node_is_null(left)) return;
      for (TSNode c : children(left)) {
        if (is(c, "identifier")) {
          name(c, ctx);
        } else if (is(c, "generic_type")) {
          for (TSNode g : children(c)) {
            if (is(g, "identifier")) {
              name(g, ctx);
              break;
            }
          }
        }
        break;
      }
    }
  }

 private:
  void name(TSNode n, Context& ctx) {
    if (ts_node_is_null(n)) return;
    if (ts_node_end_byte(n) - ts_node_start_byte(n) != 1) return;
    const std::string_view text = ctx.text(n);
    if (!is_ambiguous_name(text)) return;
    report(ctx, n, ambiguous_name_message(kMessage, text));
  }

  // The names bound by an assignment target: identifiers, through tuples, lists, starred
  // targets and parentheses; attributes and subscripts bind no name. Explicit stack: targets
  // may nest arbitrarily deep.
  void target(TSNode root, Context& ctx) {
    if (ts_node_is_null(root)) return;
    stack_.clear();
    stack_.push_back(root);
    while (!stack_.empty()) {
      TSNode n = stack_.back();
      stack_.pop_back();
      const std::string_view k = kind(n);
      if (k == "identifier") {
        name(n, ctx);
      } else if (k == "pattern_list" || k == "tuple_pattern" || k == "list_pattern" || k == "tuple" ||
                 k == "list" || k == "parenthesized_expression" || k == "expression_list" ||
                 k == "list_splat_pattern" || k == "list_splat" || k == "as_pattern_target") {
        // Pushed in reverse so that names are reported left to right.
        const size_t base = stack_.size();
        for (TSNode c : children(n)) {
          if (ts_node_is_named(c) && !ts_node_is_extra(c)) stack_.push_back(c);
        }
        std::reverse(stack_.begin() + static_cast<std::ptrdiff_t>(base), stack_.end());
      }
    }
  }

  void parameters(TSNode node, Context& ctx) {
    for (TSNode p : children(node)) {
      const std::string_view k = kind(p);
      if (k == "identifier") {
        name(p, ctx);
      } else if (k == "default_parameter" || k == "typed_default_parameter") {
        name(field(p, "name"), ctx);
      } else if (k == "typed_parameter" || k == "list_splat_pattern" || k == "dictionary_splat_pattern") {
        for (TSNode c : children(p)) {
          const std::string_view ck = kind(c);
          if (ck == "identifier") {
            name(c, ctx);
            break;
          }
          if (ck == "list_splat_pattern" || ck == "dictionary_splat_pattern") {
            for (TSNode g : children(c)) {
              if (is(g, "identifier")) {
                name(g, ctx);
                break;
              }
            }
            break;
          }
        }
      }
    }
  }

  int stub_ = -1;
  std::vector<TSNode> stack_;
};

}  // namespace

extern const RuleSpec ambiguous_variable_name{
    .code = "E741",
    .name = "ambiguous-variable-name",
    .linter = "pycodestyle",
    .kinds = {"assignment", "augmented_assignment", "for_statement", "for_in_clause", "named_expression",
              "parameters", "lambda_parameters", "global_statement", "nonlocal_statement", "with_item",
              "except_clause", "type_alias_statement"},
    .doc = kDoc,
    .create = make_rule<AmbiguousVariableName>(),
};

}  // namespace lint::rules
