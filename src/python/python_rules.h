// Rules written in Python: finding them without Python, and running them in an embedded
// interpreter over lint's own trees.
//
// Rule files are scanned with lint's own parser first, so the codes of Python rules take part in
// selection without starting an interpreter: a run whose selection has no Python rule never
// starts one. When one is selected, PythonRuntime starts an isolated CPython once, imports the
// rule files, checks their `visit_<kind>` methods against the grammar, and for each file calls
// the rules (under the GIL, once per file) with the nodes that the engine's walk collected.
#pragma once

#include <tree_sitter/api.h>

#include <deque>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "engine/diagnostic.h"
#include "engine/rule.h"

namespace lint {

// What the scan of a rule file says about one rule class.
struct PythonRuleInfo {
  std::string code;
  std::string name;
  std::string class_name;
  std::string path;  // the file defining it
  uint32_t line = 0;
  std::string doc;
  RuleSpec spec;     // how the rule takes part in selection; points into this object
};

struct PythonRuleError {
  std::string message;  // path:line: what is wrong
};

// Finds rule classes (classes with a string-literal `code = "..."`) in the given files and
// folders (every *.py in a folder, not recursing into private `_x` files). Throws
// PythonRuleError for a path that does not exist or two rules with one code.
std::deque<PythonRuleInfo> scan_python_rules(const std::vector<std::string>& paths);

// One file's worth of work for the Python rules, collected by the walk.
struct PythonEvent {
  TSNode node;
  uint32_t method;  // index into the runtime's method table
};

// The running Python rules, as the engine sees them (implemented in runtime.cpp, which only
// the lint executable links: the engine and its tests need no Python).
class PythonRules {
 public:
  virtual ~PythonRules() = default;

  // Symbols whose nodes the walk must collect, and the methods to call for each.
  bool interested(TSSymbol s) const { return s < interest.size() && interest[s]; }
  const std::vector<uint32_t>& on_enter(TSSymbol s) const { return s < enter.size() ? enter[s] : none; }
  const std::vector<uint32_t>& on_leave(TSSymbol s) const { return s < leave.size() ? leave[s] : none; }

  struct FileInput {
    std::string_view path;
    std::string_view source;  // what the tree was parsed from (a lone `\r` made `\n`)
    const TSTree* tree;
    const LineIndex* lines;
    const class SemanticModel* model;
    std::vector<PythonEvent> events;
    // The file's own text after any byte order mark (same offsets as `source`; a lone `\r` is
    // still a `\r`): what rules read as text and copy into fixes. Empty: `source`.
    std::string_view original = {};
    // In a notebook, where each cell starts, then where the last one ends (byte offsets into
    // `source`); empty for a Python file.
    const std::vector<uint32_t>* cell_offsets = nullptr;
  };
  struct FileOutput {
    std::vector<Diagnostic> diagnostics;
    std::vector<std::string> errors;  // a rule raised (rule, file, traceback) or timed out
  };
  // Runs the selected rules on one file. Takes the GIL; safe to call from worker threads.
  virtual FileOutput run(const FileInput& input) = 0;
  // Releases the GIL for the lifetime of the returned object (around the parallel part).
  virtual std::shared_ptr<void> unlock() = 0;

  // Filled when the rules load; read-only afterwards.
  std::vector<uint8_t> interest;
  std::vector<std::vector<uint32_t>> enter, leave;
  std::vector<uint32_t> none;
};

// How long one rule may run on one file (its calls together) before it is interrupted, by
// default (--rule-timeout); importing a rule file has the same limit.
inline constexpr double kDefaultRuleTimeout = 10;

// Starts the interpreter (once) and loads the selected rules. Throws PythonRuleError for a rule
// file that fails to import, a method named after an unknown node kind, a bad query...
// `timeout_seconds` is the time limit of a rule on a file (0: none): a rule that overruns it gets
// lint.RuleTimeout raised in it, is reported and does not run again (see runtime.cpp).
PythonRules& start_python_rules(const std::vector<const PythonRuleInfo*>& selected,
                                double timeout_seconds = kDefaultRuleTimeout);

// The VALID and INVALID examples of a loaded rule (for `lint test-rules`): each INVALID entry
// is its source plus the pinned fields (0 / "" when not pinned), and the code its fixes should
// give (`fixed`), if any.
struct RuleExample {
  std::string source;
  uint32_t row = 0, column = 0;
  std::string message;
  std::optional<std::string> fixed;
};
struct RuleExamples {
  std::vector<RuleExample> valid, invalid;
  std::string error;  // VALID or INVALID is not what it should be (then both are empty)
};
RuleExamples rule_examples(const PythonRuleInfo& rule);

std::string_view text_of(std::string_view source, TSNode n);

// The Python API's source (lint_api.py), compiled into the binary.
extern const char* const kLintApiSource;

}  // namespace lint
