// The CI formats written a file at a time (GitHub, Azure, Pylint, grouped); the whole-run ones
// are in output.h (render_document).
#pragma once

#include <string>
#include <vector>

#include "engine/diagnostic.h"
#include "engine/discovery.h"
#include "output/output.h"

namespace lint {

// One file's diagnostics in a line format. `show_fix_status`: mark fixes that apply at
// `required` with `[*]` (grouped only, as Ruff).
std::string render_line_format(OutputFormat format, const SourcePath& path, const std::vector<Diagnostic>& diagnostics,
                               bool show_fix_status, Applicability required);

}  // namespace lint
