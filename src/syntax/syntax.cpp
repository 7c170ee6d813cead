#include "syntax/syntax.h"

#include <algorithm>
#include <cstring>
#include <stdexcept>
#include <vector>

#include "syntax/node.h"
#include "syntax/source.h"

#ifdef LINT_MIMALLOC
#include <mimalloc.h>
#endif

namespace lint {

#ifdef LINT_MIMALLOC
namespace {
// tree-sitter allocates through mimalloc (see LINT_MIMALLOC in CMakeLists.txt), set before main()
// so that nothing tree-sitter allocated with another allocator is ever freed by this one.
const bool parser_allocator_set = [] {
  ts_set_allocator(mi_malloc, mi_calloc, mi_realloc, mi_free);
  return true;
}();
}  // namespace
#endif

const TSLanguage* python_language() { return tree_sitter_python(); }

TSSymbol kind_symbol(std::string_view name) {
  if (name.empty()) return 0;
  const TSLanguage* lang = python_language();
  const auto length = static_cast<uint32_t>(name.size());
  TSSymbol s = ts_language_symbol_for_name(lang, name.data(), length, true);
  if (s == 0) s = ts_language_symbol_for_name(lang, name.data(), length, false);
  return s < ts_language_symbol_count(lang) ? s : 0;
}

Parser::Parser() : parser_(ts_parser_new()) {
  // Fails when the grammar's ABI is newer than the core library's (see DEPS.md).
  if (!ts_parser_set_language(parser_, python_language())) {
    ts_parser_delete(parser_);
    throw std::runtime_error("tree-sitter-python is not compatible with this tree-sitter library");
  }
}

Parser::~Parser() { ts_parser_delete(parser_); }

Tree parse_failed() { throw std::runtime_error("tree-sitter failed to parse"); }

Tree Parser::parse(std::string_view source) {
  // A fresh external scanner for each parse: resetting one (deserializing an empty state) leaves
  // tree-sitter-python's `inside_f_string` as the last parse left it, so a file ending inside an
  // f-string changed how the next file parsed on the same thread (found by fuzzing).
  // ts_parser_set_language() destroys the scanner and creates a new one.
  ts_parser_set_language(parser_, python_language());
  TSTree* tree = ts_parser_parse_string(parser_, nullptr, source.data(), static_cast<uint32_t>(source.size()));
  if (!tree) return parse_failed();
  return Tree(tree);
}

namespace {

std::string describe_token(std::string_view text) {
  // Show the first token of the unexpected text, on one line and briefly.
  size_t n = 0;
  while (n < text.size() && n < 20 && text[n] != '\n' && text[n] != '\r' &&
         !(n > 0 && (text[n] == ' ' || text[n] == '\t'))) {
    ++n;
  }
  std::string token(text.substr(0, n));
  while (!token.empty() && (static_cast<unsigned char>(token.back()) & 0xC0) == 0x80 && n < text.size() &&
         (static_cast<unsigned char>(text[n]) & 0xC0) == 0x80) {
    token += text[n++];  // keep a multi-byte character whole
  }
  return token;
}

}  // namespace

namespace {

// Length of a string literal's prefix (r, b, f, u, rb, Rb, fr, ...) ending at `quote`, or npos.
bool is_prefix_char(char c) {
  return c == 'r' || c == 'R' || c == 'b' || c == 'B' || c == 'f' || c == 'F' || c == 'u' || c == 'U';
}

bool is_word_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
         (static_cast<unsigned char>(c) >= 0x80);
}

// Skips a string literal starting at the quote at `i`; returns the index of its last byte.
size_t skip_string(std::string_view s, size_t i) {
  const char q = s[i];
  const size_t n = s.size();
  const bool triple = i + 2 < n && s[i + 1] == q && s[i + 2] == q;
  for (i += triple ? 3 : 1; i < n; ++i) {
    if (s[i] == '\\') {
      ++i;
      continue;
    }
    if (!triple && (s[i] == '\n' || s[i] == '\r')) return i - 1;
    if (s[i] == q && (!triple || (i + 2 < n && s[i + 1] == q && s[i + 2] == q))) return triple ? i + 2 : i;
  }
  return n - 1;
}

// `[T = int, U: str = str]` after `def NAME`, `class NAME` or `type NAME` (a type parameter's
// default, Python 3.13), which tree-sitter-python 0.25 does not read: each default's `=`
// becomes the `:` of a bound, or `|` after one, so the default's names are still read. `open`
// is the index of the `[`; `edit` changes one byte.
template <typename Edit>
void rewrite_type_parameter_defaults(std::string_view s, size_t open, Edit edit) {
  int depth = 0;
  bool bound = false;
  for (size_t i = open; i < s.size(); ++i) {
    const char c = s[i];
    if (c == '\'' || c == '"') {
      i = skip_string(s, i);
    } else if (c == '(' || c == '[' || c == '{') {
      ++depth;
    } else if (c == ')' || c == ']' || c == '}') {
      if (--depth == 0) return;
    } else if (depth == 1 && c == ',') {
      bound = false;
    } else if (depth == 1 && c == ':') {
      bound = true;
    } else if (depth == 1 && c == '=' && !(i + 1 < s.size() && s[i + 1] == '=') &&
               std::string_view("=<>!:").find(s[i - 1]) == std::string_view::npos) {
      edit(i, bound ? '|' : ':');
      bound = true;
    }
  }
}

// Whether the word at `i` is `def`, `class` or `type` followed by a name and `[`; sets `open`.
bool before_type_parameters(std::string_view s, size_t i, size_t& open) {
  size_t j = i;
  while (j < s.size() && is_word_char(s[j])) ++j;
  const std::string_view word = s.substr(i, j - i);
  if (word != "def" && word != "class" && word != "type") return false;
  while (j < s.size() && (s[j] == ' ' || s[j] == '\t')) ++j;
  const size_t name = j;
  while (j < s.size() && is_word_char(s[j])) ++j;
  if (j == name) return false;
  while (j < s.size() && (s[j] == ' ' || s[j] == '\t')) ++j;
  if (j >= s.size() || s[j] != '[') return false;
  open = j;
  return true;
}

}  // namespace

std::string rewrite_for_parse(std::string_view source) {
  std::string out;
  auto edit = [&](size_t i, char c) {
    if (out.empty()) out.assign(source);
    out[i] = c;
  };
  const size_t n = source.size();
  int depth = 0;
  for (size_t i = 0; i < n; ++i) {
    const char c = source[i];
    if (c == '#') {
      const size_t start = i;
      while (i + 1 < n && source[i + 1] != '\n' && source[i + 1] != '\r') ++i;
      if (depth > 0) {
        for (size_t k = start; k <= i; ++k) edit(k, ' ');
      }
    } else if (c == '\'' || c == '"') {
      i = skip_string(source, i);
    } else if (c == '(' || c == '[' || c == '{') {
      ++depth;
    } else if (c == ')' || c == ']' || c == '}') {
      if (depth > 0) --depth;
    } else if ((c == '\n' || c == '\r') && depth > 0) {
      edit(i, ' ');
    } else if (c == '_' && source.compare(i, 10, "__future__") == 0 && (i == 0 || !is_word_char(source[i - 1]))) {
      // `from __future__ import *`: the grammar has no wildcard future import.
      size_t j = i + 10;
      while (j < n && (source[j] == ' ' || source[j] == '\t')) ++j;
      if (source.compare(j, 6, "import") == 0) {
        j += 6;
        while (j < n && (source[j] == ' ' || source[j] == '\t')) ++j;
        if (j < n && source[j] == '*') edit(i + 9, 'X');
      }
      i += 9;
    } else if (is_prefix_char(c) || is_word_char(c)) {
      size_t open;
      if ((i == 0 || !is_word_char(source[i - 1])) && before_type_parameters(source, i, open)) {
        rewrite_type_parameter_defaults(source, open, edit);
      }
      // Skip the rest of a word so that string prefixes and names are not misread.
      while (i + 1 < n && is_word_char(source[i + 1])) ++i;
    }
  }
  return out;
}

std::string rewrite_type_soft_keyword(std::string_view source) {
  std::string out;
  size_t pos = 0;
  while ((pos = source.find("type", pos)) != std::string_view::npos) {
    const size_t at = pos;
    pos += 4;
    // At the start of a statement: only blanks since the line start (or a `;`).
    size_t b = at;
    while (b > 0 && (source[b - 1] == ' ' || source[b - 1] == '\t')) --b;
    if (!(b == 0 || source[b - 1] == '\n' || source[b - 1] == '\r' || source[b - 1] == ';')) continue;
    size_t a = pos;
    while (a < source.size() && (source[a] == ' ' || source[a] == '\t')) ++a;
    // `type X = ...` needs a name next; `type(x).y = 1` and `type.x = 1` are statements using the
    // builtin, which tree-sitter-python would take for a type alias.
    if (a < source.size() && (source[a] == '(' || source[a] == '.')) {
      if (out.empty()) out.assign(source);
      out[at] = 'T';
    }
  }
  return out;
}

namespace {

// The end of a line continuation starting at the backslash at `i` (just past its line break),
// or 0 when the backslash at `i` does not end its line.
size_t continuation_end(std::string_view s, size_t i) {
  if (i + 1 < s.size() && s[i + 1] == '\n') return i + 2;
  if (i + 1 < s.size() && s[i + 1] == '\r') return i + 2 < s.size() && s[i + 2] == '\n' ? i + 3 : i + 2;
  return 0;
}

// Whether the line starting at `i` holds only blanks and a line continuation.
bool continuation_only_line(std::string_view s, size_t i) {
  while (i < s.size() && (s[i] == ' ' || s[i] == '\t' || s[i] == '\f')) ++i;
  return i < s.size() && s[i] == '\\' && continuation_end(s, i) != 0;
}

}  // namespace

std::string join_continuation_runs(std::string_view source) {
  // A cheap test first: a continuation followed by a line that is one too.
  bool run = false;
  for (size_t at = source.find('\\'); at != std::string_view::npos && !run; at = source.find('\\', at + 1)) {
    const size_t end = continuation_end(source, at);
    run = end != 0 && continuation_only_line(source, end);
  }
  if (!run) return "";
  std::string out(source);
  bool changed = false;
  const size_t n = source.size();
  for (size_t i = 0; i < n; ++i) {
    const char c = source[i];
    if (c == '#') {
      while (i + 1 < n && source[i + 1] != '\n' && source[i + 1] != '\r') ++i;
    } else if (c == '\'' || c == '"') {
      i = skip_string(source, i);
    } else if (c == '\\') {
      const size_t end = continuation_end(source, i);
      if (end == 0) {
        ++i;  // an escaped character outside a string: not ours to judge
      } else {
        if (continuation_only_line(source, end)) {
          std::fill(out.begin() + static_cast<long>(i), out.begin() + static_cast<long>(end), ' ');
          changed = true;
        }
        i = end - 1;
      }
    } else if (is_prefix_char(c) || is_word_char(c)) {
      while (i + 1 < n && is_word_char(source[i + 1])) ++i;
    }
  }
  return changed ? out : std::string();
}

std::optional<uint32_t> too_many_open_brackets(std::string_view source) {
  constexpr long kLimit = 60000;
  // A cheap bound first: brackets in strings and comments are counted too.
  long open = 0;
  for (char c : source) open += (c == '(' || c == '[' || c == '{') - (c == ')' || c == ']' || c == '}');
  if (open <= kLimit) return std::nullopt;
  // Then a closer look that skips strings and comments.
  long depth = 0;
  const size_t n = source.size();
  for (size_t i = 0; i < n; ++i) {
    const char c = source[i];
    if (c == '#') {
      while (i < n && source[i] != '\n' && source[i] != '\r') ++i;
    } else if (c == '\'' || c == '"') {
      const bool triple = i + 2 < n && source[i + 1] == c && source[i + 2] == c;
      const size_t quote = triple ? 3 : 1;
      for (i += quote; i < n; ++i) {
        if (source[i] == '\\') { ++i; continue; }
        if (!triple && (source[i] == '\n' || source[i] == '\r')) break;
        if (source[i] == c && (!triple || (i + 2 < n && source[i + 1] == c && source[i + 2] == c))) {
          i += quote - 1;
          break;
        }
      }
    } else if (c == '(' || c == '[' || c == '{') {
      ++depth;
    } else if ((c == ')' || c == ']' || c == '}') && depth > 0) {
      --depth;
    }
  }
  if (depth <= kLimit) return std::nullopt;
  return static_cast<uint32_t>(source.size());
}

std::optional<uint32_t> too_many_indentation_levels(std::string_view source) {
  constexpr size_t kMaxLevels = 99;  // CPython's MAXINDENT is 100, the level 0 included
  const size_t n = source.size();
  // The column a line's leading blanks reach, as Python counts: tabs to the next multiple of 8,
  // a form feed back to 0. Sets `j` to the first other character.
  auto indentation = [&](size_t i, size_t& j) {
    size_t col = 0;
    for (j = i; j < n; ++j) {
      const char c = source[j];
      if (c == ' ') ++col;
      else if (c == '\t') col = (col / 8 + 1) * 8;
      else if (c == '\f') col = 0;
      else break;
    }
    return col;
  };
  // A cheap bound first: a 100th level needs a line indented by 100 columns at least.
  bool deep = false;
  for (size_t i = 0; i < n && !deep;) {
    size_t j;
    deep = indentation(i, j) > kMaxLevels;
    const void* nl = std::memchr(source.data() + j, '\n', n - j);
    i = nl ? static_cast<size_t>(static_cast<const char*>(nl) - source.data()) + 1 : n;
  }
  if (!deep) return std::nullopt;
  // Then the tokenizer's view: indentation counts on the first line of each logical line.
  std::vector<size_t> levels{0};
  long brackets = 0;
  bool continued = false;
  size_t i = 0;
  while (i < n) {
    if (brackets == 0 && !continued) {
      size_t j;
      const size_t col = indentation(i, j);
      const bool blank = j >= n || source[j] == '\n' || source[j] == '\r' || source[j] == '#';
      if (!blank) {
        if (col > levels.back()) {
          if (levels.size() >= kMaxLevels + 1) return static_cast<uint32_t>(j);
          levels.push_back(col);
        } else {
          while (col < levels.back()) levels.pop_back();
        }
      }
      i = j;
    }
    continued = false;
    // The rest of the physical line (a string may take it onto later ones).
    while (i < n) {
      const char c = source[i];
      if (c == '\n' || c == '\r') {
        i += (c == '\r' && i + 1 < n && source[i + 1] == '\n') ? 2 : 1;
        break;
      }
      if (c == '#') {
        while (i < n && source[i] != '\n' && source[i] != '\r') ++i;
      } else if (c == '\\') {
        if (i + 1 < n && (source[i + 1] == '\n' || source[i + 1] == '\r')) continued = true;
        i += 2;  // the escaped character, or the newline (then the loop ends the line below)
        if (continued) {
          if (source[i - 1] == '\r' && i < n && source[i] == '\n') ++i;
          break;
        }
      } else if (c == '\'' || c == '"') {
        i = skip_string(source, i) + 1;
      } else {
        if (c == '(' || c == '[' || c == '{') ++brackets;
        else if ((c == ')' || c == ']' || c == '}') && brackets > 0) --brackets;
        ++i;
      }
    }
  }
  return std::nullopt;
}

std::optional<SyntaxError> first_syntax_error(const TSTree* tree, std::string_view source) {
  TSNode root = ts_tree_root_node(tree);
  TSTreeCursor cursor = ts_tree_cursor_new(root);
  std::optional<SyntaxError> found;
  // Depth-first, pruning subtrees without errors.
  for (;;) {
    TSNode n = ts_tree_cursor_current_node(&cursor);
    const std::string_view k = kind(n);
    const uint32_t start = ts_node_start_byte(n);
    if (ts_node_is_missing(n)) {
      found = SyntaxError{start, start, "Expected `" + std::string(k) + "`"};
      break;
    }
    if (k == "ERROR") {
      const uint32_t end = ts_node_end_byte(n);
      std::string token = describe_token(source.substr(start, end - start));
      found = SyntaxError{start, start + static_cast<uint32_t>(token.size()),
                          token.empty() ? "Unexpected end of input" : "Unexpected token `" + token + "`"};
      break;
    }
    if (ts_node_has_error(n) && ts_tree_cursor_goto_first_child(&cursor)) continue;
    bool moved = false;
    while (!(moved = ts_tree_cursor_goto_next_sibling(&cursor))) {
      if (!ts_tree_cursor_goto_parent(&cursor)) break;
    }
    if (!moved) break;
  }
  ts_tree_cursor_delete(&cursor);
  return found;
}

}  // namespace lint
