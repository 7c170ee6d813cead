#include "flake8_bugbear/helpers.h"
#include "pyflakes/repeated_keys.h"

namespace lint::rules {

namespace {

using namespace bugbear;

constexpr std::string_view kDoc = R"(## What it does
Checks for dictionary comprehensions whose key does not depend on the comprehension: a literal,
or an expression of names the comprehension does not bind.

## Why is this bad?
Every item then lands on the same key, overwriting the one before: the result holds one entry,
whatever the loop produced. Either the key is wrong or a comprehension is the wrong tool.

## Example
```python
names = {"name": user.name for user in users}
```

Use instead:
```python
names = {user.id: user.name for user in users}
```
)";

class StaticKeyDictComprehension final : public Rule {
 public:
  void enter(TSNode node, Context& ctx) override {
    const TSNode pair = field(node, "body");
    if (!is_a(pair, "pair")) return;
    const TSNode key = unparenthesized(field(pair, "key"));
    if (ts_node_is_null(key)) return;
    // The names the generators bind, first those of their targets: a key that reads one
    // (`{k: v for k, v in ...}`, most keys) is not static, and is settled without walking the
    // iterables and conditions, which may hold the next level of nested comprehensions (walking
    // them at every level was quadratic: 30,000 nested, found by fuzzing). More bound names only
    // make fewer keys static, so the rest are walked only for a key static so far.
    bound_.clear();
    const auto bind = [&](TSNode name, NameCtx c) {
      if (c == NameCtx::Store) bound_.push_back(ctx.text(name));
    };
    for_each_named_child(node, [&](TSNode clause) {
      if (is_a(clause, "for_in_clause")) for_each_name(field(clause, "left"), bind, NameCtx::Store);
    });
    if (!is_static(key, ctx)) return;
    bound_.clear();
    for_each_named_child(node, [&](TSNode clause) {
      if (is_a(clause, "for_in_clause") || is_a(clause, "if_clause")) for_each_name(clause, bind);
    });
    if (!is_static(key, ctx)) return;
    const std::string_view text = ctx.text(key);
    report(ctx, key,
           keys_detail::displayable(text) ? "Dictionary comprehension uses static key: `" + std::string(text) + "`"
                                          : std::string("Dictionary comprehension uses static key"));
  }

 private:
  bool is_bound(std::string_view name) const {
    for (const std::string_view b : bound_) {
      if (b == name) return true;
    }
    return false;
  }

  // Ruff's test: a literal, or names, attributes, subscripts and operators over what the
  // comprehension does not bind.
  bool is_static(TSNode n, const Context& ctx) const {
    n = unparenthesized(n);
    const std::string_view k = kind_of(n);
    if (k == "identifier") return !is_bound(ctx.text(n));
    if (k == "attribute") return is_static(field(n, "object"), ctx);
    if (k == "tuple" || k == "boolean_operator" || k == "binary_operator" || k == "unary_operator" || k == "not_operator") {
      bool all = true;
      for (auto it = children(n).begin(); it != children(n).end(); ++it) {
        const TSNode c = *it;
        if (!is_named_child(c)) continue;
        const char* name = it.field_name();
        if (name && std::string_view(name) == "operator") continue;
        if (!is_static(c, ctx)) all = false;
      }
      return all;
    }
    if (k == "subscript") {
      bool all = is_static(field(n, "value"), ctx);
      for (auto it = children(n).begin(); it != children(n).end(); ++it) {
        const char* name = it.field_name();
        if (name && std::string_view(name) == "subscript" && !is_static(*it, ctx)) all = false;
      }
      return all;
    }
    return is_literal_expr(n, ctx);
  }

  std::vector<std::string_view> bound_;
};

}  // namespace

extern const RuleSpec static_key_dict_comprehension{
    .code = "B035",
    .name = "static-key-dict-comprehension",
    .linter = "flake8-bugbear",
    .kinds = {"dictionary_comprehension"},
    .doc = kDoc,
    .create = make_rule<StaticKeyDictComprehension>(),
};

}  // namespace lint::rules
