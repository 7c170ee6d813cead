// I001: import blocks sorted and formatted as Ruff's isort implementation does.
//
// The rule collects the file's import statements and comments during the walk; finish() groups
// the imports into blocks, builds each block's expected text and compares it with the file.
#include <tree_sitter/api.h>

#include <algorithm>
#include <cstdint>
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <tuple>
#include <unordered_map>
#include <vector>

#include "engine/rule.h"
#include "isort/categorize.h"
#include "fix/stylist.h"

namespace lint::rules {

namespace {

namespace fs = std::filesystem;

constexpr std::string_view kDoc = R"(## What it does
Sorts and groups the imports of each import block: `__future__` imports first, then the
standard library, third-party packages, the project's own modules (first party) and relative
imports (local folder), each section separated by a blank line; within a section, `import x`
before `from x import y`, modules in natural, case-insensitive order, and the members of a
`from` import as constants, classes, then functions and variables. Duplicate imports are
merged, `from` imports longer than `line-length` are wrapped one member per line in
parentheses with a trailing comma, and the block is followed by one blank line (two before a
class or function at the top level).

An import block is a run of import statements at one level, ended by any other statement or by
a `# isort: split` comment. `# isort: skip_file` skips the file, `# isort: off` ... `# isort:
on` leaves the imports between them alone, and an import whose line holds `# isort: skip` is
left where it is (each also as `# ruff: isort: ...`).

A module is first party when it is named in `known-first-party`, when the file is in a package
of that name, or when it is found (a folder, `.py` or `.pyi` file) in one of the `src` folders
(by default the project's folder and its `src` folder). The standard library is Ruff's list of
modules for the `target-version`.

## Why is this bad?
Imports in one consistent order are easier to read, and the order shows at a glance where
each module comes from. Keeping them sorted by hand is tedious; a tool does it the same way
every time.

## Example
```python
import sys
import requests
import os
```

Use instead:
```python
import os
import sys

import requests
```

## Fix safety
The fix rewrites the whole block and is safe: it keeps every import and every comment attached
to one. A block that shares a line with other statements is reported without a fix.
)";

constexpr std::string_view kMessage = "Import block is un-sorted or un-formatted";

// ---------------------------------------------------------------------------------------------
// Text helpers

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\f'; }

uint32_t line_start(std::string_view s, uint32_t at) {
  while (at > 0 && s[at - 1] != '\n' && s[at - 1] != '\r') --at;
  return at;
}

uint32_t line_end(std::string_view s, uint32_t at) {
  while (at < s.size() && s[at] != '\n' && s[at] != '\r') ++at;
  return at;
}

uint32_t full_line_end(std::string_view s, uint32_t at) {
  at = line_end(s, at);
  if (at < s.size() && s[at] == '\r') ++at;
  if (at < s.size() && s[at] == '\n') ++at;
  return at;
}

// Lines of `text` without their endings (as Ruff's universal newlines: no empty last line).
std::vector<std::string_view> split_lines(std::string_view text) {
  std::vector<std::string_view> out;
  size_t i = 0;
  while (i < text.size()) {
    size_t j = i;
    while (j < text.size() && text[j] != '\n' && text[j] != '\r') ++j;
    out.push_back(text.substr(i, j - i));
    if (j < text.size() && text[j] == '\r' && j + 1 < text.size() && text[j + 1] == '\n') ++j;
    i = j + 1;
  }
  return out;
}

std::string_view trim_start(std::string_view s) {
  size_t i = 0;
  while (i < s.size() && (is_space(s[i]))) ++i;
  return s.substr(i);
}

std::string_view trim(std::string_view s) {
  s = trim_start(s);
  while (!s.empty() && (is_space(s.back()) || s.back() == '\n' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

std::string_view trim_end(std::string_view s) {
  while (!s.empty() && (is_space(s.back()) || s.back() == '\n' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

// The width of text as Ruff measures a line: tabs to the next multiple of 4, wide East Asian
// characters count two.
size_t add_width(size_t width, std::string_view s) {
  for (size_t i = 0; i < s.size();) {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    if (c == '\t') {
      width += 4 - width % 4;
      ++i;
      continue;
    }
    if (c < 0x80) {
      ++width;
      ++i;
      continue;
    }
    uint32_t cp = 0;
    size_t n = 1;
    if ((c & 0xE0) == 0xC0) {
      cp = c & 0x1F;
      n = 2;
    } else if ((c & 0xF0) == 0xE0) {
      cp = c & 0x0F;
      n = 3;
    } else {
      cp = c & 0x07;
      n = 4;
    }
    for (size_t k = 1; k < n && i + k < s.size(); ++k) cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
    i += n;
    const bool wide = (cp >= 0x1100 && cp <= 0x115F) || (cp >= 0x2E80 && cp <= 0xA4CF) ||
                      (cp >= 0xAC00 && cp <= 0xD7A3) || (cp >= 0xF900 && cp <= 0xFAFF) ||
                      (cp >= 0xFE30 && cp <= 0xFE4F) || (cp >= 0xFF00 && cp <= 0xFF60) ||
                      (cp >= 0xFFE0 && cp <= 0xFFE6) || (cp >= 0x1F300 && cp <= 0x1F64F) ||
                      (cp >= 0x1F900 && cp <= 0x1F9FF) || (cp >= 0x20000 && cp <= 0x3FFFD);
    width += wide ? 2 : 1;
  }
  return width;
}

std::string ascii_lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

// Natural order, as the natord crate compares (digit runs by value; a run starting with 0
// compared digit by digit; whitespace skipped).
int natural_compare(std::string_view a, std::string_view b) {
  auto ws = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; };
  auto digit = [](std::string_view s, size_t k) { return k < s.size() && s[k] >= '0' && s[k] <= '9' ? s[k] - '0' : -1; };
  auto cmp = [](int l, int r) { return l < r ? -1 : l > r ? 1 : 0; };
  size_t i = 0, j = 0;
  while (true) {
    while (i < a.size() && ws(a[i])) ++i;
    while (j < b.size() && ws(b[j])) ++j;
    if (i >= a.size() || j >= b.size()) {
      if (i >= a.size() && j >= b.size()) return 0;
      return i >= a.size() ? -1 : 1;
    }
    int l = digit(a, i), r = digit(b, j);
    if (l >= 0 && r >= 0) {
      if (l == 0 || r == 0) {
        if (l != r) return cmp(l, r);
        while (true) {
          ++i, ++j;
          l = digit(a, i), r = digit(b, j);
          if (l >= 0 && r >= 0) {
            if (l != r) return cmp(l, r);
          } else if (l >= 0) {
            return 1;
          } else if (r >= 0) {
            return -1;
          } else {
            break;
          }
        }
      } else {
        int last = cmp(l, r);
        while (true) {
          ++i, ++j;
          l = digit(a, i), r = digit(b, j);
          if (l >= 0 && r >= 0) {
            if (last == 0) last = cmp(l, r);
          } else if (l >= 0) {
            return 1;
          } else if (r >= 0) {
            return -1;
          } else {
            break;
          }
        }
        if (last != 0) return last;
      }
      continue;
    }
    const auto lc = static_cast<unsigned char>(a[i]), rc = static_cast<unsigned char>(b[j]);
    if (lc != rc) return lc < rc ? -1 : 1;
    ++i, ++j;
  }
}

struct Settings {
  isort::KnownModules modules;
  bool combine_as_imports = false;
  bool force_single_line = false;
  int64_t lines_after_imports = -1;
  bool order_by_type = true;
  bool case_sensitive = false;
  bool force_sort_within_sections = false;
  bool split_on_trailing_comma = true;

  explicit Settings(const RuleOptions& o) : modules(o) {
    combine_as_imports = o.boolean("combine-as-imports", false);
    force_single_line = o.boolean("force-single-line", false);
    lines_after_imports = o.integer("lines-after-imports", -1);
    order_by_type = o.boolean("order-by-type", true);
    case_sensitive = o.boolean("case-sensitive", false);
    force_sort_within_sections = o.boolean("force-sort-within-sections", false);
    split_on_trailing_comma = o.boolean("split-on-trailing-comma", true);
  }
};

// ---------------------------------------------------------------------------------------------
// Sort keys

enum class MemberType : uint8_t { Constant, Class, Variable };

MemberType member_type(std::string_view name) {
  bool upper = false, lower = false;
  for (const char c : name) {
    if (c >= 'A' && c <= 'Z') upper = true;
    if (c >= 'a' && c <= 'z') lower = true;
  }
  if (name.size() > 1 && upper && !lower) return MemberType::Constant;
  if (!name.empty() && name[0] >= 'A' && name[0] <= 'Z') return MemberType::Class;
  return MemberType::Variable;
}

int compare_optional_natural(const std::optional<std::string>& a, const std::optional<std::string>& b) {
  if (!a || !b) return a ? 1 : b ? -1 : 0;
  return natural_compare(*a, *b);
}

struct MemberKey {
  bool not_star;
  std::optional<MemberType> type;
  std::optional<std::string> lower;
  std::string name;
  std::optional<std::string> asname;

  MemberKey(std::string_view n, std::string_view as, const Settings& s)
      : not_star(n != "*"), name(n) {
    if (s.order_by_type) type = member_type(n);
    if (!s.case_sensitive) lower = ascii_lower(n);
    if (!as.empty()) asname = std::string(as);
  }

  int compare(const MemberKey& o) const {
    if (not_star != o.not_star) return not_star ? 1 : -1;
    if (type != o.type) return !type ? -1 : !o.type ? 1 : *type < *o.type ? -1 : 1;
    if (int c = compare_optional_natural(lower, o.lower)) return c;
    if (int c = natural_compare(name, o.name)) return c;
    return compare_optional_natural(asname, o.asname);
  }
};

struct ModuleKey {
  uint32_t level;  // 0, or the number of dots (furthest first)
  std::optional<std::string> lower;
  std::optional<std::string> name;
  std::optional<MemberKey> first_alias;
  std::optional<std::string> asname;

  ModuleKey(std::optional<std::string_view> module, std::string_view as, uint32_t lvl,
            const std::optional<std::pair<std::string_view, std::string_view>>& first, const Settings& s)
      : level(lvl) {
    if (module) {
      name = std::string(*module);
      if (!s.case_sensitive) lower = ascii_lower(*module);
    }
    if (first) first_alias.emplace(first->first, first->second, s);
    if (!as.empty()) asname = std::string(as);
  }

  int compare(const ModuleKey& o) const {
    // Relative imports before absolute ones, the furthest first.
    if (level != o.level) {
      if (level == 0) return 1;
      if (o.level == 0) return -1;
      return level > o.level ? -1 : 1;
    }
    if (int c = compare_optional_natural(lower, o.lower)) return c;
    if (int c = compare_optional_natural(name, o.name)) return c;
    if (first_alias || o.first_alias) {
      if (!first_alias) return -1;
      if (!o.first_alias) return 1;
      if (int c = first_alias->compare(*o.first_alias)) return c;
    }
    return compare_optional_natural(asname, o.asname);
  }
};

// ---------------------------------------------------------------------------------------------
// The import block's model

struct Comments {
  std::vector<std::string_view> atop, inline_, trailing;
  bool empty() const { return atop.empty() && inline_.empty() && trailing.empty(); }
};

struct Alias {
  std::string_view name;
  std::string_view asname;  // empty: none
  bool operator<(const Alias& o) const { return std::tie(name, asname) < std::tie(o.name, o.asname); }
  bool operator==(const Alias& o) const = default;
};

struct AnnotatedMember {
  Alias alias;
  Comments comments;
};

struct Annotated {
  bool from = false;
  std::vector<Alias> names;  // `import` names
  std::optional<std::string_view> module;  // `from` imports
  uint32_t level = 0;
  std::vector<AnnotatedMember> members;
  Comments comments;
  bool trailing_comma = false;
};

struct StraightEntry {
  Alias alias;
  size_t first_index = SIZE_MAX;
  std::vector<std::string_view> atop, inline_;
};

struct FromEntry {
  std::optional<std::string_view> module;
  uint32_t level = 0;
  size_t first_index = SIZE_MAX;
  Comments comments;
  std::vector<std::pair<Alias, Comments>> aliases;
  bool trailing_comma = false;

  Comments& alias(const Alias& a) {
    for (auto& [k, c] : aliases) {
      if (k == a) return c;
    }
    aliases.emplace_back(a, Comments{});
    return aliases.back().second;
  }
  std::string module_name() const { return std::string(level, '.') + std::string(module.value_or("")); }
};

using FromKey = std::tuple<std::optional<std::string_view>, uint32_t>;
using FromAsKey = std::tuple<std::optional<std::string_view>, uint32_t, Alias>;

struct Normalized {
  std::map<Alias, StraightEntry> straight;
  std::map<FromKey, FromEntry> from;
  std::map<FromAsKey, FromEntry> from_as;
  std::map<FromKey, FromEntry> star;
};

FromEntry& entry(std::map<FromKey, FromEntry>& m, std::optional<std::string_view> module, uint32_t level) {
  FromEntry& e = m[{module, level}];
  e.module = module;
  e.level = level;
  return e;
}

FromEntry& entry(std::map<FromAsKey, FromEntry>& m, std::optional<std::string_view> module, uint32_t level, const Alias& a) {
  FromEntry& e = m[{module, level, a}];
  e.module = module;
  e.level = level;
  return e;
}

void set_first(size_t& first, size_t index) {
  if (first == SIZE_MAX) first = index;
}

Normalized normalize(std::vector<Annotated>& imports, const Settings& s) {
  Normalized block;
  for (size_t index = 0; index < imports.size(); ++index) {
    Annotated& imp = imports[index];
    if (!imp.from) {
      if (!imp.names.empty()) {
        StraightEntry& e = block.straight[imp.names.front()];
        e.alias = imp.names.front();
        set_first(e.first_index, index);
        for (auto c : imp.comments.atop) e.atop.push_back(c);
        for (auto c : imp.comments.inline_) e.inline_.push_back(c);
      }
      for (const Alias& a : imp.names) {
        StraightEntry& e = block.straight[a];
        e.alias = a;
        set_first(e.first_index, index);
      }
      continue;
    }
    const bool isolate = s.force_single_line && (imp.members.empty() || imp.members.front().alias.name != "*");
    if (isolate) {
      bool first = true;
      for (const AnnotatedMember& m : imp.members) {
        FromEntry& e = entry(block.from_as, imp.module, imp.level, m.alias);
        set_first(e.first_index, index);
        if (first) {
          first = false;
          for (auto c : imp.comments.atop) e.comments.atop.push_back(c);
        }
        for (auto c : imp.comments.inline_) e.comments.inline_.push_back(c);
        for (auto c : imp.comments.trailing) e.comments.trailing.push_back(c);
      }
    } else if (!imp.members.empty()) {
      const Alias& a = imp.members.front().alias;
      FromEntry& e = a.name == "*" ? entry(block.star, imp.module, imp.level)
                     : (a.asname.empty() || s.combine_as_imports) ? entry(block.from, imp.module, imp.level)
                                                                 : entry(block.from_as, imp.module, imp.level, a);
      set_first(e.first_index, index);
      for (auto c : imp.comments.atop) e.comments.atop.push_back(c);
      for (auto c : imp.comments.inline_) e.comments.inline_.push_back(c);
      for (auto c : imp.comments.trailing) e.comments.trailing.push_back(c);
    }
    for (AnnotatedMember& m : imp.members) {
      FromEntry& e = m.alias.name == "*" ? entry(block.star, imp.module, imp.level)
                     : (!isolate && (m.alias.asname.empty() || s.combine_as_imports))
                         ? entry(block.from, imp.module, imp.level)
                         : entry(block.from_as, imp.module, imp.level, m.alias);
      set_first(e.first_index, index);
      Comments& c = e.alias(m.alias);
      for (auto x : m.comments.atop) c.atop.push_back(x);
      for (auto x : m.comments.inline_) c.inline_.push_back(x);
      for (auto x : m.comments.trailing) c.trailing.push_back(x);
      if (!isolate && imp.trailing_comma) e.trailing_comma = true;
    }
  }
  return block;
}

// One import of a section, in output order.
struct Ordered {
  const StraightEntry* straight = nullptr;
  const FromEntry* from = nullptr;
  std::vector<std::pair<Alias, const Comments*>> aliases;  // sorted members of a `from` import
};

struct SectionImports {
  std::vector<const StraightEntry*> straight;
  std::vector<const FromEntry*> from;
};

std::vector<Ordered> order(const SectionImports& section, bool future, const Settings& s) {
  std::vector<Ordered> froms;
  for (const FromEntry* e : section.from) {
    Ordered o;
    o.from = e;
    for (const auto& [a, c] : e->aliases) o.aliases.emplace_back(a, &c);
    std::vector<MemberKey> keys;
    std::vector<size_t> idx(o.aliases.size());
    for (size_t i = 0; i < o.aliases.size(); ++i) {
      keys.emplace_back(o.aliases[i].first.name, o.aliases[i].first.asname, s);
      idx[i] = i;
    }
    std::stable_sort(idx.begin(), idx.end(), [&](size_t a, size_t b) { return keys[a].compare(keys[b]) < 0; });
    std::vector<std::pair<Alias, const Comments*>> sorted;
    for (size_t i : idx) sorted.push_back(o.aliases[i]);
    o.aliases = std::move(sorted);
    froms.push_back(std::move(o));
  }
  auto from_key = [&](const Ordered& o) {
    std::optional<std::pair<std::string_view, std::string_view>> first;
    if (!o.aliases.empty()) first = std::make_pair(o.aliases.front().first.name, o.aliases.front().first.asname);
    return ModuleKey(o.from->module, {}, o.from->level, first, s);
  };
  std::vector<Ordered> straights;
  for (const StraightEntry* e : section.straight) {
    Ordered o;
    o.straight = e;
    straights.push_back(std::move(o));
  }
  auto straight_key = [&](const Ordered& o) {
    return ModuleKey(o.straight->alias.name, o.straight->alias.asname, 0, std::nullopt, s);
  };
  auto sort = [&](std::vector<Ordered>& v) {
    std::vector<std::pair<ModuleKey, size_t>> keys;
    for (const Ordered& o : v) {
      keys.emplace_back(o.from ? from_key(o) : straight_key(o), o.from ? o.from->first_index : o.straight->first_index);
    }
    std::vector<size_t> idx(v.size());
    for (size_t i = 0; i < v.size(); ++i) idx[i] = i;
    std::stable_sort(idx.begin(), idx.end(), [&](size_t a, size_t b) {
      const int c = keys[a].first.compare(keys[b].first);
      if (c != 0) return c < 0;
      return keys[a].second < keys[b].second;
    });
    std::vector<Ordered> out;
    for (size_t i : idx) out.push_back(std::move(v[i]));
    v = std::move(out);
  };
  std::vector<Ordered> out;
  if (!future && s.force_sort_within_sections) {
    out = std::move(straights);
    for (Ordered& o : froms) out.push_back(std::move(o));
    sort(out);
    return out;
  }
  sort(straights);
  sort(froms);
  if (future) {
    out = std::move(froms);
    for (Ordered& o : straights) out.push_back(std::move(o));
  } else {
    out = std::move(straights);
    for (Ordered& o : froms) out.push_back(std::move(o));
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Formatting

struct Style {
  std::string_view eol;
  std::string indentation;  // one level, for wrapped members
  size_t base_width;        // the block's indentation
  int line_length;
};

// Comments on lines of their own above an import, after a blank line unless it comes first.
void format_atop(std::string& out, const std::vector<std::string_view>& atop, bool first, const Style& st) {
  if (!first && !atop.empty()) out += st.eol;
  for (auto c : atop) {
    out += c;
    out += st.eol;
  }
}

// `name` or `name as asname`.
void format_alias(std::string& out, const Alias& a) {
  out += a.name;
  if (!a.asname.empty()) {
    out += " as ";
    out += a.asname;
  }
}

// Comments at the end of a line, two spaces before each.
void format_inline(std::string& out, const std::vector<std::string_view>& comments) {
  for (auto c : comments) {
    out += "  ";
    out += c;
  }
}

void format_straight(std::string& out, const StraightEntry& e, bool first, const Style& st) {
  format_atop(out, e.atop, first, st);
  out += "import ";
  format_alias(out, e.alias);
  format_inline(out, e.inline_);
  out += st.eol;
}

// Ruff's is_pragma_comment: `# noqa...`, `# nosec...`, or `# <tool>: ...` for the tools that
// read such comments.
bool is_pragma_comment(std::string_view comment) {
  if (!comment.starts_with('#')) return false;
  std::string_view content = comment.substr(1);
  while (!content.empty() && (content.front() == ' ' || content.front() == '\t' || content.front() == '\f')) {
    content.remove_prefix(1);
  }
  if (content.size() >= 4 && std::tolower(static_cast<unsigned char>(content[0])) == 'n' &&
      std::tolower(static_cast<unsigned char>(content[1])) == 'o' &&
      std::tolower(static_cast<unsigned char>(content[2])) == 'q' &&
      std::tolower(static_cast<unsigned char>(content[3])) == 'a') {
    return true;
  }
  if (content.starts_with("nosec")) return true;
  const size_t colon = content.find(':');
  if (colon == std::string_view::npos) return false;
  const std::string_view tool = content.substr(0, colon);
  for (std::string_view t : {"isort", "type", "pyright", "pyrefly", "pylint", "flake8", "ruff", "ty"}) {
    if (tool == t) return true;
  }
  return false;
}

size_t format_single_line(std::string& out, const Ordered& o, bool first, const Style& st) {
  const FromEntry& e = *o.from;
  format_atop(out, e.comments.atop, first, st);
  std::string line = "from " + e.module_name() + " import ";
  for (size_t i = 0; i < o.aliases.size(); ++i) {
    format_alias(line, o.aliases[i].first);
    if (i + 1 < o.aliases.size()) line += ", ";
  }
  const size_t comments_start = line.size();
  format_inline(line, e.comments.inline_);
  for (const auto& [a, c] : o.aliases) {
    format_inline(line, c->atop);
    format_inline(line, c->inline_);
    format_inline(line, c->trailing);
  }
  format_inline(line, e.comments.trailing);
  // Ruff does not count a pragma comment (`# type: ignore`, `# noqa`) against the line length:
  // the line is measured up to the first one, as E501 measures it.
  std::string_view measured = line;
  for (size_t at = line.find('#', comments_start); at != std::string::npos; at = line.find('#', at + 1)) {
    if (is_pragma_comment(std::string_view(line).substr(at))) {
      measured = std::string_view(line).substr(0, at);
      while (!measured.empty() && (measured.back() == ' ' || measured.back() == '\t')) measured.remove_suffix(1);
      break;
    }
  }
  const size_t width = add_width(st.base_width, measured);
  out += line;
  out += st.eol;
  return width;
}

void format_multi_line(std::string& out, const Ordered& o, bool first, const Style& st) {
  const FromEntry& e = *o.from;
  format_atop(out, e.comments.atop, first, st);
  out += "from ";
  out += e.module_name();
  out += " import (";
  format_inline(out, e.comments.inline_);
  out += st.eol;
  // Comments on lines of their own, indented as the members.
  const auto own_lines = [&](const std::vector<std::string_view>& comments) {
    for (auto x : comments) {
      out += st.indentation;
      out += x;
      out += st.eol;
    }
  };
  for (const auto& [a, c] : o.aliases) {
    own_lines(c->atop);
    out += st.indentation;
    format_alias(out, a);
    out += ',';
    format_inline(out, c->inline_);
    out += st.eol;
    own_lines(c->trailing);
  }
  out += ')';
  format_inline(out, e.comments.trailing);
  out += st.eol;
}

void format_from(std::string& out, const Ordered& o, bool first, const Style& st, bool trailing_comma) {
  const auto& aliases = o.aliases;
  if (aliases.size() == 1 && aliases.front().first.name == "*" && aliases.front().first.asname.empty()) {
    format_single_line(out, o, first, st);
    return;
  }
  const bool no_comments =
      std::all_of(aliases.begin(), aliases.end(), [](const auto& a) { return a.second->empty(); });
  if (!trailing_comma && (aliases.size() == 1 || no_comments)) {
    std::string single;
    const size_t width = format_single_line(single, o, first, st);
    const bool star = std::any_of(aliases.begin(), aliases.end(), [](const auto& a) { return a.first.name == "*"; });
    if (width <= static_cast<size_t>(st.line_length) || star) {
      out += single;
      return;
    }
  }
  format_multi_line(out, o, first, st);
}

// ---------------------------------------------------------------------------------------------
// The rule

struct Import {
  TSNode node;
  uint32_t start, end;
  uint32_t container;  // the start byte of the block (or module) holding it
  bool top_level;
};

struct CommentRange {
  uint32_t start, end;
};

enum class Trailer : uint8_t { None, Sibling, ClassDef, FunctionDef };

class UnsortedImports final : public Rule {
 public:
  explicit UnsortedImports(const RuleOptions& options) : settings_(options) {}

  void enter(TSNode node, Context& ctx) override {
    const std::string_view kind = ts_node_type(node);
    if (kind == "comment") {
      comments_.push_back({ts_node_start_byte(node), ts_node_end_byte(node)});
    } else if (kind == "block") {
      containers_.push_back(ts_node_start_byte(node));
    } else if (kind == "module") {
      containers_.clear();
    } else {
      const bool top = containers_.empty();
      imports_.push_back({node, ts_node_start_byte(node), ts_node_end_byte(node), top ? 0 : containers_.back() + 1, top});
    }
    (void)ctx;
  }

  void leave(TSNode node, Context&) override {
    if (is(node, "block") && !containers_.empty()) containers_.pop_back();
  }

  void finish(Context& ctx) override {
    if (imports_.empty()) return;
    if (!read_directives(ctx)) return;
    const std::string_view src = ctx.source();
    std::vector<std::vector<const Import*>> blocks;
    std::vector<bool> ended_by_cell;
    const Import* last = nullptr;
    const auto& cells = ctx.cell_offsets();
    size_t split = 0;
    for (const Import& imp : imports_) {
      bool excluded = false;
      for (const CommentRange& r : exclusions_) {
        if (imp.start >= r.start && imp.start < r.end) excluded = true;
      }
      bool fresh = last == nullptr || blocks.empty() || blocks.back().empty();
      if (!fresh) {
        if (last->container != imp.container || !only_trivia(src.substr(last->end, imp.start - last->end))) fresh = true;
      }
      while (split < splits_.size() && splits_[split] <= imp.start) {
        if (last && splits_[split] > last->start) fresh = true;
        ++split;
      }
      bool cell_break = false;
      if (last && cells.size() > 2) {
        for (size_t i = 1; i + 1 < cells.size(); ++i) {
          if (cells[i] > last->start && cells[i] <= imp.start) cell_break = true;
        }
      }
      if (cell_break) fresh = true;
      if (excluded) {
        if (!blocks.empty() && !blocks.back().empty()) blocks.emplace_back();
        last = nullptr;
        continue;
      }
      if (fresh && (blocks.empty() || !blocks.back().empty())) blocks.emplace_back();
      blocks.back().push_back(&imp);
      last = &imp;
    }
    for (const auto& block : blocks) {
      if (!block.empty()) check_block(ctx, block);
    }
  }

 private:
  // Reads the isort action comments; false when the file is skipped.
  bool read_directives(const Context& ctx) {
    std::optional<uint32_t> off;
    for (const CommentRange& r : comments_) {
      const std::string_view text = trim_end(ctx.source().substr(r.start, r.end - r.start));
      if (text == "# isort: split" || text == "# ruff: isort: split") {
        splits_.push_back(r.start);
      } else if (text == "# isort: skip_file" || text == "# isort:skip_file" || text == "# ruff: isort: skip_file" ||
                 text == "# ruff: isort:skip_file") {
        return false;
      } else if (off) {
        if (text == "# isort: on" || text == "# ruff: isort: on") {
          exclusions_.push_back({*off, r.start});
          off.reset();
        }
      } else if (text.find("isort: skip") != std::string_view::npos || text.find("isort:skip") != std::string_view::npos) {
        const std::string_view s = ctx.source();
        exclusions_.push_back({line_start(s, r.start), line_end(s, r.start)});
      } else if (text == "# isort: off" || text == "# ruff: isort: off") {
        off = r.start;
      }
    }
    if (off) exclusions_.push_back({*off, static_cast<uint32_t>(ctx.source().size()) + 1});
    return true;
  }

  // Whether the text between two statements holds no other statement.
  static bool only_trivia(std::string_view text) {
    for (size_t i = 0; i < text.size(); ++i) {
      const char c = text[i];
      if (c == '#') {
        while (i < text.size() && text[i] != '\n' && text[i] != '\r') ++i;
      } else if (!(is_space(c) || c == '\n' || c == '\r' || c == ';' || c == '\\')) {
        return false;
      }
    }
    return true;
  }

  Trailer trailer_of(const Context& ctx, const Import& last) const {
    if (!last.top_level) return Trailer::None;
    // The next statement of the module after the block.
    const TSNode root = ctx.root();
    uint32_t at = last.end;
    TSNode next{};
    while (true) {
      next = ts_node_first_named_child_for_byte(root, at);
      if (ts_node_is_null(next)) return Trailer::None;
      if (ts_node_start_byte(next) < last.end) {
        at = std::max(at + 1, ts_node_end_byte(next));
        if (at > ctx.source().size()) return Trailer::None;
        continue;
      }
      if (is(next, "comment")) {
        at = ts_node_end_byte(next);
        continue;
      }
      break;
    }
    const uint32_t next_start = ts_node_start_byte(next);
    // A split before the next statement ends the block with that statement's trailer; a cell
    // boundary with none.
    const auto& cells = ctx.cell_offsets();
    bool split_between = false;
    for (uint32_t s : splits_) {
      if (s > last.start && s <= next_start) split_between = true;
    }
    if (!split_between && cells.size() > 2) {
      for (size_t i = 1; i + 1 < cells.size(); ++i) {
        if (cells[i] > last.start && cells[i] <= next_start) return Trailer::None;
      }
    }
    if (ctx.path().ends_with(".pyi")) return Trailer::Sibling;
    TSNode def = next;
    if (is(def, "decorated_definition")) def = ts_node_child_by_field_name(def, "definition", 10);
    const bool function = is(def, "function_definition");
    const bool klass = is(def, "class_definition");
    if (!function && !klass) return Trailer::Sibling;
    if (has_comment_break(ctx.source(), next_start)) return Trailer::Sibling;
    return function ? Trailer::FunctionDef : Trailer::ClassDef;
  }

  // A comment, then a blank line, between the block and the definition that follows it.
  static bool has_comment_break(std::string_view s, uint32_t start) {
    const std::vector<std::string_view> lines = split_lines(s.substr(0, start));
    bool seen_blank = false;
    for (auto it = lines.rbegin(); it != lines.rend(); ++it) {
      const std::string_view line = trim(*it);
      if (seen_blank) {
        if (line.starts_with('#')) return true;
        if (!line.empty()) break;
      } else if (line.empty()) {
        seen_blank = true;
      } else if (line.starts_with('#') || line.starts_with('@')) {
        continue;
      } else {
        break;
      }
    }
    return false;
  }

  static bool has_trailing_content(std::string_view s, uint32_t at) {
    for (uint32_t i = at; i < s.size() && s[i] != '\n' && s[i] != '\r'; ++i) {
      if (s[i] == '#') return false;
      if (!is_space(s[i])) return true;
    }
    return false;
  }

  static bool has_leading_content(std::string_view s, uint32_t at) {
    for (uint32_t i = line_start(s, at); i < at; ++i) {
      if (!is_space(s[i])) return true;
    }
    return false;
  }

  // Whether the line before `at` ends with a line continuation (and `at` starts its line).
  static bool preceded_by_continuation(std::string_view s, uint32_t at) {
    uint32_t ls = line_start(s, at);
    if (has_leading_content(s, at) || ls == 0) return false;
    uint32_t i = ls - 1;
    if (s[i] == '\n' && i > 0 && s[i - 1] == '\r') --i;
    return i > 0 && s[i - 1] == '\\';
  }

  // Comments and names of the block's statements (Ruff's annotation step).
  std::vector<Annotated> annotate(const Context& ctx, const std::vector<const Import*>& block,
                                  const std::vector<CommentRange>& comments) const {
    const std::string_view s = ctx.source();
    size_t next = 0;
    auto take_while = [&](auto predicate, std::vector<std::string_view>& into) {
      while (next < comments.size() && predicate(comments[next])) {
        into.push_back(s.substr(comments[next].start, comments[next].end - comments[next].start));
        ++next;
      }
    };
    std::vector<Annotated> out;
    for (const Import* imp : block) {
      Annotated a;
      const TSNode node = imp->node;
      const std::string_view kind = ts_node_type(node);
      take_while([&](const CommentRange& c) { return c.start < imp->start; }, a.comments.atop);
      if (kind == "import_statement") {
        const uint32_t end = line_end(s, imp->end);
        take_while([&](const CommentRange& c) { return c.end <= end; }, a.comments.inline_);
        for (TSNode child : children(node)) {
          if (is(child, "dotted_name")) {
            a.names.push_back({ctx.text(child), {}});
          } else if (is(child, "aliased_import")) {
            a.names.push_back({ctx.text(ts_node_child_by_field_name(child, "name", 4)),
                               ctx.text(ts_node_child_by_field_name(child, "alias", 5))});
          }
        }
        out.push_back(std::move(a));
        continue;
      }
      a.from = true;
      std::vector<TSNode> names;
      const TSNode module_node = ts_node_child_by_field_name(node, "module_name", 11);
      bool saw_paren = false;
      TSNode last_token{};
      for (TSNode child : children(node)) {
        const std::string_view t = ts_node_type(child);
        if (t == "(") saw_paren = true;
        if (t == ")" && saw_paren) {
          a.trailing_comma = !ts_node_is_null(last_token) && is(last_token, ",");
        }
        if (t != "comment") last_token = child;
        if (!ts_node_is_null(module_node) && ts_node_eq(child, module_node)) continue;
        if (t == "dotted_name" || t == "aliased_import" || t == "wildcard_import") names.push_back(child);
      }
      if (!settings_.split_on_trailing_comma) a.trailing_comma = false;
      if (kind == "future_import_statement") {
        a.module = "__future__";
      } else {
        const TSNode module = ts_node_child_by_field_name(node, "module_name", 11);
        if (is(module, "relative_import")) {
          for (TSNode part : children(module)) {
            if (is(part, "import_prefix")) {
              for (const char c : ctx.text(part)) a.level += c == '.';
            } else if (is(part, "dotted_name")) {
              a.module = ctx.text(part);
            }
          }
        } else {
          a.module = ctx.text(module);
        }
      }
      const uint32_t first_alias_start = names.empty() ? imp->end : ts_node_start_byte(names.front());
      bool line_break = false;
      for (uint32_t i = imp->start; i < first_alias_start; ++i) {
        if (s[i] == '\n' || s[i] == '\r') line_break = true;
      }
      if (names.size() > 1 || (!names.empty() && line_break)) {
        const uint32_t end = line_end(s, imp->start);
        take_while([&](const CommentRange& c) { return c.end <= end; }, a.comments.inline_);
      }
      for (TSNode n : names) {
        AnnotatedMember m;
        if (is(n, "aliased_import")) {
          m.alias = {ctx.text(ts_node_child_by_field_name(n, "name", 4)), ctx.text(ts_node_child_by_field_name(n, "alias", 5))};
        } else {
          m.alias = {ctx.text(n), {}};
        }
        const uint32_t start = ts_node_start_byte(n);
        take_while([&](const CommentRange& c) { return c.start < start; }, m.comments.atop);
        const uint32_t end = line_end(s, ts_node_end_byte(n));
        take_while([&](const CommentRange& c) { return c.end <= end; }, m.comments.inline_);
        a.members.push_back(std::move(m));
      }
      if (!a.members.empty()) {
        take_while([&](const CommentRange& c) { return c.start < imp->end; }, a.members.back().comments.trailing);
      }
      const uint32_t end = line_end(s, imp->end);
      take_while([&](const CommentRange& c) { return c.start < end; }, a.comments.trailing);
      out.push_back(std::move(a));
    }
    return out;
  }

  void check_block(Context& ctx, const std::vector<const Import*>& block) {
    const std::string_view s = ctx.source();
    const Import& first = *block.front();
    const Import& last = *block.back();
    if (has_leading_content(s, first.start) || preceded_by_continuation(s, first.start) ||
        has_trailing_content(s, last.end)) {
      report(ctx, first.start, last.end, std::string(kMessage));
      return;
    }
    const uint32_t fix_start = line_start(s, first.start);
    const std::string_view indentation = s.substr(fix_start, first.start - fix_start);
    const uint32_t block_line_end = full_line_end(s, last.end);
    std::vector<CommentRange> comments;
    for (const CommentRange& c : comments_) {
      if (c.start >= first.start && c.end <= block_line_end) comments.push_back(c);
    }
    const Trailer trailer = trailer_of(ctx, last);
    uint32_t fix_end = block_line_end;
    if (trailer != Trailer::None) {
      // Through the blank lines after the block.
      uint32_t at = block_line_end;
      while (at < s.size()) {
        const uint32_t e = line_end(s, at);
        if (!trim(s.substr(at, e - at)).empty()) break;
        at = full_line_end(s, e);
        fix_end = at;
      }
    }

    std::vector<Annotated> annotated = annotate(ctx, block, comments);
    Normalized normalized = normalize(annotated, settings_);

    const isort::Categorizer categorizer{settings_.modules, ctx.target_minor(), isort::package_root_name(ctx.absolute_path()), ctx.src_roots()};
    std::vector<SectionImports> sections(settings_.modules.section_order.size());
    for (const auto& [k, e] : normalized.straight) sections[categorizer.categorize(e.alias.name, false)].straight.push_back(&e);
    auto add_from = [&](const FromEntry& e) {
      sections[categorizer.categorize(e.module_name(), e.level > 0)].from.push_back(&e);
    };
    for (const auto& [k, e] : normalized.from) add_from(e);
    for (const auto& [k, e] : normalized.from_as) add_from(e);
    for (const auto& [k, e] : normalized.star) add_from(e);

    Stylist stylist(ctx);
    Style style{ctx.line_ending(), stylist.indentation(), add_width(0, indentation), ctx.line_length()};
    std::string expected;
    bool first_section = true;
    for (size_t i = 0; i < sections.size(); ++i) {
      const SectionImports& section = sections[i];
      if (section.straight.empty() && section.from.empty()) continue;
      if (!first_section) expected += style.eol;
      first_section = false;
      const bool future = settings_.modules.section_order[i].section == isort::Section::Future;
      bool first_statement = true;
      for (const Ordered& o : order(section, future, settings_)) {
        if (o.straight) {
          format_straight(expected, *o.straight, first_statement, style);
        } else {
          format_from(expected, o, first_statement, style, settings_.split_on_trailing_comma && o.from->trailing_comma);
        }
        first_statement = false;
      }
    }
    int64_t after = settings_.lines_after_imports;
    if (ctx.path().ends_with(".pyi")) after = after == 0 ? 0 : 1;
    if (trailer == Trailer::Sibling) {
      const int64_t n = after >= 0 ? after : 1;
      for (int64_t k = 0; k < n; ++k) expected += style.eol;
    } else if (trailer == Trailer::ClassDef || trailer == Trailer::FunctionDef) {
      const int64_t n = after >= 0 ? after : 2;
      for (int64_t k = 0; k < n; ++k) expected += style.eol;
    }

    const std::string_view actual = s.substr(fix_start, fix_end - fix_start);
    const auto actual_lines = split_lines(actual);
    const auto expected_lines = split_lines(expected);
    bool same = actual_lines.size() == expected_lines.size();
    for (size_t i = 0; same && i < actual_lines.size(); ++i) {
      same = trim_start(actual_lines[i]) == trim_start(expected_lines[i]);
    }
    if (same) return;

    // The expected text, indented as the block is.
    std::string content;
    if (indentation.empty()) {
      content = std::move(expected);
    } else {
      const std::string_view blank_prefix = trim_end(indentation);
      size_t i = 0;
      while (i < expected.size()) {
        size_t j = expected.find(style.eol, i);
        j = j == std::string::npos ? expected.size() : j + style.eol.size();
        const std::string_view line = std::string_view(expected).substr(i, j - i);
        content += trim(line).empty() ? blank_prefix : indentation;
        content += line;
        i = j;
      }
    }
    // Text from the file keeps its own bytes (a lone `\r` stays one).
    Diagnostic& d = report(ctx, first.start, last.end, std::string(kMessage));
    d.fix_title = "Organize imports";
    d.fix = Fix::safe({Edit::replace(fix_start, fix_end, std::move(content))});
  }

  Settings settings_;
  std::vector<Import> imports_;
  std::vector<CommentRange> comments_;
  std::vector<uint32_t> containers_;
  std::vector<uint32_t> splits_;
  std::vector<CommentRange> exclusions_;
};

}  // namespace

extern const RuleSpec unsorted_imports{
    .code = "I001",
    .name = "unsorted-imports",
    .linter = "isort",
    .kinds = {"module", "block", "comment", "import_statement", "import_from_statement", "future_import_statement"},
    .doc = kDoc,
    .create = make_rule<UnsortedImports>(),
    .options = isort::known_module_options({
        {.name = "combine-as-imports",
         .type = RuleOption::Type::Bool,
         .default_value = "false",
         .doc = "Merge `from x import a as b` into the other members imported from `x`."},
        {.name = "force-single-line",
         .type = RuleOption::Type::Bool,
         .default_value = "false",
         .doc = "Import each member of a `from` import in a statement of its own."},
        {.name = "lines-after-imports",
         .type = RuleOption::Type::Int,
         .default_value = "-1",
         .doc = "Blank lines after a top-level import block; -1: two before a class or function, else one."},
        {.name = "order-by-type",
         .type = RuleOption::Type::Bool,
         .default_value = "true",
         .doc = "Order the members of a `from` import as constants, classes, then the rest."},
        {.name = "case-sensitive",
         .type = RuleOption::Type::Bool,
         .default_value = "false",
         .doc = "Sort modules and members case-sensitively."},
        {.name = "force-sort-within-sections",
         .type = RuleOption::Type::Bool,
         .default_value = "false",
         .doc = "Sort `import x` and `from x import y` together by module within each section."},
        {.name = "split-on-trailing-comma",
         .type = RuleOption::Type::Bool,
         .default_value = "true",
         .doc = "Keep a `from` import whose members end with a comma wrapped, one member per line."},
    }),
    .fix = FixAvailability::Sometimes,
};

}  // namespace lint::rules
