// Glob patterns as Ruff reads them in `exclude` and `per-file-ignores` (the globset crate's
// defaults): `*` and `**` match any run of characters, `/` included; `?` one character; `[a-z]`,
// `[!a-z]` and `[^a-z]` a class; `{a,b}` alternatives (which may nest); `\` escapes the next
// character.
//
// A pattern compiles to a small automaton (one state per character, class, star or brace of the
// pattern) that is matched by following every state at once: compiling takes time and memory
// linear in the pattern, matching at most the pattern's length times the text's, whatever the
// alternatives (globset compiles to a regex for the same guarantee).
#pragma once

#include <memory>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace lint {

struct GlobError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

class Glob {
 public:
  // Alternate groups may nest this deep (globset's regex refuses a few hundred levels too).
  static constexpr size_t kMaxNesting = 256;

  Glob() = default;
  // Throws GlobError, with globset's wording ("unclosed character class; missing ']'"), for a
  // pattern that does not compile.
  explicit Glob(std::string_view pattern);

  bool matches(std::string_view text) const;
  const std::string& pattern() const { return pattern_; }
  // True when the pattern has no special character (matched by plain comparison).
  bool is_literal() const { return literal_; }

  struct Automaton;

 private:
  std::string pattern_;
  bool literal_ = true;
  std::shared_ptr<const Automaton> automaton_;
};

}  // namespace lint
