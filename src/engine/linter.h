// Linting files: read, parse, walk, collect diagnostics; in parallel across files.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "engine/diagnostic.h"
#include "engine/discovery.h"
#include "config/glob.h"
#include "output/output.h"
#include "cache/cache.h"
#include "engine/timing.h"
#include "engine/traversal.h"
#include "fix/apply.h"
#include "fix/write.h"

namespace lint {

// One `per-file-ignores` entry, resolved: the files it applies to and the rules it turns off.
struct PerFileIgnore {
  std::string pattern;  // as written (a leading `!` negates it)
  Glob absolute;        // the pattern below the project root, matched against the absolute path
  Glob basename;        // the pattern as written, matched against the file name
  bool negated = false;
  std::vector<const RuleSpec*> rules;

  // Whether the entry applies to the file (as Ruff: the absolute path or the file name matches;
  // a negated entry applies to the files that match neither).
  bool applies_to(std::string_view absolute_path) const;
};

// What the files of one configuration are linted with: built once per configuration, shared by
// every file it governs and by every thread.
struct LintProfile {
  std::vector<const RuleSpec*> rules;           // every enabled rule (native, Python, RUF100), sorted by code
  std::shared_ptr<const DispatchTable> table;   // the enabled native rules
  std::vector<RuleOptions> options;             // each native rule's options, as table->rules()
  // The options of the enabled Python rules that declare any (their `options` literal).
  std::vector<std::pair<const RuleSpec*, RuleOptions>> python_options;
  std::vector<PerFileIgnore> per_file_ignores;
  int target_minor = kDefaultTargetMinor;
  // The configured target-version's minor, or kNoSyntaxTarget when none is configured:
  // syntax newer than it is reported (src/syntax/version_syntax.h).
  int syntax_minor = kNoSyntaxTarget;
  int line_length = 88;
  std::vector<std::string> src;  // `src`: absolute folders
  std::vector<std::string> typing_modules;  // `typing-modules`
  // `fixable` / `unfixable` / `extend-fixable`: the rules whose fixes are kept (sorted by code);
  // `extend-safe-fixes` / `extend-unsafe-fixes`: the rules whose fixes change applicability.
  std::vector<const RuleSpec*> fixable, forced_safe, forced_unsafe;
  // Everything above, and lint's own binary, hashed: part of every cache key (src/cache/).
  CacheKey cache_key;

  bool enabled(const RuleSpec* rule) const;
  bool is_fixable(const RuleSpec* rule) const;
  // The applicability of a rule's fix once the safety overrides apply (display-only stays).
  Applicability applicability(const RuleSpec* rule, Applicability a) const;
  const RuleSpec* enabled_code(std::string_view code) const;
  // The rules `per-file-ignores` turns off for a file.
  std::vector<const RuleSpec*> ignored_for(std::string_view absolute_path) const;
};

// Builds a profile: the dispatch table from the native rules among `rules` (tables are shared
// between profiles that enable the same native rules). Throws UnknownNodeKind like DispatchTable.
std::shared_ptr<const DispatchTable> dispatch_table_for(const std::vector<const RuleSpec*>& native_rules);

// What to do with fixes.
struct FixOptions {
  enum class Mode : uint8_t {
    Report,  // report them (`[*]`, JSON `fix`)
    Apply,   // --fix, --fix-only: apply them, lint again, until none is left (at most 100 rounds)
    Diff,    // --diff: the same, but only describe the result as a unified diff
  };
  Mode mode = Mode::Report;
  bool unsafe = false;  // --unsafe-fixes: unsafe fixes apply too
  Applicability required() const { return unsafe ? Applicability::Unsafe : Applicability::Safe; }
};

// Fixing stops after this many rounds, as in Ruff.
constexpr int kMaxFixRounds = 100;

class ResultCache;

struct LintOptions {
  int threads = 0;                     // 0: every core
  FixOptions fix;
  const ResultCache* cache = nullptr;  // results of earlier runs (only when fixes are not applied)
  OutputOptions output;
  PythonRules* python = nullptr;       // the Python rules selected by any profile, if any
  Timing* timing = nullptr;            // --timing: every rule's costs are added here
  const LintProfile* profile = nullptr;  // for paths that have none of their own
};

struct FileResult {
  size_t diagnostics = 0;
  std::string rendered;  // this file's diagnostics in the output format
  std::vector<Reported> reported;  // ... as records, for the whole-run formats (is_document_format)
  std::string warning;   // printed on standard error (e.g. an unreadable file when E902 is off)
  bool internal_error = false;  // the file could not be linted, or a Python rule raised
  std::vector<const RuleSpec*> found;  // the rule of each diagnostic (null: a syntax error), for --statistics
  std::vector<bool> found_fixable;     // ... and whether its fix applies
  size_t fixable = 0;        // diagnostics whose fix applies at the required level
  size_t unsafe_hidden = 0;  // diagnostics with an unsafe fix that --unsafe-fixes would apply
  FixCounts fixed;           // fixes applied (--fix) or that would be (--diff)
  std::string diff;          // --diff: the file's unified diff
  bool fixed_source_set = false;
  std::string fixed_source;  // standard input with --fix: the fixed text (printed on standard output)
};

// Lints one file's text (already read): parse, syntax error, walk, per-file ignores, noqa, sort,
// render. Uses the path's profile, or the options' one.
// With fixes on (options.fix), fixes, lints again, and so on; the result describes the last round.
// `stamp`: what was read from disk, for writing the fixed file back (null: do not write).
FileResult lint_source(const SourcePath& path, std::string text, const LintOptions& options,
                       const ReadStamp* stamp = nullptr);

// Reads and lints one file; an unreadable or non-UTF-8 file yields E902 (when enabled).
FileResult lint_path(const SourcePath& path, const LintOptions& options);

// Reads and checks a Python file as linting does (no blocking on FIFOs or devices, the size
// limit, UTF-8, what Python refuses before parsing: a NUL byte, too deep) and parses it as
// linting parses it. Returns "" with `text` and `tree` set, or what is wrong, as
// "row:col: message" for a refused text or the reason the file cannot be read.
std::string read_and_parse(const std::string& path, std::string& text, Tree& tree);

// --print-tree: the tree a file is linted with, read, checked and parsed as for linting (a FIFO,
// a device, a file too large, not UTF-8, a NUL byte, too deep: `error` says so, as
// "path:row:col: CODE message"); `tree` is tree-sitter's S-expression.
struct TreeDump {
  std::string tree;
  std::string error;
};
TreeDump dump_tree(const SourcePath& path);

// The most a file (or standard input) may hold: byte offsets are 32-bit (tree-sitter's).
inline constexpr size_t kMaxSourceSize = UINT32_MAX / 2;

// What lint_path gives a file it could not read: E902 with `message` (when enabled).
FileResult unreadable(const SourcePath& path, const LintOptions& options, const std::string& message);

// Lints every file, in parallel; results are in the order of `paths`.
std::vector<FileResult> lint_all(const std::vector<SourcePath>& paths, const LintOptions& options);

}  // namespace lint
