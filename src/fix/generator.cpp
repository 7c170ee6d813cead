#include "fix/generator.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>

#include "pyflakes/string_values.h"
#include "syntax/node.h"

namespace lint::codegen {

namespace {

// Deeper nesting is not written (a fix is not worth a deep stack).
constexpr int kMaxDepth = 200;

int binary_level(std::string_view op) {
  if (op == "+" || op == "-") return level::kArith;
  if (op == "*" || op == "@" || op == "/" || op == "%" || op == "//") return level::kTerm;
  if (op == "**") return level::kPow;
  if (op == "<<" || op == ">>") return level::kShift;
  if (op == "|") return level::kBitOr;
  if (op == "^") return level::kBitXor;
  if (op == "&") return level::kBitAnd;
  return -1;
}

bool has_token(TSNode n, std::string_view token) {
  for (TSNode c : children(n)) {
    if (!ts_node_is_named(c) && kind(c) == token) return true;
  }
  return false;
}

// ---------------------------------------------------------------------------------------------
// Numbers

// Rust's `{}` of an f64: the shortest digits that read back, never in exponent form.
std::string shortest_fixed(double v) {
  char buf[400];
  const auto r = std::to_chars(buf, buf + sizeof buf, v, std::chars_format::fixed);
  return std::string(buf, r.ptr);
}

// Python's repr() of a float: `1.0`, `0.001`, `1e+16`, `1.5e-07`; `1e309` for infinity.
std::string float_repr(double v) {
  if (std::isinf(v)) return "1e309";
  char buf[64];
  const auto r = std::to_chars(buf, buf + sizeof buf, v, std::chars_format::scientific);
  const std::string sci(buf, r.ptr);
  const int exponent = std::atoi(sci.c_str() + sci.find('e') + 1);
  if (exponent < 16 && exponent > -5) {
    if (v == std::floor(v)) {
      const auto f = std::to_chars(buf, buf + sizeof buf, v, std::chars_format::fixed, 1);
      return std::string(buf, f.ptr);
    }
    return shortest_fixed(v);
  }
  return sci;  // the shortest digits and a signed exponent of at least two digits
}

// A number literal by its value. An integer too large for 64 bits stays as Ruff keeps it: its
// text, without underscores when decimal.
std::string number(std::string_view text) {
  std::string digits;
  for (const char c : text) {
    if (c != '_') digits += c;
  }
  if (!digits.empty() && (digits.back() == 'j' || digits.back() == 'J')) {
    digits.pop_back();
    const double imag = std::strtod(digits.c_str(), nullptr);
    if (std::isinf(imag)) return "1e309j";
    return shortest_fixed(imag) + "j";
  }
  int base = 10;
  size_t start = 0;
  if (digits.size() > 1 && digits[0] == '0') {
    const char b = static_cast<char>(digits[1] | 0x20);
    base = b == 'x' ? 16 : b == 'o' ? 8 : b == 'b' ? 2 : 10;
    if (base != 10) start = 2;
  }
  if (base == 10 && digits.find_first_of(".eE") != std::string::npos) {
    return float_repr(std::strtod(digits.c_str(), nullptr));
  }
  uint64_t v = 0;
  for (size_t i = start; i < digits.size(); ++i) {
    const int d = rules::hex_digit_value(digits[i]);
    if (d < 0 || d >= base) return std::string(text);
    if (v > (UINT64_MAX - static_cast<uint64_t>(d)) / static_cast<uint64_t>(base)) {
      return base == 10 ? digits : std::string(text);
    }
    v = v * static_cast<uint64_t>(base) + static_cast<uint64_t>(d);
  }
  return std::to_string(v);
}

// ---------------------------------------------------------------------------------------------
// Strings

char32_t next_code_point(std::string_view s, size_t& i) {
  const auto b = static_cast<unsigned char>(s[i]);
  int len = b < 0x80 ? 1 : b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC0 ? 2 : 1;
  if (i + static_cast<size_t>(len) > s.size()) len = 1;
  char32_t cp = len == 1 ? b : len == 2 ? (b & 0x1F) : len == 3 ? (b & 0x0F) : (b & 0x07);
  for (int k = 1; k < len; ++k) cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
  i += static_cast<size_t>(len);
  return cp;
}

// Python's str.isprintable() for a character beyond ASCII, by the ranges met in code: controls,
// format characters, separators other than the space, surrogates, private use and the
// non-characters are not printable.
bool printable(char32_t c) {
  struct Range {
    char32_t first, last;
  };
  static constexpr Range kNot[] = {
      {0x80, 0xA0},     {0xAD, 0xAD},     {0x600, 0x605},   {0x61C, 0x61C},     {0x6DD, 0x6DD},
      {0x70F, 0x70F},   {0x1680, 0x1680}, {0x180E, 0x180E}, {0x2000, 0x200F},   {0x2028, 0x202F},
      {0x205F, 0x206F}, {0x3000, 0x3000}, {0xD800, 0xF8FF}, {0xFEFF, 0xFEFF},   {0xFFF9, 0xFFFB},
      {0xFFFE, 0xFFFF}, {0xE0000, 0xE0FFF}, {0xF0000, 0x10FFFF},
  };
  if (c < 0x80) return c >= 0x20 && c < 0x7F;
  for (const Range& r : kNot) {
    if (c >= r.first && c <= r.last) return false;
  }
  return true;
}

// The quote Ruff's escaper writes with: the preferred one, unless the text holds it and not
// the other.
char choose_quote(std::string_view s, char preferred) {
  size_t singles = 0, doubles = 0;
  for (const char c : s) {
    singles += c == '\'';
    doubles += c == '"';
  }
  const size_t same = preferred == '\'' ? singles : doubles;
  const size_t other = preferred == '\'' ? doubles : singles;
  if (same > 0 && other == 0) return preferred == '\'' ? '"' : '\'';
  return preferred;
}

void append_hex(std::string& out, const char* lead, uint32_t v, int digits) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%0*x", digits, v);
  out += lead;
  out += buf;
}

// A string's value (UTF-8) written between `quote`s as repr() writes it.
void escape_str(std::string_view s, char quote, std::string& out) {
  for (size_t i = 0; i < s.size();) {
    const char32_t c = next_code_point(s, i);
    if (c == '\n') out += "\\n";
    else if (c == '\t') out += "\\t";
    else if (c == '\r') out += "\\r";
    else if (c >= 0x20 && c <= 0x7E) {
      if (c == static_cast<char32_t>(quote) || c == '\\') out += '\\';
      out += static_cast<char>(c);
    } else if (printable(c)) {
      rules::append_utf8(out, static_cast<uint32_t>(c));
    } else {
      const auto v = static_cast<uint32_t>(c);
      if (c <= 0xFF) append_hex(out, "\\x", v, 2);
      else if (c <= 0xFFFF) append_hex(out, "\\u", v, 4);
      else append_hex(out, "\\U", v, 8);
    }
  }
}

// A bytes value written between `quote`s as repr() writes it.
void escape_bytes(std::string_view s, char quote, std::string& out) {
  for (const char ch : s) {
    const auto c = static_cast<unsigned char>(ch);
    if (c == '\t') out += "\\t";
    else if (c == '\n') out += "\\n";
    else if (c == '\r') out += "\\r";
    else if (c >= 0x20 && c <= 0x7E) {
      if (c == static_cast<unsigned char>(quote) || c == '\\') out += '\\';
      out += static_cast<char>(c);
    } else {
      append_hex(out, "\\x", c, 2);
    }
  }
}

struct StringParts {
  std::string_view prefix;  // as written
  char quote = '"';
  bool triple = false;
  bool raw = false, bytes = false, fstring = false, tstring = false, unicode = false, upper_r = false;
};

StringParts string_parts(std::string_view text) {
  StringParts p;
  size_t i = 0;
  while (i < text.size() && text[i] != '\'' && text[i] != '"') {
    const char l = static_cast<char>(text[i] | 0x20);
    if (l == 'r') {
      p.raw = true;
      p.upper_r = text[i] == 'R';
    }
    p.bytes |= l == 'b';
    p.fstring |= l == 'f';
    p.tstring |= l == 't';
    p.unicode |= l == 'u';
    ++i;
  }
  p.prefix = text.substr(0, i);
  if (i < text.size()) p.quote = text[i];
  p.triple = text.size() >= i + 6 && text[i + 1] == p.quote && text[i + 2] == p.quote;
  return p;
}

std::string quotes(char quote, bool triple) { return std::string(triple ? 3 : 1, quote); }

// The f-string literal piece `value`: braces doubled, then escaped as the string's quote asks.
void fstring_literal(std::string_view value, char quote, bool raw, std::string& out) {
  std::string s;
  for (const char c : value) {
    s += c;
    if (c == '{' || c == '}') s += c;
  }
  if (raw) {
    out += s;
    return;
  }
  escape_str(s, choose_quote(s, quote), out);
}

// ---------------------------------------------------------------------------------------------
// The writer: one expression at a time, into `out`.

class Writer {
 public:
  Writer(const Context& ctx, bool copy, std::string& out) : ctx_(ctx), copy_(copy), out_(out) {}

  // Arguments of `call` that the writer leaves out.
  void drop_arguments(TSNode call, const std::vector<TSNode>& dropped) {
    dropping_call_ = call;
    dropped_ = dropped;
  }

  bool ok() const { return ok_; }

  void unparse(TSNode n, int at) {
    if (!ok_) return;
    if (ts_node_is_null(n)) {  // a part the tree lacks (after a syntax error)
      if (!copy_) ok_ = false;
      return;
    }
    if (++depth_ > kMaxDepth) {
      unwritable(n);
    } else {
      dispatch(n, at);
    }
    --depth_;
  }

  void parameters(TSNode params, const std::vector<TSNode>& annotations) {
    size_t positional = 0;  // positional parameters written so far, which take the annotations
    bool keyword_only = false;
    bool first = true;
    for (const TSNode p : named_children(params)) {
      if (!first) out_ += ", ";
      first = false;
      const std::string_view k = kind(p);
      if (k == "identifier" || k == "default_parameter") {
        out_ += text(k == "identifier" ? p : field(p, "name"));
        if (!keyword_only && positional < annotations.size()) {
          out_ += ": ";
          unparse(annotations[positional], level::kComma);
        }
        if (!keyword_only) ++positional;
        if (k == "default_parameter") {
          out_ += '=';
          unparse(field(p, "value"), level::kComma);
        }
      } else if (k == "list_splat_pattern") {
        keyword_only = true;
        out_ += '*';
        out_ += text(first_named_child(p));
      } else if (k == "keyword_separator") {
        keyword_only = true;
        out_ += '*';
      } else if (k == "positional_separator") {
        out_ += '/';
      } else if (k == "dictionary_splat_pattern") {
        out_ += "**";
        out_ += text(first_named_child(p));
      } else {
        unwritable(p);
      }
    }
  }

  void sequence(const std::vector<TSNode>& items, int at) {
    bool first = true;
    for (const TSNode item : items) {
      if (!first) out_ += ", ";
      first = false;
      unparse(item, at);
    }
  }

 private:
  std::string_view text(TSNode n) const { return ctx_.original(n); }

  void unwritable(TSNode n) {
    if (copy_) out_ += text(n);
    else ok_ = false;
  }

  // Writes `body`, in parentheses when the context asks for more than `own`.
  template <class Body>
  void group(int at, int own, Body&& body) {
    const bool paren = at > own;
    if (paren) out_ += '(';
    body();
    if (paren) out_ += ')';
  }

  void dispatch(TSNode n, int at) {
    const std::string_view k = kind(n);
    if (k == "parenthesized_expression" || k == "type" || k == "parenthesized_list_splat") {
      const std::vector<TSNode> inner = named_children(n);
      if (inner.size() != 1) return unwritable(n);
      unparse(inner[0], at);
    } else if (k == "identifier" || k == "keyword_identifier") {
      out_ += text(n);
    } else if (k == "true") {
      out_ += "True";
    } else if (k == "false") {
      out_ += "False";
    } else if (k == "none") {
      out_ += "None";
    } else if (k == "ellipsis") {
      out_ += "...";
    } else if (k == "integer" || k == "float") {
      out_ += number(text(n));
    } else if (k == "string") {
      string(n);
    } else if (k == "concatenated_string") {
      bool first = true;
      for (const TSNode part : named_children(n)) {
        if (!first) out_ += ' ';
        first = false;
        string(part);
      }
    } else if (k == "attribute") {
      const TSNode object = unparenthesized(field(n, "object"));
      const std::string_view t = is_a(object, "integer") ? text(object) : std::string_view();
      const bool int_object = !t.empty() && t.back() != 'j' && t.back() != 'J';
      if (int_object) out_ += '(';
      unparse(object, level::kMax);
      out_ += int_object ? ")." : ".";
      out_ += text(field(n, "attribute"));
    } else if (k == "call") {
      call(n);
    } else if (k == "subscript") {
      subscript(n);
    } else if (k == "generic_type") {
      generic_type(n);
    } else if (k == "union_type") {
      const std::vector<TSNode> parts = named_children(n);
      if (parts.size() != 2) return unwritable(n);
      group(at, level::kBitOr, [&] {
        unparse(parts[0], level::kBitOr);
        out_ += " | ";
        unparse(parts[1], level::kBitOr + 1);
      });
    } else if (k == "member_type") {
      const std::vector<TSNode> parts = named_children(n);
      if (parts.size() != 2) return unwritable(n);
      unparse(parts[0], level::kMax);
      out_ += '.';
      out_ += text(parts[1]);
    } else if (k == "splat_type") {
      out_ += has_token(n, "**") ? "**" : "*";
      unparse(first_named_child(n), level::kMax);
    } else if (k == "slice") {
      slice(n);
    } else if (k == "list_splat" || k == "list_splat_pattern") {
      out_ += '*';
      unparse(first_named_child(n), level::kMax);
    } else if (k == "dictionary_splat") {
      out_ += "**";
      unparse(first_named_child(n), level::kMax);
    } else if (k == "keyword_argument") {
      out_ += text(field(n, "name"));
      out_ += '=';
      unparse(field(n, "value"), level::kComma);
    } else if (k == "tuple" || k == "expression_list" || k == "pattern_list" || k == "tuple_pattern") {
      const std::vector<TSNode> items = named_children(n);
      if (k == "tuple_pattern" && items.size() == 1 && !has_token(n, ",")) {
        unparse(items[0], at);  // `(x)` as a target
        return;
      }
      tuple(items, at);
    } else if (k == "list" || k == "list_pattern") {
      out_ += '[';
      sequence(named_children(n), level::kComma);
      out_ += ']';
    } else if (k == "set") {
      out_ += '{';
      sequence(named_children(n), level::kComma);
      out_ += '}';
    } else if (k == "dictionary") {
      out_ += '{';
      bool first = true;
      for (const TSNode item : named_children(n)) {
        if (!first) out_ += ", ";
        first = false;
        if (is(item, "pair")) {
          unparse(field(item, "key"), level::kComma);
          out_ += ": ";
          unparse(field(item, "value"), level::kComma);
        } else if (is(item, "dictionary_splat")) {
          unparse(item, level::kComma);
        } else {
          unwritable(item);
        }
      }
      out_ += '}';
    } else if (k == "list_comprehension" || k == "set_comprehension" || k == "generator_expression" ||
               k == "dictionary_comprehension") {
      const char open = k == "list_comprehension" ? '[' : k == "generator_expression" ? '(' : '{';
      out_ += open;
      comprehension(n);
      out_ += open == '[' ? ']' : open == '(' ? ')' : '}';
    } else if (k == "binary_operator") {
      const std::string_view op = kind_of(field(n, "operator"));
      const int own = binary_level(op);
      if (own < 0) return unwritable(n);
      const bool right_assoc = op == "**";
      group(at, own, [&] {
        unparse(field(n, "left"), own + (right_assoc ? 1 : 0));
        out_ += ' ';
        out_ += op;
        out_ += ' ';
        unparse(field(n, "right"), own + (right_assoc ? 0 : 1));
      });
    } else if (k == "unary_operator") {
      group(at, level::kUnary, [&] {
        out_ += kind_of(field(n, "operator"));
        unparse(field(n, "argument"), level::kUnary);
      });
    } else if (k == "not_operator") {
      group(at, level::kNot, [&] {
        out_ += "not ";
        unparse(field(n, "argument"), level::kNot);
      });
    } else if (k == "boolean_operator") {
      boolean(n, at);
    } else if (k == "comparison_operator") {
      group(at, level::kCmp, [&] {
        for (const TSNode c : children(n)) {
          if (ts_node_is_extra(c)) continue;
          if (ts_node_is_named(c)) {
            unparse(c, level::kCmp + 1);
          } else {
            out_ += ' ';
            out_ += kind(c) == "<>" ? "!=" : kind(c);
            out_ += ' ';
          }
        }
      });
    } else if (k == "conditional_expression") {
      const std::vector<TSNode> parts = named_children(n);
      if (parts.size() != 3) return unwritable(n);
      group(at, level::kIfExp, [&] {
        unparse(parts[0], level::kIfExp + 1);
        out_ += " if ";
        unparse(parts[1], level::kIfExp + 1);
        out_ += " else ";
        unparse(parts[2], level::kIfExp);
      });
    } else if (k == "lambda") {
      group(at, level::kLambda, [&] {
        out_ += "lambda";
        const TSNode params = field(n, "parameters");
        if (!ts_node_is_null(params)) {
          out_ += ' ';
          parameters(params, {});
        }
        out_ += ": ";
        unparse(field(n, "body"), level::kLambda);
      });
    } else if (k == "named_expression") {
      group(at, level::kNamedExpr, [&] {
        unparse(field(n, "name"), level::kNamedExpr);
        out_ += " := ";
        unparse(field(n, "value"), level::kNamedExpr + 1);
      });
    } else if (k == "await") {
      group(at, level::kAwait, [&] {
        out_ += "await ";
        unparse(first_named_child(n), level::kMax);
      });
    } else if (k == "yield") {
      const TSNode value = first_named_child(n);
      group(at, level::kYield, [&] {
        if (has_token(n, "from")) {
          out_ += "yield from ";
          unparse(value, level::kMax);
        } else {
          out_ += "yield";
          if (!ts_node_is_null(value)) {
            out_ += ' ';
            unparse(value, level::kYield + 1);
          }
        }
      });
    } else {
      unwritable(n);
    }
  }

  void tuple(const std::vector<TSNode>& items, int at) {
    if (items.empty()) {
      out_ += "()";
      return;
    }
    group(at, level::kTuple, [&] {
      sequence(items, level::kComma);
      if (items.size() == 1) out_ += ',';
    });
  }

  // `a or b or c` is one operation of three operands (tree-sitter nests it to the left).
  void boolean(TSNode n, int at) {
    const std::string_view op = kind_of(field(n, "operator"));
    const int own = op == "and" ? level::kAnd : level::kOr;
    std::vector<TSNode> operands{field(n, "right")};
    TSNode left = field(n, "left");
    while (is_a(left, "boolean_operator") && kind_of(field(left, "operator")) == op) {
      operands.push_back(field(left, "right"));
      left = field(left, "left");
    }
    operands.push_back(left);
    group(at, own, [&] {
      for (size_t i = operands.size(); i-- > 0;) {
        unparse(operands[i], own + 1);
        if (i > 0) {
          out_ += ' ';
          out_ += op;
          out_ += ' ';
        }
      }
    });
  }

  // A comprehension's element and its clauses, without the brackets.
  void comprehension(TSNode n) {
    const TSNode body = field(n, "body");
    if (is_a(body, "pair")) {
      unparse(field(body, "key"), level::kComprehensionElement);
      out_ += ": ";
      unparse(field(body, "value"), level::kComprehensionElement);
    } else {
      unparse(body, level::kComprehensionElement);
    }
    for (const TSNode clause : named_children(n)) {
      if (is(clause, "for_in_clause")) {
        out_ += has_token(clause, "async") ? " async for " : " for ";
        unparse(field(clause, "left"), level::kComprehensionTarget);
        out_ += " in ";
        unparse(field(clause, "right"), level::kComprehension);
      } else if (is(clause, "if_clause")) {
        out_ += " if ";
        unparse(first_named_child(clause), level::kComprehension);
      }
    }
  }

  void call(TSNode n) {
    unparse(field(n, "function"), level::kMax);
    out_ += '(';
    const TSNode arguments = field(n, "arguments");
    if (is_a(arguments, "generator_expression")) {
      comprehension(arguments);
    } else if (!ts_node_is_null(arguments)) {
      std::vector<TSNode> args = named_children(arguments);
      if (!dropped_.empty() && ts_node_eq(n, dropping_call_)) {
        std::erase_if(args, [&](TSNode a) {
          return std::any_of(dropped_.begin(), dropped_.end(), [&](TSNode d) { return ts_node_eq(a, d); });
        });
      }
      const TSNode only = args.size() == 1 ? unparenthesized(args[0]) : TSNode{};
      if (is_a(only, "generator_expression")) {
        comprehension(only);  // a lone generator argument keeps one pair of parentheses
      } else {
        sequence(args, level::kComma);
      }
    }
    out_ += ')';
  }

  // `value[index]`; several indices are a tuple, which needs no parentheses there.
  void subscript(TSNode n) {
    unparse(field(n, "value"), level::kMax);
    out_ += '[';
    std::vector<TSNode> index;
    bool trailing_comma = false;
    for (auto it = children(n).begin(); it != children(n).end(); ++it) {
      const char* f = it.field_name();
      if (f != nullptr && std::string_view(f) == "subscript") {
        index.push_back(*it);
        trailing_comma = false;
      } else if (!index.empty() && is(*it, ",")) {
        trailing_comma = true;
      }
    }
    if (index.size() == 1 && !trailing_comma) unparse(index[0], level::kSubscript);
    else tuple(index, level::kSubscript);
    out_ += ']';
  }

  // `list[int]` where tree-sitter reads a type: the same as a subscript.
  void generic_type(TSNode n) {
    const std::vector<TSNode> parts = named_children(n);
    if (parts.size() != 2 || !is(parts[1], "type_parameter")) return unwritable(n);
    unparse(parts[0], level::kMax);
    out_ += '[';
    const std::vector<TSNode> index = named_children(parts[1]);
    if (index.size() == 1 && !has_token(parts[1], ",")) unparse(index[0], level::kSubscript);
    else tuple(index, level::kSubscript);
    out_ += ']';
  }

  // `lower:upper:step`, each part optional; the colons say which part an expression is.
  void slice(TSNode n) {
    TSNode parts[3] = {};
    int colons = 0;
    for (const TSNode c : children(n)) {
      if (ts_node_is_extra(c)) continue;
      if (is(c, ":")) ++colons;
      else if (ts_node_is_named(c) && colons < 3) parts[colons] = c;
    }
    if (!ts_node_is_null(parts[0])) unparse(parts[0], level::kSlice);
    out_ += ':';
    if (!ts_node_is_null(parts[1])) unparse(parts[1], level::kSlice);
    if (!ts_node_is_null(parts[2])) {
      out_ += ':';
      unparse(parts[2], level::kSlice);
    }
  }

  // ---- strings

  // The text between a literal's quotes.
  std::string_view body(TSNode n, const StringParts& p) const {
    const std::string_view t = text(n);
    const size_t q = p.triple ? 3 : 1;
    const size_t start = p.prefix.size() + q;
    if (t.size() < start + q) return {};
    return t.substr(start, t.size() - start - q);
  }

  void string(TSNode n) {
    const StringParts p = string_parts(text(n));
    if (p.tstring || (p.fstring && p.bytes)) return unwritable(n);
    if (p.fstring) return fstring(n, p);
    const std::string_view raw_body = body(n, p);
    if (p.raw) {
      out_ += p.bytes ? (p.upper_r ? "Rb" : "rb") : (p.upper_r ? "R" : "r");
      out_ += quotes(p.quote, p.triple);
      out_ += raw_body;
      out_ += quotes(p.quote, p.triple);
      return;
    }
    std::string value;
    rules::decode_string_body(raw_body, false, p.bytes, false, value);
    if (!p.bytes && value.find('\xFF') != std::string::npos) return unwritable(n);  // `\N{...}`
    const char q = choose_quote(value, p.quote);
    if (p.bytes) out_ += 'b';
    else if (p.unicode) out_ += 'u';
    out_ += quotes(q, p.triple);
    if (p.bytes) escape_bytes(value, q, out_);
    else escape_str(value, q, out_);
    out_ += quotes(q, p.triple);
  }

  // The value of the source text [start, end) of an f-string's literal part, or nothing for a
  // `\N{...}` escape.
  std::optional<std::string> literal_value(uint32_t start, uint32_t end, const StringParts& p) const {
    std::string value;
    rules::decode_string_body(ctx_.original(start, end), p.raw, false, true, value);
    if (value.find('\xFF') != std::string::npos) return std::nullopt;
    return value;
  }

  // The literal text of an f-string from `start` to `end`, if any; false when it cannot be
  // written.
  bool literal_piece(uint32_t start, uint32_t end, const StringParts& p) {
    if (end <= start) return true;
    const std::optional<std::string> value = literal_value(start, end, p);
    if (!value) return false;
    fstring_literal(*value, p.quote, p.raw, out_);
    return true;
  }

  void fstring(TSNode n, const StringParts& p) {
    const size_t mark = out_.size();
    out_ += p.raw ? (p.upper_r ? "Rf" : "rf") : "f";
    out_ += quotes(p.quote, p.triple);
    const uint32_t q = p.triple ? 3 : 1;
    uint32_t literal_start = ts_node_start_byte(n) + static_cast<uint32_t>(p.prefix.size()) + q;
    const uint32_t end = ts_node_end_byte(n) - q;
    bool written = true;
    for (const TSNode c : children(n)) {
      if (!written) break;
      if (!is(c, "interpolation")) continue;
      written = literal_piece(literal_start, ts_node_start_byte(c), p) && interpolation(c, p);
      literal_start = ts_node_end_byte(c);
    }
    if (written) written = literal_piece(literal_start, end, p);
    if (!written) {
      out_.resize(mark);
      return unwritable(n);
    }
    out_ += quotes(p.quote, p.triple);
  }

  bool interpolation(TSNode n, const StringParts& p) {
    const TSNode expr = field(n, "expression");
    const TSNode conversion = field(n, "type_conversion");
    const TSNode spec = field(n, "format_specifier");
    const bool debug = has_token(n, "=");
    std::string value;
    Writer inner(ctx_, copy_, value);
    inner.depth_ = depth_;
    inner.unparse(expr, level::kFormattedValue);
    if (!inner.ok()) return false;
    out_ += value.starts_with('{') ? "{ " : "{";
    if (debug) out_ += ctx_.original(ts_node_start_byte(n) + 1, ts_node_start_byte(expr));
    out_ += value;
    if (debug) {
      uint32_t to = ts_node_end_byte(n) - 1;
      if (!ts_node_is_null(conversion)) to = ts_node_start_byte(conversion);
      else if (!ts_node_is_null(spec)) to = ts_node_start_byte(spec);
      out_ += ctx_.original(ts_node_end_byte(expr), to);
    }
    if (!ts_node_is_null(conversion)) out_ += text(conversion);  // `!r`
    if (!ts_node_is_null(spec)) {
      out_ += ':';
      uint32_t literal_start = ts_node_start_byte(spec) + 1;  // after the `:`
      for (const TSNode c : children(spec)) {
        if (!is(c, "format_expression")) continue;
        if (!literal_piece(literal_start, ts_node_start_byte(c), p) || !interpolation(c, p)) return false;
        literal_start = ts_node_end_byte(c);
      }
      if (!literal_piece(literal_start, ts_node_end_byte(spec), p)) return false;
    }
    out_ += '}';
    return true;
  }

  const Context& ctx_;
  const bool copy_;
  std::string& out_;
  bool ok_ = true;
  int depth_ = 0;
  std::vector<TSNode> dropped_;
  TSNode dropping_call_{};
};

}  // namespace

bool Generator::expr(TSNode n, int at_level, std::string& out) {
  Writer w(ctx_, copy_, out);
  w.unparse(n, at_level);
  return w.ok();
}

bool Generator::parameters(TSNode params, const std::vector<TSNode>& annotations, std::string& out) {
  Writer w(ctx_, copy_, out);
  w.parameters(params, annotations);
  return w.ok();
}

bool Generator::call_without_arguments(TSNode call, const std::vector<TSNode>& dropped, std::string& out) {
  Writer w(ctx_, copy_, out);
  w.drop_arguments(call, dropped);
  w.unparse(call, level::kMin);
  return w.ok();
}

std::string Generator::attribute_assignment(TSNode object, std::string_view name, TSNode value) {
  std::string out;
  // An attribute of `object` needs the same parentheses as in an expression.
  Writer w(ctx_, copy_, out);
  object = unparenthesized(object);
  const std::string_view t = is_a(object, "integer") ? ctx_.original(object) : std::string_view();
  const bool int_object = !t.empty() && t.back() != 'j' && t.back() != 'J';
  if (int_object) out += '(';
  w.unparse(object, level::kMax);
  out += int_object ? ")." : ".";
  out += name;
  out += " = ";
  w.unparse(value, level::kAssign);
  return out;
}

std::string Generator::parenthesized_tuple(const std::vector<TSNode>& items) {
  std::string out = "(";
  Writer w(ctx_, copy_, out);
  w.sequence(items, level::kComma);
  if (items.size() == 1) out += ',';
  out += ')';
  return out;
}

std::optional<std::string> expression(TSNode expr, const Context& ctx, int at_level) {
  std::string out;
  if (!Generator(ctx, Generator::Unwritable::Fail).expr(expr, at_level, out)) return std::nullopt;
  return out;
}

std::optional<std::string> call_without_arguments(TSNode call, const std::vector<TSNode>& dropped, const Context& ctx) {
  std::string out;
  if (!Generator(ctx, Generator::Unwritable::Fail).call_without_arguments(call, dropped, out)) return std::nullopt;
  return out;
}

std::string string_literal_like(std::string_view value, std::string_view like, bool triple) {
  const StringParts p = string_parts(like);
  std::string out;
  if (p.raw) {
    out += p.upper_r ? "R" : "r";
    out += quotes(p.quote, triple);
    out += value;
    out += quotes(p.quote, triple);
    return out;
  }
  const char q = choose_quote(value, p.quote);
  if (p.unicode) out += 'u';
  out += quotes(q, triple);
  escape_str(value, q, out);
  out += quotes(q, triple);
  return out;
}

std::optional<std::string> fstring(const std::vector<FStringPiece>& pieces, char quote, const Context& ctx) {
  std::string out = "f";
  out += quote;
  for (const FStringPiece& piece : pieces) {
    if (ts_node_is_null(piece.expr)) {
      fstring_literal(piece.literal, quote, false, out);
      continue;
    }
    const std::optional<std::string> value = expression(piece.expr, ctx, level::kFormattedValue);
    if (!value) return std::nullopt;
    out += value->starts_with('{') ? "{ " : "{";
    out += *value;
    out += '}';
  }
  out += quote;
  return out;
}

}  // namespace lint::codegen
