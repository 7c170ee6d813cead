#include "pycodestyle/codegen.h"

#include <charconv>
#include <cmath>
#include <cstdlib>
#include <optional>
#include <string_view>

namespace lint::rules::codegen {

namespace {

// The named children of a node, without comments.
std::vector<TSNode> named_children(TSNode n) {
  std::vector<TSNode> out;
  for (TSNode c : children(n)) {
    if (ts_node_is_named(c) && !ts_node_is_extra(c)) out.push_back(c);
  }
  return out;
}

TSNode first_named(TSNode n) {
  for (TSNode c : children(n)) {
    if (ts_node_is_named(c) && !ts_node_is_extra(c)) return c;
  }
  return TSNode{};
}

bool has_token(TSNode n, std::string_view token) {
  for (TSNode c : children(n)) {
    if (!ts_node_is_named(c) && kind(c) == token) return true;
  }
  return false;
}

// --- Numbers --------------------------------------------------------------------------------

// Digits of a non-negative integer in base 10^9, least significant first.
using Big = std::vector<uint32_t>;

void multiply_add(Big& n, uint32_t factor, uint32_t addend) {
  uint64_t carry = addend;
  for (uint32_t& limb : n) {
    const uint64_t v = static_cast<uint64_t>(limb) * factor + carry;
    limb = static_cast<uint32_t>(v % 1000000000u);
    carry = v / 1000000000u;
  }
  while (carry) {
    n.push_back(static_cast<uint32_t>(carry % 1000000000u));
    carry /= 1000000000u;
  }
}

int digit_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// Rust's `Display` of an f64 (shortest digits that read back the same, never an exponent), which
// Ruff uses for the imaginary part of a complex literal.
std::string rust_float_display(double v) {
  if (std::isinf(v)) return "inf";
  char buf[512];
  const auto r = std::to_chars(buf, buf + sizeof buf, v, std::chars_format::fixed);
  return std::string(buf, r.ptr);
}

double parse_float(std::string_view text) {
  std::string clean;
  for (char c : text) {
    if (c != '_') clean += c;
  }
  return std::strtod(clean.c_str(), nullptr);
}

// A number literal (`integer` or `float` node), complex ones (`2j`) included.
std::string number(std::string_view text, bool is_float) {
  if (!text.empty() && (text.back() == 'j' || text.back() == 'J')) {
    std::string imag = rust_float_display(parse_float(text.substr(0, text.size() - 1)));
    if (imag == "inf") imag = "1e309";
    return imag + "j";
  }
  if (is_float) return float_repr(parse_float(text));
  return int_literal(text);
}

// --- Strings --------------------------------------------------------------------------------

struct Literal {
  std::string_view prefix;
  char quote = '"';
  bool triple = false;
  std::string_view body;
};

Literal split_literal(std::string_view text) {
  Literal l;
  size_t i = 0;
  while (i < text.size() && text[i] != '"' && text[i] != '\'') ++i;
  l.prefix = text.substr(0, i);
  if (i >= text.size()) return l;
  l.quote = text[i];
  const size_t rest = text.size() - i;
  l.triple = rest >= 6 && text[i + 1] == l.quote && text[i + 2] == l.quote;
  const size_t q = l.triple ? 3 : 1;
  if (rest >= 2 * q) l.body = text.substr(i + q, rest - 2 * q);
  return l;
}

bool prefix_has(std::string_view prefix, char lower) {
  for (char c : prefix) {
    if (c == lower || c == lower - ('a' - 'A')) return true;
  }
  return false;
}

// Decodes the next UTF-8 character of `s` at `i`.
char32_t next_char(std::string_view s, size_t& i) {
  const auto b = static_cast<unsigned char>(s[i]);
  size_t len = 1;
  char32_t cp = b;
  if (b >= 0xF0) {
    len = 4;
    cp = b & 0x07u;
  } else if (b >= 0xE0) {
    len = 3;
    cp = b & 0x0Fu;
  } else if (b >= 0xC0) {
    len = 2;
    cp = b & 0x1Fu;
  }
  for (size_t k = 1; k < len && i + k < s.size(); ++k) cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3Fu);
  i += len;
  return cp;
}

// The value of a non-raw literal's body, its escape sequences decoded (as code points, or bytes
// for a bytes literal). Empty when it holds `\N{...}`, which needs Unicode's name table.
std::optional<std::u32string> decode(std::string_view body, bool bytes) {
  std::u32string out;
  size_t i = 0;
  const auto hex = [&](size_t count, char32_t& value) {
    if (i + count > body.size()) return false;
    value = 0;
    for (size_t k = 0; k < count; ++k) {
      const int d = digit_value(body[i + k]);
      if (d < 0) return false;
      value = value * 16 + static_cast<char32_t>(d);
    }
    i += count;
    return true;
  };
  while (i < body.size()) {
    if (body[i] != '\\' || i + 1 >= body.size()) {
      out += next_char(body, i);
      continue;
    }
    const char e = body[i + 1];
    i += 2;
    switch (e) {
      case '\n': break;
      case '\r':
        if (i < body.size() && body[i] == '\n') ++i;
        break;
      case '\\': out += U'\\'; break;
      case '\'': out += U'\''; break;
      case '"': out += U'"'; break;
      case 'a': out += U'\a'; break;
      case 'b': out += U'\b'; break;
      case 'f': out += U'\f'; break;
      case 'n': out += U'\n'; break;
      case 'r': out += U'\r'; break;
      case 't': out += U'\t'; break;
      case 'v': out += U'\v'; break;
      case 'x': {
        char32_t v = 0;
        if (!hex(2, v)) return std::nullopt;
        out += v;
        break;
      }
      case 'u':
      case 'U': {
        if (bytes) {
          out += U'\\';
          out += static_cast<char32_t>(e);
          break;
        }
        char32_t v = 0;
        if (!hex(e == 'u' ? 4 : 8, v)) return std::nullopt;
        out += v;
        break;
      }
      case 'N':
        if (bytes) {
          out += U'\\';
          out += U'N';
          break;
        }
        return std::nullopt;
      default:
        if (e >= '0' && e <= '7') {
          char32_t v = static_cast<char32_t>(e - '0');
          for (int k = 0; k < 2 && i < body.size() && body[i] >= '0' && body[i] <= '7'; ++k, ++i) {
            v = v * 8 + static_cast<char32_t>(body[i] - '0');
          }
          out += bytes ? (v & 0xFF) : v;
        } else {
          // Not an escape: the backslash stays.
          out += U'\\';
          i -= 1;
          out += next_char(body, i);
        }
    }
  }
  return out;
}

void append_utf8(std::string& out, char32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

void append_hex(std::string& out, std::string_view lead, uint32_t value, int digits) {
  static constexpr char kHex[] = "0123456789abcdef";
  out += lead;
  for (int k = digits - 1; k >= 0; --k) out += kHex[(value >> (4 * k)) & 0xF];
}

// Python's str.isprintable() for a non-ASCII code point, approximated by the ranges that occur:
// controls, separators and spaces other than ' ', format characters, surrogates, private use.
bool printable(char32_t cp) {
  struct Range {
    char32_t first, last;
  };
  static constexpr Range kNot[] = {
      {0x80, 0xA0},     {0xAD, 0xAD},     {0x600, 0x605},   {0x61C, 0x61C},   {0x6DD, 0x6DD},
      {0x70F, 0x70F},   {0x1680, 0x1680}, {0x180E, 0x180E}, {0x2000, 0x200F}, {0x2028, 0x202F},
      {0x205F, 0x2064}, {0x2066, 0x206F}, {0x3000, 0x3000}, {0xD800, 0xF8FF}, {0xFEFF, 0xFEFF},
      {0xFFF9, 0xFFFB}, {0xFFFE, 0xFFFF}, {0xE0000, 0xE0FFF}, {0xF0000, 0x10FFFF},
  };
  for (const Range& r : kNot) {
    if (cp >= r.first && cp <= r.last) return false;
  }
  return true;
}

// The quote Ruff writes a value with: the literal's own, unless the value holds that quote and
// not the other one.
char choose_quote(const std::u32string& value, char preferred) {
  size_t single = 0, dbl = 0;
  for (char32_t c : value) {
    single += c == U'\'';
    dbl += c == U'"';
  }
  const size_t primary = preferred == '\'' ? single : dbl, secondary = preferred == '\'' ? dbl : single;
  if (primary > 0 && secondary == 0) return preferred == '\'' ? '"' : '\'';
  return preferred;
}

void escaped(const std::u32string& value, char quote, bool bytes, std::string& out) {
  for (char32_t c : value) {
    if (c == U'\n') {
      out += "\\n";
    } else if (c == U'\t') {
      out += "\\t";
    } else if (c == U'\r') {
      out += "\\r";
    } else if (c >= 0x20 && c <= 0x7E) {
      if (c == static_cast<char32_t>(quote) || c == U'\\') out += '\\';
      out += static_cast<char>(c);
    } else if (bytes || c < 0x80) {
      append_hex(out, "\\x", static_cast<uint32_t>(c & 0xFF), 2);
    } else if (printable(c)) {
      append_utf8(out, c);
    } else if (c < 0x100) {
      append_hex(out, "\\x", static_cast<uint32_t>(c), 2);
    } else if (c < 0x10000) {
      append_hex(out, "\\u", static_cast<uint32_t>(c), 4);
    } else {
      append_hex(out, "\\U", static_cast<uint32_t>(c), 8);
    }
  }
}

// --- Operators ------------------------------------------------------------------------------

uint8_t binary_level(std::string_view op) {
  if (op == "|") return level::kBitOr;
  if (op == "^") return level::kBitXor;
  if (op == "&") return level::kBitAnd;
  if (op == "<<" || op == ">>") return level::kShift;
  if (op == "+" || op == "-") return level::kArith;
  if (op == "**") return level::kPow;
  return level::kTerm;  // * / // % @
}

// The operator token between the operands of a binary or boolean operator.
std::string_view operator_token(TSNode n) {
  for (TSNode c : children(n)) {
    if (!ts_node_is_named(c) && !ts_node_is_extra(c)) return kind(c);
  }
  return "";
}

}  // namespace

std::string int_literal(std::string_view text) {
  int base = 10;
  size_t i = 0;
  if (text.size() > 1 && text[0] == '0') {
    const char b = static_cast<char>(text[1] | 0x20);
    if (b == 'x') base = 16;
    if (b == 'o') base = 8;
    if (b == 'b') base = 2;
    if (base != 10) i = 2;
  }
  Big n{0};
  for (; i < text.size(); ++i) {
    const int d = digit_value(text[i]);
    if (d < 0 || d >= base) continue;  // `_`
    multiply_add(n, static_cast<uint32_t>(base), static_cast<uint32_t>(d));
  }
  std::string out = std::to_string(n.back());
  for (size_t k = n.size() - 1; k-- > 0;) {
    const std::string limb = std::to_string(n[k]);
    out += std::string(9 - limb.size(), '0') + limb;
  }
  return out;
}

std::string float_repr(double value) {
  if (std::isinf(value)) return "1e309";
  char buf[512];
  auto r = std::to_chars(buf, buf + sizeof buf, value, std::chars_format::scientific);
  const std::string sci(buf, r.ptr);
  const size_t e = sci.find('e');
  const int exponent = std::atoi(sci.c_str() + e + 1);
  if (exponent < 16 && exponent > -5) {
    if (value == std::floor(value)) {
      r = std::to_chars(buf, buf + sizeof buf, value, std::chars_format::fixed, 1);
    } else {
      r = std::to_chars(buf, buf + sizeof buf, value, std::chars_format::fixed);
    }
    return std::string(buf, r.ptr);
  }
  return sci;  // `1e+16`, `1.5e-07`: the shortest digits and a two-digit signed exponent
}

void Generator::string_part(TSNode part, std::string& out) const {
  const std::string_view text = ctx_.original(part);
  const Literal l = split_literal(text);
  const bool bytes = prefix_has(l.prefix, 'b');
  if (prefix_has(l.prefix, 'f') || prefix_has(l.prefix, 't')) {
    out += text;
    return;
  }
  const std::string quotes(l.triple ? 3 : 1, l.quote);
  if (prefix_has(l.prefix, 'r')) {
    const char r = l.prefix.find('R') != std::string_view::npos ? 'R' : 'r';
    out += r;
    if (bytes) out += 'b';
    out += quotes;
    out += l.body;
    out += quotes;
    return;
  }
  const std::optional<std::u32string> value = decode(l.body, bytes);
  if (!value) {
    out += text;
    return;
  }
  const char quote = choose_quote(*value, l.quote);
  if (bytes) out += 'b';
  else if (prefix_has(l.prefix, 'u')) out += 'u';
  const std::string chosen(l.triple ? 3 : 1, quote);
  out += chosen;
  escaped(*value, quote, bytes, out);
  out += chosen;
}

void Generator::items(TSNode n, std::string& out) const {
  bool first = true;
  for (TSNode c : named_children(n)) {
    if (!first) out += ", ";
    first = false;
    expr(c, level::kComma, out);
  }
}

void Generator::comprehension(TSNode n, std::string& out) const {
  const TSNode body = field(n, "body");
  if (is(body, "pair")) {
    expr(field(body, "key"), level::kComprehensionElement, out);
    out += ": ";
    expr(field(body, "value"), level::kComprehensionElement, out);
  } else {
    expr(body, level::kComprehensionElement, out);
  }
  for (TSNode clause : named_children(n)) {
    if (is(clause, "for_in_clause")) {
      out += has_token(clause, "async") ? " async for " : " for ";
      expr(field(clause, "left"), level::kComprehensionTarget, out);
      out += " in ";
      expr(field(clause, "right"), level::kComprehension, out);
    } else if (is(clause, "if_clause")) {
      out += " if ";
      expr(first_named(clause), level::kComprehension, out);
    }
  }
}

void Generator::call(TSNode n, std::string& out) const {
  expr(field(n, "function"), level::kMax, out);
  out += '(';
  const TSNode args = field(n, "arguments");
  if (is(args, "generator_expression")) {
    comprehension(args, out);
  } else {
    const std::vector<TSNode> list = named_children(args);
    const TSNode only = list.size() == 1 ? unparenthesized(list[0]) : TSNode{};
    if (!ts_node_is_null(only) && is(only, "generator_expression")) {
      comprehension(only, out);  // one generator argument keeps one pair of parentheses
    } else {
      bool first = true;
      for (TSNode a : list) {
        if (!first) out += ", ";
        first = false;
        if (is(a, "keyword_argument")) {
          out += ctx_.original(field(a, "name"));
          out += '=';
          expr(field(a, "value"), level::kComma, out);
        } else if (is(a, "dictionary_splat")) {
          out += "**";
          expr(first_named(a), level::kMax, out);
        } else {
          expr(a, level::kComma, out);
        }
      }
    }
  }
  out += ')';
}

void Generator::slice(TSNode n, std::string& out) const {
  // `lower:upper:step`, each part optional; the colons say which part an expression is.
  TSNode parts[3] = {};
  int colons = 0;
  for (TSNode c : children(n)) {
    if (ts_node_is_extra(c)) continue;
    if (!ts_node_is_named(c)) {
      if (kind(c) == ":") ++colons;
      continue;
    }
    if (colons < 3) parts[colons] = c;
  }
  if (!ts_node_is_null(parts[0])) expr(parts[0], level::kSlice, out);
  out += ':';
  if (!ts_node_is_null(parts[1])) expr(parts[1], level::kSlice, out);
  if (!ts_node_is_null(parts[2])) {
    out += ':';
    expr(parts[2], level::kSlice, out);
  }
}

void Generator::subscript(TSNode n, std::string& out) const {
  expr(field(n, "value"), level::kMax, out);
  out += '[';
  std::vector<TSNode> elements;
  bool trailing_comma = false;
  for (auto it = children(n).begin(); it != children(n).end(); ++it) {
    const TSNode c = *it;
    const char* f = it.field_name();
    if (f != nullptr && std::string_view(f) == "subscript") {
      elements.push_back(c);
      trailing_comma = false;
    } else if (!elements.empty() && kind(c) == ",") {
      trailing_comma = true;
    }
  }
  const auto element = [&](TSNode e, uint8_t at) {
    if (is(e, "slice")) slice(e, out);
    else expr(e, at, out);
  };
  if (elements.size() == 1 && !trailing_comma) {
    element(elements[0], level::kSubscript);
  } else {
    // A tuple, which needs no parentheses here.
    for (size_t i = 0; i < elements.size(); ++i) {
      if (i) out += ", ";
      element(elements[i], level::kComma);
    }
    if (elements.size() == 1) out += ',';
  }
  out += ']';
}

void Generator::expr(TSNode n, uint8_t at, std::string& out) const {
  if (ts_node_is_null(n)) return;
  const std::string_view k = kind(n);
  const auto group = [&](uint8_t own, auto&& body) {
    const bool paren = at > own;
    if (paren) out += '(';
    body();
    if (paren) out += ')';
  };
  if (k == "parenthesized_expression" || k == "type") {
    const TSNode inner = first_named(n);
    if (ts_node_is_null(inner)) {
      out += ctx_.original(n);
    } else {
      expr(inner, at, out);
    }
  } else if (k == "identifier") {
    out += ctx_.original(n);
  } else if (k == "true") {
    out += "True";
  } else if (k == "false") {
    out += "False";
  } else if (k == "none") {
    out += "None";
  } else if (k == "ellipsis") {
    out += "...";
  } else if (k == "integer" || k == "float") {
    out += number(ctx_.original(n), k == "float");
  } else if (k == "string") {
    string_part(n, out);
  } else if (k == "concatenated_string") {
    bool first = true;
    for (TSNode part : named_children(n)) {
      if (!first) out += ' ';
      first = false;
      string_part(part, out);
    }
  } else if (k == "attribute") {
    const TSNode object = field(n, "object");
    const TSNode bare = unparenthesized(object);
    const std::string_view text = ctx_.original(bare);
    const bool int_object = is(bare, "integer") && !text.ends_with('j') && !text.ends_with('J');
    if (int_object) out += '(';
    expr(object, level::kMax, out);
    out += int_object ? ")." : ".";
    out += ctx_.original(field(n, "attribute"));
  } else if (k == "subscript") {
    subscript(n, out);
  } else if (k == "generic_type") {
    // `list[int]` where tree-sitter reads a type: the same as a subscript.
    const std::vector<TSNode> parts = named_children(n);
    if (parts.size() != 2 || !is(parts[1], "type_parameter")) {
      out += ctx_.original(n);
      return;
    }
    expr(parts[0], level::kMax, out);
    out += '[';
    const std::vector<TSNode> elements = named_children(parts[1]);
    const bool trailing_comma = elements.size() == 1 && has_token(parts[1], ",");
    if (elements.size() == 1 && !trailing_comma) {
      expr(elements[0], level::kSubscript, out);
    } else {
      for (size_t i = 0; i < elements.size(); ++i) {
        if (i) out += ", ";
        expr(elements[i], level::kComma, out);
      }
      if (elements.size() == 1) out += ',';
    }
    out += ']';
  } else if (k == "union_type") {
    const std::vector<TSNode> parts = named_children(n);
    if (parts.size() != 2) {
      out += ctx_.original(n);
      return;
    }
    group(level::kBitOr, [&] {
      expr(parts[0], level::kBitOr, out);
      out += " | ";
      expr(parts[1], level::kBitOr + 1, out);
    });
  } else if (k == "member_type") {
    const std::vector<TSNode> parts = named_children(n);
    if (parts.size() != 2) {
      out += ctx_.original(n);
      return;
    }
    expr(parts[0], level::kMax, out);
    out += '.';
    out += ctx_.original(parts[1]);
  } else if (k == "splat_type") {
    out += has_token(n, "**") ? "**" : "*";
    expr(first_named(n), level::kMax, out);
  } else if (k == "call") {
    call(n, out);
  } else if (k == "list" || k == "list_pattern") {
    out += '[';
    items(n, out);
    out += ']';
  } else if (k == "set") {
    out += '{';
    items(n, out);
    out += '}';
  } else if (k == "tuple" || k == "expression_list" || k == "pattern_list" || k == "tuple_pattern") {
    const std::vector<TSNode> elements = named_children(n);
    if (elements.empty()) {
      out += "()";
    } else {
      group(level::kTuple, [&] {
        items(n, out);
        if (elements.size() == 1) out += ',';
      });
    }
  } else if (k == "dictionary") {
    out += '{';
    bool first = true;
    for (TSNode c : named_children(n)) {
      if (!first) out += ", ";
      first = false;
      if (is(c, "pair")) {
        expr(field(c, "key"), level::kComma, out);
        out += ": ";
        expr(field(c, "value"), level::kComma, out);
      } else {
        out += "**";
        expr(first_named(c), level::kMax, out);
      }
    }
    out += '}';
  } else if (k == "list_comprehension") {
    out += '[';
    comprehension(n, out);
    out += ']';
  } else if (k == "set_comprehension" || k == "dictionary_comprehension") {
    out += '{';
    comprehension(n, out);
    out += '}';
  } else if (k == "generator_expression") {
    out += '(';
    comprehension(n, out);
    out += ')';
  } else if (k == "list_splat" || k == "list_splat_pattern") {
    out += '*';
    expr(first_named(n), level::kMax, out);
  } else if (k == "dictionary_splat") {
    out += "**";
    expr(first_named(n), level::kMax, out);
  } else if (k == "binary_operator") {
    const std::string_view op = operator_token(n);
    const uint8_t own = binary_level(op);
    const bool right_assoc = op == "**";
    group(own, [&] {
      expr(field(n, "left"), own + (right_assoc ? 1 : 0), out);
      out += ' ';
      out += op;
      out += ' ';
      expr(field(n, "right"), own + (right_assoc ? 0 : 1), out);
    });
  } else if (k == "unary_operator") {
    group(level::kUnary, [&] {
      out += operator_token(n);
      expr(field(n, "argument"), level::kUnary, out);
    });
  } else if (k == "not_operator") {
    group(level::kNot, [&] {
      out += "not ";
      expr(field(n, "argument"), level::kNot, out);
    });
  } else if (k == "boolean_operator") {
    // `a and b and c` is one operation of three operands (tree-sitter nests it to the left).
    const std::string_view op = operator_token(n);
    const uint8_t own = op == "and" ? level::kAnd : level::kOr;
    std::vector<TSNode> operands{field(n, "right")};
    TSNode left = field(n, "left");
    while (is(left, "boolean_operator") && operator_token(left) == op) {
      operands.push_back(field(left, "right"));
      left = field(left, "left");
    }
    operands.push_back(left);
    group(own, [&] {
      for (size_t i = operands.size(); i-- > 0;) {
        expr(operands[i], own + 1, out);
        if (i) {
          out += ' ';
          out += op;
          out += ' ';
        }
      }
    });
  } else if (k == "comparison_operator") {
    group(level::kCmp, [&] {
      for (TSNode c : children(n)) {
        if (ts_node_is_extra(c)) continue;
        if (ts_node_is_named(c)) {
          expr(c, level::kCmp + 1, out);
        } else {
          out += ' ';
          out += kind(c);
          out += ' ';
        }
      }
    });
  } else if (k == "conditional_expression") {
    const std::vector<TSNode> parts = named_children(n);
    if (parts.size() != 3) {
      out += ctx_.original(n);
      return;
    }
    group(level::kIfExp, [&] {
      expr(parts[0], level::kIfExp + 1, out);
      out += " if ";
      expr(parts[1], level::kIfExp + 1, out);
      out += " else ";
      expr(parts[2], level::kIfExp, out);
    });
  } else if (k == "lambda") {
    group(level::kLambda, [&] {
      out += "lambda";
      const TSNode params = field(n, "parameters");
      if (!ts_node_is_null(params)) {
        out += ' ';
        parameters(params, {}, out);
      }
      out += ": ";
      expr(field(n, "body"), level::kLambda, out);
    });
  } else if (k == "named_expression") {
    group(level::kNamedExpr, [&] {
      expr(field(n, "name"), level::kNamedExpr, out);
      out += " := ";
      expr(field(n, "value"), level::kNamedExpr + 1, out);
    });
  } else if (k == "await") {
    group(level::kAwait, [&] {
      out += "await ";
      expr(first_named(n), level::kMax, out);
    });
  } else if (k == "yield") {
    const TSNode value = first_named(n);
    if (has_token(n, "from")) {
      group(level::kYield, [&] {
        out += "yield from ";
        expr(value, level::kMax, out);
      });
    } else {
      group(level::kYield, [&] {
        out += "yield";
        if (!ts_node_is_null(value)) {
          out += ' ';
          expr(value, level::kYield + 1, out);
        }
      });
    }
  } else {
    out += ctx_.original(n);
  }
}

void Generator::parameters(TSNode params, const std::vector<TSNode>& annotations, std::string& out) const {
  size_t positional = 0;  // positional parameters written so far, which take the annotations
  bool keyword_only = false;
  bool first = true;
  for (TSNode p : named_children(params)) {
    if (!first) out += ", ";
    first = false;
    const std::string_view k = kind(p);
    if (k == "identifier" || k == "default_parameter") {
      const TSNode name = k == "identifier" ? p : field(p, "name");
      out += ctx_.original(name);
      if (!keyword_only && positional < annotations.size()) {
        out += ": ";
        expr(annotations[positional], level::kComma, out);
      }
      if (!keyword_only) ++positional;
      if (k == "default_parameter") {
        out += '=';
        expr(field(p, "value"), level::kComma, out);
      }
    } else if (k == "list_splat_pattern") {
      keyword_only = true;
      out += '*';
      out += ctx_.original(first_named(p));
    } else if (k == "keyword_separator") {
      keyword_only = true;
      out += '*';
    } else if (k == "positional_separator") {
      out += '/';
    } else if (k == "dictionary_splat_pattern") {
      out += "**";
      out += ctx_.original(first_named(p));
    } else {
      out += ctx_.original(p);
    }
  }
}

}  // namespace lint::rules::codegen
