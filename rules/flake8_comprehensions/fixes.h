// What the flake8-comprehensions fixes share: where a call's brackets and trailing comma are,
// the padding Ruff adds inside f-string replacement fields (`f"{set()}"` must not become
// `f"{{}}"`), and the quote the file prefers for a string the fix writes.
#pragma once

#include <tree_sitter/api.h>

#include <string>
#include <string_view>

#include "engine/rule.h"
#include "fix/stylist.h"
#include "flake8_comprehensions/calls.h"
#include "syntax/node.h"

namespace lint::rules::flake8_comprehensions {

// Whether `node` sits in an f-string's (or t-string's) replacement field.
inline bool in_interpolation(TSNode node) {
  for (TSNode p = ts_node_parent(node); !ts_node_is_null(p); p = ts_node_parent(p)) {
    if (is(p, "interpolation")) return true;
  }
  return false;
}

// `content` with a space before it when it replaces the start of `node` right after a
// replacement field's `{` (Ruff's `pad_start`).
inline std::string pad_start(std::string content, TSNode node, const Context& ctx) {
  const uint32_t s = ts_node_start_byte(node);
  if (s > 0 && ctx.source()[s - 1] == '{' && in_interpolation(node)) return " " + content;
  return content;
}

// `content` with a space after it when it replaces the end of `node` right before a
// replacement field's `}` (Ruff's `pad_end`).
inline std::string pad_end(std::string content, TSNode node, const Context& ctx) {
  const uint32_t e = ts_node_end_byte(node);
  if (e < ctx.source().size() && ctx.source()[e] == '}' && in_interpolation(node)) return content + " ";
  return content;
}

// Both paddings (Ruff's `pad_expression`), for a replacement of the whole of `node`.
inline std::string pad(std::string content, TSNode node, const Context& ctx) {
  return pad_end(pad_start(std::move(content), node, ctx), node, ctx);
}

// Where the call's closing part starts once its sole argument is written as a literal: the
// argument's trailing comma when it has one, else the call's `)`.
inline uint32_t closing_start(const CallShape& call) {
  if (call.bare_generator) return ts_node_end_byte(call.list) - 1;
  bool after = false;
  for (TSNode c : children(call.list)) {
    if (ts_node_eq(c, call.args[0])) {
      after = true;
    } else if (after && is(c, ",")) {
      return ts_node_start_byte(c);
    }
  }
  return ts_node_end_byte(call.list) - 1;
}

// `key: value` from the pair `(key, value)` (its parentheses, comma and spaces dropped).
inline std::string dict_entry(TSNode pair, const Context& ctx) {
  const std::vector<TSNode> items = named_children(unparenthesized(pair));
  return std::string(ctx.original(items[0])) + ": " + std::string(ctx.original(items[1]));
}

// `dict(<(k, v) for ...>)` or `dict([(k, v) for ...])` as the dict comprehension
// `{k: v for ...}`: the space after the call's `(` and before its `)` stays, the one inside the
// comprehension's own brackets goes; the pair becomes `k: v`, at least one space before `for`.
// `open_end` is where the text kept after the call's `(` ends (the comprehension's start);
// `close_start` where the text kept before the call's `)` starts.
inline std::string dict_comprehension(TSNode comp, uint32_t open_end, uint32_t close_start, const CallShape& call,
                                      const Context& ctx) {
  const TSNode pair = field(comp, "body");
  TSNode first_clause{}, last_clause{};
  for (TSNode c : children(comp)) {
    if (is(c, "for_in_clause") || is(c, "if_clause")) {
      if (ts_node_is_null(first_clause)) first_clause = c;
      last_clause = c;
    }
  }
  std::string out = "{";
  out += ctx.original(ts_node_start_byte(call.list) + 1, open_end);
  out += dict_entry(pair, ctx);
  const std::string_view before_for = ctx.original(ts_node_end_byte(pair), ts_node_start_byte(first_clause));
  out += before_for.empty() ? " " : before_for;
  out += ctx.original(ts_node_start_byte(first_clause), ts_node_end_byte(last_clause));
  out += ctx.original(close_start, ts_node_end_byte(call.list) - 1);
  out += '}';
  return pad(out, call.call, ctx);
}

// Whether the call's sole argument is followed by a comma (`dict(x,)`).
inline bool has_trailing_comma(const CallShape& call) {
  if (call.bare_generator) return false;
  for (TSNode c : children(call.list)) {
    if (is(c, ",")) return true;
  }
  return false;
}

// The quote Ruff's Stylist prefers for the file (fix/stylist.h).
using lint::preferred_quote;

}  // namespace lint::rules::flake8_comprehensions
