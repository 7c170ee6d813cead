#include "syntax/syntax.h"

#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <stdexcept>
#include <vector>

#include "syntax/node.h"
#include "syntax/python3_syntax.h"
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
  // Freed pages go back to the system when their segment is next used at least 5 ms after they
  // were freed. mimalloc's default waits 25 ms and pushes the wait back 1 ms at every further
  // free, so a thread that kept freeing and allocating returned nothing: a large file's freed
  // tree, and the events freed while its references were made, stayed resident beside the next
  // file (7x corpus, 1 thread: 233 MB; Ruff 213-221). Returning pages at once (a delay of 0)
  // gave 204 MB, but each returned page costs a system call and a page fault when it is used
  // again, and two threads paid more than twice that: the six Python rules on the standard
  // library took 1.07 s instead of 1.01 at 1 thread, 0.81-0.87 s instead of 0.53 at 2. 5 ms
  // without the extension keeps both: 206 MB, 1.00-1.06 s and 0.51-0.55 s (README, "Peak
  // memory"). MIMALLOC_DECOMMIT_DELAY and MIMALLOC_DECOMMIT_EXTEND_DELAY still override.
  if (std::getenv("MIMALLOC_DECOMMIT_DELAY") == nullptr) mi_option_set(mi_option_decommit_delay, 5);
  if (std::getenv("MIMALLOC_DECOMMIT_EXTEND_DELAY") == nullptr) mi_option_set(mi_option_decommit_extend_delay, 0);
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

// Whether only blanks precede `i` on its line.
bool at_line_start(std::string_view s, size_t i) {
  while (i > 0 && (s[i - 1] == ' ' || s[i - 1] == '\t')) --i;
  return i == 0 || s[i - 1] == '\n' || s[i - 1] == '\r';
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


bool is_blank(char c);
size_t skip_blanks(std::string_view s, size_t i);
size_t skip_trivia(std::string_view s, size_t i);
bool is_keyword(std::string_view w);

size_t word_end(std::string_view s, size_t i) {
  while (i < s.size() && is_word_char(s[i])) ++i;
  return i;
}

bool starts_name(std::string_view s, size_t i) {
  return i < s.size() && is_word_char(s[i]) && !(s[i] >= '0' && s[i] <= '9');
}

// The `=` of an assignment, a keyword argument or a default (not `==`, `<=`, `:=`, `+=`...).
bool is_assign_eq(std::string_view s, size_t i) {
  return s[i] == '=' && !(i + 1 < s.size() && s[i + 1] == '=') &&
         !(i > 0 && std::string_view("=<>!:+-*/%&|^@").find(s[i - 1]) != std::string_view::npos);
}

// A line break that ends a logical line outside brackets (not one after a backslash).
bool ends_line(std::string_view s, size_t i) {
  if (s[i] != '\n' && s[i] != '\r') return false;
  size_t k = i;
  if (s[k] == '\n' && k > 0 && s[k - 1] == '\r') --k;
  return !(k > 0 && s[k - 1] == '\\');
}

// Where each opening bracket of the text being rewritten closes (outside strings and comments;
// the text's size when it does not), made once by rewrite_for_parse so that the scans below
// step over a bracketed part in one move: scanning it again for each enclosing construct took
// time quadratic in the nesting (`def f(a=(` nested 30,000 deep, found by fuzzing).
struct BracketMatches {
  std::string_view text;
  std::vector<std::pair<uint32_t, uint32_t>> pairs;  // (opening, closing), by opening

  explicit BracketMatches(std::string_view s) : text(s) {
    const size_t n = s.size();
    std::vector<size_t> open;
    for (size_t i = 0; i < n; ++i) {
      const char c = s[i];
      if (c == '\'' || c == '"') {
        i = skip_string(s, i);
      } else if (c == '#') {
        while (i + 1 < n && s[i + 1] != '\n' && s[i + 1] != '\r') ++i;
      } else if (c == '(' || c == '[' || c == '{') {
        open.push_back(pairs.size());
        pairs.emplace_back(static_cast<uint32_t>(i), static_cast<uint32_t>(n));
      } else if ((c == ')' || c == ']' || c == '}') && !open.empty()) {
        pairs[open.back()].second = static_cast<uint32_t>(i);
        open.pop_back();
      }
    }
  }
  // Where the bracket at `i` closes, or npos when `i` is not one of the text's opening brackets.
  size_t closing(std::string_view s, size_t i) const {
    if (s.data() != text.data() || s.size() != text.size()) return std::string_view::npos;
    const auto it = std::lower_bound(pairs.begin(), pairs.end(), std::make_pair(static_cast<uint32_t>(i), uint32_t{0}));
    return it != pairs.end() && it->first == i ? it->second : std::string_view::npos;
  }
};
thread_local const BracketMatches* t_brackets = nullptr;

// The first index from `i` (before `end`) where `stop` holds outside brackets, strings and
// comments, or where a bracket opened before `i` closes; `end` when there is none.
template <typename Stop>
size_t find_at_depth(std::string_view s, size_t i, size_t end, Stop stop) {
  int depth = 0;
  for (; i < end; ++i) {
    const char c = s[i];
    if (depth == 0 && stop(i)) return i;
    if (c == '\'' || c == '"') {
      i = skip_string(s, i);
    } else if (c == '#') {
      while (i + 1 < end && s[i + 1] != '\n' && s[i + 1] != '\r') ++i;
    } else if (c == '(' || c == '[' || c == '{') {
      if (depth == 0 && t_brackets) {
        if (const size_t close = t_brackets->closing(s, i); close != std::string_view::npos) {
          if (close >= end) return end;
          i = close;  // the whole bracketed part at once
          continue;
        }
      }
      ++depth;
    } else if (c == ')' || c == ']' || c == '}') {
      if (depth == 0) return i;
      --depth;
    }
  }
  return end;
}

// The index of the bracket that closes the one just before `i`, or `s.size()`.
size_t closing_bracket(std::string_view s, size_t i) {
  return find_at_depth(s, i, s.size(), [](size_t) { return false; });
}

// Whether tree-sitter-python fails on the annotation s[i, end): it reads a name subscripted at
// the start of an annotation, of a `|` alternative or of an element of such a subscript
// (`Optional[str]`) as a generic type, which no operator may follow, so `A[b] is not c`,
// `A[b] + 1` or `A[b][c]` are errors, where `A.b[c] is not d` or `(A[b]) + 1` are read as
// expressions. `i` ends past the type; inside a subscript (`nested`) a type ends at `,`, `:` or `]`.
bool annotation_fails(std::string_view s, size_t& i, size_t end, bool nested, int depth = 0) {
  // Deeper subscripts than any annotation holds are left as they are (no rewrite), and the
  // recursion stays short: the whole annotation is then taken as read.
  constexpr int kMaxDepth = 64;
  if (depth > kMaxDepth) {
    i = end;
    return false;
  }
  for (;;) {
    i = skip_trivia(s, i);
    if (i >= end) return false;
    const size_t w = word_end(s, i);
    const size_t open = skip_trivia(s, w);
    if (!starts_name(s, i) || is_keyword(s.substr(i, w - i)) || open >= end || s[open] != '[') {
      // An expression, which takes in whatever follows.
      i = find_at_depth(s, i, end, [&](size_t p) { return nested && (s[p] == ',' || s[p] == ':'); });
      return false;
    }
    size_t k = open + 1;
    for (;;) {
      if (annotation_fails(s, k, end, true, depth + 1)) return true;
      k = skip_trivia(s, k);
      if (k >= end) {
        i = end;  // unclosed, or too deep: taken as read
        return false;
      }
      if (s[k] == ']') break;
      ++k;  // a `,` or the `:` of a constrained type
    }
    i = k + 1;
    for (;;) {  // `.name`s after it
      const size_t dot = skip_trivia(s, i);
      if (dot >= end || s[dot] != '.') break;
      const size_t name = skip_trivia(s, dot + 1);
      if (!starts_name(s, name)) break;
      i = word_end(s, name);
    }
    i = skip_trivia(s, i);
    if (i >= end || (nested && (s[i] == ',' || s[i] == ':' || s[i] == ']'))) return false;
    if (s[i] == '|' && !(i + 1 < end && s[i + 1] == '=')) {
      ++i;
      continue;
    }
    return true;
  }
}

// An annotation s[a, b) that tree-sitter-python fails on (see annotation_fails) is put in
// parentheses, which make the grammar read it as an expression: `(` on the blank after its `:`
// or `->`, `)` on the blank that ends it, else on a blank right after a leading `Name[...]`.
// `in_brackets`: inside a parameter list, where a line break may hold the `)`.
template <typename Edit>
void parenthesize_failing_annotation(std::string_view s, size_t a, size_t b, bool in_brackets, Edit edit) {
  if (a >= b || b > s.size() || (s[a] != ' ' && s[a] != '\t')) return;
  size_t i = a;
  if (!annotation_fails(s, i, b, false)) return;
  auto slot = [&](size_t p) {
    return s[p] == ' ' || s[p] == '\t' || (in_brackets && (s[p] == '\n' || s[p] == '\r'));
  };
  size_t close = std::string_view::npos;
  if (b - 1 > a && slot(b - 1) && skip_trivia(s, a) < b - 1) {
    close = b - 1;
  } else {
    const size_t name = skip_trivia(s, a);
    const size_t w = word_end(s, name);
    if (w > name && w < b && s[w] == '[') {
      const size_t bracket = closing_bracket(s, w + 1);
      if (bracket + 1 < b && slot(bracket + 1)) close = bracket + 1;
    }
  }
  if (close == std::string_view::npos) return;
  edit(a, '(');
  edit(close, ')');
}

// In the target s[a, b) of an assignment or a `for`, the star of a starred list or tuple
// (`*[a, b]`, `*(a, b)`, which Python accepts and the grammar does not: its starred target
// holds a name, attribute or subscript only) becomes a blank, so the names are still bound.
// A star that begins its line would change the indentation: it becomes a `(` closed on the
// blank before the assignment's `=` (`closing`, npos when there is none).
template <typename Edit>
void unstar_bracketed_targets(std::string_view s, size_t a, size_t b, Edit edit,
                              size_t closing = std::string_view::npos) {
  std::vector<bool> target;  // for each open bracket: whether it holds targets
  char previous = ',';
  for (size_t i = a; i < b; ++i) {
    const char c = s[i];
    if (c == ' ' || c == '\t' || c == '\f' || c == '\n' || c == '\r' || c == '\\') continue;
    if (c == '#') {
      while (i + 1 < b && s[i + 1] != '\n' && s[i + 1] != '\r') ++i;
      continue;
    }
    const bool in_target = target.empty() || target.back();
    if (c == '\'' || c == '"') {
      i = skip_string(s, i);
      previous = 'a';
    } else if (c == '*' && in_target && (previous == ',' || previous == '(' || previous == '[') &&
               !(i + 1 < b && s[i + 1] == '*')) {
      const size_t next = skip_trivia(s, i + 1);
      if (next < b && (s[next] == '[' || s[next] == '(')) {
        if (!at_line_start(s, i)) {
          edit(i, ' ');
        } else if (closing != std::string_view::npos && closing > next) {
          edit(i, '(');
          edit(closing, ')');
        }
      }
      previous = '*';
    } else if (c == '(' || c == '[' || c == '{') {
      target.push_back(c != '{' && in_target &&
                       (previous == ',' || previous == '(' || previous == '[' || previous == '*'));
      previous = c;
    } else if (c == ')' || c == ']' || c == '}') {
      if (!target.empty()) target.pop_back();
      previous = c;
    } else if (is_word_char(c)) {
      i = word_end(s, i) - 1;
      previous = 'a';
    } else {
      previous = c;
    }
  }
}

// At the start of a simple statement (`i`, outside brackets): an annotated assignment's
// annotation, or the targets of an assignment.
template <typename Edit>
void rewrite_statement(std::string_view s, size_t i, Edit edit) {
  const size_t n = s.size();
  auto statement_end = [&](size_t p) { return ends_line(s, p) || s[p] == ';' || s[p] == '#'; };
  const size_t w = word_end(s, i);
  const std::string_view word = s.substr(i, w - i);
  if (starts_name(s, i) && is_keyword(word)) return;
  if (starts_name(s, i) && word != "case" && word != "match") {
    size_t p = w;
    while (p < n) {
      if (s[p] == '.' && starts_name(s, p + 1)) {
        p = word_end(s, p + 1);
      } else if (s[p] == '[' || s[p] == '(') {
        p = closing_bracket(s, p + 1);
        if (p >= n) return;
        ++p;
      } else {
        break;
      }
    }
    const size_t colon = skip_blanks(s, p);
    if (colon < n && s[colon] == ':' && !(colon + 1 < n && s[colon + 1] == '=')) {
      const size_t end = find_at_depth(s, colon + 1, n, [&](size_t q) { return is_assign_eq(s, q) || statement_end(q); });
      parenthesize_failing_annotation(s, colon + 1, end, false, edit);
      return;
    }
  }
  for (size_t start = i;;) {
    const size_t eq = find_at_depth(s, start, n, [&](size_t q) { return is_assign_eq(s, q) || statement_end(q); });
    if (eq >= n || s[eq] != '=') return;
    const bool blank_before = eq > start && (s[eq - 1] == ' ' || s[eq - 1] == '\t');
    unstar_bracketed_targets(s, start, eq, edit, blank_before ? eq - 1 : std::string_view::npos);
    start = eq + 1;
  }
}

// After `def`: the annotations of the parameters.
template <typename Edit>
void rewrite_parameters(std::string_view s, size_t i, Edit edit) {
  const size_t n = s.size();
  size_t p = skip_blanks(s, i);
  if (!starts_name(s, p)) return;
  p = skip_blanks(s, word_end(s, p));
  if (p < n && s[p] == '[') p = skip_blanks(s, closing_bracket(s, p + 1) + 1);
  if (p >= n || s[p] != '(') return;
  const size_t end = closing_bracket(s, p + 1);
  for (size_t q = p + 1; q < end;) {
    q = skip_trivia(s, q);
    while (q < end && s[q] == '*') ++q;
    q = skip_trivia(s, q);
    if (starts_name(s, q)) {
      const size_t colon = skip_trivia(s, word_end(s, q));
      if (colon < end && s[colon] == ':') {
        const size_t stop =
            find_at_depth(s, colon + 1, end, [&](size_t r) { return s[r] == ',' || is_assign_eq(s, r); });
        parenthesize_failing_annotation(s, colon + 1, stop, true, edit);
      }
    }
    q = find_at_depth(s, q, end, [&](size_t r) { return s[r] == ','; }) + 1;
  }
}

// Annotations tree-sitter-python fails on (annotation_fails) and starred bracketed targets
// (unstar_bracketed_targets), found by statement: simple statements, `def` headers, `for`.
template <typename Edit>
void rewrite_annotations_and_targets(std::string_view s, Edit edit) {
  const size_t n = s.size();
  int depth = 0;
  bool statement_start = true;
  for (size_t i = 0; i < n; ++i) {
    const char c = s[i];
    if (c == ' ' || c == '\t' || c == '\f') continue;
    if (c == '\\' && i + 1 < n && (s[i + 1] == '\n' || s[i + 1] == '\r')) {
      ++i;
      if (s[i] == '\r' && i + 1 < n && s[i + 1] == '\n') ++i;
      continue;
    }
    if (c == '\n' || c == '\r') {
      if (depth == 0) statement_start = true;
      continue;
    }
    if (c == '#') {
      while (i + 1 < n && s[i + 1] != '\n' && s[i + 1] != '\r') ++i;
      continue;
    }
    if (statement_start && depth == 0) rewrite_statement(s, i, edit);
    statement_start = false;
    if (c == '\'' || c == '"') {
      i = skip_string(s, i);
    } else if (c == '(' || c == '[' || c == '{') {
      ++depth;
    } else if (c == ')' || c == ']' || c == '}') {
      if (depth > 0) --depth;
    } else if (c == ';' && depth == 0) {
      statement_start = true;
    } else if (c == '-' && i + 1 < n && s[i + 1] == '>') {
      const size_t end = find_at_depth(s, i + 2, n, [&](size_t q) { return s[q] == ':' || ends_line(s, q); });
      parenthesize_failing_annotation(s, i + 2, end, false, edit);
      ++i;
    } else if (is_word_char(c)) {
      const size_t w = word_end(s, i);
      const std::string_view word = s.substr(i, w - i);
      if (word == "def") {
        rewrite_parameters(s, w, edit);
      } else if (word == "for") {
        // A target is short: the search for its `in` is bounded (1 KB), so that `for`s nested in
        // brackets (in invalid code) cannot make the scan quadratic.
        const size_t limit = std::min(n, w + 1024);
        const size_t in = find_at_depth(s, w, limit, [&](size_t q) {
          return s.compare(q, 2, "in") == 0 && !is_word_char(s[q - 1]) && !(q + 2 < n && is_word_char(s[q + 2]));
        });
        if (in < limit && s[in] == 'i') unstar_bracketed_targets(s, w, in, edit);
      }
      i = w - 1;
    }
  }
}

}  // namespace

std::string rewrite_for_parse(std::string_view source) {
  const BracketMatches brackets(source);
  struct Scope {
    explicit Scope(const BracketMatches* b) { t_brackets = b; }
    ~Scope() { t_brackets = nullptr; }
  } scope(&brackets);
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
      if (depth == 0 && source.compare(i, 5, "match") == 0 && at_line_start(source, i)) {
        // `match *a, 1, *b:`: the grammar takes a starred first subject for a multiplication,
        // and reads only names starred after it. Each subject's star becomes a blank (the
        // subjects are then read without it).
        size_t j = i + 5;
        while (j < n && (source[j] == ' ' || source[j] == '\t')) ++j;
        if (j > i + 5 && j + 1 < n && source[j] == '*' && source[j + 1] != '*' && source[j + 1] != '=') {
          int inner = 0;
          char previous = ',';
          for (; j < n && source[j] != '\n' && source[j] != '\r'; ++j) {
            const char x = source[j];
            if (x == '\'' || x == '"') {
              j = skip_string(source, j);
              previous = 'a';
              continue;
            }
            if (x == '(' || x == '[' || x == '{') ++inner;
            else if ((x == ')' || x == ']' || x == '}') && inner > 0) --inner;
            else if (inner == 0 && x == ':') break;
            else if (inner == 0 && x == '*' && previous == ',') edit(j, ' ');
            if (x != ' ' && x != '\t') previous = x;
          }
        }
      }
      // Skip the rest of a word so that string prefixes and names are not misread.
      while (i + 1 < n && is_word_char(source[i + 1])) ++i;
    }
  }
  // Last: a `)` put on a line break inside brackets replaces the blank written above.
  rewrite_annotations_and_targets(source, edit);
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
  // Leaving more than kLimit brackets open takes more than kLimit bytes.
  if (source.size() <= static_cast<size_t>(kLimit)) return std::nullopt;
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

namespace {

bool is_blank(char c) { return c == ' ' || c == '\t' || c == '\f'; }

// Skips blanks and line continuations from `i`.
size_t skip_blanks(std::string_view s, size_t i) {
  for (;;) {
    while (i < s.size() && is_blank(s[i])) ++i;
    if (i < s.size() && s[i] == '\\') {
      if (i + 1 < s.size() && s[i + 1] == '\n') { i += 2; continue; }
      if (i + 1 < s.size() && s[i + 1] == '\r') { i += (i + 2 < s.size() && s[i + 2] == '\n') ? 3 : 2; continue; }
    }
    return i;
  }
}

// Skips blanks, line breaks and comments from `i`.
size_t skip_trivia(std::string_view s, size_t i) {
  for (;;) {
    i = skip_blanks(s, i);
    if (i < s.size() && (s[i] == '\n' || s[i] == '\r')) { ++i; continue; }
    if (i < s.size() && s[i] == '#') {
      while (i < s.size() && s[i] != '\n' && s[i] != '\r') ++i;
      continue;
    }
    return i;
  }
}

bool is_keyword(std::string_view w) {
  static constexpr std::string_view keywords[] = {
      "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class", "continue", "def", "del",
      "elif", "else", "except", "finally", "for", "from", "global", "if", "import", "in", "is", "lambda",
      "nonlocal", "not", "or", "pass", "raise", "return", "try", "while", "with", "yield"};
  return std::find(std::begin(keywords), std::end(keywords), w) != std::end(keywords);
}

// Python's operators and delimiters, longest first.
constexpr std::string_view kOperators[] = {"**=", "//=", ">>=", "<<=", "...", "->", ":=", "**", "//", "<<", ">>",
                                           "<=", ">=", "==", "!=", "+=", "-=", "*=", "/=", "%=", "&=", "|=",
                                           "^=", "@=", "(", ")", "[", "]", "{", "}", ",", ":", ";", ".", "+",
                                           "-", "*", "/", "%", "&", "|", "^", "~", "<", ">", "=", "@", "!"};

// The token at `i` as a parser names what it found: "newline", "identifier", "`)`"...
std::string describe_found(std::string_view s, size_t i) {
  i = skip_blanks(s, i);
  if (i >= s.size()) return "end of file";
  const char c = s[i];
  if (c == '\n' || c == '\r' || c == '#') return "newline";
  if (is_word_char(c) && !(c >= '0' && c <= '9')) {
    size_t j = i;
    while (j < s.size() && is_word_char(s[j])) ++j;
    if (j < s.size() && (s[j] == '\'' || s[j] == '"') && j - i <= 2) return "string";
    const std::string_view w = s.substr(i, j - i);
    return is_keyword(w) ? "`" + std::string(w) + "`" : "identifier";
  }
  if (c >= '0' && c <= '9') {
    size_t j = i;
    while (j < s.size() && (is_word_char(s[j]) || s[j] == '.')) ++j;
    const std::string_view w = s.substr(i, j - i);
    if (w.find_first_of("jJ") != std::string_view::npos) return "complex";
    if (!w.starts_with("0x") && !w.starts_with("0X") && w.find_first_of(".eE") != std::string_view::npos) return "float";
    return "int";
  }
  if (c == '\'' || c == '"') return "string";
  for (const std::string_view op : kOperators) {
    if (s.substr(i).starts_with(op)) return "`" + std::string(op) + "`";
  }
  return "`" + std::string(1, c) + "`";
}

// A character that starts no Python token: tree-sitter skips it into an ERROR node, Python's
// tokenizer stops at it. Returns its length in bytes (a whole UTF-8 sequence), or 0.
size_t unknown_character(std::string_view s, size_t i) {
  const auto c = static_cast<unsigned char>(s[i]);
  if (c == '$' || c == '?' || c == '`') return 1;
  if (c == '!' && !(i + 1 < s.size() && s[i + 1] == '=')) return 1;
  if (c < 0x80) return 0;
  // Non-ASCII: letters may start names; symbols such as `€` or `→` start nothing. Without
  // Unicode tables, take the general punctuation, currency, arrows, mathematical and box
  // drawing blocks (U+2000..U+2BFF) and Latin-1 symbols (U+00A0..U+00BF, U+00D7, U+00F7).
  size_t len = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
  if (i + len > s.size()) return 0;
  uint32_t cp = len == 1 ? c : len == 2 ? c & 0x1F : len == 3 ? c & 0x0F : c & 0x07;
  for (size_t k = 1; k < len; ++k) cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
  const bool symbol = (cp >= 0x2000 && cp <= 0x2BFF) || (cp >= 0xA0 && cp <= 0xBF) || cp == 0xD7 || cp == 0xF7;
  return symbol ? len : 0;
}

// The end of `text` without trailing blanks, line breaks and comments (as an offset into it).
size_t trimmed_end(std::string_view text) {
  size_t e = text.size();
  while (e > 0 && (is_blank(text[e - 1]) || text[e - 1] == '\n' || text[e - 1] == '\r')) --e;
  return e;
}

// Whether `text` leaves a bracket open (outside strings and comments), and whether it holds a
// `:` outside brackets.
struct Shape {
  int open = 0;
  bool colon = false;
};
Shape shape_of(std::string_view text) {
  Shape out;
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '#') {
      while (i + 1 < text.size() && text[i + 1] != '\n' && text[i + 1] != '\r') ++i;
    } else if (c == '\'' || c == '"') {
      i = skip_string(text, i);
    } else if (c == '(' || c == '[' || c == '{') {
      ++out.open;
    } else if ((c == ')' || c == ']' || c == '}') && out.open > 0) {
      --out.open;
    } else if (c == ':' && out.open == 0 && !(i + 1 < text.size() && text[i + 1] == '=')) {
      out.colon = true;
    }
  }
  return out;
}

// An error at the token found at `i` (after blanks), spanning that token.
SyntaxError at_found(std::string_view s, size_t i, std::string message) {
  i = skip_blanks(s, i);
  size_t e = i;
  if (i < s.size()) {
    const char c = s[i];
    if (c == '\n') e = i + 1;
    else if (c == '\r') e = i + (i + 1 < s.size() && s[i + 1] == '\n' ? 2 : 1);
    else if (c == '\'' || c == '"') e = skip_string(s, i) + 1;
    else if (is_word_char(c)) {
      while (e < s.size() && is_word_char(s[e])) ++e;
    } else {
      e = i + 1;
      for (const std::string_view op : kOperators) {
        if (s.substr(i).starts_with(op)) {
          e = i + op.size();
          break;
        }
      }
    }
  }
  return SyntaxError{static_cast<uint32_t>(i), static_cast<uint32_t>(e), std::move(message)};
}

// The offset of the first closing bracket of `text` that closes nothing or the wrong bracket,
// when it follows an operator or an opening bracket (where an operand was expected); or npos.
size_t stray_closing_bracket(std::string_view text) {
  std::vector<char> open;
  char previous = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (is_blank(c) || c == '\n' || c == '\r') continue;
    if (c == '#') {
      while (i + 1 < text.size() && text[i + 1] != '\n' && text[i + 1] != '\r') ++i;
      continue;
    }
    if (c == '\'' || c == '"') {
      i = skip_string(text, i);
      previous = 'a';
      continue;
    }
    if (c == '(' || c == '[' || c == '{') {
      open.push_back(c == '(' ? ')' : c == '[' ? ']' : '}');
    } else if (c == ')' || c == ']' || c == '}') {
      if (open.empty() || open.back() != c) {
        const bool operand_expected = previous == 0 || std::string_view("=+-*/%&|^~<>@,:([{").find(previous) != std::string_view::npos;
        return operand_expected ? i : std::string_view::npos;
      }
      open.pop_back();
    }
    previous = c;
  }
  return std::string_view::npos;
}

// The end of the first logical line of `text` (at its line break outside brackets and strings).
size_t logical_line_end(std::string_view text) {
  int depth = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '#') {
      while (i + 1 < text.size() && text[i + 1] != '\n' && text[i + 1] != '\r') ++i;
    } else if (c == '\'' || c == '"') {
      i = skip_string(text, i);
    } else if (c == '\\') {
      ++i;
    } else if (c == '(' || c == '[' || c == '{') {
      ++depth;
    } else if ((c == ')' || c == ']' || c == '}') && depth > 0) {
      --depth;
    } else if ((c == '\n' || c == '\r') && depth == 0) {
      return i;
    }
  }
  return text.size();
}

bool is_sequence(std::string_view k) {
  return k == "argument_list" || k == "list" || k == "tuple" || k == "set" || k == "parameters" ||
         k == "lambda_parameters" || k == "subscript" || k == "expression_list" || k == "pattern_list" ||
         k == "import_from_statement" || k == "dictionary";
}

std::string_view first_word(std::string_view text) {
  size_t j = 0;
  while (j < text.size() && is_word_char(text[j])) ++j;
  return text.substr(0, j);
}

// `not` where an operand of higher precedence is expected (`a + not b`, `x < not y`, `-not x`):
// Python's parser, like Ruff's, reads the `not` expression and refuses it as a whole. It runs
// to the right as far as an operand of `not` does: past arithmetic and comparisons, up to an
// `and`, `or`, `if`, comma or bracket. The grammar leaves an ERROR holding the `not` (or, after
// a unary operator, holding that operator and followed by the `not` expression).
std::optional<SyntaxError> misplaced_not(TSNode error, const std::vector<TSNode>& ancestors, TSNode next,
                                         std::string_view text) {
  constexpr const char* message = "Boolean 'not' expression cannot be used here";
  if (ts_node_is_null(next) || !ts_node_is_named(next) || ancestors.empty()) return std::nullopt;
  if ((text == "-" || text == "+" || text == "~") && is(next, "not_operator")) {
    return SyntaxError{ts_node_start_byte(next), ts_node_end_byte(next), message};
  }
  auto is_operator = [](TSNode n) { return is(n, "binary_operator") || is(n, "comparison_operator"); };
  if (text != "not" || !is_operator(ancestors.back())) return std::nullopt;
  // The operator holding the ERROR, then each operator whose left operand it is.
  size_t i = ancestors.size() - 1;
  while (i > 0 && is_operator(ancestors[i - 1]) &&
         ts_node_start_byte(ancestors[i - 1]) == ts_node_start_byte(ancestors[i])) {
    --i;
  }
  return SyntaxError{ts_node_start_byte(error), ts_node_end_byte(ancestors[i]), message};
}

// A message for an ERROR node, worded and placed as Python's (and Ruff's) parser words the
// most common cases, from the shape of what the node holds and where it sits.
// `follow` receives a second error where Python's parser reports one after the first.
// `parent`, `before` and `next` are the node's parent and siblings (null at either end): the
// caller's cursor knows them, where ts_node_prev_sibling() costs the number of siblings.
SyntaxError describe_error(TSNode error, const std::vector<TSNode>& ancestors, TSNode before, TSNode next,
                           std::string_view source, std::optional<SyntaxError>& follow) {
  const TSNode parent = ancestors.empty() ? TSNode{} : ancestors.back();
  const uint32_t start = ts_node_start_byte(error);
  const uint32_t end = ts_node_end_byte(error);
  const std::string_view text = source.substr(start, end - start);
  if (auto e = misplaced_not(error, ancestors, next, text)) return *e;
  // A character that starts no token.
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '#') {
      while (i + 1 < text.size() && text[i + 1] != '\n' && text[i + 1] != '\r') ++i;
    } else if (c == '\'' || c == '"') {
      i = skip_string(text, i);
    } else if (const size_t len = unknown_character(text, i)) {
      const uint32_t at = start + static_cast<uint32_t>(i);
      // Python's parser then expected a statement at the next token.
      const size_t next = skip_blanks(source, at + len);
      size_t next_end = std::min(next + 1, source.size());
      if (next < source.size() && source[next] == '\r' && next + 1 < source.size() && source[next + 1] == '\n') ++next_end;
      follow = SyntaxError{static_cast<uint32_t>(next), static_cast<uint32_t>(next_end), "Expected a statement"};
      return SyntaxError{at, at + static_cast<uint32_t>(len), "Got unexpected token " + std::string(text.substr(i, len))};
    } else if (is_word_char(c)) {
      while (i + 1 < text.size() && is_word_char(text[i + 1])) ++i;
    }
  }
  const size_t trimmed = trimmed_end(text);
  const uint32_t after = start + static_cast<uint32_t>(trimmed);  // just past the last token
  const Shape shape = shape_of(text);
  // Brackets left open to the end of the file.
  if (shape.open > 0 && skip_trivia(source, end) >= source.size()) {
    const auto eof = static_cast<uint32_t>(source.size());
    return SyntaxError{eof, eof, "unexpected EOF while parsing"};
  }
  const std::string_view parent_kind = ts_node_is_null(parent) ? "" : kind(parent);
  const bool statement_level = parent_kind == "module" || parent_kind == "block";
  const std::string_view word = first_word(text);
  // What the text ends with, in every position: an operator wants an operand (`y = 1 +`,
  // `f(**)`), reported at the token found instead.
  if (trimmed > 0) {
    const std::string_view head = text.substr(0, trimmed);
    auto expected_expression = [&] { return at_found(source, after, "Expected an expression"); };
    for (const std::string_view op : kOperators) {
      if (op == ")" || op == "]" || op == "}" || op == "." || op == "..." || op == ",") continue;
      if (head.ends_with(op) && !(op == ":" && statement_level)) return expected_expression();
    }
    for (const std::string_view w : {"and", "or", "not", "in", "is", "yield", "await", "lambda"}) {
      if (head.ends_with(w) && (head.size() == w.size() || !is_word_char(head[head.size() - w.size() - 1]))) {
        return expected_expression();
      }
    }
  }
  if (statement_level && trimmed > 0) {
    const std::string_view head = text.substr(0, trimmed);
    if (head.ends_with('.')) return at_found(source, after, "Expected an identifier");
    if (word == "import" || (word == "from" && head.ends_with("import"))) {
      return at_found(source, after, "Expected one or more symbol names after import");
    }
    if (word == "del" && head == "del") return at_found(source, after, "Delete statement must have at least one target");
    // A closing bracket where an operand was expected: `x = )`, `x = (]`.
    if (const size_t close = stray_closing_bracket(head); close != std::string_view::npos) {
      return at_found(source, start + static_cast<uint32_t>(close), "Expected an expression");
    }
    static constexpr std::string_view compound[] = {"if", "elif", "else", "while", "for", "with", "def", "class",
                                                    "try", "except", "finally", "async"};
    if (std::find(std::begin(compound), std::end(compound), word) != std::end(compound) && !shape.colon) {
      // At the end of the header's line (the ERROR node may take the next lines too).
      const auto line_end = start + static_cast<uint32_t>(trimmed_end(text.substr(0, logical_line_end(text))));
      return at_found(source, line_end, "Expected `:`, found " + describe_found(source, line_end));
    }
  }
  if (!statement_level && !ts_node_is_null(parent)) {
    // An element not separated from the one before it by a comma.
    if (is_sequence(parent_kind) && !ts_node_is_null(before)) {
      const std::string_view b = kind(before);
      if (parent_kind == "dictionary" && b == ",") {
        return at_found(source, after, "Expected `:`, found " + describe_found(source, after));
      }
      if (b != "," && b != "(" && b != "[" && b != "{") {
        return at_found(source, start, "Expected `,`, found " + describe_found(source, start));
      }
    }
    // An expression followed by another on the same line: `x = 1 2`, `return x y`.
    if (!ts_node_is_null(next) && ts_node_is_named(next) && !is_sequence(parent_kind)) {
      const auto [at, end] = first_token(next, source);
      return SyntaxError{at, end, "Simple statements must be separated by newlines or semicolons"};
    }
  }
  std::string token = describe_token(text);
  return SyntaxError{start, start + static_cast<uint32_t>(token.size()),
                     token.empty() ? "Expected an expression" : "Unexpected token `" + token + "`"};
}

// `a not b`: the grammar reads a `not in` whose `in` is missing; Python's parser ends the
// expression before the `not` and reports what the enclosing construct expected there instead.
// `await not x`, where `await` is read as a name, is the `not` expression refused as an operand.
std::optional<SyntaxError> not_without_in(TSNode missing, const std::vector<TSNode>& ancestors, TSNode before,
                                          std::string_view source) {
  // The operator `not in` is a node of its own, inside the comparison.
  const size_t n = ancestors.size();
  if (ts_node_is_null(before) || !is(before, "not") || n < 2 || !is(ancestors[n - 2], "comparison_operator")) {
    return std::nullopt;
  }
  const TSNode comparison = ancestors[n - 2];
  const uint32_t at = ts_node_start_byte(before);
  const TSNode left = ts_node_named_child(comparison, 0);
  const uint32_t left_start = ts_node_start_byte(left);
  if (is(left, "identifier") && source.substr(left_start, ts_node_end_byte(left) - left_start) == "await") {
    return SyntaxError{at, ts_node_end_byte(comparison), "Boolean 'not' expression cannot be used here"};
  }
  const std::string found = describe_found(source, at);
  for (size_t i = n - 2; i-- > 0;) {
    const std::string_view k = kind(ancestors[i]);
    if (k == "parenthesized_expression") return at_found(source, at, "Expected `)`, found " + found);
    // A subscript's first expression may be a slice's start.
    if (k == "subscript") return at_found(source, at, "Expected `:`, found " + found);
    // A tuple is one only from its first comma on.
    if (k == "tuple" && ts_node_start_byte(ts_node_named_child(ancestors[i], 0)) == ts_node_start_byte(ancestors[i + 1])) {
      return at_found(source, at, "Expected `)`, found " + found);
    }
    if (k == "argument_list" || k == "list" || k == "set" || k == "tuple" || k == "dictionary") {
      return at_found(source, at, "Expected `,`, found " + found);
    }
    if (k == "if_statement" || k == "elif_clause" || k == "while_statement") {
      return at_found(source, at, "Expected `:`, found " + found);
    }
    if (k == "module" || k == "block" || k.ends_with("_statement")) break;
  }
  return at_found(source, at, "Simple statements must be separated by newlines or semicolons");
}

SyntaxError describe_missing(TSNode missing, const std::vector<TSNode>& ancestors, TSNode before,
                             std::string_view source) {
  const std::string_view k = kind(missing);
  if (k == "in") {
    if (auto e = not_without_in(missing, ancestors, before, source)) return *e;
  }
  const uint32_t start = ts_node_start_byte(missing);
  const auto at = static_cast<uint32_t>(skip_blanks(source, start));
  if (k == "identifier") return at_found(source, at, "Expected an identifier");
  if (ts_node_is_named(missing)) return at_found(source, at, "Expected an expression");
  return at_found(source, at, "Expected `" + std::string(k) + "`, found " + describe_found(source, at));
}

}  // namespace

std::vector<SyntaxError> syntax_errors(const TSTree* tree, std::string_view source) {
  std::vector<SyntaxError> found;
  TSNode root = ts_tree_root_node(tree);
  if (!ts_node_has_error(root)) return found;
  TSTreeCursor cursor = ts_tree_cursor_new(root);
  // Depth-first, pruning subtrees without errors; an ERROR node's own subtree is not searched.
  // The ancestors are kept as the cursor moves (ts_node_parent() costs the node's depth).
  // The ancestors, and the previous sibling at each level.
  std::vector<TSNode> ancestors;
  std::vector<TSNode> previous{TSNode{}};
  for (;;) {
    TSNode n = ts_tree_cursor_current_node(&cursor);
    bool descend = false;
    if (ts_node_is_missing(n)) {
      found.push_back(describe_missing(n, ancestors, previous.back(), source));
    } else if (ts_node_is_error(n)) {
      // The next sibling, by moving on to it (a copy of the cursor costs the depth).
      const bool has_next = ts_tree_cursor_goto_next_sibling(&cursor);
      const TSNode next = has_next ? ts_tree_cursor_current_node(&cursor) : TSNode{};
      std::optional<SyntaxError> follow;
      found.push_back(
          describe_error(n, ancestors, previous.back(), next, source, follow));
      if (follow) found.push_back(std::move(*follow));
      previous.back() = n;
      if (has_next) continue;
      // The last child: on to the parent's next sibling.
      bool moved = false;
      while (!moved && ts_tree_cursor_goto_parent(&cursor)) {
        ancestors.pop_back();
        previous.pop_back();
        previous.back() = ts_tree_cursor_current_node(&cursor);
        moved = ts_tree_cursor_goto_next_sibling(&cursor);
      }
      if (!moved) break;
      continue;
    } else {
      descend = ts_node_has_error(n);
    }
    if (descend && ts_tree_cursor_goto_first_child(&cursor)) {
      ancestors.push_back(n);
      previous.push_back(TSNode{});
      continue;
    }
    bool moved = false;
    previous.back() = n;
    while (!(moved = ts_tree_cursor_goto_next_sibling(&cursor))) {
      if (!ts_tree_cursor_goto_parent(&cursor)) break;
      ancestors.pop_back();
      previous.pop_back();
      previous.back() = ts_tree_cursor_current_node(&cursor);
    }
    if (!moved) break;
  }
  ts_tree_cursor_delete(&cursor);
  std::stable_sort(found.begin(), found.end(),
                   [](const SyntaxError& a, const SyntaxError& b) { return a.start_byte < b.start_byte; });
  return found;
}

std::string tree_string(TSNode root, std::string_view source) {
  std::string out;
  TSTreeCursor cursor = ts_tree_cursor_new(root);
  // Whether each open level printed a node (and so closes with `)`).
  std::vector<bool> printed;
  bool first = true;
  for (;;) {
    const TSNode n = ts_tree_cursor_current_node(&cursor);
    const bool missing = ts_node_is_missing(n);
    const bool visible = ts_node_is_named(n) || missing;
    if (visible) {
      if (!first) {
        out += ' ';
        if (const char* f = ts_tree_cursor_current_field_name(&cursor)) {
          out += f;
          out += ": ";
        }
      }
      const uint32_t start = ts_node_start_byte(n);
      if (ts_node_is_error(n) && ts_node_child_count(n) == 0 && ts_node_end_byte(n) > start) {
        out += "(UNEXPECTED ";
        const char c = source[start];
        if (c == '\n') out += "'\\n'";
        else if (c == '\t') out += "'\\t'";
        else if (c == '\r') out += "'\\r'";
        else if (static_cast<unsigned char>(c) < 0x80 && c >= ' ') out += std::string("'") + c + "'";
        else {
          // A character outside ASCII: its code point, as tree-sitter prints it.
          size_t len = (static_cast<unsigned char>(c) >= 0xF0) ? 4 : (static_cast<unsigned char>(c) >= 0xE0) ? 3 : 2;
          uint32_t cp = static_cast<unsigned char>(c) & (len == 4 ? 0x07 : len == 3 ? 0x0F : 0x1F);
          for (size_t k = 1; k < len && start + k < source.size(); ++k) cp = (cp << 6) | (static_cast<unsigned char>(source[start + k]) & 0x3F);
          out += std::to_string(cp);
        }
      } else if (missing) {
        out += "(MISSING ";
        if (ts_node_is_named(n)) out += ts_node_type(n);
        else out += std::string("\"") + ts_node_type(n) + "\"";
      } else {
        out += '(';
        out += ts_node_type(n);
      }
      first = false;
    }
    if (ts_tree_cursor_goto_first_child(&cursor)) {
      printed.push_back(visible);
      continue;
    }
    if (visible) out += ')';
    bool moved = false;
    while (!(moved = ts_tree_cursor_goto_next_sibling(&cursor))) {
      if (!ts_tree_cursor_goto_parent(&cursor)) break;
      if (printed.back()) out += ')';
      printed.pop_back();
    }
    if (!moved) break;
  }
  ts_tree_cursor_delete(&cursor);
  return out;
}

std::optional<SyntaxError> first_syntax_error(const TSTree* tree, std::string_view source) {
  std::vector<SyntaxError> all = syntax_errors(tree, source);
  if (all.empty()) return std::nullopt;
  return all.front();
}

}  // namespace lint
