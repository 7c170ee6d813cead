// Configuration: `lint.toml`, `.lint.toml` or `pyproject.toml` ([tool.lint]) files, found for each
// linted file by searching upward from it (the closest one wins, as in Ruff), `extend` chains,
// `--config PATH` / `--config 'key = value'` and the command line's rule selection.
//
// Loading is in two steps. While files are discovered, each configuration file met is read and
// checked (TOML syntax, keys, types, globs, paths); once every file is known and every Python
// rule registered, resolve_rules() checks the rule selectors and the rule option tables and
// builds each configuration's LintProfile (its rules, dispatch table and options). Any problem
// is a ConfigError: the run stops with exit status 2.
#pragma once

#include <cstdint>
#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "engine/discovery.h"
#include "config/glob.h"
#include "engine/linter.h"
#include "config/selection.h"

namespace lint {

// A bad configuration: printed as `path:row:col: message` (`error: message` for the command line).
struct ConfigError {
  std::string path;  // as displayed (relative to the current directory when below it), `--config`, or "" for the command line
  uint32_t row = 1, column = 1;
  std::string message;

  std::string format() const;
};

// Where a value was written.
struct Origin {
  std::string path;  // as displayed
  uint32_t row = 1, column = 1;
};

// A rule selector as written.
struct Selector {
  std::string text;
  Origin origin;
};

// The selection of one configuration layer (a file of an `extend` chain, the overrides, the
// command line), applied in order on top of the default set.
struct SelectionLayer {
  std::string source;  // the file, `--config` or `command line`
  std::optional<std::vector<Selector>> select;
  std::vector<Selector> extend_select, ignore;
  // The rules whose fixes are kept, layered the same way (the base set is every rule), and the
  // rules whose fixes are made safe or unsafe (these add up over the layers).
  std::optional<std::vector<Selector>> fixable;
  std::vector<Selector> extend_fixable, unfixable, extend_safe_fixes, extend_unsafe_fixes;

  bool empty() const {
    return !select && extend_select.empty() && ignore.empty() && !fixable && extend_fixable.empty() &&
           unfixable.empty() && extend_safe_fixes.empty() && extend_unsafe_fixes.empty();
  }
  RuleSelection selection() const;
  RuleSelection fix_selection() const;
};

// An `exclude` / `extend-exclude` pattern. As in Ruff, it is matched against an entry's absolute
// path (the pattern made absolute against the directory of the file that set it) and against
// its name (the pattern as written).
struct FilePattern {
  std::string pattern;
  Glob absolute, raw;

  bool matches(std::string_view absolute_path, std::string_view name) const;
};

// A `per-file-ignores` entry as written.
struct PerFileIgnoreSetting {
  std::string pattern;  // as written, `!` included
  std::string root;     // the directory the pattern is relative to
  std::vector<Selector> selectors;
  Origin origin;        // the key
};

// A value in a rule's option table, checked against the rule's declared options later.
struct RawOption {
  RuleOptions::Value value;
  std::string type;  // what it was in the TOML ("a string", "an integer", ...)
  Origin origin;
};

struct RuleTable {
  Origin origin;  // the table's key
  std::map<std::string, RawOption> options;
};

// The settings of one configuration.
struct Settings {
  std::string path;                  // the configuration file (absolute); "" for the defaults
  std::vector<std::string> extends;  // the files it extends, nearest first
  std::string root;                  // the directory relative paths are resolved against

  std::vector<SelectionLayer> layers;  // base first; the default set comes before them
  std::optional<std::vector<PerFileIgnoreSetting>> per_file_ignores;
  std::vector<PerFileIgnoreSetting> extend_per_file_ignores;
  std::optional<std::vector<FilePattern>> exclude;
  std::vector<FilePattern> extend_exclude;
  std::optional<bool> respect_gitignore;
  std::optional<int> line_length;
  std::optional<std::vector<std::string>> src;  // `src` (absolute)
  // `typing-modules`: modules whose members count as typing's (`overload`, `Literal`...), besides
  // `typing`, `typing_extensions` and `_typeshed`.
  std::optional<std::vector<std::string>> typing_modules;
  std::optional<int> target_minor;                     // 3.<minor>
  std::optional<std::vector<std::string>> python_rules;  // absolute paths
  // Where `python-rules` was set: the key, and the file (absolute; "" for --config 'key = value').
  Origin python_rules_origin;
  std::string python_rules_file;
  // `python-path`: folders (absolute) where `python-rules` finds modules by name, and which the
  // rules may import from (appended to sys.path).
  std::optional<std::vector<std::string>> python_path;
  Origin python_path_origin;
  // Whether to apply fixes (`fix`, as --fix), apply unsafe ones (`unsafe-fixes`; unset: only
  // hint that they exist), and list the fixes applied (`show-fixes`). Read from the
  // configuration of the current directory, as Ruff reads them.
  std::optional<bool> fix, unsafe_fixes, show_fixes;
  std::optional<std::filesystem::path> cache_dir;  // `cache-dir` (absolute)
  std::optional<bool> force_exclude;               // `force-exclude`, as --force-exclude
  // `extension`: file suffixes (no dot) to lint as "python", "pyi" or "ipynb"
  std::optional<std::vector<std::pair<std::string, std::string>>> extension;
  std::map<std::string, RuleTable> rule_tables;         // by the table's key (a rule name or code)

  // The effective values, defaults applied.
  std::vector<FilePattern> effective_exclude() const;  // exclude (or the defaults) + extend-exclude
  std::vector<PerFileIgnoreSetting> effective_per_file_ignores() const;
  bool effective_respect_gitignore() const { return respect_gitignore.value_or(true); }
  int effective_line_length() const { return line_length.value_or(88); }
  // `src`, else the root and its `src` folder, as Ruff's default.
  std::vector<std::string> effective_src() const;
  int effective_target_minor() const { return target_minor.value_or(kDefaultTargetMinor); }

  WalkPolicy walk;      // for discovery; set when the settings are complete
  LintProfile profile;  // set by ConfigResolver::resolve_rules()
  bool resolved = false;
};

// Every key of a configuration (besides rule option tables), in the order config/default.toml
// documents them.
const std::vector<std::string_view>& setting_keys();

// "py311" for 11.
std::string target_version_name(int minor);

struct ConfigOptions {
  bool isolated = false;    // --isolated: read no configuration file
  std::string config_file;  // --config PATH: this file for every linted file
  // --config 'key = value' and the options that set one setting (--target-version...): each a
  // source name and a TOML document of [tool.lint] keys, applied over every configuration.
  std::vector<std::pair<std::string, std::string>> overrides;
  SelectionLayer command_line;              // --select, --extend-select, --ignore
  std::optional<bool> respect_gitignore;    // --respect-gitignore / --no-respect-gitignore
};

// Finds, loads and caches configurations. Not thread-safe: use it from the main thread.
class ConfigResolver {
 public:
  // Loads the --config file, or the configuration found from the current directory (the one
  // for files outside every configuration's tree), or the defaults. Throws ConfigError.
  explicit ConfigResolver(ConfigOptions options);
  ~ConfigResolver();

  // The settings governing a directory (absolute, normalized): the closest configuration file at
  // or above it, else the fallback. Throws ConfigError for a bad configuration file.
  Settings& for_directory(const std::filesystem::path& dir);
  // The settings of a file (by its absolute path), or of standard input named `name`.
  Settings& for_file(const std::string& absolute);

  // Every configuration loaded so far, the fallback first.
  std::vector<Settings*> loaded() const;

  // Checks every loaded configuration's selectors and rule tables against the registered rules
  // and builds its profile. Call once the files are discovered and the Python rules registered.
  void resolve_rules();

  // Discovery's view: the walk policy of a directory's settings.
  DiscoveryOptions discovery_options();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// Loads one configuration file as --config would (relative paths against `root`), without
// overrides: for tests and for checking config/default.toml. Throws ConfigError.
Settings load_settings_file(const std::string& path, const std::string& root);

// Settings with nothing configured (every default), rooted at `root`.
Settings default_settings(const std::string& root);

// Checks the settings' selectors and rule tables and builds their profile. Throws ConfigError.
void resolve_rules(Settings& settings);

// `lint --show-settings`: the resolved settings for a file, and where they come from.
std::string describe_settings(const Settings& settings, const std::string& file_absolute);

}  // namespace lint
