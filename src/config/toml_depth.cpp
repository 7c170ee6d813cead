#include "config/toml_depth.h"

namespace lint {

namespace {

bool is_bare_key_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
}

// A scan of the document's structure. Values nest through arrays and inline tables, each level a
// call, but a level past the limit stops the scan: the recursion is bounded by the limit.
class DepthScanner {
 public:
  DepthScanner(std::string_view text, size_t limit) : s_(text), limit_(limit) {}

  std::optional<TomlDepthError> run() {
    size_t table_depth = 0;  // of the table the last header opened
    while (i_ < s_.size() && !too_deep_) {
      const size_t before = i_;
      skip_blank_lines_and_comments();
      if (i_ >= s_.size()) break;
      if (s_[i_] == '[') {
        const bool array = i_ + 1 < s_.size() && s_[i_ + 1] == '[';
        i_ += array ? 2 : 1;
        table_depth = key(array ? 1 : 0);  // an array of tables holds tables: one level more
        skip_to_line_end();
      } else {
        const size_t depth = key(table_depth);
        skip_spaces();
        if (!too_deep_ && i_ < s_.size() && s_[i_] == '=') {
          ++i_;
          value(depth);
        }
      }
      if (i_ == before) ++i_;  // something that is no TOML: toml++ will say what
    }
    if (!too_deep_) return std::nullopt;
    return position(where_);
  }

 private:
  // A dotted key from i_: each part one level deeper than `depth`. Returns the depth reached.
  size_t key(size_t depth) {
    for (;;) {
      skip_spaces();
      if (i_ >= s_.size()) return depth;
      const size_t start = i_;
      if (s_[i_] == '"' || s_[i_] == '\'') {
        skip_string();
      } else {
        while (i_ < s_.size() && is_bare_key_char(s_[i_])) ++i_;
        if (i_ == start) return depth;
      }
      if (deeper(depth, start)) return depth;
      skip_spaces();
      if (i_ >= s_.size() || s_[i_] != '.') return depth;
      ++i_;
    }
  }

  void value(size_t depth) {
    skip_spaces();
    if (i_ >= s_.size()) return;
    const char c = s_[i_];
    if (c == '"' || c == '\'') {
      skip_string();
    } else if (c == '[') {
      if (deeper(depth, i_)) return;
      ++i_;
      array(depth);
    } else if (c == '{') {
      if (deeper(depth, i_)) return;
      ++i_;
      inline_table(depth);
    } else {
      while (i_ < s_.size() && !ends_scalar(s_[i_])) ++i_;
    }
  }

  void array(size_t depth) {
    while (!too_deep_) {
      skip_blank_lines_and_comments();
      if (i_ >= s_.size()) return;
      if (s_[i_] == ']') {
        ++i_;
        return;
      }
      if (s_[i_] == ',') {
        ++i_;
        continue;
      }
      const size_t before = i_;
      value(depth);
      if (i_ == before) ++i_;
    }
  }

  void inline_table(size_t depth) {
    while (!too_deep_) {
      skip_blank_lines_and_comments();
      if (i_ >= s_.size()) return;
      if (s_[i_] == '}') {
        ++i_;
        return;
      }
      if (s_[i_] == ',') {
        ++i_;
        continue;
      }
      const size_t before = i_;
      const size_t d = key(depth);
      skip_spaces();
      if (!too_deep_ && i_ < s_.size() && s_[i_] == '=') {
        ++i_;
        value(d);
      }
      if (i_ == before) ++i_;
    }
  }

  // Counts one more level at `at`; true (and the scan stops) when that passes the limit.
  bool deeper(size_t& depth, size_t at) {
    if (++depth <= limit_) return false;
    if (!too_deep_) where_ = at;
    too_deep_ = true;
    return true;
  }

  static bool ends_scalar(char c) {
    return c == ',' || c == ']' || c == '}' || c == '\n' || c == '\r' || c == '#' || c == ' ' || c == '\t';
  }

  // A basic or literal string, single-line or multi-line, from its opening quote.
  void skip_string() {
    const char q = s_[i_];
    const bool basic = q == '"';
    if (s_.compare(i_, 3, std::string_view(q == '"' ? "\"\"\"" : "'''")) == 0) {
      i_ += 3;
      while (i_ < s_.size()) {
        if (basic && s_[i_] == '\\') {
          i_ += 2;
          continue;
        }
        if (s_[i_] == q && i_ + 2 < s_.size() && s_[i_ + 1] == q && s_[i_ + 2] == q) {
          i_ += 3;
          for (int extra = 0; extra < 2 && i_ < s_.size() && s_[i_] == q; ++extra) ++i_;  // `""""` ends with a quote
          return;
        }
        ++i_;
      }
      return;
    }
    ++i_;
    while (i_ < s_.size() && s_[i_] != '\n') {
      if (basic && s_[i_] == '\\') {
        i_ += 2;
        continue;
      }
      if (s_[i_++] == q) return;
    }
  }

  void skip_spaces() {
    while (i_ < s_.size() && (s_[i_] == ' ' || s_[i_] == '\t')) ++i_;
  }

  void skip_to_line_end() {
    while (i_ < s_.size() && s_[i_] != '\n') ++i_;
  }

  void skip_blank_lines_and_comments() {
    while (i_ < s_.size()) {
      const char c = s_[i_];
      if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
        ++i_;
      } else if (c == '#') {
        skip_to_line_end();
      } else {
        break;
      }
    }
  }

  TomlDepthError position(size_t offset) const {
    TomlDepthError e;
    for (size_t k = 0; k < offset && k < s_.size(); ++k) {
      if (s_[k] == '\n') {
        ++e.row;
        e.column = 1;
      } else if ((static_cast<unsigned char>(s_[k]) & 0xC0) != 0x80) {
        ++e.column;
      }
    }
    return e;
  }

  std::string_view s_;
  size_t limit_;
  size_t i_ = 0;
  bool too_deep_ = false;
  size_t where_ = 0;
};

}  // namespace

std::optional<TomlDepthError> find_excessive_toml_depth(std::string_view text, size_t limit) {
  return DepthScanner(text, limit).run();
}

}  // namespace lint
