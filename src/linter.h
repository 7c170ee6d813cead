// Linting files: read, parse, walk, collect diagnostics; in parallel across files.
#pragma once

#include <string>
#include <vector>

#include "diagnostic.h"
#include "discovery.h"
#include "output.h"
#include "traversal.h"

namespace lint {

struct LintOptions {
  std::vector<const RuleSpec*> rules;  // the enabled native rules
  int threads = 0;                     // 0: every core
  OutputOptions output;
  PythonRules* python = nullptr;       // the selected Python rules, if any
};

struct FileResult {
  size_t diagnostics = 0;
  std::string rendered;  // this file's diagnostics in the output format
  std::string warning;   // printed on standard error (e.g. an unreadable file when E902 is off)
  bool internal_error = false;  // the file could not be linted, or a Python rule raised
};

// Lints one file's text (already read): parse, syntax error, walk, sort, render.
FileResult lint_source(const SourcePath& path, std::string text, const DispatchTable& table, const LintOptions& options);

// Reads and lints one file; an unreadable or non-UTF-8 file yields E902 (when enabled).
FileResult lint_path(const SourcePath& path, const DispatchTable& table, const LintOptions& options);

// Lints every file, in parallel; results are in the order of `paths`.
std::vector<FileResult> lint_all(const std::vector<SourcePath>& paths, const DispatchTable& table,
                                 const LintOptions& options);

}  // namespace lint
