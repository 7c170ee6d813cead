// Expressions compared as Ruff's `ComparableExpr` compares them: as syntax trees, where
// parentheses, spacing, comments and trailing commas do not matter, literals compare by value
// (`'a'` equals `"a"` and `'\x61'`, `0x10` equals `16`, `'a' 'b'` equals `'ab'`), and `1`,
// `1.0` and `True` stay three different things. Each expression is written once in a canonical
// form; equal forms are equal expressions. Shared by C400, C401, C414 and PIE796.
#pragma once

#include <tree_sitter/api.h>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

#include "engine/rule.h"
#include "pyflakes/string_values.h"
#include "syntax/node.h"

namespace lint::rules::flake8_comprehensions {

namespace comparable_detail {

// The letters before a string literal's opening quote.
inline size_t prefix_length(std::string_view text) {
  size_t i = 0;
  while (i < text.size() && text[i] != '\'' && text[i] != '"') ++i;
  return i;
}

inline bool prefix_has(std::string_view text, size_t prefix, char lower) {
  for (size_t i = 0; i < prefix; ++i) {
    if ((text[i] | 0x20) == lower) return true;
  }
  return false;
}

// A number literal's value in a canonical spelling: integers in decimal (those of more than
// 64 bits as written, without underscores), floats and imaginary numbers by their bits.
inline void number(std::string_view text, std::string& out) {
  std::string digits;
  for (const char c : text) {
    if (c != '_') digits += c;
  }
  const bool imaginary = !digits.empty() && (digits.back() == 'j' || digits.back() == 'J');
  if (imaginary) digits.pop_back();
  int base = 10;
  size_t start = 0;
  if (digits.size() > 1 && digits[0] == '0' && (digits[1] | 0x20) != '.' && (digits[1] | 0x20) != 'e') {
    const char b = static_cast<char>(digits[1] | 0x20);
    base = b == 'x' ? 16 : b == 'o' ? 8 : b == 'b' ? 2 : 10;
    if (base != 10) start = 2;
  }
  const bool is_float = imaginary || (base == 10 && digits.find_first_of(".eE") != std::string::npos);
  if (is_float) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%c%a", imaginary ? 'j' : 'f', std::strtod(digits.c_str(), nullptr));
    out += buf;
    return;
  }
  uint64_t v = 0;
  for (size_t i = start; i < digits.size(); ++i) {
    const int d = hex_digit_value(digits[i]);
    if (d < 0 || d >= base || v > (UINT64_MAX - static_cast<uint64_t>(d)) / static_cast<uint64_t>(base)) {
      out += 'I';
      out += digits;
      return;
    }
    v = v * static_cast<uint64_t>(base) + static_cast<uint64_t>(d);
  }
  out += 'i';
  out += std::to_string(v);
}

// The value of a string literal, or of an implicit concatenation of them, tagged by its type
// (`s` text, `b` bytes); false when a part is an f-string or t-string.
inline bool string_value(TSNode n, const Context& ctx, std::string& out) {
  std::string value;
  bool bytes = false;
  const auto part = [&](TSNode s) {
    const std::string_view text = ctx.text(s);
    const size_t p = prefix_length(text);
    if (prefix_has(text, p, 'f') || prefix_has(text, p, 't')) return false;
    bytes = prefix_has(text, p, 'b');
    decode_string_body(string_body(text, p), prefix_has(text, p, 'r'), bytes, false, value);
    return true;
  };
  if (is(n, "string")) {
    if (!part(n)) return false;
  } else {
    for (TSNode c : children(n)) {
      if (is(c, "string") && !part(c)) return false;
    }
  }
  out += bytes ? 'b' : 's';
  out += std::to_string(value.size());
  out += ':';
  out += value;
  return true;
}

}  // namespace comparable_detail

// Appends the canonical form of `expr` to `out` (iteratively: expressions may nest deeply).
inline void append_comparable(TSNode expr, const Context& ctx, std::string& out) {
  enum Op : uint8_t { kNode, kClose, kOpen };  // kOpen writes "(" and the text in `open`
  struct Item {
    TSNode node;
    Op op;
    std::string_view open = {};
  };
  std::vector<Item> stack{{expr, kNode}};
  std::vector<TSNode> kids;
  while (!stack.empty()) {
    const Item item = stack.back();
    stack.pop_back();
    if (item.op == kClose) {
      out += ')';
      continue;
    }
    if (item.op == kOpen) {
      out += '(';
      out += item.open;
      out += ' ';
      continue;
    }
    const TSNode n = item.node;
    if (ts_node_is_null(n) || ts_node_is_extra(n)) continue;
    std::string_view k = kind(n);
    if (!ts_node_is_named(n)) {
      // Brackets and commas only delimit; operators and keywords say what the node does.
      if (k == "(" || k == ")" || k == "[" || k == "]" || k == "{" || k == "}" || k == ",") continue;
      out += '\'';
      out += ctx.text(n);
      out += ' ';
      continue;
    }
    if (k == "identifier" || k == "keyword_identifier") {
      out += 'n';
      out += ctx.text(n);
      out += ' ';
      continue;
    }
    if (k == "integer" || k == "float") {
      comparable_detail::number(ctx.text(n), out);
      out += ' ';
      continue;
    }
    if ((k == "string" || k == "concatenated_string") && comparable_detail::string_value(n, ctx, out)) continue;
    if (ts_node_child_count(n) == 0) {
      // Other leaves (the literal pieces of an f-string, say) are what they spell.
      out += '(';
      out += k;
      out += ' ';
      out += ctx.text(n);
      out += ')';
      continue;
    }
    kids.clear();
    int commas = 0, named = 0;
    for (TSNode c : children(n)) {
      if (ts_node_is_extra(c)) continue;
      if (is(c, ",")) ++commas;
      if (ts_node_is_named(c)) ++named;
      kids.push_back(c);
    }
    // Parentheses around an expression, and `(x)` as a target, are not nodes of their own.
    if (k == "parenthesized_expression" || (k == "tuple_pattern" && named == 1 && commas == 0)) {
      for (auto it = kids.rbegin(); it != kids.rend(); ++it) {
        if (ts_node_is_named(*it)) stack.push_back({*it, kNode});
      }
      continue;
    }
    // Targets are the expressions they are written as.
    if (k == "pattern_list" || k == "tuple_pattern" || k == "expression_list") k = "tuple";
    else if (k == "list_pattern") k = "list";
    else if (k == "list_splat_pattern") k = "list_splat";
    out += '(';
    out += k;
    out += ' ';
    stack.push_back({n, kClose});
    if (k == "subscript") {
      // `x[a, b]` subscripts with the tuple `(a, b)`, as `x[(a, b)]` does.
      std::vector<TSNode> index;
      for (auto it = children(n).begin(); it != children(n).end(); ++it) {
        const char* f = it.field_name();
        if (f && std::string_view(f) == "subscript") index.push_back(*it);
      }
      const bool tuple = index.size() > 1 || commas > 0;
      if (tuple) stack.push_back({n, kClose});
      for (auto it = index.rbegin(); it != index.rend(); ++it) stack.push_back({*it, kNode});
      if (tuple) stack.push_back({n, kOpen, "tuple"});
      stack.push_back({field(n, "value"), kNode});
      continue;
    }
    if (k == "call" && is(field(n, "arguments"), "generator_expression")) {
      // `f(x for x in y)` calls with the generator of `f((x for x in y))`.
      stack.push_back({n, kClose});
      stack.push_back({field(n, "arguments"), kNode});
      stack.push_back({n, kOpen, "argument_list"});
      stack.push_back({field(n, "function"), kNode});
      continue;
    }
    for (auto it = kids.rbegin(); it != kids.rend(); ++it) stack.push_back({*it, kNode});
  }
}

inline std::string comparable(TSNode expr, const Context& ctx) {
  std::string out;
  append_comparable(expr, ctx, out);
  return out;
}

}  // namespace lint::rules::flake8_comprehensions
