#include "traversal.h"

#include <string>

#include "syntax.h"

namespace lint {

namespace {

TSSymbol symbol_for(const TSLanguage* lang, std::string_view name) {
  TSSymbol s = ts_language_symbol_for_name(lang, name.data(), static_cast<uint32_t>(name.size()), true);
  if (s == 0) s = ts_language_symbol_for_name(lang, name.data(), static_cast<uint32_t>(name.size()), false);
  return s;
}

// Whether the text between two statements holds a line break that ends a logical line: one
// that is not escaped by a backslash (a backslash inside a comment escapes nothing).
bool has_logical_newline(std::string_view between) {
  bool escaped = false;
  for (size_t i = 0; i < between.size(); ++i) {
    const char c = between[i];
    if (c == '#') {
      while (i + 1 < between.size() && between[i + 1] != '\n' && between[i + 1] != '\r') ++i;
      escaped = false;
    } else if (c == '\n' || c == '\r') {
      if (!escaped) return true;
      if (c == '\r' && i + 1 < between.size() && between[i + 1] == '\n') ++i;
      escaped = false;
    } else if (c == '\\') {
      escaped = true;
    } else if (c != ' ' && c != '\t' && c != '\f') {
      escaped = false;
    }
  }
  return false;
}

// tree-sitter-python accepts a statement indented deeper than its block; Python does not.
void check_indentation(TSNode block, std::string_view source, WalkResult& result) {
  bool have_column = false;
  uint32_t column = 0;
  uint32_t previous_end = 0;
  bool first = true;
  for (TSNode c : children(block)) {
    if (ts_node_is_extra(c) || !ts_node_is_named(c)) continue;
    const uint32_t start = ts_node_start_byte(c);
    const bool starts_line =
        first || has_logical_newline(source.substr(previous_end, start > previous_end ? start - previous_end : 0));
    first = false;
    previous_end = ts_node_end_byte(c);
    if (!starts_line) continue;
    const uint32_t col = ts_node_start_point(c).column;
    if (!have_column) {
      column = is(block, "module") ? 0 : col;
      have_column = true;
    }
    if (col > column) {
      result.python_error = SyntaxError{start - col, start, "Unexpected indentation"};
      return;
    }
  }
}

}  // namespace

DispatchTable::DispatchTable(std::span<const RuleSpec* const> rules) : rules_(rules) {
  const TSLanguage* lang = python_language();
  by_symbol_.resize(ts_language_symbol_count(lang));
  for (size_t i = 0; i < rules.size(); ++i) {
    for (std::string_view k : rules[i]->kinds) {
      const TSSymbol s = symbol_for(lang, k);
      if (s == 0) {
        throw UnknownNodeKind("rule " + std::string(rules[i]->code) + " (" + std::string(rules[i]->name) +
                              ") visits unknown node kind `" + std::string(k) + "`");
      }
      by_symbol_[s].push_back(static_cast<uint16_t>(i));
    }
  }
  print_statement_ = symbol_for(lang, "print_statement");
  exec_statement_ = symbol_for(lang, "exec_statement");
  module_ = symbol_for(lang, "module");
  block_ = symbol_for(lang, "block");
}

WalkResult walk(const TSTree* tree, const DispatchTable& table, std::span<const std::unique_ptr<Rule>> rules,
                Context& ctx) {
  WalkResult result;
  TSTreeCursor cursor = ts_tree_cursor_new(ts_tree_root_node(tree));
  const auto visit = [&](TSNode n, bool entering) {
    if (ts_node_has_error(n)) return;
    const TSSymbol s = ts_node_symbol(n);
    if (entering && !result.python_error) {
      if (s == table.print_statement() || s == table.exec_statement()) {
        // `print >> f, x` is valid Python 3 too: a tuple holding a shift.
        const TSNode first = ts_node_named_child(n, 0);
        if (!(s == table.print_statement() && !ts_node_is_null(first) && is(first, "chevron"))) {
          const bool print = s == table.print_statement();
          const uint32_t start = ts_node_start_byte(n);
          result.python_error = SyntaxError{start, start + (print ? 5u : 4u),
                                            std::string("Missing parentheses in call to `") +
                                                (print ? "print" : "exec") + "`"};
        }
      } else if (s == table.module() || s == table.block()) {
        check_indentation(n, ctx.source(), result);
      }
    }
    for (uint16_t i : table.rules_for(s)) {
      if (entering) {
        rules[i]->enter(n, ctx);
      } else {
        rules[i]->leave(n, ctx);
      }
    }
  };
  visit(ts_tree_cursor_current_node(&cursor), true);
  for (;;) {
    if (ts_tree_cursor_goto_first_child(&cursor)) {
      visit(ts_tree_cursor_current_node(&cursor), true);
      continue;
    }
    for (;;) {
      visit(ts_tree_cursor_current_node(&cursor), false);
      if (ts_tree_cursor_goto_next_sibling(&cursor)) {
        visit(ts_tree_cursor_current_node(&cursor), true);
        break;
      }
      if (!ts_tree_cursor_goto_parent(&cursor)) {
        ts_tree_cursor_delete(&cursor);
        for (const auto& r : rules) r->finish(ctx);
        return result;
      }
    }
  }
}

}  // namespace lint
