#include <optional>
#include <string>
#include <vector>

#include "engine/rule.h"
#include "syntax/arguments.h"
#include "flake8_bugbear/helpers.h"
#include "fix/generator.h"
#include "pyupgrade/edits.h"
#include "pyupgrade/semantic.h"

namespace lint::rules {

namespace {

constexpr std::string_view kDoc = R"(## What it does
Checks for `print` calls given an empty string as a positional argument, or a `sep` that has no
effect.

## Why is this bad?
`print()` already writes an empty line, so `print("")` says nothing more. A separator only
matters between two arguments or more: with one argument or none it is noise. And with an empty
separator, empty string arguments add nothing to the output.

## Example
```python
print("")
print("done", sep=", ")
```

Use instead:
```python
print()
print("done")
```

## Fix safety
The fix writes the call anew: it is unsafe when a comment lies inside the call (it would be
lost), or when it removes a `sep` that is neither a string literal nor `None` (evaluating it
could have had an effect, or raised).
)";

// Ruff's idea of an empty string: a `str` literal (or implicit concatenation) with no value, or
// an f-string without any content.
bool is_empty_string(TSNode n, const Context& ctx) {
  n = unparenthesized(n);
  if (!is(n, "string") && !is(n, "concatenated_string")) return false;
  if (bugbear::is_f_string(n, ctx)) {
    // Each part must be an f-string or a string with nothing between its quotes.
    const auto empty_part = [&](TSNode part) {
      for (TSNode c : children(part)) {
        if (is(c, "string_content") || is(c, "interpolation") || is(c, "escape_sequence")) return false;
      }
      return true;
    };
    if (is(n, "string")) return empty_part(n);
    for (TSNode part : children(n)) {
      if (is(part, "string") && !empty_part(part)) return false;
    }
    return true;
  }
  std::string value;
  return bugbear::str_literal_value(n, ctx, value) && value.empty();
}

enum class Reason { EmptyArgument, UselessSeparator, Both };

class PrintEmptyString final : public Rule {
 public:
  void enter(TSNode node, Context& ctx) override {
    if (callee_name(node, ctx) == "print") candidates_.push_back(node);
  }

  void finish(Context& ctx) override {
    const SemanticModel* m = ctx.semantic();
    if (!m) return;
    const up::Resolver resolve(*m, ctx);
    for (TSNode call : candidates_) {
      if (!resolve.match_builtin(field(call, "function"), "print")) continue;
      check(call, ctx);
    }
  }

 private:
  void check(TSNode call, Context& ctx) {
    const CallArguments& a = call_arguments(call, ctx);
    const std::vector<TSNode> args = a.args;
    TSNode sep{};
    for (const TSNode k : a.keywords) {
      if (!ts_node_is_null(keyword_name(k)) && ctx.text(keyword_name(k)) == "sep") sep = k;
    }
    const bool has_sep = !ts_node_is_null(sep);
    Reason reason;
    bool remove_sep = true;
    if (args.size() == 1 && is_empty_string(args[0], ctx)) {
      reason = has_sep ? Reason::Both : Reason::EmptyArgument;
    } else if (args.size() == 1 && is(args[0], "list_splat")) {
      return;
    } else if (args.size() <= 1) {
      if (!has_sep) return;
      reason = Reason::UselessSeparator;
    } else {
      for (const TSNode k : a.keywords) {
        if (ts_node_is_null(keyword_name(k))) return;  // `**kwargs` could hold anything
      }
      if (!has_sep || !is_empty_string(field(sep, "value"), ctx)) return;
      size_t empty = 0;
      bool starred = false;
      for (TSNode arg : args) {
        empty += is_empty_string(arg, ctx);
        starred |= is(arg, "list_splat");
      }
      if (empty == 0) return;
      remove_sep = !(args.size() - empty > 1 || starred);
      reason = remove_sep ? Reason::Both : Reason::EmptyArgument;
    }
    static constexpr std::string_view kMessages[] = {"Unnecessary empty string passed to `print`",
                                                      "Unnecessary separator passed to `print`",
                                                      "Unnecessary empty string and separator passed to `print`"};
    static constexpr std::string_view kTitles[] = {"Remove empty string", "Remove separator",
                                                   "Remove empty string and separator"};
    Diagnostic& d = report(ctx, call, std::string(kMessages[static_cast<int>(reason)]));
    d.fix_title = std::string(kTitles[static_cast<int>(reason)]);

    // Every empty positional argument goes, and the separator unless it still matters.
    std::vector<TSNode> dropped;
    for (TSNode arg : args) {
      if (is_empty_string(arg, ctx)) dropped.push_back(arg);
    }
    bool safe = !up::has_comment(call, start_of(call), end_of(call));
    if (remove_sep && has_sep) {
      dropped.push_back(sep);
      const TSNode value = unparenthesized(field(sep, "value"));
      if (!bugbear::is_str_literal(value, ctx) && !is(value, "none")) safe = false;
    }
    const std::optional<std::string> text = codegen::call_without_arguments(call, dropped, ctx);
    if (!text) return;
    d.fix = Fix::with(safe ? Applicability::Safe : Applicability::Unsafe,
                      {Edit::replace(start_of(call), end_of(call), *text)});
  }

  std::vector<TSNode> candidates_;
};

}  // namespace

extern const RuleSpec print_empty_string{
    .code = "FURB105",
    .name = "print-empty-string",
    .linter = "refurb",
    .kinds = {"call"},
    .doc = kDoc,
    .create = make_rule<PrintEmptyString>(),
    .needs_semantic = true,
    .fix = FixAvailability::Always,
};

}  // namespace lint::rules
