#include "output/output.h"

#include <algorithm>
#include <functional>
#include <optional>
#include <unordered_map>
#include <nlohmann/json.hpp>
#include <tuple>

#include "engine/rule.h"
#include "fix/diff.h"
#include "output/ci_formats.h"
#include "output/terminal.h"

namespace lint {

namespace {

constexpr std::string_view kReset = "\x1b[0m";
constexpr std::string_view kBoldRed = "\x1b[1m\x1b[91m";
constexpr std::string_view kBoldBlue = "\x1b[1m\x1b[94m";
constexpr std::string_view kBold = "\x1b[1m";
constexpr std::string_view kBoldGreen = "\x1b[1m\x1b[32m";
constexpr std::string_view kCyan = "\x1b[36m";
constexpr std::string_view kBoldCyan = "\x1b[1m\x1b[36m";
constexpr std::string_view kRed = "\x1b[31m";
constexpr std::string_view kGreen = "\x1b[32m";
constexpr std::string_view kBoldYellow = "\x1b[1m\x1b[33m";

struct Painter {
  bool on;
  std::string operator()(std::string_view style, std::string_view text) const {
    if (!on) return std::string(text);
    std::string s;
    s.reserve(text.size() + 16);
    s += style;
    s += text;
    s += kReset;
    return s;
  }
};

std::string code_label(const Diagnostic& d) { return d.rule ? std::string(d.rule->code) : std::string("invalid-syntax:"); }

// Expands tabs to four spaces, as Ruff's snippets do, and shows control characters safely (see
// terminal.h); returns the text and, for each code point of the original line, its display column.
struct DisplayLine {
  std::string text;
  std::vector<uint32_t> column_of;  // indexed by code point; one past the end is valid
  std::vector<uint32_t> cell_start;  // byte offset in `text` of each code point of it
};

DisplayLine display_line(std::string_view line) {
  DisplayLine out;
  uint32_t col = 0;
  for (size_t i = 0; i < line.size();) {
    const unsigned char c = static_cast<unsigned char>(line[i]);
    const size_t len = utf8_sequence_length(line, i);
    out.column_of.push_back(col);
    if (c == '\t') {
      out.text += "    ";
      col += 4;
    } else {
      col += static_cast<uint32_t>(append_for_terminal(out.text, line.substr(i, len)));
    }
    i += len;
  }
  out.column_of.push_back(col);
  for (size_t i = 0; i < out.text.size();) {
    out.cell_start.push_back(static_cast<uint32_t>(i));
    i += utf8_sequence_length(out.text, i);
  }
  return out;
}

// The display lines of one file's rows, each made once however many diagnostics show it: a
// generated line of 100 KB flagged 30,000 times is made once, not 30,000 times.
class DisplayLines {
 public:
  explicit DisplayLines(const LineIndex& lines) : lines_(lines) {}
  const DisplayLine& at(uint32_t row) {
    auto [it, added] = made_.try_emplace(row);
    if (added) it->second = display_line(lines_.line_text(row));
    return it->second;
  }

 private:
  const LineIndex& lines_;
  std::unordered_map<uint32_t, DisplayLine> made_;
};

uint32_t display_column(const DisplayLine& l, uint32_t column /* 1-based code points */) {
  const size_t idx = std::min<size_t>(column - 1, l.column_of.size() - 1);
  return l.column_of[idx];
}

bool is_blank(std::string_view s) {
  return std::all_of(s.begin(), s.end(), [](char c) { return c == ' ' || c == '\t' || c == '\f'; });
}

// Ruff (through annotate-snippets) fits the code into 140 terminal columns: it drops leading
// whitespace common to the window, or centres the flagged span, and marks each cut with `…`.
struct Window {
  uint32_t left = 0;   // first display column shown
  uint32_t right = 0;  // one past the last display column shown; 0: no cut
};

Window fit_window(const std::vector<std::reference_wrapper<const DisplayLine>>& shown, uint32_t span_left, uint32_t span_right, size_t code_offset) {
  constexpr size_t kTermWidth = 140;
  constexpr uint32_t kPad = 6;
  const size_t column_width = kTermWidth > code_offset ? kTermWidth - code_offset : 1;
  uint32_t whitespace = UINT32_MAX;
  uint32_t max_len = 0;
  for (const DisplayLine& l : shown) {
    const uint32_t len = l.column_of.back();
    max_len = std::max(max_len, len);
    const size_t indent = l.text.find_first_not_of(' ');
    if (indent != std::string::npos) whitespace = std::min<uint32_t>(whitespace, static_cast<uint32_t>(indent));
  }
  if (whitespace == UINT32_MAX) whitespace = 0;
  const uint32_t ws_left = whitespace > kPad ? whitespace - kPad : 0;
  const uint32_t s_left = span_left > kPad ? span_left - kPad : 0;
  const uint32_t s_right = span_right + kPad;
  const uint32_t label_right = span_right + kPad;
  Window w;
  w.left = ws_left > 20 ? ws_left - 16 : 0;
  uint32_t right = std::max(max_len, w.left);
  if (right - w.left <= column_width) return Window{};
  if (label_right - std::min(label_right, ws_left) <= column_width) {
    w.left = ws_left;
  } else if (label_right - s_left <= column_width) {
    w.left = s_left - std::min<uint32_t>(s_left, static_cast<uint32_t>((column_width - (label_right - s_left)) / 2));
  } else if (s_right - s_left <= column_width) {
    w.left = s_left - std::min<uint32_t>(s_left, static_cast<uint32_t>((column_width - (s_right - s_left)) / 5 * 2));
  } else {
    w.left = s_left;
    w.right = s_right;
    return w;
  }
  w.right = w.left + static_cast<uint32_t>(column_width);
  return w;
}

// The part of a display line inside the window, with `…` over the first and last cells cut, and
// one `…` for each of `trims` (columns within the window, leftmost first, see trim_long_marks).
std::string cut(const DisplayLine& l, const Window& w, const std::vector<std::pair<uint32_t, uint32_t>>& trims = {}) {
  if (w.right == 0 && trims.empty()) return l.text;
  const size_t cells = l.cell_start.size();
  auto cell = [&](size_t i) {
    const size_t end = i + 1 < cells ? l.cell_start[i + 1] : l.text.size();
    return std::string_view(l.text).substr(l.cell_start[i], end - l.cell_start[i]);
  };
  std::string out;
  const size_t right = w.right == 0 ? cells : w.right;
  const size_t end = std::min<size_t>(cells, right);
  size_t next = 0;  // the next of `trims`
  for (size_t i = w.left; i < end; ++i) {
    if (next < trims.size() && i - w.left == trims[next].first) {
      out += "…";
      i = w.left + std::max<size_t>(trims[next].second, trims[next].first + 1) - 1;
      ++next;
      continue;
    }
    const bool first_cut = i == w.left && w.left > 0;
    const bool last_cut = i + 1 == end && cells > right;
    out += first_cut || last_cut ? std::string_view("…") : cell(i);
  }
  return out;
}

// A place `full` output marks: the diagnostic's own range (`^`, red) or a secondary annotation
// (`-`, blue), with its label.
struct Mark {
  Location start, end;
  bool primary = false;
  std::string label;
};

// Rows shown together, and the marks inside them. Each mark brings two rows of context either
// side (within its notebook cell), less blank rows at the edges; marks whose rows touch or
// overlap share one excerpt, as Ruff's renderer groups annotations.
struct Excerpt {
  uint32_t first = 0, last = 0;
  uint32_t row_base = 0;  // rows are numbered from the cell's first (0 outside notebooks)
  std::vector<const Mark*> marks;
  bool has_primary = false;
};

std::string position_of(const Location& l, const CellIndex* cells) {
  if (!cells) return std::to_string(l.row) + ":" + std::to_string(l.column);
  return "cell " + std::to_string(cells->cell(l.row)) + ":" + std::to_string(cells->cell_row(l.row)) + ":" +
         std::to_string(l.column);
}

std::vector<Excerpt> excerpts_of(const std::vector<Mark>& marks, const LineIndex& lines, const CellIndex* cells) {
  std::vector<Excerpt> single;
  for (const Mark& m : marks) {
    uint32_t cell_first = 1, cell_last = lines.line_count();
    if (cells) std::tie(cell_first, cell_last) = cells->cell_rows(m.start.row, cell_last);
    Excerpt e;
    e.row_base = cell_first - 1;
    e.first = m.start.row > cell_first + 2 ? m.start.row - 2 : cell_first;
    e.last = std::min(cell_last, m.end.row + 2);
    while (e.first < m.start.row && is_blank(lines.line_text(e.first))) ++e.first;
    while (e.last > m.end.row && is_blank(lines.line_text(e.last))) --e.last;
    e.marks.push_back(&m);
    e.has_primary = m.primary;
    single.push_back(std::move(e));
  }
  std::stable_sort(single.begin(), single.end(), [](const Excerpt& x, const Excerpt& y) { return x.first < y.first; });
  std::vector<Excerpt> merged;
  for (Excerpt& e : single) {
    if (!merged.empty() && merged.back().row_base == e.row_base && e.first <= merged.back().last + 1) {
      Excerpt& m = merged.back();
      m.last = std::max(m.last, e.last);
      m.marks.push_back(e.marks.front());
      m.has_primary = m.has_primary || e.has_primary;
    } else {
      merged.push_back(std::move(e));
    }
  }
  // The excerpt holding the diagnostic's own range comes first.
  std::stable_partition(merged.begin(), merged.end(), [](const Excerpt& e) { return e.has_primary; });
  return merged;
}

// A mark on one line, where it is drawn.
struct Placed {
  uint32_t column;  // display column, within the window
  uint32_t width;   // display columns marked (at least one)
  const Mark* mark;
  uint32_t cut_from = 0, cut_to = 0;  // columns of a long range shown as one `…` (see trim_long_marks)
};

// Ruff's renderer trims the middle of a long range on one line: a range wider than twice the
// code's width that overlaps no other shows its first and last third of that width, with one `…`
// for the rest, in the code and under it. Marks the cuts in `at`; returns them (columns within
// the window), leftmost first, for cut().
std::vector<std::pair<uint32_t, uint32_t>> trim_long_marks(std::vector<Placed>& at, uint32_t row, size_t column_width) {
  constexpr size_t kMinPad = 5;
  const size_t pad = std::max(column_width / 3, kMinPad);
  std::vector<std::pair<uint32_t, uint32_t>> cuts;
  for (Placed& p : at) {
    if (p.mark->end.row != row || p.width <= column_width * 2 || p.width <= kMinPad * 2 + 1) continue;
    const bool overlaps = std::any_of(at.begin(), at.end(), [&](const Placed& q) {
      return &q != &p && q.column < p.column + p.width && p.column < q.column + q.width;
    });
    if (overlaps) continue;
    p.cut_from = static_cast<uint32_t>(p.column + pad);
    p.cut_to = static_cast<uint32_t>(p.column + p.width - pad);
    cuts.emplace_back(p.cut_from, p.cut_to);
  }
  std::sort(cuts.begin(), cuts.end());
  return cuts;
}

// The lines under a source line that mark the ranges on it: `^^^` or `---` at each range, the
// rightmost range's label beside it, and the labels of the others below, each hanging from a `|`
// under its range (rightmost first), as Ruff's renderer lays them out.
void render_marks(std::string& out, const Painter& paint, std::vector<Placed> placed, const std::string& gutter,
                  const std::string& prefix) {
  std::stable_sort(placed.begin(), placed.end(), [](const Placed& x, const Placed& y) { return x.column < y.column; });
  auto style = [](const Mark* m) { return m->primary ? kBoldRed : kBoldBlue; };
  std::string line;
  uint32_t col = 0;
  for (const Placed& p : placed) {
    const uint32_t from = std::max(p.column, col);
    line += std::string(from - col, ' ');
    const char sign = p.mark->primary ? '^' : '-';
    if (p.cut_to > p.cut_from) {
      line += paint(style(p.mark), std::string(p.cut_from - p.column, sign) + "…" +
                                       std::string(p.column + p.width - p.cut_to, sign));
      col = from + p.width - (p.cut_to - p.cut_from) + 1;
    } else {
      line += paint(style(p.mark), std::string(p.width, sign));
      col = from + p.width;
    }
  }
  const Mark* inline_mark = placed.back().mark;
  if (!inline_mark->label.empty()) line += " " + paint(style(inline_mark), inline_mark->label);
  out += gutter + prefix + line + "\n";
  std::vector<Placed> hanging;
  for (size_t i = 0; i + 1 < placed.size(); ++i) {
    if (!placed[i].mark->label.empty()) hanging.push_back(placed[i]);
  }
  if (hanging.empty()) return;
  // The `|` of the first `count` hanging labels, and the column after the last.
  auto bars = [&](size_t count) {
    std::string s;
    uint32_t c = 0;
    for (size_t i = 0; i < count; ++i) {
      s += std::string(hanging[i].column - std::min(hanging[i].column, c), ' ') + paint(style(hanging[i].mark), "|");
      c = hanging[i].column + 1;
    }
    return std::make_pair(s, c);
  };
  out += gutter + prefix + bars(hanging.size()).first + "\n";
  for (size_t i = hanging.size(); i-- > 0;) {
    auto [s, c] = bars(i);
    s += std::string(hanging[i].column - std::min(hanging[i].column, c), ' ') +
         paint(style(hanging[i].mark), hanging[i].mark->label);
    out += gutter + prefix + s + "\n";
  }
}

void render_snippets(std::string& out, const Painter& paint, const Diagnostic& d, const LineIndex& lines,
                     DisplayLines& display, const std::string& shown_path, const CellIndex* cells) {
  std::vector<Mark> marks;
  marks.push_back(Mark{d.start, d.end, true, terminal_line(d.label)});
  for (const Annotation& a : d.secondary) marks.push_back(Mark{a.start, a.end, false, terminal_line(a.message)});
  const std::vector<Excerpt> excerpts = excerpts_of(marks, lines, cells);
  uint32_t widest = 1;
  for (const Excerpt& e : excerpts) widest = std::max(widest, e.last - e.row_base);
  const size_t width = std::to_string(widest).size();
  const std::string pad(width, ' ');
  const std::string bar = paint(kBoldBlue, "|");
  const std::string gutter = pad + " " + bar + " ";

  for (size_t n = 0; n < excerpts.size(); ++n) {
    const Excerpt& e = excerpts[n];
    const Mark& lead = *e.marks.front();
    const Mark& heading = n == 0 ? marks.front() : lead;
    out += pad + paint(kBoldBlue, n == 0 ? "--> " : "::: ") + shown_path + ":" + position_of(heading.start, cells) + "\n";
    out += pad + " " + bar + "\n";

    std::vector<std::reference_wrapper<const DisplayLine>> shown;
    for (uint32_t row = e.first; row <= e.last; ++row) shown.push_back(display.at(row));
    auto column = [&](const Location& l) { return display_column(shown[std::min(l.row, e.last) - e.first], l.column); };
    // The diagnostic's own range may span lines: it is drawn from a `/` or `_` at its start to a
    // `^` at its end, with `|` in the margin between.
    const Mark* spanning = nullptr;
    uint32_t left = UINT32_MAX, right = 0;
    for (const Mark* m : e.marks) {
      const uint32_t a = column(m->start), b = column(m->end);
      if (m->primary && m->end.row > m->start.row) {
        spanning = m;
        left = std::min({left, a, b});
        right = std::max({right, a, b});
      } else {
        left = std::min(left, a);
        right = std::max({right, b, a + 1});
      }
    }
    const size_t code_offset = width + 3 + (spanning ? 2 : 0);
    const size_t column_width = code_offset < 140 ? 140 - code_offset : 1;
    const Window window = fit_window(shown, left, right, code_offset);
    auto shift = [&](uint32_t col) { return col > window.left ? col - window.left : 0; };
    const uint32_t span_start = spanning ? column(spanning->start) : 0;
    const uint32_t span_end = spanning ? column(spanning->end) : 0;

    bool last_was_source = false;
    for (uint32_t row = e.first; row <= e.last; ++row) {
      const DisplayLine& dl = shown[row - e.first];
      std::string num = std::to_string(row - e.row_base);
      num.insert(0, width - num.size(), ' ');
      const size_t indent = dl.text.find_first_not_of(' ');
      std::string margin;  // for a spanning range: its bar, or room for it
      bool starts_in_margin = false;
      if (spanning) {
        starts_in_margin = indent == std::string::npos || span_start <= indent;
        if (row == spanning->start.row && starts_in_margin) margin = paint(kBoldRed, "/") + " ";
        else if (row > spanning->start.row && row <= spanning->end.row) margin = paint(kBoldRed, "|") + " ";
        else margin = "  ";
      }
      std::vector<Placed> at;
      for (const Mark* m : e.marks) {
        if (m == spanning || m->start.row != row) continue;
        // A secondary range running onto later lines is marked to the end of its first.
        const uint32_t from = column(m->start);
        const uint32_t to = m->end.row == row ? column(m->end) : dl.column_of.back();
        at.push_back(Placed{shift(from), std::max<uint32_t>(1, to > from ? to - from : 0), m});
      }
      const std::string text = cut(dl, window, trim_long_marks(at, row, column_width));
      std::string text_line = paint(kBoldBlue, num) + " " + bar;
      if (!margin.empty() || !text.empty()) text_line += " " + margin + text;
      while (!text_line.empty() && text_line.back() == ' ') text_line.pop_back();
      out += text_line + "\n";
      last_was_source = true;

      const std::string hang = spanning ? (row >= spanning->start.row && row < spanning->end.row ? paint(kBoldRed, "|") + " " : "  ") : "";
      if (!at.empty()) {
        render_marks(out, paint, std::move(at), gutter, hang);
        last_was_source = false;
      }
      if (spanning && row == spanning->start.row && !starts_in_margin) {
        out += gutter + paint(kBoldRed, " " + std::string(shift(span_start) + 1, '_') + "^") + "\n";
        last_was_source = false;
      } else if (spanning && row == spanning->end.row) {
        const uint32_t caret = span_end > 0 ? span_end - 1 : 0;
        std::string line = gutter + paint(kBoldRed, "|" + std::string(shift(caret) + 1, '_') + "^");
        if (!spanning->label.empty()) line += " " + paint(kBoldRed, spanning->label);
        out += line + "\n";
        last_was_source = false;
      }
    }
    // An excerpt ends on the gutter's bar when another follows it or its last line was code.
    if (last_was_source || n + 1 < excerpts.size()) out += pad + " " + bar + "\n";
  }
}

// Ruff's preview of a fix in `full` output: the lines around the edits (three either side) before
// and after, diffed line by line, shown with one line of context (hunks at most two lines apart
// merged); line numbers are the new text's, left-aligned.
void render_fix_diff(std::string& out, const Painter& paint, const Fix& fix, std::string_view source,
                     const LineIndex& lines, const CellIndex* cells) {
  constexpr uint32_t kWindow = 3;
  constexpr size_t kContext = 1, kMergeWindow = 2;
  const std::vector<Edit>& edits = fix.edits();
  if (edits.empty()) return;
  const uint32_t size = static_cast<uint32_t>(source.size());
  const uint32_t first_row = lines.row_of(std::min(edits.front().start, size));
  const uint32_t last_source_row = lines.row_of(size);
  uint32_t end_row = std::min(lines.row_of(std::min(edits.back().end, size)) + kWindow, last_source_row);
  uint32_t start_row = first_row > kWindow ? first_row - kWindow : 1;
  uint32_t row_base = 0;  // rows shown count from the start of the window (a notebook's cell)
  if (cells) {
    // A notebook's preview diffs the whole cell and numbers its rows from the cell's first.
    std::tie(start_row, end_row) = cells->cell_rows(first_row, last_source_row);
    if (end_row > start_row && lines.line_text(end_row).empty()) --end_row;  // the synthetic newline
    row_base = start_row - 1;
    out += std::string(std::to_string(std::max<uint32_t>(end_row - row_base, 1)).size() + 3 - 3, ' ') +
           paint(kBoldBlue, ":::") + " cell " + std::to_string(cells->cell(first_row)) + "\n";
  }
  const uint32_t from = lines.line_start(start_row);
  const uint32_t to = end_row < lines.line_count() ? lines.line_start(end_row + 1) : size;
  std::string fixed;
  uint32_t at = from;
  for (const Edit& e : edits) {
    if (e.start < at || e.end > to) return;
    fixed.append(source.substr(at, e.start - at));
    fixed.append(e.content);
    at = e.end;
  }
  fixed.append(source.substr(at, to - at));
  const std::string_view before = source.substr(from, to - from);
  const std::vector<std::string_view> a = split_lines(before), b = split_lines(fixed);
  std::vector<std::vector<DiffOp>> groups;
  for (std::vector<DiffOp>& group : group_ops(diff_lines(a, b), kContext)) {
    if (!groups.empty() && groups.back().back().tag == DiffOp::Tag::Equal && group.front().tag == DiffOp::Tag::Equal) {
      DiffOp& prev = groups.back().back();
      const DiffOp& next = group.front();
      const size_t gap = next.new_index > prev.new_index + prev.new_len ? next.new_index - (prev.new_index + prev.new_len) : 0;
      if (gap <= kMergeWindow) {
        prev.old_len = prev.new_len = next.new_index + next.new_len - prev.new_index;
        groups.back().insert(groups.back().end(), group.begin() + 1, group.end());
        continue;
      }
    }
    groups.push_back(std::move(group));
  }
  if (groups.empty()) return;
  const size_t offset = start_row - 1 - row_base;
  const DiffOp& last = groups.back().back();
  const size_t largest = last.new_index + last.new_len + offset;
  const size_t width = std::to_string(std::max<size_t>(largest, 1)).size();
  const std::string gutter = paint(kBoldBlue, std::string(width, ' ') + " |") + "\n";
  auto number = [&](std::optional<size_t> index) {
    if (!index) return std::string(width, ' ');
    std::string n = std::to_string(*index + offset + 1);
    return n + std::string(width > n.size() ? width - n.size() : 0, ' ');
  };
  auto line = [&](std::optional<size_t> index, std::string_view sign, std::string_view style, std::string_view text) {
    out += paint(kBoldBlue, number(index)) + " " + paint(style.empty() ? kBoldBlue : style, sign);
    std::string_view body = text;
    while (!body.empty() && (body.back() == '\n' || body.back() == '\r')) body.remove_suffix(1);
    if (!body.empty()) out += " ";
    // Ruff shows only BEL, BS, ESC and DEL as pictures here; lint every control (terminal.h).
    const std::string shown = terminal_text(body);
    out += style.empty() ? shown : paint(style, shown);
    out += "\n";
  };
  out += gutter;
  for (size_t g = 0; g < groups.size(); ++g) {
    if (g > 0) out += std::string(80, '-') + "\n";
    for (const DiffOp& op : groups[g]) {
      switch (op.tag) {
        case DiffOp::Tag::Equal:
          for (size_t i = 0; i < op.new_len; ++i) line(op.new_index + i, "|", "", b[op.new_index + i]);
          break;
        case DiffOp::Tag::Delete:
          for (size_t i = 0; i < op.old_len; ++i) line(std::nullopt, "-", kRed, a[op.old_index + i]);
          break;
        case DiffOp::Tag::Insert:
          for (size_t i = 0; i < op.new_len; ++i) line(op.new_index + i, "+", kGreen, b[op.new_index + i]);
          break;
      }
    }
  }
  out += gutter;
}

// A location as JSON; in a notebook, its row within its cell.
nlohmann::json location_json(const Location& l, const CellIndex* cells = nullptr) {
  return {{"row", cells ? cells->cell_row(l.row) : l.row}, {"column", l.column}};
}

nlohmann::json fix_json(const Diagnostic& d, const LineIndex* lines, const CellIndex* cells) {
  if (!d.fix || !lines) return nullptr;
  nlohmann::json edits = nlohmann::json::array();
  for (const Edit& e : d.fix->edits()) {
    edits.push_back({{"content", e.content},
                     {"location", location_json(lines->location(e.start), cells)},
                     {"end_location", location_json(lines->location(e.end), cells)}});
  }
  return {{"applicability", applicability_name(d.fix->applicability())},
          {"edits", std::move(edits)},
          {"message", d.fix_title.empty() ? nlohmann::json(nullptr) : nlohmann::json(d.fix_title)}};
}

nlohmann::json diagnostic_json(const SourcePath& path, const Diagnostic& d, const LineIndex* lines,
                               const CellIndex* cells) {
  nlohmann::json j;
  j["cell"] = cells ? nlohmann::json(cells->cell(d.start.row)) : nlohmann::json(nullptr);
  if (d.rule) {
    j["code"] = d.rule->code;
    j["name"] = d.rule->name;
    j["message"] = d.message;
    j["url"] = d.rule->python ? nlohmann::json(nullptr) : nlohmann::json("https://docs.astral.sh/ruff/rules/" + std::string(d.rule->name));
    // Where a `# noqa` comment would suppress it (see noqa.h).
    j["noqa_row"] = d.rule->code == "E902" ? nlohmann::json(nullptr)
                                           : nlohmann::json(cells ? cells->cell_row(d.noqa_row ? d.noqa_row : d.start.row)
                                                                  : (d.noqa_row ? d.noqa_row : d.start.row));
  } else {
    j["code"] = "invalid-syntax";
    j["name"] = "invalid-syntax";
    j["message"] = d.message;
    j["url"] = nullptr;
    j["noqa_row"] = nullptr;
  }
  j["filename"] = path.absolute;
  j["location"] = location_json(d.start, cells);
  j["end_location"] = location_json(d.end, cells);
  j["fix"] = fix_json(d, lines, cells);
  j["severity"] = "error";
  return j;
}

std::string dump(const nlohmann::json& j, int indent) {
  // File names need not be UTF-8; never fail on them.
  return j.dump(indent, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace

bool parse_output_format(std::string_view name, OutputFormat& out) {
  static const std::pair<std::string_view, OutputFormat> kFormats[] = {
      {"full", OutputFormat::Full},     {"concise", OutputFormat::Concise}, {"json", OutputFormat::Json},
      {"json-lines", OutputFormat::JsonLines}, {"github", OutputFormat::Github}, {"gitlab", OutputFormat::Gitlab},
      {"pylint", OutputFormat::Pylint}, {"grouped", OutputFormat::Grouped}, {"azure", OutputFormat::Azure},
      {"junit", OutputFormat::Junit},   {"sarif", OutputFormat::Sarif},     {"rdjson", OutputFormat::Rdjson},
  };
  for (const auto& [n, f] : kFormats) {
    if (n == name) {
      out = f;
      return true;
    }
  }
  return false;
}

std::string_view output_format_names() {
  return "full, concise, json, json-lines, github, gitlab, pylint, grouped, azure, junit, sarif, rdjson";
}

std::string_view json_separator() { return ",\n"; }

std::string render_file(const OutputOptions& options, const SourcePath& path, const std::vector<Diagnostic>& diagnostics,
                        const LineIndex* lines, const RenderContext* context) {
  const Painter paint{options.color};
  std::string out;
  bool first = true;
  std::optional<DisplayLines> display;  // made on the first snippet
  for (const Diagnostic& d : diagnostics) {
    // What a file holds or a rule wrote, shown safely (terminal.h); JSON escapes it instead.
    const bool text = options.format == OutputFormat::Full || options.format == OutputFormat::Concise;
    const std::string message = text ? terminal_line(d.message) : d.message;
    const std::string shown_path = text ? terminal_line(path.display) : path.display;
    const CellIndex* cells = context ? context->cells : nullptr;
    const std::string position = cells ? "cell " + std::to_string(cells->cell(d.start.row)) + ":" +
                                             std::to_string(cells->cell_row(d.start.row)) + ":" + std::to_string(d.start.column)
                                       : std::to_string(d.start.row) + ":" + std::to_string(d.start.column);
    const std::string location = shown_path + ":" + position;
    // `[*]` after the code: the fix applies at the level asked for.
    const bool fixable = context && context->show_fix_status && d.fix && d.fix->applies(context->required);
    const std::string marker = fixable ? " [" + paint(kCyan, "*") + "]" : "";
    switch (options.format) {
      case OutputFormat::Concise:
        out += paint(kBold, shown_path) + ":" + position + ": " + paint(kBoldRed, code_label(d)) + marker + " " +
               message + "\n";
        break;
      case OutputFormat::Full:
        out += paint(kBoldRed, code_label(d)) + marker + paint(kBold, " " + terminal_line(std::string(headline(d)))) + "\n";
        if (lines && (d.rule == nullptr || d.rule->code != "E902")) {
          if (!display) display.emplace(*lines);
          render_snippets(out, paint, d, *lines, *display, shown_path, context ? context->cells : nullptr);
        } else {
          out += paint(kBoldBlue, "--> ") + location + "\n";
        }
        if (!d.fix_title.empty()) out += paint(kBoldCyan, "help") + paint(kBold, ": " + terminal_line(d.fix_title)) + "\n";
        // The preview shows every fix but display-only ones, whether it applies or not.
        if (context && lines && d.fix && d.fix->applies(Applicability::Unsafe)) {
          render_fix_diff(out, paint, *d.fix, context->source, *lines, context->cells);
          if (d.fix->applicability() == Applicability::Unsafe) {
            out += paint(kBoldYellow, "note") + paint(kBold, ": This is an unsafe fix and may change runtime behavior") + "\n";
          }
        }
        out += "\n";
        break;
      case OutputFormat::Json: {
        if (!first) out += json_separator();
        std::string item = dump(diagnostic_json(path, d, lines, cells), 2);
        // Indent each element by two spaces inside the top-level array, as serde_json does.
        std::string indented = "  ";
        for (char c : item) {
          indented += c;
          if (c == '\n') indented += "  ";
        }
        out += indented;
        break;
      }
      case OutputFormat::JsonLines:
        out += dump(diagnostic_json(path, d, lines, cells), -1) + "\n";
        break;
      default:
        break;
    }
    first = false;
  }
  if (options.format == OutputFormat::Github || options.format == OutputFormat::Azure ||
      options.format == OutputFormat::Pylint || options.format == OutputFormat::Grouped) {
    return render_line_format(options.format, path, diagnostics, context && context->show_fix_status,
                              context ? context->required : Applicability::Safe);
  }
  return out;
}

std::string render_prefix(const OutputOptions& options, size_t count) {
  if (options.format == OutputFormat::Json) return count ? "[\n" : "[";
  return "";
}

std::string render_summary(const OutputOptions& options, size_t count) {
  Summary summary;
  summary.remaining = count;
  return render_summary(options, summary);
}

std::string render_summary(const OutputOptions& options, const Summary& sum) {
  const Painter paint{options.color};
  switch (options.format) {
    case OutputFormat::Json:
      return sum.remaining ? "\n]" : "]";
    case OutputFormat::Full:
    case OutputFormat::Concise:
    case OutputFormat::Grouped:
      break;
    default:
      return "";
  }
  auto plural = [](size_t n, std::string_view one, std::string_view many) {
    return std::to_string(n) + " " + std::string(n == 1 ? one : many);
  };
  std::string out;
  if (sum.show_violations) {
    const size_t total = sum.fixed + sum.remaining;
    if (sum.fixed > 0) {
      out += "Found " + plural(total, "error", "errors") + " (" + std::to_string(sum.fixed) + " fixed, " +
             std::to_string(sum.remaining) + " remaining).\n";
    } else if (sum.remaining > 0) {
      out += "Found " + plural(sum.remaining, "error.", "errors.") + "\n";
    } else {
      out += paint(kBoldGreen, "All checks passed!") + "\n";
    }
    const std::string prefix = "[" + paint(kCyan, "*") + "]";
    const std::string hidden = plural(sum.unsafe_hidden, "unsafe fix", "unsafe fixes") + " available with `--fix --unsafe-fixes`";
    if (sum.hint_unsafe && sum.fixable > 0 && sum.unsafe_hidden > 0) {
      out += prefix + " " + std::to_string(sum.fixable) + " fixable with `--fix` (" + hidden + ").\n";
    } else if (sum.fixable > 0) {
      out += prefix + " " + std::to_string(sum.fixable) + " fixable with `--fix`.\n";
    } else if (sum.hint_unsafe && sum.unsafe_hidden > 0) {
      out += hidden + ".\n";
    }
    return out;
  }
  // --fix-only and --diff print no diagnostics: only what was (or would be) fixed.
  const std::string verb = sum.diff ? "Would fix " : "Fixed ";
  if (sum.unsafe_hidden > 0) {
    const std::string more = plural(sum.unsafe_hidden, "fix", "fixes") + " available with `--unsafe-fixes`";
    if (sum.fixed > 0) {
      out += verb + plural(sum.fixed, "error", "errors") + " (" +
             (sum.unsafe_hidden == 1 ? std::string("1 additional fix") : std::to_string(sum.unsafe_hidden) + " additional fixes") +
             " available with `--unsafe-fixes`).\n";
    } else {
      out += std::string(sum.diff ? "No errors would be fixed (" : "No errors fixed (") + more + ").\n";
    }
  } else if (sum.fixed > 0) {
    out += verb + plural(sum.fixed, "error.", "errors.") + "\n";
  }
  return out;
}

std::string render_fix_summary(const OutputOptions& options,
                               const std::vector<std::pair<std::string, const FixCounts*>>& files) {
  const Painter paint{options.color};
  size_t total = 0, widest = 0;
  std::vector<std::pair<std::string, const FixCounts*>> sorted;
  for (const auto& [name, counts] : files) {
    if (!counts || counts->empty()) continue;
    sorted.emplace_back(name, counts);
    for (const auto& [rule, n] : *counts) {
      total += n;
      widest = std::max(widest, n);
    }
  }
  if (total == 0) return "";
  std::sort(sorted.begin(), sorted.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  const size_t digits = std::to_string(widest).size();
  std::string out = paint(kBoldGreen, "Fixed " + std::to_string(total) + (total == 1 ? " error:" : " errors:")) + "\n";
  for (const auto& [name, counts] : sorted) {
    out += paint(kCyan, "-") + " " + paint(kBold, name) + paint(kCyan, ":") + "\n";
    FixCounts rows = *counts;
    std::stable_sort(rows.begin(), rows.end(), [](const auto& a, const auto& b) { return a.second > b.second; });
    for (const auto& [rule, n] : rows) {
      const std::string count = std::to_string(n);
      out += "    " + std::string(digits - count.size(), ' ') + count + " \u00d7 " + paint(kBoldRed, rule->code) + " (" +
             std::string(rule->name) + ")\n";
    }
  }
  return out;
}

}  // namespace lint
