// Finding repeated keys in a dictionary display, shared by F601 and F602.
//
// Two keys are the same when Ruff's `HashableExpr` says so: the expressions are compared as
// syntax trees (parentheses, spacing, trailing commas and the spelling of literals do not
// matter: `'a'` equals `"a"` and `"\x61"`, `0x10` equals `16`), and, at the top of a key and
// inside tuples, numbers compare by value as Python hashes them: `1`, `1.0`, `True`, `1+0j` and
// `--1` are one key. Each key is written once in a canonical byte form; equal forms are equal keys.
#pragma once

#include <tree_sitter/api.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

#include "pycodestyle/strings.h"
#include "pyflakes/string_values.h"
#include "engine/rule.h"
#include "syntax/syntax.h"

namespace lint::rules {

namespace keys_detail {

// A numeric value as Python hashes it: an exact integer, or a (complex) float.
struct Number {
  bool is_int = false;
  bool neg = false;
  uint64_t mag = 0;
  std::string_view big;  // an integer literal too large for 64 bits, as written
  double re = 0, im = 0;
};

inline bool is_imaginary_literal(TSNode n, std::string_view text) {
  return (is(n, "integer") || is(n, "float")) && !text.empty() && (text.back() == 'j' || text.back() == 'J');
}

// The value of an `integer` or `float` node's text.
inline bool parse_number(std::string_view text, Number& out) {
  char buf[128];
  size_t len = 0;
  for (char c : text) {
    if (c == '_') continue;
    if (len + 1 >= sizeof buf) return false;
    buf[len++] = c;
  }
  buf[len] = '\0';
  if (len == 0) return false;
  const bool imaginary = buf[len - 1] == 'j' || buf[len - 1] == 'J';
  if (imaginary) buf[--len] = '\0';
  bool is_float = imaginary;
  int base = 10;
  size_t start = 0;
  if (len > 1 && buf[0] == '0' && (buf[1] == 'x' || buf[1] == 'X')) {
    base = 16, start = 2;
  } else if (len > 1 && buf[0] == '0' && (buf[1] == 'o' || buf[1] == 'O')) {
    base = 8, start = 2;
  } else if (len > 1 && buf[0] == '0' && (buf[1] == 'b' || buf[1] == 'B')) {
    base = 2, start = 2;
  } else {
    for (size_t i = 0; i < len; ++i) {
      if (buf[i] == '.' || buf[i] == 'e' || buf[i] == 'E') is_float = true;
    }
  }
  if (is_float) {
    const double v = std::strtod(buf, nullptr);
    out.is_int = false;
    out.re = imaginary ? 0.0 : v;
    out.im = imaginary ? v : 0.0;
    return true;
  }
  uint64_t v = 0;
  for (size_t i = start; i < len; ++i) {
    const int d = hex_digit_value(buf[i]);
    if (d < 0 || d >= base) return false;
    if (v > (UINT64_MAX - static_cast<uint64_t>(d)) / static_cast<uint64_t>(base)) {
      out = Number{};
      out.is_int = true;
      out.big = text;
      return true;
    }
    v = v * static_cast<uint64_t>(base) + static_cast<uint64_t>(d);
  }
  out = Number{};
  out.is_int = true;
  out.mag = v;
  return true;
}

inline double as_double(const Number& n) {
  if (!n.is_int) return n.re;
  if (!n.big.empty()) return std::strtod(std::string(n.big).c_str(), nullptr) * (n.neg ? -1 : 1);
  const double m = static_cast<double>(n.mag);
  return n.neg ? -m : m;
}

// The value Python gives a key made of numeric literals, booleans, unary `+`/`-` and the
// `real ± imaginary` spelling of complex numbers; false for anything else.
inline bool numeric_value(TSNode n, const Context& ctx, Number& out, int depth = 0) {
  if (depth > 64) return false;
  n = unparenthesized(n);
  if (ts_node_is_null(n)) return false;
  const std::string_view k = kind(n);
  if (k == "integer" || k == "float") return parse_number(ctx.text(n), out);
  if (k == "true" || k == "false") {
    out = Number{};
    out.is_int = true;
    out.mag = k == "true" ? 1 : 0;
    return true;
  }
  if (k == "unary_operator") {
    const TSNode op = field(n, "operator");
    if (ts_node_is_null(op) || !(is(op, "-") || is(op, "+"))) return false;
    if (!numeric_value(field(n, "argument"), ctx, out, depth + 1)) return false;
    if (is(op, "-")) {
      if (out.is_int) {
        out.neg = !out.neg;
      } else {
        out.re = -out.re;
        out.im = -out.im;
      }
    }
    return true;
  }
  if (k == "binary_operator") {
    const TSNode op = field(n, "operator");
    if (ts_node_is_null(op) || !(is(op, "-") || is(op, "+"))) return false;
    const TSNode right = unparenthesized(field(n, "right"));
    if (ts_node_is_null(right) || !is_imaginary_literal(right, ctx.text(right))) return false;
    Number left, imag;
    if (!numeric_value(field(n, "left"), ctx, left, depth + 1) || !parse_number(ctx.text(right), imag)) return false;
    if (!left.is_int && left.im != 0) return false;
    const double re = as_double(left);
    out = Number{};
    out.re = re;
    out.im = is(op, "-") ? -imag.im : imag.im;
    return true;
  }
  return false;
}

// Display width of a snippet as Ruff measures it (East Asian wide characters count twice).
inline size_t display_width(std::string_view s) {
  size_t width = 0;
  for (size_t i = 0; i < s.size();) {
    const auto b = static_cast<unsigned char>(s[i]);
    uint32_t cp = b;
    size_t len = 1;
    if (b >= 0xF0 && i + 3 < s.size()) {
      cp = ((b & 0x07u) << 18) | ((s[i + 1] & 0x3Fu) << 12) | ((s[i + 2] & 0x3Fu) << 6) | (s[i + 3] & 0x3Fu), len = 4;
    } else if (b >= 0xE0 && i + 2 < s.size()) {
      cp = ((b & 0x0Fu) << 12) | ((s[i + 1] & 0x3Fu) << 6) | (s[i + 2] & 0x3Fu), len = 3;
    } else if (b >= 0xC0 && i + 1 < s.size()) {
      cp = ((b & 0x1Fu) << 6) | (s[i + 1] & 0x3Fu), len = 2;
    }
    i += len;
    if ((cp >= 0x0300 && cp <= 0x036F) || cp == 0x200B || (cp >= 0xFE00 && cp <= 0xFE0F)) continue;
    const bool wide = (cp >= 0x1100 && cp <= 0x115F) || (cp >= 0x2E80 && cp <= 0x303E) || (cp >= 0x3041 && cp <= 0x33FF) ||
                      (cp >= 0x3400 && cp <= 0x4DBF) || (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0xA000 && cp <= 0xA4CF) ||
                      (cp >= 0xAC00 && cp <= 0xD7A3) || (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0xFE30 && cp <= 0xFE4F) ||
                      (cp >= 0xFF00 && cp <= 0xFF60) || (cp >= 0xFFE0 && cp <= 0xFFE6) || (cp >= 0x1F300 && cp <= 0x1F64F) ||
                      (cp >= 0x1F900 && cp <= 0x1F9FF) || (cp >= 0x20000 && cp <= 0x3FFFD);
    width += wide ? 2 : 1;
  }
  return width;
}

// Whether Ruff shows a snippet in a message: one line, at most 50 columns wide.
inline bool displayable(std::string_view s) {
  return s.find_first_of("\r\n") == std::string_view::npos && display_width(s) <= 50;
}

}  // namespace keys_detail

// Whether every item of a tuple, through nested tuples, is a constant (a literal or a signed
// number): Ruff's HashableExpr compares such a tuple by value, `(1, 2)` as `(1.0, 2)`, and any
// other tuple as written, `(f(), 2)` apart from `(f(), 2.0)`. Iterative: tuples nest deeply.
inline bool is_constant_tuple(TSNode tuple) {
  std::vector<TSNode> stack{tuple};
  while (!stack.empty()) {
    const TSNode t = stack.back();
    stack.pop_back();
    for (TSNode c : children(t)) {
      if (!ts_node_is_named(c) || ts_node_is_extra(c)) continue;
      TSNode e = unparenthesized(c);
      if (ts_node_is_null(e)) return false;
      if (is(e, "unary_operator")) e = unparenthesized(field(e, "argument"));
      if (ts_node_is_null(e)) return false;
      const std::string_view k = kind(e);
      if (k == "tuple") {
        stack.push_back(e);
      } else if (!(k == "string" || k == "concatenated_string" || k == "integer" || k == "float" || k == "true" ||
                   k == "false" || k == "none" || k == "ellipsis")) {
        return false;
      }
    }
  }
  return true;
}

// The canonical byte form of expressions, written without recursion.
class KeyCanonicalizer {
 public:
  // `hashable`: compare numbers as Python hashes them at the top and inside tuples (keys, Ruff's
  // HashableExpr); otherwise as written values (Ruff's ComparableExpr, for dict values).
  void append(TSNode key, const Context& ctx, std::string& out, bool hashable = true) {
    stack_.clear();
    literals_.clear();
    outermost_ = true;
    stack_.push_back({key, 0, 0, kNode, hashable});
    while (!stack_.empty()) {
      const Item item = stack_.back();
      stack_.pop_back();
      switch (item.op) {
        case kClose: out.push_back(')'); break;
        case kToken: tag_symbol(out, 'o', item.node); break;
        case kLiteral: bytes(out, 'L', std::string_view(literals_).substr(item.a, item.b)); break;
        case kSlot: out.push_back(static_cast<char>('0' + item.a)); break;
        case kText: bytes(out, 't', ctx.text(item.node)); break;
        case kOpenTuple:
          out.push_back('K');
          out.append(reinterpret_cast<const char*>(&tuple_symbol_), sizeof tuple_symbol_);
          out.push_back('(');
          break;
        default: node(item.node, item.hashable, ctx, out); break;
      }
    }
  }

 private:
  enum Op : uint8_t { kNode, kClose, kToken, kLiteral, kSlot, kText, kOpenTuple };
  struct Item {
    TSNode node;
    uint32_t a, b;
    Op op;
    bool hashable;  // numbers compare by value here (top of a key, inside tuples)
  };

  static void bytes(std::string& out, char tag, std::string_view s) {
    out.push_back(tag);
    const auto len = static_cast<uint32_t>(s.size());
    out.append(reinterpret_cast<const char*>(&len), sizeof len);
    out.append(s);
  }
  static void tag_symbol(std::string& out, char tag, TSNode n) {
    out.push_back(tag);
    const TSSymbol s = ts_node_symbol(n);
    out.append(reinterpret_cast<const char*>(&s), sizeof s);
  }
  static void u64(std::string& out, uint64_t v) { out.append(reinterpret_cast<const char*>(&v), sizeof v); }
  static void f64(std::string& out, double v) {
    uint64_t bits;
    std::memcpy(&bits, &v, sizeof bits);
    u64(out, bits);
  }

  static void hashable_number(const keys_detail::Number& n, std::string& out) {
    if (n.is_int && !n.big.empty()) {
      out.push_back('J');
      out.push_back(n.neg ? '-' : '+');
      std::string norm;
      for (char c : n.big) {
        if (c != '_') norm.push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c);
      }
      bytes(out, 'x', norm);
      return;
    }
    if (n.is_int) {
      out.push_back('I');
      out.push_back(n.neg && n.mag != 0 ? '-' : '+');
      u64(out, n.mag);
      return;
    }
    if (n.im == 0) {
      const double m = std::fabs(n.re);
      if (std::isfinite(n.re) && m == std::floor(m) && m < 18446744073709551616.0) {
        out.push_back('I');
        out.push_back(n.re < 0 ? '-' : '+');
        u64(out, static_cast<uint64_t>(m));
        return;
      }
      out.push_back('R');
      f64(out, n.re);
      return;
    }
    out.push_back('C');
    f64(out, n.re == 0 ? 0.0 : n.re);
    f64(out, n.im);
  }

  void push_children(TSNode n) {
    const size_t base = stack_.size();
    for (TSNode c : children(n)) {
      if (ts_node_is_extra(c)) continue;
      if (ts_node_is_named(c)) {
        stack_.push_back({c, 0, 0, kNode, false});
        continue;
      }
      const std::string_view k = kind(c);
      if (k == "(" || k == ")" || k == "[" || k == "]" || k == "{" || k == "}" || k == "," || k == ":") continue;
      stack_.push_back({c, 0, 0, kToken, false});
    }
    std::reverse(stack_.begin() + static_cast<std::ptrdiff_t>(base), stack_.end());
  }

  void node(TSNode n, bool hashable, const Context& ctx, std::string& out) {
    n = unparenthesized(n);
    if (ts_node_is_null(n)) return;
    const std::string_view k = kind(n);
    if (hashable) {
      keys_detail::Number num;
      if (keys_detail::numeric_value(n, ctx, num)) {
        hashable_number(num, out);
        return;
      }
    }
    if (k == "identifier") {
      bytes(out, 'n', ctx.text(n));
      return;
    }
    if (k == "integer" || k == "float") {
      keys_detail::Number num;
      if (!keys_detail::parse_number(ctx.text(n), num)) {
        bytes(out, '?', ctx.text(n));
      } else if (num.is_int && !num.big.empty()) {
        bytes(out, 'j', num.big);
      } else if (num.is_int) {
        out.push_back('i');
        u64(out, num.mag);
      } else {
        out.push_back('f');
        f64(out, num.re);
        f64(out, num.im);
      }
      return;
    }
    if (k == "string" || k == "concatenated_string") {
      string(n, ctx, out);
      return;
    }
    if (ts_node_child_count(n) == 0) {
      // A leaf such as `None`, `...` or an f-string's `!r`.
      tag_symbol(out, 'K', n);
      bytes(out, 't', ctx.text(n));
      return;
    }
    tag_symbol(out, 'K', n);
    out.push_back('(');
    stack_.push_back({n, 0, 0, kClose, false});
    if (k == "tuple") {
      const size_t base = stack_.size();
      // Only the outermost tuple is checked: a tuple reached with `hashable` set is either the
      // key itself or an item of a constant tuple (so constant too).
      const bool by_value = hashable && (!outermost_ || is_constant_tuple(n));
      outermost_ = false;
      for (TSNode c : children(n)) {
        if (ts_node_is_named(c) && !ts_node_is_extra(c)) stack_.push_back({c, 0, 0, kNode, by_value});
      }
      std::reverse(stack_.begin() + static_cast<std::ptrdiff_t>(base), stack_.end());
    } else if (k == "boolean_operator") {
      // `a and b and c` is one operation with three operands; `(a and b) and c` is two.
      const TSNode op = field(n, "operator");
      stack_.push_back({op, 0, 0, kToken, false});
      TSNode cur = n;
      const size_t base = stack_.size();
      while (is(cur, "boolean_operator") && !ts_node_is_null(field(cur, "operator")) &&
             is(field(cur, "operator"), kind(op))) {
        stack_.push_back({field(cur, "right"), 0, 0, kNode, false});
        cur = field(cur, "left");
      }
      stack_.push_back({cur, 0, 0, kNode, false});
      (void)base;
    } else if (k == "subscript") {
      // `a[1, 2]` subscripts with the tuple `(1, 2)`, like `a[(1, 2)]`.
      int count = 0;
      bool comma = false;
      const Children parts = children(n);
      for (auto it = parts.begin(); it != parts.end(); ++it) {
        const char* f = it.field_name();
        if (f != nullptr && std::string_view(f) == "subscript") ++count;
        if (is(*it, ",")) comma = true;
      }
      const bool tuple = count > 1 || comma;
      const size_t base = stack_.size();
      stack_.push_back({field(n, "value"), 0, 0, kNode, false});
      if (tuple) stack_.push_back({n, 0, 0, kOpenTuple, false});
      for (auto it = parts.begin(); it != parts.end(); ++it) {
        const char* f = it.field_name();
        if (f != nullptr && std::string_view(f) == "subscript") stack_.push_back({*it, 0, 0, kNode, false});
      }
      if (tuple) stack_.push_back({n, 0, 0, kClose, false});
      std::reverse(stack_.begin() + static_cast<std::ptrdiff_t>(base), stack_.end());
    } else if (k == "slice") {
      // Which of start, stop and step each part is: `a[1:2:]` is `a[1:2]`, `a[:1]` is not `a[1:]`.
      uint32_t slot = 0;
      const size_t base = stack_.size();
      for (TSNode c : children(n)) {
        if (ts_node_is_extra(c)) continue;
        if (!ts_node_is_named(c)) {
          if (is(c, ":")) ++slot;
          continue;
        }
        stack_.push_back({c, slot, 0, kSlot, false});
        stack_.push_back({c, 0, 0, kNode, false});
      }
      std::reverse(stack_.begin() + static_cast<std::ptrdiff_t>(base), stack_.end());
    } else if (k == "interpolation") {
      // A replacement field: its expression, conversion and format, and for `{x = }` the text
      // around the expression, which the output repeats.
      const size_t base = stack_.size();
      TSNode expr{};
      bool have_expr = false, debug = false;
      uint32_t open_end = ts_node_start_byte(n) + 1, expr_end = 0;
      for (TSNode c : children(n)) {
        if (ts_node_is_extra(c)) continue;
        if (ts_node_is_named(c)) {
          if (!have_expr) {
            expr = c;
            have_expr = true;
            expr_end = ts_node_end_byte(c);
          } else if (debug && expr_end != 0) {
            debug_text(ctx, open_end, ts_node_start_byte(expr), expr_end, ts_node_start_byte(c));
            expr_end = 0;
          }
          stack_.push_back({c, 0, 0, kNode, false});
        } else if (is(c, "=")) {
          debug = true;
        } else if (is(c, "}") && debug && expr_end != 0) {
          debug_text(ctx, open_end, ts_node_start_byte(expr), expr_end, ts_node_start_byte(c));
          expr_end = 0;
        }
      }
      std::reverse(stack_.begin() + static_cast<std::ptrdiff_t>(base), stack_.end());
    } else if (k == "format_specifier") {
      const size_t base = stack_.size();
      for (TSNode c : children(n)) {
        if (ts_node_is_extra(c)) continue;
        stack_.push_back({c, 0, 0, ts_node_is_named(c) ? kNode : kText, false});
      }
      std::reverse(stack_.begin() + static_cast<std::ptrdiff_t>(base), stack_.end());
    } else if (k == "call") {
      // The arguments' parentheses belong to the call: `f(x for x in y)` is `f((x for x in y))`.
      const size_t base = stack_.size();
      stack_.push_back({field(n, "function"), 0, 0, kNode, false});
      const TSNode args = field(n, "arguments");
      if (!ts_node_is_null(args) && is(args, "argument_list")) {
        for (TSNode c : children(args)) {
          if (ts_node_is_named(c) && !ts_node_is_extra(c)) stack_.push_back({c, 0, 0, kNode, false});
        }
      } else if (!ts_node_is_null(args)) {
        stack_.push_back({args, 0, 0, kNode, false});
      }
      std::reverse(stack_.begin() + static_cast<std::ptrdiff_t>(base), stack_.end());
    } else {
      push_children(n);
    }
  }

  // Records `{x = }`'s text around the expression as a literal item, emitted in place.
  void debug_text(const Context& ctx, uint32_t open_end, uint32_t expr_start, uint32_t expr_end, uint32_t after) {
    const std::string_view src = ctx.source();
    const auto offset = static_cast<uint32_t>(literals_.size());
    literals_.append(src.substr(open_end, expr_start > open_end ? expr_start - open_end : 0));
    literals_.push_back('\0');
    literals_.append(src.substr(expr_end, after > expr_end ? after - expr_end : 0));
    stack_.push_back({TSNode{}, offset, static_cast<uint32_t>(literals_.size() - offset), kLiteral, false});
  }

  // Strings compare by value: text, bytes, or (with any f-string part) the sequence of literal
  // runs and replacement fields.
  void string(TSNode n, const Context& ctx, std::string& out) {
    bool fstring = false, bytes_kind = false;
    const auto each_part = [&](auto&& fn) {
      if (is(n, "string")) {
        fn(n);
      } else {
        for (TSNode p : children(n)) {
          if (is(p, "string")) fn(p);
        }
      }
    };
    each_part([&](TSNode part) {
      const std::string_view prefix = literal_prefix(ctx.text(part));
      fstring |= is_f_string_prefix(prefix);
      bytes_kind |= prefix_contains(prefix, 'b');
    });
    if (!fstring) {
      std::string value;
      each_part([&](TSNode part) {
        const std::string_view text = ctx.text(part);
        const std::string_view prefix = literal_prefix(text);
        decode_string_body(string_body(text, prefix.size()), is_raw_prefix(prefix), bytes_kind, false, value);
      });
      bytes(out, bytes_kind ? 'B' : 'S', value);
      return;
    }
    // An f-string: literal runs (merged across parts) and replacement fields, in order.
    out.push_back('F');
    out.push_back('(');
    stack_.push_back({n, 0, 0, kClose, false});
    const size_t base = stack_.size();
    size_t run_start = literals_.size();
    const auto flush = [&] {
      if (literals_.size() > run_start) {
        stack_.push_back({n, static_cast<uint32_t>(run_start), static_cast<uint32_t>(literals_.size() - run_start),
                          kLiteral, false});
      }
      run_start = literals_.size();
    };
    each_part([&](TSNode part) {
      const std::string_view text = ctx.text(part);
      const std::string_view prefix = literal_prefix(text);
      const bool raw = is_raw_prefix(prefix);
      if (!is_f_string_prefix(prefix)) {
        decode_string_body(string_body(text, prefix.size()), raw, false, false, literals_);
        return;
      }
      for (TSNode c : children(part)) {
        if (is(c, "string_content")) {
          decode_string_body(ctx.text(c), raw, false, true, literals_);
        } else if (is(c, "interpolation")) {
          flush();
          stack_.push_back({c, 0, 0, kNode, false});
        }
      }
    });
    flush();
    std::reverse(stack_.begin() + static_cast<std::ptrdiff_t>(base), stack_.end());
  }

  std::vector<Item> stack_;
  std::string literals_;
  bool outermost_ = true;  // no tuple met yet in this key
  const TSSymbol tuple_symbol_ = ts_language_symbol_for_name(python_language(), "tuple", 5, true);  // decoded f-string literal runs, referenced by kLiteral items
};

// For each key of a dictionary display that repeats an earlier one: the pair of key nodes.
class RepeatedKeys {
 public:
  struct Repeat {
    TSNode first;
    TSNode repeat;
    // Whether the repeat's value equals the value of an earlier occurrence of the key; then
    // Ruff deletes the repeated item, from the end of the item before it to the end of its value.
    bool same_value = false;
    uint32_t fix_start = 0, fix_end = 0;
  };

  // The instance F601 and F602 of this thread share (see SharedNodeKey).
  static RepeatedKeys& shared() {
    thread_local RepeatedKeys keys;
    return keys;
  }

  // Fills `repeats()` for `dict`; returns whether there is any. At once for the last dict.
  bool find(TSNode dict, const Context& ctx) {
    if (key_.changed(ctx, dict)) found_ = search(dict, ctx);
    return found_;
  }

  const std::vector<Repeat>& repeats() const { return repeats_; }

  // The fix for a repeat whose value repeats too (unsafe: the dict's order of evaluation
  // changes), with Ruff's title: `Remove repeated key[ literal] `x``.
  static void attach_fix(Diagnostic& d, std::string_view what, const Repeat& r, const Context& ctx) {
    const std::string_view repeat = ctx.text(r.repeat);
    d.fix_title = std::string(what);
    if (keys_detail::displayable(repeat)) d.fix_title += " `" + std::string(repeat) + "`";
    if (r.same_value) d.fix = Fix::unsafe(Edit::deletion(r.fix_start, r.fix_end));
  }

  // `Dictionary key[ literal] `x` repeated[ (`x` hashes to the same value as `y`)]`, as Ruff words it.
  static std::string message(std::string_view what, const Repeat& r, const Context& ctx) {
    const std::string_view first = ctx.text(r.first), repeat = ctx.text(r.repeat);
    std::string m(what);
    if (!keys_detail::displayable(repeat)) return m + " repeated";
    m += " `" + std::string(repeat) + "` repeated";
    if (first != repeat && keys_detail::displayable(first)) {
      m += " (`" + std::string(repeat) + "` hashes to the same value as `" + std::string(first) + "`)";
    }
    return m;
  }

 private:
  bool search(TSNode dict, const Context& ctx) {
    repeats_.clear();
    keys_.clear();
    items_.clear();
    for (TSNode item : children(dict)) {
      if (is(item, "pair")) {
        const TSNode key = field(item, "key"), value = field(item, "value");
        if (!ts_node_is_null(key)) keys_.push_back({unparenthesized(key), value, static_cast<uint32_t>(items_.size()), 0, 0, 0});
        items_.push_back(value);
      } else if (is(item, "dictionary_splat")) {
        items_.push_back(ts_node_named_child(item, 0));
      }
    }
    if (keys_.size() < 2) return false;
    canon_.clear();
    for (Key& k : keys_) {
      k.offset = static_cast<uint32_t>(canon_.size());
      canonicalizer_.append(k.node, ctx, canon_);
      k.length = static_cast<uint32_t>(canon_.size() - k.offset);
      k.hash = std::hash<std::string_view>()(form(k));
    }
    size_t slots = 4;
    while (slots < keys_.size() * 2) slots *= 2;
    table_.assign(slots, -1);
    values_.clear();
    for (size_t i = 0; i < keys_.size(); ++i) {
      size_t s = keys_[i].hash & (slots - 1);
      for (;; s = (s + 1) & (slots - 1)) {
        const int32_t j = table_[s];
        if (j < 0) {
          table_[s] = static_cast<int32_t>(i);
          break;
        }
        if (keys_[j].hash == keys_[i].hash && form(keys_[j]) == form(keys_[i])) {
          repeats_.push_back(repeat_of(static_cast<size_t>(j), i, ctx));
          break;
        }
      }
    }
    return !repeats_.empty();
  }

  // The repeat of key `first` at `i`, with whether its value was seen with that key before.
  Repeat repeat_of(size_t first, size_t i, const Context& ctx) {
    Repeat r{keys_[first].node, keys_[i].node};
    const Key& k = keys_[i];
    if (ts_node_is_null(k.value) || ts_node_is_null(keys_[first].value) || k.item == 0) return r;
    // The values seen with this key so far, as canonical forms (few: repeats are rare).
    auto group = std::find_if(values_.begin(), values_.end(), [&](const auto& g) { return g.first == first; });
    if (group == values_.end()) {
      values_.push_back({first, {value_form(keys_[first].value, ctx)}});
      group = values_.end() - 1;
    }
    std::string form = value_form(k.value, ctx);
    r.same_value = std::find(group->second.begin(), group->second.end(), form) != group->second.end();
    if (!r.same_value) group->second.push_back(std::move(form));
    const TSNode previous = items_[k.item - 1];
    if (r.same_value && !ts_node_is_null(previous)) {
      r.fix_start = ts_node_end_byte(previous);
      r.fix_end = ts_node_end_byte(k.value);
    } else {
      r.same_value = false;
    }
    return r;
  }

  std::string value_form(TSNode value, const Context& ctx) {
    std::string out;
    canonicalizer_.append(value, ctx, out, false);
    return out;
  }

  SharedNodeKey key_;  // the dict last searched, and what was found
  bool found_ = false;

  struct Key {
    TSNode node;
    TSNode value;
    uint32_t item;  // its position among the dict's items, `**spread` ones included
    uint32_t offset, length;
    size_t hash;
  };
  std::vector<TSNode> items_;  // each item's value (a spread's expression)
  std::vector<std::pair<size_t, std::vector<std::string>>> values_;  // by first key: value forms
  std::string_view form(const Key& k) const { return std::string_view(canon_).substr(k.offset, k.length); }

  KeyCanonicalizer canonicalizer_;
  std::vector<Key> keys_;
  std::vector<int32_t> table_;
  std::string canon_;
  std::vector<Repeat> repeats_;
};

// Keys that F601 reports when repeated: literals, tuples, f-strings, signed numbers and complex
// numbers spelt `real ± imaginary`.
inline bool is_literal_key(TSNode key, const Context& ctx) {
  key = unparenthesized(key);
  const std::string_view k = kind(key);
  if (k == "string" || k == "concatenated_string" || k == "integer" || k == "float" || k == "true" || k == "false" ||
      k == "none" || k == "ellipsis" || k == "tuple") {
    return true;
  }
  // A number under any number of unary `+`/`-`.
  const auto signed_number = [&](TSNode n, bool real_only) {
    for (int depth = 0; depth < 64; ++depth) {
      n = unparenthesized(n);
      if (ts_node_is_null(n)) return false;
      if (is(n, "integer") || is(n, "float")) return !real_only || !keys_detail::is_imaginary_literal(n, ctx.text(n));
      if (!is(n, "unary_operator")) return false;
      const TSNode op = field(n, "operator");
      if (ts_node_is_null(op) || !(is(op, "-") || is(op, "+"))) return false;
      n = field(n, "argument");
    }
    return false;
  };
  if (k == "unary_operator") return signed_number(key, false);
  if (k == "binary_operator") {
    const TSNode op = field(key, "operator");
    if (ts_node_is_null(op) || !(is(op, "-") || is(op, "+"))) return false;
    const TSNode right = unparenthesized(field(key, "right"));
    return !ts_node_is_null(right) && keys_detail::is_imaginary_literal(right, ctx.text(right)) &&
           signed_number(field(key, "left"), true);
  }
  return false;
}

}  // namespace lint::rules
