// The `lint` command line.
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <string>
#include <vector>

#include <deque>
#include <nlohmann/json.hpp>

#include "discovery.h"
#include "python/python_rules.h"
#include "linter.h"
#include "registry.h"
#include "selection.h"
#include "syntax.h"
#include "version.h"

namespace {

using namespace lint;

constexpr const char* kUsage = R"(lint: a fast Python linter, compatible with Ruff's rules and output

Usage: lint [check] [OPTIONS] [PATH ...]

Lints the Python files (*.py, *.pyi) found under each PATH (default: the current directory).
Directories such as .git, .venv, __pycache__, build and site-packages are skipped, and so is
whatever git ignores. A file named on the command line is always linted. `-` reads standard input.

Rule selection (codes, prefixes such as E7 or F, rule names, or ALL; comma-separated, repeatable):
      --select RULES         Use exactly these rules instead of the default (E4, E7, E9, F)
      --extend-select RULES  Add rules to the selection
      --ignore RULES         Remove rules from the selection; the more specific selector wins

Output:
      --output-format FORMAT full (default: source snippets), concise (path:row:col: CODE message),
                             json (Ruff's JSON schema), json-lines (one JSON object per line)
  -q, --quiet                Print diagnostics only, without the summary line
      --exit-zero            Exit with 0 even when diagnostics were found

Input:
      --stdin-filename NAME  The file name to report for standard input (with `-`)
      --no-respect-gitignore Lint files that .gitignore files would exclude
      --threads N            Lint N files at a time (default: every core)

Python rules (see the README, "Writing a rule in Python"):
      --python-rules PATH    Load rules from a .py file or a folder of them (repeatable), besides
                             the ones shipped in python_rules/; select them by code like any rule
      --print-tree           Print each file's syntax tree (tree-sitter S-expression) and exit

  lint test-rules [PATH ...] Check each Python rule's VALID and INVALID examples (the shipped
                             rules, or those in PATH) and report per rule

Compatibility (accepted, no effect yet):
      --isolated, --no-cache

  -h, --help                 Print this help
  -V, --version              Print the version

Exit status: 0 when nothing was found, 1 when diagnostics were found (syntax errors included),
2 for a usage error or an internal error. Colour is used only on a terminal and never when
NO_COLOR is set.
)";

struct Args {
  std::vector<std::string> paths;
  RuleSelection selection;
  OutputFormat format = OutputFormat::Full;
  bool quiet = false;
  bool exit_zero = false;
  bool respect_gitignore = true;
  std::string stdin_filename;
  int threads = 0;
  bool print_tree = false;
  bool test_rules = false;                   // `lint test-rules [PATH ...]`
  std::vector<std::string> python_rule_paths;  // --python-rules, in addition to the shipped ones
};

[[noreturn]] void usage_error(const std::string& message) {
  std::cerr << "error: " << message << "\n\nFor more information, try `lint --help`.\n";
  std::exit(2);
}

Args parse_args(int argc, char** argv) {
  Args args;
  std::vector<std::string> argv_list(argv + 1, argv + argc);
  if (!argv_list.empty() && argv_list.front() == "check") {
    argv_list.erase(argv_list.begin());
  } else if (!argv_list.empty() && argv_list.front() == "test-rules") {
    argv_list.erase(argv_list.begin());
    args.test_rules = true;
  }
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
    if (arg == "-h" || arg == "--help") {
      std::cout << kUsage;
      std::exit(0);
    } else if (arg == "-V" || arg == "--version") {
      std::cout << "lint " << LINT_VERSION << "\n";
      std::exit(0);
    } else if (arg == "--select") {
      if (!args.selection.select) args.selection.select.emplace();
      for (auto& s : split_selectors(take())) args.selection.select->push_back(s);
    } else if (arg == "--extend-select") {
      for (auto& s : split_selectors(take())) args.selection.extend_select.push_back(s);
    } else if (arg == "--ignore") {
      for (auto& s : split_selectors(take())) args.selection.ignore.push_back(s);
    } else if (arg == "--output-format") {
      const std::string f = take();
      if (!parse_output_format(f, args.format)) {
        usage_error("invalid value `" + f + "` for `--output-format` (possible values: full, concise, json, json-lines)");
      }
    } else if (arg == "--threads") {
      const std::string t = take();
      char* end = nullptr;
      const long n = std::strtol(t.c_str(), &end, 10);
      if (t.empty() || *end != '\0' || n < 1 || n > 1024) usage_error("invalid value `" + t + "` for `--threads` (a number from 1 to 1024)");
      args.threads = static_cast<int>(n);
    } else if (arg == "--stdin-filename") {
      args.stdin_filename = take();
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
    } else if (arg == "--print-tree") {
      args.print_tree = true;
    } else if (arg == "--isolated" || arg == "--no-cache") {
      // Accepted so that Ruff command lines work unchanged: lint reads no configuration and keeps no cache yet.
    } else {
      usage_error("unexpected argument `" + arg + "`");
    }
    if (has_inline && (arg == "-q" || arg == "--quiet" || arg == "--exit-zero" || arg == "--isolated" ||
                       arg == "--no-cache" || arg == "--no-respect-gitignore" || arg == "--respect-gitignore")) {
      usage_error("option `" + arg + "` takes no value");
    }
  }
  if (args.paths.empty() && !args.test_rules) args.paths.push_back(".");
  return args;
}

// `lint test-rules`: every rule's VALID examples must produce nothing from it, every INVALID
// example at least one diagnostic of its code (at the pinned row, column and message, if any).
int test_rules(const std::deque<PythonRuleInfo>& rules) {
  if (rules.empty()) {
    std::cerr << "error: no Python rules found\n";
    return 2;
  }
  std::vector<const PythonRuleInfo*> all;
  for (const PythonRuleInfo& r : rules) all.push_back(&r);
  PythonRules* python = nullptr;
  try {
    python = &start_python_rules(all);
  } catch (const PythonRuleError& e) {
    std::cerr << "error: " << e.message << "\n";
    return 2;
  }
  LintOptions options;
  options.threads = 1;
  options.output.format = OutputFormat::JsonLines;
  options.python = python;
  DispatchTable table({});
  int failed_rules = 0, passed_rules = 0;
  for (const PythonRuleInfo& rule : rules) {
    const RuleExamples examples = rule_examples(rule);
    std::vector<std::string> problems;
    auto lint_example = [&](const std::string& code, std::vector<nlohmann::json>& found, std::string& errors) {
      SourcePath sp;
      sp.path = sp.display = sp.absolute = "<example>";
      FileResult r = lint_source(sp, code, table, options);
      errors = r.warning;
      size_t pos = 0;
      while (pos < r.rendered.size()) {
        size_t end = r.rendered.find('\n', pos);
        if (end == std::string::npos) end = r.rendered.size();
        nlohmann::json j = nlohmann::json::parse(r.rendered.substr(pos, end - pos));
        if (j["code"].is_string() && j["code"].get<std::string>() == rule.code) found.push_back(j);
        if (j["code"].is_null()) problems.push_back("example does not parse: " + code);
        pos = end + 1;
      }
    };
    for (const RuleExample& ex : examples.valid) {
      std::vector<nlohmann::json> found;
      std::string errors;
      lint_example(ex.source, found, errors);
      if (!errors.empty()) problems.push_back(errors);
      for (const auto& d : found) {
        problems.push_back("VALID example reported at " + std::to_string(d["location"]["row"].get<int>()) + ":" +
                           std::to_string(d["location"]["column"].get<int>()) + " (" + d["message"].get<std::string>() +
                           "):\n    " + ex.source);
      }
    }
    for (const RuleExample& ex : examples.invalid) {
      std::vector<nlohmann::json> found;
      std::string errors;
      lint_example(ex.source, found, errors);
      if (!errors.empty()) problems.push_back(errors);
      const bool hit = std::any_of(found.begin(), found.end(), [&](const nlohmann::json& d) {
        return (ex.row == 0 || d["location"]["row"].get<uint32_t>() == ex.row) &&
               (ex.column == 0 || d["location"]["column"].get<uint32_t>() == ex.column) &&
               (ex.message.empty() || d["message"].get<std::string>() == ex.message);
      });
      if (!hit) {
        std::string want = rule.code;
        if (ex.row) want += " at " + std::to_string(ex.row) + ":" + std::to_string(ex.column);
        if (!ex.message.empty()) want += " \"" + ex.message + "\"";
        problems.push_back("INVALID example did not report " + want + ":\n    " + ex.source);
      }
    }
    const size_t count = examples.valid.size() + examples.invalid.size();
    if (problems.empty() && count > 0) {
      ++passed_rules;
      std::cout << "ok   " << rule.code << " " << rule.name << " (" << examples.valid.size() << " valid, "
                << examples.invalid.size() << " invalid)\n";
    } else {
      ++failed_rules;
      std::cout << "FAIL " << rule.code << " " << rule.name << " (" << rule.path << ":" << rule.line << ")\n";
      if (count == 0) std::cout << "    no VALID or INVALID examples\n";
      for (const std::string& p : problems) std::cout << "    " << p << "\n";
    }
  }
  std::cout << passed_rules << " passed, " << failed_rules << " failed\n";
  return failed_rules ? 1 : 0;
}

bool use_color() {
  const char* no_color = std::getenv("NO_COLOR");
  if (no_color && *no_color) return false;
  const char* force = std::getenv("FORCE_COLOR");
  if (force && *force) return true;
  return ::isatty(STDOUT_FILENO) == 1;
}

}  // namespace

int main(int argc, char** argv) {
  std::ios::sync_with_stdio(false);
  const Args args = parse_args(argc, argv);

  if (args.print_tree) {
    Parser parser;
    for (const SourcePath& sp : discover(args.paths, DiscoveryOptions{args.respect_gitignore})) {
      std::ifstream in(sp.path, std::ios::binary);
      const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
      Tree tree = parser.parse(text);
      char* s = ts_node_string(ts_tree_root_node(tree.get()));
      std::cout << sp.display << ":\n" << s << "\n";
      std::free(s);
    }
    return 0;
  }

  // Python rules take part in selection by their codes, found without starting Python.
  std::deque<PythonRuleInfo> python_rules;
  try {
    std::vector<std::string> rule_paths;
    if (!args.test_rules || args.paths.empty()) {
      std::error_code ec;
      if (std::filesystem::is_directory(LINT_PYTHON_RULES_DIR, ec)) rule_paths.push_back(LINT_PYTHON_RULES_DIR);
    }
    if (args.test_rules) rule_paths.insert(rule_paths.end(), args.paths.begin(), args.paths.end());
    rule_paths.insert(rule_paths.end(), args.python_rule_paths.begin(), args.python_rule_paths.end());
    python_rules = scan_python_rules(rule_paths);
    for (const PythonRuleInfo& r : python_rules) register_rule(&r.spec);
  } catch (const PythonRuleError& e) {
    std::cerr << "error: " << e.message << "\n";
    return 2;
  } catch (const std::exception& e) {
    std::cerr << "error: " << e.what() << "\n";
    return 2;
  }
  if (args.test_rules) return test_rules(python_rules);

  LintOptions options;
  options.threads = args.threads;
  options.output.format = args.format;
  options.output.color = use_color();
  try {
    options.rules = resolve(args.selection);
  } catch (const SelectionError& e) {
    usage_error(e.message);
  }
  // Native rules go to the dispatch table; selected Python rules start the interpreter.
  std::vector<const PythonRuleInfo*> python_selected;
  for (const PythonRuleInfo& r : python_rules) {
    if (std::find(options.rules.begin(), options.rules.end(), &r.spec) != options.rules.end()) python_selected.push_back(&r);
  }
  std::erase_if(options.rules, [](const RuleSpec* r) { return r->python; });
  if (!python_selected.empty()) {
    try {
      options.python = &start_python_rules(python_selected);
    } catch (const PythonRuleError& e) {
      std::cerr << "error: " << e.message << "\n";
      return 2;
    }
  }
  std::unique_ptr<DispatchTable> table;
  try {
    table = std::make_unique<DispatchTable>(options.rules);
  } catch (const std::exception& e) {
    std::cerr << "error: " << e.what() << "\n";
    return 2;
  }

  // Standard input is linted on the main thread; files in parallel.
  std::vector<SourcePath> files;
  std::vector<std::string> to_discover;
  bool read_stdin = false;
  for (const std::string& p : args.paths) {
    if (p == "-") read_stdin = true;
    else to_discover.push_back(p);
  }
  if (!to_discover.empty()) files = discover(to_discover, DiscoveryOptions{args.respect_gitignore});
  std::sort(files.begin(), files.end(), [](const SourcePath& a, const SourcePath& b) { return a.display < b.display; });

  std::vector<FileResult> results = lint_all(files, *table, options);
  if (read_stdin) {
    SourcePath sp;
    sp.is_stdin = true;
    sp.path = "-";
    sp.display = args.stdin_filename.empty() ? "-" : args.stdin_filename;
    sp.absolute = args.stdin_filename.empty() ? "-" : std::filesystem::absolute(args.stdin_filename).lexically_normal().string();
    std::string text((std::istreambuf_iterator<char>(std::cin)), std::istreambuf_iterator<char>());
    try {
      results.push_back(lint_source(sp, std::move(text), *table, options));
    } catch (const std::exception& e) {
      FileResult r;
      r.warning = std::string("error: Failed to lint standard input: ") + e.what();
      r.internal_error = true;
      results.push_back(std::move(r));
    }
  }

  size_t count = 0;
  bool internal_error = false;
  std::string out = "";
  for (const FileResult& r : results) {
    if (r.diagnostics) {
      if (args.format == OutputFormat::Json && count) out += json_separator();
      out += r.rendered;
    }
    count += r.diagnostics;
    internal_error |= r.internal_error;
    if (!r.warning.empty()) std::cerr << r.warning << "\n";
  }
  std::cout << render_prefix(options.output, count) << out;
  if (!args.quiet || args.format == OutputFormat::Json) std::cout << render_summary(options.output, count);
  std::cout.flush();
  if (internal_error) return 2;
  if (count && !args.exit_zero) return 1;
  return 0;
}
