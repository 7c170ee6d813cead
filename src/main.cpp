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

#include "discovery.h"
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

Rule authors:
      --print-tree           Print each file's syntax tree (tree-sitter S-expression) and exit

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
};

[[noreturn]] void usage_error(const std::string& message) {
  std::cerr << "error: " << message << "\n\nFor more information, try `lint --help`.\n";
  std::exit(2);
}

Args parse_args(int argc, char** argv) {
  Args args;
  std::vector<std::string> argv_list(argv + 1, argv + argc);
  if (!argv_list.empty() && argv_list.front() == "check") argv_list.erase(argv_list.begin());
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
  if (args.paths.empty()) args.paths.push_back(".");
  return args;
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

  LintOptions options;
  options.threads = args.threads;
  options.output.format = args.format;
  options.output.color = use_color();
  try {
    options.rules = resolve(args.selection);
  } catch (const SelectionError& e) {
    usage_error(e.message);
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
