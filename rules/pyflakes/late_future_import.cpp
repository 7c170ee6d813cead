#include "pycodestyle/strings.h"
#include "pyflakes/import_statements.h"

namespace lint::rules {

namespace {

constexpr std::string_view kDoc = R"(## What it does
Checks for `from __future__ import ...` statements that do not come first in the file.

## Why is this bad?
A future import changes how the compiler treats the whole module, so Python requires it before
any other statement; only the module docstring (and other future imports) may come first.
Anywhere else, including inside a function or behind an `if`, the file does not compile
(`SyntaxError: from __future__ imports must occur at the beginning of the file`).

## Example
```python
"""Geometry helpers."""
import math
from __future__ import annotations
```

Use instead:
```python
"""Geometry helpers."""
from __future__ import annotations

import math
```
)";

class LateFutureImport final : public Rule {
 public:
  void enter(TSNode node, Context& ctx) override {
    if (is(node, "module")) {
      // Only top-level statements can come before the boundary: a nested future import always
      // sits inside a compound statement that crossed it.
      bool first = true, boundary = false;
      for (TSNode stmt : children(node)) {
        if (ts_node_is_extra(stmt) || !ts_node_is_named(stmt)) continue;
        const bool future = is_future_import(stmt, ctx);
        if (future && boundary) report(ctx, stmt, std::string(kMessage));
        if (!future && !(first && is_docstring(stmt, ctx))) boundary = true;
        first = false;
      }
      return;
    }
    if (is(node, "block")) {
      ++depth_;
      return;
    }
    if (depth_ > 0 && is_future_import(node, ctx)) report(ctx, node, std::string(kMessage));
  }
  void leave(TSNode node, Context&) override {
    if (is(node, "block")) --depth_;
  }

 private:
  static constexpr std::string_view kMessage = "`from __future__` imports must occur at the beginning of the file";

  // A statement holding only a string literal (not bytes, not an f-string), as Ruff decides
  // whether the first statement is the module docstring.
  static bool is_docstring(TSNode stmt, const Context& ctx) {
    if (!is(stmt, "expression_statement")) return false;
    TSNode value{};
    int count = 0;
    for (TSNode c : children(stmt)) {
      if (ts_node_is_extra(c) || !ts_node_is_named(c)) continue;
      value = c;
      ++count;
    }
    if (count != 1) return false;
    value = unparenthesized(value);
    if (is(value, "string")) return is_text_string(value, ctx);
    if (!is(value, "concatenated_string")) return false;
    for (TSNode part : children(value)) {
      if (is(part, "string") && !is_text_string(part, ctx)) return false;
    }
    return true;
  }
  static bool is_text_string(TSNode string, const Context& ctx) {
    const std::string_view prefix = literal_prefix(ctx.text(string));
    return !prefix_contains(prefix, 'b') && !prefix_contains(prefix, 'f') && !prefix_contains(prefix, 't');
  }

  int depth_ = 0;
};

}  // namespace

extern const RuleSpec late_future_import{
    .code = "F404",
    .name = "late-future-import",
    .linter = "pyflakes",
    .kinds = {"module", "block", "future_import_statement", "import_from_statement"},
    .doc = kDoc,
    .create = make_rule<LateFutureImport>(),
};

}  // namespace lint::rules
