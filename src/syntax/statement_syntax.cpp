#include "syntax/statement_syntax.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdint>
#include <string>

#include "syntax/node.h"

namespace lint {

namespace {

TSSymbol named(std::string_view name) {
  return ts_language_symbol_for_name(python_language(), name.data(), static_cast<uint32_t>(name.size()), true);
}

// The kinds read here, looked up once: the header of Python3Syntax, which many files include,
// stays as it is.
struct Symbols {
  TSSymbol parameters = named("parameters");
  TSSymbol lambda_parameters = named("lambda_parameters");
  TSSymbol import_from = named("import_from_statement");
  TSSymbol with_clause = named("with_clause");
  TSSymbol except_clause = named("except_clause");
  TSSymbol raise = named("raise_statement");
  TSSymbol try_statement = named("try_statement");
  TSSymbol concatenated_string = named("concatenated_string");
  // Parameters, compared by symbol.
  TSSymbol identifier = named("identifier");
  TSSymbol default_parameter = named("default_parameter");
  TSSymbol typed_default_parameter = named("typed_default_parameter");
  TSSymbol typed_parameter = named("typed_parameter");
  TSSymbol keyword_separator = named("keyword_separator");
  TSSymbol positional_separator = named("positional_separator");
  TSSymbol list_splat_pattern = named("list_splat_pattern");
  TSSymbol dictionary_splat_pattern = named("dictionary_splat_pattern");
  std::vector<bool> mine;
  Symbols() {
    mine.assign(ts_language_symbol_count(python_language()), false);
    for (TSSymbol s : {parameters, lambda_parameters, import_from, with_clause, except_clause, raise,
                       try_statement, concatenated_string}) {
      if (s != 0) mine[s] = true;
    }
  }
};

const Symbols& symbols() {
  static const Symbols s;
  return s;
}

// The named children of a short list by index: a tree cursor's step to the next sibling costs
// ~570 instructions, ts_node_named_child(i) ~30 per child before the i-th, so indexing is the
// cheaper up to a few dozen children; longer lists take the cursor (indexing is quadratic).
template <class F>
void for_each_named(TSNode n, F&& f) {
  const uint32_t count = ts_node_named_child_count(n);
  if (count <= 24) {
    for (uint32_t i = 0; i < count; ++i) {
      const TSNode c = ts_node_named_child(n, i);
      if (!ts_node_is_extra(c) && !f(c)) return;
    }
    return;
  }
  for (TSNode c : children(n)) {
    if (is_named_child(c) && !f(c)) return;
  }
}

SyntaxError at(TSNode n, std::string message) {
  return SyntaxError{ts_node_start_byte(n), ts_node_end_byte(n), std::move(message)};
}

// The first token of a node: its first leaf (a parameter's name, `*`, `**`).
TSNode first_leaf(TSNode n) {
  while (ts_node_child_count(n) > 0) n = ts_node_child(n, 0);
  return n;
}

// Ruff's parser keeps one error per position: a second one starting where the last one did is
// dropped (`def f(**a, *b, *c)`: the parameter after `**a` is one error, not two).
void add(std::vector<SyntaxError>& out, size_t first, uint32_t a, uint32_t b, std::string message) {
  if (out.size() > first && out.back().start_byte == a) return;
  out.push_back(SyntaxError{a, b, std::move(message)});
}
void add(std::vector<SyntaxError>& out, size_t first, TSNode n, std::string message) {
  add(out, first, ts_node_start_byte(n), ts_node_end_byte(n), std::move(message));
}

constexpr const char* kExpectedKeywordParameter = "Expected one or more keyword parameter after `*` separator";

// The order of a `def`'s or a lambda's parameters, read as Python's parser reads it: plain
// parameters (with or without defaults), then `/`, then `*` or `*args`, then keyword-only
// parameters, then `**kwargs`.
void check_parameters(TSNode list, std::vector<SyntaxError>& out) {
  if (ts_node_named_child_count(list) == 0 || ts_node_has_error(list)) return;
  const Symbols& y = symbols();
  enum class Kind { Plain, Default, Star, Slash, VarArgs, KwArgs };
  struct Parameter {
    TSNode node;
    Kind kind;
  };
  std::vector<Parameter> parameters;
  bool known = true;
  for_each_named(list, [&](TSNode p) {
    const TSSymbol k = ts_node_symbol(p);
    Kind pk;
    if (k == y.identifier) {
      pk = Kind::Plain;
    } else if (k == y.default_parameter || k == y.typed_default_parameter) {
      pk = Kind::Default;
    } else if (k == y.keyword_separator) {
      pk = Kind::Star;
    } else if (k == y.positional_separator) {
      pk = Kind::Slash;
    } else if (k == y.list_splat_pattern) {
      pk = Kind::VarArgs;
    } else if (k == y.dictionary_splat_pattern) {
      pk = Kind::KwArgs;
    } else if (k == y.typed_parameter) {
      const TSNode inner = ts_node_named_child(p, 0);
      const TSSymbol i = ts_node_is_null(inner) ? 0 : ts_node_symbol(inner);
      pk = i == y.list_splat_pattern ? Kind::VarArgs : i == y.dictionary_splat_pattern ? Kind::KwArgs : Kind::Plain;
    } else {
      known = false;  // Python 2 tuple parameters: Python3Syntax reports them.
      return false;
    }
    parameters.push_back(Parameter{p, pk});
    return true;
  });
  if (!known) return;
  const size_t first = out.size();
  bool default_seen = false, slash_seen = false, star_seen = false, keyword_after_star = false;
  bool varargs = false, kwargs = false, plain_seen = false;
  TSNode last_star{};  // a `*` separator nothing has followed yet
  for (const Parameter& p : parameters) {
    if (kwargs) add(out, first, first_leaf(p.node), "Parameter cannot follow var-keyword parameter");
    switch (p.kind) {
      case Kind::Star:
        if (star_seen) add(out, first, p.node, "Only one '*' separator allowed");
        if (varargs) add(out, first, p.node, "Keyword-only parameter separator not allowed after '*' parameter");
        star_seen = true;
        last_star = p.node;
        continue;
      case Kind::VarArgs:
        if (star_seen || varargs) add(out, first, p.node, "Only one '*' parameter allowed");
        varargs = true;
        break;
      case Kind::KwArgs:
        if (kwargs) add(out, first, p.node, "Only one '**' parameter allowed");
        if (star_seen && !keyword_after_star) add(out, first, p.node, kExpectedKeywordParameter);
        kwargs = true;
        break;
      case Kind::Slash:
        if (!plain_seen && !varargs && !kwargs) {
          add(out, first, p.node, "Position-only parameter separator not allowed as first parameter");
        }
        if (slash_seen) add(out, first, p.node, "Only one '/' separator allowed");
        if (star_seen || varargs) add(out, first, p.node, "'/' parameter must appear before '*' parameter");
        slash_seen = true;
        break;
      case Kind::Plain:
      case Kind::Default:
        if (p.kind == Kind::Plain && default_seen && !star_seen && !varargs) {
          add(out, first, p.node, "Parameter without a default cannot follow a parameter with a default");
        }
        default_seen |= p.kind == Kind::Default;
        keyword_after_star |= star_seen;
        plain_seen = true;
        break;
    }
    last_star = TSNode{};
  }
  if (!ts_node_is_null(last_star)) add(out, first, last_star, kExpectedKeywordParameter);
}

// `from m import a, b,`: a trailing comma needs the names in parentheses.
void check_import_from(TSNode n, std::vector<SyntaxError>& out) {
  bool parenthesized = false;
  TSNode last{};
  for (TSNode c : children(n)) {
    if (ts_node_is_extra(c)) continue;
    if (!ts_node_is_named(c) && is(c, "(")) parenthesized = true;
    last = c;
  }
  if (!parenthesized && !ts_node_is_null(last) && !ts_node_is_named(last) && is(last, ",")) {
    out.push_back(at(last, "Trailing comma not allowed"));
  }
}

// The items of a `with` written without parentheses: no trailing comma, no `*x`, no bare `:=`.
void check_with_clause(TSNode n, std::vector<SyntaxError>& out) {
  if (ts_node_has_error(n)) return;
  TSNode last{};
  for (TSNode c : children(n)) {
    if (ts_node_is_extra(c)) continue;
    if (!ts_node_is_named(c) && is(c, "(")) return;
    last = c;
    if (!is(c, "with_item")) continue;
    TSNode value = ts_node_child_by_field_name(c, "value", 5);
    if (is_a(value, "as_pattern")) value = ts_node_named_child(value, 0);
    if (is_a(value, "list_splat")) {
      out.push_back(at(value, "Starred expression cannot be used here"));
    } else if (is_a(value, "named_expression")) {
      // Python reads the item as far as the name, then expected a `,` or the `:`.
      for (TSNode t : children(value)) {
        if (!ts_node_is_named(t) && is(t, ":=")) {
          out.push_back(at(t, "Expected `,`, found `:=`"));
          break;
        }
      }
    }
  }
  if (!ts_node_is_null(last) && !ts_node_is_named(last) && is(last, ",")) {
    out.push_back(at(last, "Trailing comma not allowed"));
  }
}

// `except A, B as e:` (and `except*`): the types need parentheses once `as` names them.
void check_except_clause(TSNode n, std::vector<SyntaxError>& out) {
  TSNode first{}, as{};
  int values = 0;
  for (auto it = children(n).begin(); it != children(n).end(); ++it) {
    const char* f = it.field_name();
    if (!f || std::string_view(f) != "value") continue;
    const TSNode v = *it;
    if (values++ == 0) first = v;
    if (is(v, "as_pattern")) as = v;
  }
  if (values < 2 || ts_node_is_null(as)) return;
  const TSNode type = ts_node_named_child(as, 0);
  if (ts_node_is_null(type)) return;
  out.push_back(SyntaxError{ts_node_start_byte(first), ts_node_end_byte(type),
                            "Multiple exception types must be parenthesized when using `as`"});
}

// `raise from e`: a cause without an exception.
void check_raise(TSNode n, std::vector<SyntaxError>& out) {
  for (auto it = children(n).begin(); it != children(n).end(); ++it) {
    const TSNode c = *it;
    if (ts_node_is_extra(c)) continue;
    if (!ts_node_is_named(c) && is(c, "raise")) continue;
    if (!ts_node_is_named(c) && is(c, "from")) out.push_back(at(c, "Exception missing in `raise` statement with cause"));
    return;
  }
}

// The token after the end of `n`, as Ruff's parser meets it: the word or character at the next
// non-blank, past comments; an empty range at the end of the file.
std::pair<uint32_t, uint32_t> next_token(uint32_t i, std::string_view source) {
  for (;;) {
    while (i < source.size() && std::isspace(static_cast<unsigned char>(source[i]))) ++i;
    if (i < source.size() && source[i] == '#') {
      while (i < source.size() && source[i] != '\n' && source[i] != '\r') ++i;
      continue;
    }
    if (i + 1 < source.size() && source[i] == '\\' && (source[i + 1] == '\n' || source[i + 1] == '\r')) {
      ++i;
      continue;
    }
    break;
  }
  if (i >= source.size()) return {static_cast<uint32_t>(source.size()), static_cast<uint32_t>(source.size())};
  uint32_t e = i;
  while (e < source.size() && (std::isalnum(static_cast<unsigned char>(source[e])) || source[e] == '_' ||
                               static_cast<unsigned char>(source[e]) >= 0x80)) {
    ++e;
  }
  if (e == i) e = i + 1;
  return {i, e};
}

// A `try` without `except` or `finally`.
void check_try(TSNode n, std::string_view source, std::vector<SyntaxError>& out) {
  if (ts_node_has_error(n)) return;
  for (TSNode c : children(n)) {
    const std::string_view k = kind(c);
    if (k == "except_clause" || k == "finally_clause" || k == "except_group_clause") return;
  }
  auto [a, b] = next_token(ts_node_end_byte(n), source);
  // A line indented less than the `try` starts with a dedent, an empty token.
  uint32_t line = a;
  while (line > 0 && source[line - 1] != '\n' && source[line - 1] != '\r') --line;
  if (a - line < ts_node_start_point(n).column) b = a;
  out.push_back(SyntaxError{a, b, "Expected `except` or `finally` after `try` block"});
}

enum class StringKind { Str, Bytes, TString, FString };

StringKind string_kind(TSNode s, std::string_view source) {
  const uint32_t start = ts_node_start_byte(s);
  const std::string_view prefix = literal_prefix(source.substr(start, ts_node_end_byte(s) - start));
  if (prefix_contains(prefix, 'b')) return StringKind::Bytes;
  if (prefix_contains(prefix, 't')) return StringKind::TString;
  if (prefix_contains(prefix, 'f')) return StringKind::FString;
  return StringKind::Str;
}

// What the text scans below do with each byte: most bytes are names and blanks, which one table
// read passes over.
enum ScanClass : uint8_t { kName, kBlank, kQuote, kComment, kOpen, kClose, kOrder, kEquals, kComma };

constexpr std::array<uint8_t, 256> scan_classes() {
  std::array<uint8_t, 256> t{};
  for (auto& c : t) c = kName;
  for (unsigned char c : std::string_view(" \t\n\r\f\\")) t[c] = kBlank;
  t['\''] = t['"'] = kQuote;
  t['#'] = kComment;
  t['('] = t['['] = t['{'] = kOpen;
  t[')'] = t[']'] = t['}'] = kClose;
  t['*'] = t['/'] = kOrder;
  t['='] = kEquals;
  t[','] = kComma;
  return t;
}
constexpr std::array<uint8_t, 256> kScanClasses = scan_classes();

// Texts longer than this are not scanned: the nodes are read instead, in time linear in their
// number, where a scan could repeat over nested text (`lambda a=lambda b=...`).
constexpr size_t kScanLimit = 512;

// Whether a concatenation may join bytes or t-strings with other strings: some part's prefix
// holds a `b` or a `t` (a quote inside a part may also pass, which only costs the full check).
bool may_mix_strings(std::string_view text) {
  // memchr from quote to quote: the parts of long tables are short and many.
  size_t single = text.find('\''), dbl = text.find('"');
  while (single != std::string_view::npos || dbl != std::string_view::npos) {
    const size_t i = std::min(single, dbl);
    // A prefix is one or two letters at the start of a part, after a blank (`don't` and `"\t"`
    // have none).
    size_t k = i;
    bool bt = false;
    while (k > 0 && i - k < 2) {
      const char p = static_cast<char>(text[k - 1] | 0x20);
      if (p != 'b' && p != 't' && p != 'r' && p != 'f' && p != 'u') break;
      --k;
      bt |= p == 'b' || p == 't';
    }
    if (bt && (k == 0 || kScanClasses[static_cast<unsigned char>(text[k - 1])] == kBlank)) return true;
    if (i == single) single = text.find('\'', i + 1);
    else dbl = text.find('"', i + 1);
  }
  return false;
}

// The kinds of a concatenation's parts read from its text, where every part is a plain or bytes
// literal: false at an f-string or t-string (a replacement field may hold quotes) or anything
// else unexpected, for the caller to read the nodes. Long runs of bytes literals are common in
// data files; reading them here costs a few instructions a byte.
bool string_kinds_from_text(std::string_view text, std::vector<StringKind>& kinds) {
  size_t i = 0;
  const size_t n = text.size();
  while (i < n) {
    const char c = text[i];
    if (kScanClasses[static_cast<unsigned char>(c)] == kBlank) {
      ++i;
      continue;
    }
    if (c == '#') {
      // To the end of the line, with memchr: comments between the parts of long literals are
      // common in data tables.
      const size_t lf = text.find('\n', i);
      const size_t cr = text.substr(0, lf == std::string_view::npos ? n : lf).find('\r', i);
      i = std::min({lf, cr, n});
      continue;
    }
    bool bytes = false;
    for (; i < n && ((text[i] | 0x20) >= 'a' && (text[i] | 0x20) <= 'z'); ++i) {
      const char p = text[i];
      if (p == 'f' || p == 'F' || p == 't' || p == 'T') return false;
      bytes |= p == 'b' || p == 'B';
    }
    if (i >= n || (text[i] != '\'' && text[i] != '"')) return false;
    const char quote = text[i];
    const bool triple = i + 2 < n && text[i + 1] == quote && text[i + 2] == quote;
    i += triple ? 3 : 1;
    const size_t content = i;
    for (;;) {
      // memchr to the next quote, then count the backslashes before it.
      i = text.find(quote, i);
      if (i == std::string_view::npos) return false;
      size_t escapes = 0;
      while (i - escapes > content && text[i - escapes - 1] == '\\') ++escapes;
      if (escapes % 2 == 0 && (!triple || (i + 2 < n && text[i + 1] == quote && text[i + 2] == quote))) {
        i += triple ? 3 : 1;
        break;
      }
      ++i;
    }
    kinds.push_back(bytes ? StringKind::Bytes : StringKind::Str);
  }
  return true;
}

// Implicit concatenation joins bytes only with bytes and t-strings only with t-strings; the first
// pair that breaks this names the error (a t-string before bytes).
void check_concatenation(TSNode n, std::string_view source, std::vector<SyntaxError>& out) {
  std::vector<StringKind> kinds;
  const uint32_t start = ts_node_start_byte(n);
  const std::string_view text = source.substr(start, ts_node_end_byte(n) - start);
  if (!may_mix_strings(text)) return;
  if (!string_kinds_from_text(text, kinds)) {
    kinds.clear();
    for (TSNode c : children(n)) {
      if (is_named_child(c)) kinds.push_back(string_kind(c, source));
    }
  }
  for (size_t i = 1; i < kinds.size(); ++i) {
    const StringKind a = kinds[i - 1], b = kinds[i];
    if (a == b && (a == StringKind::TString || a == StringKind::Bytes)) continue;
    if (a == StringKind::TString || b == StringKind::TString) {
      out.push_back(at(n, "Cannot mix t-string literals with string or bytes literals"));
      return;
    }
    if (a == StringKind::Bytes || b == StringKind::Bytes) {
      out.push_back(at(n, "Bytes literal cannot be mixed with non-bytes literals"));
      return;
    }
  }
}

bool holds_any(std::string_view text, char a, char b, char c) {
  for (const char x : text) {
    if (x == a || x == b || x == c) return true;
  }
  return false;
}


// Whether a parameter list breaks Python's order, read from its text: each top-level segment
// between commas is a `*` separator, `*args`, `**kwargs`, `/`, or a name with or without `=`, and
// the order is checked as check_parameters() checks it, which then runs only where this finds a
// fault (or cannot tell: a long text, `*` or `=` where a segment is not what it looks like).
bool parameters_need_check(std::string_view text) {
  if (text.size() > kScanLimit) return true;
  size_t i = 0, end = text.size();
  if (!text.empty() && text[0] == '(') {
    i = 1;
    if (end > 1 && text[end - 1] == ')') --end;
  }
  enum Segment { kNone, kPlain, kDefault, kStar, kVarArgs, kKwArgs, kSlash };
  int depth = 0;
  Segment segment = kNone;
  bool default_seen = false, slash_seen = false, star_seen = false, keyword_after_star = false;
  bool varargs = false, kwargs = false, plain_seen = false, star_last = false;
  // One segment ends: whether it breaks the order.
  const auto close = [&]() {
    if (segment == kNone) return false;
    if (kwargs) return true;
    const Segment kind = segment;
    segment = kNone;
    star_last = false;
    switch (kind) {
      case kStar:
        if (star_seen || varargs) return true;
        star_seen = star_last = true;
        return false;
      case kVarArgs:
        if (star_seen || varargs) return true;
        varargs = true;
        return false;
      case kKwArgs:
        if (star_seen && !keyword_after_star) return true;
        kwargs = true;
        return false;
      case kSlash:
        if (!plain_seen || slash_seen || star_seen || varargs) return true;
        slash_seen = true;
        return false;
      default:
        if (kind == kPlain && default_seen && !star_seen && !varargs) return true;
        default_seen |= kind == kDefault;
        keyword_after_star |= star_seen;
        plain_seen = true;
        return false;
    }
  };
  for (; i < end; ++i) {
    const char c = text[i];
    switch (kScanClasses[static_cast<unsigned char>(c)]) {
      case kName:
        if (depth == 0 && segment == kNone) segment = kPlain;
        if (depth == 0 && segment == kStar) segment = kVarArgs;
        if (depth == 0 && segment == kSlash) return true;
        // The rest of the name in a tight loop: names are most of a parameter list.
        while (i + 1 < end && kScanClasses[static_cast<unsigned char>(text[i + 1])] == kName) ++i;
        break;
      case kBlank:
        break;
      case kQuote: {
        const bool triple = i + 2 < end && text[i + 1] == c && text[i + 2] == c;
        i += triple ? 3 : 1;
        for (; i < end; ++i) {
          if (text[i] == '\\') {
            ++i;
          } else if (text[i] == c && (!triple || (i + 2 < end && text[i + 1] == c && text[i + 2] == c))) {
            if (triple) i += 2;
            break;
          }
        }
        if (depth == 0 && segment != kPlain && segment != kDefault) return true;
        break;
      }
      case kComment:
        while (i < end && text[i] != '\n' && text[i] != '\r') ++i;
        break;
      case kOpen:
        if (depth == 0 && segment != kPlain && segment != kDefault && segment != kVarArgs && segment != kKwArgs) {
          return true;  // `(` where a parameter starts: Python 2 tuple parameters, or an error
        }
        ++depth;
        break;
      case kClose:
        --depth;
        break;
      case kOrder:
        if (depth != 0) break;
        if (c == '/' && segment == kNone) {
          segment = kSlash;
        } else if (c == '*' && segment == kNone) {
          segment = kStar;
        } else if (c == '*' && segment == kStar) {
          segment = kKwArgs;
        } else if (segment != kPlain && segment != kDefault && segment != kVarArgs && segment != kKwArgs) {
          return true;
        }
        break;
      case kEquals:
        if (depth != 0) break;
        if (segment == kPlain) {
          segment = kDefault;
        } else if (segment != kDefault) {
          return true;  // `*args=...`: not something this reads
        }
        break;
      case kComma:
        if (depth == 0 && close()) return true;
        break;
    }
  }
  if (close()) return true;
  return star_last;
}

}  // namespace

void mark_statement_syntax(std::vector<uint8_t>& interested, uint8_t flag) {
  const Symbols& s = symbols();
  for (size_t i = 0; i < s.mine.size() && i < interested.size(); ++i) {
    if (s.mine[i]) interested[i] |= flag;
  }
}

// Each kind is first tested on something that costs a few instructions (its text's first or last
// byte, its number of children), so valid code rarely pays for reading the nodes.
void check_statement_syntax(TSNode n, TSSymbol s, std::string_view source, std::vector<SyntaxError>& out) {
  const Symbols& k = symbols();
  const uint32_t start = ts_node_start_byte(n);
  const uint32_t end = ts_node_end_byte(n);
  if (end <= start) return;
  const std::string_view text = source.substr(start, end - start);
  if (s == k.parameters || s == k.lambda_parameters) {
    if (parameters_need_check(text)) check_parameters(n, out);
  } else if (s == k.concatenated_string) {
    check_concatenation(n, source, out);
  } else if (s == k.import_from) {
    if (text.back() == ',') check_import_from(n, out);
  } else if (s == k.with_clause) {
    if (text.back() == ',' || text.size() > kScanLimit || holds_any(text, '*', ':', ':')) check_with_clause(n, out);
  } else if (s == k.except_clause) {
    // Two types and a block at least.
    if (ts_node_named_child_count(n) >= 3) check_except_clause(n, out);
  } else if (s == k.raise) {
    if (text.size() > 5 && text.find("from") != std::string_view::npos) check_raise(n, out);
  } else if (s == k.try_statement) {
    const TSNode second = ts_node_named_child(n, 1);
    const std::string_view clause = kind_of(second);
    if (clause != "except_clause" && clause != "finally_clause") check_try(n, source, out);
  }
}

// Read from the opening to the closing quote, as bytes literals are rare.
void check_bytes_literal(TSNode start_token, std::string_view source, std::vector<SyntaxError>& out) {
  const uint32_t start = ts_node_start_byte(start_token);
  const uint32_t end = ts_node_end_byte(start_token);
  if (end <= start) return;
  const std::string_view opening = source.substr(start, end - start);
  if (!prefix_contains(literal_prefix(opening), 'b')) return;
  const char quote = opening.back();
  const bool triple = opening.size() >= 3 && opening.ends_with(std::string(3, quote));
  for (size_t i = end; i < source.size(); ++i) {
    const auto c = static_cast<unsigned char>(source[i]);
    if (c == '\\') {
      ++i;
    } else if (c == static_cast<unsigned char>(quote)) {
      if (!triple || source.substr(i, 3) == std::string_view(opening).substr(opening.size() - 3)) return;
    } else if (!triple && (c == '\n' || c == '\r')) {
      return;
    } else if (c >= 0x80) {
      size_t e = i + 1;
      while (e < source.size() && (static_cast<unsigned char>(source[e]) & 0xC0) == 0x80) ++e;
      out.push_back(SyntaxError{static_cast<uint32_t>(i), static_cast<uint32_t>(e),
                                "bytes can only contain ASCII literal characters"});
      return;
    }
  }
}

}  // namespace lint
