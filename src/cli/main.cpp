// The `lint` command line.
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <deque>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <map>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "cache/cache.h"
#include "cli/commands.h"
#include "config/config.h"
#include "config/trust.h"
#include "engine/discovery.h"
#include "engine/linter.h"
#include "output/output.h"
#include "output/standard_output.h"
#include "python/python_rules.h"
#include "engine/registry.h"
#include "config/selection.h"
#include "syntax/syntax.h"
#include "version.h"

namespace {

using namespace lint;
namespace fs = std::filesystem;

constexpr const char* kUsage = R"(lint: a fast Python linter, compatible with Ruff's rules and output

Usage: lint [check] [OPTIONS] [PATH ...]
       lint rule CODE|NAME        Show a rule's documentation (--output-format json: as JSON)
       lint rules                 List every rule: code, name, linter, origin, fix, on by default
       lint test-rules [PATH ...] Check each Python rule's VALID and INVALID examples (the shipped
                                  rules, or those in PATH) and report per rule
       lint clean                 Remove the cache folder and every .lint_cache folder below the
                                  current directory

Lints the Python files (*.py, *.pyi) found under each PATH (default: the current directory).
Directories such as .git, .venv, __pycache__, build and site-packages are skipped, and so is
whatever git ignores. A file named on the command line is always linted. `-` reads standard input.

Configuration (see the README): each file is linted with the closest lint.toml, .lint.toml or
pyproject.toml with a [tool.lint] table, searching upward from it.
      --config PATH          Use this configuration file for every file (relative paths in it
                             are relative to the current directory)
      --config 'KEY = VALUE' Override one setting, in TOML (repeatable), e.g. 'line-length = 100'
      --isolated             Read no configuration file
      --show-settings        Print the resolved settings of the first file found, and where
                             they come from, then exit
      --show-files           Print the files that would be linted, then exit

Rule selection (codes, prefixes such as E7 or F, rule names, or ALL; comma-separated, repeatable):
      --select RULES         Use exactly these rules instead of the configured or default ones
                             (Ruff 0.17.3's default rules, those lint has: `lint rules`)
      --extend-select RULES  Add rules to the selection
      --ignore RULES         Remove rules from the selection; the more specific selector wins
      --target-version VER   The Python version the code runs on: py37 ... py314 (default py311);
                             it decides the builtins
      --line-length N        The line length (1-320, default 88)

Fixes (see the README, "Fixes"):
      --fix                  Apply the fixes that are safe (with --unsafe-fixes, the unsafe ones
                             too), lint again, and repeat until nothing is left to fix
      --no-fix               Do not apply fixes (overrides --fix and the `fix` setting)
      --unsafe-fixes         Count unsafe fixes as applicable: mark them [*], apply them
      --no-unsafe-fixes      Do not, and do not mention them
      --fix-only             Apply fixes but report no remaining diagnostic (implies --fix)
      --diff                 Print the fixes as a unified diff instead of applying them
      --show-fixes           List the fixes applied, per file and rule
      --no-show-fixes        Do not (overrides the `show-fixes` setting)
      --exit-non-zero-on-fix Exit with 1 when anything was fixed, even with nothing left
      --fixable RULES        Only these rules' fixes apply (replaces the `fixable` setting)
      --extend-fixable RULES Add to the rules whose fixes apply
      --unfixable RULES      Never apply these rules' fixes

Output:
      --output-format FORMAT full (default: source snippets), concise (path:row:col: CODE message),
                             json (Ruff's JSON schema), json-lines (one JSON object per line),
                             and for CI: github, gitlab, sarif, junit, pylint, grouped, azure,
                             rdjson (also LINT_OUTPUT_FORMAT)
  -o, --output-file PATH     Write the report to this file instead of standard output (also
                             LINT_OUTPUT_FILE)
      --statistics           Print the number of diagnostics per code instead of each one
  -q, --quiet                Print diagnostics only, without the summary line
      --exit-zero            Exit with 0 even when diagnostics were found

Input:
      --stdin-filename NAME  The file name to report for standard input (with `-`); its
                             configuration is the one for that name
      --exclude PATTERNS     Skip what these glob patterns match (comma-separated; replaces the
                             default excludes)
      --extend-exclude PATTERNS
                             Skip what these glob patterns match, besides the excludes
      --force-exclude        Apply the excludes to paths named on the command line too (for
                             pre-commit); --no-force-exclude does not
      --respect-gitignore    Skip what .gitignore files exclude (the default)
      --no-respect-gitignore Lint files that .gitignore files would exclude
      --threads N            Lint N files at a time (default: every core)

Python rules (see the README, "Writing a rule in Python"):
      --python-rules PATH    Load rules from a .py file or a folder of them (repeatable), besides
                             the ones shipped in python_rules/ and those the configuration names;
                             select them by code like any rule
      --rule-timeout SECONDS How long one Python rule may run on one file (default 10; 0: no
                             limit); a rule that overruns is interrupted, reported, and not run
                             again
      --no-python-rules      Run no Python rule that a configuration file names (their codes
                             stay known); for CI on code from strangers (also
                             LINT_NO_PYTHON_RULES=1). See the README, "Security"
      --print-tree           Print each file's syntax tree (tree-sitter S-expression) and exit
      --timing[=FORMAT]      After the run, print on standard error each rule's time (native and
                             Python), the nodes it was called on and the engine's own time,
                             costliest first; FORMAT is text (the default) or json (also
                             LINT_TIMING=1 or LINT_TIMING=json)

Cache (see the README, "Cache"):
      --no-cache             Neither read nor write the result cache (also LINT_NO_CACHE=1)
      --cache-dir PATH       The cache folder (also LINT_CACHE_DIR, the `cache-dir` setting;
                             default: .lint_cache beside the configuration of the current
                             directory, or in it)
  -v, --verbose              Say on standard error where the cache is and how often it was used

  -h, --help                 Print this help
  -V, --version              Print the version

Exit status: 0 when nothing was found, 1 when diagnostics were found (syntax errors included),
2 for a usage error, a bad configuration or an internal error. Colour is used only on a terminal
and never when NO_COLOR is set.
)";

enum class Command { Check, TestRules, Rule, Rules, Clean };

struct Args {
  Command command = Command::Check;
  std::vector<std::string> paths;
  SelectionLayer cli;
  bool any_selection = false;
  OutputFormat format = OutputFormat::Full;
  bool quiet = false;
  bool exit_zero = false;
  std::optional<bool> respect_gitignore;
  std::string stdin_filename;
  int threads = 0;
  bool print_tree = false;
  bool isolated = false;
  bool show_settings = false;
  bool show_files = false;
  bool statistics = false;
  std::string config_file;                                     // --config PATH
  std::vector<std::pair<std::string, std::string>> overrides;  // --config 'k = v' and friends
  std::vector<std::string> python_rule_paths;  // --python-rules, in addition to the shipped ones
  double rule_timeout = kDefaultRuleTimeout;    // --rule-timeout, seconds (0: none)
  std::optional<Timing::Format> timing;         // --timing[=text|json], LINT_TIMING
  std::optional<bool> fix;           // --fix / --no-fix
  std::optional<bool> unsafe_fixes;  // --unsafe-fixes / --no-unsafe-fixes
  std::optional<bool> show_fixes;    // --show-fixes / --no-show-fixes
  bool fix_only = false;
  bool diff = false;
  bool exit_non_zero_on_fix = false;
  bool format_given = false;
  std::string output_file;  // -o / --output-file
  bool no_cache = false;
  std::string cache_dir;    // --cache-dir
  bool verbose = false;
  std::optional<bool> force_exclude;  // --force-exclude / --no-force-exclude
  bool no_python_rules = false;       // --no-python-rules
};

[[noreturn]] void usage_error(const std::string& message) {
  std::cerr << "error: " << message << "\n\nFor more information, try `lint --help`.\n";
  std::exit(2);
}

std::string toml_string(std::string_view s) {
  std::string out = "\"";
  for (const char c : s) {
    if (c == '"' || c == '\\') out += '\\';
    out += c;
  }
  return out + "\"";
}

std::string toml_list(const std::vector<std::string>& items) {
  std::string out = "[";
  for (size_t i = 0; i < items.size(); ++i) out += (i ? ", " : "") + toml_string(items[i]);
  return out + "]";
}

// `@FILE` arguments stand for the lines of FILE, one argument per line (as Ruff's argfiles), so
// that build systems can pass long file lists. Nested argfiles are expanded too, once each.
std::vector<std::string> expand_argfiles(std::vector<std::string> in, std::set<std::string>& seen) {
  std::vector<std::string> out;
  for (std::string& arg : in) {
    if (arg.size() < 2 || arg[0] != '@') {
      out.push_back(std::move(arg));
      continue;
    }
    const std::string file = arg.substr(1);
    if (!seen.insert(fs::absolute(file).lexically_normal().string()).second) {
      usage_error("argument file `" + file + "` includes itself");
    }
    std::ifstream f(file);
    if (!f) usage_error("cannot read argument file `" + file + "`");
    std::vector<std::string> lines;
    for (std::string line; std::getline(f, line);) {
      if (!line.empty() && line.back() == '\r') line.pop_back();
      if (!line.empty()) lines.push_back(line);
    }
    for (std::string& a : expand_argfiles(std::move(lines), seen)) out.push_back(std::move(a));
  }
  return out;
}

Args parse_args(int argc, char** argv) {
  Args args;
  args.cli.source = "command line";
  std::set<std::string> argfiles;
  std::vector<std::string> argv_list = expand_argfiles(std::vector<std::string>(argv + 1, argv + argc), argfiles);
  if (!argv_list.empty()) {
    const std::string& first = argv_list.front();
    if (first == "check") {
      argv_list.erase(argv_list.begin());
    } else if (first == "test-rules") {
      argv_list.erase(argv_list.begin());
      args.command = Command::TestRules;
    } else if (first == "rule") {
      argv_list.erase(argv_list.begin());
      args.command = Command::Rule;
    } else if (first == "rules") {
      argv_list.erase(argv_list.begin());
      args.command = Command::Rules;
    } else if (first == "clean") {
      argv_list.erase(argv_list.begin());
      args.command = Command::Clean;
    }
  }
  auto add_selectors = [&](std::vector<Selector>& to, const std::string& list) {
    for (auto& s : split_selectors(list)) to.push_back(Selector{s, Origin{"", 1, 1}});
  };
  bool only_paths = false;
  for (size_t i = 0; i < argv_list.size(); ++i) {
    std::string arg = argv_list[i];
    if (only_paths || arg == "-" || arg.empty() || arg[0] != '-') {
      args.paths.push_back(arg);
      continue;
    }
    if (arg == "--") {
      only_paths = true;
      continue;
    }
    std::string value;
    bool has_inline = false;
    if (const size_t eq = arg.find('='); arg.starts_with("--") && eq != std::string::npos) {
      value = arg.substr(eq + 1);
      arg = arg.substr(0, eq);
      has_inline = true;
    }
    auto take = [&]() -> std::string {
      if (has_inline) return value;
      if (i + 1 >= argv_list.size()) usage_error("option `" + arg + "` needs a value");
      return argv_list[++i];
    };
    static const std::set<std::string> kFlags = {"-q", "--quiet", "--exit-zero", "--isolated", "--no-cache", "-v", "--verbose", "--force-exclude", "--no-force-exclude",
                                                 "--no-respect-gitignore", "--respect-gitignore", "--print-tree",
                                                 "--show-settings", "--show-files", "--statistics",
                                                 "--fix", "--no-fix", "--unsafe-fixes", "--no-unsafe-fixes",
                                                 "--fix-only", "--no-fix-only", "--diff", "--show-fixes",
                                                 "--no-show-fixes", "--exit-non-zero-on-fix", "--no-python-rules"};
    if (has_inline && kFlags.count(arg)) usage_error("option `" + arg + "` takes no value");
    if (arg == "-h" || arg == "--help") {
      std::cout << kUsage;
      std::exit(0);
    } else if (arg == "-V" || arg == "--version") {
      std::cout << "lint " << LINT_VERSION << "\n";
      std::exit(0);
    } else if (arg == "--select") {
      if (!args.cli.select) args.cli.select.emplace();
      add_selectors(*args.cli.select, take());
    } else if (arg == "--extend-select") {
      add_selectors(args.cli.extend_select, take());
    } else if (arg == "--ignore") {
      add_selectors(args.cli.ignore, take());
    } else if (arg == "--fixable") {
      if (!args.cli.fixable) args.cli.fixable.emplace();
      add_selectors(*args.cli.fixable, take());
    } else if (arg == "--extend-fixable") {
      add_selectors(args.cli.extend_fixable, take());
    } else if (arg == "--unfixable") {
      add_selectors(args.cli.unfixable, take());
    } else if (arg == "--fix" || arg == "--no-fix") {
      args.fix = arg == "--fix";
    } else if (arg == "--unsafe-fixes" || arg == "--no-unsafe-fixes") {
      args.unsafe_fixes = arg == "--unsafe-fixes";
    } else if (arg == "--show-fixes" || arg == "--no-show-fixes") {
      args.show_fixes = arg == "--show-fixes";
    } else if (arg == "--fix-only" || arg == "--no-fix-only") {
      args.fix_only = arg == "--fix-only";
    } else if (arg == "--diff") {
      args.diff = true;
    } else if (arg == "--exit-non-zero-on-fix") {
      args.exit_non_zero_on_fix = true;
    } else if (arg == "--output-format") {
      const std::string f = take();
      if (!parse_output_format(f, args.format)) {
        usage_error("invalid value `" + f + "` for `--output-format` (possible values: " +
                    std::string(output_format_names()) + ")");
      }
      args.format_given = true;
    } else if (arg == "-o" || arg == "--output-file") {
      args.output_file = take();
    } else if (arg == "--threads") {
      const std::string t = take();
      char* end = nullptr;
      const long n = std::strtol(t.c_str(), &end, 10);
      if (t.empty() || *end != '\0' || n < 1 || n > 1024) usage_error("invalid value `" + t + "` for `--threads` (a number from 1 to 1024)");
      args.threads = static_cast<int>(n);
    } else if (arg == "--stdin-filename") {
      args.stdin_filename = take();
    } else if (arg == "--config") {
      const std::string c = take();
      std::error_code ec;
      if (c.find('=') != std::string::npos && !fs::exists(c, ec)) {
        args.overrides.emplace_back("--config", c);
      } else {
        if (!args.config_file.empty()) usage_error("only one configuration file may be given with --config");
        args.config_file = c;
      }
    } else if (arg == "--target-version") {
      const std::string v = take();
      bool ok = false;
      for (int m = kMinTargetMinor; m <= kMaxTargetMinor; ++m) ok |= v == target_version_name(m);
      if (!ok) usage_error("invalid value `" + v + "` for `--target-version` (possible values: py37 to py314)");
      args.overrides.emplace_back("--target-version", "target-version = " + toml_string(v));
    } else if (arg == "--line-length") {
      const std::string t = take();
      char* end = nullptr;
      const long n = std::strtol(t.c_str(), &end, 10);
      if (t.empty() || *end != '\0' || n < 1 || n > 320) usage_error("invalid value `" + t + "` for `--line-length` (a number from 1 to 320)");
      args.overrides.emplace_back("--line-length", "line-length = " + std::to_string(n));
    } else if (arg == "--exclude" || arg == "--extend-exclude") {
      std::vector<std::string> patterns = split_selectors(take());
      for (const std::string& p : patterns) {
        try {
          Glob g(p);
        } catch (const GlobError& e) {
          usage_error("invalid glob `" + p + "` for `" + arg + "`: " + e.what());
        }
      }
      args.overrides.emplace_back(arg, arg.substr(2) + " = " + toml_list(patterns));
    } else if (arg == "-q" || arg == "--quiet") {
      args.quiet = true;
    } else if (arg == "--exit-zero") {
      args.exit_zero = true;
    } else if (arg == "--no-respect-gitignore") {
      args.respect_gitignore = false;
    } else if (arg == "--respect-gitignore") {
      args.respect_gitignore = true;
    } else if (arg == "--python-rules") {
      args.python_rule_paths.push_back(take());
    } else if (arg == "--rule-timeout") {
      const std::string t = take();
      char* end = nullptr;
      const double seconds = std::strtod(t.c_str(), &end);
      // At most a day: the watchdog's clock arithmetic stays far from overflowing.
      if (t.empty() || *end != '\0' || !(seconds >= 0 && seconds <= 86400)) {
        usage_error("invalid value `" + t + "` for `--rule-timeout` (seconds, from 0 (no limit) to 86400)");
      }
      args.rule_timeout = seconds;
    } else if (arg == "--timing") {
      // The value only inline: `--timing json` would take a path for the format.
      const std::string f = has_inline ? value : "text";
      if (f == "text") args.timing = Timing::Format::Text;
      else if (f == "json") args.timing = Timing::Format::Json;
      else usage_error("invalid value `" + f + "` for `--timing` (text or json)");
    } else if (arg == "--print-tree") {
      args.print_tree = true;
    } else if (arg == "--isolated") {
      args.isolated = true;
    } else if (arg == "--show-settings") {
      args.show_settings = true;
    } else if (arg == "--show-files") {
      args.show_files = true;
    } else if (arg == "--statistics") {
      args.statistics = true;
    } else if (arg == "--no-cache") {
      args.no_cache = true;
    } else if (arg == "--cache-dir") {
      args.cache_dir = take();
    } else if (arg == "-v" || arg == "--verbose") {
      args.verbose = true;
    } else if (arg == "--force-exclude" || arg == "--no-force-exclude") {
      args.force_exclude = arg == "--force-exclude";
    } else if (arg == "--no-python-rules") {
      args.no_python_rules = true;
    } else {
      usage_error("unexpected argument `" + arg + "`");
    }
  }
  // LINT_OUTPUT_FORMAT and LINT_OUTPUT_FILE, as Ruff's RUFF_OUTPUT_FORMAT and RUFF_OUTPUT_FILE.
  if (!args.format_given) {
    if (const char* env = std::getenv("LINT_OUTPUT_FORMAT"); env && *env) {
      if (!parse_output_format(env, args.format)) {
        usage_error("invalid value `" + std::string(env) + "` for `LINT_OUTPUT_FORMAT` (possible values: " +
                    std::string(output_format_names()) + ")");
      }
    }
  }
  if (args.output_file.empty()) {
    if (const char* env = std::getenv("LINT_OUTPUT_FILE"); env && *env) args.output_file = env;
  }
  if (args.isolated && !args.config_file.empty()) {
    usage_error("`--config " + args.config_file + "` cannot be used with `--isolated` (a `KEY = VALUE` override can)");
  }
  if (args.command == Command::Rule && args.paths.size() != 1) usage_error("`lint rule` takes one rule code or name");
  if (args.command == Command::Rules && !args.paths.empty()) usage_error("`lint rules` takes no argument");
  if (args.command == Command::Clean && !args.paths.empty()) usage_error("`lint clean` takes no argument");
  if (const char* env = std::getenv("LINT_NO_CACHE"); env && *env && std::string_view(env) != "0" &&
                                                          std::string_view(env) != "false") {
    args.no_cache = true;
  }
  if (args.cache_dir.empty()) {
    if (const char* env = std::getenv("LINT_CACHE_DIR"); env && *env) args.cache_dir = env;
  }
  if (!args.timing) {
    Timing::Format format;
    bool valid = true;
    if (timing_from_environment(format, valid)) args.timing = format;
    if (!valid) usage_error("invalid value `" + std::string(std::getenv("LINT_TIMING")) + "` for `LINT_TIMING` (1, text or json)");
  }
  // Timing is of rules at work: files are linted, not taken from the cache.
  if (args.timing) args.no_cache = true;
  if (args.paths.empty() && args.command == Command::Check) args.paths.push_back(".");
  return args;
}

bool use_color() {
  const char* no_color = std::getenv("NO_COLOR");
  if (no_color && *no_color) return false;
  const char* force = std::getenv("FORCE_COLOR");
  if (force && *force) return true;
  return ::isatty(STDOUT_FILENO) == 1;
}

[[noreturn]] void config_error(const ConfigError& e) {
  if (e.path.empty()) usage_error(e.message);  // a selector of the command line
  std::cerr << e.format() << "\n";
  std::exit(2);
}

// The letters that start a rule code: "B" of B006, "PIE" of PIE790.
std::string_view code_prefix(std::string_view code) {
  size_t n = 0;
  while (n < code.size() && code[n] >= 'A' && code[n] <= 'Z') ++n;
  return code.substr(0, n);
}

// Whether a Python rule is one of lint's own, from the shipped python_rules/ folder.
bool is_shipped(const PythonRuleInfo& r) {
  std::error_code ec;
  static const fs::path shipped = fs::weakly_canonical(LINT_PYTHON_RULES_DIR, ec);
  const fs::path rel = fs::weakly_canonical(r.path, ec).lexically_relative(shipped);
  return !rel.empty() && *rel.begin() != "..";
}

// A user's Python rule may not take the code prefix of lint's built-in rules (native or
// shipped): a later version adding a rule there would take its code, and `--select B`,
// `# noqa: B` and per-file-ignores would mix the two. Throws PythonRuleError naming both.
void check_code_prefixes(const std::deque<PythonRuleInfo>& rules) {
  std::map<std::string_view, const RuleSpec*> builtin;  // prefix -> a built-in rule with it
  for (const RuleSpec* n : all_rules()) {
    if (!n->python) builtin.emplace(code_prefix(n->code), n);
  }
  for (const PythonRuleInfo& r : rules) {
    if (is_shipped(r)) builtin.emplace(code_prefix(r.code), &r.spec);
  }
  for (const PythonRuleInfo& r : rules) {
    if (is_shipped(r)) continue;
    const auto it = builtin.find(code_prefix(r.code));
    if (it == builtin.end()) continue;
    throw PythonRuleError{r.path + ":" + std::to_string(r.line) + ": class " + r.class_name + ": the code " + r.code +
                          " starts with `" + std::string(it->first) + "`, the prefix of lint's built-in rules (" +
                          std::string(it->second->code) + " " + std::string(it->second->name) +
                          "): give your rules a prefix of their own, such as `X` or your company's initials"};
  }
}

// Scans and registers the Python rules of these paths (each once).
std::deque<PythonRuleInfo> register_python_rules(const std::vector<std::string>& paths) {
  std::vector<std::string> unique;
  std::set<std::string> seen;
  for (const std::string& p : paths) {
    std::error_code ec;
    const fs::path abs = fs::weakly_canonical(fs::absolute(p), ec);
    if (seen.insert(ec ? p : abs.string()).second) unique.push_back(p);
  }
  std::deque<PythonRuleInfo> rules = scan_python_rules(unique);
  check_code_prefixes(rules);
  for (const PythonRuleInfo& r : rules) register_rule(&r.spec, is_shipped(r));
  return rules;
}

// Whether a rule was read from a path that --no-python-rules keeps to reading (and was not also
// named where it runs).
bool is_read_only_rule(const PythonRuleInfo& r, const ConfiguredRules& configured) {
  auto holds = [&](const std::vector<std::string>& paths) {
    return std::any_of(paths.begin(), paths.end(), [&](const std::string& p) {
      std::error_code ec;
      return fs::equivalent(p, r.path, ec) || fs::equivalent(p, fs::path(r.path).parent_path(), ec);
    });
  };
  return holds(configured.read_only) && !holds(configured.run);
}

// The shipped Python rules' folder, when it exists.
std::vector<std::string> shipped_python_rules() {
  std::error_code ec;
  if (fs::is_directory(LINT_PYTHON_RULES_DIR, ec)) return {LINT_PYTHON_RULES_DIR};
  return {};
}

// The cache folder: --cache-dir or LINT_CACHE_DIR, else the `cache-dir` setting of the
// configuration of the current directory, else `.lint_cache` beside that configuration (in the
// current directory when there is none), as Ruff places `.ruff_cache`.
fs::path cache_dir_of(const Args& args, ConfigResolver& resolver) {
  if (!args.cache_dir.empty()) return fs::absolute(args.cache_dir).lexically_normal();
  const Settings& top = resolver.for_directory(fs::current_path());
  if (top.cache_dir) return *top.cache_dir;
  if (!top.path.empty()) return fs::path(top.path).parent_path() / ".lint_cache";
  return fs::current_path() / ".lint_cache";
}

int run_check(const Args& args, ConfigResolver& resolver) {
  // Files (standard input is linted on the main thread, after the others).
  std::vector<std::string> to_discover;
  bool read_stdin = false;
  for (const std::string& p : args.paths) {
    if (p == "-") read_stdin = true;
    else to_discover.push_back(p);
  }
  std::vector<SourcePath> files;
  try {
    DiscoveryOptions discovery = resolver.discovery_options();
    discovery.force_exclude =
        args.force_exclude.value_or(resolver.for_directory(fs::current_path()).force_exclude.value_or(false));
    if (!to_discover.empty()) files = discover(to_discover, discovery);
  } catch (const ConfigError& e) {
    config_error(e);
  }
  std::sort(files.begin(), files.end(), [](const SourcePath& a, const SourcePath& b) { return a.display < b.display; });
  SourcePath stdin_path;
  if (read_stdin) {
    stdin_path.is_stdin = true;
    stdin_path.path = "-";
    stdin_path.display = args.stdin_filename.empty() ? "-" : args.stdin_filename;
    stdin_path.absolute = args.stdin_filename.empty() ? "-" : fs::absolute(args.stdin_filename).lexically_normal().string();
  }
  auto settings_of = [&](const SourcePath& sp) -> Settings& {
    if (sp.is_stdin && args.stdin_filename.empty()) return resolver.for_directory(fs::current_path());
    return resolver.for_file(sp.absolute);
  };

  // Python rules: the shipped ones, --python-rules, and those of every configuration in use, as
  // far as they can be trusted (config/trust.h).
  std::deque<PythonRuleInfo> python_rules;
  ConfiguredRules configured;
  try {
    std::vector<std::string> rule_paths = shipped_python_rules();
    const TrustPolicy trust = trust_policy(args.no_python_rules);
    for (const std::string& p : args.python_rule_paths) {
      if (std::string why = why_untrusted(p, trust); !why.empty()) {
        throw PythonRuleError{"--python-rules " + p + ": refusing to run these Python rules: " + why + ". " + trust_hint()};
      }
    }
    rule_paths.insert(rule_paths.end(), args.python_rule_paths.begin(), args.python_rule_paths.end());
    if (read_stdin) settings_of(stdin_path);
    for (const SourcePath& sp : files) settings_of(sp);
    configured = configured_python_rules(resolver.loaded(), trust);
    rule_paths.insert(rule_paths.end(), configured.run.begin(), configured.run.end());
    rule_paths.insert(rule_paths.end(), configured.read_only.begin(), configured.read_only.end());
    python_rules = register_python_rules(rule_paths);
    resolver.resolve_rules();
  } catch (const ConfigError& e) {
    config_error(e);
  } catch (const PythonRuleError& e) {
    std::cerr << "error: " << e.message << "\n";
    return 2;
  } catch (const std::exception& e) {
    std::cerr << "error: " << e.what() << "\n";
    return 2;
  }
  for (SourcePath& sp : files) sp.profile = &settings_of(sp).profile;
  if (read_stdin) stdin_path.profile = &settings_of(stdin_path).profile;

  if (args.show_files) {
    std::vector<std::string> shown;
    for (const SourcePath& sp : files) shown.push_back(sp.absolute);
    std::sort(shown.begin(), shown.end());
    for (const std::string& s : shown) std::cout << s << "\n";
    return 0;
  }
  if (args.show_settings) {
    const SourcePath* first = !files.empty() ? &files.front() : read_stdin ? &stdin_path : nullptr;
    if (!first) {
      std::cerr << "error: no Python file found to show the settings of\n";
      return 2;
    }
    std::cout << describe_settings(settings_of(*first), first->absolute);
    return 0;
  }

  LintOptions options;
  options.threads = args.threads;
  std::unique_ptr<Timing> timing;
  if (args.timing) {
    timing = std::make_unique<Timing>(*args.timing);
    options.timing = timing.get();
  }
  options.output.format = args.format;
  options.output.color = use_color();
  // `fix`, `unsafe-fixes` and `show-fixes` are the run's, read from the configuration of the
  // current directory (or --config), as Ruff reads them; the command line wins.
  bool show_fixes = false;
  bool hint_unsafe = true;
  try {
    const Settings& top = resolver.for_directory(fs::current_path());
    const bool fix = args.fix.value_or(top.fix.value_or(false)) || args.fix_only;
    options.fix.mode = args.diff ? FixOptions::Mode::Diff : fix ? FixOptions::Mode::Apply : FixOptions::Mode::Report;
    const std::optional<bool> unsafe = args.unsafe_fixes ? args.unsafe_fixes : top.unsafe_fixes;
    options.fix.unsafe = unsafe.value_or(false);
    hint_unsafe = !unsafe.has_value();
    show_fixes = args.show_fixes.value_or(top.show_fixes.value_or(false));
  } catch (const ConfigError& e) {
    config_error(e);
  }
  // The result cache: on unless fixes are applied or shown (they change the files).
  std::unique_ptr<ResultCache> cache;
  if (!args.no_cache && options.fix.mode == FixOptions::Mode::Report) {
    cache = std::make_unique<ResultCache>(cache_dir_of(args, resolver));
    // Each profile's part of the keys: its settings, its folder (relative patterns), the
    // content of every Python rule file loaded, and whether noqa rows are computed.
    KeyHasher run;
    run.add(static_cast<uint64_t>(args.format == OutputFormat::Json || args.format == OutputFormat::JsonLines));
    // A rule file may import helpers from its folder (`from ._helpers import x`): every Python
    // file in the folder of a rule file counts (not below it: a rule file at a project's root
    // would otherwise make every run read the whole project).
    std::set<std::string> rule_files;
    for (const PythonRuleInfo& r : python_rules) {
      rule_files.insert(r.path);
      std::error_code ec;
      const fs::path folder = fs::path(r.path).parent_path().empty() ? fs::path(".") : fs::path(r.path).parent_path();
      for (auto it = fs::directory_iterator(folder, ec); !ec && it != fs::directory_iterator(); it.increment(ec)) {
        if (it->path().extension() == ".py" && it->is_regular_file(ec)) rule_files.insert(it->path().string());
      }
    }
    for (const std::string& f : rule_files) {
      std::ifstream in(f, std::ios::binary);
      run.add(f).add(std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>()));
    }
    const CacheKey run_key = run.finish();
    for (Settings* s : resolver.loaded()) {
      KeyHasher extra;
      extra.add(run_key.high).add(run_key.low).add(s->root);
      s->profile.cache_key = profile_cache_key(s->profile, extra.finish());
    }
    options.cache = cache.get();
  }
  // The interpreter starts only when some configuration in use selects a Python rule, and runs
  // none that --no-python-rules keeps to reading.
  std::vector<const PythonRuleInfo*> python_selected;
  std::string not_run;
  for (const PythonRuleInfo& r : python_rules) {
    for (const Settings* s : resolver.loaded()) {
      if (s->profile.enabled(&r.spec)) {
        if (is_read_only_rule(r, configured)) {
          not_run += (not_run.empty() ? "" : ", ") + r.code;
        } else {
          python_selected.push_back(&r);
        }
        break;
      }
    }
  }
  if (!not_run.empty()) {
    std::string sources;
    for (const std::string& f : configured.read_only_sources) sources += (sources.empty() ? "" : ", ") + f;
    std::cerr << "warning: --no-python-rules: not running the Python rules " << not_run << " named by " << sources << "\n";
  }
  if (!python_selected.empty()) {
    try {
      options.python = &start_python_rules(python_selected, args.rule_timeout, configured.python_path, true);
    } catch (const PythonRuleError& e) {
      std::cerr << "error: " << e.message << "\n";
      return 2;
    }
  }

  std::vector<FileResult> results = lint_all(files, options);
  if (read_stdin) {
    std::string text;
    try {
      // At most what a file may hold, as files are read (output/standard_output.h).
      if (std::string err = read_standard_input(text, kMaxSourceSize); !err.empty()) {
        results.push_back(unreadable(stdin_path, options, err));
      } else {
        results.push_back(lint_source(stdin_path, std::move(text), options));
      }
    } catch (const std::exception& e) {
      FileResult r;
      r.warning = std::string("error: Failed to lint standard input: ") + e.what();
      r.internal_error = true;
      results.push_back(std::move(r));
    }
  }

  // With fixes on, standard input's fixed text goes to standard output, and the report to
  // standard error (as Ruff does); with --output-file, the report goes to that file.
  const bool fixing = options.fix.mode != FixOptions::Mode::Report;
  const bool show_violations = !args.fix_only && !args.diff;
  Summary summary;
  summary.hint_unsafe = hint_unsafe;
  summary.applying = options.fix.mode == FixOptions::Mode::Apply;
  summary.diff = options.fix.mode == FixOptions::Mode::Diff;
  summary.show_violations = show_violations;
  bool internal_error = false;
  // The files' rendered diagnostics, in order, as views of the results: copying them into one
  // string, and that into the report, made the report three times over at the end of the run
  // (with JSON output, the run's peak memory).
  std::vector<std::string_view> out;
  std::string diffs;
  std::vector<std::pair<std::string, const FixCounts*>> fixed_files;
  std::vector<std::pair<const SourcePath*, const std::vector<Reported>*>> documents;
  for (size_t i = 0; i < results.size(); ++i) {
    const FileResult& r = results[i];
    const SourcePath& sp = i < files.size() ? files[i] : stdin_path;
    if (r.diagnostics && !args.statistics && show_violations) {
      if (args.format == OutputFormat::Json && summary.remaining) out.push_back(json_separator());
      out.push_back(r.rendered);
      if (is_document_format(args.format)) documents.emplace_back(&sp, &r.reported);
    }
    summary.remaining += r.diagnostics;
    summary.fixable += r.fixable;
    summary.unsafe_hidden += r.unsafe_hidden;
    for (const auto& [rule, n] : r.fixed) summary.fixed += n;
    if (!r.fixed.empty()) fixed_files.emplace_back(sp.display, &r.fixed);
    if (!r.diff.empty()) diffs += r.diff + "\n";
    if (r.fixed_source_set) std::cout << r.fixed_source;
    internal_error |= r.internal_error;
    if (!r.warning.empty()) std::cerr << r.warning << "\n";
  }
  const bool text_format =
      args.format == OutputFormat::Full || args.format == OutputFormat::Concise || args.format == OutputFormat::Grouped;
  std::cout << diffs;
  std::string fix_table;
  if (show_fixes && text_format) {
    fix_table = render_fix_summary(options.output, fixed_files);
    if (!fix_table.empty()) fix_table = "\n" + fix_table + "\n";
  }
  // The report, as pieces written one after the other.
  std::deque<std::string> rendered;  // the pieces made here (a deque: views of them stay valid)
  std::vector<std::string_view> report;
  auto add = [&](std::string piece) { report.push_back(rendered.emplace_back(std::move(piece))); };
  if (args.statistics) {
    add(render_statistics(results, args.format));
    if (!args.quiet && text_format && summary.remaining) add(render_summary(options.output, summary));
  } else if (show_violations) {
    if (is_document_format(args.format)) {
      add(render_document(options.output, documents));
    } else {
      add(render_prefix(options.output, summary.remaining));
      report.insert(report.end(), out.begin(), out.end());
      report.push_back(fix_table);
      if (!args.quiet || args.format == OutputFormat::Json) add(render_summary(options.output, summary));
    }
  } else if (text_format && !args.quiet) {
    add(fix_table + render_summary(options.output, summary));
  }
  if (args.verbose && cache) {
    std::cerr << "lint: cache " << cache->dir().string() << ": " << cache->hits() << " files from the cache, "
              << cache->misses() << " linted\n";
  }
  if (!args.output_file.empty()) {
    // Written whole or not at all, as a fixed file is.
    size_t size = 0;
    for (std::string_view piece : report) size += piece.size();
    std::string whole;
    whole.reserve(size);
    for (std::string_view piece : report) whole += piece;
    if (std::string err = write_new_file(args.output_file, whole); !err.empty()) {
      std::cerr << "error: Failed to write " << args.output_file << ": " << err << "\n";
      return 2;
    }
  } else {
    std::ostream& stream = read_stdin && fixing ? std::cerr : std::cout;
    for (std::string_view piece : report) stream << piece;
  }
  std::cout.flush();
  if (timing) {
    const int threads = args.threads > 0 ? args.threads : static_cast<int>(std::thread::hardware_concurrency());
    timing->set_python(options.python != nullptr, python_started());
    std::cerr << timing->render(std::max(threads, 1));
  }
  std::cerr.flush();
  if (internal_error) return 2;
  if (args.exit_zero) return 0;
  if (args.diff) return summary.fixed ? 1 : 0;
  if (args.fix_only) return args.exit_non_zero_on_fix && summary.fixed ? 1 : 0;
  if (args.exit_non_zero_on_fix && summary.fixed) return 1;
  return summary.remaining ? 1 : 0;
}

}  // namespace

static int run_main(int argc, char** argv) {
  std::ios::sync_with_stdio(false);
  const Args args = parse_args(argc, argv);

  if (args.print_tree) {
    // Each file goes through the checks linting applies (FIFOs, devices, size, UTF-8, nesting);
    // one that fails them is named on standard error and the others are still printed.
    int status = 0;
    for (const SourcePath& sp : discover(args.paths, DiscoveryOptions{args.respect_gitignore.value_or(true), false, {}})) {
      const TreeDump dump = dump_tree(sp);
      if (!dump.error.empty()) {
        std::cerr << "error: " << dump.error << "\n";
        status = 1;
        continue;
      }
      std::cout << sp.display << ":\n" << dump.tree << "\n";
    }
    return status;
  }
  if (args.statistics && args.format == OutputFormat::JsonLines) {
    usage_error("`--statistics` supports the full, concise and json output formats, not json-lines");
  }

  ConfigOptions config;
  config.isolated = args.isolated;
  config.config_file = args.config_file;
  config.overrides = args.overrides;
  config.command_line = args.cli;
  config.respect_gitignore = args.respect_gitignore;
  std::unique_ptr<ConfigResolver> resolver;
  if (args.command == Command::Check || args.command == Command::Rule || args.command == Command::Rules ||
      args.command == Command::Clean) {
    try {
      resolver = std::make_unique<ConfigResolver>(config);
    } catch (const ConfigError& e) {
      config_error(e);
    }
  }

  if (args.command == Command::Check) return run_check(args, *resolver);
  if (args.command == Command::Clean) {
    fs::path dir;
    try {
      dir = cache_dir_of(args, *resolver);
    } catch (const ConfigError& e) {
      config_error(e);
    }
    for (const fs::path& p : clean_caches(fs::current_path(), dir)) {
      if (args.verbose) std::cerr << "lint: removed " << p.string() << "\n";
    }
    return 0;
  }

  // The other commands: Python rules from the shipped folder, --python-rules and (for `rule` and
  // `rules`) the configuration of the current directory.
  std::deque<PythonRuleInfo> python_rules;
  try {
    std::vector<std::string> rule_paths;
    if (args.command != Command::TestRules || args.paths.empty()) rule_paths = shipped_python_rules();
    if (args.command == Command::TestRules) rule_paths.insert(rule_paths.end(), args.paths.begin(), args.paths.end());
    rule_paths.insert(rule_paths.end(), args.python_rule_paths.begin(), args.python_rule_paths.end());
    if (args.command == Command::TestRules) {  // imports them: trusted as --python-rules is (config/trust.h)
      const TrustPolicy trust = trust_policy(args.no_python_rules);
      for (size_t i = rule_paths.size() - args.python_rule_paths.size() - args.paths.size(); i < rule_paths.size(); ++i) {
        if (std::string why = why_untrusted(rule_paths[i], trust); !why.empty()) {
          throw PythonRuleError{rule_paths[i] + ": refusing to run these Python rules: " + why + ". " + trust_hint()};
        }
      }
    }
    // `rule` and `rules` only read the rules of the configuration (lint's own parser): nothing runs.
    if (resolver) {
      const Settings& here = resolver->for_directory(fs::current_path());
      if (here.python_rules) rule_paths.insert(rule_paths.end(), here.python_rules->begin(), here.python_rules->end());
    }
    python_rules = register_python_rules(rule_paths);
  } catch (const ConfigError& e) {
    config_error(e);
  } catch (const PythonRuleError& e) {
    std::cerr << "error: " << e.message << "\n";
    return 2;
  } catch (const std::exception& e) {
    std::cerr << "error: " << e.what() << "\n";
    return 2;
  }
  switch (args.command) {
    case Command::TestRules: return test_rules(python_rules, args.rule_timeout);
    case Command::Rule: return show_rule(args.paths.front(), args.format, python_rules);
    case Command::Rules: return list_rules(args.format);
    case Command::Check:
    case Command::Clean: break;
  }
  return 0;
}

int main(int argc, char** argv) {
  prepare_standard_streams();  // before anything opens a file
  return finish_standard_output(run_main(argc, argv));
}
