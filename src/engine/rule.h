// The contract between the engine and a native rule.
//
// A rule is a class deriving from Rule plus one RuleSpec describing it (code, kebab-case name, the
// node kinds it visits, its documentation). The spec is listed in rules/rules.def; the engine
// creates one instance of each selected rule per file, so a rule may keep per-file state in members.
#pragma once

#include <tree_sitter/api.h>

#include <algorithm>
#include <atomic>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <type_traits>
#include <variant>
#include <vector>

#include "engine/diagnostic.h"
#include "semantic/semantic.h"
#include "syntax/node.h"
#include "syntax/source.h"

namespace lint {

class Rule;

// An option a rule takes, set in the rule's own table of the configuration:
//   [tool.lint.undefined-name]
//   builtins = ["_"]
struct RuleOption {
  enum class Type : uint8_t { Bool, Int, String, Strings };
  std::string_view name;           // kebab-case key
  Type type = Type::Bool;
  std::string_view default_value;  // as TOML: `false`, `0`, `""`, `[]`
  std::string_view doc;            // one sentence
  // The linter table that sets it besides the rule's own table, when it is not the rule's
  // linter: Ruff's B019 reads `classmethod-decorators` from `[pep8-naming]`.
  std::string_view table = {};
};

// The values of a rule's options for one configuration, defaults included. The engine passes
// them to the rule when it creates it (see make_rule).
class RuleOptions {
 public:
  using Value = std::variant<bool, int64_t, std::string, std::vector<std::string>>;

  void set(std::string name, Value value) { values_[std::move(name)] = std::move(value); }
  const Value* find(std::string_view name) const {
    auto it = values_.find(name);
    return it == values_.end() ? nullptr : &it->second;
  }
  bool boolean(std::string_view name, bool fallback = false) const { return get<bool>(name, fallback); }
  int64_t integer(std::string_view name, int64_t fallback = 0) const { return get<int64_t>(name, fallback); }
  std::string string(std::string_view name, std::string fallback = {}) const { return get<std::string>(name, fallback); }
  std::vector<std::string> strings(std::string_view name) const { return get<std::vector<std::string>>(name, {}); }
  const std::map<std::string, Value, std::less<>>& values() const { return values_; }
  bool operator==(const RuleOptions&) const = default;

 private:
  template <class T>
  T get(std::string_view name, T fallback) const {
    const Value* v = find(name);
    if (!v) return fallback;
    const T* t = std::get_if<T>(v);
    return t ? *t : fallback;
  }
  std::map<std::string, Value, std::less<>> values_;
};

// Creates a rule instance: `create()` with no options, `create(options)` with a configuration's.
class RuleFactory {
 public:
  using Fn = std::unique_ptr<Rule> (*)(const RuleOptions&);
  RuleFactory() = default;
  RuleFactory(Fn fn, bool leaves = true) : fn_(fn), leaves_(leaves) {}  // NOLINT: implicit, so that `.create = make_rule<T>()` reads well
  std::unique_ptr<Rule> operator()() const;
  std::unique_ptr<Rule> operator()(const RuleOptions& options) const { return fn_(options); }
  explicit operator bool() const { return fn_ != nullptr; }
  // Whether the rule overrides leave(): the walk calls only those when it leaves a node.
  bool leaves() const { return leaves_; }

 private:
  Fn fn_ = nullptr;
  bool leaves_ = true;
};

struct RuleSpec {
  std::string_view code;    // "E711"
  std::string_view name;    // "none-comparison"
  std::string_view linter;  // "pycodestyle", "pyflakes", ...: the origin of the code
  std::vector<std::string_view> kinds;  // node kinds dispatched to enter()/leave()
  std::string_view doc;     // Markdown: What it does / Why is this bad? / Example
  RuleFactory create;
  // Ruff runs only its token-based rules (E701-E703 here) on a file with a syntax error; the
  // others report nothing there. Rules that set this keep their diagnostics in such files.
  bool runs_on_invalid_syntax = false;
  // The rule reads the semantic model (ctx.semantic()) in finish(); the engine builds the model
  // only when a selected rule asks for it.
  bool needs_semantic = false;
  // A rule written in Python (see src/python/): run by the embedded interpreter, not create().
  bool python = false;
  // The options the rule reads (see RuleOption); a rule with options has a constructor taking
  // `const RuleOptions&`.
  std::vector<RuleOption> options = {};
  // Whether its diagnostics carry a fix: never, sometimes or always (as Ruff documents it).
  FixAvailability fix = FixAvailability::None;
};

// The linter table that sets an option of `rule` (see RuleOption::table).
inline std::string_view option_table(const RuleSpec& rule, const RuleOption& option) {
  return option.table.empty() ? rule.linter : option.table;
}

// Everything a rule may read about the file being linted.
class Context {
 public:
  Context(std::string_view path, std::string_view source, const LineIndex& lines, TSTree* tree)
      : path_(path), source_(source), lines_(lines), tree_(tree), original_(source), serial_(next_serial()) {}

  // Unique to this file's lint, across threads (node ids are only unique within one tree).
  uint64_t serial() const { return serial_; }

  std::string_view path() const { return path_; }
  // The Python version the code is meant to run on (`target-version`): 3.<target_minor()>.
  int target_minor() const { return target_minor_; }
  void set_target_minor(int minor) { target_minor_ = minor; }
  // `line-length` (88 unless configured).
  int line_length() const { return line_length_; }
  void set_line_length(int length) { line_length_ = length; }
  // The file's absolute path ("" for standard input), and the configuration's `src` folders
  // (absolute): where isort looks for first-party modules, as Ruff's `src`.
  std::string_view absolute_path() const { return absolute_path_; }
  const std::vector<std::string>& src_roots() const {
    static const std::vector<std::string> none;
    return src_roots_ ? *src_roots_ : none;
  }
  void set_project(std::string_view absolute_path, const std::vector<std::string>* src_roots) {
    absolute_path_ = absolute_path;
    src_roots_ = src_roots;
  }
  // `typing-modules`: modules whose members count as typing's, besides typing's own (see
  // SemanticModel::is_typing_member).
  const std::vector<std::string>& typing_modules() const {
    static const std::vector<std::string> none;
    return typing_modules_ ? *typing_modules_ : none;
  }
  void set_typing_modules(const std::vector<std::string>* modules) { typing_modules_ = modules; }
  std::string_view source() const { return source_; }
  const LineIndex& lines() const { return lines_; }
  TSNode root() const { return ts_tree_root_node(tree_); }
  std::string_view text(TSNode n) const {
    const uint32_t s = ts_node_start_byte(n);
    return source_.substr(s, ts_node_end_byte(n) - s);
  }
  // The file's line ending, as Ruff's Stylist detects it: that of the first line ending in the
  // file ("\n" when there is none). Fixes that add lines use it. (The source rules see has a lone
  // `\r` made `\n`; the file itself is what is checked here.)
  std::string_view line_ending() const {
    if (line_ending_.empty()) {
      const size_t i = original_.find_first_of("\r\n");
      line_ending_ = i == std::string_view::npos || original_[i] == '\n' ? "\n"
                     : i + 1 < original_.size() && original_[i + 1] == '\n' ? "\r\n"
                                                                               : "\r";
    }
    return line_ending_;
  }
  // The text as in the file, where a lone `\r` is still a `\r` (same offsets as source()): what
  // a fix copies from the file into an edit must come from here.
  std::string_view original() const { return original_; }
  std::string_view original(uint32_t start, uint32_t end) const { return original_.substr(start, end - start); }
  std::string_view original(TSNode n) const { return original(ts_node_start_byte(n), ts_node_end_byte(n)); }
  void set_original(std::string_view original) { original_ = original; }

  // A Jupyter notebook's cells (src/notebook/): where each code cell starts in source(), and
  // one past the last; empty for a Python file. Rules that judge "the top of the file" or "the
  // end of the file" judge cells in a notebook (E402, E703...), as Ruff does.
  const std::vector<uint32_t>& cell_offsets() const { return cell_offsets_; }
  bool is_notebook() const { return !cell_offsets_.empty(); }
  // The start of the cell holding a byte, and the end of that cell (its last byte is the
  // newline that separates it from the next).
  std::pair<uint32_t, uint32_t> cell_of(uint32_t byte) const {
    // The first cell whose end is past `byte` (a binary search: rules ask once per statement).
    if (cell_offsets_.size() >= 2) {
      const auto next = std::upper_bound(cell_offsets_.begin() + 1, cell_offsets_.end(), byte);
      if (next != cell_offsets_.end()) return {*std::prev(next), *next};
    }
    return {0, static_cast<uint32_t>(source_.size())};
  }
  // Whether the statement or expression starting at `byte` is an IPython escape command
  // (`%magic`, `!shell`, `obj?`): the tree holds a placeholder (`0`) there, which rules skip.
  bool is_escape_command(uint32_t byte) const {
    auto it = std::upper_bound(escapes_.begin(), escapes_.end(), std::pair<uint32_t, uint32_t>{byte, UINT32_MAX});
    return it != escapes_.begin() && byte < std::prev(it)->second && byte >= std::prev(it)->first;
  }
  void set_notebook(std::vector<uint32_t> cell_offsets, std::vector<std::pair<uint32_t, uint32_t>> escapes,
                    const std::vector<uint32_t>* cell_numbers) {
    cell_offsets_ = std::move(cell_offsets);
    escapes_ = std::move(escapes);
    cell_numbers_ = cell_numbers;
  }
  // Where a byte is, as messages name it: "line 3", or in a notebook "cell 2, line 3" (Ruff's
  // wording in F811's "from ..." and the like).
  std::string line_label(uint32_t byte) const {
    const uint32_t row = lines_.location(byte).row;
    if (cell_offsets_.empty() || !cell_numbers_) return "line " + std::to_string(row);
    // The last cell starting at or before `byte`, the final offset (the end) aside.
    size_t cell = 0;
    if (cell_offsets_.size() > 2) {
      cell = static_cast<size_t>(std::upper_bound(cell_offsets_.begin() + 1, cell_offsets_.end() - 1, byte) -
                                 (cell_offsets_.begin() + 1));
    }
    const uint32_t first_row = lines_.location(cell_offsets_[cell]).row;
    const uint32_t number = cell < cell_numbers_->size() ? (*cell_numbers_)[cell] : static_cast<uint32_t>(cell + 1);
    return "cell " + std::to_string(number) + ", line " + std::to_string(row - first_row + 1);
  }

  // Whether the rule with this code is selected for the file (Ruff's `is_rule_enabled`), for
  // the few fixes whose edits depend on a sibling rule (E711 and E712 rewrite one comparison
  // together). False when the engine did not say.
  bool rule_enabled(std::string_view code) const { return rule_enabled_ && rule_enabled_(code); }
  void set_rule_enabled(std::function<bool(std::string_view)> f) { rule_enabled_ = std::move(f); }

  // The file's semantic model: available in finish() to rules that set needs_semantic.
  const SemanticModel* semantic() const { return semantic_; }
  void set_semantic(const SemanticModel* m) { semantic_ = m; }

  // A rule attaches a fix right after reporting, so the previous diagnostic's fix is complete
  // when the next is reported: it is counted against the file's FixBudget then.
  void add(Diagnostic d) {
    settle_fixes(diagnostics_.size());
    diagnostics_.push_back(std::move(d));
  }
  std::vector<Diagnostic>& diagnostics() { return diagnostics_; }
  // Whether a fix of at most `bytes` of new text still fits the file's FixBudget (see there);
  // a rule whose fix copies nested code asks before building it.
  bool fix_fits(size_t bytes) {
    settle_fixes(diagnostics_.empty() ? 0 : diagnostics_.size() - 1);  // all but the one being made
    return fix_budget_.fits(bytes);
  }
  // Counts every fix again, the last reported and any a rule changed later included, and drops
  // those that do not fit. Returns how many fixes were dropped in all, and the limit.
  std::pair<size_t, size_t> bound_fixes() {
    FixBudget again(source_.size());
    for (Diagnostic& d : diagnostics_) again.count(d.fix);
    return {fix_budget_.dropped() + again.dropped(), again.limit()};
  }

 private:
  // Counts the fixes of the diagnostics before `end` not counted yet.
  void settle_fixes(size_t end) {
    for (; counted_ < end; ++counted_) fix_budget_.count(diagnostics_[counted_].fix);
  }

  std::string_view path_;
  std::string_view source_;
  const LineIndex& lines_;
  TSTree* tree_;
  std::vector<Diagnostic> diagnostics_;
  FixBudget fix_budget_{source_.size()};
  size_t counted_ = 0;  // diagnostics whose fix fix_budget_ has counted
  std::string_view original_;
  mutable std::string_view line_ending_;
  std::vector<uint32_t> cell_offsets_;
  std::vector<std::pair<uint32_t, uint32_t>> escapes_;
  const std::vector<uint32_t>* cell_numbers_ = nullptr;
  const SemanticModel* semantic_ = nullptr;
  std::function<bool(std::string_view)> rule_enabled_;
  int target_minor_ = kDefaultTargetMinor;
  int line_length_ = 88;
  std::string_view absolute_path_;
  const std::vector<std::string>* src_roots_ = nullptr;
  const std::vector<std::string>* typing_modules_ = nullptr;
  uint64_t serial_;

  static uint64_t next_serial() {
    static std::atomic<uint64_t> counter{0};
    return counter.fetch_add(1, std::memory_order_relaxed) + 1;
  }
};

// An analysis that several rules make of the same node (the five F52x rules each parse the same
// `.format` call) is done once: the rules share one instance per thread, which remembers the
// node it last analysed. `changed()` says whether `n` is another node, and records it.
class SharedNodeKey {
 public:
  bool changed(const Context& ctx, TSNode n) {
    if (serial_ == ctx.serial() && id_ == n.id) return false;
    serial_ = ctx.serial();
    id_ = n.id;
    return true;
  }

 private:
  uint64_t serial_ = 0;
  const void* id_ = nullptr;
};

class Rule {
 public:
  virtual ~Rule() = default;
  // Called for each node of a subscribed kind, before and after its children.
  virtual void enter(TSNode, Context&) {}
  virtual void leave(TSNode, Context&) {}
  // Called once after the walk.
  virtual void finish(Context&) {}

  const RuleSpec& spec() const { return *spec_; }
  void set_spec(const RuleSpec* spec) { spec_ = spec; }

 protected:
  // Reports a diagnostic; the reference is for attaching a fix right away (`.fix = ...`,
  // `.fix_title = ...`) and is valid until the next report.
  Diagnostic& report(Context& ctx, uint32_t start_byte, uint32_t end_byte, std::string message) const {
    Diagnostic d;
    d.rule = spec_;
    d.message = std::move(message);
    d.start_byte = start_byte;
    d.end_byte = end_byte;
    ctx.add(std::move(d));
    return ctx.diagnostics().back();
  }
  Diagnostic& report(Context& ctx, TSNode n, std::string message) const {
    return report(ctx, ts_node_start_byte(n), ts_node_end_byte(n), std::move(message));
  }

 private:
  const RuleSpec* spec_ = nullptr;
};

inline std::unique_ptr<Rule> RuleFactory::operator()() const {
  static const RuleOptions none;
  return fn_(none);
}

// The factory of a rule class: T(options) when T takes options, else T().
template <class T>
RuleFactory make_rule() {
  // &T::leave names Rule::leave unless T declares its own.
  constexpr bool leaves = !std::is_same_v<decltype(&T::leave), void (Rule::*)(TSNode, Context&)>;
  return RuleFactory(
      [](const RuleOptions& options) -> std::unique_ptr<Rule> {
        if constexpr (std::is_constructible_v<T, const RuleOptions&>) {
          return std::unique_ptr<Rule>(new T(options));
        } else {
          (void)options;
          return std::unique_ptr<Rule>(new T());
        }
      },
      leaves);
}

}  // namespace lint
