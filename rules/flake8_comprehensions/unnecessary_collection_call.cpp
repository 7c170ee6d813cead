#include "flake8_comprehensions/calls.h"

namespace lint::rules {

namespace {

constexpr std::string_view kDoc = R"(## What it does
Checks for `dict()`, `list()` and `tuple()` called to make an empty collection, and for
`dict()` called with keyword arguments.

## Why is this bad?
A literal (`{}`, `[]`, `()`, `{"a": 1}`) is shorter and faster: it needs no name lookup and
no call.

## Example
```python
items = list()
options = dict(verbose=True)
```

Use instead:
```python
items = []
options = {"verbose": True}
```

## Fix safety
The fix is unsafe: it can drop comments inside the call.

## Options
- `allow-dict-calls-with-keyword-arguments` (in `[flake8-comprehensions]`): leave
  `dict(a=1)` alone; only `dict()` with no arguments is reported.
)";

using flake8_comprehensions::CallShape;

class UnnecessaryCollectionCall final : public flake8_comprehensions::CallRule {
 public:
  UnnecessaryCollectionCall() = default;
  explicit UnnecessaryCollectionCall(const RuleOptions& options)
      : allow_keywords_(options.boolean("allow-dict-calls-with-keyword-arguments")) {}

 protected:
  bool wants(std::string_view callee) const override {
    return callee == "dict" || callee == "list" || callee == "tuple";
  }
  bool screen(const CallShape& call, const Context&) const override { return call.args.empty(); }
  void check(const CallShape& call, const SemanticModel& m, Context& ctx) override {
    const std::string builtin = flake8_comprehensions::builtin_symbol(call.function, m, ctx);
    if (builtin == "dict") {
      if (call.has_keywords()) {
        if (allow_keywords_) return;
        for (const TSNode k : call.keywords) {
          if (is(k, "dictionary_splat")) return;
        }
      }
    } else if (builtin == "list" || builtin == "tuple") {
      if (call.has_keywords()) return;
    } else {
      return;
    }
    Diagnostic& d = report(ctx, call.call, "Unnecessary `" + builtin + "()` call (rewrite as a literal)");
    d.fix_title = "Rewrite as a literal";
  }

 private:
  bool allow_keywords_ = false;
};

}  // namespace

extern const RuleSpec unnecessary_collection_call{
    .code = "C408",
    .name = "unnecessary-collection-call",
    .linter = "flake8-comprehensions",
    .kinds = {"call"},
    .doc = kDoc,
    .create = make_rule<UnnecessaryCollectionCall>(),
    .needs_semantic = true,
    .options = {{.name = "allow-dict-calls-with-keyword-arguments",
                 .type = RuleOption::Type::Bool,
                 .default_value = "false",
                 .doc = "Leave `dict()` calls with keyword arguments alone (as Ruff's option of that name)."}},
    .fix = FixAvailability::None,  // fix not yet ported
};

}  // namespace lint::rules
