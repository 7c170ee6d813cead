#include "flake8_bugbear/helpers.h"

namespace lint::rules {

namespace {

using namespace bugbear;

constexpr std::string_view kDoc = R"(## What it does
Checks for `return`, `break` and `continue` in `finally` blocks.

## Why is this bad?
Leaving a `finally` block this way discards the exception that was propagating through it,
without a trace: the caller sees a normal return or the loop goes on. Python 3.14 warns about
it (PEP 765).

Statements inside loops that sit in the `finally` block are only reported for `return`: a
`break` or `continue` there belongs to the inner loop.

## Example
```python
def read(path):
    try:
        return parse(path)
    finally:
        return None
```

Use instead:
```python
def read(path):
    try:
        return parse(path)
    finally:
        cleanup()
```
)";

class JumpStatementInFinally final : public Rule {
 public:
  void enter(TSNode node, Context& ctx) override {
    const TSNode block = first_named_child(node);
    if (is_a(block, "block")) walk(block, false, ctx);
  }

 private:
  // Reports the jumps among the statements of `block`, and looks into the bodies Ruff looks into:
  // an `if`'s first branch, a `try`'s and a `with`'s body, each `case`, and loops (for `return`).
  void walk(TSNode block, bool only_return, Context& ctx) const {
    for_each_named_child(block, [&](TSNode stmt) {
      const std::string_view k = kind_of(stmt);
      if (k == "return_statement") {
        report(ctx, stmt, "`return` inside `finally` blocks cause exceptions to be silenced");
      } else if (!only_return && k == "break_statement") {
        report(ctx, stmt, "`break` inside `finally` blocks cause exceptions to be silenced");
      } else if (!only_return && k == "continue_statement") {
        report(ctx, stmt, "`continue` inside `finally` blocks cause exceptions to be silenced");
      } else if (k == "for_statement" || k == "while_statement") {
        walk_field(stmt, "body", true, ctx);
      } else if (k == "if_statement") {
        walk_field(stmt, "consequence", only_return, ctx);
      } else if (k == "try_statement" || k == "with_statement") {
        walk_field(stmt, "body", only_return, ctx);
      } else if (k == "match_statement") {
        const TSNode cases = field(stmt, "body");
        if (ts_node_is_null(cases)) return;
        for_each_named_child(cases, [&](TSNode c) {
          if (is_a(c, "case_clause")) walk_field(c, "consequence", only_return, ctx);
        });
      }
    });
  }

  void walk_field(TSNode stmt, std::string_view name, bool only_return, Context& ctx) const {
    const TSNode body = field(stmt, name);
    if (is_a(body, "block")) walk(body, only_return, ctx);
  }
};

}  // namespace

extern const RuleSpec jump_statement_in_finally{
    .code = "B012",
    .name = "jump-statement-in-finally",
    .linter = "flake8-bugbear",
    .kinds = {"finally_clause"},
    .doc = kDoc,
    .create = make_rule<JumpStatementInFinally>(),
};

}  // namespace lint::rules
