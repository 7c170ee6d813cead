// The glob matcher lint used before src/config/glob.cpp compiled patterns to an automaton: each
// pattern expanded into its alternatives (at most 4,096), each matched with one backtracking
// point per star. Kept as the oracle of fuzz_config: on patterns small enough for it, both must
// compile alike and match alike. Recursive (a parse level per brace): feed it short patterns.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "config/glob.h"

namespace lint::glob_reference {


struct Node {
  enum Kind : uint8_t { Char, Star, Any, Class } kind = Char;
  char32_t c = 0;
  bool negated = false;
  std::vector<std::pair<char32_t, char32_t>> ranges;  // Class
};


using Program = std::vector<Node>;  // one alternative, without braces

inline std::u32string decode(std::string_view s) {
  std::u32string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size();) {
    const auto c = static_cast<unsigned char>(s[i]);
    size_t len = c < 0x80 ? 1 : (c & 0xE0) == 0xC0 ? 2 : (c & 0xF0) == 0xE0 ? 3 : (c & 0xF8) == 0xF0 ? 4 : 1;
    if (i + len > s.size()) len = 1;
    char32_t cp = len == 1 ? c : c & (0xFF >> (len + 1));
    for (size_t k = 1; k < len; ++k) cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
    out.push_back(cp);
    i += len;
  }
  return out;
}

inline std::string encode(char32_t c) {
  std::string out;
  if (c < 0x80) {
    out += static_cast<char>(c);
  } else if (c < 0x800) {
    out += static_cast<char>(0xC0 | (c >> 6));
    out += static_cast<char>(0x80 | (c & 0x3F));
  } else if (c < 0x10000) {
    out += static_cast<char>(0xE0 | (c >> 12));
    out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (c & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (c >> 18));
    out += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (c & 0x3F));
  }
  return out;
}

constexpr size_t kMaxAlternatives = 4096;

class Parser {
 public:
  explicit Parser(std::u32string p) : p_(std::move(p)) {}

  std::vector<Program> parse() {
    std::vector<Program> out = sequence(0);
    if (i_ < p_.size()) throw lint::GlobError("unopened alternate group; missing '{' (maybe escape '}' with '[}]'?)");
    return out;
  }

 private:
  // Every expansion of the pattern from i_ up to an unmatched `}` or (inside braces) `,`.
  std::vector<Program> sequence(int depth) {
    std::vector<Program> out(1);
    auto append = [&](const Node& n) {
      for (Program& p : out) {
        if (n.kind == Node::Star && !p.empty() && p.back().kind == Node::Star) continue;
        p.push_back(n);
      }
    };
    while (i_ < p_.size()) {
      const char32_t c = p_[i_];
      if (c == '}') {
        if (depth == 0) throw lint::GlobError("unopened alternate group; missing '{' (maybe escape '}' with '[}]'?)");
        return out;
      }
      if (c == ',' && depth > 0) return out;
      ++i_;
      Node n;
      switch (c) {
        case '\\':
          if (i_ >= p_.size()) throw lint::GlobError("dangling '\\'");
          n.c = p_[i_++];
          append(n);
          break;
        case '*':
          n.kind = Node::Star;
          append(n);
          break;
        case '?':
          n.kind = Node::Any;
          append(n);
          break;
        case '[':
          append(klass());
          break;
        case '{': {
          std::vector<Program> alternatives;
          for (;;) {
            std::vector<Program> alt = sequence(depth + 1);
            alternatives.insert(alternatives.end(), alt.begin(), alt.end());
            if (i_ >= p_.size()) throw lint::GlobError("unclosed alternate group; missing '}' (maybe escape '{' with '[{]'?)");
            if (p_[i_++] == '}') break;  // else a comma: the next alternative
          }
          if (out.size() * alternatives.size() > kMaxAlternatives) throw lint::GlobError("too many alternatives");
          std::vector<Program> product;
          for (const Program& head : out) {
            for (const Program& tail : alternatives) {
              Program p = head;
              for (const Node& t : tail) {
                if (t.kind == Node::Star && !p.empty() && p.back().kind == Node::Star) continue;
                p.push_back(t);
              }
              product.push_back(std::move(p));
            }
          }
          out = std::move(product);
          break;
        }
        default:
          n.c = c;
          append(n);
          break;
      }
    }
    return out;
  }

  Node klass() {
    Node n;
    n.kind = Node::Class;
    if (i_ < p_.size() && (p_[i_] == '!' || p_[i_] == '^')) {
      n.negated = true;
      ++i_;
    }
    bool first = true;
    for (;;) {
      if (i_ >= p_.size()) throw lint::GlobError("unclosed character class; missing ']'");
      char32_t c = p_[i_];
      if (c == ']' && !first) {
        ++i_;
        return n;
      }
      first = false;
      ++i_;
      if (i_ + 1 < p_.size() && p_[i_] == '-' && p_[i_ + 1] != ']') {
        const char32_t hi = p_[i_ + 1];
        if (hi < c) throw lint::GlobError("invalid range; '" + encode(c) + "' > '" + encode(hi) + "'");
        n.ranges.emplace_back(c, hi);
        i_ += 2;
      } else {
        n.ranges.emplace_back(c, c);
      }
    }
  }

  std::u32string p_;
  size_t i_ = 0;
};

inline bool node_matches(const Node& n, char32_t c) {
  switch (n.kind) {
    case Node::Char:
      return n.c == c;
    case Node::Any:
      return true;
    case Node::Class: {
      bool in = false;
      for (const auto& [lo, hi] : n.ranges) in |= lo <= c && c <= hi;
      return in != n.negated;
    }
    case Node::Star:
      return true;
  }
  return false;
}

// Classic wildcard matching with one backtracking point per star (stars match anything).
inline bool match_program(const Program& p, const std::u32string& t) {
  size_t pi = 0, ti = 0;
  size_t star_p = SIZE_MAX, star_t = 0;
  while (ti < t.size()) {
    if (pi < p.size() && p[pi].kind == Node::Star) {
      star_p = pi++;
      star_t = ti;
    } else if (pi < p.size() && node_matches(p[pi], t[ti])) {
      ++pi;
      ++ti;
    } else if (star_p != SIZE_MAX) {
      pi = star_p + 1;
      ti = ++star_t;
    } else {
      return false;
    }
  }
  while (pi < p.size() && p[pi].kind == Node::Star) ++pi;
  return pi == p.size();
}

// The former lint::Glob: every alternative expanded (at most 4,096), each matched in turn.
class Glob {
 public:
  explicit Glob(std::string_view pattern) : pattern_(pattern) {
    literal_ = pattern.find_first_of("*?[]{}\\") == std::string_view::npos;
    if (literal_) return;
    Parser parser(decode(pattern));
    program_ = std::make_shared<const std::vector<std::vector<Node>>>(parser.parse());
  }

  bool matches(std::string_view text) const {
    if (literal_) return text == pattern_;
    if (!program_) return false;
    const std::u32string t = decode(text);
    for (const Program& alternative : *program_) {
      if (match_program(alternative, t)) return true;
    }
    return false;
  }

 private:
  std::string pattern_;
  bool literal_ = true;
  std::shared_ptr<const std::vector<std::vector<Node>>> program_;
};

}  // namespace lint::glob_reference
