// Glob patterns as Ruff reads them in `exclude` and `per-file-ignores` (the globset crate's
// defaults): `*` and `**` match any run of characters, `/` included; `?` one character; `[a-z]`,
// `[!a-z]` and `[^a-z]` a class; `{a,b}` alternatives (which may nest); `\` escapes the next
// character.
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
  Glob() = default;
  // Throws GlobError, with globset's wording ("unclosed character class; missing ']'"), for a
  // pattern that does not compile.
  explicit Glob(std::string_view pattern);

  bool matches(std::string_view text) const;
  const std::string& pattern() const { return pattern_; }
  // True when the pattern has no special character (matched by plain comparison).
  bool is_literal() const { return literal_; }

  struct Node;

 private:
  std::string pattern_;
  bool literal_ = true;
  std::shared_ptr<const std::vector<std::vector<Node>>> program_;  // the expanded alternatives
};

}  // namespace lint
