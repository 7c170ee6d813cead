// Writes expressions back as source text the way Ruff's code generator does: its spacing, its
// parentheses (only where precedence needs them), its spelling of literals (`0x10` is `16`, a
// string takes the quote that needs no escapes). Ruff builds fix replacements and some messages
// (B013, B014, B033) with it, so copying the source text would not match.
//
// f-strings and t-strings are copied from the source as they are (`exact()` then says so).
#pragma once

#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <string>
#include <string_view>

#include "flake8_bugbear/helpers.h"

namespace lint::rules::bugbear {

namespace precedence {
constexpr int kMin = 0, kNamedExpr = 1, kAssign = 3, kYield = 7, kSlice = 13, kSubscript = 13, kTuple = 19,
              kComprehensionTarget = 19, kComma = 21, kComprehensionElement = 27, kLambda = 27, kIfExp = 27,
              kComprehension = 29, kOr = 31, kAnd = 33, kNot = 35, kCmp = 37, kBitOr = 39, kBitXor = 41, kBitAnd = 43,
              kShift = 45, kAdd = 47, kMult = 49, kUnary = 53, kPow = 55, kAwait = 57, kMax = 63;
}  // namespace precedence

namespace generator_detail {

// Python's str.isprintable() for characters beyond ASCII, for the common cases: controls,
// separators, format characters, surrogates and private use are not printable.
inline bool is_printable(char32_t c) {
  if (c < 0xA1) return false;  // C1 controls and the no-break space
  if (c == 0xAD || c == 0x1680 || c == 0x180E || (c >= 0x2000 && c <= 0x200F) || (c >= 0x2028 && c <= 0x202F) ||
      (c >= 0x205F && c <= 0x206F) || c == 0x3000 || c == 0xFEFF || (c >= 0xFFF9 && c <= 0xFFFB) ||
      (c >= 0xD800 && c <= 0xF8FF) || c >= 0xF0000) {
    return false;
  }
  return true;
}

inline void append_hex(std::string& out, const char* prefix, uint32_t v, int digits) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%0*x", digits, v);
  out += prefix;
  out += buf;
}

// The quote Ruff's generator writes: the preferred one, unless the text holds it and not the
// other.
inline char choose_quote(size_t singles, size_t doubles, char preferred) {
  const size_t primary = preferred == '\'' ? singles : doubles;
  const size_t secondary = preferred == '\'' ? doubles : singles;
  if (primary > 0 && secondary == 0) return preferred == '\'' ? '"' : '\'';
  return preferred;
}

// The shortest decimal digits that read back as `v` (> 0), and the exponent of the first one:
// 1500.0 is {"15", 3}.
inline void shortest_digits(double v, std::string& digits, int& exponent) {
  char buf[64];
  const auto res = std::to_chars(buf, buf + sizeof buf, v, std::chars_format::scientific);
  const std::string_view s(buf, static_cast<size_t>(res.ptr - buf));
  const size_t e = s.find('e');
  digits.clear();
  for (size_t i = 0; i < e; ++i) {
    if (s[i] != '.') digits.push_back(s[i]);
  }
  while (digits.size() > 1 && digits.back() == '0') digits.pop_back();
  exponent = std::atoi(std::string(s.substr(e + 1)).c_str());
}

// Rust's `{}` of an f64: shortest digits, never an exponent.
inline std::string plain_decimal(double v) {
  std::string out;
  if (std::signbit(v)) out.push_back('-');
  v = std::fabs(v);
  if (v == 0) return out + "0";
  std::string digits;
  int exponent = 0;
  shortest_digits(v, digits, exponent);
  const int n = static_cast<int>(digits.size());
  if (exponent < 0) {
    out += "0." + std::string(static_cast<size_t>(-exponent - 1), '0') + digits;
  } else if (exponent + 1 >= n) {
    out += digits + std::string(static_cast<size_t>(exponent + 1 - n), '0');
  } else {
    out += digits.substr(0, static_cast<size_t>(exponent + 1)) + "." + digits.substr(static_cast<size_t>(exponent + 1));
  }
  return out;
}

// Ruff's `float::to_string`: `1000.0`, `0.5`, `1e+16`, `1.5e-07`.
inline std::string float_repr(double v) {
  if (std::isinf(v)) return "1e309";
  if (v == 0) return "0.0";
  std::string digits;
  int exponent = 0;
  shortest_digits(std::fabs(v), digits, exponent);
  if (exponent < 16 && exponent > -5) {
    std::string s = plain_decimal(v);
    if (s.find('.') == std::string::npos) s += ".0";
    return s;
  }
  std::string out = v < 0 ? "-" : "";
  out += digits.substr(0, 1);
  if (digits.size() > 1) out += "." + digits.substr(1);
  char exp[16];
  std::snprintf(exp, sizeof exp, "e%+03d", exponent);
  return out + exp;
}

}  // namespace generator_detail

class Generator {
 public:
  explicit Generator(const Context& ctx) : ctx_(ctx) {}

  std::string expr(TSNode n, int level = precedence::kMin) {
    out_.clear();
    unparse(n, level);
    return out_;
  }

  // `object.name = value` as Ruff writes that assignment statement.
  std::string attribute_assignment(TSNode object, std::string_view name, TSNode value) {
    out_.clear();
    object = unparenthesized(object);
    if (is_a(object, "integer") && !is_imaginary(object)) {
      p("(");
      unparse(object, precedence::kMax);
      p(")");
    } else {
      unparse(object, precedence::kMax);
    }
    p(".");
    p(name);
    p(" = ");
    unparse(value, precedence::kAssign);
    return out_;
  }

  // A parenthesized tuple of `items`, as Ruff writes one it builds.
  std::string parenthesized_tuple(const std::vector<TSNode>& items) {
    out_ = "(";
    sequence(items, precedence::kComma);
    if (items.size() == 1) p(",");
    p(")");
    return out_;
  }

  // Whether everything written so far was generated (no f-string copied from the source).
  bool exact() const { return exact_; }

 private:
  void p(std::string_view s) { out_ += s; }

  template <class Body>
  void group_if(int level, int prec, Body&& body) {
    const bool group = level > prec;
    if (group) p("(");
    body();
    if (group) p(")");
  }

  void unparse(TSNode n, int level) {
    n = unparenthesized(n);
    if (ts_node_is_null(n)) return;
    if (++depth_ > 500) {
      copy(n);
      --depth_;
      return;
    }
    dispatch(n, level);
    --depth_;
  }

  void copy(TSNode n) {
    exact_ = false;
    p(ctx_.text(n));
  }

  void dispatch(TSNode n, int level) {
    using namespace precedence;
    const std::string_view k = kind(n);
    if (k == "identifier" || k == "true" || k == "false" || k == "none" || k == "ellipsis") {
      p(k == "true" ? "True" : k == "false" ? "False" : k == "none" ? "None" : k == "ellipsis" ? "..." : ctx_.text(n));
    } else if (k == "integer" || k == "float") {
      number(n);
    } else if (k == "string" || k == "concatenated_string") {
      strings(n);
    } else if (k == "attribute") {
      const TSNode object = unparenthesized(field(n, "object"));
      if (is_a(object, "integer") && !is_imaginary(object)) {
        p("(");
        unparse(object, kMax);
        p(").");
      } else {
        unparse(object, kMax);
        p(".");
      }
      p(ctx_.text(field(n, "attribute")));
    } else if (k == "call") {
      call(n);
    } else if (k == "subscript") {
      unparse(field(n, "value"), kMax);
      p("[");
      std::vector<TSNode> items;
      for (auto it = children(n).begin(); it != children(n).end(); ++it) {
        const char* name = it.field_name();
        if (name && std::string_view(name) == "subscript") items.push_back(*it);
      }
      if (items.size() == 1) {
        unparse(items[0], kSubscript);
      } else {
        sequence(items, kComma);  // a tuple, which needs no parentheses here
      }
      p("]");
    } else if (k == "slice") {
      slice(n);
    } else if (k == "list_splat" || k == "parenthesized_list_splat") {
      p("*");
      unparse(first_named_child(n), kMax);
    } else if (k == "dictionary_splat") {
      p("**");
      unparse(first_named_child(n), kMax);
    } else if (k == "tuple" || k == "expression_list" || k == "pattern_list" || k == "tuple_pattern") {
      std::vector<TSNode> items;
      for_each_named_child(n, [&](TSNode c) { items.push_back(c); });
      if (items.empty()) {
        p("()");
      } else {
        group_if(level, kTuple, [&] {
          sequence(items, kComma);
          if (items.size() == 1) p(",");
        });
      }
    } else if (k == "list" || k == "list_pattern") {
      p("[");
      std::vector<TSNode> items;
      for_each_named_child(n, [&](TSNode c) { items.push_back(c); });
      sequence(items, kComma);
      p("]");
    } else if (k == "set") {
      p("{");
      std::vector<TSNode> items;
      for_each_named_child(n, [&](TSNode c) { items.push_back(c); });
      sequence(items, kComma);
      p("}");
    } else if (k == "dictionary") {
      p("{");
      bool first = true;
      for_each_named_child(n, [&](TSNode c) {
        if (!first) p(", ");
        first = false;
        if (is_a(c, "pair")) {
          unparse(field(c, "key"), kComma);
          p(": ");
          unparse(field(c, "value"), kComma);
        } else {
          unparse(c, kComma);  // `**mapping`
        }
      });
      p("}");
    } else if (k == "list_comprehension" || k == "set_comprehension" || k == "dictionary_comprehension" ||
               k == "generator_expression") {
      const char* open = k == "list_comprehension" ? "[" : k == "generator_expression" ? "(" : "{";
      const char* close = k == "list_comprehension" ? "]" : k == "generator_expression" ? ")" : "}";
      p(open);
      comprehension_body(n);
      p(close);
    } else if (k == "unary_operator") {
      const std::string_view op = kind_of(field(n, "operator"));
      group_if(level, kUnary, [&] {
        p(op);
        unparse(field(n, "argument"), kUnary);
      });
    } else if (k == "not_operator") {
      group_if(level, kNot, [&] {
        p("not ");
        unparse(field(n, "argument"), kNot);
      });
    } else if (k == "binary_operator") {
      binary(n, level);
    } else if (k == "boolean_operator") {
      boolean(n, level);
    } else if (k == "comparison_operator") {
      group_if(level, kCmp, [&] {
        for (TSNode c : children(n)) {
          if (ts_node_is_extra(c)) continue;
          if (ts_node_is_named(c)) {
            unparse(c, kCmp + 1);
          } else {
            p(" ");
            p(kind(c) == "<>" ? "!=" : kind(c));
            p(" ");
          }
        }
      });
    } else if (k == "conditional_expression") {
      std::vector<TSNode> parts;
      for_each_named_child(n, [&](TSNode c) { parts.push_back(c); });
      if (parts.size() != 3) return copy(n);
      group_if(level, kIfExp, [&] {
        unparse(parts[0], kIfExp + 1);
        p(" if ");
        unparse(parts[1], kIfExp + 1);
        p(" else ");
        unparse(parts[2], kIfExp);
      });
    } else if (k == "lambda") {
      group_if(level, kLambda, [&] {
        p("lambda");
        const TSNode parameters = field(n, "parameters");
        if (!ts_node_is_null(parameters)) {
          p(" ");
          lambda_parameters(parameters);
        }
        p(": ");
        unparse(field(n, "body"), kLambda);
      });
    } else if (k == "named_expression") {
      group_if(level, kNamedExpr, [&] {
        unparse(field(n, "name"), kNamedExpr);
        p(" := ");
        unparse(field(n, "value"), kNamedExpr + 1);
      });
    } else if (k == "await") {
      group_if(level, kAwait, [&] {
        p("await ");
        unparse(first_named_child(n), kMax);
      });
    } else if (k == "yield") {
      bool from = false;
      for (TSNode c : children(n)) {
        if (kind(c) == "from") from = true;
      }
      const TSNode value = first_named_child(n);
      group_if(level, kYield, [&] {
        if (from) {
          p("yield from ");
          unparse(value, kMax);
        } else {
          p("yield");
          if (!ts_node_is_null(value)) {
            p(" ");
            unparse(value, kYield + 1);
          }
        }
      });
    } else if (k == "keyword_argument") {
      p(ctx_.text(field(n, "name")));
      p("=");
      unparse(field(n, "value"), kComma);
    } else {
      copy(n);
    }
  }

  void sequence(const std::vector<TSNode>& items, int level) {
    bool first = true;
    for (const TSNode item : items) {
      if (!first) p(", ");
      first = false;
      unparse(item, level);
    }
  }

  void call(TSNode n) {
    using namespace precedence;
    unparse(field(n, "function"), kMax);
    p("(");
    const TSNode arguments = field(n, "arguments");
    std::vector<TSNode> items;
    if (is_a(arguments, "generator_expression")) {
      items.push_back(arguments);
    } else if (!ts_node_is_null(arguments)) {
      for_each_named_child(arguments, [&](TSNode c) { items.push_back(c); });
    }
    if (items.size() == 1 && is_a(unparenthesized(items[0]), "generator_expression")) {
      // A lone generator argument is not parenthesized twice.
      comprehension_body(unparenthesized(items[0]));
    } else {
      sequence(items, kComma);
    }
    p(")");
  }

  void comprehension_body(TSNode n) {
    using namespace precedence;
    const TSNode body = field(n, "body");
    if (is_a(body, "pair")) {
      unparse(field(body, "key"), kComprehensionElement);
      p(": ");
      unparse(field(body, "value"), kComprehensionElement);
    } else {
      unparse(body, kComprehensionElement);
    }
    for_each_named_child(n, [&](TSNode c) {
      if (is_a(c, "for_in_clause")) {
        bool is_async = false;
        for (TSNode t : children(c)) {
          if (kind(t) == "async") is_async = true;
        }
        p(is_async ? " async for " : " for ");
        unparse(field(c, "left"), kComprehensionTarget);
        p(" in ");
        unparse(field(c, "right"), kComprehension);
      } else if (is_a(c, "if_clause")) {
        p(" if ");
        unparse(first_named_child(c), kComprehension);
      }
    });
  }

  void slice(TSNode n) {
    using namespace precedence;
    TSNode parts[3] = {};
    int colons = 0;
    for (TSNode c : children(n)) {
      if (kind(c) == ":") {
        ++colons;
      } else if (is_named_child(c) && colons < 3) {
        parts[colons] = c;
      }
    }
    if (!ts_node_is_null(parts[0])) unparse(parts[0], kSlice);
    p(":");
    if (!ts_node_is_null(parts[1])) unparse(parts[1], kSlice);
    if (!ts_node_is_null(parts[2])) {
      p(":");
      unparse(parts[2], kSlice);
    }
  }

  static int binary_precedence(std::string_view op) {
    using namespace precedence;
    if (op == "+" || op == "-") return kAdd;
    if (op == "*" || op == "@" || op == "/" || op == "%" || op == "//") return kMult;
    if (op == "**") return kPow;
    if (op == "<<" || op == ">>") return kShift;
    if (op == "|") return kBitOr;
    if (op == "^") return kBitXor;
    if (op == "&") return kBitAnd;
    return kMax;
  }

  void binary(TSNode n, int level) {
    const std::string_view op = kind_of(field(n, "operator"));
    const int prec = binary_precedence(op);
    const bool right_assoc = op == "**";
    group_if(level, prec, [&] {
      unparse(field(n, "left"), prec + (right_assoc ? 1 : 0));
      p(" ");
      p(op);
      p(" ");
      unparse(field(n, "right"), prec + (right_assoc ? 0 : 1));
    });
  }

  // `a and b and c` is one operation of three operands to Ruff; tree-sitter nests it.
  void boolean(TSNode n, int level) {
    const std::string_view op = kind_of(field(n, "operator"));
    const int prec = op == "and" ? precedence::kAnd : precedence::kOr;
    std::vector<TSNode> operands;
    TSNode left = n;
    std::vector<TSNode> rights;
    while (is_a(left, "boolean_operator") && kind_of(field(left, "operator")) == op) {
      rights.push_back(field(left, "right"));
      left = field(left, "left");
    }
    operands.push_back(left);
    operands.insert(operands.end(), rights.rbegin(), rights.rend());
    group_if(level, prec, [&] {
      bool first = true;
      for (const TSNode o : operands) {
        if (!first) {
          p(" ");
          p(op);
          p(" ");
        }
        first = false;
        unparse(o, prec + 1);
      }
    });
  }

  void lambda_parameters(TSNode parameters) {
    bool first = true;
    for_each_named_child(parameters, [&](TSNode c) {
      if (!first) p(", ");
      first = false;
      const std::string_view k = kind(c);
      if (k == "default_parameter") {
        p(ctx_.text(field(c, "name")));
        p("=");
        unparse(field(c, "value"), precedence::kComma);
      } else if (k == "list_splat_pattern") {
        p("*");
        p(ctx_.text(first_named_child(c)));
      } else if (k == "dictionary_splat_pattern") {
        p("**");
        p(ctx_.text(first_named_child(c)));
      } else if (k == "keyword_separator") {
        p("*");
      } else if (k == "positional_separator") {
        p("/");
      } else {
        p(ctx_.text(c));
      }
    });
  }

  bool is_imaginary(TSNode n) const {
    const std::string_view t = ctx_.text(n);
    return !t.empty() && (t.back() == 'j' || t.back() == 'J');
  }

  void number(TSNode n) {
    std::string digits;
    for (const char c : ctx_.text(n)) {
      if (c != '_') digits.push_back(c);
    }
    if (digits.empty()) return copy(n);
    const char last = digits.back();
    if (last == 'j' || last == 'J') {
      digits.pop_back();
      p(generator_detail::plain_decimal(std::strtod(digits.c_str(), nullptr)));
      p("j");
      return;
    }
    if (is_a(n, "float")) {
      p(generator_detail::float_repr(std::strtod(digits.c_str(), nullptr)));
      return;
    }
    int base = 10;
    size_t start = 0;
    if (digits.size() > 1 && digits[0] == '0') {
      const char b = static_cast<char>(digits[1] | 0x20);
      if (b == 'x') base = 16, start = 2;
      else if (b == 'o') base = 8, start = 2;
      else if (b == 'b') base = 2, start = 2;
    }
    uint64_t value = 0;
    const auto res = std::from_chars(digits.data() + start, digits.data() + digits.size(), value, base);
    if (res.ec != std::errc() || res.ptr != digits.data() + digits.size()) {
      p(ctx_.text(n));  // too large for 64 bits: Ruff keeps the literal as written
      return;
    }
    p(std::to_string(value));
  }

  void strings(TSNode n) {
    std::vector<TSNode> parts;
    if (is_a(n, "string")) {
      parts.push_back(n);
    } else {
      for_each_named_child(n, [&](TSNode c) {
        if (is_a(c, "string")) parts.push_back(c);
      });
    }
    for (const TSNode part : parts) {
      if (is_interpolated_part(part, ctx_)) return copy(n);
    }
    bool first = true;
    for (const TSNode part : parts) {
      if (!first) p(" ");
      first = false;
      literal(part);
    }
  }

  // One string or bytes literal, as Python's repr() would write its value with the literal's
  // own prefix and quote preference.
  void literal(TSNode part) {
    const std::string_view text = ctx_.text(part);
    const std::string_view prefix = string_prefix(text);
    const size_t pl = prefix.size();
    if (pl >= text.size()) return copy(part);
    const char quote = text[pl];
    const bool triple = text.size() >= pl + 6 && text[pl + 1] == quote && text[pl + 2] == quote;
    const size_t q = triple ? 3 : 1;
    if (text.size() < pl + 2 * q) return copy(part);
    const std::string_view body = text.substr(pl + q, text.size() - pl - 2 * q);
    const bool raw = pyfmt::prefix_contains(prefix, 'r');
    const bool bytes = pyfmt::prefix_contains(prefix, 'b');
    if (raw) {
      // Raw literals are written as they are, with Ruff's spelling of the prefix.
      const bool upper_r = prefix.find('R') != std::string_view::npos;
      p(upper_r ? "R" : "r");
      if (bytes) p("b");
      p(text.substr(pl, q));
      p(body);
      p(text.substr(pl, q));
      return;
    }
    std::u32string value;
    pyfmt::detail::decode_body(body, false, value);
    size_t singles = 0, doubles = 0;
    for (const char32_t c : value) {
      if (c == '\'') ++singles;
      else if (c == '"') ++doubles;
    }
    const char chosen = generator_detail::choose_quote(singles, doubles, quote);
    const std::string quotes(q, chosen);
    if (bytes) {
      p("b");
    } else if (pyfmt::prefix_contains(prefix, 'u')) {
      p("u");
    }
    p(quotes);
    for (const char32_t c : value) {
      if (c == '\n') p("\\n");
      else if (c == '\t') p("\\t");
      else if (c == '\r') p("\\r");
      else if (c >= 0x20 && c < 0x7F) {
        if (c == static_cast<char32_t>(chosen) || c == '\\') out_.push_back('\\');
        out_.push_back(static_cast<char>(c));
      } else if (c < 0x80 || (bytes && c < 0x100)) {
        generator_detail::append_hex(out_, "\\x", static_cast<uint32_t>(c), 2);
      } else if (generator_detail::is_printable(c)) {
        pyfmt::append_utf8(out_, c);
      } else if (c < 0x100) {
        generator_detail::append_hex(out_, "\\x", static_cast<uint32_t>(c), 2);
      } else if (c < 0x10000) {
        generator_detail::append_hex(out_, "\\u", static_cast<uint32_t>(c), 4);
      } else {
        generator_detail::append_hex(out_, "\\U", static_cast<uint32_t>(c), 8);
      }
    }
    p(quotes);
  }

  const Context& ctx_;
  std::string out_;
  bool exact_ = true;
  int depth_ = 0;
};

}  // namespace lint::rules::bugbear
