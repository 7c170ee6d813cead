#include "fix/stylist.h"

#include <cstdint>
#include <vector>

#include "engine/rule.h"
#include "syntax/node.h"

namespace lint {

namespace {

// The quote Ruff's Stylist finds: its first `String` token that is not triple-quoted, or its
// first `FStringStart` token. A t-string's start is neither (strings inside its interpolations
// still count), nor is a triple-quoted string (which holds no tokens).
char detect_quote(const Context& ctx) {
  std::vector<TSNode> stack{ctx.root()};
  while (!stack.empty()) {
    const TSNode n = stack.back();
    stack.pop_back();
    if (is(n, "string")) {
      const std::string_view text = ctx.text(n);
      const std::string_view prefix = literal_prefix(text);
      const std::string_view rest = text.substr(prefix.size());
      if (rest.empty()) continue;
      const bool triple = rest.size() >= 6 && (rest.starts_with("\"\"\"") || rest.starts_with("'''"));
      if (prefix_contains(prefix, 'f')) return rest[0];
      if (!prefix_contains(prefix, 't')) {
        if (!triple) return rest[0];
        continue;
      }
    }
    const uint32_t count = ts_node_child_count(n);
    for (uint32_t i = count; i > 0; --i) {
      const TSNode c = ts_node_child(n, i - 1);
      if (ts_node_child_count(c) > 0) stack.push_back(c);
    }
  }
  return '"';
}

}  // namespace

char Stylist::quote() {
  if (!quote_) quote_ = detect_quote(ctx_);
  return quote_;
}

const std::string& Stylist::indentation() {
  if (!indent_known_) {
    indentation_ = detect_indentation();
    indent_known_ = true;
  }
  return indentation_;
}

std::string_view Stylist::line_ending() const { return ctx_.line_ending(); }

// The leading whitespace of the first line that starts an indented block.
std::string Stylist::detect_indentation() const {
  const std::string_view src = ctx_.source();
  std::vector<TSNode> stack{ctx_.root()};
  while (!stack.empty()) {
    const TSNode n = stack.back();
    stack.pop_back();
    if (is(n, "block")) {
      const uint32_t start = start_of(n);
      uint32_t line = start;
      while (line > 0 && src[line - 1] != '\n' && src[line - 1] != '\r') --line;
      bool only_space = true;
      for (uint32_t i = line; i < start; ++i) only_space &= src[i] == ' ' || src[i] == '\t' || src[i] == '\f';
      if (only_space && start > line) {
        std::string_view ws = src.substr(line, start - line);
        if (const size_t ff = ws.rfind('\f'); ff != std::string_view::npos) ws.remove_prefix(ff + 1);
        return std::string(ws);
      }
    }
    const uint32_t count = ts_node_child_count(n);
    for (uint32_t i = count; i > 0; --i) {
      const TSNode c = ts_node_child(n, i - 1);
      if (ts_node_child_count(c) > 0 && !is(c, "string")) stack.push_back(c);
    }
  }
  return non_logical_line_indentation();
}

// Without an indented block, Ruff takes the indentation of the first line that follows a line
// break that ends no statement (inside brackets, or after a blank or comment-only line) and is
// indented.
std::string Stylist::non_logical_line_indentation() const {
  const std::string_view src = ctx_.source();
  for (size_t nl = src.find_first_of("\r\n"); nl != std::string_view::npos; nl = src.find_first_of("\r\n", nl + 1)) {
    if (src[nl] == '\r' && nl + 1 < src.size() && src[nl + 1] == '\n') continue;  // the \n of \r\n decides
    if (!is_non_logical_newline(static_cast<uint32_t>(nl))) continue;
    const size_t next = nl + 1;
    size_t i = next;
    while (i < src.size() && (src[i] == ' ' || src[i] == '\t' || src[i] == '\f' || src[i] == '\v')) ++i;
    if (i < src.size() && src[i] != '\n' && src[i] != '\r' && i > next) return std::string(src.substr(next, i - next));
  }
  return "    ";
}

bool Stylist::is_non_logical_newline(uint32_t at) const {
  const std::string_view src = ctx_.source();
  // A line break inside a string is no token at all, blank line or not.
  for (TSNode n = ts_node_descendant_for_byte_range(ctx_.root(), at, at + 1); !ts_node_is_null(n); n = ts_node_parent(n)) {
    const std::string_view k = kind(n);
    if (k == "string" || k == "string_content") return false;
    if (k == "block" || k == "module" || k == "expression_statement") break;
  }
  // After a blank or comment-only line.
  uint32_t line = at;
  while (line > 0 && src[line - 1] != '\n' && src[line - 1] != '\r') --line;
  uint32_t i = line;
  while (i < at && (src[i] == ' ' || src[i] == '\t' || src[i] == '\f')) ++i;
  if (i == at || (i < at && src[i] == '#')) return true;
  // A backslash joins the lines: no newline token at all, even inside brackets.
  if (at > line && src[at - 1] == '\\' && src.substr(line, at - line).find('#') == std::string_view::npos) return false;
  // Inside brackets (and not inside a string).
  TSNode n = ts_node_descendant_for_byte_range(ctx_.root(), at, at + 1);
  for (; !ts_node_is_null(n); n = ts_node_parent(n)) {
    const std::string_view k = kind(n);
    if (k == "string" || k == "string_content") return false;
    if (ts_node_start_byte(n) >= at || ts_node_end_byte(n) <= at + 1) continue;
    const TSNode first = ts_node_child(n, 0);
    if (ts_node_is_null(first)) continue;
    const std::string_view f = kind(first);
    if ((f == "(" || f == "[" || f == "{") && ts_node_start_byte(first) < at) return true;
    if (k == "argument_list" || k == "parameters" || k == "import_from_statement") {
      // Their brackets are children, but not always the first one.
      for (TSNode c : children(n)) {
        if ((is(c, "(") || is(c, "[")) && ts_node_start_byte(c) < at) return true;
      }
    }
    if (k == "block" || k == "module") return false;
  }
  return false;
}

char preferred_quote(const Context& ctx) {
  thread_local SharedNodeKey key;
  thread_local char quote = '"';
  if (key.changed(ctx, ctx.root())) quote = Stylist(ctx).quote();
  return quote;
}

}  // namespace lint
