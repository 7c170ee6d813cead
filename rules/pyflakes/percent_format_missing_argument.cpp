#include <algorithm>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "pyflakes/percent_format.h"
#include "engine/rule.h"

namespace lint::rules {

namespace {

constexpr std::string_view kDoc = R"(## What it does
Checks for named placeholders (`%(name)s`) of a `printf`-style format string whose key is
missing from the dictionary literal on the right-hand side.

The check needs every key to be known: it is skipped when a key is not a string literal or the
dictionary unpacks another mapping (`**other`), and when the format string has positional
placeholders.

## Why is this bad?
Formatting looks each key up in the mapping; a missing one raises `KeyError`.

## Example
```python
"%(greeting)s, %(name)s" % {"name": "World"}
```

Use instead:
```python
"%(greeting)s, %(name)s" % {"greeting": "Hello", "name": "World"}
```
)";

class PercentFormatMissingArgument final : public Rule {
 public:
  void enter(TSNode node, Context& ctx) override {
    if (!fmt_.load(node, ctx) || fmt_.error != pyfmt::CFormatError::kNone) return;
    if (fmt_.summary.num_positional > 0 || !is(fmt_.right, "dictionary")) return;
    if (pyfmt::dict_has_splat(fmt_.right)) return;
    std::unordered_set<std::string> provided;
    for (TSNode pair : children(fmt_.right)) {
      if (!is(pair, "pair")) continue;
      const TSNode key = unparenthesized(field(pair, "key"));
      if (ts_node_is_null(key) || !pyfmt::is_str_literal(key, ctx.source())) return;  // a dynamic key
      key_.clear();
      if (!pyfmt::decode_str_literal(key, ctx.source(), key_)) return;
      provided.insert(pyfmt::to_utf8(key_));
    }
    std::vector<std::string> missing;
    for (std::string& k : pyfmt::keywords_in_ruff_order(fmt_.summary)) {
      if (!provided.count(k)) missing.push_back(std::move(k));
    }
    if (missing.empty()) return;
    report(ctx, node, "`%`-format string is missing argument(s) for placeholder(s): " + pyfmt::join_names(missing));
  }

 private:
  pyfmt::PercentFormat& fmt_ = pyfmt::PercentFormat::shared();
  std::u32string key_;
};

}  // namespace

extern const RuleSpec percent_format_missing_argument{
    .code = "F505",
    .name = "percent-format-missing-argument",
    .linter = "pyflakes",
    .kinds = {"binary_operator"},
    .doc = kDoc,
    .create = make_rule<PercentFormatMissingArgument>(),
};

}  // namespace lint::rules
