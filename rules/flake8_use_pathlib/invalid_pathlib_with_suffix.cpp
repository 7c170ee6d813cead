#include <string>
#include <vector>

#include "engine/rule.h"
#include "syntax/arguments.h"
#include "flake8_bugbear/helpers.h"
#include "pyupgrade/semantic.h"
#include "refurb/binding_types.h"

namespace lint::rules {

namespace {

constexpr std::string_view kDoc = R"(## What it does
Checks for `Path.with_suffix()` given a suffix that does not start with a dot, or given just
`"."`.

## Why is this bad?
`with_suffix` raises `ValueError` for a non-empty suffix without its leading dot (`"py"`
rather than `".py"`), and, before Python 3.14, for the suffix `"."`.

## Example
```python
from pathlib import Path

Path("notes.txt").with_suffix("md")
```

Use instead:
```python
from pathlib import Path

Path("notes.txt").with_suffix(".md")
```

## Fix safety
The fix (a leading dot, for suffixes without one) is unsafe: it turns code that raised into
code that runs, which a test may rely on. No fix is offered for `"."`.
)";

class InvalidPathlibWithSuffix final : public Rule {
 public:
  void enter(TSNode node, Context& ctx) override {
    if (callee_name(node, ctx) != "with_suffix") return;
    if (!is(callee(node, ctx), "attribute")) return;
    candidates_.push_back(node);
  }

  void finish(Context& ctx) override {
    const SemanticModel* m = ctx.semantic();
    if (!m) return;
    const up::Resolver resolve(*m, ctx);
    for (TSNode call : candidates_) {
      if (!is_path(unparenthesized(field(unparenthesized(field(call, "function")), "object")), resolve, ctx)) continue;
      const CallArguments& args = call_arguments(call, ctx);
      if (args.args.size() + args.keywords.size() > 1) continue;
      TSNode suffix = args.argument("suffix", 0, ctx);
      if (ts_node_is_null(suffix)) continue;
      suffix = unparenthesized(suffix);
      if (!bugbear::is_str_literal(suffix, ctx)) continue;
      std::string value;
      if (!bugbear::str_literal_value(suffix, ctx, value) || value.empty()) continue;
      if (value[0] == '.' && value.size() > 1) continue;
      const bool single_dot = value == ".";
      if (single_dot && ctx.target_minor() >= 14) continue;
      Diagnostic& d = report(ctx, call, single_dot ? "Invalid suffix passed to `.with_suffix()`"
                                                   : "Dotless suffix passed to `.with_suffix()`");
      d.fix_title = single_dot ? "Remove \".\" or extend to valid suffix" : "Add a leading dot";
      if (single_dot) continue;
      // After the first part's prefix and opening quotes.
      const TSNode first = is(suffix, "concatenated_string") ? ts_node_named_child(suffix, 0) : suffix;
      const std::string_view text = ctx.text(first);
      const size_t prefix = text.find_first_of("'\"");
      const bool triple = text.size() >= prefix + 3 && text[prefix + 1] == text[prefix] && text[prefix + 2] == text[prefix];
      d.fix = Fix::unsafe(Edit::insertion(ts_node_start_byte(first) + static_cast<uint32_t>(prefix + (triple ? 3 : 1)), "."));
    }
  }

 private:
  // A name bound once to a pathlib path, or an expression that builds one.
  static bool is_path(TSNode object, const up::Resolver& resolve, const Context& ctx) {
    if (is(object, "identifier")) {
      const Reference* r = resolve.reference(object);
      if (!r || r->binding < 0) return false;
      const Binding& b = resolve.model().bindings[r->binding];
      if (b.shadows >= 0 && b.shadows_same_scope) return false;
      return refurb::binding_has_type(b, refurb::PyType::PathlibPath, resolve, ctx);
    }
    return refurb::initializer_has_type(object, refurb::PyType::PathlibPath, resolve, ctx);
  }

  std::vector<TSNode> candidates_;
};

}  // namespace

extern const RuleSpec invalid_pathlib_with_suffix{
    .code = "PTH210",
    .name = "invalid-pathlib-with-suffix",
    .linter = "flake8-use-pathlib",
    .kinds = {"call"},
    .doc = kDoc,
    .create = make_rule<InvalidPathlibWithSuffix>(),
    .needs_semantic = true,
    .fix = FixAvailability::Sometimes,
};

}  // namespace lint::rules
