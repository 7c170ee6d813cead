// Rendering diagnostics: full (Ruff's layout), concise, json and json-lines.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "engine/diagnostic.h"
#include "engine/discovery.h"
#include "fix/apply.h"

namespace lint {

enum class OutputFormat { Full, Concise, Json, JsonLines };

bool parse_output_format(std::string_view name, OutputFormat& out);

struct OutputOptions {
  OutputFormat format = OutputFormat::Full;
  bool color = false;
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
