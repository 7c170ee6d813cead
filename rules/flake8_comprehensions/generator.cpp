#include "flake8_comprehensions/generator.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <limits>
#include <string_view>
#include <vector>

#include "pyflakes/string_values.h"
#include "syntax/node.h"

namespace lint::rules::codegen {

namespace {

// Binding strength of each construct, as the generator orders them.
namespace prec {
constexpr int kNamedExpr = 1, kYield = 7, kSubscript = 13, kComprehensionTarget = 19, kTuple = 19,
              kFormattedValue = 19, kComma = 21, kComprehensionElement = 27, kLambda = 27, kIfExp = 27,
              kComprehension = 29, kOr = 31, kAnd = 33, kNot = 35, kCmp = 37, kBitOr = 39, kBitXor = 41,
              kBitAnd = 43, kShift = 45, kArith = 47, kTerm = 49, kUnary = 53, kPow = 55, kAwait = 57, kMax = 63;
}

constexpr int kMaxDepth = 200;

int binary_precedence(std::string_view op) {
  if (op == "+" || op == "-") return prec::kArith;
  if (op == "*" || op == "@" || op == "/" || op == "%" || op == "//") return prec::kTerm;
  if (op == "**") return prec::kPow;
  if (op == "<<" || op == ">>") return prec::kShift;
  if (op == "|") return prec::kBitOr;
  if (op == "^") return prec::kBitXor;
  if (op == "&") return prec::kBitAnd;
  return -1;
}

// Named children that are not comments.
std::vector<TSNode> operands(TSNode n) {
  std::vector<TSNode> out;
  for (TSNode c : children(n)) {
    if (ts_node_is_named(c) && !ts_node_is_extra(c)) out.push_back(c);
  }
  return out;
}

// The first named child that is not a comment.
TSNode first_operand(TSNode n) {
  for (TSNode c : children(n)) {
    if (ts_node_is_named(c) && !ts_node_is_extra(c)) return c;
  }
  return TSNode{};
}

// ---------------------------------------------------------------------------------------------
// Numbers

// Rust's `{}` of an f64: the shortest digits that read back, never in exponent form.
std::string shortest_fixed(double v) {
  char buf[400];
  const auto r = std::to_chars(buf, buf + sizeof buf, v, std::chars_format::fixed);
  return std::string(buf, r.ptr);
}

// Python's repr() of a float.
std::string float_repr(double v) {
  if (std::isinf(v)) return "1e309";
  char buf[64];
  const auto r = std::to_chars(buf, buf + sizeof buf, v, std::chars_format::scientific);
  const std::string sci(buf, r.ptr);
  const size_t e = sci.find('e');
  const std::string significand = sci.substr(0, e);
  const int exponent = std::atoi(sci.c_str() + e + 1);
  if (exponent < 16 && exponent > -5) {
    if (std::fabs(v - std::round(v)) < std::numeric_limits<double>::epsilon()) {
      const auto f = std::to_chars(buf, buf + sizeof buf, v, std::chars_format::fixed, 1);
      return std::string(buf, f.ptr);
    }
    return shortest_fixed(v);
  }
  char exp[16];
  std::snprintf(exp, sizeof exp, "e%+03d", exponent);
  return significand + exp;
}

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
    const int d = hex_digit_value(digits[i]);
    if (d < 0 || d >= base) return std::string(text);
    if (v > (UINT64_MAX - static_cast<uint64_t>(d)) / static_cast<uint64_t>(base)) {
      // Too large for 64 bits: Ruff keeps such a literal as written (decimal ones without
      // underscores).
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

// Python's str.isprintable() for one character beyond ASCII, for the characters met in code:
// controls, format characters, separators and private use are not printable.
bool printable(char32_t c) {
  if (c < 0xA1) return false;  // C1 controls and the no-break space
  if (c == 0xAD || c == 0x061C || c == 0x06DD || c == 0x070F || c == 0x180E || c == 0x1680 || c == 0x202F ||
      c == 0x205F || c == 0x3000 || c == 0xFEFF) {
    return false;
  }
  if ((c >= 0x0600 && c <= 0x0605) || (c >= 0x2000 && c <= 0x200F) || (c >= 0x2028 && c <= 0x202E) ||
      (c >= 0x2060 && c <= 0x206F) || (c >= 0xD800 && c <= 0xF8FF) || (c >= 0xFFF9 && c <= 0xFFFB) ||
      c >= 0xF0000 || (c >= 0xE0000 && c <= 0xE0FFF)) {
    return false;
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

// A string's value written between `quote`s as repr() writes it.
void escape_str(std::string_view s, char quote, std::string& out) {
  for (size_t i = 0; i < s.size();) {
    const char32_t c = next_code_point(s, i);
    char buf[16];
    if (c == '\n') out += "\\n";
    else if (c == '\t') out += "\\t";
    else if (c == '\r') out += "\\r";
    else if (c >= 0x20 && c <= 0x7E) {
      if (c == static_cast<char32_t>(quote) || c == '\\') out += '\\';
      out += static_cast<char>(c);
    } else if (c < 0x80) {
      std::snprintf(buf, sizeof buf, "\\x%02x", static_cast<unsigned>(c));
      out += buf;
    } else if (printable(c)) {
      append_utf8(out, static_cast<uint32_t>(c));
    } else {
      std::snprintf(buf, sizeof buf, c <= 0xFF ? "\\x%02x" : c <= 0xFFFF ? "\\u%04x" : "\\U%08x", static_cast<unsigned>(c));
      out += buf;
    }
  }
}

void escape_bytes(std::string_view s, char quote, std::string& out) {
  for (const char ch : s) {
    const auto c = static_cast<unsigned char>(ch);
    char buf[8];
    if (c == '\t') out += "\\t";
    else if (c == '\n') out += "\\n";
    else if (c == '\r') out += "\\r";
    else if (c >= 0x20 && c <= 0x7E) {
      if (c == static_cast<unsigned char>(quote) || c == '\\') out += '\\';
      out += static_cast<char>(c);
    } else {
      std::snprintf(buf, sizeof buf, "\\x%02x", c);
      out += buf;
    }
  }
}

struct StringParts {
  std::string_view prefix;  // as written
  char quote = '"';
  bool triple = false;
  bool raw = false, bytes = false, fstring = false, unicode = false, upper_r = false;
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
    p.fstring |= l == 'f' || l == 't';
    p.unicode |= l == 'u';
    ++i;
  }
  p.prefix = text.substr(0, i);
  if (i < text.size()) p.quote = text[i];
  p.triple = text.size() >= i + 6 && text[i + 1] == p.quote && text[i + 2] == p.quote;
  return p;
}

std::string quotes(char quote, bool triple) { return std::string(triple ? 3 : 1, quote); }

class Generator {
 public:
  explicit Generator(const Context& ctx) : ctx_(ctx) {}

  // Arguments of the outermost call that run() leaves out (see call_without_arguments).
  void drop_arguments(const std::vector<TSNode>& dropped, TSNode call) {
    dropped_ = dropped;
    dropping_call_ = call;
  }

  bool run(TSNode n, int level, std::string& out) {
    out_.clear();
    ok_ = true;
    unparse(n, level);
    out = out_;
    return ok_;
  }

 private:
  std::string_view text(TSNode n) const { return ctx_.text(n); }

  void unparse(TSNode n, int level) {
    if (!ok_) return;
    if (ts_node_is_null(n) || ++depth_ > kMaxDepth) {
      ok_ = false;
      return;
    }
    unparse_node(n, level);
    --depth_;
  }

  void open_if(bool group) {
    if (group) out_ += '(';
  }
  void close_if(bool group) {
    if (group) out_ += ')';
  }

  void unparse_node(TSNode n, int level) {
    const std::string_view k = kind(n);
    if (k == "parenthesized_expression") {
      const std::vector<TSNode> inner = operands(n);
      if (inner.size() != 1) {
        ok_ = false;
        return;
      }
      unparse(inner[0], level);
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
    } else if (k == "string" || k == "concatenated_string") {
      strings(n);
    } else if (k == "boolean_operator") {
      boolean(n, level);
    } else if (k == "named_expression") {
      const bool group = level > prec::kNamedExpr;
      open_if(group);
      unparse(field(n, "name"), prec::kNamedExpr);
      out_ += " := ";
      unparse(field(n, "value"), prec::kNamedExpr + 1);
      close_if(group);
    } else if (k == "binary_operator") {
      const std::string_view op = text(field(n, "operator"));
      const int p = binary_precedence(op);
      if (p < 0) {
        ok_ = false;
        return;
      }
      const bool right_assoc = op == "**";
      const bool group = level > p;
      open_if(group);
      unparse(field(n, "left"), p + (right_assoc ? 1 : 0));
      out_ += ' ';
      out_ += op;
      out_ += ' ';
      unparse(field(n, "right"), p + (right_assoc ? 0 : 1));
      close_if(group);
    } else if (k == "unary_operator") {
      const bool group = level > prec::kUnary;
      open_if(group);
      out_ += text(field(n, "operator"));
      unparse(field(n, "argument"), prec::kUnary);
      close_if(group);
    } else if (k == "not_operator") {
      const bool group = level > prec::kNot;
      open_if(group);
      out_ += "not ";
      unparse(field(n, "argument"), prec::kNot);
      close_if(group);
    } else if (k == "comparison_operator") {
      comparison(n, level);
    } else if (k == "lambda") {
      const bool group = level > prec::kLambda;
      open_if(group);
      out_ += "lambda";
      const TSNode params = field(n, "parameters");
      if (!ts_node_is_null(params)) {
        out_ += ' ';
        parameters(params);
      }
      out_ += ": ";
      unparse(field(n, "body"), prec::kLambda);
      close_if(group);
    } else if (k == "conditional_expression") {
      const std::vector<TSNode> parts = operands(n);
      if (parts.size() != 3) {
        ok_ = false;
        return;
      }
      const bool group = level > prec::kIfExp;
      open_if(group);
      unparse(parts[0], prec::kIfExp + 1);
      out_ += " if ";
      unparse(parts[1], prec::kIfExp + 1);
      out_ += " else ";
      unparse(parts[2], prec::kIfExp);
      close_if(group);
    } else if (k == "dictionary") {
      out_ += '{';
      bool first = true;
      for (const TSNode item : operands(n)) {
        if (!first) out_ += ", ";
        first = false;
        if (is(item, "pair")) {
          unparse(field(item, "key"), prec::kComma);
          out_ += ": ";
          unparse(field(item, "value"), prec::kComma);
        } else if (is(item, "dictionary_splat")) {
          out_ += "**";
          unparse(first_operand(item), prec::kMax);
        } else {
          ok_ = false;
        }
      }
      out_ += '}';
    } else if (k == "set" || k == "list" || k == "list_pattern") {
      const bool list = k != "set";
      out_ += list ? '[' : '{';
      elements(operands(n));
      out_ += list ? ']' : '}';
    } else if (k == "tuple" || k == "expression_list" || k == "pattern_list" || k == "tuple_pattern") {
      const std::vector<TSNode> items = operands(n);
      if (k == "tuple_pattern" && items.size() == 1 && !has_comma(n)) {
        unparse(items[0], level);  // `(x)` as a target
        return;
      }
      tuple(items, level);
    } else if (k == "list_comprehension" || k == "set_comprehension" || k == "generator_expression" ||
               k == "dictionary_comprehension") {
      const char open = k == "list_comprehension" ? '[' : k == "generator_expression" ? '(' : '{';
      const char close = open == '[' ? ']' : open == '(' ? ')' : '}';
      out_ += open;
      comprehension(n);
      out_ += close;
    } else if (k == "await") {
      const bool group = level > prec::kAwait;
      open_if(group);
      out_ += "await ";
      unparse(first_operand(n), prec::kMax);
      close_if(group);
    } else if (k == "yield") {
      yield(n, level);
    } else if (k == "call") {
      call(n);
    } else if (k == "attribute") {
      const TSNode object = unparenthesized(field(n, "object"));
      const std::string_view t = is(object, "integer") ? text(object) : std::string_view();
      const bool int_literal = !t.empty() && t.back() != 'j' && t.back() != 'J';
      if (int_literal) out_ += '(';
      unparse(field(n, "object"), prec::kMax);
      out_ += int_literal ? ")." : ".";
      out_ += text(field(n, "attribute"));
    } else if (k == "subscript") {
      subscript(n);
    } else if (k == "slice") {
      slice(n);
    } else if (k == "list_splat" || k == "list_splat_pattern") {
      out_ += '*';
      unparse(first_operand(n), prec::kMax);
    } else {
      ok_ = false;
    }
  }

  static bool has_comma(TSNode n) {
    for (TSNode c : children(n)) {
      if (is(c, ",")) return true;
    }
    return false;
  }

  void elements(const std::vector<TSNode>& items) {
    bool first = true;
    for (const TSNode item : items) {
      if (!first) out_ += ", ";
      first = false;
      unparse(item, prec::kComma);
    }
  }

  void tuple(const std::vector<TSNode>& items, int level) {
    if (items.empty()) {
      out_ += "()";
      return;
    }
    const bool group = level > prec::kTuple;
    open_if(group);
    elements(items);
    if (items.size() == 1) out_ += ',';
    close_if(group);
  }

  void boolean(TSNode n, int level) {
    const std::string_view op = text(field(n, "operator"));
    const int p = op == "and" ? prec::kAnd : prec::kOr;
    // `a or b or c` is one operation of three operands (tree-sitter nests it to the left).
    std::vector<TSNode> values;
    TSNode cur = n;
    for (;;) {
      values.push_back(field(cur, "right"));
      const TSNode left = field(cur, "left");
      if (is(left, "boolean_operator") && text(field(left, "operator")) == op) {
        cur = left;
        continue;
      }
      values.push_back(left);
      break;
    }
    const bool group = level > p;
    open_if(group);
    for (size_t i = values.size(); i-- > 0;) {
      unparse(values[i], p + 1);
      if (i > 0) {
        out_ += ' ';
        out_ += op;
        out_ += ' ';
      }
    }
    close_if(group);
  }

  void comparison(TSNode n, int level) {
    const bool group = level > prec::kCmp;
    open_if(group);
    for (TSNode c : children(n)) {
      if (ts_node_is_extra(c)) continue;
      if (ts_node_is_named(c)) {
        unparse(c, prec::kCmp + 1);
      } else {
        out_ += ' ';
        out_ += text(c);
        out_ += ' ';
      }
    }
    close_if(group);
  }

  void parameters(TSNode params) {
    bool first = true;
    for (const TSNode p : operands(params)) {
      if (!first) out_ += ", ";
      first = false;
      const std::string_view k = kind(p);
      if (k == "identifier") {
        out_ += text(p);
      } else if (k == "default_parameter") {
        out_ += text(field(p, "name"));
        out_ += '=';
        unparse(field(p, "value"), prec::kComma);
      } else if (k == "list_splat_pattern") {
        out_ += '*';
        out_ += text(first_operand(p));
      } else if (k == "dictionary_splat_pattern") {
        out_ += "**";
        out_ += text(first_operand(p));
      } else if (k == "keyword_separator") {
        out_ += '*';
      } else if (k == "positional_separator") {
        out_ += '/';
      } else {
        ok_ = false;
      }
    }
  }

  // The clauses of a comprehension, and its element first.
  void comprehension(TSNode n) {
    if (is(n, "dictionary_comprehension")) {
      const TSNode pair = field(n, "body");
      unparse(field(pair, "key"), prec::kComprehensionElement);
      out_ += ": ";
      unparse(field(pair, "value"), prec::kComprehensionElement);
    } else {
      unparse(field(n, "body"), prec::kComprehensionElement);
    }
    clauses(n);
  }

  void clauses(TSNode n) {
    for (TSNode c : children(n)) {
      if (is(c, "for_in_clause")) {
        bool async = false;
        for (TSNode t : children(c)) async |= is(t, "async");
        out_ += async ? " async for " : " for ";
        unparse(field(c, "left"), prec::kComprehensionTarget);
        out_ += " in ";
        unparse(field(c, "right"), prec::kComprehension);
      } else if (is(c, "if_clause")) {
        out_ += " if ";
        unparse(first_operand(c), prec::kComprehension);
      }
    }
  }

  void yield(TSNode n, int level) {
    bool from = false;
    for (TSNode c : children(n)) from |= is(c, "from");
    const std::vector<TSNode> value = operands(n);
    const bool group = level > prec::kYield;
    open_if(group);
    if (from) {
      out_ += "yield from ";
      if (value.size() == 1) unparse(value[0], prec::kMax);
    } else {
      out_ += "yield";
      if (value.size() == 1) {
        out_ += ' ';
        unparse(value[0], prec::kYield + 1);
      }
    }
    close_if(group);
  }

  void call(TSNode n) {
    unparse(field(n, "function"), prec::kMax);
    out_ += '(';
    const TSNode arguments = field(n, "arguments");
    if (is(arguments, "generator_expression")) {
      comprehension(arguments);
    } else {
      std::vector<TSNode> args = operands(arguments);
      if (!dropped_.empty() && ts_node_eq(n, dropping_call_)) {
        std::erase_if(args, [&](TSNode a) {
          return std::any_of(dropped_.begin(), dropped_.end(), [&](TSNode d) { return ts_node_eq(a, d); });
        });
      }
      const TSNode only = args.size() == 1 ? unparenthesized(args[0]) : TSNode{};
      if (!ts_node_is_null(only) && is(only, "generator_expression")) {
        // A lone generator is not parenthesized twice.
        comprehension(only);
      } else {
        bool first = true;
        for (const TSNode a : args) {
          if (!first) out_ += ", ";
          first = false;
          const std::string_view k = kind(a);
          if (k == "keyword_argument") {
            out_ += text(field(a, "name"));
            out_ += '=';
            unparse(field(a, "value"), prec::kComma);
          } else if (k == "dictionary_splat") {
            out_ += "**";
            unparse(first_operand(a), prec::kMax);
          } else {
            unparse(a, prec::kComma);
          }
        }
      }
    }
    out_ += ')';
  }

  void subscript(TSNode n) {
    unparse(field(n, "value"), prec::kMax);
    out_ += '[';
    std::vector<TSNode> index;
    bool comma = false;
    for (auto it = children(n).begin(); it != children(n).end(); ++it) {
      const char* f = it.field_name();
      if (f && std::string_view(f) == "subscript") index.push_back(*it);
      comma |= is(*it, ",");
    }
    if (index.size() == 1 && !comma) unparse(index[0], prec::kSubscript);
    else tuple(index, prec::kSubscript);
    out_ += ']';
  }

  void slice(TSNode n) {
    TSNode parts[3] = {};
    int colons = 0;
    for (TSNode c : children(n)) {
      if (ts_node_is_extra(c)) continue;
      if (is(c, ":")) ++colons;
      else if (ts_node_is_named(c) && colons < 3) parts[colons] = c;
    }
    if (!ts_node_is_null(parts[0])) unparse(parts[0], prec::kSubscript);
    out_ += ':';
    if (!ts_node_is_null(parts[1])) unparse(parts[1], prec::kSubscript);
    if (!ts_node_is_null(parts[2])) {
      out_ += ':';
      unparse(parts[2], prec::kSubscript);
    }
  }

  // ---- strings

  void strings(TSNode n) {
    if (is(n, "string")) {
      string(n);
      return;
    }
    bool first = true;
    for (TSNode part : children(n)) {
      if (!is(part, "string")) continue;
      if (!first) out_ += ' ';
      first = false;
      string(part);
    }
  }

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
    if (p.fstring) {
      fstring(n, p);
      return;
    }
    const std::string_view raw_body = body(n, p);
    if (p.raw) {
      out_ += p.bytes ? (p.upper_r ? "Rb" : "rb") : (p.upper_r ? "R" : "r");
      out_ += quotes(p.quote, p.triple);
      out_ += raw_body;
      out_ += quotes(p.quote, p.triple);
      return;
    }
    std::string value;
    decode_string_body(raw_body, false, p.bytes, false, value);
    if (value.find('\xFF') != std::string::npos && !p.bytes) {
      ok_ = false;  // a `\N{...}` escape: its character is not known here
      return;
    }
    const char q = choose_quote(value, p.quote);
    if (p.bytes) {
      out_ += 'b';
    } else if (p.unicode) {
      out_ += 'u';
    }
    out_ += quotes(q, p.triple);
    if (p.bytes) escape_bytes(value, q, out_);
    else escape_str(value, q, out_);
    out_ += quotes(q, p.triple);
  }

  // A literal piece of an f-string: braces doubled, then escaped as the string's own quote asks.
  void fstring_literal(std::string_view value, const StringParts& p) {
    std::string s;
    for (const char c : value) {
      s += c;
      if (c == '{' || c == '}') s += c;
    }
    if (p.raw) {
      out_ += s;
      return;
    }
    escape_str(s, choose_quote(s, p.quote), out_);
  }

  // The value of the source text [start, end) of an f-string's literal part.
  std::string literal_value(uint32_t start, uint32_t end, const StringParts& p) {
    std::string value;
    decode_string_body(ctx_.source().substr(start, end - start), p.raw, false, true, value);
    if (value.find('\xFF') != std::string::npos) ok_ = false;  // `\N{...}`: not known here
    return value;
  }

  void fstring(TSNode n, const StringParts& p) {
    if (p.bytes || (p.prefix.find_first_of("tT") != std::string_view::npos)) {
      ok_ = false;
      return;
    }
    out_ += p.raw ? (p.upper_r ? "Rf" : "rf") : "f";
    out_ += quotes(p.quote, p.triple);
    const uint32_t q = p.triple ? 3 : 1;
    uint32_t literal_start = ts_node_start_byte(n) + static_cast<uint32_t>(p.prefix.size()) + q;
    const uint32_t end = ts_node_end_byte(n) - q;
    for (TSNode c : children(n)) {
      if (!is(c, "interpolation")) continue;
      const uint32_t s = ts_node_start_byte(c);
      if (s > literal_start) fstring_literal(literal_value(literal_start, s, p), p);
      interpolation(c, p);
      literal_start = ts_node_end_byte(c);
    }
    if (end > literal_start) fstring_literal(literal_value(literal_start, end, p), p);
    out_ += quotes(p.quote, p.triple);
  }

  void interpolation(TSNode n, const StringParts& p) {
    const TSNode expr = field(n, "expression");
    const TSNode conversion = field(n, "type_conversion");
    const TSNode spec = field(n, "format_specifier");
    bool debug = false;
    for (TSNode c : children(n)) debug |= is(c, "=");
    Generator inner(ctx_);
    std::string value;
    if (!inner.run(expr, prec::kFormattedValue, value)) {
      ok_ = false;
      return;
    }
    out_ += value.starts_with('{') ? "{ " : "{";
    if (debug) {
      out_ += ctx_.source().substr(ts_node_start_byte(n) + 1, ts_node_start_byte(expr) - ts_node_start_byte(n) - 1);
    }
    out_ += value;
    if (debug) {
      const uint32_t from = ts_node_end_byte(expr);
      uint32_t to = ts_node_end_byte(n) - 1;
      if (!ts_node_is_null(conversion)) to = ts_node_start_byte(conversion);
      else if (!ts_node_is_null(spec)) to = ts_node_start_byte(spec);
      out_ += ctx_.source().substr(from, to - from);
    }
    if (!ts_node_is_null(conversion)) out_ += text(conversion);  // `!r`
    if (!ts_node_is_null(spec)) {
      out_ += ':';
      uint32_t literal_start = ts_node_start_byte(spec) + 1;  // after the `:`
      for (TSNode c : children(spec)) {
        if (!is(c, "format_expression")) continue;
        const uint32_t s = ts_node_start_byte(c);
        if (s > literal_start) fstring_literal(literal_value(literal_start, s, p), p);
        interpolation(c, p);
        literal_start = ts_node_end_byte(c);
      }
      const uint32_t e = ts_node_end_byte(spec);
      if (e > literal_start) fstring_literal(literal_value(literal_start, e, p), p);
    }
    out_ += '}';
  }

  const Context& ctx_;
  std::string out_;
  bool ok_ = true;
  int depth_ = 0;
  std::vector<TSNode> dropped_;
  TSNode dropping_call_{};
};

}  // namespace

std::optional<std::string> expression(TSNode expr, const Context& ctx) { return expression(expr, ctx, 0); }

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
      std::string s;
      for (const char c : piece.literal) {
        s += c;
        if (c == '{' || c == '}') s += c;
      }
      escape_str(s, choose_quote(s, quote), out);
      continue;
    }
    const std::optional<std::string> value = expression(piece.expr, ctx, prec::kFormattedValue);
    if (!value) return std::nullopt;
    out += value->starts_with('{') ? "{ " : "{";
    out += *value;
    out += '}';
  }
  out += quote;
  return out;
}

std::optional<std::string> call_without_arguments(TSNode call, const std::vector<TSNode>& dropped, const Context& ctx) {
  Generator g(ctx);
  g.drop_arguments(dropped, call);
  std::string out;
  if (!g.run(call, 0, out)) return std::nullopt;
  return out;
}

std::optional<std::string> expression(TSNode expr, const Context& ctx, int level) {
  static_assert(kOrOperand == prec::kOr + 1 && kTupleElement == prec::kComma && kAndOperand == prec::kAnd + 1 &&
                kNotOperand == prec::kNot && kCmpOperand == prec::kCmp + 1 && kAtom == prec::kMax);
  Generator g(ctx);
  std::string out;
  if (!g.run(expr, level, out)) return std::nullopt;
  return out;
}

}  // namespace lint::rules::codegen
