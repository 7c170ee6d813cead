#include <vector>

#include "flake8_simplify/helpers.h"

namespace lint::rules {

namespace {

constexpr std::string_view kDoc = R"(## What it does
Checks for a `return` in a `finally` block when the `try` block or one of its `except` handlers
returns too.

## Why is this bad?
The `finally` block runs last, so its `return` replaces the value the `try` or `except` block
returned (and swallows any exception in flight). Readers expect the earlier `return` to decide.

## Example
```python
def read(path):
    try:
        return load(path)
    except OSError:
        return None
    finally:
        return "done"
```

Use instead:
```python
def read(path):
    try:
        result = load(path)
    except OSError:
        result = None
    finally:
        cleanup()
    return result
```
)";

// The first `return` among the statements of a block (not those nested in other statements).
TSNode first_return(TSNode block) {
  for (const TSNode stmt : simplify::named_operands(block)) {
    if (is(stmt, "return_statement")) return stmt;
  }
  return TSNode{};
}

TSNode block_of(TSNode clause) {
  for (const TSNode c : simplify::named_operands(clause)) {
    if (is(c, "block")) return c;
  }
  return TSNode{};
}

class ReturnInTryExceptFinally final : public Rule {
 public:
  void enter(TSNode node, Context& ctx) override {
    bool returns = !ts_node_is_null(first_return(field(node, "body")));
    TSNode finally{};
    for (const TSNode c : simplify::named_operands(node)) {
      if (is(c, "except_clause")) returns |= !ts_node_is_null(first_return(block_of(c)));
      else if (is(c, "finally_clause")) finally = c;
    }
    if (!returns || ts_node_is_null(finally)) return;
    const TSNode last = first_return(block_of(finally));
    if (!ts_node_is_null(last)) report(ctx, last, "Don't use `return` in `try`-`except` and `finally`");
  }
};

}  // namespace

extern const RuleSpec return_in_try_except_finally{
    .code = "SIM107",
    .name = "return-in-try-except-finally",
    .linter = "flake8-simplify",
    .kinds = {"try_statement"},
    .doc = kDoc,
    .create = make_rule<ReturnInTryExceptFinally>(),
};

}  // namespace lint::rules
