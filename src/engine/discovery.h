// Finding the Python files to lint.
#pragma once

#include <array>
#include <filesystem>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace lint {

struct LintProfile;

// How to walk the entries of one directory: the settings of the configuration governing it.
struct WalkPolicy {
  bool respect_gitignore = true;
  // Whether an entry (file or directory) is excluded, by its absolute path and its name; unset:
  // the default excludes (directories only).
  std::function<bool(std::string_view absolute, std::string_view name)> excluded;
  // `extension`: more file suffixes to lint (without the dot), each as "python", "pyi" or
  // "ipynb"; `.py`, `.pyi` and `.ipynb` always are.
  std::vector<std::pair<std::string, std::string>> extensions;
  // The folder the configuration is rooted at (its patterns are relative to it): --force-exclude
  // looks no higher. Empty: no limit.
  std::string root;
};

struct DiscoveryOptions {
  bool respect_gitignore = true;  // with no policy
  // --force-exclude: `exclude` applies to paths named on the command line too (each path and
  // its parents up to the configuration's root are matched), as Ruff's; pre-commit passes files
  // one by one and expects that.
  bool force_exclude = false;
  // The policy for the entries of a directory (absolute, normalized); unset: respect_gitignore
  // and the default excludes everywhere.
  std::function<const WalkPolicy&(const std::filesystem::path& dir)> policy;
};

struct SourcePath {
  std::string path;     // as given or as found below a given directory: what to open
  std::string display;  // relative to the current directory where possible, for text output
  std::string absolute; // for JSON output
  bool is_stdin = false;
  bool notebook = false;  // a Jupyter notebook (.ipynb, or a suffix `extension` maps to ipynb)
  const LintProfile* profile = nullptr;  // the rules and settings to lint it with
};

// Ruff's default `exclude`, plus `__pycache__` and `build`: never descended into.
inline constexpr std::array<std::string_view, 27> kDefaultExcludes = {
    ".bzr", ".direnv", ".eggs", ".git", ".git-rewrite", ".hg", ".ipynb_checkpoints", ".mypy_cache",
    ".nox", ".pants.d", ".pyenv", ".pytest_cache", ".pytype", ".ruff_cache", ".svn", ".tox", ".venv",
    ".vscode", "__pycache__", "__pypackages__", "_build", "buck-out", "build", "dist", "node_modules",
    "site-packages", "venv",
};

// How a file is linted by its suffix: "python" (.py), "pyi", "ipynb", or "" (not a Python file).
std::string_view language_of(const std::filesystem::path& p,
                             const std::vector<std::pair<std::string, std::string>>& extensions = {});

// Whether a directory name is among kDefaultExcludes.
bool is_default_excluded(std::string_view name);

// Expands the command-line paths: directories are searched recursively for *.py and *.pyi,
// skipping default excludes and what git ignores (.gitignore files at any depth, negations,
// .git/info/exclude, core.excludesFile), judged by libgit2. Files named explicitly are always
// kept, whatever their name. Paths that do not exist are kept too, so that reading them reports
// the error. The result is sorted and free of duplicates.
std::vector<SourcePath> discover(const std::vector<std::string>& paths, const DiscoveryOptions& options);

// The display form of a path: relative to the current directory when below it.
std::string display_path(const std::string& absolute);

}  // namespace lint
