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
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "engine/diagnostic.h"
#include "engine/rule.h"
#include "engine/timing.h"

namespace lint {

class SemanticModel;

// What the scan of a rule file says about one rule class.
struct PythonRuleInfo {
  std::string code;
  std::string name;
  std::string class_name;
  std::string path;  // the file defining it
  uint32_t line = 0;
  std::string doc;
  RuleSpec spec;     // how the rule takes part in selection; points into this object
  // The class's `options` literal: each option's name, type and default (as TOML).
  struct OptionText {
    std::string name;
    RuleOption::Type type = RuleOption::Type::Bool;
    std::string default_value;
  };
  std::vector<OptionText> option_texts;
};

struct PythonRuleError {
  std::string message;  // path:line: what is wrong
};

// Finds rule classes (classes with a string-literal `code = "..."`) in the given files and
// folders (every *.py in a folder, not recursing into private `_x` files). Throws
// PythonRuleError for a path that does not exist or two rules with one code. A file that holds
// the text of a shipped rule file is not parsed: what the build read from it is used
// (`use_build_time` false: parsed anyway, for the test that holds the two readings equal).
std::deque<PythonRuleInfo> scan_python_rules(const std::vector<std::string>& paths, bool use_build_time = true);

// Names matched against patterns with `*` wildcards (`subprocess.*`, `*.set_trace`): the
// patterns of the native-side filters (on_call, on_import). Exact patterns are found by hash.
class NamePatterns {
 public:
  void add(std::string pattern, uint32_t method);
  bool empty() const { return exact_.empty() && wild_.empty(); }
  // The methods whose patterns match `name`, in the order they were added, without repeats.
  void match(std::string_view name, std::vector<uint32_t>& methods) const;
  // Whether some pattern can match a name whose last dotted part is `last`.
  bool may_end_with(std::string_view last) const;
  bool any_last() const { return any_last_; }

 private:
  std::unordered_set<std::string> lasts_;  // the last parts of the patterns
  uint64_t last_sizes_ = 0;                // bit n: a last part is n bytes long (63: 63 or more)
  bool any_last_ = false;                  // a pattern's last part has a `*`
  std::unordered_map<std::string, std::vector<uint32_t>> exact_;
  std::vector<std::pair<std::string, uint32_t>> wild_;
};

// Whether `name` matches `pattern`, where `*` matches any run of characters (dots included).
bool wildcard_match(std::string_view pattern, std::string_view name);

// A node-kind filter with field constraints, evaluated in C++ during the walk (on_node).
struct NodeFilter {
  struct Field {
    TSFieldId field = 0;       // 0: the first named child that is not a comment (`child=`)
    enum class Test : uint8_t { Kinds, Absent, Present } test = Test::Kinds;
    std::vector<TSSymbol> kinds;
  };
  std::vector<Field> fields;
  uint32_t method = 0;
  bool accepts(TSNode n) const;
};

// One call for the Python rules, found by the walk (and the filters).
struct PythonEvent {
  TSNode node;
  uint32_t method;      // index into the runtime's method table; kCallCandidate: a call to resolve
  int32_t name = -1;    // index into PythonCollector::names: the qualified name passed along
};
inline constexpr uint32_t kCallCandidate = UINT32_MAX;
inline constexpr uint32_t kAttributeCandidate = UINT32_MAX - 1;  // an attribute to resolve (on_attribute)

// What the walk collects for the Python rules of one file.
struct PythonCollector {
  std::string_view source;           // the text the tree was parsed from
  std::vector<PythonEvent> events;   // in walk order
  std::vector<std::string> names;    // the qualified names events pass
  // Query rules: the outermost nodes of their patterns' root kinds (a query runs on each
  // subtree, not on the whole file), per query, and how deep the walk is in such nodes.
  std::vector<std::vector<TSNode>> query_roots;
  std::vector<uint32_t> query_depth;
  // For on_call, without the semantic model: the names imports bind under another name (`pp` in
  // `from pprint import pprint as pp`) whose imported last part some pattern ends with.
  std::vector<std::string_view> aliases;
  // Every name that follows an `as` in the text, sorted: those `aliases` can hold. A call of a
  // plain name that is none of them, and that no pattern ends with, is dropped during the walk
  // (a file of dense calls has hundreds of thousands).
  std::vector<std::string_view> as_names;
};

// The running Python rules, as the engine sees them (implemented in runtime.cpp, which only
// the lint executable links: the engine and its tests need no Python). The tables below are
// filled when the rules load and read-only afterwards; the engine evaluates them during its walk
// (enter, leave), without the GIL.
class PythonRules {
 public:
  virtual ~PythonRules() = default;

  bool interested(TSSymbol s) const { return s < interest.size() && interest[s]; }
  void start(PythonCollector& out, std::string_view source) const {
    out.source = source;
    out.query_roots.assign(query_root_kinds.size(), {});
    out.query_depth.assign(query_root_kinds.size(), 0);
    if (!call_patterns.empty()) note_as_names(out);
  }
  void enter(TSNode n, TSSymbol s, PythonCollector& out) const;
  void leave(TSNode n, TSSymbol s, PythonCollector& out) const;
  void note_aliases(TSNode stmt, PythonCollector& out) const;
  static void note_as_names(PythonCollector& out);

  struct FileInput {
    std::string_view path;
    std::string_view source;  // what the tree was parsed from (a lone `\r` made `\n`)
    const TSTree* tree;
    const LineIndex* lines;
    const SemanticModel* model;
    PythonCollector collected;
    // The file's own text after any byte order mark (same offsets as `source`; a lone `\r` is
    // still a `\r`): what rules read as text and copy into fixes. Empty: `source`.
    std::string_view original = {};
    // In a notebook, where each cell starts, then where the last one ends (byte offsets into
    // `source`); empty for a Python file.
    const std::vector<uint32_t>* cell_offsets = nullptr;
    FileTiming* timing = nullptr;  // --timing: each rule's costs are added here
    // What building the semantic model needs, when `model` is null: Python rules build it for
    // a file only when they need it (a call's qualified name that the text cannot settle,
    // Rule.qualified_name, binding, scope), by a walk of its own, once per file.
    int target_minor = kDefaultTargetMinor;
    bool notebook = false;
    std::shared_ptr<SemanticModel> built_model;
    // The options of the Python rules that have any, for the file's configuration.
    const std::vector<std::pair<const RuleSpec*, RuleOptions>>* options = nullptr;
    const SemanticModel* need_model();
    // The qualified name of a name or attribute chain when the file's text settles it without
    // the model (its head only imported as a module at the top, or a builtin never bound, and
    // only loaded): true and the name in `out`; false when the model must decide.
    bool settled_name(TSNode expr, std::string& out);
    std::vector<std::pair<std::string_view, uint8_t>> settled;  // the names settled so far
    std::vector<uint32_t> callee_names;  // where the calls' plain-name callees start, sorted
    int8_t non_ascii_code = -1;  // whether non-ASCII text is outside strings and comments (-1: not looked)
  };
  struct FileOutput {
    std::vector<Diagnostic> diagnostics;
    std::vector<std::string> errors;  // a rule raised (rule, file, traceback) or timed out
  };
  // Runs the selected rules on one file. Takes the GIL; safe to call from worker threads.
  virtual FileOutput run(FileInput& input) = 0;
  // Releases the GIL for the lifetime of the returned object (around the parallel part).
  virtual std::shared_ptr<void> unlock() = 0;

  // Resolves the call candidates among `in.collected.events` (the callee's qualified name, once
  // per call, matched against every on_call pattern) into events for the methods that match.
  // Needs no GIL. Returns the time it took for each method's rule (by method) when timing.
  void resolve_calls(FileInput& in) const;

  // Filled when the rules load.
  std::vector<uint8_t> interest;                   // by symbol: any of the tables below
  // Whether leave() does anything (leave_ methods, queries with root kinds): if not, the walk
  // need not stop on leaving nodes for the Python rules (most runs: on_call, visit_ filters).
  bool listens_on_leave = false;
  std::vector<std::vector<uint32_t>> enter_methods, leave_methods;  // by symbol: visit_/leave_
  std::vector<std::vector<NodeFilter>> node_filters;                // by symbol: on_node
  NamePatterns call_patterns, import_patterns, attribute_patterns;  // on_call, on_import, on_attribute
  TSSymbol call_symbol = 0, import_symbol = 0, import_from_symbol = 0, attribute_symbol = 0;
  TSFieldId attribute_field = 0;  // the `attribute` field of an attribute node
  // Queries: for each, the root kinds of its patterns (empty: it runs on the whole file).
  std::vector<std::vector<TSSymbol>> query_root_kinds;
  std::vector<std::vector<uint32_t>> query_roots_by_symbol;         // by symbol: query indices
  std::vector<uint32_t> none;
  // The rule of each method (for timing the filters' native work).
  std::vector<const RuleSpec*> method_rule;
};

// How long one rule may run on one file (its calls together) before it is interrupted, by
// default (--rule-timeout); importing a rule file has the same limit.
inline constexpr double kDefaultRuleTimeout = 10;

// Starts the interpreter (once) and loads the selected rules. Throws PythonRuleError for a rule
// file that fails to import, a method named after an unknown node kind, a bad query...
// `timeout_seconds` is the time limit of a rule on a file (0: none): a rule that overruns it gets
// lint.RuleTimeout raised in it, is reported and does not run again (see runtime.cpp).
// `python_path`: folders appended to sys.path (`python-path`); a rule file inside a package
// found there is imported under its own module name, so the package's absolute imports work.
// `lazy`: when every selected rule is a shipped one (whose filters were read when lint was
// built), the interpreter starts only when a file first has a node for one of them.
PythonRules& start_python_rules(const std::vector<const PythonRuleInfo*>& selected,
                                double timeout_seconds = kDefaultRuleTimeout,
                                const std::vector<std::string>& python_path = {}, bool lazy = false);

// Whether the interpreter has been started (for --timing).
bool python_started();

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

// The fully qualified name a name or attribute chain refers to, as `Rule.qualified_name` gives
// it: through imports (a relative one against the file's package), a builtin as
// "builtins.name", a class or function defined in the file after the file's module; "" if none.
std::string resolve_qualified_name(const SemanticModel& model, TSNode expr, std::string_view source,
                                   std::string_view path);

// The Python API's source (lint_api.py), compiled into the binary.
extern const char* const kLintApiSource;

}  // namespace lint
