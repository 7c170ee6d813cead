#include "syntax/version_syntax.h"

#include <string>

#include "syntax/node.h"

namespace lint {

namespace {

TSSymbol named(const TSLanguage* lang, std::string_view name) {
  return ts_language_symbol_for_name(lang, name.data(), static_cast<uint32_t>(name.size()), true);
}


// Ruff's wording: "<what> on Python 3.<minor> (syntax was added in Python 3.<added>)".
void report(std::vector<SyntaxError>& out, uint32_t start, uint32_t end, std::string_view what, int minor,
            int added) {
  out.push_back(SyntaxError{start, end,
                            std::string(what) + " on Python 3." + std::to_string(minor) +
                                " (syntax was added in Python 3." + std::to_string(added) + ")"});
}

TSNode child_of_kind(TSNode n, std::string_view k) {
  for (TSNode c : children(n)) {
    if (is(c, k)) return c;
  }
  return TSNode{};
}

// The prefix and quote of a string literal, from its `string_start` token: `f"`, `rb'''`...
std::string_view string_start_text(TSNode string, std::string_view source) {
  const TSNode start = ts_node_child(string, 0);
  if (ts_node_is_null(start) || !is(start, "string_start")) return {};
  return source.substr(start_of(start), end_of(start) - start_of(start));
}

std::string_view quote_of(std::string_view start_text) {
  const size_t q = start_text.find_first_of("'\"");
  return q == std::string_view::npos ? std::string_view() : start_text.substr(q);
}

bool has_prefix(std::string_view start_text, char lower) {
  for (char c : start_text) {
    if (c == '\'' || c == '"') break;
    if (c == lower || c == lower - 32) return true;
  }
  return false;
}

// Why an expression is not a decorator Python before 3.9 accepts (a dotted name, called or
// not); "" when it is one. `call` is set for a call that is not the top-level expression.
std::string_view pre_39_decorator_problem(TSNode e, std::string_view source, bool& call) {
  for (;;) {
    const std::string_view k = kind(e);
    if (k == "identifier") return "";
    if (k == "attribute") {
      e = field(e, "object");
      if (ts_node_is_null(e)) return "";
      continue;
    }
    if (k == "call") {
      call = true;
      return "call";
    }
    if (k == "integer") {
      const std::string_view t = source.substr(start_of(e), end_of(e) - start_of(e));
      return t.find_first_of("jJ") != std::string_view::npos ? "a complex literal" : "an int literal";
    }
    if (k == "float") {
      const std::string_view t = source.substr(start_of(e), end_of(e) - start_of(e));
      return t.find_first_of("jJ") != std::string_view::npos ? "a complex literal" : "a float literal";
    }
    if (k == "string" || k == "concatenated_string") {
      const TSNode first = k == "string" ? e : ts_node_named_child(e, 0);
      const std::string_view start = string_start_text(first, source);
      if (has_prefix(start, 'f')) return "f-string";
      if (has_prefix(start, 't')) return "t-string";
      if (has_prefix(start, 'b')) return "a bytes literal";
      return "a string literal";
    }
    if (k == "yield") {
      const std::string_view t = source.substr(start_of(e), end_of(e) - start_of(e));
      return t.starts_with("yield") && t.substr(5).find_first_not_of(" \t") != std::string_view::npos &&
                     t.substr(t.find_first_not_of(" \t", 5)).starts_with("from")
                 ? "`yield from` expression"
                 : "`yield` expression";
    }
    static constexpr std::pair<std::string_view, std::string_view> described[] = {
        {"boolean_operator", "boolean expression"},
        {"binary_operator", "binary-operation expression"},
        {"unary_operator", "unary-operation expression"},
        {"not_operator", "unary-operation expression"},
        {"await", "`await` expression"},
        {"lambda", "lambda expression"},
        {"conditional_expression", "conditional expression"},
        {"dictionary", "a dict literal"},
        {"set", "a set literal"},
        {"list", "a list literal"},
        {"tuple", "a tuple literal"},
        {"list_splat", "starred expression"},
        {"slice", "slice expression"},
        {"ellipsis", "an ellipsis literal"},
        {"none", "a `None` literal"},
        {"true", "a boolean literal"},
        {"false", "a boolean literal"},
        {"list_comprehension", "a list comprehension"},
        {"set_comprehension", "a set comprehension"},
        {"dictionary_comprehension", "a dict comprehension"},
        {"generator_expression", "generator expression"},
        {"comparison_operator", "comparison expression"},
        {"named_expression", "assignment expression"},
        {"subscript", "subscript expression"},
    };
    for (const auto& [kind_name, description] : described) {
      if (k == kind_name) return description;
    }
    return "";
  }
}

// PEP 701 (3.12), as Ruff checks an f-string's replacement field: from its `{` up to its format
// spec (where escapes and the outer quote are allowed), each backslash, the first outer quote,
// each comment, and else a line break when the f-string is not triple-quoted. Fields nested in
// the format spec are checked the same way; strings nested in the field are the walk's.
void check_replacement_field(TSNode field_node, std::string_view quote, std::string_view source, int minor,
                             std::vector<SyntaxError>& out) {
  const TSNode spec = field(field_node, "format_specifier");
  const uint32_t start = start_of(field_node);
  const uint32_t end = ts_node_is_null(spec) ? end_of(field_node) : start_of(spec);
  const std::string_view text = source.substr(start, end - start);
  bool backslash_or_comment = false;
  for (size_t at = text.find('\\'); at != std::string_view::npos; at = text.find('\\', at + 1)) {
    backslash_or_comment = true;
    const auto b = start + static_cast<uint32_t>(at);
    report(out, b, b + 1, "Cannot use an escape sequence (backslash) in f-strings", minor, 12);
  }
  if (const size_t at = text.find(quote); at != std::string_view::npos) {
    const auto q = start + static_cast<uint32_t>(at);
    report(out, q, q + static_cast<uint32_t>(quote.size()), "Cannot reuse outer quote character in f-strings", minor, 12);
  }
  std::vector<TSNode> stack;
  for (TSNode c : children(field_node)) {
    if (ts_node_is_null(spec) || !ts_node_eq(c, spec)) stack.push_back(c);
  }
  while (!stack.empty()) {
    const TSNode c = stack.back();
    stack.pop_back();
    if (is(c, "comment")) {
      backslash_or_comment = true;
      report(out, start_of(c), end_of(c), "Cannot use comments in f-strings", minor, 12);
    } else if (!is(c, "string")) {
      for (TSNode g : children(c)) stack.push_back(g);
    }
  }
  if (quote.size() == 1 && !backslash_or_comment && text.find_first_of("\n\r") != std::string_view::npos) {
    report(out, start, start + 1, "Cannot use line breaks in non-triple-quoted f-string replacement fields", minor, 12);
  }
  if (!ts_node_is_null(spec)) {
    for (TSNode c : children(spec)) {
      if (is(c, "format_expression")) check_replacement_field(c, quote, source, minor, out);
    }
  }
}

TSNode unparenthesize(TSNode e) {
  while (!ts_node_is_null(e) && is(e, "parenthesized_expression") && ts_node_named_child_count(e) == 1) {
    e = ts_node_named_child(e, 0);
  }
  return e;
}

// Whether `e` is a starred expression. The grammar reads `*a[b]` in an index as `(*a)[b]`: a
// subscript, attribute or call whose innermost object is a list_splat starting where it starts.
bool is_starred(TSNode e) {
  const uint32_t start = start_of(e);
  for (;;) {
    if (is(e, "list_splat")) return true;
    TSNode inner{};
    if (is(e, "subscript")) inner = field(e, "value");
    else if (is(e, "attribute")) inner = field(e, "object");
    else if (is(e, "call")) inner = field(e, "function");
    if (ts_node_is_null(inner) || start_of(inner) != start) return false;
    e = inner;
  }
}

// Symbols looked up here rather than held in the class, whose header many files include.
TSSymbol typed_parameter() {
  static const TSSymbol s = named(python_language(), "typed_parameter");
  return s;
}

TSSymbol for_in_clause() {
  static const TSSymbol s = named(python_language(), "for_in_clause");
  return s;
}

bool is_comprehension(TSNode n) {
  return is(n, "list_comprehension") || is(n, "set_comprehension") || is(n, "dictionary_comprehension");
}

bool is_async_clause(TSNode clause) {
  const TSNode first = ts_node_child(clause, 0);
  return !ts_node_is_null(first) && is(first, "async");
}

// `async for` in a list, set or dict comprehension nested in one that has none
// (3.11), as Ruff finds it: through any scope between them (a lambda, a function), but not
// from the first iterable of the outer one, which is evaluated outside it. `clause` is the
// `async for` clause; Ruff's range runs to the end of its `if`s.
// `chain`: the clause's ancestors, the root first.
void check_async_comprehension(TSNode clause, int minor, std::span<const TSNode> chain, std::vector<SyntaxError>& out) {
  if (chain.size() < 2) return;
  const TSNode comprehension = chain.back();
  if (!is_comprehension(comprehension)) return;  // an async generator expression is fine anywhere
  bool nested = false;
  for (size_t i = 0; i + 1 < chain.size() && !nested; ++i) {
    const TSNode outer = chain[i];
    if (!is_comprehension(outer)) continue;
    bool sync = true;
    TSNode first_clause{};
    for (TSNode c : children(outer)) {
      if (!is(c, "for_in_clause")) continue;
      if (ts_node_is_null(first_clause)) first_clause = c;
      if (is_async_clause(c)) sync = false;
    }
    if (!sync) continue;
    // Below the outer comprehension's first iterable: outside its scope.
    if (ts_node_eq(chain[i + 1], first_clause) && i + 2 < chain.size() &&
        ts_node_eq(chain[i + 2], field(first_clause, "right"))) {
      continue;
    }
    nested = true;
  }
  if (!nested) return;
  uint32_t end = end_of(clause);
  bool after = false;
  for (TSNode c : children(comprehension)) {
    if (ts_node_eq(c, clause)) {
      after = true;
    } else if (after) {
      if (is(c, "if_clause")) end = end_of(c);
      else if (is(c, "for_in_clause")) break;
    }
  }
  out.push_back(SyntaxError{start_of(clause), end,
                            "cannot use an asynchronous comprehension inside of a synchronous comprehension on "
                            "Python 3." + std::to_string(minor) + " (syntax was added in 3.11)"});
}

}  // namespace

// `alias`: a type alias's list, which Ruff does not report apart from the alias statement.
void check_type_parameters(TSNode n, std::string_view source, int minor, std::vector<SyntaxError>& out,
                           bool alias = false) {
    if (minor < 12 && !alias) report(out, start_of(n), end_of(n), "Cannot use type parameter lists", minor, 12);
    if (minor < 13) {
      // A default, `[T = int]`: the parse read it as a bound (see rewrite_for_parse), the text
      // still holds the `=`.
      // Scan the list's own text at bracket depth 1 for `=` not part of `==`, `<=`...
      const std::string_view text = source.substr(start_of(n), end_of(n) - start_of(n));
      // Ruff reports the default of a TypeVar only, not of a `*Ts` or a `**P`.
      int depth = 0;
      bool starred = false;
      for (size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (depth == 1 && c == '*' && text.find_last_not_of(" \t\r\n\\", i - 1) != std::string_view::npos &&
            std::string_view("[,").find(text[text.find_last_not_of(" \t\r\n\\", i - 1)]) != std::string_view::npos) {
          starred = true;
        }
        if (c == '\'' || c == '"') {
          const size_t close = text.find(c, i + 1);
          if (close == std::string_view::npos) break;
          i = close;
        } else if (c == '(' || c == '[' || c == '{') {
          if (++depth == 1) starred = false;
        } else if (c == ')' || c == ']' || c == '}') {
          --depth;
        } else if (depth == 1 && c == ',') {
          starred = false;
        } else if (depth == 1 && !starred && c == '=' && !(i + 1 < text.size() && text[i + 1] == '=') && i > 0 &&
                   std::string_view("=<>!:").find(text[i - 1]) == std::string_view::npos) {
          // Ruff points at the default itself, from its `=`.
          size_t e = i + 1;
          int d = 0;
          while (e < text.size()) {
            const char x = text[e];
            if (x == '(' || x == '[' || x == '{') ++d;
            else if (x == ')' || x == ']' || x == '}') {
              if (d == 0) break;
              --d;
            } else if (x == ',' && d == 0) {
              break;
            }
            ++e;
          }
          while (e > i + 1 && (text[e - 1] == ' ' || text[e - 1] == '\t' || text[e - 1] == '\n')) --e;
          const uint32_t base = start_of(n);
          report(out, base + static_cast<uint32_t>(i), base + static_cast<uint32_t>(e),
                 "Cannot set default type for a type parameter", minor, 13);
        }
      }
    }
}

VersionSyntax::VersionSyntax() {
  const TSLanguage* lang = python_language();
  type_alias_ = named(lang, "type_alias_statement");
  match_ = named(lang, "match_statement");
  except_ = named(lang, "except_clause");
  definition_ = named(lang, "function_definition");
  class_ = named(lang, "class_definition");
  string_ = named(lang, "string");
  with_clause_ = named(lang, "with_clause");
  subscript_ = named(lang, "subscript");
  return_ = named(lang, "return_statement");
  yield_ = named(lang, "yield");
  set_ = named(lang, "set");
  set_comprehension_ = named(lang, "set_comprehension");
  named_expression_ = named(lang, "named_expression");
  positional_separator_ = named(lang, "positional_separator");
  for_ = named(lang, "for_statement");
  splat_type_ = named(lang, "splat_type");
  decorator_ = named(lang, "decorator");
  interested_.assign(ts_language_symbol_count(lang), false);
  for (TSSymbol s : {type_alias_, match_, except_, definition_, class_, string_, with_clause_, subscript_, return_, yield_,
                     set_, set_comprehension_, named_expression_, positional_separator_, for_, splat_type_, decorator_, typed_parameter(),
                     for_in_clause()}) {
    if (s != 0) interested_[s] = true;
  }
}

void VersionSyntax::check(TSNode n, TSSymbol s, std::string_view source, int minor,
                          std::span<const TSNode> ancestors, std::vector<SyntaxError>& out) const {
  // The ancestor `up` levels above `n` (1: its parent), or a null node.
  const auto ancestor = [&](size_t up) {
    return up <= ancestors.size() ? ancestors[ancestors.size() - up] : TSNode{};
  };
  if (s == match_) {
    // Ruff reads a subject starting with `(`, `[`, `*`, `+` or `-` on a second try (`match` may
    // be a name there), which reports no version: so neither does lint.
    const size_t subject = source.find_first_not_of(" \t\\\r\n", start_of(n) + 5);
    const bool retried = subject != std::string_view::npos && std::string_view("([*+-").find(source[subject]) != std::string_view::npos;
    if (minor < 10 && !retried) report(out, start_of(n), start_of(n) + 5, "Cannot use `match` statement", minor, 10);
    return;
  }
  if (s == except_) {
    // `except* E` (3.11); `except A, B:` without parentheses (3.14).
    if (minor < 11) {
      const TSNode star = child_of_kind(n, "*");
      if (!ts_node_is_null(star)) report(out, start_of(star), end_of(star), "Cannot use `except*`", minor, 11);
    }
    if (minor < 14) {
      TSNode first{}, last{};
      uint32_t values = 0;
      for (uint32_t i = 0, count = ts_node_child_count(n); i < count; ++i) {
        const char* f = ts_node_field_name_for_child(n, i);
        if (!f || std::string_view(f) != "value") continue;
        const TSNode v = ts_node_child(n, i);
        if (values++ == 0) first = v;
        last = v;
      }
      if (values > 1) {
        report(out, start_of(first), end_of(last), "Multiple exception types must be parenthesized", minor, 14);
      }
    }
    return;
  }
  if (s == definition_ || s == class_ || s == type_alias_) {
    // `def f[T]`, `class C[T]`, `type X[T] = ...`: the grammar also calls `list[int]` in an
    // annotation a type_parameter, so the list is found from what it belongs to.
    TSNode list = field(n, "type_parameters");
    if (s == type_alias_) {
      // `type X[T] = ...`: the alias's name and parameters are read as a generic type.
      const TSNode left = field(n, "left");
      const TSNode generic = ts_node_is_null(left) ? left : ts_node_named_child(left, 0);
      list = !ts_node_is_null(generic) && is(generic, "generic_type") ? child_of_kind(generic, "type_parameter")
                                                                       : TSNode{};
    }
    if (!ts_node_is_null(list)) check_type_parameters(list, source, minor, out, s == type_alias_);
    if (s != type_alias_) return;
  }
  if (s == type_alias_) {
    if (minor < 12) report(out, start_of(n), start_of(n) + 4, "Cannot use `type` alias statement", minor, 12);
    return;
  }
  if (s == string_) {
    const std::string_view start = string_start_text(n, source);
    if (minor < 14 && has_prefix(start, 't')) report(out, start_of(n), end_of(n), "Cannot use t-strings", minor, 14);
    if (minor < 12 && has_prefix(start, 'f')) {
      const std::string_view quote = quote_of(start);
      for (TSNode c : children(n)) {
        if (is(c, "interpolation") && !quote.empty()) check_replacement_field(c, quote, source, minor, out);
      }
    }
    return;
  }
  if (s == with_clause_) {
    // `with (a as b, c):` (3.9): the grammar makes the parentheses the clause's own tokens. Around
    // a syntax error Ruff takes them for an expression's.
    // Without an `as`, Ruff reads them as a tuple's, which any Python takes, when an element is
    // an unparenthesized `:=`, a starred expression or a `yield`; and `with (a,):`, which the
    // grammar reads as a tuple, as parenthesized items.
    if (minor >= 9 || ts_node_has_error(n)) return;
    auto tuple_only = [](TSNode e) { return is(e, "named_expression") || is(e, "list_splat") || is(e, "yield"); };
    const TSNode first = ts_node_child(n, 0);
    if (ts_node_is_null(first)) return;
    if (is(first, "(")) {
      bool alias = false, tuple = false;
      for (TSNode item : children(n)) {
        if (!is(item, "with_item")) continue;
        const TSNode v = field(item, "value");
        alias |= is(v, "as_pattern");
        tuple |= tuple_only(v);
      }
      if (tuple && !alias) return;
      report(out, start_of(first), end_of(first), "Cannot use parentheses within a `with` statement", minor, 9);
      return;
    }
    const TSNode value = is(first, "with_item") && ts_node_named_child_count(n) == 1 ? field(first, "value") : TSNode{};
    if (ts_node_is_null(value) || !is(value, "tuple") || start_of(value) != start_of(n) || end_of(value) != end_of(n)) {
      return;
    }
    for (TSNode e : children(value)) {
      if (tuple_only(e)) return;
    }
    report(out, start_of(value), start_of(value) + 1, "Cannot use parentheses within a `with` statement", minor, 9);
    return;
  }
  if (s == subscript_) {
    if (minor < 11) {
      for (uint32_t i = 0, count = ts_node_child_count(n); i < count; ++i) {
        const char* f = ts_node_field_name_for_child(n, i);
        if (!f || std::string_view(f) != "subscript") continue;
        const TSNode index = ts_node_child(n, i);
        if (is_starred(index)) report(out, start_of(index), end_of(index), "Cannot use star expression in index", minor, 11);
      }
    }
    if (minor < 9) {
      for (uint32_t i = 0, count = ts_node_child_count(n); i < count; ++i) {
        const char* f = ts_node_field_name_for_child(n, i);
        if (!f || std::string_view(f) != "subscript") continue;
        const TSNode index = ts_node_child(n, i);
        if (is(index, "named_expression")) {
          report(out, start_of(index), end_of(index),
                 "Cannot use unparenthesized assignment expression in a sequence index", minor, 9);
        }
      }
    }
    return;
  }
  if (s == return_ || s == yield_ || s == for_) {
    // `return *a, *b` and `yield *a, *b` (3.8), `for x in *a, *b` (3.9).
    const int added = s == for_ ? 9 : 8;
    if (minor >= added) return;
    TSNode list = s == for_ ? field(n, "right") : ts_node_named_child(n, 0);
    if (ts_node_is_null(list) || !is(list, "expression_list")) return;
    const std::string_view what = s == return_ ? "Cannot use iterable unpacking in return statements"
                                  : s == yield_ ? "Cannot use iterable unpacking in yield expressions"
                                                : "Cannot use iterable unpacking in `for` statements";
    for (TSNode e : children(list)) {
      if (is(e, "list_splat")) report(out, start_of(e), end_of(e), what, minor, added);
    }
    return;
  }
  if (s == named_expression_) {
    if (minor >= 8) return;
    // `f'{x:=10}'` is `x` formatted with the spec `=10`, which the grammar reads as `x := 10`.
    TSNode up = ancestor(1);
    if (!ts_node_is_null(up) && is(up, "expression_list")) up = ancestor(2);
    if (!ts_node_is_null(up) && is(up, "interpolation")) return;
    report(out, start_of(n), end_of(n), "Cannot use named assignment expression (`:=`)", minor, 8);
    return;
  }
  if (s == set_ || s == set_comprehension_) {
    // `{a := 1}` and `{a := 1 for ...}` without parentheses (3.9).
    if (minor >= 9) return;
    if (s == set_comprehension_) {
      const TSNode body = field(n, "body");
      if (!ts_node_is_null(body) && is(body, "named_expression")) {
        report(out, start_of(body), end_of(body),
               "Cannot use unparenthesized assignment expression as an element in a set comprehension", minor, 9);
      }
      return;
    }
    for (TSNode c : children(n)) {
      if (is(c, "named_expression")) {
        report(out, start_of(c), end_of(c),
               "Cannot use unparenthesized assignment expression as an element in a set literal", minor, 9);
      }
    }
    return;
  }
  if (s == positional_separator_) {
    if (minor < 8) report(out, start_of(n), end_of(n), "Cannot use positional-only parameter separator", minor, 8);
    return;
  }
  if (s == splat_type_) {
    // `*args: *Ts` (3.11); in a subscript, `tuple[*Ts]`, a star expression in an index; in the
    // type parameters of a def, class or type alias (`class C[*Ts]`), nothing of its own.
    if (minor >= 11) return;
    // Up through the `type`s, and the bounds a default was read as (see rewrite_for_parse).
    size_t up = 1;
    TSNode list = ancestor(up);
    while (!ts_node_is_null(list) && (is(list, "type") || is(list, "constrained_type") || is(list, "union_type"))) {
      list = ancestor(++up);
    }
    if (!ts_node_is_null(list) && is(list, "type_parameter")) {
      const TSNode owner = ancestor(up + 1);
      // `type X[*Ts] = ...`: the alias's name and its parameters are read as a generic type.
      const TSNode above = ancestor(up + 2);
      const TSNode alias = ancestor(up + 3);
      const bool alias_parameters = !ts_node_is_null(alias) && is(alias, "type_alias_statement") &&
                                    ts_node_eq(field(alias, "left"), above);
      if (!ts_node_is_null(owner) && is(owner, "generic_type") && !alias_parameters) {
        report(out, start_of(n), end_of(n), "Cannot use star expression in index", minor, 11);
      }
      return;
    }
    report(out, start_of(n), end_of(n), "Cannot use star annotation", minor, 11);
    return;
  }
  if (s == typed_parameter()) {
    // `*args: *tuple[int, str]`, which the grammar reads as `(*tuple)[int, str]`.
    if (minor >= 11) return;
    const TSNode type = field(n, "type");
    const TSNode annotation = ts_node_is_null(type) ? type : ts_node_named_child(type, 0);
    if (!ts_node_is_null(annotation) && !is(annotation, "splat_type") && is_starred(annotation)) {
      report(out, start_of(annotation), end_of(annotation), "Cannot use star annotation", minor, 11);
    }
    return;
  }
  if (s == for_in_clause()) {
    if (minor < 11 && is_async_clause(n)) check_async_comprehension(n, minor, ancestors, out);
    return;
  }
  if (s == decorator_) {
    if (minor >= 9) return;
    TSNode e = unparenthesize(ts_node_named_child(n, 0));
    if (ts_node_is_null(e)) return;
    // A call at the top is fine when what it calls is a dotted name.
    if (is(e, "call")) e = unparenthesize(field(e, "function"));
    if (ts_node_is_null(e)) return;
    // The offending part: the innermost non-name of the attribute chain.
    TSNode at = e;
    while (is(at, "attribute")) at = unparenthesize(field(at, "object"));
    bool call = false;
    const std::string_view problem = pre_39_decorator_problem(e, source, call);
    if (problem.empty()) return;
    if (call) {
      out.push_back(SyntaxError{start_of(at), end_of(at),
                                "Cannot use a call expression in a decorator on Python 3." + std::to_string(minor) +
                                    " unless it is the top-level expression or it occurs in the argument list of a "
                                    "top-level call expression (relaxed decorator syntax was added in Python 3.9)"});
    } else {
      out.push_back(SyntaxError{start_of(at), end_of(at),
                                "Cannot use " + std::string(problem) + " outside function call arguments in a decorator on Python 3." +
                                    std::to_string(minor) + " (syntax was added in Python 3.9)"});
    }
    return;
  }
}

}  // namespace lint
