#include "fix/diff.h"

#include <algorithm>
#include <cstdint>
#include <optional>

#include "output/terminal.h"

namespace lint {

std::vector<std::string_view> split_lines(std::string_view text) {
  std::vector<std::string_view> lines;
  size_t start = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\n' || text[i] == '\r') {
      if (text[i] == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++i;
      lines.push_back(text.substr(start, i + 1 - start));
      start = i + 1;
    }
  }
  if (start < text.size()) lines.push_back(text.substr(start));
  return lines;
}

namespace {

using Lines = std::vector<std::string_view>;

// Myers' linear-space algorithm. `fwd` and `bwd` hold the furthest x reached on each diagonal k,
// indexed k + offset.
class Myers {
 public:
  Myers(const Lines& a, const Lines& b) : a_(a), b_(b) {
    const size_t max = (a.size() + b.size() + 1) / 2 + 2;
    offset_ = static_cast<ptrdiff_t>(max);
    fwd_.assign(2 * max + 2, 0);
    bwd_.assign(2 * max + 2, 0);
  }

  std::vector<DiffOp> run() {
    conquer(0, a_.size(), 0, b_.size());
    return std::move(ops_);
  }

 private:
  size_t common_prefix(size_t a0, size_t a1, size_t b0, size_t b1) const {
    size_t n = 0;
    while (a0 + n < a1 && b0 + n < b1 && a_[a0 + n] == b_[b0 + n]) ++n;
    return n;
  }
  size_t common_suffix(size_t a0, size_t a1, size_t b0, size_t b1) const {
    size_t n = 0;
    while (a1 - n > a0 && b1 - n > b0 && a_[a1 - n - 1] == b_[b1 - n - 1]) ++n;
    return n;
  }

  void emit(DiffOp::Tag tag, size_t old_index, size_t new_index, size_t old_len, size_t new_len) {
    if (old_len == 0 && new_len == 0) return;
    if (!ops_.empty() && ops_.back().tag == tag) {
      DiffOp& last = ops_.back();
      if (last.old_index + last.old_len == old_index && last.new_index + last.new_len == new_index) {
        last.old_len += old_len;
        last.new_len += new_len;
        return;
      }
    }
    ops_.push_back(DiffOp{tag, old_index, new_index, old_len, new_len});
  }

  ptrdiff_t& f(ptrdiff_t k) { return fwd_[static_cast<size_t>(k + offset_)]; }
  ptrdiff_t& r(ptrdiff_t k) { return bwd_[static_cast<size_t>(k + offset_)]; }

  // The start of the middle snake of the shortest edit script between a[a0, a1) and b[b0, b1),
  // as absolute (x, y); false when there is none (cannot happen for non-empty ranges).
  bool middle_snake(size_t a0, size_t a1, size_t b0, size_t b1, size_t& sx, size_t& sy) {
    const ptrdiff_t n = static_cast<ptrdiff_t>(a1 - a0), m = static_cast<ptrdiff_t>(b1 - b0);
    const ptrdiff_t delta = n - m;
    const bool odd = (delta & 1) != 0;
    f(1) = 0;
    r(1) = 0;
    const ptrdiff_t d_max = (n + m + 1) / 2 + 1;
    for (ptrdiff_t d = 0; d < d_max; ++d) {
      for (ptrdiff_t k = d; k >= -d; k -= 2) {
        ptrdiff_t x = (k == -d || (k != d && f(k - 1) < f(k + 1))) ? f(k + 1) : f(k - 1) + 1;
        const ptrdiff_t y = x - k;
        const ptrdiff_t x0 = x, y0 = y;
        if (x < n && y < m) {
          x += static_cast<ptrdiff_t>(common_prefix(a0 + x, a1, b0 + y, b1));
        }
        f(k) = x;
        if (odd && std::abs(k - delta) <= d - 1 && f(k) + r(-(k - delta)) >= n) {
          sx = a0 + static_cast<size_t>(x0);
          sy = b0 + static_cast<size_t>(y0);
          return true;
        }
      }
      for (ptrdiff_t k = d; k >= -d; k -= 2) {
        ptrdiff_t x = (k == -d || (k != d && r(k - 1) < r(k + 1))) ? r(k + 1) : r(k - 1) + 1;
        ptrdiff_t y = x - k;
        if (x < n && y < m) {
          const ptrdiff_t advance = static_cast<ptrdiff_t>(
              common_suffix(a0, a1 - static_cast<size_t>(x), b0, b1 - static_cast<size_t>(y)));
          x += advance;
          y += advance;
        }
        r(k) = x;
        if (!odd && std::abs(k - delta) <= d && r(k) + f(-(k - delta)) >= n) {
          sx = a0 + static_cast<size_t>(n - x);
          sy = b0 + static_cast<size_t>(m - y);
          return true;
        }
      }
    }
    return false;
  }

  // Iterative over an explicit stack of ranges, so that long files cannot overflow the C stack;
  // the ops come out in order because each range's parts are pushed back to front.
  void conquer(size_t a0, size_t a1, size_t b0, size_t b1) {
    struct Task {
      size_t a0, a1, b0, b1;
      bool is_suffix;  // emit an Equal run of a1 - a0 lines instead of diffing
    };
    std::vector<Task> stack{{a0, a1, b0, b1, false}};
    while (!stack.empty()) {
      Task t = stack.back();
      stack.pop_back();
      if (t.is_suffix) {
        emit(DiffOp::Tag::Equal, t.a0, t.b0, t.a1 - t.a0, t.a1 - t.a0);
        continue;
      }
      const size_t prefix = common_prefix(t.a0, t.a1, t.b0, t.b1);
      emit(DiffOp::Tag::Equal, t.a0, t.b0, prefix, prefix);
      t.a0 += prefix;
      t.b0 += prefix;
      const size_t suffix = common_suffix(t.a0, t.a1, t.b0, t.b1);
      t.a1 -= suffix;
      t.b1 -= suffix;
      if (suffix) stack.push_back(Task{t.a1, t.a1 + suffix, t.b1, t.b1 + suffix, true});
      size_t sx = 0, sy = 0;
      if (t.b0 == t.b1) {
        emit(DiffOp::Tag::Delete, t.a0, t.b0, t.a1 - t.a0, 0);
      } else if (t.a0 == t.a1) {
        emit(DiffOp::Tag::Insert, t.a0, t.b0, 0, t.b1 - t.b0);
      } else if (middle_snake(t.a0, t.a1, t.b0, t.b1, sx, sy)) {
        stack.push_back(Task{sx, t.a1, sy, t.b1, false});
        stack.push_back(Task{t.a0, sx, t.b0, sy, false});
      } else {
        emit(DiffOp::Tag::Delete, t.a0, t.b0, t.a1 - t.a0, 0);
        emit(DiffOp::Tag::Insert, t.a1, t.b0, 0, t.b1 - t.b0);
      }
    }
  }

  const Lines& a_;
  const Lines& b_;
  ptrdiff_t offset_ = 0;
  std::vector<ptrdiff_t> fwd_, bwd_;
  std::vector<DiffOp> ops_;
};

std::string unified_range(size_t start, size_t len) {
  // difflib's format: a one-line range is just its line; an empty one names the line before it.
  if (len == 1) return std::to_string(start + 1);
  return std::to_string(len == 0 ? start : start + 1) + "," + std::to_string(len);
}

}  // namespace

std::vector<DiffOp> diff_lines(const std::vector<std::string_view>& a, const std::vector<std::string_view>& b) {
  // Between two runs of equal lines, the deleted lines come first, then the inserted ones, as a
  // replacement (the order `similar`, and so Ruff, shows them in).
  std::vector<DiffOp> out;
  std::optional<DiffOp> del, ins;
  auto flush = [&] {
    if (del) out.push_back(*del);
    if (ins) out.push_back(*ins);
    del.reset();
    ins.reset();
  };
  for (const DiffOp& op : Myers(a, b).run()) {
    switch (op.tag) {
      case DiffOp::Tag::Equal:
        flush();
        out.push_back(op);
        break;
      case DiffOp::Tag::Delete:
        if (del) del->old_len += op.old_len;
        else del = op;
        break;
      case DiffOp::Tag::Insert:
        if (ins) ins->new_len += op.new_len;
        else ins = op;
        break;
    }
  }
  flush();
  // A replacement's insertion starts where its deletion does, in the old text.
  for (size_t i = 1; i < out.size(); ++i) {
    if (out[i].tag == DiffOp::Tag::Insert && out[i - 1].tag == DiffOp::Tag::Delete) out[i].old_index = out[i - 1].old_index;
  }
  return out;
}

std::vector<std::vector<DiffOp>> group_ops(std::vector<DiffOp> ops, size_t context) {
  std::vector<std::vector<DiffOp>> groups;
  if (ops.empty()) return groups;
  if (DiffOp& first = ops.front(); first.tag == DiffOp::Tag::Equal) {
    const size_t cut = first.old_len > context ? first.old_len - context : 0;
    first.old_index += cut;
    first.new_index += cut;
    first.old_len = first.new_len = first.old_len - cut;
  }
  if (DiffOp& last = ops.back(); last.tag == DiffOp::Tag::Equal) {
    last.old_len = last.new_len = std::min(last.old_len, context);
  }
  std::vector<DiffOp> pending;
  for (const DiffOp& op : ops) {
    if (op.tag == DiffOp::Tag::Equal && op.old_len > 2 * context) {
      pending.push_back(DiffOp{op.tag, op.old_index, op.new_index, context, context});
      groups.push_back(std::move(pending));
      const size_t cut = op.old_len - context;
      pending = {DiffOp{op.tag, op.old_index + cut, op.new_index + cut, context, context}};
      continue;
    }
    pending.push_back(op);
  }
  if (!(pending.empty() || (pending.size() == 1 && pending.front().tag == DiffOp::Tag::Equal))) {
    groups.push_back(std::move(pending));
  }
  return groups;
}

std::string unified_diff(std::string_view old_text, std::string_view new_text, std::string_view old_name,
                         std::string_view new_name, size_t context) {
  if (old_text == new_text) return "";
  const Lines a = split_lines(old_text), b = split_lines(new_text);
  std::string out;
  if (!old_name.empty() || !new_name.empty()) {
    out += "--- ";
    out += terminal_line(old_name);
    out += "\n+++ ";
    out += terminal_line(new_name);
    out += "\n";
  }
  // Control characters of the lines are shown as pictures (terminal.h), line endings kept.
  auto line = [&](char sign, std::string_view text) {
    out += sign;
    size_t body = text.size();
    while (body > 0 && (text[body - 1] == '\n' || text[body - 1] == '\r')) --body;
    out += terminal_text(text.substr(0, body));
    out += text.substr(body);
    if (text.empty() || (text.back() != '\n' && text.back() != '\r')) out += "\n\\ No newline at end of file\n";
  };
  for (const std::vector<DiffOp>& group : group_ops(diff_lines(a, b), context)) {
    size_t old_start = SIZE_MAX, old_end = 0, new_start = SIZE_MAX, new_end = 0;
    for (const DiffOp& op : group) {
      old_start = std::min(old_start, op.old_index);
      old_end = std::max(old_end, op.old_index + op.old_len);
      new_start = std::min(new_start, op.new_index);
      new_end = std::max(new_end, op.new_index + op.new_len);
    }
    out += "@@ -" + unified_range(old_start, old_end - old_start) + " +" + unified_range(new_start, new_end - new_start) +
           " @@\n";
    for (const DiffOp& op : group) {
      switch (op.tag) {
        case DiffOp::Tag::Equal:
          for (size_t i = 0; i < op.old_len; ++i) line(' ', a[op.old_index + i]);
          break;
        case DiffOp::Tag::Delete:
          for (size_t i = 0; i < op.old_len; ++i) line('-', a[op.old_index + i]);
          break;
        case DiffOp::Tag::Insert:
          for (size_t i = 0; i < op.new_len; ++i) line('+', b[op.new_index + i]);
          break;
      }
    }
  }
  return out;
}

}  // namespace lint
