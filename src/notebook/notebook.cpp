#include "notebook/notebook.h"

#include <algorithm>
#include <array>
#include <nlohmann/json.hpp>
#include <sstream>

namespace lint {

namespace {

// Line magics whose cell is not Python: a cell starting with one of them (not as an
// assignment target) is left out, as Ruff leaves it out.
constexpr std::array kShellLineMagics = {
    "alias",     "alias_magic", "autoawait", "autocall",   "automagic",   "bookmark",   "cd",        "code_wrap",
    "colors",    "conda",       "config",    "debug",      "dhist",       "dirs",       "doctest_mode", "edit",
    "env",       "gui",         "history",   "killbgscripts", "load",      "load_ext",   "loadpy",    "logoff",
    "logon",     "logstart",    "logstate",  "logstop",    "lsmagic",     "macro",      "magic",     "mamba",
    "matplotlib", "micromamba", "notebook",  "page",       "pastebin",    "pdb",        "pdef",      "pdoc",
    "pfile",     "pinfo",       "pinfo2",    "pip",        "popd",        "pprint",     "precision", "prun",
    "psearch",   "psource",     "pushd",     "pwd",        "pycat",       "pylab",      "quickref",  "recall",
    "rehashx",   "reload_ext",  "rerun",     "reset",      "reset_selective", "run",    "save",      "sc",
    "set_env",   "sx",          "system",    "tb",         "time",        "timeit",     "unalias",   "unload_ext",
    "who",       "who_ls",      "whos",      "xdel",       "xmode",
};

// Cell magics that run their cell as Python.
constexpr std::array kPythonCellMagics = {"capture", "debug", "ipytest", "prun", "pypy", "python", "python3", "time", "timeit"};

std::vector<std::string_view> tokens_of(std::string_view line) {
  std::vector<std::string_view> out;
  size_t i = 0;
  while (i < line.size()) {
    while (i < line.size() && std::isspace(static_cast<unsigned char>(line[i]))) ++i;
    const size_t start = i;
    while (i < line.size() && !std::isspace(static_cast<unsigned char>(line[i]))) ++i;
    if (i > start) out.push_back(line.substr(start, i - start));
  }
  return out;
}

bool is_magic_cell(const std::vector<std::string>& lines) {
  if (lines.empty()) return false;
  const auto first = tokens_of(lines.front());
  if (!first.empty() && std::find(kShellLineMagics.begin(), kShellLineMagics.end(), first[0]) != kShellLineMagics.end()) {
    static constexpr std::array kAssign = {"=", "+=", "-=", "*=", "/=", "//=", "%=", "**=", "&=", "|=", "^="};
    if (first.size() < 2 || std::find(kAssign.begin(), kAssign.end(), first[1]) == kAssign.end()) return true;
  }
  for (const std::string& line : lines) {
    const auto t = tokens_of(line);
    if (t.empty() || t[0].size() < 2 || !t[0].starts_with("%%")) continue;
    const std::string_view command = t[0].substr(2);
    if (std::find(kPythonCellMagics.begin(), kPythonCellMagics.end(), command) == kPythonCellMagics.end()) return true;
  }
  return false;
}

// The lines of a text, each with its line ending (`\n`, `\r\n` or `\r`).
std::vector<std::string> split_keeping_ends(std::string_view text) {
  std::vector<std::string> out;
  size_t start = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\n' || text[i] == '\r') {
      if (text[i] == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++i;
      out.emplace_back(text.substr(start, i + 1 - start));
      start = i + 1;
    }
  }
  if (start < text.size()) out.emplace_back(text.substr(start));
  return out;
}

size_t count_lines(std::string_view text) { return split_keeping_ends(text).size(); }

// Where the `source` value of each cell sits in the notebook's JSON: a scan of the document's
// structure (iterative: nesting depth is the input's to choose).
struct Spans {
  std::vector<size_t> starts, ends;
  bool ok = true;
};

size_t skip_ws(std::string_view s, size_t i) {
  while (i < s.size() && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r')) ++i;
  return i;
}

size_t skip_string(std::string_view s, size_t i) {  // s[i] == '"'
  for (++i; i < s.size(); ++i) {
    if (s[i] == '\\') ++i;
    else if (s[i] == '"') return i + 1;
  }
  return std::string_view::npos;
}

// The end of the JSON value starting at s[i].
size_t skip_value(std::string_view s, size_t i) {
  if (i >= s.size()) return std::string_view::npos;
  if (s[i] == '"') return skip_string(s, i);
  if (s[i] != '[' && s[i] != '{') {
    while (i < s.size() && s[i] != ',' && s[i] != ']' && s[i] != '}' && !std::isspace(static_cast<unsigned char>(s[i]))) ++i;
    return i;
  }
  size_t depth = 0;
  for (; i < s.size(); ++i) {
    const char c = s[i];
    if (c == '"') {
      i = skip_string(s, i);
      if (i == std::string_view::npos) return i;
      --i;
    } else if (c == '[' || c == '{') {
      ++depth;
    } else if (c == ']' || c == '}') {
      if (--depth == 0) return i + 1;
    }
  }
  return std::string_view::npos;
}

// For each element of the top-level "cells" array, the span of its "source" value (npos when
// it has none).
std::vector<std::pair<size_t, size_t>> source_spans(std::string_view s) {
  std::vector<std::pair<size_t, size_t>> out;
  size_t i = skip_ws(s, 0);
  if (i >= s.size() || s[i] != '{') return out;
  ++i;
  while (true) {
    i = skip_ws(s, i);
    if (i >= s.size() || s[i] == '}') return out;
    if (s[i] == ',') {
      ++i;
      continue;
    }
    if (s[i] != '"') return out;
    const size_t key_end = skip_string(s, i);
    if (key_end == std::string_view::npos) return out;
    const std::string_view key = s.substr(i + 1, key_end - i - 2);
    i = skip_ws(s, key_end);
    if (i >= s.size() || s[i] != ':') return out;
    i = skip_ws(s, i + 1);
    if (key == "cells" && i < s.size() && s[i] == '[') {
      ++i;
      while (true) {
        i = skip_ws(s, i);
        if (i >= s.size() || s[i] == ']') break;
        if (s[i] == ',') {
          ++i;
          continue;
        }
        // One cell: find its "source".
        std::pair<size_t, size_t> span{std::string_view::npos, std::string_view::npos};
        if (s[i] == '{') {
          size_t j = i + 1;
          while (true) {
            j = skip_ws(s, j);
            if (j >= s.size() || s[j] == '}') break;
            if (s[j] == ',') {
              ++j;
              continue;
            }
            if (s[j] != '"') return {};
            const size_t kend = skip_string(s, j);
            if (kend == std::string_view::npos) return {};
            const std::string_view k = s.substr(j + 1, kend - j - 2);
            j = skip_ws(s, kend);
            if (j >= s.size() || s[j] != ':') return {};
            j = skip_ws(s, j + 1);
            const size_t vend = skip_value(s, j);
            if (vend == std::string_view::npos) return {};
            if (k == "source") span = {j, vend};
            j = vend;
          }
        }
        out.push_back(span);
        i = skip_value(s, i);
        if (i == std::string_view::npos) return {};
      }
      return out;
    }
    i = skip_value(s, i);
    if (i == std::string_view::npos) return out;
  }
}

// The whitespace before s[i] on its line.
std::string indent_before(std::string_view s, size_t i) {
  size_t j = i;
  while (j > 0 && (s[j - 1] == ' ' || s[j - 1] == '\t')) --j;
  if (j > 0 && s[j - 1] != '\n') return "";
  return std::string(s.substr(j, i - j));
}

std::string json_string(std::string_view text) {
  return nlohmann::json(std::string(text)).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace

std::optional<Notebook> Notebook::parse(std::string json, std::string& error) {
  nlohmann::json doc;
  try {
    doc = nlohmann::json::parse(json);
  } catch (const nlohmann::json::parse_error& e) {
    error = std::string("Expected a Jupyter Notebook, which must be internally stored as JSON, but this file isn't valid "
                        "JSON: ") + e.what();
    return std::nullopt;
  }
  if (!doc.is_object() || !doc.contains("cells") || !doc["cells"].is_array() || !doc.contains("metadata") ||
      !doc.contains("nbformat") || !doc["nbformat"].is_number_integer()) {
    error = "This file does not match the schema expected of Jupyter Notebooks";
    return std::nullopt;
  }
  if (doc["nbformat"].get<int64_t>() != 4) {
    error = "Expected Jupyter Notebook format 4, found: " + std::to_string(doc["nbformat"].get<int64_t>());
    return std::nullopt;
  }
  Notebook nb;
  if (const nlohmann::json& meta = doc["metadata"]; meta.is_object()) {
    if (meta.contains("language_info") && meta["language_info"].is_object()) {
      nb.python_ = meta["language_info"].value("name", "") == "python";
    } else if (meta.contains("kernelspec") && meta["kernelspec"].is_object()) {
      const nlohmann::json& kernel = meta["kernelspec"];
      nb.python_ = kernel.contains("language") && kernel["language"] == "python";
    }
  }
  nb.json_ = std::move(json);
  const auto spans = source_spans(nb.json_);
  const nlohmann::json& cells = doc["cells"];
  if (spans.size() != cells.size()) {
    error = "This file does not match the schema expected of Jupyter Notebooks";
    return std::nullopt;
  }
  nb.cell_offsets_.push_back(0);
  for (size_t i = 0; i < cells.size(); ++i) {
    const nlohmann::json& cell = cells[i];
    if (!cell.is_object() || !cell.contains("source") || !cell.contains("cell_type")) {
      error = "This file does not match the schema expected of Jupyter Notebooks: a cell without `cell_type` or `source`";
      return std::nullopt;
    }
    if (cell["cell_type"] != "code") continue;
    const nlohmann::json& meta = cell.value("metadata", nlohmann::json::object());
    if (meta.is_object() && meta.contains("vscode") && meta["vscode"].is_object() &&
        meta["vscode"].value("languageId", "python") != "python") {
      continue;
    }
    const nlohmann::json& src = cell["source"];
    std::string text;
    if (src.is_string()) {
      text = src.get<std::string>();
    } else if (src.is_array()) {
      for (const auto& part : src) {
        if (!part.is_string()) {
          error = "This file does not match the schema expected of Jupyter Notebooks: a `source` that is not text";
          return std::nullopt;
        }
        text += part.get<std::string>();
      }
    } else {
      error = "This file does not match the schema expected of Jupyter Notebooks: a `source` that is not text";
      return std::nullopt;
    }
    std::vector<std::string> lines;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);) lines.push_back(line);
    if (is_magic_cell(lines)) continue;

    SourceSpan span;
    span.start = spans[i].first;
    span.end = spans[i].second;
    span.array = src.is_array();
    if (span.array) {
      const std::string_view value = std::string_view(nb.json_).substr(span.start, span.end - span.start);
      const size_t first = skip_ws(value, 1);
      if (value.find('\n') != std::string_view::npos && first < value.size() && value[first] != ']') {
        span.indent = indent_before(nb.json_, span.start + first);
        span.close_indent = indent_before(nb.json_, span.end - 1);
        if (span.indent.empty()) span.indent = " ";
      }
    }
    nb.spans_.push_back(span);
    nb.cell_numbers_.push_back(static_cast<uint32_t>(i + 1));
    nb.source_ += text;
    nb.source_ += '\n';
    nb.cell_offsets_.push_back(static_cast<uint32_t>(nb.source_.size()));
  }
  if (nb.cell_numbers_.empty()) nb.source_ += '\n';
  mask_escape_commands(nb.source_, nb.escapes_);
  return nb;
}

std::string Notebook::with_source(std::string_view new_source, const std::vector<uint32_t>& offsets) const {
  std::string out;
  size_t at = 0;
  for (size_t c = 0; c < spans_.size(); ++c) {
    const SourceSpan& span = spans_[c];
    uint32_t start = c < offsets.size() ? offsets[c] : static_cast<uint32_t>(new_source.size());
    uint32_t end = c + 1 < offsets.size() ? offsets[c + 1] : static_cast<uint32_t>(new_source.size());
    start = std::min<uint32_t>(start, static_cast<uint32_t>(new_source.size()));
    end = std::max(start, std::min<uint32_t>(end, static_cast<uint32_t>(new_source.size())));
    std::string_view content = new_source.substr(start, end - start);
    if (!content.empty() && content.back() == '\n') content.remove_suffix(1);  // the synthetic separator
    std::string value;
    if (!span.array) {
      value = json_string(content);
    } else {
      const std::vector<std::string> lines = split_keeping_ends(content);
      if (lines.empty()) {
        value = "[]";
      } else if (span.indent.empty()) {
        value = "[";
        for (size_t i = 0; i < lines.size(); ++i) value += (i ? ", " : "") + json_string(lines[i]);
        value += "]";
      } else {
        value = "[\n";
        for (size_t i = 0; i < lines.size(); ++i) value += span.indent + json_string(lines[i]) + (i + 1 < lines.size() ? ",\n" : "\n");
        value += span.close_indent + "]";
      }
    }
    out.append(json_, at, span.start - at);
    out += value;
    at = span.end;
  }
  out.append(json_, at, std::string::npos);
  return out;
}

CellIndex::CellIndex(std::string_view source, const std::vector<uint32_t>& offsets, const std::vector<uint32_t>& numbers) {
  uint32_t row = 1;
  for (size_t c = 0; c + 1 < offsets.size() && c < numbers.size(); ++c) {
    start_rows_.push_back(row);
    cells_.push_back(numbers[c]);
    const uint32_t from = std::min<uint32_t>(offsets[c], static_cast<uint32_t>(source.size()));
    const uint32_t to = std::min<uint32_t>(std::max(offsets[c + 1], from), static_cast<uint32_t>(source.size()));
    row += static_cast<uint32_t>(count_lines(source.substr(from, to - from)));
  }
}

size_t CellIndex::find(uint32_t row) const {
  auto it = std::upper_bound(start_rows_.begin(), start_rows_.end(), row);
  return it == start_rows_.begin() ? 0 : static_cast<size_t>(it - start_rows_.begin() - 1);
}

uint32_t CellIndex::cell(uint32_t row) const { return cells_.empty() ? 1 : cells_[find(row)]; }

uint32_t CellIndex::cell_row(uint32_t row) const {
  if (start_rows_.empty()) return row;
  return row - start_rows_[find(row)] + 1;
}

std::pair<uint32_t, uint32_t> CellIndex::cell_rows(uint32_t row, uint32_t last_row) const {
  if (start_rows_.empty()) return {1, last_row};
  const size_t c = find(row);
  const uint32_t first = start_rows_[c];
  // A cell's rows end before the next cell's; its last row is the synthetic newline's line.
  const uint32_t last = c + 1 < start_rows_.size() ? start_rows_[c + 1] - 1 : last_row;
  return {first, std::max(first, last)};
}

std::vector<uint32_t> move_offsets(const std::vector<uint32_t>& offsets, const std::vector<OffsetEdit>& edits) {
  // Offsets and edits both ascend: one walk over each, the edits wholly before an offset (and
  // their shift) carried to the next offset. Linear, whatever the numbers of cells and edits.
  std::vector<uint32_t> out;
  out.reserve(offsets.size());
  size_t next = 0;
  int64_t shift = 0;
  uint32_t previous = 0;
  for (const uint32_t o : offsets) {
    if (o < previous) {  // never expected; start over rather than misplace a cell
      next = 0;
      shift = 0;
    }
    previous = o;
    // An edit ending at or before the offset shifts it, but an insertion exactly at it does not.
    while (next < edits.size() && edits[next].end <= o && !(edits[next].start == edits[next].end && edits[next].start == o)) {
      shift += static_cast<int64_t>(edits[next].length) - static_cast<int64_t>(edits[next].end - edits[next].start);
      ++next;
    }
    // An edit spanning the offset: the cell starts where its replacement ends.
    if (next < edits.size() && edits[next].start < o && o < edits[next].end) {
      out.push_back(static_cast<uint32_t>(static_cast<int64_t>(edits[next].start) + shift + edits[next].length));
    } else {
      out.push_back(static_cast<uint32_t>(static_cast<int64_t>(o) + shift));
    }
  }
  return out;
}

std::string mask_escape_commands(std::string_view source, std::vector<std::pair<uint32_t, uint32_t>>& ranges) {
  ranges.clear();
  // A scan of logical lines: strings, comments and brackets are followed so that only what
  // starts a statement (or follows `name =`) counts.
  size_t i = 0;
  int depth = 0;
  auto line_end = [&](size_t from) {
    size_t e = from;
    while (e < source.size()) {
      if (source[e] == '\n' || source[e] == '\r') {
        if (e > from && source[e - 1] == '\\') {
          ++e;
          continue;
        }
        break;
      }
      ++e;
    }
    return e;
  };
  while (i < source.size()) {
    // At the start of a line.
    size_t j = i;
    while (j < source.size() && (source[j] == ' ' || source[j] == '\t')) ++j;
    if (depth == 0 && j < source.size()) {
      const char c = source[j];
      size_t esc = std::string_view::npos;
      if (c == '%' || c == '!' || c == '?' || c == '/' || c == ';' || c == ',') {
        esc = j;
      } else {
        // `name = %magic` / `name = !command`
        size_t k = j;
        while (k < source.size() && (std::isalnum(static_cast<unsigned char>(source[k])) || source[k] == '_' ||
                                     source[k] == '.')) {
          ++k;
        }
        size_t m = k;
        while (m < source.size() && source[m] == ' ') ++m;
        if (k > j && m < source.size() && source[m] == '=' && m + 1 < source.size() && source[m + 1] != '=') {
          size_t v = m + 1;
          while (v < source.size() && source[v] == ' ') ++v;
          if (v < source.size() && (source[v] == '%' || source[v] == '!')) esc = v;
        }
        if (esc == std::string_view::npos) {
          // `obj?` / `obj??`: help, the whole line.
          const size_t e = line_end(j);
          size_t last = e;
          while (last > j && (source[last - 1] == ' ' || source[last - 1] == '\t')) --last;
          if (last > j && source[last - 1] == '?' && source.substr(j, last - j).find('#') == std::string_view::npos &&
              source.substr(j, last - j).find_first_of("'\"") == std::string_view::npos) {
            esc = j;
          }
        }
      }
      if (esc != std::string_view::npos) {
        const size_t e = line_end(esc);
        ranges.emplace_back(static_cast<uint32_t>(esc), static_cast<uint32_t>(e));
        i = e;
        if (i < source.size() && source[i] == '\r' && i + 1 < source.size() && source[i + 1] == '\n') ++i;
        if (i < source.size()) ++i;
        continue;
      }
    }
    // Through the rest of the line, following strings, comments and brackets.
    size_t k = j;
    while (k < source.size() && source[k] != '\n' && source[k] != '\r') {
      const char c = source[k];
      if (c == '#') {
        while (k < source.size() && source[k] != '\n' && source[k] != '\r') ++k;
        break;
      }
      if (c == '(' || c == '[' || c == '{') ++depth;
      else if ((c == ')' || c == ']' || c == '}') && depth > 0) --depth;
      else if (c == '\\' && k + 1 < source.size() && (source[k + 1] == '\n' || source[k + 1] == '\r')) {
        ++k;  // a continuation: the next line continues this logical line
        if (source[k] == '\r' && k + 1 < source.size() && source[k + 1] == '\n') ++k;
        ++k;
        continue;
      } else if (c == '"' || c == '\'') {
        const bool triple = source.substr(k, 3) == std::string(3, c);
        const std::string_view quote = triple ? source.substr(k, 3) : source.substr(k, 1);
        k += quote.size();
        while (k < source.size()) {
          if (source[k] == '\\') {
            k += 2;
            continue;
          }
          if (source.substr(k, quote.size()) == quote) {
            k += quote.size();
            break;
          }
          if (!triple && (source[k] == '\n' || source[k] == '\r')) break;
          ++k;
        }
        continue;
      }
      ++k;
    }
    i = k;
    if (i < source.size() && source[i] == '\r' && i + 1 < source.size() && source[i + 1] == '\n') ++i;
    if (i < source.size()) ++i;
  }
  if (ranges.empty()) return "";
  std::string masked(source);
  for (const auto& [s, e] : ranges) {
    // `0` and spaces: an expression statement (or an assignment's value) of the same length.
    masked[s] = '0';
    for (uint32_t k = s + 1; k < e; ++k) {
      if (masked[k] != '\n' && masked[k] != '\r') masked[k] = ' ';
      else if (k > s && masked[k - 1] == '\\') masked[k - 1] = ' ';
    }
  }
  // A continuation backslash left at the end of a masked line would join the next line.
  return masked;
}

}  // namespace lint
