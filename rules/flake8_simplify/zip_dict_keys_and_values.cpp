#include <string>
#include <vector>

#include "fix/edits.h"
#include "flake8_simplify/helpers.h"

namespace lint::rules {

namespace {

constexpr std::string_view kDoc = R"(## What it does
Checks for `zip(d.keys(), d.values())` where `d` is known to be a dictionary.

## Why is this bad?
`d.items()` yields the same pairs directly, without two views and a `zip` over them.

## Example
```python
for key, value in zip(settings.keys(), settings.values()):
    ...
```

Use instead:
```python
for key, value in settings.items():
    ...
```

## Fix safety
The fix is safe unless comments inside the call would be lost.
)";

// `name.attr()` with no arguments: the name and the attribute, or nothing.
bool method_call(TSNode n, const Context& ctx, TSNode& name, std::string_view& attr) {
  n = unparenthesized(n);
  if (!is(n, "call")) return false;
  const TSNode arguments = field(n, "arguments");
  if (!is(arguments, "argument_list") || !simplify::named_operands(arguments).empty()) return false;
  const TSNode function = unparenthesized(field(n, "function"));
  if (!is(function, "attribute")) return false;
  name = unparenthesized(field(function, "object"));
  if (!is(name, "identifier")) return false;
  attr = ctx.text(field(function, "attribute"));
  return true;
}

bool short_enough(std::string_view s) {
  size_t width = 0;
  for (const char c : s) width += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return width <= 50 && s.find_first_of("\r\n") == std::string_view::npos;
}

class ZipDictKeysAndValues final : public Rule {
 public:
  void enter(TSNode node, Context& ctx) override {
    const TSNode arguments = field(node, "arguments");
    if (!is(arguments, "argument_list")) return;
    std::vector<TSNode> args;
    int keywords = 0;
    for (const TSNode a : simplify::named_operands(arguments)) {
      if (is(a, "keyword_argument")) {
        if (ctx.text(field(a, "name")) != "strict") return;
        ++keywords;
      } else if (is(a, "dictionary_splat")) {
        return;
      } else {
        args.push_back(a);
      }
    }
    if (keywords > 1 || args.size() != 2) return;
    TSNode first, second;
    std::string_view keys, values;
    if (!method_call(args[0], ctx, first, keys) || !method_call(args[1], ctx, second, values)) return;
    if (keys != "keys" || values != "values" || ctx.text(first) != ctx.text(second)) return;
    candidates_.push_back({node, first});
  }

  void finish(Context& ctx) override {
    const SemanticModel* m = ctx.semantic();
    if (!m) return;
    const up::Resolver resolver(*m, ctx);
    for (const Candidate& c : candidates_) {
      if (!resolver.match_builtin(field(c.call, "function"), "zip")) continue;
      const Binding* b = m->binding_at(ts_node_start_byte(c.name));
      if (!b || !simplify::binds_dict(*b, resolver, ctx)) continue;
      const uint32_t start = ts_node_start_byte(c.call), end = ts_node_end_byte(c.call);
      std::string expected = edits::pad(std::string(ctx.original(c.name)) + ".items()", start, end, ctx);
      const std::string_view actual = ctx.text(c.call);
      const bool shown = short_enough(expected) && short_enough(actual);
      Diagnostic& d = report(ctx, c.call,
                             shown ? "Use `" + expected + "` instead of `" + std::string(actual) + "`"
                                   : std::string("Use `dict.items()` instead of `zip(dict.keys(), dict.values())`"));
      d.fix_title = shown ? "Replace `" + std::string(actual) + "` with `" + expected + "`"
                          : std::string("Replace `zip(dict.keys(), dict.values())` with `dict.items()`");
      bool comment = false;
      for_each_node(c.call, [&](TSTreeCursor& cursor, bool entering) {
        if (entering && is(ts_tree_cursor_current_node(&cursor), "comment")) comment = true;
      });
      const Edit edit = Edit::replace(start, end, std::move(expected));
      d.fix = comment ? Fix::unsafe(edit) : Fix::safe(edit);
    }
  }

 private:
  struct Candidate {
    TSNode call, name;
  };
  std::vector<Candidate> candidates_;
};

}  // namespace

extern const RuleSpec zip_dict_keys_and_values{
    .code = "SIM911",
    .name = "zip-dict-keys-and-values",
    .linter = "flake8-simplify",
    .kinds = {"call"},
    .doc = kDoc,
    .create = make_rule<ZipDictKeysAndValues>(),
    .needs_semantic = true,
    .fix = FixAvailability::Always,
};

}  // namespace lint::rules
