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
Checks for keyword arguments of a `str.format` call on a string literal that no field of the
format string refers to. Calls that unpack a mapping (`**kwargs`) are not checked.

## Why is this bad?
An unused argument does nothing: it is dead code at best, and often a typo in a field name or
a field that was forgotten.

## Example
```python
"Hello, {name}".format(greeting="Hello", name="World")
```

Use instead:
```python
"Hello, {name}".format(name="World")
```

## Fix safety
The fix removes the unused keyword arguments. It is unsafe when a removed value may have an
effect (a call, for example), since it no longer runs.
)";

class StringDotFormatExtraNamedArguments final : public Rule {
 public:
  void enter(TSNode node, Context& ctx) override {
    if (!call_.load(node, ctx) || call_.error != pyfmt::FormatError::kNone) return;
    if (call_.args.double_starred) return;
    std::vector<std::string> unused;
    for (std::string_view name : call_.args.keywords) {
      if (!call_.summary.has_keyword(name)) unused.emplace_back(name);
    }
    if (unused.empty()) return;
    std::string names;
    for (size_t i = 0; i < unused.size(); ++i) {
      if (i) names += ", ";
      names += unused[i];
    }
    Diagnostic& d = report(ctx, node, "`.format` call has unused named argument(s): " + names);
    d.fix_title = "Remove extra named arguments: " + names;
    d.fix = remove_unused_keywords(node, ctx);
  }

 private:
  // The call without its unused `name=value` arguments; unsafe when a value removed may have
  // an effect.
  std::optional<Fix> remove_unused_keywords(TSNode call, const Context& ctx) const {
    const TSNode arguments = field(call, "arguments");
    if (ts_node_is_null(arguments) || !is(arguments, "argument_list")) return std::nullopt;
    std::vector<size_t> positions;
    bool effect = false;
    size_t position = 0;
    for (TSNode arg : children(arguments)) {
      if (!ts_node_is_named(arg) || ts_node_is_extra(arg)) continue;
      const size_t index = position++;
      if (!is(arg, "keyword_argument")) continue;
      const TSNode name = field(arg, "name");
      if (ts_node_is_null(name) || call_.summary.has_keyword(ctx.text(name))) continue;
      positions.push_back(index);
      effect = effect || edits::contains_effect(ctx, field(arg, "value"), [&](std::string_view id) {
                 return edits::is_unshadowed_builtin(ctx, id);
               });
    }
    std::optional<Edit> edit = edits::remove_call_arguments(ctx, call, positions);
    if (!edit) return std::nullopt;
    return Fix::with(effect ? Applicability::Unsafe : Applicability::Safe, {std::move(*edit)});
  }

  pyfmt::FormatCall& call_ = pyfmt::FormatCall::shared();
};

}  // namespace

extern const RuleSpec string_dot_format_extra_named_arguments{
    .code = "F522",
    .name = "string-dot-format-extra-named-arguments",
    .linter = "pyflakes",
    .kinds = {"call"},
    .doc = kDoc,
    .create = make_rule<StringDotFormatExtraNamedArguments>(),
    .fix = FixAvailability::Sometimes,
};

}  // namespace lint::rules
