#include "flake8_bugbear/helpers.h"

namespace lint::rules {

namespace {

using namespace bugbear;

constexpr std::string_view kDoc = R"(## What it does
Checks for `assertRaises(Exception)` and `pytest.raises(Exception)` (or `BaseException`),
whether as a context manager or called with the code to run.

## Why is this bad?
Nearly every failure raises some `Exception`: a typo, a wrong argument, an unrelated bug. A test
expecting any of them passes for the wrong reason. Expect the exception the code is meant to
raise.

`pytest.raises` with `match=` (or a pattern as second argument) checks the message and is
not reported; nor is a `with` item that binds the context (`as ctx`), which the test may inspect.

## Example
```python
with self.assertRaises(Exception):
    parse("")
```

Use instead:
```python
with self.assertRaises(ValueError):
    parse("")
```
)";

class AssertRaisesException final : public Rule {
 public:
  void enter(TSNode node, Context& ctx) override {
    if (is_a(node, "with_statement")) {
      for_each_named_child(node, [&](TSNode clause) {
        if (!is_a(clause, "with_clause")) return;
        for_each_named_child(clause, [&](TSNode item) {
          if (!is_a(item, "with_item")) return;
          const TSNode value = unparenthesized(field(item, "value"));
          if (is_a(value, "call") && maybe(value, ctx)) candidates_.push_back({item, value, false});
        });
      });
      return;
    }
    if (!maybe(node, ctx)) return;
    const CallArguments& call = call_arguments(node, ctx);
    if (call.args.size() >= 2 || !ts_node_is_null(call.argument("func", 1, ctx))) candidates_.push_back({node, node, true});
  }

  void finish(Context& ctx) override {
    const SemanticModel* m = ctx.semantic();
    if (!m) return;
    const Resolver resolver(*m, ctx);
    for (const Candidate& c : candidates_) {
      const std::string_view exception = blind_exception(c.call, resolver, ctx);
      if (exception.empty()) continue;
      report(ctx, c.at, "Do not assert blind exception: `" + std::string(exception) + "`");
    }
  }

 private:
  struct Candidate {
    TSNode at;
    TSNode call;
    bool call_form;
  };

  static bool maybe(TSNode call, const Context& ctx) {
    const std::string_view name = callee_name(call, ctx);
    return name == "assertRaises" || name == "raises";
  }

  // "Exception" or "BaseException" when the call expects one of them, else "".
  static std::string_view blind_exception(TSNode node, const Resolver& resolver, const Context& ctx) {
    const CallArguments& call = call_arguments(node, ctx);
    const bool assert_raises = is_a(call.function, "attribute") && ctx.text(field(call.function, "attribute")) == "assertRaises";
    const bool pytest_raises = resolver.qualified_name(call.function) == "pytest.raises";
    if (!assert_raises && !pytest_raises) return {};
    if (pytest_raises) {
      if (!ts_node_is_null(call.keyword_value("match", ctx))) return {};
      // A pattern as second positional argument (before any `*args`).
      if (call.args.size() >= 2 && !is_a(call.args[0], "list_splat") && !is_a(call.args[1], "list_splat")) {
        const TSNode second = unparenthesized(call.args[1]);
        if (is_str_literal(second, ctx) || is_bytes_literal(second, ctx)) return {};
      }
    }
    const TSNode exception = call.argument(pytest_raises ? "expected_exception" : "exception", 0, ctx);
    if (ts_node_is_null(exception)) return {};
    const std::string builtin = resolver.builtin_symbol(exception);
    if (builtin == "Exception") return "Exception";
    if (builtin == "BaseException") return "BaseException";
    return {};
  }

  std::vector<Candidate> candidates_;
};

}  // namespace

extern const RuleSpec assert_raises_exception{
    .code = "B017",
    .name = "assert-raises-exception",
    .linter = "flake8-bugbear",
    .kinds = {"with_statement", "call"},
    .doc = kDoc,
    .create = make_rule<AssertRaisesException>(),
    .needs_semantic = true,
};

}  // namespace lint::rules
