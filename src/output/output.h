// Rendering diagnostics: full (Ruff's layout), concise, json and json-lines.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "engine/diagnostic.h"
#include "engine/discovery.h"
#include "fix/apply.h"
#include "notebook/notebook.h"

namespace lint {

enum class OutputFormat {
  Full, Concise, Json, JsonLines,
  // CI formats, as Ruff writes them
  Github, Gitlab, Pylint, Grouped, Azure, Junit, Sarif, Rdjson,
};

// The formats that are one document for the whole run (GitLab's and rdjson's JSON, JUnit XML,
// SARIF): files give their diagnostics as Reported records and render_document() writes it.
bool is_document_format(OutputFormat f);

// The names `--output-format` accepts, for messages.
std::string_view output_format_names();

bool parse_output_format(std::string_view name, OutputFormat& out);

struct OutputOptions {
  OutputFormat format = OutputFormat::Full;
  bool color = false;
};

// A diagnostic as the document formats need it, computed in the worker that linted the file.
struct ReportedEdit {
  Location start, end;
  std::string content;
};
struct Reported {
  const RuleSpec* rule = nullptr;  // null: a syntax error
  std::string message;
  Location start, end;
  std::string fix_title;
  std::optional<Applicability> applicability;  // the fix's, when it has one
  std::vector<ReportedEdit> edits;
};

// The diagnostics of one file, sorted, with the text they point into (for snippets).
struct FileReport {
  const SourcePath* path = nullptr;
  std::vector<Diagnostic> diagnostics;
};

// What the formats need to show fixes: the text the diagnostics point into and which fixes apply.
struct RenderContext {
  std::string_view source;  // the text after a byte order mark, as the rules saw it
  Applicability required = Applicability::Safe;  // a fix at this level or above applies
  bool show_fix_status = true;  // mark applicable fixes with `[*]` (not when fixes were applied)
  // A notebook's cells: rows are shown per cell (`cell 2:3:5`), as Ruff shows them.
  const CellIndex* cells = nullptr;
};

// Renders one file's diagnostics in the chosen format. For JSON, each diagnostic becomes one
// element; elements are separated by ",\n" when the caller joins files. `lines` may be null
// when the file could not be read (no snippet is shown); `context` null shows no fix.
std::string render_file(const OutputOptions& options, const SourcePath& path, const std::vector<Diagnostic>& diagnostics,
                        const LineIndex* lines, const RenderContext* context = nullptr);

// What the summary of text formats counts.
struct Summary {
  size_t remaining = 0;      // diagnostics reported
  size_t fixed = 0;          // fixes applied (--fix) or that would be (--diff)
  size_t fixable = 0;        // reported diagnostics whose fix applies
  size_t unsafe_hidden = 0;  // ... whose unsafe fix --unsafe-fixes would apply
  bool hint_unsafe = true;   // neither --unsafe-fixes nor --no-unsafe-fixes (nor the setting) given
  bool applying = false;     // --fix or --fix-only: fixes were applied
  bool diff = false;         // --diff
  bool show_violations = true;  // not --fix-only / --diff: diagnostics were printed
};

// One file's diagnostics as records for render_document().
std::vector<Reported> reported(const std::vector<Diagnostic>& diagnostics, const LineIndex* lines);

// A whole-run document (is_document_format) of every file's diagnostics, files in order.
std::string render_document(const OutputOptions& options,
                            const std::vector<std::pair<const SourcePath*, const std::vector<Reported>*>>& files);

// Everything printed after the diagnostics (the summary lines of text formats).
std::string render_summary(const OutputOptions& options, size_t count);
std::string render_summary(const OutputOptions& options, const Summary& summary);

// `--show-fixes`: the fixes applied, per file and rule (Ruff's "Fixed N errors:" table). The
// files are (display path, counts), in any order.
std::string render_fix_summary(const OutputOptions& options,
                               const std::vector<std::pair<std::string, const FixCounts*>>& files);

// JSON consumers get the array brackets from these.
std::string render_prefix(const OutputOptions& options, size_t count);
std::string_view json_separator();

}  // namespace lint
