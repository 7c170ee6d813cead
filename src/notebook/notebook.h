// Jupyter notebooks (.ipynb), linted as Ruff lints them: the Python code cells joined into one
// source, each followed by a newline, and diagnostics reported per cell.
//
// A cell takes part when it is a code cell, in Python (VS Code's `languageId`, when present), and
// not run by a cell magic in another language (`%%bash`, `%%html`...; `%%time`, `%%timeit`,
// `%%capture` and the like run Python and take part). IPython's escape commands (`%matplotlib
// inline`, `!pip install x`, `x = !ls`, `obj?`) are not Python: the parser sees a placeholder of
// the same length instead, and rules skip them (Context::is_escape_command).
//
// Fixes are written back into the cells' `source` values only: the rest of the notebook's JSON
// (outputs, metadata, formatting, key order) keeps its bytes.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "syntax/source.h"

namespace lint {

class Notebook {
 public:
  // Reads a notebook's JSON; on failure returns nothing and sets `error` to Ruff's message.
  static std::optional<Notebook> parse(std::string json, std::string& error);

  // The Python of the notebook: every code cell that takes part, each followed by "\n".
  const std::string& source() const { return source_; }
  // Byte offsets into source() where each code cell starts, and one past the last.
  const std::vector<uint32_t>& cell_offsets() const { return cell_offsets_; }
  // Whether the notebook is in Python: its `language_info.name`, else its kernel's language, says
  // so (or neither is given). Ruff skips other notebooks (R, Julia...) without a word.
  bool is_python() const { return python_; }
  // Each code cell's number among all cells (1-based, as Jupyter numbers them).
  const std::vector<uint32_t>& cell_numbers() const { return cell_numbers_; }
  // The file's JSON.
  const std::string& json() const { return json_; }
  // The notebook's JSON with the code cells' sources replaced by the cells of `new_source` (a
  // source() after fixes, whose cells start at `new_offsets`; see move_offsets()); nothing else
  // in the JSON changes.
  std::string with_source(std::string_view new_source, const std::vector<uint32_t>& new_offsets) const;

  // The escape commands of source(): [start, end) byte ranges, sorted.
  const std::vector<std::pair<uint32_t, uint32_t>>& escape_commands() const { return escapes_; }

 private:
  std::string json_;
  std::string source_;
  std::vector<uint32_t> cell_offsets_;
  std::vector<uint32_t> cell_numbers_;
  // Where each code cell's `source` value sits in json_, and whether it is an array of lines.
  struct SourceSpan {
    size_t start = 0, end = 0;
    bool array = false;
    std::string indent, close_indent;  // of the array's elements and closing bracket ("": one line)
  };
  std::vector<SourceSpan> spans_;
  std::vector<std::pair<uint32_t, uint32_t>> escapes_;
  bool python_ = true;
};

// A notebook's rows: which cell a row of source() is in, and its row within the cell.
class CellIndex {
 public:
  // `source`: a notebook's joined cells; `offsets`: where each cell starts (and the end);
  // `numbers`: each cell's number.
  CellIndex(std::string_view source, const std::vector<uint32_t>& offsets, const std::vector<uint32_t>& numbers);
  // The cell (1-based, counting every cell of the notebook, as Jupyter numbers them) of a row.
  uint32_t cell(uint32_t row) const;
  // The row within its cell.
  uint32_t cell_row(uint32_t row) const;
  // The first and last row (of source()) of the cell holding `row`.
  std::pair<uint32_t, uint32_t> cell_rows(uint32_t row, uint32_t last_row) const;

 private:
  size_t find(uint32_t row) const;
  std::vector<uint32_t> start_rows_;  // first row of each code cell
  std::vector<uint32_t> cells_;       // its 1-based cell number
};

// The cell offsets of a text after edits: each offset moves with the text before it (an
// offset inside a replaced range goes to the end of the replacement).
struct OffsetEdit {
  uint32_t start, end, length;  // the range replaced and the replacement's length
};
std::vector<uint32_t> move_offsets(const std::vector<uint32_t>& offsets, const std::vector<OffsetEdit>& edits);

// Replaces each IPython escape command of `source` (a notebook's joined cells) with a
// placeholder of the same length that parses as an expression; fills `ranges` with them. Returns
// "" when there is none.
std::string mask_escape_commands(std::string_view source, std::vector<std::pair<uint32_t, uint32_t>>& ranges);

}  // namespace lint
