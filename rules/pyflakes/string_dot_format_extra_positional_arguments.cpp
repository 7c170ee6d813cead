#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "fix/edits.h"
#include "pyflakes/format_string.h"
#include "engine/rule.h"

namespace lint::rules {

namespace {

constexpr std::string_view kDoc = R"(## What it does
Checks for positional arguments of a `str.format` call on a string literal that no field of the
format string uses, neither as an automatic field (`{}`) nor by index (`{1}`). Unpacked
arguments (`*args`) are not reported.

## Why is this bad?
An unused argument does nothing: it is dead code at best, and often the sign of a field that
was forgotten or numbered wrongly.

## Example
```python
"Hello, {0}".format("world", "!")
```

Use instead:
```python
"Hello, {0}".format("world")
```

## Fix safety
The fix removes unused arguments only when they are the last ones: removing others would
renumber the replacement fields. A call left without arguments on a string with no braces
becomes the string itself. It is unsafe when a removed value may have an effect.
)";

class StringDotFormatExtraPositionalArguments final : public Rule {
 public:
  void enter(TSNode node, Context& ctx) override {
    if (!call_.load(node, ctx) || call_.error != pyfmt::FormatError::kNone) return;
    std::string positions;
    std::vector<size_t> unused;
    for (size_t i = 0; i < call_.args.positional; ++i) {
      if (call_.args.starred[i] || i < call_.summary.autos || call_.summary.has_index(i)) continue;
      if (!positions.empty()) positions += ", ";
      positions += std::to_string(i);
      unused.push_back(i);
    }
    if (unused.empty()) return;
    Diagnostic& d = report(ctx, node, "`.format` call has unused arguments at position(s): " + positions);
    d.fix_title = "Remove extra positional arguments at position(s): " + positions;
    // Removing arguments before a used one would renumber the fields: only the last ones go.
    bool trailing = true;
    for (size_t k = 0; k < unused.size(); ++k) {
      trailing = trailing && unused[unused.size() - 1 - k] == call_.args.positional - 1 - k;
    }
    if (trailing) d.fix = remove_unused_positions(node, ctx, unused);
  }

 private:
  // The call without the unused arguments (Ruff counts their positions among all arguments in
  // source order); the bare string when every argument goes and the string has no braces to
  // unescape. Unsafe when a value removed may have an effect.
  std::optional<Fix> remove_unused_positions(TSNode call, const Context& ctx, const std::vector<size_t>& unused) const {
    const TSNode arguments = field(call, "arguments");
    if (ts_node_is_null(arguments)) return std::nullopt;
    std::vector<TSNode> args;
    if (is(arguments, "argument_list")) {
      for (TSNode arg : children(arguments)) {
        if (ts_node_is_named(arg) && !ts_node_is_extra(arg)) args.push_back(arg);
      }
    } else {
      args.push_back(arguments);  // f(x for x in y)
    }
    bool effect = false;
    for (size_t i : unused) {
      if (i < args.size()) {
        effect = effect || edits::contains_effect(ctx, args[i], [&](std::string_view id) {
                   return edits::is_unshadowed_builtin(ctx, id);
                 });
      }
    }
    const Applicability applicability = effect ? Applicability::Unsafe : Applicability::Safe;
    if (unused.size() == args.size() &&
        call_.text.find_first_of(U"{}") == std::u32string::npos) {
      const TSNode string = unparenthesized(field(unparenthesized(field(call, "function")), "object"));
      return Fix::with(applicability, {Edit::replace(ts_node_start_byte(call), ts_node_end_byte(call),
                                                     std::string(ctx.original(string)))});
    }
    std::optional<Edit> edit = edits::remove_call_arguments(ctx, call, unused);
    if (!edit) return std::nullopt;
    return Fix::with(applicability, {std::move(*edit)});
  }

  pyfmt::FormatCall& call_ = pyfmt::FormatCall::shared();
};

}  // namespace

extern const RuleSpec string_dot_format_extra_positional_arguments{
    .code = "F523",
    .name = "string-dot-format-extra-positional-arguments",
    .linter = "pyflakes",
    .kinds = {"call"},
    .doc = kDoc,
    .create = make_rule<StringDotFormatExtraPositionalArguments>(),
    .fix = FixAvailability::Sometimes,
};

}  // namespace lint::rules
