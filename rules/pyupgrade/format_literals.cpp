#include <string>
#include <vector>

#include "engine/rule.h"
#include "pyflakes/format_string.h"
#include "pyupgrade/format.h"
#include "pyupgrade/syntax.h"

namespace lint::rules {

namespace {

constexpr std::string_view kDoc = R"(## What it does
Checks for `str.format` calls whose fields number their arguments in order (`"{0} {1}"`).

## Why is this bad?
Numbers that only repeat the arguments' order add nothing: `"{} {}"` means the same and is
easier to edit.

## Example
```python
"{0}, {1}".format("Hello", "World")
```

Use instead:
```python
"{}, {}".format("Hello", "World")
```

## Fix safety
The fix is unsafe: when the numbers are not in order, it reorders the arguments, which changes
the order in which they are evaluated.
)";

class FormatLiterals final : public Rule {
 public:
  void enter(TSNode node, Context& ctx) override {
    if (!call_.load(node, ctx) || call_.error != pyfmt::FormatError::kNone) return;
    const pyfmt::FormatSummary& s = call_.summary;
    if (s.has_nested_parts || !s.keywords.empty() || s.autos > 0 || s.indices.empty()) return;
    const size_t n = s.indices.size();
    for (uint64_t i = 0; i < n; ++i) {
      if (!s.has_index(i)) return;
    }
    bool sequential = true;
    for (size_t i = 0; i < n; ++i) sequential &= s.indices[i] == i;
    const Arguments args = up::call_arguments(node);
    if (!sequential) {
      if (!args.keywords.empty() || args.args.size() < n) return;
      for (size_t i = 0; i < n; ++i) {
        if (is(args.args[i], "list_splat")) return;
      }
    }
    Diagnostic& d = report(ctx, node, "Use implicit references for positional format fields");
    d.fix_title = "Remove explicit positional indices";
    std::string replacement = rewrite(node, args, sequential, ctx);
    if (replacement != ctx.original(node)) d.fix = Fix::unsafe(Edit::replace(start_of(node), end_of(node), std::move(replacement)));
  }

 private:
  // The call's text with the indices removed from each string part and, when they were out of
  // order, the arguments' values moved where their index says (each place keeps its commas and
  // spacing; arguments past the last index are dropped, as Ruff's LibCST rewrite drops them).
  std::string rewrite(TSNode call, const Arguments& args, bool sequential, const Context& ctx) const {
    struct Piece {
      uint32_t start, end;
      std::string text;
    };
    std::vector<Piece> pieces;
    const TSNode function = field(call, "function");
    for (TSNode part : up::string_parts(unparenthesized(field(unparenthesized(function), "object")))) {
      pieces.push_back({start_of(part), end_of(part), up::remove_explicit_indices(ctx.original(part))});
    }
    if (!sequential) {
      const std::vector<uint64_t>& order = call_.summary.indices;
      const size_t n = order.size();
      for (size_t i = 0; i < n; ++i) {
        const TSNode value = args.args[order[i]];
        pieces.push_back({start_of(args.args[i]), end_of(args.args[i]), std::string(ctx.original(value))});
      }
      if (n < args.args.size()) {
        // From after the last kept argument's separator up to the closing parenthesis.
        uint32_t from = end_of(args.args[n - 1]);
        const std::string_view src = ctx.source();
        while (from < src.size() && src[from] != ',') ++from;
        ++from;
        while (from < src.size() && (src[from] == ' ' || src[from] == '\t')) ++from;
        uint32_t close = end_of(args.list) - 1;
        pieces.push_back({from, close, ""});
      }
    }
    std::string out;
    uint32_t at = start_of(call);
    for (const Piece& p : pieces) {
      out += ctx.original(at, p.start);
      out += p.text;
      at = p.end;
    }
    out += ctx.original(at, end_of(call));
    return out;
  }

  pyfmt::FormatCall& call_ = pyfmt::FormatCall::shared();
};

}  // namespace

extern const RuleSpec format_literals{
    .code = "UP030",
    .name = "format-literals",
    .linter = "pyupgrade",
    .kinds = {"call"},
    .doc = kDoc,
    .create = make_rule<FormatLiterals>(),
    .fix = FixAvailability::Sometimes,
};

}  // namespace lint::rules
