// What the flake8-2020 rules share: the ways code reads Python's version that break with a
// two-digit minor version (3.10) or with a major version 4, found in two steps. During the walk a
// rule keeps the nodes that could be such a read by their shape (a subscript of a name, a
// comparison with one operator, a name `PY3`); in finish() the semantic model says which of
// them name `sys.version`, `sys.version_info` or `six.PY3` through the file's imports.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "engine/rule.h"
#include "syntax/node.h"

namespace lint::rules::flake8_2020 {

// Whether `expr` is `sys.<attribute>` as the imports resolve it (`import sys`, `from sys import
// version`, `import sys as s`).
inline bool is_sys(TSNode expr, std::string_view attribute, const SemanticModel& m, const Context& ctx) {
  expr = unparenthesized(expr);
  if (!is(expr, "identifier") && !is(expr, "attribute")) return false;
  return m.qualified_name(expr, ctx.source()) == "sys." + std::string(attribute);
}

// An integer literal's value (decimal, hex, octal or binary; underscores allowed), if `n` is one.
inline std::optional<uint64_t> int_literal(TSNode n, const Context& ctx) {
  n = unparenthesized(n);
  if (!is(n, "integer")) return std::nullopt;
  std::string digits;
  for (const char c : ctx.text(n)) {
    if (c != '_') digits += c;
  }
  int base = 10;
  size_t start = 0;
  if (digits.size() > 1 && digits[0] == '0') {
    const char b = static_cast<char>(digits[1] | 0x20);
    base = b == 'x' ? 16 : b == 'o' ? 8 : b == 'b' ? 2 : 10;
    if (base != 10) start = 2;
  }
  if (digits.find_first_of("jJlL") != std::string::npos) return std::nullopt;
  uint64_t v = 0;
  for (size_t i = start; i < digits.size(); ++i) {
    const char c = digits[i];
    const int d = c >= '0' && c <= '9' ? c - '0' : (c | 0x20) >= 'a' && (c | 0x20) <= 'f' ? (c | 0x20) - 'a' + 10 : 99;
    if (d >= base) return std::nullopt;
    if (v > (UINT64_MAX - static_cast<uint64_t>(d)) / static_cast<uint64_t>(base)) return std::nullopt;  // too big to matter
    v = v * static_cast<uint64_t>(base) + static_cast<uint64_t>(d);
  }
  return v;
}

// `sys.version_info[index]` with a single integer subscript.
inline bool is_version_info_index(TSNode n, uint64_t index, const SemanticModel& m, const Context& ctx) {
  if (!is(n, "subscript")) return false;
  TSNode element{};
  int count = 0;
  for (auto it = children(n).begin(); it != children(n).end(); ++it) {
    const char* f = it.field_name();
    if (f && std::string_view(f) == "subscript") {
      element = *it;
      ++count;
    }
  }
  const auto v = count == 1 ? int_literal(element, ctx) : std::nullopt;
  return v && *v == index && is_sys(field(n, "value"), "version_info", m, ctx);
}

// The number of characters of a plain string literal's value (escape sequences count as the
// character they stand for), or nothing for anything else (f-strings, bytes, concatenations
// with them).
inline std::optional<size_t> string_length(TSNode n, const Context& ctx) {
  n = unparenthesized(n);
  std::vector<TSNode> parts;
  if (is(n, "string")) parts.push_back(n);
  else if (is(n, "concatenated_string")) {
    for (TSNode c : children(n)) {
      if (is(c, "string")) parts.push_back(c);
    }
  } else {
    return std::nullopt;
  }
  size_t length = 0;
  for (TSNode part : parts) {
    bool raw = false;
    for (TSNode c : children(part)) {
      const std::string_view k = kind(c);
      if (k == "string_start") {
        for (const char p : ctx.text(c)) {
          const char l = static_cast<char>(p | 0x20);
          if (l == 'f' || l == 'b' || l == 't') return std::nullopt;
          if (l == 'r') raw = true;
        }
      } else if (k == "string_content") {
        // Escape sequences are children of the content: each counts as the character it
        // stands for (a line continuation as none); raw strings keep them as written.
        size_t content = count_code_points(ctx.text(c));
        if (!raw) {
          for (TSNode e : children(c)) {
            if (!is(e, "escape_sequence")) continue;
            const std::string_view t = ctx.text(e);
            const size_t written = count_code_points(t);
            const bool continuation = t.size() >= 2 && (t[1] == '\n' || t[1] == '\r');
            content -= std::min(content, written - (continuation ? 0 : 1));
          }
        }
        length += content;
      } else if (k == "interpolation") {
        return std::nullopt;
      }
    }
  }
  return length;
}

enum class Op { Eq, NotEq, Ordering, Other };

// A comparison with one operator: its left side, operator and right side.
struct SingleComparison {
  TSNode left{}, right{};
  Op op = Op::Other;
};

inline std::optional<SingleComparison> single_comparison(TSNode comparison, const Context& ctx) {
  SingleComparison out;
  int operands = 0, operators = 0;
  for (auto it = children(comparison).begin(); it != children(comparison).end(); ++it) {
    TSNode c = *it;
    if (ts_node_is_extra(c)) continue;
    const char* f = it.field_name();
    if (f && std::string_view(f) == "operators") {
      ++operators;
      const std::string_view t = ctx.text(c);
      out.op = t == "==" ? Op::Eq : t == "!=" ? Op::NotEq : (t == "<" || t == "<=" || t == ">" || t == ">=") ? Op::Ordering : Op::Other;
      continue;
    }
    if (!ts_node_is_named(c)) continue;
    (operands++ == 0 ? out.left : out.right) = c;
  }
  if (operands != 2 || operators != 1) return std::nullopt;
  return out;
}

// The rules that look at subscripts of `sys.version` (YTT101, YTT102, YTT301, YTT303): the
// subscript `sys.version[...]` whose slice is `:upper` (`slice` set) or an index.
class SysVersionSubscript : public Rule {
 public:
  void enter(TSNode node, Context& ctx) override {
    (void)ctx;
    // By shape only: `from sys import version as v` makes `v[:3]` one too.
    const TSNode value = unparenthesized(field(node, "value"));
    if (is(value, "identifier") || is(value, "attribute")) candidates_.push_back(node);
  }
  void finish(Context& ctx) override {
    const SemanticModel* m = ctx.semantic();
    if (!m) return;
    for (const TSNode node : candidates_) {
      const TSNode value = field(node, "value");
      if (!is_sys(value, "version", *m, ctx)) continue;
      // Exactly one subscript element.
      TSNode element{};
      int count = 0;
      for (auto it = children(node).begin(); it != children(node).end(); ++it) {
        const char* f = it.field_name();
        if (f && std::string_view(f) == "subscript") {
          element = *it;
          ++count;
        }
      }
      if (count != 1) continue;
      if (is(element, "slice")) {
        // `:N`: no lower bound, an upper one, no step.
        TSNode upper{};
        int parts = 0, colons = 0;
        bool lower = false;
        for (TSNode c : children(element)) {
          if (ts_node_is_extra(c)) continue;
          if (!ts_node_is_named(c)) {
            ++colons;
            continue;
          }
          ++parts;
          if (colons == 0) lower = true;
          else upper = c;
        }
        if (lower || parts != 1 || colons != 1) continue;
        if (const auto v = int_literal(upper, ctx)) on_slice(ctx, unparenthesized(value), *v);
      } else if (const auto v = int_literal(element, ctx)) {
        on_index(ctx, unparenthesized(value), *v);
      }
    }
  }

 protected:
  virtual void on_slice(Context&, TSNode, uint64_t) {}
  virtual void on_index(Context&, TSNode, uint64_t) {}

 private:
  std::vector<TSNode> candidates_;
};

// The rules that look at comparisons (YTT103, YTT201, YTT203, YTT204, YTT302).
class VersionComparison : public Rule {
 public:
  void enter(TSNode node, Context& ctx) override {
    const auto c = single_comparison(node, ctx);
    if (!c) return;
    const TSNode left = unparenthesized(c->left);
    if (is(left, "identifier") || is(left, "attribute") || is(left, "subscript")) candidates_.push_back(node);
  }
  void finish(Context& ctx) override {
    const SemanticModel* m = ctx.semantic();
    if (!m) return;
    for (const TSNode node : candidates_) {
      const auto c = single_comparison(node, ctx);
      if (c) check(ctx, *m, *c);
    }
  }

 protected:
  virtual void check(Context& ctx, const SemanticModel& m, const SingleComparison& c) = 0;

 private:
  std::vector<TSNode> candidates_;
};

}  // namespace lint::rules::flake8_2020
