#include "flake8_comprehensions/calls.h"
#include "flake8_comprehensions/fixes.h"

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
    d.fix = fix(call, builtin, ctx);
  }

  // `dict()` becomes `{}` and `dict(a=1, b=2)` `{"a": 1, "b": 2}`: the text between the
  // arguments (commas, spaces, comments) stays as written; `name=` becomes a quoted key.
  static Fix fix(const CallShape& call, const std::string& builtin, const Context& ctx) {
    const uint32_t open = ts_node_start_byte(call.list) + 1;
    const uint32_t close = ts_node_end_byte(call.list) - 1;
    const uint32_t start = ts_node_start_byte(call.call), end = ts_node_end_byte(call.call);
    if (call.keywords.empty()) {
      const char* const brackets = builtin == "dict" ? "{}" : builtin == "list" ? "[]" : "()";
      std::string left(1, brackets[0]), right(1, brackets[1]);
      if (builtin == "dict") {
        left = flake8_comprehensions::pad_start(left, call.call, ctx);
        right = flake8_comprehensions::pad_end(right, call.call, ctx);
      }
      return Fix::unsafe({Edit::replace(start, open, left), Edit::replace(close, end, right)});
    }
    // Inside an f-string's replacement field the key takes the quote the f-string does not use.
    char quote = flake8_comprehensions::preferred_quote(ctx);
    for (TSNode p = ts_node_parent(call.call); !ts_node_is_null(p); p = ts_node_parent(p)) {
      if (!is(p, "string")) continue;
      const std::string_view t = ctx.text(p);
      const size_t q = t.find_first_of("'\"");
      if (q != std::string_view::npos) quote = t[q] == '"' ? '\'' : '"';
      break;
    }
    std::string out = "{";
    uint32_t at = open;
    for (const TSNode k : call.keywords) {
      const TSNode name = field(k, "name"), value = field(k, "value");
      out += ctx.original(at, ts_node_start_byte(k));
      out += quote;
      out += ctx.original(name);
      out += quote;
      out += ": ";
      at = ts_node_start_byte(value);
    }
    out += ctx.original(at, close);
    out += '}';
    return Fix::unsafe(Edit::replace(start, end, flake8_comprehensions::pad(out, call.call, ctx)));
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
    .fix = FixAvailability::Always,
};

}  // namespace lint::rules
