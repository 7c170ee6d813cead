#include "config/glob.h"

#include <cstdint>
#include <utility>

namespace lint {

namespace {

// One state of the automaton. Char, Any and Class consume one character and go to `next`; Star
// consumes any character and stays, or goes on to `next` without consuming; Jump goes to `next`
// and Fork to each of `forks` without consuming; Match accepts.
struct State {
  enum Kind : uint8_t { Char, Any, Class, Star, Jump, Fork, Match } kind = Jump;
  bool negated = false;  // Class
  char32_t c = 0;        // Char
  uint32_t next = 0;
  uint32_t ranges = 0, range_count = 0;  // Class: a slice of Automaton::ranges
  uint32_t forks = 0, fork_count = 0;    // Fork: a slice of Automaton::forks
};

constexpr uint32_t kUnset = UINT32_MAX;

std::u32string decode(std::string_view s) {
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

std::string encode(char32_t c) {
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

}  // namespace

struct Glob::Automaton {
  std::vector<State> states;  // states[0] is the start
  std::vector<std::pair<char32_t, char32_t>> ranges;
  std::vector<uint32_t> forks;
};

namespace {

// Builds the automaton in one pass over the pattern, without recursion: an open brace group is
// a frame on an explicit stack. `pending` holds the states whose `next` is the next state made.
class Compiler {
 public:
  explicit Compiler(std::u32string p) : p_(std::move(p)) {}

  Glob::Automaton compile() {
    while (i_ < p_.size()) {
      const char32_t c = p_[i_++];
      switch (c) {
        case '\\': {
          if (i_ >= p_.size()) throw GlobError("dangling '\\'");
          State s;
          s.kind = State::Char;
          s.c = p_[i_++];
          add(s);
          break;
        }
        case '*':
          if (last_star_) continue;  // `**` is `*`
          add(State{State::Star});
          last_star_ = true;
          continue;
        case '?':
          add(State{State::Any});
          break;
        case '[':
          klass();
          break;
        case '{': {
          if (groups_.size() >= Glob::kMaxNesting) {
            throw GlobError("alternate groups nested more than " + std::to_string(Glob::kMaxNesting) + " deep");
          }
          groups_.push_back(Group{add(State{State::Fork}), {}, {}});
          begin_alternative();
          break;
        }
        case ',':
          if (groups_.empty()) {
            add(State{State::Char, false, ','});
            break;
          }
          end_alternative();
          begin_alternative();
          break;
        case '}': {
          if (groups_.empty()) throw GlobError("unopened alternate group; missing '{' (maybe escape '}' with '[}]'?)");
          end_alternative();
          Group g = std::move(groups_.back());
          groups_.pop_back();
          State& fork = a_.states[g.fork];
          fork.forks = static_cast<uint32_t>(a_.forks.size());
          fork.fork_count = static_cast<uint32_t>(g.starts.size());
          a_.forks.insert(a_.forks.end(), g.starts.begin(), g.starts.end());
          pending_ = std::move(g.ends);
          break;
        }
        default: {
          State s;
          s.kind = State::Char;
          s.c = c;
          add(s);
          break;
        }
      }
      last_star_ = false;
    }
    if (!groups_.empty()) throw GlobError("unclosed alternate group; missing '}' (maybe escape '{' with '[{]'?)");
    add(State{State::Match});
    return std::move(a_);
  }

 private:
  struct Group {
    uint32_t fork;                // the Fork state before the alternatives
    std::vector<uint32_t> starts;  // the first state of each alternative
    std::vector<uint32_t> ends;    // the last state of each, whose `next` follows the group
  };

  uint32_t add(State s) {
    const auto index = static_cast<uint32_t>(a_.states.size());
    s.next = kUnset;
    a_.states.push_back(s);
    for (const uint32_t p : pending_) a_.states[p].next = index;
    pending_.assign(1, index);
    return index;
  }

  // Each alternative starts and ends with a Jump, so that an empty one needs no special case.
  void begin_alternative() {
    pending_.clear();
    groups_.back().starts.push_back(add(State{State::Jump}));
    last_star_ = false;
  }
  void end_alternative() {
    groups_.back().ends.push_back(add(State{State::Jump}));
    pending_.clear();
    last_star_ = false;
  }

  void klass() {
    State s;
    s.kind = State::Class;
    s.ranges = static_cast<uint32_t>(a_.ranges.size());
    if (i_ < p_.size() && (p_[i_] == '!' || p_[i_] == '^')) {
      s.negated = true;
      ++i_;
    }
    bool first = true;
    for (;;) {
      if (i_ >= p_.size()) throw GlobError("unclosed character class; missing ']'");
      const char32_t c = p_[i_];
      if (c == ']' && !first) {
        ++i_;
        break;
      }
      first = false;
      ++i_;
      if (i_ + 1 < p_.size() && p_[i_] == '-' && p_[i_ + 1] != ']') {
        const char32_t hi = p_[i_ + 1];
        if (hi < c) throw GlobError("invalid range; '" + encode(c) + "' > '" + encode(hi) + "'");
        a_.ranges.emplace_back(c, hi);
        i_ += 2;
      } else {
        a_.ranges.emplace_back(c, c);
      }
    }
    s.range_count = static_cast<uint32_t>(a_.ranges.size()) - s.ranges;
    add(s);
  }

  std::u32string p_;
  size_t i_ = 0;
  bool last_star_ = false;
  Glob::Automaton a_;
  std::vector<Group> groups_;
  std::vector<uint32_t> pending_;
};

bool consumes(const Glob::Automaton& a, const State& s, char32_t c) {
  switch (s.kind) {
    case State::Char:
      return s.c == c;
    case State::Any:
    case State::Star:
      return true;
    case State::Class: {
      bool in = false;
      for (uint32_t r = s.ranges; r < s.ranges + s.range_count; ++r) in |= a.ranges[r].first <= c && c <= a.ranges[r].second;
      return in != s.negated;
    }
    default:
      return false;
  }
}

// The set of states the automaton is in, after following every move that consumes nothing.
class StateSet {
 public:
  explicit StateSet(const Glob::Automaton& a) : a_(a), mark_(a.states.size(), 0) {}

  void clear() {
    states_.clear();
    ++generation_;
  }
  void add(uint32_t start) {
    stack_.push_back(start);
    while (!stack_.empty()) {
      const uint32_t i = stack_.back();
      stack_.pop_back();
      if (i == kUnset || mark_[i] == generation_) continue;
      mark_[i] = generation_;
      const State& s = a_.states[i];
      switch (s.kind) {
        case State::Jump:
          stack_.push_back(s.next);
          break;
        case State::Fork:
          for (uint32_t f = s.forks + s.fork_count; f > s.forks; --f) stack_.push_back(a_.forks[f - 1]);
          break;
        case State::Star:
          states_.push_back(i);
          stack_.push_back(s.next);
          break;
        default:
          states_.push_back(i);
          break;
      }
    }
  }
  const std::vector<uint32_t>& states() const { return states_; }
  bool empty() const { return states_.empty(); }

 private:
  const Glob::Automaton& a_;
  std::vector<uint32_t> mark_;
  uint32_t generation_ = 1;
  std::vector<uint32_t> states_, stack_;
};

}  // namespace

Glob::Glob(std::string_view pattern) : pattern_(pattern) {
  literal_ = pattern.find_first_of("*?[]{}\\") == std::string_view::npos;
  if (literal_) return;
  automaton_ = std::make_shared<const Automaton>(Compiler(decode(pattern)).compile());
}

bool Glob::matches(std::string_view text) const {
  if (literal_) return text == pattern_;
  if (!automaton_) return false;
  const Automaton& a = *automaton_;
  StateSet one(a), two(a);
  StateSet* current = &one;
  StateSet* next = &two;
  current->clear();
  current->add(0);
  for (const char32_t c : decode(text)) {
    next->clear();
    for (const uint32_t i : current->states()) {
      const State& s = a.states[i];
      if (!consumes(a, s, c)) continue;
      next->add(s.kind == State::Star ? i : s.next);
    }
    std::swap(current, next);
    if (current->empty()) return false;
  }
  for (const uint32_t i : current->states()) {
    if (a.states[i].kind == State::Match) return true;
  }
  return false;
}

}  // namespace lint
