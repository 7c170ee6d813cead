#include <optional>
#include <string>
#include <vector>

#include "engine/rule.h"
#include "pyflakes/python_string.h"
#include "pyupgrade/cformat.h"
#include "pyupgrade/edits.h"
#include "fix/stylist.h"
#include "syntax/identifier.h"

namespace lint::rules {

namespace {

constexpr std::string_view kDoc = R"(## What it does
Checks for `printf`-style string formatting (`"%s" % value`).

## Why is this bad?
`printf`-style formatting has pitfalls that `str.format` and f-strings avoid: a tuple or a dict
given as the one value is taken for the argument list, and it knows fewer types and conversions.

## Example
```python
"%s, %s" % ("Hello", "World")
```

Use instead:
```python
"{}, {}".format("Hello", "World")
```

## Fix safety
The fix is unsafe: when the right-hand side is a name, its type is unknown (a tuple there holds
several values for `%`, but only one for `.format`), and `.format` may convert values
differently.
)";

// The `.format` replacement field for a conversion specifier.
std::string replacement_field(const up::CSpec& spec) {
  std::string out = "{";
  if (spec.has_key) out += spec.key;
  const char32_t c = spec.conversion;
  const bool str_like = c == 's' || c == 'r' || c == 'a';
  if (spec.flags || spec.width.kind != up::CQuantity::None || spec.has_precision || !str_like) {
    out += ':';
    if (spec.flags & up::kLeftAdjust) out += '<';
    if (spec.flags & up::kSignChar) out += '+';
    if (spec.flags & up::kAlternateForm) out += '#';
    if ((spec.flags & up::kBlankSign) && !(spec.flags & up::kSignChar)) out += ' ';
    if ((spec.flags & up::kZeroPad) && !(spec.flags & up::kLeftAdjust)) out += '0';
    if (spec.width.kind == up::CQuantity::Amount) out += std::to_string(spec.width.amount);
    if (spec.has_precision) {
      if (spec.precision.kind == up::CQuantity::Amount) {
        const bool integer = c == 'b' || c == 'c' || c == 'd' || c == 'o' || c == 'x' || c == 'X' || c == 'n';
        out += integer ? "0" : ".";
        out += std::to_string(spec.precision.amount);
      } else {
        out += ".0";
      }
    }
  }
  if (!str_like) pyfmt::append_utf8(out, c);
  if (c == 'r' || c == 'a') {
    out += '!';
    out += static_cast<char>(c);
  }
  out += '}';
  return out;
}

enum class RightKind : uint8_t { Literal, Name, Tuple, Dict, Other };

RightKind right_kind(TSNode right, const Context& ctx) {
  const std::string_view k = kind(right);
  if (k == "string" || k == "concatenated_string") {
    for (TSNode p : up::string_parts(right)) {
      if (up::string_kind(ctx.text(p)) == up::StringKind::TString) return RightKind::Other;
    }
    return RightKind::Literal;
  }
  if (k == "integer" || k == "float" || k == "true" || k == "false" || k == "none" || k == "ellipsis") return RightKind::Literal;
  if (k == "identifier" || k == "attribute" || k == "subscript" || k == "call") return RightKind::Name;
  if (k == "tuple") return RightKind::Tuple;
  if (k == "dictionary") return RightKind::Dict;
  return RightKind::Other;
}

bool convertible(const std::vector<up::CPart>& parts, RightKind right) {
  for (const up::CPart& part : parts) {
    if (part.literal) continue;
    const up::CSpec& s = part.spec;
    if (s.width.kind == up::CQuantity::Star || s.precision.kind == up::CQuantity::Star) return false;
    const char32_t c = s.conversion;
    if (c == 'd' || c == 'i' || c == 'u' || c == 'c') return false;
    if (s.has_key && s.key.empty()) return false;
    const bool nontrivial = s.flags || s.width.kind != up::CQuantity::None || s.has_precision;
    if (nontrivial && (c == 'a' || c == 'r')) return false;
    if (s.width.kind != up::CQuantity::None && c == 's') return false;
    if (right == RightKind::Dict && !s.has_key) return false;
  }
  return true;
}

// A dict of string keys made keyword arguments: `{"a": 1}` -> `(a=1)`, over several lines when
// the dict spans several.
std::optional<std::string> dict_arguments(TSNode dict, const Context& ctx, Stylist& stylist) {
  const std::string_view text = ctx.text(dict);
  const bool multi_line = text.find_first_of("\r\n") != std::string_view::npos;
  std::vector<std::string> arguments;
  std::vector<std::u32string> seen;
  std::optional<std::string_view> indent;
  for (TSNode item : named_children(dict)) {
    if (is(item, "dictionary_splat")) {
      arguments.push_back("**" + std::string(ctx.original(first_named_child(item))));
      continue;
    }
    if (!is(item, "pair")) return std::nullopt;
    const TSNode key = unparenthesized(field(item, "key"));
    if (up::literal_of(key, ctx) != up::Literal::Str) return std::nullopt;
    std::u32string value;
    if (!pyfmt::decode_str_literal(key, ctx.source(), value) || !is_python_identifier(pyfmt::to_utf8(value))) return std::nullopt;
    for (const std::u32string& s : seen) {
      if (s == value) return std::nullopt;
    }
    seen.push_back(value);
    if (multi_line && !indent) {
      const std::string_view src = ctx.original();
      const uint32_t start = start_of(key);
      const uint32_t line = up::line_start(src, start);
      bool blank = true;
      for (uint32_t i = line; i < start; ++i) blank &= up::is_python_whitespace(src[i]);
      if (blank) indent = src.substr(line, start - line);
    }
    arguments.push_back(pyfmt::to_utf8(value) + "=" + std::string(ctx.original(unparenthesized(field(item, "value")))));
  }
  if (arguments.empty()) return std::nullopt;
  std::string out = "(";
  if (multi_line) {
    if (!indent) return std::nullopt;
    for (const std::string& a : arguments) {
      out += ctx.line_ending();
      out += *indent;
      out += a;
      out += ',';
    }
    out += ctx.line_ending();
    const std::string& unit = stylist.indentation();
    out += indent->starts_with(unit) ? indent->substr(unit.size()) : *indent;
  } else {
    for (size_t i = 0; i < arguments.size(); ++i) out += (i ? ", " : "") + arguments[i];
  }
  out += ')';
  return out;
}

class PrintfStringFormatting final : public Rule {
 public:
  void enter(TSNode node, Context& ctx) override {
    // Binary operators are frequent: the left operand first (the first child).
    const TSNode first = ts_node_child(node, 0);
    const std::string_view fk = kind(first);
    if (fk != "string" && fk != "concatenated_string" && fk != "parenthesized_expression") return;
    const TSNode op = field(node, "operator");
    if (ts_node_is_null(op) || !is(op, "%")) return;
    const TSNode left = unparenthesized(field(node, "left"));
    if (up::literal_of(left, ctx) != up::Literal::Str) return;
    check(node, left, op, ctx);
  }

 private:
  void check(TSNode binop, TSNode left, TSNode op, Context& ctx) {
    const TSNode right = unparenthesized(field(binop, "right"));
    const RightKind rk = right_kind(right, ctx);
    size_t positional = 0, keywords = 0;
    std::vector<std::pair<TSNode, std::string>> converted;
    for (TSNode part : up::string_parts(left)) {
      const std::string_view text = ctx.text(part);
      if (!up::parse_cformat(up::string_body(text), parts_)) return;
      if (!convertible(parts_, rk)) {
        report(ctx, left, "Use format specifiers instead of percent format");
        return;
      }
      std::string body;
      for (const up::CPart& p : parts_) {
        if (p.literal) {
          body += up::curly_escape(p.text);
        } else {
          body += replacement_field(p.spec);
          ++(p.spec.has_key ? keywords : positional);
        }
      }
      const std::string_view prefix = up::string_prefix(text);
      const std::string_view quote = up::string_quote(text);
      converted.emplace_back(part, std::string(prefix) + std::string(quote) + body + std::string(quote));
    }
    std::string params;
    switch (rk) {
      case RightKind::Literal:
        params = "(" + std::string(ctx.original(right)) + ")";
        break;
      case RightKind::Name:
        params = keywords > 0 ? "(**" + std::string(ctx.original(right)) + ")"
                 : positional > 1 ? "(*" + std::string(ctx.original(right)) + ")"
                                  : "(" + std::string(ctx.original(right)) + ")";
        break;
      case RightKind::Tuple: {
        params = std::string(ctx.original(right));
        if (named_children(right).size() == 1 && params.find_first_of("\r\n") == std::string::npos) {
          const size_t comma = params.rfind(',');
          if (comma != std::string::npos) params.erase(comma, 1);
        }
        break;
      }
      case RightKind::Dict: {
        Stylist stylist(ctx);
        std::optional<std::string> args = dict_arguments(right, ctx, stylist);
        if (!args) {
          report(ctx, left, "Use format specifiers instead of percent format");
          return;
        }
        params = std::move(*args);
        break;
      }
      case RightKind::Other:
        return;
    }
    // The expression up to the `%`, each part of the literal converted; closing parentheses
    // after the literal are kept as Ruff keeps them (each one repeating the text before it).
    std::string contents(ctx.original(start_of(binop), start_of(converted.front().first)));
    uint32_t prev_end = 0;
    for (size_t i = 0; i < converted.size(); ++i) {
      if (i > 0) contents += ctx.original(prev_end, start_of(converted[i].first));
      contents += converted[i].second;
      prev_end = end_of(converted[i].first);
    }
    const std::string_view src = ctx.source();
    for (uint32_t i = prev_end; i < start_of(op); ++i) {
      if (src[i] == '#') {
        while (i < src.size() && src[i] != '\n' && src[i] != '\r') ++i;
        continue;
      }
      if (src[i] == ')') contents += ctx.original(prev_end, i + 1);
    }
    contents += ".format";
    contents += params;
    Diagnostic& d = report(ctx, binop, "Use format specifiers instead of percent format");
    d.fix_title = "Replace with format specifiers";
    d.fix = Fix::unsafe(Edit::replace(start_of(binop), end_of(binop), std::move(contents)));
  }


  std::vector<up::CPart> parts_;
};

}  // namespace

extern const RuleSpec printf_string_formatting{
    .code = "UP031",
    .name = "printf-string-formatting",
    .linter = "pyupgrade",
    .kinds = {"binary_operator"},
    .doc = kDoc,
    .create = make_rule<PrintfStringFormatting>(),
    .fix = FixAvailability::Sometimes,
};

}  // namespace lint::rules
