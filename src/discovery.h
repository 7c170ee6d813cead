// Finding the Python files to lint.
#pragma once

#include <string>
#include <vector>

namespace lint {

struct DiscoveryOptions {
  bool respect_gitignore = true;
};

struct SourcePath {
  std::string path;     // as given or as found below a given directory: what to open
  std::string display;  // relative to the current directory where possible, for text output
  std::string absolute; // for JSON output
  bool is_stdin = false;
};

// Directories never descended into (as Ruff's default `exclude`, plus `build`).
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
