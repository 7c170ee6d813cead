#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "engine/rule.h"
#include "pyflakes/format_string.h"
#include "pyupgrade/cformat.h"
#include "pyupgrade/edits.h"
#include "pyupgrade/format.h"
#include "pyupgrade/semantic.h"

namespace lint::rules {

namespace {

constexpr std::string_view kDoc = R"(## What it does
Checks for `str.format` calls on string literals that an f-string can replace.

## Why is this bad?
f-strings put each value where it is printed, which reads better than matching fields to
arguments, and they are faster.

Calls are left alone when the conversion would change what runs: an argument with a side effect
used twice in one string (each part of an implicit concatenation is converted on its own),
arguments spanning lines or holding quotes, `*args` and `**kwargs`, strings that mix automatic
(`{}`) and manual (`{0}`) field numbering, which fail when run, and strings passed to Django's
`gettext`, which cannot translate f-strings.

## Example
```python
"{} {}".format(first, second)
```

Use instead:
```python
f"{first} {second}"
```
)";

// Whether an expression may have a side effect (Ruff's contains_effect with no builtin deemed
// pure): a call, subscript, comprehension, `await`, `yield`, walrus or a non-literal operator.
bool has_effect(TSNode n);

bool is_safe_binop_operand(TSNode n) {
  n = unparenthesized(n);
  const std::string_view k = kind(n);
  return k == "string" || k == "concatenated_string" || k == "integer" || k == "float" || k == "true" ||
         k == "false" || k == "none" || k == "ellipsis" || k == "list" || k == "tuple" || k == "set" ||
         k == "dictionary" || k == "list_comprehension" || k == "set_comprehension" || k == "dictionary_comprehension";
}

bool has_effect(TSNode n) {
  std::vector<TSNode> stack{n};
  while (!stack.empty()) {
    const TSNode e = stack.back();
    stack.pop_back();
    const std::string_view k = kind(e);
    if (k == "call" || k == "subscript" || k == "list_comprehension" || k == "set_comprehension" ||
        k == "dictionary_comprehension" || k == "generator_expression" || k == "await" || k == "yield" ||
        k == "named_expression") {
      return true;
    }
    if (k == "binary_operator" && !(is_safe_binop_operand(field(e, "left")) && is_safe_binop_operand(field(e, "right")))) {
      return true;
    }
    for (TSNode c : children(e)) {
      if (is_named_child(c)) stack.push_back(c);
    }
  }
  return false;
}

// Ruff's parenthesize(): whether an argument needs parentheses inside the f-string's braces,
// `accessed` when an attribute or index follows it.
bool needs_parentheses(TSNode arg, std::string_view text, bool accessed) {
  const std::string_view k = kind(arg);
  auto special = [](TSNode n) {
    const std::string_view kk = kind(unparenthesized(n));
    return kk == "generator_expression" || kk == "dictionary" || kk == "set" || kk == "set_comprehension" ||
           kk == "dictionary_comprehension";
  };
  if (accessed) {
    if (k == "binary_operator" || k == "unary_operator" || k == "not_operator" || k == "boolean_operator" ||
        k == "comparison_operator" || k == "conditional_expression" || k == "lambda" || k == "await" ||
        k == "yield" || k == "list_splat") {
      return true;
    }
    if (k == "integer" && !text.ends_with('j') && !text.ends_with('J')) {
      bool digits = true;
      for (char c : text) digits &= c == '_' || (c >= '0' && c <= '9');
      if (digits) return true;
    }
  }
  if (k == "generator_expression" || k == "dictionary" || k == "named_expression" || k == "set" ||
      k == "set_comprehension" || k == "dictionary_comprehension") {
    return true;
  }
  if (k == "subscript" || k == "attribute") return special(field(arg, k == "subscript" ? "value" : "object"));
  if (k == "call") return special(field(arg, "function"));
  return false;
}

struct Argument {
  TSNode node;            // the expression, without its parentheses
  std::string_view text;  // its source, as Ruff's range gives it
};

class FString final : public Rule {
 public:
  void enter(TSNode node, Context& ctx) override {
    if (!call_.load(node, ctx) || call_.error != pyfmt::FormatError::kNone || call_.summary.has_nested_parts) return;
    // `"{}{1}".format(a, b)` mixes automatic and manual numbering (a ValueError when run, F525):
    // Ruff 0.17.3 leaves it alone, across the parts of a concatenation too.
    if (call_.summary.autos > 0 && !call_.summary.indices.empty()) return;
    check(node, ctx);
  }

  void finish(Context& ctx) override {
    // Django's gettext cannot translate an f-string: calls inside one are left alone.
    const SemanticModel* m = ctx.semantic();
    if (!m) return;
    const up::Resolver resolve(*m, ctx);
    for (Pending& p : pending_) {
      bool gettext = false;
      for (TSNode a = ts_node_parent(p.call); !ts_node_is_null(a) && !gettext; a = ts_node_parent(a)) {
        if (!is(a, "call")) continue;
        const std::string q = resolve.qualified(field(a, "function"));
        gettext = q == "django.utils.translation.gettext" || q == "django.utils.translation.gettext_lazy";
      }
      if (gettext) continue;
      Diagnostic& d = report(ctx, p.call, "Use f-string instead of `format` call");
      d.fix_title = "Convert to f-string";
      if (p.replacement) d.fix = Fix::safe(Edit::replace(start_of(p.call), end_of(p.call), std::move(*p.replacement)));
    }
  }

 private:
  enum class Conversion : uint8_t { Empty, Literal, Converted, SideEffects, Failed };

  void check(TSNode call, Context& ctx) {
    // The arguments: only plain ones on one line without quotes.
    const TSNode list = field(call, "arguments");
    args_.clear();
    kwargs_.clear();
    for (TSNode c : arguments_of(list).all) {
      const std::string_view k = kind(c);
      if (k == "list_splat" || k == "dictionary_splat") return;
      TSNode value = c;
      std::string_view name;
      if (k == "keyword_argument") {
        name = ctx.text(field(c, "name"));
        value = field(c, "value");
      }
      value = unparenthesized(value);
      std::string_view text = ctx.original(value);
      // `f(x for x in y)`: the generator's range leaves out the call's parentheses.
      if (ts_node_eq(c, list)) text = text.substr(1, text.size() - 2);
      if (text.find_first_of("'\"") != std::string_view::npos || text.find_first_of("\r\n") != std::string_view::npos) return;
      if (k == "keyword_argument") {
        kwargs_.emplace_back(name, Argument{value, text});
      } else {
        args_.push_back({value, text});
      }
    }
    if (args_.empty() && kwargs_.empty()) return;
    auto_index_ = 0;
    const TSNode function = field(call, "function");
    const TSNode object = field(function, "object");
    const uint32_t dot = dot_of(function);
    std::vector<std::pair<TSNode, std::string>> patches;
    std::vector<Conversion> kinds;
    for (TSNode part : up::string_parts(unparenthesized(object))) {
      std::string converted;
      const Conversion c = convert(part, ctx, converted);
      if (c == Conversion::SideEffects || c == Conversion::Failed) return;
      kinds.push_back(c);
      patches.emplace_back(part, std::move(converted));
    }
    if (patches.empty()) return;
    std::string contents;
    uint32_t prev_end = start_of(call);
    for (size_t i = 0; i < patches.size(); ++i) {
      const TSNode part = patches[i].first;
      std::string piece;
      if (kinds[i] == Conversion::Empty) {
        if (!contents.empty()) prev_end = end_of(part);
        continue;
      }
      if (kinds[i] == Conversion::Literal) {
        piece = up::curly_unescape(ctx.original(part));
      } else {
        piece = std::move(patches[i].second);
      }
      contents += ctx.original(prev_end, start_of(part));
      contents += piece;
      prev_end = end_of(part);
    }
    contents += ctx.original(prev_end, dot);
    const uint32_t start = start_of(call);
    if (start > 0 && up::is_ascii_alpha(ctx.source()[start - 1])) contents.insert(0, " ");
    Pending p{call, std::nullopt};
    if (!up::has_comment(list, start_of(list), end_of(list))) {
      p.replacement = contents.empty() ? std::string(ctx.original(unparenthesized(object))) : std::move(contents);
    }
    pending_.push_back(std::move(p));
  }

  // Where the `.` of `"...".format` is.
  static uint32_t dot_of(TSNode attribute) {
    for (TSNode c : children(attribute)) {
      if (is(c, ".")) return start_of(c);
    }
    return end_of(field(attribute, "object"));
  }

  Conversion convert(TSNode part, const Context& ctx, std::string& out) {
    std::string_view contents = ctx.text(part);
    if (!contents.empty() && (contents[0] == 'u' || contents[0] == 'U')) contents.remove_prefix(1);
    const bool raw = !contents.empty() && (contents[0] == 'r' || contents[0] == 'R');
    if (raw) contents.remove_prefix(1);
    const std::string_view quote = up::string_quote(contents);
    if (quote.empty() || contents.size() < 2 * quote.size()) return Conversion::Failed;
    const std::string_view body = contents.substr(quote.size(), contents.size() - 2 * quote.size());
    if (body.empty()) return Conversion::Empty;
    if (!up::parse_format_string(body, raw, parts_)) return Conversion::Failed;
    // An argument repeated within one part must be free of effects; across the parts of a
    // concatenation it may repeat (as Ruff, which checks each part on its own).
    seen_.clear();
    bool all_literal = true;
    for (const up::FormatPart& p : parts_) all_literal &= p.literal;
    if (all_literal) return Conversion::Literal;
    std::string converted;
    for (const up::FormatPart& p : parts_) {
      if (p.literal) {
        converted += up::curly_escape(p.text);
        continue;
      }
      up::FieldName field_name;
      if (!up::parse_field_name(p.field_name, field_name)) return Conversion::Failed;
      const Argument* arg = nullptr;
      std::string key;
      if (field_name.kind == up::FieldName::Keyword) {
        for (const auto& [name, a] : kwargs_) {
          if (name == field_name.keyword) arg = &a;
        }
        key = "k" + field_name.keyword;
      } else {
        const uint64_t index = field_name.kind == up::FieldName::Auto ? auto_index_++ : field_name.index;
        if (index < args_.size()) arg = &args_[index];
        key = "i" + std::to_string(index);
      }
      if (!arg) return Conversion::Failed;
      bool repeated = false;
      for (const std::string& s : seen_) repeated |= s == key;
      if (!repeated) seen_.push_back(key);
      if (repeated && has_effect(arg->node)) return Conversion::SideEffects;
      converted += '{';
      const bool paren = needs_parentheses(arg->node, arg->text, !field_name.parts.empty());
      if (paren && !(arg->text.starts_with('(') && arg->text.ends_with(')'))) {
        converted += "(" + std::string(arg->text) + ")";
      } else {
        converted += arg->text;
      }
      for (const up::FieldNamePart& fp : field_name.parts) {
        switch (fp.kind) {
          case up::FieldNamePart::Attribute:
            converted += "." + fp.text;
            break;
          case up::FieldNamePart::Index:
            converted += "[" + std::to_string(fp.index) + "]";
            break;
          case up::FieldNamePart::StringIndex: {
            const char q = quote == "\"" ? '\'' : '"';
            converted += "[";
            converted += q;
            converted += fp.text;
            converted += q;
            converted += "]";
            break;
          }
        }
      }
      if (p.has_conversion) converted += "!" + p.conversion;
      if (!p.format_spec.empty()) converted += ":" + p.format_spec;
      converted += '}';
    }
    out = raw ? "rf" : "f";
    out += quote;
    out += converted;
    out += quote;
    return Conversion::Converted;
  }

  struct Pending {
    TSNode call;
    std::optional<std::string> replacement;
  };

  pyfmt::FormatCall& call_ = pyfmt::FormatCall::shared();
  std::vector<Argument> args_;
  std::vector<std::pair<std::string_view, Argument>> kwargs_;
  std::vector<std::string> seen_;
  uint64_t auto_index_ = 0;
  std::vector<up::FormatPart> parts_;
  std::vector<Pending> pending_;
};

}  // namespace

extern const RuleSpec f_string{
    .code = "UP032",
    .name = "f-string",
    .linter = "pyupgrade",
    .kinds = {"call"},
    .doc = kDoc,
    .create = make_rule<FString>(),
    .needs_semantic = true,
    .fix = FixAvailability::Sometimes,
};

}  // namespace lint::rules
