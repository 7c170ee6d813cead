// The file's style as Ruff's Stylist detects it, for text that fixes write: the preferred quote
// and the indentation unit. Each is worked out when first asked for: only fixes ask.
#pragma once

#include <string>
#include <string_view>

namespace lint {

class Context;

class Stylist {
 public:
  explicit Stylist(const Context& ctx) : ctx_(ctx) {}

  // '"' or '\'': the quote of the file's first string that is not triple-quoted or of its first
  // f-string (triple-quoted or not), in token order; '"' when there is none.
  char quote();

  // One level of indentation: that of the first indented block (after a form feed, if its
  // indentation holds one); without one, that of the first indented line after a line break
  // that ends no statement; four spaces when there is neither.
  const std::string& indentation();

  std::string_view line_ending() const;

 private:
  std::string detect_indentation() const;
  std::string non_logical_line_indentation() const;
  bool is_non_logical_newline(uint32_t at) const;

  const Context& ctx_;
  char quote_ = 0;
  bool indent_known_ = false;
  std::string indentation_;
};

// The quote Stylist::quote() gives for the file `ctx` holds, computed once per file and thread.
char preferred_quote(const Context& ctx);

}  // namespace lint
