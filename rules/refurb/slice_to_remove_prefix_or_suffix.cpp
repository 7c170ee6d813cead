#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "engine/rule.h"
#include "syntax/arguments.h"
#include "flake8_bugbear/helpers.h"
#include "flake8_comprehensions/comparable.h"
#include "pyupgrade/edits.h"
#include "pyupgrade/semantic.h"
#include "refurb/expressions.h"

namespace lint::rules {

namespace {

constexpr std::string_view kDoc = R"(## What it does
Checks for a string sliced to drop a prefix (or suffix) when it starts (or ends) with it, as in
`s[len(p):] if s.startswith(p) else s`, or the same written as an `if` statement.

## Why is this bad?
`str.removeprefix()` and `str.removesuffix()` (Python 3.9 and later) do exactly that, in one
call that states its purpose and cannot get the slice bound wrong.

## Example
```python
name = name[4:] if name.startswith("tmp_") else name
if path.endswith(".py"):
    path = path[:-3]
```

Use instead:
```python
name = name.removeprefix("tmp_")
path = path.removesuffix(".py")
```

## Fix safety
The fix is unsafe when the expression or statement holds a comment: it would be lost.
)";

size_t code_points(std::string_view utf8) {
  size_t n = 0;
  for (char c : utf8) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return n;
}

class SliceToRemovePrefixOrSuffix final : public Rule {
 public:
  void enter(TSNode node, Context& ctx) override {
    if (ctx.target_minor() < 9) return;
    candidates_.push_back(node);
  }

  void finish(Context& ctx) override {
    const SemanticModel* m = ctx.semantic();
    if (!m) return;
    const up::Resolver resolve(*m, ctx);
    for (TSNode node : candidates_) {
      if (is(node, "if_statement")) {
        statement(node, resolve, ctx);
      } else {
        expression(node, resolve, ctx);
      }
    }
  }

 private:
  struct Removal {
    TSNode text{}, affix{};
    bool prefix = true;
  };

  // `x if test else orelse` with `x` a subscript.
  void expression(TSNode node, const up::Resolver& resolve, Context& ctx) {
    std::vector<TSNode> parts;
    for (TSNode c : children(node)) {
      if (ts_node_is_named(c) && !ts_node_is_extra(c)) parts.push_back(c);
    }
    if (parts.size() != 3) return;
    const TSNode body = unparenthesized(parts[0]);
    if (!is(body, "subscript")) return;
    const std::optional<Removal> r = removal(body, parts[1], parts[2], resolve, ctx);
    if (!r) return;
    const std::string replacement = std::string(ctx.original(r->text)) + "." +
                                    (r->prefix ? "removeprefix(" : "removesuffix(") +
                                    std::string(ctx.original(r->affix)) + ")";
    emit(node, start_of(node), end_of(node), *r, "ternary expression", replacement, ctx);
  }

  // `if text.startswith(p):` with one statement, `text = text[...]`, and no else.
  void statement(TSNode node, const up::Resolver& resolve, Context& ctx) {
    if (!ts_node_is_null(field(node, "alternative"))) return;
    const TSNode block = field(node, "consequence");
    TSNode only{};
    int count = 0;
    for (TSNode c : children(block)) {
      if (!ts_node_is_named(c) || ts_node_is_extra(c)) continue;
      only = c;
      ++count;
    }
    if (count != 1 || !is(only, "expression_statement") || ts_node_named_child_count(only) != 1) return;
    const TSNode assign = ts_node_named_child(only, 0);
    if (!is(assign, "assignment") || !ts_node_is_null(field(assign, "type"))) return;
    const TSNode target = field(assign, "left");
    const TSNode value = unparenthesized(field(assign, "right"));
    if (ts_node_is_null(value) || !is(value, "subscript")) return;
    if (is(target, "pattern_list") || is(target, "tuple_pattern") || is(target, "list_pattern")) {
      // A tuple target cannot equal the sliced value anyway.
    }
    const std::optional<Removal> r = removal(value, field(node, "condition"), target, resolve, ctx);
    if (!r) return;
    const std::string text(ctx.original(r->text));
    const std::string replacement = text + " = " + text + "." + (r->prefix ? "removeprefix(" : "removesuffix(") +
                                    std::string(ctx.original(r->affix)) + ")";
    emit(node, start_of(node), end_of(only), *r, "assignment", replacement, ctx);
  }

  void emit(TSNode node, uint32_t start, uint32_t end, const Removal& r, std::string_view context,
            const std::string& replacement, Context& ctx) {
    Diagnostic& d = report(ctx, start, end,
                           r.prefix ? "Prefer `str.removeprefix()` over conditionally replacing with slice."
                                    : "Prefer `str.removesuffix()` over conditionally replacing with slice.");
    d.fix_title = std::string("Use ") + (r.prefix ? "removeprefix" : "removesuffix") + " instead of " +
                  std::string(context) + " conditional upon " + (r.prefix ? "startswith" : "endswith") + ".";
    const bool comment = up::has_comment(node, start, end);
    d.fix = Fix::with(comment ? Applicability::Unsafe : Applicability::Safe, {Edit::replace(start, end, replacement)});
  }

  std::optional<Removal> removal(TSNode subscript, TSNode test, TSNode other, const up::Resolver& resolve,
                                 const Context& ctx) {
    using flake8_comprehensions::comparable;
    const TSNode value = unparenthesized(field(subscript, "value"));
    const std::string text = comparable(value, ctx);
    if (text != comparable(other, ctx)) return std::nullopt;
    const std::optional<refurb::SliceParts> slice = refurb::slice_parts(subscript);
    if (!slice) return std::nullopt;
    if (!ts_node_is_null(slice->step)) {
      const TSNode step = unparenthesized(slice->step);
      const bool one = is(step, "integer") && refurb::int_value(step, ctx) == 1u;
      if (!one && !is(step, "none") && !is(step, "true")) return std::nullopt;
    }
    test = unparenthesized(test);
    if (!is(test, "call")) return std::nullopt;
    const TSNode function = unparenthesized(field(test, "function"));
    if (!is(function, "attribute")) return std::nullopt;
    const CallArguments& args = call_arguments(test, ctx);
    if (args.args.size() != 1) return std::nullopt;
    const TSNode affix = unparenthesized(args.args[0]);
    if (text != comparable(field(function, "object"), ctx)) return std::nullopt;
    const std::string_view method = ctx.text(field(function, "attribute"));
    Removal r{value, affix, true};
    TSNode bound{};
    if (method == "startswith" && ts_node_is_null(slice->upper)) {
      bound = slice->lower;
    } else if (method == "endswith" && ts_node_is_null(slice->lower)) {
      bound = slice->upper;
      r.prefix = false;
    } else {
      return std::nullopt;
    }
    if (ts_node_is_null(bound)) return std::nullopt;
    bound = unparenthesized(bound);
    if (!r.prefix) {
      // `-N` or `-len(affix)`.
      if (!is(bound, "unary_operator") || ctx.text(field(bound, "operator")) != "-") return std::nullopt;
      bound = unparenthesized(field(bound, "argument"));
    }
    if (is(bound, "integer")) {
      std::string s;
      if (!bugbear::str_literal_value(affix, ctx, s)) return std::nullopt;
      const std::optional<uint64_t> n = refurb::int_value(bound, ctx);
      if (!n || *n != code_points(s)) return std::nullopt;
      return r;
    }
    if (!is(bound, "call")) return std::nullopt;
    // `len(affix)`: one argument in all, the affix.
    const TSNode list = field(bound, "arguments");
    if (!is(list, "argument_list")) return std::nullopt;
    TSNode only{};
    int count = 0;
    for (TSNode c : children(list)) {
      if (!ts_node_is_named(c) || ts_node_is_extra(c)) continue;
      only = c;
      ++count;
    }
    if (count != 1 || is(only, "keyword_argument") || is(only, "dictionary_splat") || is(only, "list_splat")) {
      return std::nullopt;
    }
    if (comparable(only, ctx) != comparable(affix, ctx)) return std::nullopt;
    if (!resolve.match_builtin(field(bound, "function"), "len")) return std::nullopt;
    return r;
  }

  std::vector<TSNode> candidates_;
};

}  // namespace

extern const RuleSpec slice_to_remove_prefix_or_suffix{
    .code = "FURB188",
    .name = "slice-to-remove-prefix-or-suffix",
    .linter = "refurb",
    .kinds = {"conditional_expression", "if_statement"},
    .doc = kDoc,
    .create = make_rule<SliceToRemovePrefixOrSuffix>(),
    .needs_semantic = true,
    .fix = FixAvailability::Always,
};

}  // namespace lint::rules
