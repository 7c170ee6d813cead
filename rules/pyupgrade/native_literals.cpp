#include <string>
#include <vector>

#include "engine/rule.h"
#include "pyupgrade/edits.h"
#include "pyupgrade/semantic.h"
#include "fix/stylist.h"

namespace lint::rules {

namespace {

constexpr std::string_view kDoc = R"(## What it does
Checks for calls of `str`, `bytes`, `int`, `float`, `bool` and `complex` that only build a
literal: with no argument (`str()`) or with a literal of the same type (`int(1)`).

## Why is this bad?
The literal says the same thing without a call: `""` for `str()`, `1` for `int(1)`.

## Example
```python
name = str()
count = int(0)
```

Use instead:
```python
name = ""
count = 0
```

## Fix safety
The fix is unsafe when the call holds a comment.
)";

std::string_view fix_title_for(std::string_view builtin) {
  if (builtin == "str") return "Replace with string literal";
  if (builtin == "bytes") return "Replace with bytes literal";
  if (builtin == "int") return "Replace with integer literal";
  if (builtin == "float") return "Replace with float literal";
  if (builtin == "bool") return "Replace with boolean literal";
  return "Replace with complex literal";
}

bool literal_matches(std::string_view builtin, up::Literal l) {
  switch (l) {
    case up::Literal::Str: return builtin == "str";
    case up::Literal::Bytes: return builtin == "bytes";
    case up::Literal::Int: return builtin == "int";
    case up::Literal::Float: return builtin == "float";
    case up::Literal::Bool: return builtin == "bool";
    case up::Literal::Complex: return builtin == "complex";
    default: return false;
  }
}

bool is_candidate_name(std::string_view name) {
  return name == "str" || name == "bytes" || name == "int" || name == "float" || name == "bool" || name == "complex";
}

// The expression Ruff would see as the call's parent, and whether it binds tighter than a unary
// `-` (an attribute access, subscript, call, `**`, `await` or a display: a negative number there
// needs parentheses).
struct Parent {
  bool is_expression = false;
  bool is_attribute = false;
  bool binds_tighter_than_unary = false;
};

Parent parent_of(TSNode call, const Context& ctx) {
  TSNode child = call;
  TSNode p = ts_node_parent(call);
  while (!ts_node_is_null(p)) {
    const std::string_view k = kind(p);
    if (k == "parenthesized_expression" || k == "argument_list" || k == "keyword_argument" || k == "pair" ||
        k == "for_in_clause" || k == "if_clause" || k == "interpolation" || k == "type" || k == "format_expression") {
      child = p;
      p = ts_node_parent(p);
      continue;
    }
    break;
  }
  Parent out;
  if (ts_node_is_null(p)) return out;
  const std::string_view k = kind(p);
  if (k == "attribute") {
    out = {true, ts_node_eq(child, field(p, "object")), true};
  } else if (k == "subscript" || k == "call" || k == "slice" || k == "await" || k == "tuple" || k == "list" ||
             k == "set" || k == "dictionary" || k == "list_comprehension" || k == "set_comprehension" ||
             k == "dictionary_comprehension" || k == "generator_expression" || k == "string" ||
             k == "expression_list") {
    out = {true, false, true};
  } else if (k == "binary_operator") {
    out = {true, false, ctx.text(field(p, "operator")) == "**"};
  } else if (k == "unary_operator" || k == "not_operator" || k == "comparison_operator" || k == "boolean_operator" ||
             k == "conditional_expression" || k == "lambda" || k == "named_expression" || k == "list_splat" ||
             k == "dictionary_splat" || k == "yield") {
    out = {true, false, false};
  }
  return out;
}

// How many f-strings enclose the node.
int enclosing_f_strings(TSNode n, const Context& ctx, TSNode* innermost) {
  int count = 0;
  for (TSNode p = ts_node_parent(n); !ts_node_is_null(p); p = ts_node_parent(p)) {
    if (!is(p, "interpolation")) continue;
    TSNode s = ts_node_parent(p);
    while (!ts_node_is_null(s) && !is(s, "string")) s = ts_node_parent(s);
    if (ts_node_is_null(s)) break;
    if (count++ == 0 && innermost) {
      // The f-string expression: the concatenation it is part of, if any.
      const TSNode outer = ts_node_parent(s);
      *innermost = is(outer, "concatenated_string") ? outer : s;
    }
    p = s;
    (void)ctx;
  }
  return count;
}

class NativeLiterals final : public Rule {
 public:
  void enter(TSNode node, Context& ctx) override {
    const TSNode function = callee(node, ctx);
    const TSNode name = is(function, "attribute") ? field(function, "attribute") : function;
    if (!is(name, "identifier") || !is_candidate_name(ctx.text(name))) return;
    const TSNode list = field(node, "arguments");
    if (ts_node_is_null(list) || !is(list, "argument_list")) return;
    candidates_.push_back(node);
  }

  void finish(Context& ctx) override {
    const SemanticModel* m = ctx.semantic();
    if (!m) return;
    const up::Resolver resolve(*m, ctx);
    Stylist stylist(ctx);
    for (TSNode call : candidates_) {
      const std::string builtin = resolve.builtin_symbol(field(call, "function"));
      if (builtin.empty() || !is_candidate_name(builtin)) continue;
      const Arguments args = up::call_arguments(call);
      TSNode arg{};
      if (args.all.empty()) {
      } else if (args.args.size() == 1 && args.keywords.empty()) {
        arg = args.args[0];
      } else if (args.args.empty() && args.keywords.size() == 1 && is(args.keywords[0], "keyword_argument")) {
        const std::string_view keyword = ctx.text(field(args.keywords[0], "name"));
        if (!((builtin == "str" && keyword == "object") || (builtin == "complex" && keyword == "real"))) continue;
        arg = field(args.keywords[0], "value");
      } else {
        continue;
      }
      TSNode f_string{};
      if (enclosing_f_strings(call, ctx, &f_string) > 1) continue;
      const Parent parent = parent_of(call, ctx);
      const std::string message = "Unnecessary `" + builtin + "` call (rewrite as a literal)";
      const uint32_t start = start_of(call), end = end_of(call);
      if (ts_node_is_null(arg)) {
        Diagnostic& d = report(ctx, call, message);
        d.fix_title = fix_title_for(builtin);
        d.fix = Fix::safe(Edit::replace(start, end, zero_value(builtin, parent, f_string, stylist, ctx)));
        continue;
      }
      const TSNode value = up::expr_of(arg);
      bool unary = false;
      TSNode literal = value;
      if (is(value, "unary_operator")) {
        const std::string_view op = ctx.text(field(value, "operator"));
        if (op != "+" && op != "-") continue;
        literal = up::expr_of(field(value, "argument"));
        const up::Literal l = up::literal_of(literal, ctx);
        if (l != up::Literal::Int && l != up::Literal::Float && l != up::Literal::Complex) continue;
        unary = true;
      }
      const up::Literal type = up::literal_of(literal, ctx);
      if (!literal_matches(builtin, type)) continue;
      const std::string_view code = ctx.original(value);
      const bool multiline = code.find_first_of("\r\n") != std::string_view::npos;
      std::string content;
      if ((unary && multiline) ||
          ((type == up::Literal::Str || type == up::Literal::Bytes) && is(literal, "concatenated_string") && multiline)) {
        content = "(" + std::string(code) + ")";
      } else if (parent.is_attribute && builtin == "int") {
        content = "(" + std::string(code) + ")";
      } else if (parent.is_expression && unary && parent.binds_tighter_than_unary) {
        content = "(" + std::string(code) + ")";
      } else {
        content = std::string(code);
      }
      const std::string_view src = ctx.source();
      if (end < src.size() && (up::is_identifier_char(src[end]) && !(src[end] >= '0' && src[end] <= '9'))) {
        content.push_back(' ');
      }
      const bool comment = up::has_comment(call, start, end);
      Diagnostic& d = report(ctx, call, message);
      d.fix_title = fix_title_for(builtin);
      d.fix = Fix::with(comment ? Applicability::Unsafe : Applicability::Safe, {Edit::replace(start, end, content)});
    }
  }

 private:
  static std::string zero_value(std::string_view builtin, const Parent& parent, TSNode f_string,
                                Stylist& stylist, const Context& ctx) {
    if (builtin == "str" || builtin == "bytes") {
      char q = stylist.quote();
      if (!ts_node_is_null(f_string)) {
        const std::vector<TSNode> parts = up::string_parts(f_string);
        const std::string_view quote = parts.empty() ? std::string_view() : up::string_quote(ctx.text(parts[0]));
        if (!quote.empty()) q = quote[0] == '"' ? '\'' : '"';
      }
      return std::string(builtin == "bytes" ? "b" : "") + q + q;
    }
    if (builtin == "int") return parent.is_attribute ? "(0)" : "0";
    if (builtin == "float") return "0.0";
    if (builtin == "bool") return "False";
    return "0j";
  }

  std::vector<TSNode> candidates_;
};

}  // namespace

extern const RuleSpec native_literals{
    .code = "UP018",
    .name = "native-literals",
    .linter = "pyupgrade",
    .kinds = {"call"},
    .doc = kDoc,
    .create = make_rule<NativeLiterals>(),
    .needs_semantic = true,
    .fix = FixAvailability::Always,
};

}  // namespace lint::rules
