// `printf`-style formatting (`"..." % values`) as Ruff's pyflakes rules F501-F509 see it: the
// format string parser (ruff_python_literal's cformat), the summary of its placeholders, and the
// little type inference Ruff applies to the right-hand side.
#pragma once

#include <tree_sitter/api.h>

#include <algorithm>
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "syntax/node.h"
#include "pyflakes/python_string.h"
#include "engine/rule.h"

namespace lint::rules::pyfmt {

enum class CFormatError : uint8_t {
  kNone,
  kUnmatchedKeyParentheses,
  kIncompleteFormat,
  kIntTooBig,
  kUnsupportedFormatChar,
};

// What the placeholders of a valid format string ask for.
struct CFormatSummary {
  bool starred = false;         // a `*` width or precision
  size_t num_positional = 0;    // placeholders without a key, plus one per `*`
  std::vector<std::u32string> key_inserts;  // mapping keys in order, repeats included
  std::vector<std::u32string> keywords;     // distinct mapping keys, first occurrence first

  void clear() {
    starred = false;
    num_positional = 0;
    key_inserts.clear();
    keywords.clear();
    keyword_set_.clear();
  }
  bool has_keyword(std::u32string_view k) const { return keyword_set_.count(std::u32string(k)) != 0; }
  void add_keyword(std::u32string_view k) {
    key_inserts.emplace_back(k);
    if (keyword_set_.emplace(k).second) keywords.emplace_back(k);
  }

 private:
  std::unordered_set<std::u32string> keyword_set_;  // `keywords`, for lookups in constant time
};

namespace detail {

inline bool is_ascii_digit(char32_t c) { return c >= '0' && c <= '9'; }

// A `*` or a decimal number; Ruff keeps numbers in an i32.
inline CFormatError parse_quantity(std::u32string_view s, size_t& i, bool& star) {
  star = false;
  if (i >= s.size()) return CFormatError::kNone;
  if (s[i] == '*') {
    ++i;
    star = true;
    return CFormatError::kNone;
  }
  if (!is_ascii_digit(s[i])) return CFormatError::kNone;
  int64_t num = s[i] - '0';
  ++i;
  while (i < s.size() && is_ascii_digit(s[i])) {
    num = num * 10 + (s[i] - '0');
    if (num > INT32_MAX) return CFormatError::kIntTooBig;
    ++i;
  }
  return CFormatError::kNone;
}

inline bool is_format_char(char32_t c) {
  switch (c) {
    case 'd': case 'i': case 'u': case 'o': case 'x': case 'X': case 'e': case 'E': case 'f':
    case 'F': case 'g': case 'G': case 'c': case 'r': case 's': case 'a':
      return true;
    default:
      return false;
  }
}

}  // namespace detail

// Parses a `%`-format string. On success fills `summary`; on an unsupported conversion
// character stores it in `bad_char`.
inline CFormatError parse_cformat(std::u32string_view s, CFormatSummary& summary, char32_t& bad_char) {
  summary.clear();
  const size_t n = s.size();
  size_t i = 0;
  while (i < n) {
    if (s[i++] != '%') continue;
    if (i >= n) return CFormatError::kIncompleteFormat;
    if (s[i] == '%') {
      ++i;
      continue;
    }
    // Mapping key: the text up to the matching parenthesis.
    bool has_key = false;
    size_t key_start = 0;
    size_t key_end = 0;
    if (s[i] == '(') {
      ++i;
      key_start = i;
      int depth = 1;
      for (;;) {
        if (i >= n) return CFormatError::kUnmatchedKeyParentheses;
        const char32_t c = s[i++];
        if (c == '(') ++depth;
        if (c == ')') --depth;
        if (depth == 0) break;
      }
      key_end = i - 1;
      has_key = true;
    }
    while (i < n && (s[i] == '#' || s[i] == '0' || s[i] == '-' || s[i] == ' ' || s[i] == '+')) ++i;
    bool star_width = false;
    bool star_precision = false;
    if (auto e = detail::parse_quantity(s, i, star_width); e != CFormatError::kNone) return e;
    if (i < n && s[i] == '.') {
      ++i;
      if (auto e = detail::parse_quantity(s, i, star_precision); e != CFormatError::kNone) return e;
    }
    if (i < n && (s[i] == 'h' || s[i] == 'l' || s[i] == 'L')) ++i;
    if (i >= n) return CFormatError::kIncompleteFormat;
    const char32_t c = s[i++];
    if (!detail::is_format_char(c)) {
      bad_char = c;
      return CFormatError::kUnsupportedFormatChar;
    }
    if (has_key) {
      summary.add_keyword(s.substr(key_start, key_end - key_start));
    } else {
      ++summary.num_positional;
    }
    if (star_width) {
      ++summary.num_positional;
      summary.starred = true;
    }
    if (star_precision) {
      ++summary.num_positional;
      summary.starred = true;
    }
  }
  return CFormatError::kNone;
}

inline const char* cformat_error_message(CFormatError e) {
  switch (e) {
    case CFormatError::kUnmatchedKeyParentheses: return "incomplete format key";
    case CFormatError::kIncompleteFormat: return "incomplete format";
    case CFormatError::kIntTooBig: return "width/precision too big";
    default: return "unexpected error parsing format string";
  }
}

// The operands of `<str literal> % right`, or false. Cheap when the node is anything else.
inline bool match_percent_format(TSNode node, std::string_view source, TSNode& left, TSNode& right) {
  // Binary operators are frequent: look at the left operand (the first child) before anything else.
  const TSNode first = ts_node_child(node, 0);
  if (ts_node_is_null(first)) return false;
  const std::string_view first_kind = kind(first);
  if (first_kind != "string" && first_kind != "concatenated_string" && first_kind != "parenthesized_expression") {
    return false;
  }
  const TSNode op = field(node, "operator");
  if (ts_node_is_null(op) || !is(op, "%")) return false;
  left = unparenthesized(field(node, "left"));
  if (ts_node_is_null(left)) return false;
  const std::string_view k = kind(left);
  if (k != "string" && k != "concatenated_string") return false;
  if (!is_str_literal(left, source)) return false;
  right = unparenthesized(field(node, "right"));
  return !ts_node_is_null(right);
}

// Everything the F50x rules need about one `"..." % right` expression.
struct PercentFormat {
  TSNode right{};
  CFormatError error = CFormatError::kNone;
  char32_t bad_char = 0;
  CFormatSummary summary;
  std::u32string text;

  // The instance the F50x rules of this thread share (see SharedNodeKey).
  static PercentFormat& shared() {
    thread_local PercentFormat format;
    return format;
  }

  // Parses `node` if it is a `%`-format expression with a literal format string; at once if it
  // was the last node parsed.
  bool load(TSNode node, const Context& ctx) {
    if (key.changed(ctx, node)) loaded = parse(node, ctx.source());
    return loaded;
  }

 private:
  SharedNodeKey key;
  bool loaded = false;

  bool parse(TSNode node, std::string_view source) {
    TSNode left;
    if (!match_percent_format(node, source, left, right)) return false;
    text.clear();
    if (!decode_str_literal(left, source, text)) return false;
    error = parse_cformat(text, summary, bad_char);
    return true;
  }
};


// The key/value entries of a `dictionary` node: whether one is `**x`.
inline bool dict_has_splat(TSNode dict) {
  for (TSNode c : children(dict)) {
    if (is(c, "dictionary_splat")) return true;
  }
  return false;
}

// ---------------------------------------------------------------------------------------------
// Ruff's `ResolvedPythonType` of an expression, reduced to what F507 needs: a single known type
// (an "atom"), or anything else (a union of types, unknown, or a type error), which no operator
// but `not` and `str % x` can turn back into an atom.

enum class PyType : uint8_t {
  kString, kBytes, kInteger, kFloat, kComplex, kBool, kNone, kEllipsis,
  kDict, kList, kSet, kTuple, kGenerator,
  kOther,
};

namespace detail {

inline bool is_number(PyType t) {
  return t == PyType::kInteger || t == PyType::kFloat || t == PyType::kComplex || t == PyType::kBool;
}

// The numeric tower: bool < int < float < complex.
inline int number_rank(PyType t) {
  switch (t) {
    case PyType::kBool: return 0;
    case PyType::kInteger: return 1;
    case PyType::kFloat: return 2;
    default: return 3;
  }
}

inline PyType coerce(PyType a, PyType b) {
  if (a == PyType::kComplex || b == PyType::kComplex) return PyType::kComplex;
  if (a == PyType::kFloat || b == PyType::kFloat) return PyType::kFloat;
  return PyType::kInteger;
}

inline PyType type_union(PyType a, PyType b) {
  if (a == PyType::kOther || b == PyType::kOther) return PyType::kOther;
  if (a == b) return a;
  if (is_number(a) && is_number(b)) return number_rank(a) >= number_rank(b) ? a : b;
  return PyType::kOther;
}

inline PyType unary(std::string_view op, PyType v) {
  if (v == PyType::kOther) return v;
  if (op == "~") return v == PyType::kBool || v == PyType::kInteger ? PyType::kInteger : PyType::kOther;
  if (!is_number(v)) return PyType::kOther;
  return v == PyType::kBool ? PyType::kInteger : v;
}

inline PyType binary(std::string_view op, PyType l, PyType r) {
  if (op == "%") {
    if (l == PyType::kString || l == PyType::kBytes) return l;
    if (is_number(l) && is_number(r)) return coerce(l, r);
    return PyType::kOther;
  }
  if (l == PyType::kOther || r == PyType::kOther) return PyType::kOther;
  const bool numbers = is_number(l) && is_number(r);
  if (op == "+") {
    if (numbers) return coerce(l, r);
    if (l == r && (l == PyType::kString || l == PyType::kBytes || l == PyType::kList || l == PyType::kTuple)) return l;
    return PyType::kOther;
  }
  if (op == "-") {
    if (numbers) return coerce(l, r);
    if (l == PyType::kSet && r == PyType::kSet) return l;
    return PyType::kOther;
  }
  if (op == "*") {
    if (numbers) return coerce(l, r);
    if ((l == PyType::kString && r == PyType::kInteger) || (l == PyType::kInteger && r == PyType::kString)) {
      return PyType::kString;
    }
    return PyType::kOther;
  }
  if (op == "//" || op == "**") return numbers ? coerce(l, r) : PyType::kOther;
  if (op == "/") {
    if (!numbers) return PyType::kOther;
    const PyType t = coerce(l, r);
    return t == PyType::kInteger ? PyType::kFloat : t;
  }
  if (op == "&" || op == "|" || op == "^" || op == "<<" || op == ">>") {
    return numbers && coerce(l, r) == PyType::kInteger ? PyType::kInteger : PyType::kOther;
  }
  return PyType::kOther;  // `@`
}

inline bool ends_with_j(std::string_view text) {
  return !text.empty() && (text.back() == 'j' || text.back() == 'J');
}

inline PyType string_type(TSNode n, std::string_view source) {
  auto part_type = [&](TSNode part) {
    const uint32_t start = ts_node_start_byte(part);
    const std::string_view prefix = literal_prefix(source.substr(start, ts_node_end_byte(part) - start));
    return prefix_contains(prefix, 'b') ? PyType::kBytes : PyType::kString;
  };
  if (is(n, "string")) return part_type(n);
  for (TSNode part : children(n)) {
    if (is(part, "string")) return part_type(part);
  }
  return PyType::kString;
}

// The type of a node whose type needs no operand, or kOther with `needs_operands` set.
inline PyType leaf_type(TSNode n, std::string_view source, bool& needs_operands) {
  needs_operands = false;
  const std::string_view k = kind(n);
  if (k == "string" || k == "concatenated_string") return string_type(n, source);
  if (k == "integer" || k == "float") {
    const uint32_t s = ts_node_start_byte(n);
    if (ends_with_j(source.substr(s, ts_node_end_byte(n) - s))) return PyType::kComplex;
    return k == "integer" ? PyType::kInteger : PyType::kFloat;
  }
  if (k == "true" || k == "false" || k == "not_operator") return PyType::kBool;
  if (k == "none") return PyType::kNone;
  if (k == "ellipsis") return PyType::kEllipsis;
  if (k == "dictionary" || k == "dictionary_comprehension") return PyType::kDict;
  if (k == "list" || k == "list_comprehension") return PyType::kList;
  if (k == "set" || k == "set_comprehension") return PyType::kSet;
  if (k == "tuple") return PyType::kTuple;
  if (k == "generator_expression") return PyType::kGenerator;
  if (k == "parenthesized_expression" || k == "named_expression" || k == "conditional_expression" ||
      k == "boolean_operator" || k == "unary_operator" || k == "binary_operator") {
    needs_operands = true;
  }
  return PyType::kOther;
}

}  // namespace detail

// Infers the type of an expression without recursion (operands may nest arbitrarily deep).
class TypeInference {
 public:
  PyType infer(TSNode root, std::string_view source) {
    work_.clear();
    values_.clear();
    work_.push_back({root, false});
    while (!work_.empty()) {
      const Frame frame = work_.back();
      if (!frame.expanded) {
        bool needs_operands = false;
        const PyType t = detail::leaf_type(frame.node, source, needs_operands);
        if (!needs_operands) {
          values_.push_back(t);
          work_.pop_back();
          continue;
        }
        if (!expand(frame.node)) {
          values_.push_back(PyType::kOther);
          work_.pop_back();
        }
        continue;
      }
      work_.pop_back();
      combine(frame.node);
    }
    return values_.empty() ? PyType::kOther : values_.back();
  }

 private:
  struct Frame {
    TSNode node;
    bool expanded;
  };

  // Replaces the top frame with its operands (evaluated first to last). False if malformed.
  bool expand(TSNode n) {
    const std::string_view k = kind(n);
    TSNode operands[2];
    int count = 0;
    if (k == "parenthesized_expression") {
      const TSNode inner = unparenthesized(n);
      if (ts_node_is_null(inner) || is(inner, "parenthesized_expression")) return false;
      work_.back().node = inner;  // evaluated in its place
      return true;
    }
    if (k == "named_expression") {
      const TSNode value = field(n, "value");
      if (ts_node_is_null(value)) return false;
      work_.back().node = value;
      return true;
    }
    if (k == "conditional_expression") {
      int index = 0;
      for (TSNode c : children(n)) {
        if (!is_named_child(c)) continue;
        if (index == 0 || index == 2) operands[count++] = c;
        ++index;
      }
      if (count != 2) return false;
    } else if (k == "boolean_operator" || k == "binary_operator") {
      operands[0] = field(n, "left");
      operands[1] = field(n, "right");
      if (ts_node_is_null(operands[0]) || ts_node_is_null(operands[1])) return false;
      count = 2;
    } else if (k == "unary_operator") {
      operands[0] = field(n, "argument");
      if (ts_node_is_null(operands[0])) return false;
      count = 1;
    } else {
      return false;
    }
    work_.back().expanded = true;
    for (int i = count - 1; i >= 0; --i) work_.push_back({operands[i], false});
    return true;
  }

  void combine(TSNode n) {
    const std::string_view k = kind(n);
    if (k == "unary_operator") {
      const TSNode op = field(n, "operator");
      const PyType v = values_.back();
      values_.back() = detail::unary(ts_node_is_null(op) ? "" : kind(op), v);
      return;
    }
    const PyType r = values_.back();
    values_.pop_back();
    const PyType l = values_.back();
    if (k == "binary_operator") {
      const TSNode op = field(n, "operator");
      values_.back() = detail::binary(ts_node_is_null(op) ? "" : kind(op), l, r);
    } else {
      values_.back() = detail::type_union(l, r);
    }
  }

  std::vector<Frame> work_;
  std::vector<PyType> values_;
};

// ---------------------------------------------------------------------------------------------
// The iteration order of Ruff's `FxHashSet<String>` of mapping keys (std's hashbrown table with
// rustc-hash 2 hashing), so that F505 lists the missing keys in the order Ruff does.

namespace detail {

inline uint64_t multiply_mix(uint64_t x, uint64_t y) {
  const unsigned __int128 full = static_cast<unsigned __int128>(x) * y;
  return static_cast<uint64_t>(full) ^ static_cast<uint64_t>(full >> 64);
}

inline uint64_t read_le(const unsigned char* p, int bytes) {
  uint64_t v = 0;
  for (int i = bytes - 1; i >= 0; --i) v = (v << 8) | p[i];
  return v;
}

inline uint64_t fx_hash_bytes(std::string_view s) {
  const auto* b = reinterpret_cast<const unsigned char*>(s.data());
  const size_t len = s.size();
  uint64_t s0 = 0x243f6a8885a308d3ULL;
  uint64_t s1 = 0x13198a2e03707344ULL;
  if (len <= 16) {
    if (len >= 8) {
      s0 ^= read_le(b, 8);
      s1 ^= read_le(b + len - 8, 8);
    } else if (len >= 4) {
      s0 ^= read_le(b, 4);
      s1 ^= read_le(b + len - 4, 4);
    } else if (len > 0) {
      s0 ^= b[0];
      s1 ^= (static_cast<uint64_t>(b[len - 1]) << 8) | b[len / 2];
    }
  } else {
    size_t off = 0;
    while (off < len - 16) {
      const uint64_t x = read_le(b + off, 8);
      const uint64_t y = read_le(b + off + 8, 8);
      const uint64_t t = multiply_mix(s0 ^ x, 0xa4093822299f31d0ULL ^ y);
      s0 = s1;
      s1 = t;
      off += 16;
    }
    s0 ^= read_le(b + len - 16, 8);
    s1 ^= read_le(b + len - 8, 8);
  }
  return multiply_mix(s0, s1) ^ static_cast<uint64_t>(len);
}

// `FxHasher` over a `str`: the bytes, then a 0xff terminator.
inline uint64_t fx_hash_str(std::string_view s) {
  constexpr uint64_t K = 0xf1357aea2e62a9c5ULL;
  uint64_t h = 0;
  h = (h + fx_hash_bytes(s)) * K;
  h = (h + 0xff) * K;
  return (h << 26) | (h >> 38);
}

class HashbrownOrder {
 public:
  // Inserts key number `id` (whose hash is `hash`), unless an equal key is present. As in
  // hashbrown, a full table grows before the search, even for a key already present.
  void insert(size_t id, uint64_t hash, const std::vector<std::string>& keys) {
    if (growth_left_ == 0) resize(std::max(items_ + 1, capacity(mask()) + 1), keys);
    if (!present_.insert(keys[id]).second) return;
    const size_t slot = find_insert_slot(hash);
    set_ctrl(slot, static_cast<uint8_t>(hash >> 57));
    slots_[slot] = id;
    ++items_;
    --growth_left_;
  }

  template <class F>
  void for_each(F f) const {
    for (size_t i = 0; i < buckets_; ++i) {
      if (full(i)) f(slots_[i]);
    }
  }

 private:
  static constexpr size_t kGroup = 16;

  size_t mask() const { return buckets_ == 0 ? 0 : buckets_ - 1; }
  static size_t capacity(size_t mask) { return mask < 8 ? mask : (mask + 1) / 8 * 7; }
  bool full(size_t i) const { return (ctrl_[i] & 0x80) == 0; }

  static size_t buckets_for(size_t cap) {
    if (cap < 8) return cap < 4 ? 4 : 8;
    size_t adjusted = cap * 8 / 7;
    size_t b = 1;
    while (b < adjusted) b <<= 1;
    return b;
  }

  void set_ctrl(size_t i, uint8_t c) {
    ctrl_[i] = c;
    ctrl_[((i - kGroup) & mask()) + kGroup] = c;
  }

  size_t find_insert_slot(uint64_t hash) const {
    const size_t m = mask();
    size_t pos = hash & m;
    size_t stride = 0;
    for (;;) {
      for (size_t bit = 0; bit < kGroup; ++bit) {
        if (ctrl_[pos + bit] & 0x80) {
          size_t index = (pos + bit) & m;
          if (full(index)) {
            for (size_t j = 0; j < kGroup; ++j) {
              if (ctrl_[j] & 0x80) return j;
            }
          }
          return index;
        }
      }
      stride += kGroup;
      pos = (pos + stride) & m;
    }
  }

  void resize(size_t cap, const std::vector<std::string>& keys) {
    std::vector<uint8_t> old_ctrl = std::move(ctrl_);
    std::vector<size_t> old_slots = std::move(slots_);
    const size_t old_buckets = buckets_;
    buckets_ = buckets_for(cap);
    ctrl_.assign(buckets_ + kGroup, 0xFF);
    slots_.assign(buckets_, 0);
    for (size_t i = 0; i < old_buckets; ++i) {
      if (old_ctrl[i] & 0x80) continue;
      const uint64_t hash = fx_hash_str(keys[old_slots[i]]);
      const size_t slot = find_insert_slot(hash);
      set_ctrl(slot, static_cast<uint8_t>(hash >> 57));
      slots_[slot] = old_slots[i];
    }
    growth_left_ = capacity(mask()) - items_;
  }

  size_t buckets_ = 0;
  size_t items_ = 0;
  size_t growth_left_ = 0;
  std::vector<uint8_t> ctrl_;
  std::vector<size_t> slots_;
  std::unordered_set<std::string_view> present_;  // the keys inserted (views into `keys`)
};

}  // namespace detail

// The distinct mapping keys of a summary (UTF-8), in the order Ruff iterates over them.
inline std::vector<std::string> keywords_in_ruff_order(const CFormatSummary& summary) {
  std::vector<std::string> keys;
  keys.reserve(summary.key_inserts.size());
  for (const auto& k : summary.key_inserts) keys.push_back(to_utf8(k));
  detail::HashbrownOrder table;
  for (size_t i = 0; i < keys.size(); ++i) table.insert(i, detail::fx_hash_str(keys[i]), keys);
  std::vector<std::string> ordered;
  table.for_each([&](size_t id) { ordered.push_back(keys[id]); });
  return ordered;
}

// Joins names with ", " as Ruff's messages do.
inline std::string join_names(const std::vector<std::string>& names) {
  std::string out;
  for (size_t i = 0; i < names.size(); ++i) {
    if (i) out += ", ";
    out += names[i];
  }
  return out;
}

}  // namespace lint::rules::pyfmt
