#include "engine/rule.h"

namespace lint::rules {

namespace {

constexpr std::string_view kDoc = R"(## What it does
Checks for a bare `except:` clause that is followed by other `except` clauses.

## Why is this bad?
Handlers are tried in order and a bare `except:` catches every exception, so the handlers after
it can never run. Python refuses to compile such a `try` statement
(`SyntaxError: default 'except:' must be last`).

## Example
```python
try:
    value = int(text)
except:
    value = None
except ValueError:
    value = 0
```

Use instead:
```python
try:
    value = int(text)
except ValueError:
    value = 0
except:
    value = None
```
)";

class DefaultExceptNotLast final : public Rule {
 public:
  void enter(TSNode node, Context& ctx) override {
    TSNode bare{};
    bool have_bare = false;
    for (TSNode c : children(node)) {
      if (!is(c, "except_clause")) continue;
      if (have_bare) {
        report(ctx, ts_node_child(bare, 0), "An `except` block as not the last exception handler");
        have_bare = false;
      }
      if (is(c, "except_clause") && is_bare(c)) {
        bare = c;
        have_bare = true;
      }
    }
  }

 private:
  static bool is_bare(TSNode clause) {
    for (TSNode c : children(clause)) {
      if (ts_node_is_named(c) && !ts_node_is_extra(c) && !is(c, "block")) return false;
    }
    return true;
  }
};

}  // namespace

extern const RuleSpec default_except_not_last{
    .code = "F707",
    .name = "default-except-not-last",
    .linter = "pyflakes",
    .kinds = {"try_statement"},
    .doc = kDoc,
    .create = make_rule<DefaultExceptNotLast>(),
};

}  // namespace lint::rules
