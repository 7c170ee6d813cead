#include "noqa/noqa.h"

#include <algorithm>
#include <cstring>
#include <unordered_set>

#include "engine/rule.h"

namespace lint::noqa {

namespace {

// ---------------------------------------------------------------------------------------------
// The directive lexer: a port of the grammar Ruff's NoqaLexer accepts.

// Bytes of the Unicode White_Space character at `p` (Rust's char::is_whitespace), or 0.
size_t whitespace_len(std::string_view s, size_t p) {
  if (p >= s.size()) return 0;
  const auto c = static_cast<unsigned char>(s[p]);
  if (c == ' ' || (c >= '\t' && c <= '\r')) return 1;
  if (c < 0x80) return 0;
  auto byte = [&](size_t k) { return p + k < s.size() ? static_cast<unsigned char>(s[p + k]) : 0u; };
  if (c == 0xC2) return byte(1) == 0x85 || byte(1) == 0xA0 ? 2 : 0;  // U+0085, U+00A0
  if (c == 0xE1) return byte(1) == 0x9A && byte(2) == 0x80 ? 3 : 0;  // U+1680
  if (c == 0xE2) {
    const unsigned b1 = byte(1), b2 = byte(2);
    if (b1 == 0x80 && ((b2 >= 0x80 && b2 <= 0x8A) || b2 == 0xA8 || b2 == 0xA9 || b2 == 0xAF)) return 3;  // U+2000-200A, 2028, 2029, 202F
    if (b1 == 0x81 && b2 == 0x9F) return 3;  // U+205F
    return 0;
  }
  if (c == 0xE3) return byte(1) == 0x80 && byte(2) == 0x80 ? 3 : 0;  // U+3000
  return 0;
}

bool is_upper(char c) { return c >= 'A' && c <= 'Z'; }
bool is_digit(char c) { return c >= '0' && c <= '9'; }

bool is_noqa_uncased(std::string_view s, size_t p) {
  return p + 4 <= s.size() && (s[p] | 0x20) == 'n' && (s[p + 1] | 0x20) == 'o' && (s[p + 2] | 0x20) == 'q' &&
         (s[p + 3] | 0x20) == 'a';
}

class DirectiveLexer {
 public:
  explicit DirectiveLexer(std::string_view s) : s_(s) {}

  // `#`, whitespace, then `noqa`; with `file_level`, `ruff`/`flake8`/`lint`, whitespace, `:` and
  // whitespace between the `#` and the `noqa`. The first `#` so followed decides.
  Directive lex(bool file_level) {
    while (p_ < s_.size()) {
      const size_t hash = s_.find('#', p_);
      if (hash == std::string_view::npos) break;
      p_ = hash + 1;
      eat_whitespace();
      if (file_level) {
        const std::string_view rest = s_.substr(p_);
        if (rest.starts_with("ruff")) {
          p_ += 4;
        } else if (rest.starts_with("flake8")) {
          p_ += 6;
        } else if (rest.starts_with("lint")) {
          p_ += 4;
        } else {
          continue;
        }
        eat_whitespace();
        if (p_ >= s_.size() || s_[p_] != ':') continue;
        ++p_;
        eat_whitespace();
      }
      if (!is_noqa_uncased(s_, p_)) continue;
      p_ += 4;
      const auto noqa_end = static_cast<uint32_t>(p_);
      Directive d = directive();
      d.start = static_cast<uint32_t>(hash);
      d.end = d.kind == Directive::Kind::Codes && !d.codes.empty()
                  ? static_cast<uint32_t>(d.codes.back().data() + d.codes.back().size() - s_.data())
                  : noqa_end;
      return d;
    }
    return {};
  }

 private:
  void eat_whitespace() {
    while (const size_t k = whitespace_len(s_, p_)) p_ += k;
  }

  static Directive error() { return {Directive::Kind::Error, {}, 0, 0}; }

  // What follows `noqa`.
  Directive directive() {
    if (p_ >= s_.size() || s_[p_] == '#') return {Directive::Kind::All, {}, 0, 0};  // `# noqa`, `# noqa# comment`
    if (s_[p_] == ':') {
      ++p_;
      return codes();
    }
    if (const size_t k = whitespace_len(s_, p_)) {
      // `# noqa : F401` lists codes; `# noqa because` and `# noqa F401` are blanket.
      p_ += k;
      eat_whitespace();
      if (p_ < s_.size() && s_[p_] == ':') {
        ++p_;
        return codes();
      }
      return {Directive::Kind::All, {}, 0, 0};
    }
    return error();  // `# noqaF401`, `# noqa; F401`
  }

  // Codes are `[A-Z]+[0-9]+`, separated by commas and/or whitespace. The first word that is not
  // a code ends the list (it is taken for a trailing comment), but a joined `F401abc` is an error.
  Directive codes() {
    Directive d{Directive::Kind::Codes, {}, 0, 0};
    bool missing_delimiter = false;
    while (p_ < s_.size()) {
      eat_whitespace();
      if (p_ < s_.size() && s_[p_] == ',') {  // `F401,,F841`: an empty item, warned about
        ++p_;
        continue;
      }
      if (p_ >= s_.size()) break;
      const size_t start = p_;
      if (!is_upper(s_[p_])) {
        p_ = s_.size();  // `# noqa: F401 we need it`
        break;
      }
      while (p_ < s_.size() && is_upper(s_[p_])) ++p_;
      if (p_ >= s_.size() || !is_digit(s_[p_])) {
        if (missing_delimiter) return error();  // `F401Fabc`
        p_ = s_.size();                          // `# noqa: F401 A comment`
        break;
      }
      while (p_ < s_.size() && is_digit(s_[p_])) ++p_;
      d.codes.push_back(s_.substr(start, p_ - start));
      if (p_ >= s_.size()) break;
      const char c = s_[p_];
      if (c == ',') {
        ++p_;
        missing_delimiter = false;
      } else if (whitespace_len(s_, p_) || c == '#') {
        missing_delimiter = false;
      } else if (is_upper(c)) {
        missing_delimiter = true;  // `F401F841`: two codes, warned about
      } else {
        return error();  // `F401abc`
      }
    }
    if (d.codes.empty()) return error();  // `# noqa:`, `# noqa: unused-import`
    return d;
  }

  std::string_view s_;
  size_t p_ = 0;
};

// Old codes that Ruff still accepts in noqa comments, with the code they stand for.
constexpr std::pair<std::string_view, std::string_view> kRedirects[] = {
    {"SIM111", "SIM110"}, {"C9", "C90"},         {"T1", "T10"},         {"T2", "T20"},         {"R", "RET"},
    {"R5", "RET5"},       {"R50", "RET50"},      {"R501", "RET501"},    {"R502", "RET502"},    {"R503", "RET503"},
    {"R504", "RET504"},   {"R505", "RET505"},    {"R506", "RET506"},    {"R507", "RET507"},    {"R508", "RET508"},
    {"IC", "ICN"},        {"IC0", "ICN0"},       {"IC00", "ICN00"},     {"IC001", "ICN001"},   {"IC002", "ICN001"},
    {"IC003", "ICN001"},  {"IC004", "ICN001"},   {"U", "UP"},           {"U0", "UP0"},         {"U00", "UP00"},
    {"U001", "UP001"},    {"U003", "UP003"},     {"U004", "UP004"},     {"U005", "UP005"},     {"U006", "UP006"},
    {"U007", "UP007"},    {"U008", "UP008"},     {"U009", "UP009"},     {"U01", "UP01"},       {"U010", "UP010"},
    {"U011", "UP011"},    {"U012", "UP012"},     {"U013", "UP013"},     {"U014", "UP014"},     {"U015", "UP015"},
    {"U016", "UP016"},    {"U017", "UP017"},     {"U019", "UP019"},     {"I2", "TID2"},        {"I25", "TID25"},
    {"I252", "TID252"},   {"M", "RUF100"},       {"M0", "RUF100"},      {"M001", "RUF100"},    {"PDV", "PD"},
    {"PDV0", "PD0"},      {"PDV002", "PD002"},   {"PDV003", "PD003"},   {"PDV004", "PD004"},   {"PDV007", "PD007"},
    {"PDV008", "PD008"},  {"PDV009", "PD009"},   {"PDV01", "PD01"},     {"PDV010", "PD010"},   {"PDV011", "PD011"},
    {"PDV012", "PD012"},  {"PDV013", "PD013"},   {"PDV015", "PD015"},   {"PDV9", "PD9"},       {"PDV90", "PD90"},
    {"PDV901", "PD901"},  {"TYP", "TC"},         {"TYP001", "TC001"},   {"RUF004", "B026"},    {"PIE802", "C419"},
    {"PLW0130", "B033"},  {"T001", "FIX001"},    {"T002", "FIX002"},    {"T003", "FIX003"},    {"T004", "FIX004"},
    {"RUF011", "B035"},   {"TRY200", "B904"},    {"PGH001", "S307"},    {"PGH002", "G010"},    {"TRIO", "ASYNC1"},
    {"TRIO1", "ASYNC1"},  {"TRIO10", "ASYNC10"}, {"TRIO100", "ASYNC100"}, {"TRIO105", "ASYNC105"},
    {"TRIO109", "ASYNC109"}, {"TRIO11", "ASYNC11"}, {"TRIO110", "ASYNC110"}, {"TRIO115", "ASYNC115"},
    {"PLR1701", "SIM101"}, {"PLW0117", "PLW0177"}, {"RUF025", "C420"},  {"TRY302", "TRY203"},  {"TCH", "TC"},
    {"TCH001", "TC001"},  {"TCH002", "TC002"},   {"TCH003", "TC003"},   {"TCH004", "TC004"},   {"TCH005", "TC005"},
    {"TCH006", "TC010"},  {"TCH010", "TC010"},   {"RUF035", "S704"},
};

std::string_view redirect_code(std::string_view code) {
  for (const auto& [from, to] : kRedirects) {
    if (from == code) return to;
  }
  return code;
}

// Every rule code of Ruff 0.17.3, sorted (from `ruff rule --all --output-format json`; removed
// rules included, as Ruff still knows their codes).
constexpr std::string_view kRuffCodes[] = {
#include "noqa/ruff_codes.inc"
};

// ---------------------------------------------------------------------------------------------
// The scanner: strings, comments and continuations, as Python's (3.12+) tokenizer sees them.

using Range = std::pair<uint32_t, uint32_t>;

bool is_word_byte(unsigned char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c >= 0x80;
}

struct Prefix {
  bool valid = false;
  bool raw = false;
  bool interpolated = false;  // f-string or t-string
};

Prefix string_prefix(std::string_view word) {
  if (word.empty() || word.size() > 2) return {};
  bool r = false, b = false, u = false, f = false, t = false;
  for (const char ch : word) {
    bool* flag = nullptr;
    switch (ch) {
      case 'r': case 'R': flag = &r; break;
      case 'b': case 'B': flag = &b; break;
      case 'u': case 'U': flag = &u; break;
      case 'f': case 'F': flag = &f; break;
      case 't': case 'T': flag = &t; break;
      default: return {};
    }
    if (*flag) return {};
    *flag = true;
  }
  if (u && word.size() != 1) return {};
  if (b + f + t > 1) return {};
  return {true, r, f || t};
}

class Scanner {
 public:
  explicit Scanner(std::string_view s) : s_(s), n_(s.size()) {}

  Scan run() {
    while (i_ < n_) {
      if (stack_.empty() || stack_.back().kind == Frame::Expr) {
        code();
      } else {
        literal();
      }
    }
    // Unterminated f-strings at the end of the file are not strings: no mapping for them.
    return finish();
  }

 private:
  struct Frame {
    enum Kind : uint8_t { FString, Expr, Spec } kind;
    char quote = 0;
    bool triple = false;
    bool raw = false;
    uint32_t start = 0;       // FString: offset of its prefix
    uint32_t line_start = 0;  // FString: start of the line it starts on
    int depth = 0;            // Expr: open brackets
  };

  size_t newline_len(size_t p) const {
    if (p >= n_) return 0;
    if (s_[p] == '\n') return 1;
    if (s_[p] == '\r') return p + 1 < n_ && s_[p + 1] == '\n' ? 2 : 1;
    return 0;
  }

  // The frame of the innermost f-string (its quote closes the literal or format spec on top).
  const Frame& innermost_fstring() const {
    for (auto it = stack_.rbegin(); it != stack_.rend(); ++it) {
      if (it->kind == Frame::FString) return *it;
    }
    return stack_.back();  // unreachable: literal() runs with an f-string on the stack
  }

  // Pops everything up to and including the innermost f-string.
  void pop_fstring() {
    while (!stack_.empty() && stack_.back().kind != Frame::FString) stack_.pop_back();
    if (!stack_.empty()) stack_.pop_back();
  }

  bool inside_fstring() const {
    return std::any_of(stack_.begin(), stack_.end(), [](const Frame& f) { return f.kind == Frame::FString; });
  }

  // One token of code, at the top level or in an f-string's replacement field.
  void code() {
    const char c = s_[i_];
    switch (c) {
      case ' ': case '\t': case '\f':
        ++i_;
        return;
      case '\n': case '\r':
        i_ += newline_len(i_);
        line_start_ = static_cast<uint32_t>(i_);
        return;
      case '#': {
        comments_.push_back(static_cast<uint32_t>(i_));
        while (i_ < n_ && s_[i_] != '\n' && s_[i_] != '\r') ++i_;
        return;
      }
      case '\\': {
        if (const size_t nl = newline_len(i_ + 1)) {
          // A continuation: the whole physical line maps to the end of the continued ones.
          continuations_.push_back(line_start_);
          i_ += 1 + nl;
          line_start_ = static_cast<uint32_t>(i_);
        } else {
          ++i_;
        }
        return;
      }
      case '\'': case '"':
        string(i_, i_, {true, false, false});
        return;
      case '(': case '[': case '{':
        if (!stack_.empty()) ++stack_.back().depth;
        ++i_;
        return;
      case ')': case ']':
        if (!stack_.empty() && stack_.back().depth > 0) --stack_.back().depth;
        ++i_;
        return;
      case '}':
        ++i_;
        if (!stack_.empty()) {
          if (stack_.back().depth > 0) {
            --stack_.back().depth;
          } else {
            stack_.pop_back();  // the end of a replacement field
          }
        }
        return;
      case ':':
        ++i_;
        if (!stack_.empty() && stack_.back().depth == 0) {
          stack_.back().kind = Frame::Spec;  // the replacement field's format spec
        }
        return;
      default:
        break;
    }
    if (is_word_byte(static_cast<unsigned char>(c))) {
      size_t j = i_ + 1;
      while (j < n_ && is_word_byte(static_cast<unsigned char>(s_[j]))) ++j;
      if (j < n_ && (s_[j] == '\'' || s_[j] == '"')) {
        const Prefix prefix = string_prefix(s_.substr(i_, j - i_));
        if (prefix.valid) {
          string(i_, j, prefix);
          return;
        }
      }
      i_ = j;
      return;
    }
    ++i_;
  }

  // A string whose prefix starts at `start` and whose opening quote is at `q`.
  void string(size_t start, size_t q, Prefix prefix) {
    const char quote = s_[q];
    const bool triple = q + 2 < n_ && s_[q + 1] == quote && s_[q + 2] == quote;
    const size_t body = q + (triple ? 3 : 1);
    if (prefix.interpolated) {
      stack_.push_back(Frame{Frame::FString, quote, triple, prefix.raw, static_cast<uint32_t>(start), line_start_, 0});
      i_ = body;
      return;
    }
    const uint32_t first_line = line_start_;
    bool multiline = false;
    size_t j = body;
    while (true) {
      if (j >= n_) {
        // Unterminated: Ruff's lexer still makes a string token of it, up to the end of the file.
        if (triple && multiline) strings_.push_back({first_line, static_cast<uint32_t>(n_)});
        i_ = n_;
        return;
      }
      const char c = s_[j];
      if (c == '\\') {
        ++j;
        if (const size_t nl = newline_len(j)) {
          j += nl;
          line_start_ = static_cast<uint32_t>(j);
          multiline = true;
        } else if (j < n_) {
          ++j;
        }
      } else if (c == '\n' || c == '\r') {
        if (!triple) {  // unterminated single-quoted string: it ends at the line end
          i_ = j;
          return;
        }
        j += newline_len(j);
        line_start_ = static_cast<uint32_t>(j);
        multiline = true;
      } else if (c == quote) {
        if (!triple) {
          ++j;
          break;
        }
        if (j + 2 < n_ && s_[j + 1] == quote && s_[j + 2] == quote) {
          j += 3;
          break;
        }
        ++j;
      } else {
        ++j;
      }
    }
    if (triple && multiline) strings_.push_back({first_line, static_cast<uint32_t>(j)});
    i_ = j;
  }

  // The literal part of an f-string, or a format spec, up to the next replacement field or the end.
  void literal() {
    const Frame& f = innermost_fstring();
    const char quote = f.quote;
    const bool triple = f.triple, raw = f.raw;
    const bool spec = stack_.back().kind == Frame::Spec;
    size_t j = i_;
    while (true) {
      if (j >= n_) {
        i_ = n_;
        return;
      }
      const char c = s_[j];
      if (c == '\\') {
        ++j;
        if (j < n_ && (s_[j] == '{' || s_[j] == '}')) continue;  // `\{`: the brace still counts
        if (!raw && j + 1 < n_ && s_[j] == 'N' && s_[j + 1] == '{') {
          // `\N{NAME}`: its braces are not a replacement field.
          j += 2;
          while (j < n_ && s_[j] != '}' && s_[j] != quote && s_[j] != '\n' && s_[j] != '\r') ++j;
          if (j < n_ && s_[j] == '}') ++j;
          continue;
        }
        if (const size_t nl = newline_len(j)) {
          j += nl;
          line_start_ = static_cast<uint32_t>(j);
        } else if (j < n_) {
          ++j;
        }
      } else if (c == '\n' || c == '\r') {
        if (!triple) {  // unterminated single-quoted f-string
          pop_fstring();
          i_ = j;
          return;
        }
        j += newline_len(j);
        line_start_ = static_cast<uint32_t>(j);
      } else if (c == quote && (!triple || (j + 2 < n_ && s_[j + 1] == quote && s_[j + 2] == quote))) {
        const size_t end = j + (triple ? 3 : 1);
        const uint32_t start = f.start, first_line = f.line_start;
        pop_fstring();
        if (!inside_fstring()) {
          const std::string_view token = s_.substr(start, end - start);
          if (token.find_first_of("\r\n") != std::string_view::npos) {
            fstrings_.push_back({first_line, static_cast<uint32_t>(end)});
          }
        }
        i_ = end;
        return;
      } else if (c == '{') {
        if (!spec && j + 1 < n_ && s_[j + 1] == '{') {
          j += 2;
          continue;
        }
        stack_.push_back(Frame{Frame::Expr});
        i_ = j + 1;
        return;
      } else if (c == '}') {
        if (spec) {
          stack_.pop_back();  // the end of the replacement field the spec belongs to
          i_ = j + 1;
          return;
        }
        j += j + 1 < n_ && s_[j + 1] == '}' ? 2 : 1;
      } else {
        ++j;
      }
    }
  }

  Scan finish() {
    Scan out;
    out.comments = std::move(comments_);
    std::vector<Range> all;
    all.reserve(strings_.size() + fstrings_.size() + continuations_.size());
    all.insert(all.end(), fstrings_.begin(), fstrings_.end());
    all.insert(all.end(), strings_.begin(), strings_.end());
    // Consecutive continued lines form one range, up to the start of the line that ends them.
    std::vector<Range> continued;
    for (const uint32_t line : continuations_) {
      size_t end = line;
      while (end < n_ && s_[end] != '\n' && s_[end] != '\r') ++end;
      end += newline_len(end);
      if (!continued.empty() && continued.back().second == line) {
        continued.back().second = static_cast<uint32_t>(end);
      } else {
        continued.push_back({line, static_cast<uint32_t>(end)});
      }
    }
    all.insert(all.end(), continued.begin(), continued.end());
    std::stable_sort(all.begin(), all.end(), [](const Range& a, const Range& b) { return a.first < b.first; });
    for (const Range& r : all) {
      if (out.mapping.empty() || out.mapping.back().second < r.first) {
        out.mapping.push_back(r);
      } else {
        out.mapping.back().second = std::max(out.mapping.back().second, r.second);
      }
    }
    return out;
  }

  std::string_view s_;
  size_t n_;
  size_t i_ = 0;
  uint32_t line_start_ = 0;  // start of the current physical line
  std::vector<Frame> stack_;
  std::vector<uint32_t> comments_;
  std::vector<Range> strings_, fstrings_;
  std::vector<uint32_t> continuations_;  // starts of lines ending with a backslash
};

// ---------------------------------------------------------------------------------------------

bool never_suppressed(const Diagnostic& d) { return d.rule == nullptr || d.rule->code == "E902"; }

// Ruff's "parent" of F401 and F811: the `from ... import` statement holding the binding.
uint32_t import_from_parent(TSNode root, const Diagnostic& d) {
  if (ts_node_is_null(root)) return Diagnostic::kNoParent;
  TSNode n = ts_node_descendant_for_byte_range(root, d.start_byte, std::max(d.start_byte, d.end_byte));
  for (int steps = 0; !ts_node_is_null(n) && steps < 8; ++steps, n = ts_node_parent(n)) {
    const std::string_view k = ts_node_type(n);
    if (k == "import_from_statement" || k == "future_import_statement") return ts_node_start_byte(n);
    if (k == "module" || k == "block" || k.ends_with("_statement") || k.ends_with("definition")) break;
  }
  return Diagnostic::kNoParent;
}

bool is_python_space(char c) { return c == ' ' || c == '\t' || c == '\f'; }

// The edit that removes a directive spanning [start, end) from its line: the whole line when
// the directive is alone on it; the directive and the space before it when it ends the line
// (`x = 1  # noqa`); the directive and the space after it when another comment follows
// (`# noqa  # type: ignore` keeps `# type: ignore`); else everything from the directive on.
Edit delete_directive(std::string_view text, const LineIndex& lines, uint32_t start, uint32_t end) {
  const uint32_t row = lines.row_of(start);
  const uint32_t line_start = lines.line_start(row);
  const uint32_t line_end = line_start + static_cast<uint32_t>(lines.line_text(row).size());
  uint32_t before = start;
  while (before > line_start && is_python_space(text[before - 1])) --before;
  uint32_t after = end;
  while (after < line_end && is_python_space(text[after])) ++after;
  if (before == line_start && after == line_end) {
    uint32_t full_end = line_end;
    if (full_end < text.size() && text[full_end] == '\r') ++full_end;
    if (full_end < text.size() && text[full_end] == '\n') ++full_end;
    return Edit::deletion(line_start, full_end);
  }
  if (after == line_end) return Edit::deletion(before, line_end);
  if (text[after] == '#') return Edit::deletion(start, after);
  return Edit::deletion(before, line_end);
}

}  // namespace

bool Directive::suppresses(std::string_view code) const {
  if (kind == Kind::All) return true;
  if (kind != Kind::Codes) return false;
  return std::any_of(codes.begin(), codes.end(), [&](std::string_view c) { return redirect(c) == code; });
}

Directive parse_line_directive(std::string_view comment) { return DirectiveLexer(comment).lex(false); }

std::string_view redirect(std::string_view code) { return redirect_code(code); }

std::span<const std::string_view> ruff_codes() { return kRuffCodes; }

bool is_ruff_code(std::string_view code) {
  return std::binary_search(std::begin(kRuffCodes), std::end(kRuffCodes), redirect_code(code));
}

Directive parse_file_directive(std::string_view comment) { return DirectiveLexer(comment).lex(true); }

uint32_t Scan::resolve(uint32_t offset) const {
  auto it = std::upper_bound(mapping.begin(), mapping.end(), offset,
                             [](uint32_t o, const std::pair<uint32_t, uint32_t>& r) { return o < r.first; });
  if (it == mapping.begin()) return offset;
  --it;
  return offset < it->second ? it->second : offset;
}

const uint32_t* Scan::comment_in(uint32_t line_start, uint32_t line_end) const {
  auto it = std::lower_bound(comments.begin(), comments.end(), line_start);
  if (it == comments.end() || *it >= line_end) return nullptr;
  return &*it;
}

Scan scan(std::string_view text) { return Scanner(text).run(); }

bool mentions_noqa(std::string_view text) {
  const char* base = text.data();
  const size_t n = text.size();
  for (const char q : {'q', 'Q'}) {
    const char* p = base;
    const char* end = base + n;
    while (p < end) {
      p = static_cast<const char*>(std::memchr(p, q, static_cast<size_t>(end - p)));
      if (!p) break;
      const size_t i = static_cast<size_t>(p - base);
      if (i >= 2 && i + 1 < n && (text[i - 2] | 0x20) == 'n' && (text[i - 1] | 0x20) == 'o' && (text[i + 1] | 0x20) == 'a') {
        return true;
      }
      ++p;
    }
  }
  return false;
}

void apply(std::string_view text, const LineIndex& lines, TSNode root, std::vector<Diagnostic>& diagnostics,
           bool need_rows, const UnusedNoqa* unused) {
  const bool check_unused = unused && unused->rule;
  if (!check_unused && std::all_of(diagnostics.begin(), diagnostics.end(), never_suppressed)) return;
  const bool directives = mentions_noqa(text);
  if (!directives && !need_rows) return;
  const Scan scanned = scan(text);
  const auto text_end = static_cast<uint32_t>(text.size());

  if (need_rows) {
    for (Diagnostic& d : diagnostics) {
      if (!never_suppressed(d)) d.noqa_row = lines.row_of(scanned.resolve(d.start_byte));
    }
  }
  if (!directives) return;

  auto line_end = [&](uint32_t row) { return lines.line_start(row) + static_cast<uint32_t>(lines.line_text(row).size()); };
  auto comment_text = [&](uint32_t start) {
    const uint32_t end = line_end(lines.row_of(start));
    return text.substr(start, end - start);
  };

  // Sets of codes: a directive may list any number of them, and each is looked up once per
  // diagnostic (linear in the codes and the diagnostics, never their product).
  using CodeSet = std::unordered_set<std::string_view>;
  auto code_set = [](const Directive& d) {
    CodeSet set;
    for (const std::string_view c : d.codes) set.insert(redirect(c));
    return set;
  };

  // A directive, the codes it names (redirected), and those of the diagnostics it suppressed
  // (for RUF100).
  struct Found {
    uint32_t comment;  // offset of the comment's `#`
    Directive directive;
    CodeSet codes;
    CodeSet matches;

    bool suppresses(std::string_view code) const {
      return directive.kind == Directive::Kind::All || (directive.kind == Directive::Kind::Codes && codes.count(code));
    }
  };

  // File-level exemptions: own-line comments only. Line directives: every comment.
  bool exempt_all = false;
  CodeSet exempt_codes;
  std::vector<Found> file_directives, line_directives;
  for (const uint32_t c : scanned.comments) {
    const std::string_view comment = comment_text(c);
    if (!mentions_noqa(comment)) continue;
    Directive line = parse_line_directive(comment);
    if (line.kind == Directive::Kind::All || line.kind == Directive::Kind::Codes) {
      CodeSet codes = code_set(line);
      line_directives.push_back(Found{c, std::move(line), std::move(codes), {}});
    }
    Directive d = parse_file_directive(comment);
    if (d.kind != Directive::Kind::All && d.kind != Directive::Kind::Codes) continue;
    const uint32_t start = lines.line_start(lines.row_of(c));
    const std::string_view indent = text.substr(start, c - start);
    if (indent.find_first_not_of(" \t\f") != std::string_view::npos) continue;  // Ruff warns and ignores it
    if (d.kind == Directive::Kind::All) {
      exempt_all = true;
      continue;
    }
    for (const std::string_view code : d.codes) exempt_codes.insert(redirect(code));
    file_directives.push_back(Found{c, std::move(d), {}, {}});
  }
  CodeSet file_matches;  // codes the file-level exemptions suppressed

  // The line directive covering an offset: the one in the comment on its line, unless the offset
  // is the line's end (only the last line of the file includes its end).
  auto directive_at = [&](uint32_t offset) -> Found* {
    const uint32_t resolved = scanned.resolve(offset);
    const uint32_t row = lines.row_of(resolved);
    const uint32_t start = lines.line_start(row), end = line_end(row);
    if (resolved > end || (resolved == end && end != text_end)) return nullptr;
    const uint32_t* comment = scanned.comment_in(start, end);
    if (!comment) return nullptr;
    auto it = std::lower_bound(line_directives.begin(), line_directives.end(), *comment,
                               [](const Found& f, uint32_t c) { return f.comment < c; });
    return it != line_directives.end() && it->comment == *comment ? &*it : nullptr;
  };

  std::erase_if(diagnostics, [&](Diagnostic& d) {
    if (never_suppressed(d)) return false;
    const std::string_view code = d.rule->code;
    if (exempt_all) return true;
    if (exempt_codes.count(code)) {
      file_matches.insert(code);
      return true;
    }
    if (d.parent_byte == Diagnostic::kNoParent && (code == "F401" || code == "F811")) {
      d.parent_byte = import_from_parent(root, d);
    }
    Found* seen = nullptr;
    for (const uint32_t offset : {d.parent_byte, d.start_byte}) {
      if (offset == Diagnostic::kNoParent) continue;
      Found* line = directive_at(offset);
      if (!line || line == seen) continue;
      seen = line;
      if (line->suppresses(code)) {
        line->matches.insert(code);
        return true;
      }
    }
    return false;
  });

  // RUF100, as Ruff: not when the file exempts everything or RUF100 itself.
  if (!check_unused || exempt_all) return;
  if (exempt_codes.count("RUF100")) return;
  auto report = [&](uint32_t start, uint32_t end, std::string message, Edit fix) {
    Diagnostic d;
    d.rule = unused->rule;
    d.message = std::move(message);
    d.fix_title = "Remove unused `noqa` directive";
    d.fix = Fix::safe(std::move(fix));
    d.start_byte = start;
    d.end_byte = end;
    d.start = lines.location(start);
    d.end = lines.location(end);
    if (need_rows) d.noqa_row = lines.row_of(scanned.resolve(start));
    diagnostics.push_back(std::move(d));
  };
  auto known = [&](std::string_view code) { return unused->known ? unused->known(code) : is_ruff_code(code); };
  auto join = [](const std::vector<std::string_view>& codes) {
    std::string out;
    for (const std::string_view c : codes) out += (out.empty() ? "`" : ", `") + std::string(c) + "`";
    return out;
  };
  auto check_codes = [&](const Found& f, const CodeSet& matches, bool file_level) {
    std::vector<std::string_view> unmatched, disabled, duplicated, kept;
    CodeSet seen;
    for (const std::string_view original : f.directive.codes) {
      const std::string_view code = redirect(original);
      if (code == "RUF100") return;  // a directive naming RUF100 is never reported
      if (!seen.insert(original).second) {
        duplicated.push_back(original);
        continue;
      }
      if (matches.count(code)) {
        kept.push_back(original);
        continue;
      }
      // Unknown codes are RUF102's business; the fix drops them with the unused ones, as Ruff.
      if (!known(code)) continue;
      (unused->enabled && unused->enabled(code) ? unmatched : disabled).push_back(original);
    }
    std::string reasons;
    for (const auto& [label, codes] : {std::pair{"unused: ", &unmatched}, std::pair{"non-enabled: ", &disabled},
                                       std::pair{"duplicated: ", &duplicated}}) {
      if (!codes->empty()) reasons += (reasons.empty() ? "" : "; ") + std::string(label) + join(*codes);
    }
    if (reasons.empty()) return;
    const uint32_t start = f.comment + f.directive.start, end = f.comment + f.directive.end;
    // The fix keeps the codes that suppress something, in a directive spelled anew; without
    // any, it removes the directive.
    Edit fix = delete_directive(text, lines, start, end);
    if (!kept.empty()) {
      std::string content = "# noqa: ";
      if (file_level) {
        const std::string_view written = text.substr(start, end - start);
        content = written.find("flake8") != std::string_view::npos ? "# flake8: noqa: "
                  : written.find("ruff") != std::string_view::npos ? "# ruff: noqa: "
                                                                    : "# lint: noqa: ";
      }
      for (size_t i = 0; i < kept.size(); ++i) content += (i ? ", " : "") + std::string(kept[i]);
      fix = Edit::replace(start, end, std::move(content));
    }
    report(start, end, "Unused `noqa` directive (" + reasons + ")", std::move(fix));
  };
  for (const Found& f : file_directives) check_codes(f, file_matches, true);
  for (const Found& f : line_directives) {
    if (f.directive.kind == Directive::Kind::All) {
      if (f.matches.empty()) {
        const uint32_t start = f.comment + f.directive.start, end = f.comment + f.directive.end;
        report(start, end, "Unused blanket `noqa` directive", delete_directive(text, lines, start, end));
      }
    } else {
      check_codes(f, f.matches, false);
    }
  }
}

}  // namespace lint::noqa
