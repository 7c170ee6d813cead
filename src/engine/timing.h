// Per-rule timing (`--timing`, `LINT_TIMING=1`): how long each rule took, native and Python, and
// on how many nodes it was called, so that a rule author finds the slow rule in one run.
//
// Each file collects its own costs without locks (FileTiming) and adds them to the run's Timing
// once, when it is done. Nothing is measured when timing is off: the engine passes no FileTiming.
#pragma once

#include <chrono>
#include <cstdint>
#include <mutex>
#include <string>
#include <unordered_map>
#include <vector>

namespace lint {

struct RuleSpec;

struct RuleCost {
  uint64_t native_ns = 0;  // in C++: a native rule's enter/leave/finish; a Python rule's filters and queries
  uint64_t python_ns = 0;  // in the rule's Python code (its __init__, visits, matches)
  uint64_t nodes = 0;      // the nodes it was called on (a Python rule: its calls, __init__ included)
  uint64_t files = 0;      // the files where it did any work (the run's total only)
  RuleCost& operator+=(const RuleCost& o) {
    native_ns += o.native_ns;
    python_ns += o.python_ns;
    nodes += o.nodes;
    return *this;
  }
};

// What the engine itself spends, beside the rules.
enum class Phase : uint8_t { Parse, Walk, Semantic, QualifiedNames, PythonSetup, PythonStart, Count };

// One file's costs.
struct FileTiming {
  std::unordered_map<const RuleSpec*, RuleCost> rules;
  uint64_t phases[static_cast<size_t>(Phase::Count)] = {};
  // Python rules: the time this file's thread held the GIL, and waited for it (these overlap
  // the Python rules' times above: they are the serial part of the run).
  uint64_t gil_held_ns = 0, gil_wait_ns = 0;
  RuleCost& operator[](const RuleSpec* r) { return rules[r]; }
  void add(Phase p, uint64_t ns) { phases[static_cast<size_t>(p)] += ns; }
};

using TimingClock = std::chrono::steady_clock;
inline uint64_t elapsed_ns(TimingClock::time_point since) {
  return static_cast<uint64_t>(
      std::chrono::duration_cast<std::chrono::nanoseconds>(TimingClock::now() - since).count());
}

// The run's costs, added to by every file (thread-safe).
class Timing {
 public:
  enum class Format : uint8_t { Text, Json };
  explicit Timing(Format format) : format_(format) {}

  Format format() const { return format_; }
  void add(const FileTiming& file);
  // The report: a table (Text) or one JSON object (Json), ending with a newline. `threads` is
  // the number of worker threads, stated since times are summed over them.
  std::string render(int threads) const;
  // Whether Python rules were selected and the interpreter was started, said in the report.
  void set_python(bool selected, bool started) {
    python_selected_ = selected;
    python_started_ = started;
  }

 private:
  Format format_;
  mutable std::mutex mutex_;
  std::unordered_map<const RuleSpec*, RuleCost> rules_;
  uint64_t phases_[static_cast<size_t>(Phase::Count)] = {};
  uint64_t gil_held_ns_ = 0, gil_wait_ns_ = 0;
  uint64_t files_ = 0;
  bool python_selected_ = false, python_started_ = false;
};

// The format LINT_TIMING asks for ("1", "true", "text": Text; "json": Json), if set and not
// "0"/"false"/"". Anything else is reported as an error by the caller (returns false in `valid`).
bool timing_from_environment(Timing::Format& format, bool& valid);

}  // namespace lint
