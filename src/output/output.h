// Rendering diagnostics: full (Ruff's layout), concise, json and json-lines.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "engine/diagnostic.h"
#include "engine/discovery.h"

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

// Renders one file's diagnostics in the chosen format. For JSON, each diagnostic becomes one
// element; elements are separated by ",\n" when the caller joins files. `lines` may be null
// when the file could not be read (no snippet is shown).
std::string render_file(const OutputOptions& options, const SourcePath& path, const std::vector<Diagnostic>& diagnostics,
                        const LineIndex* lines);

// Everything printed after the diagnostics (the summary line of text formats).
std::string render_summary(const OutputOptions& options, size_t count);

// JSON consumers get the array brackets from these.
std::string render_prefix(const OutputOptions& options, size_t count);
std::string_view json_separator();

}  // namespace lint
