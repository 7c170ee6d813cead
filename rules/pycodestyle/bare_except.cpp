#include "engine/rule.h"

namespace lint::rules {

namespace {

constexpr std::string_view kDoc = R"(## What it does
Checks for `except:` clauses that name no exception type.

## Why is this bad?
A bare `except:` catches every exception, including `KeyboardInterrupt` and `SystemExit`,
which are not errors of the program: Ctrl-C stops working and `sys.exit()` is swallowed, and
genuine bugs get hidden behind the handler. Catch the exceptions you expect (or `Exception`
when any error really is acceptable).

A handler whose body re-raises with a bare `raise` statement (directly in its body, not nested
in another statement) is not reported: the exception is not swallowed.

## Example
```python
try:
    value = int(text)
except:
    value = 0
```

Use instead:
```python
try:
    value = int(text)
except ValueError:
    value = 0
```
)";

// A `raise` without an exception: its only non-extra child is the keyword.
bool is_bare_raise(TSNode stmt) {
  if (!is(stmt, "raise_statement")) return false;
  for (TSNode c : children(stmt)) {
    if (ts_node_is_named(c) && !ts_node_is_extra(c)) return false;
  }
  return true;
}

class BareExcept final : public Rule {
 public:
  void enter(TSNode node, Context& ctx) override {
    TSNode body{};
    bool has_body = false;
    TSNode keyword{};
    bool has_keyword = false;
    for (TSNode c : children(node)) {
      if (ts_node_is_extra(c)) continue;
      if (!ts_node_is_named(c)) {
        if (!has_keyword && is(c, "except")) {
          keyword = c;
          has_keyword = true;
        }
        continue;
      }
      if (is(c, "block")) {
        body = c;
        has_body = true;
      } else {
        return;  // an exception type (or a Python 2 `except E, e` alias)
      }
    }
    if (!has_keyword) return;
    if (has_body) {
      for (TSNode s : children(body)) {
        if (is_bare_raise(s)) return;
      }
    }
    report(ctx, keyword, "Do not use bare `except`");
  }
};

}  // namespace

extern const RuleSpec bare_except{
    .code = "E722",
    .name = "bare-except",
    .linter = "pycodestyle",
    .kinds = {"except_clause"},
    .doc = kDoc,
    .create = make_rule<BareExcept>(),
};

}  // namespace lint::rules
