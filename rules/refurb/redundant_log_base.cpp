#include <cstdlib>
#include <optional>
#include <string>
#include <vector>

#include "engine/rule.h"
#include "syntax/arguments.h"
#include "fix/edits.h"
#include "flake8_bugbear/helpers.h"
#include "pyupgrade/edits.h"
#include "fix/importer.h"
#include "pyupgrade/semantic.h"
#include "pyupgrade/mentions.h"
#include "refurb/expressions.h"

namespace lint::rules {

namespace {

constexpr std::string_view kDoc = R"(## What it does
Checks for `math.log(x, base)` with a base of 2, 10 or `math.e`.

## Why is this bad?
`math.log2(x)` and `math.log10(x)` are more precise than dividing natural logarithms, and
`math.log(x)` already uses base e: the second argument only adds noise (and rounding error).

## Example
```python
import math

bits = math.log(n, 2)
```

Use instead:
```python
import math

bits = math.log2(n)
```

## Fix safety
The fix is unsafe for bases 2 and 10, whose results may differ in the last digits, and when
the call holds a comment or a starred argument.
)";

// Whether a number literal is `value` (an int, or a float equal to it).
bool is_number(TSNode n, int value, const Context& ctx) {
  n = unparenthesized(n);
  if (is(n, "integer")) return refurb::int_value(n, ctx) == static_cast<uint64_t>(value);
  if (!is(n, "float")) return false;
  std::string digits;
  for (char c : ctx.text(n)) {
    if (c != '_') digits += c;
  }
  if (!digits.empty() && (digits.back() == 'j' || digits.back() == 'J')) return false;
  char* end = nullptr;
  const double v = std::strtod(digits.c_str(), &end);
  return *end == '\0' && v == static_cast<double>(value);
}

class RedundantLogBase final : public Rule {
 public:
  void enter(TSNode node, Context& ctx) override {
    if (mentioned_ < 0) mentioned_ = up::mentions_any(ctx.source(), {"log"});
    if (!mentioned_) return;
    // A name may be an alias (`from math import log as X`): names are resolved in finish().
    const TSNode function = callee(node, ctx);
    // finish() wants two positional arguments: fewer named children cannot be that.
    const TSNode arguments = field(node, "arguments");
    if (ts_node_is_null(arguments) || ts_node_named_child_count(arguments) < 2) return;
    if (is(function, "identifier") || callee_name(node, ctx) == "log") candidates_.push_back(node);
  }

  void finish(Context& ctx) override {
    const SemanticModel* m = ctx.semantic();
    if (!m) return;
    const up::Resolver resolve(*m, ctx);
    Importer importer(ctx, resolve.model());
    for (TSNode call : candidates_) {
      const CallArguments& args = call_arguments(call, ctx);
      if (!args.keywords.empty() || args.args.size() != 2) continue;
      if (resolve.qualified(field(call, "function")) != "math.log") continue;
      const TSNode arg = args.args[0], base = args.args[1];
      std::string_view function;
      if (is_number(base, 2, ctx)) function = "log2";
      else if (is_number(base, 10, ctx)) function = "log10";
      else if (resolve.qualified(base) == "math.e") function = "log";
      else continue;
      const std::string_view arg_text = ctx.text(unparenthesized(arg));
      const std::string suggestion = "math." + std::string(function) + "(" + std::string(arg_text) + ")";
      Diagnostic& d = report(ctx, call, "Prefer `" + suggestion + "` over `math.log` with a redundant base");
      d.fix_title = "Replace with `" + suggestion + "`";
      const uint32_t start = ts_node_start_byte(call), end = ts_node_end_byte(call);
      const std::optional<ImportedSymbol> symbol = importer.symbol_at({"math", function, false}, start);
      if (!symbol) continue;
      std::vector<Edit> edits{
          Edit::replace(start, end, symbol->name + "(" + std::string(ctx.original(edits::parenthesized(arg))) + ")")};
      if (symbol->edit) edits.push_back(std::move(*symbol->edit));
      const bool unsafe = function != "log" || is(unparenthesized(arg), "list_splat") || up::has_comment(call, start, end);
      d.fix = Fix::with(unsafe ? Applicability::Unsafe : Applicability::Safe, std::move(edits));
    }
  }

 private:
  std::vector<TSNode> candidates_;
  int mentioned_ = -1;  // whether the file writes a name the rule looks for (-1: not known yet)
};

}  // namespace

extern const RuleSpec redundant_log_base{
    .code = "FURB163",
    .name = "redundant-log-base",
    .linter = "refurb",
    .kinds = {"call"},
    .doc = kDoc,
    .create = make_rule<RedundantLogBase>(),
    .needs_semantic = true,
    .fix = FixAvailability::Sometimes,
};

}  // namespace lint::rules
