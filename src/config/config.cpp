#include "config/config.h"

#include <toml++/toml.h>

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <deque>
#include <fstream>
#include <iostream>
#include <mutex>
#include <set>
#include <sstream>
#include <unordered_map>

#include "config/toml_depth.h"
#include "engine/registry.h"
#include "output/terminal.h"

namespace fs = std::filesystem;

namespace lint {

namespace {

// The names a configuration file may have, in the order they are looked for in one directory
// (Ruff's order: `.ruff.toml`, `ruff.toml`, `pyproject.toml`).
constexpr std::string_view kConfigNames[] = {".lint.toml", "lint.toml", "pyproject.toml"};

constexpr int kMaxLineLength = 320;  // Ruff's limit

std::string display(const fs::path& absolute) { return display_path(absolute.string()); }

std::string quote(std::string_view s) {
  std::string out = "\"";
  for (const char c : s) {
    if (c == '"' || c == '\\') out += '\\';
    out += c;
  }
  return out + "\"";
}

std::string type_name(const toml::node& n) {
  switch (n.type()) {
    case toml::node_type::table: return "a table";
    case toml::node_type::array: return "an array";
    case toml::node_type::string: return "a string";
    case toml::node_type::integer: return "an integer";
    case toml::node_type::floating_point: return "a float";
    case toml::node_type::boolean: return "a boolean";
    case toml::node_type::date: return "a date";
    case toml::node_type::time: return "a time";
    case toml::node_type::date_time: return "a date-time";
    default: return "nothing";
  }
}

Origin origin_of(const std::string& path, const toml::source_region& r) {
  return Origin{path, r.begin.line ? static_cast<uint32_t>(r.begin.line) : 1u,
                r.begin.column ? static_cast<uint32_t>(r.begin.column) : 1u};
}

[[noreturn]] void fail(const Origin& at, std::string message) {
  throw ConfigError{at.path, at.row, at.column, std::move(message)};
}


// "; did you mean `x`?" for the closest candidate that is plausibly a typo of `word`, or "".
std::string suggestion(std::string_view word, const std::vector<std::string_view>& candidates) {
  std::string_view best;
  size_t best_distance = std::string::npos;
  for (const std::string_view c : candidates) {
    const size_t d = edit_distance(word, c);
    if (d < best_distance) {
      best_distance = d;
      best = c;
    }
  }
  if (best.empty() || best_distance > std::max<size_t>(2, word.size() / 3)) return "";
  return "; did you mean `" + std::string(best) + "`?";
}

// Setting keys and the names of rules that take options: what a key of the table may be.
std::vector<std::string_view> key_candidates() {
  std::vector<std::string_view> out(setting_keys().begin(), setting_keys().end());
  for (const RuleSpec* r : all_rules()) {
    if (!r->options.empty()) out.push_back(r->name);
  }
  return out;
}

// The entries of a table in the order they were written.
std::vector<std::pair<const toml::key*, const toml::node*>> in_order(const toml::table& t) {
  std::vector<std::pair<const toml::key*, const toml::node*>> out;
  for (auto&& [k, v] : t) out.emplace_back(&k, &v);
  std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) {
    const auto& x = a.first->source().begin;
    const auto& y = b.first->source().begin;
    return x.line != y.line ? x.line < y.line : x.column < y.column;
  });
  return out;
}

// "invalid TOML: encountered end-of-file (while parsing array)".
std::string toml_message(std::string_view description) {
  std::string_view d = description;
  constexpr std::string_view kPrefix = "Error while parsing ";
  std::string context;
  if (d.starts_with(kPrefix)) {
    d.remove_prefix(kPrefix.size());
    if (const size_t colon = d.find(": "); colon != std::string_view::npos) {
      context = " (while parsing " + std::string(d.substr(0, colon)) + ")";
      d.remove_prefix(colon + 2);
    }
  }
  return "invalid TOML: " + std::string(d) + context;
}

toml::table parse_toml(const std::string& text, const std::string& path) {
  // Refused before toml++ sees it: it recurses once per level (see toml_depth.h).
  if (const auto deep = find_excessive_toml_depth(text)) {
    fail(Origin{path, deep->row, deep->column},
         "invalid TOML: nested more than " + std::to_string(kMaxTomlDepth) +
             " levels deep (tables, dotted keys and arrays together)");
  }
  try {
    return toml::parse(text, path);
  } catch (const toml::parse_error& e) {
    fail(origin_of(path, e.source()), toml_message(e.description()));
  }
}

fs::path expand_user(const std::string& p) {
  if (p == "~" || p.starts_with("~/")) {
    if (const char* home = std::getenv("HOME"); home && *home) return fs::path(home) / p.substr(std::min<size_t>(2, p.size()));
  }
  return fs::path(p);
}

fs::path absolute_against(const fs::path& root, const std::string& p) {
  const fs::path e = expand_user(p);
  return (e.is_absolute() ? e : root / e).lexically_normal();
}

std::string read_text(const fs::path& path, const std::string& shown) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    const int err = errno;
    throw ConfigError{shown, 1, 1, "cannot read the configuration file: " + std::string(std::strerror(err))};
  }
  std::stringstream buf;
  buf << in.rdbuf();
  return buf.str();
}

// ---------------------------------------------------------------------------------------------
// Reading a table of settings.

struct TableSource {
  std::string path;  // as displayed
  fs::path root;     // for relative paths
  bool override = false;  // --config 'key = value': no `extend`
  fs::path file = {};     // the configuration file (absolute); empty for --config 'key = value'
};

std::vector<Selector> selectors(const toml::node& n, std::string_view key, const TableSource& src) {
  const Origin at = origin_of(src.path, n.source());
  const toml::array* a = n.as_array();
  if (!a) fail(at, "`" + std::string(key) + "` must be a list of rule codes, prefixes or names, not " + type_name(n));
  std::vector<Selector> out;
  for (const toml::node& e : *a) {
    const Origin eo = origin_of(src.path, e.source());
    const auto* s = e.as_string();
    if (!s) fail(eo, "`" + std::string(key) + "` must be a list of rule codes, prefixes or names; this is " + type_name(e));
    out.push_back(Selector{s->get(), eo});
  }
  return out;
}

std::vector<std::pair<std::string, Origin>> strings(const toml::node& n, std::string_view key, std::string_view what,
                                                    const TableSource& src) {
  const Origin at = origin_of(src.path, n.source());
  const toml::array* a = n.as_array();
  if (!a) fail(at, "`" + std::string(key) + "` must be a list of " + std::string(what) + ", not " + type_name(n));
  std::vector<std::pair<std::string, Origin>> out;
  for (const toml::node& e : *a) {
    const Origin eo = origin_of(src.path, e.source());
    const auto* s = e.as_string();
    if (!s) fail(eo, "`" + std::string(key) + "` must be a list of " + std::string(what) + "; this is " + type_name(e));
    out.emplace_back(s->get(), eo);
  }
  return out;
}

// A pattern as messages quote it: whole when short, its start otherwise.
std::string quoted_pattern(const std::string& pattern) {
  constexpr size_t kShown = 80;
  if (pattern.size() <= kShown) return pattern;
  size_t cut = kShown;
  while (cut > 0 && (static_cast<unsigned char>(pattern[cut]) & 0xC0) == 0x80) --cut;
  return pattern.substr(0, cut) + "…";
}

Glob compile_glob(const std::string& pattern, const Origin& at) {
  try {
    return Glob(pattern);
  } catch (const GlobError& e) {
    fail(at, "invalid glob `" + quoted_pattern(pattern) + "`: " + e.what());
  }
}

FilePattern file_pattern(const std::string& pattern, const fs::path& root, const Origin& at) {
  FilePattern p;
  p.pattern = pattern;
  p.raw = compile_glob(pattern, at);
  p.absolute = compile_glob(absolute_against(root, pattern).string(), at);
  return p;
}

std::vector<PerFileIgnoreSetting> per_file_ignores(const toml::node& n, std::string_view key, const TableSource& src) {
  const toml::table* t = n.as_table();
  if (!t) {
    fail(origin_of(src.path, n.source()),
         "`" + std::string(key) + "` must be a table of glob patterns to lists of rule codes, not " + type_name(n));
  }
  std::vector<PerFileIgnoreSetting> out;
  for (const auto& [k, v] : in_order(*t)) {
    PerFileIgnoreSetting e;
    e.pattern = std::string(k->str());
    e.root = src.root.string();
    e.origin = origin_of(src.path, k->source());
    const std::string glob = e.pattern.starts_with('!') ? e.pattern.substr(1) : e.pattern;
    compile_glob(glob, e.origin);
    compile_glob(absolute_against(src.root, glob).string(), e.origin);
    e.selectors = selectors(*v, key, src);
    out.push_back(std::move(e));
  }
  return out;
}

int target_minor_of(std::string_view name) {
  if (!name.starts_with("py3")) return 0;
  const std::string_view digits = name.substr(3);
  if (digits.empty() || digits.size() > 2 || digits.find_first_not_of("0123456789") != std::string_view::npos) return 0;
  if (digits.size() == 2 && digits[0] == '0') return 0;
  const int minor = std::atoi(std::string(digits).c_str());
  return minor >= kMinTargetMinor && minor <= kMaxTargetMinor ? minor : 0;
}

RawOption raw_option(const toml::node& n, const Origin& at) {
  RawOption r;
  r.origin = at;
  r.type = type_name(n);
  r.value = false;
  if (const auto* b = n.as_boolean()) {
    r.value = b->get();
  } else if (const auto* i = n.as_integer()) {
    r.value = i->get();
  } else if (const auto* s = n.as_string()) {
    r.value = s->get();
  } else if (const auto* a = n.as_array()) {
    std::vector<std::string> list;
    bool all_strings = true;
    for (const toml::node& e : *a) {
      if (const auto* s = e.as_string()) list.push_back(s->get());
      else all_strings = false;
    }
    if (all_strings) {
      r.type = "a list of strings";
      r.value = std::move(list);
    }
  }
  return r;
}

// Applies the keys of a [tool.lint] table (or a lint.toml, or a --config override) over `s`.
// Whether `name` reads as an importable module name: dotted identifiers (`acme_lint.rules`).
bool is_module_name(std::string_view name) {
  if (name.empty() || name.front() == '.' || name.back() == '.') return false;
  bool start = true;
  for (const char c : name) {
    if (c == '.') {
      if (start) return false;
      start = true;
      continue;
    }
    const bool letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
    if (!letter && !(c >= '0' && c <= '9' && !start)) return false;
    start = false;
  }
  return true;
}

// Where module `name` is on `path` (folders, in order): its package folder (`a/b/` holding an
// `__init__.py`, whose rule files are then read as a folder's) or its file (`a/b.py`); the
// packages it is in must have an `__init__.py` each. Empty when it is not there.
std::string find_module(std::string_view name, const std::vector<std::string>& path) {
  std::vector<std::string> parts;
  for (size_t start = 0;;) {
    const size_t dot = name.find('.', start);
    parts.emplace_back(name.substr(start, dot == std::string_view::npos ? std::string_view::npos : dot - start));
    if (dot == std::string_view::npos) break;
    start = dot + 1;
  }
  std::error_code ec;
  for (const std::string& entry : path) {
    fs::path folder(entry);
    bool packages = true;
    for (size_t i = 0; i + 1 < parts.size() && packages; ++i) {
      folder /= parts[i];
      packages = fs::is_regular_file(folder / "__init__.py", ec);
    }
    if (!packages) continue;
    if (fs::is_regular_file(folder / parts.back() / "__init__.py", ec)) return (folder / parts.back()).string();
    if (fs::is_regular_file(folder / (parts.back() + ".py"), ec)) return (folder / (parts.back() + ".py")).string();
  }
  return "";
}

// `typing-modules`: dotted module names.
std::vector<std::string> typing_modules(const toml::node& n, std::string_view key, const TableSource& src) {
  std::vector<std::string> out;
  for (auto& [name, at] : strings(n, key, "module names", src)) out.push_back(std::move(name));
  return out;
}

void apply_table(const toml::table& t, Settings& s, const TableSource& src) {
  SelectionLayer layer;
  layer.source = src.path;
  // `python-rules` entries that name modules, found on `python-path` once the table is read.
  std::vector<std::tuple<size_t, std::string, Origin>> modules;
  for (const auto& [k, v] : in_order(t)) {
    const std::string key(k->str());
    const Origin ko = origin_of(src.path, k->source());
    const Origin vo = origin_of(src.path, v->source());
    if (key == "extend") {
      if (src.override) fail(ko, "`extend` cannot be set with --config 'key = value'; use --config PATH");
      continue;  // the caller loads the base first
    } else if (key == "select") {
      layer.select = selectors(*v, key, src);
    } else if (key == "extend-select") {
      layer.extend_select = selectors(*v, key, src);
    } else if (key == "ignore") {
      layer.ignore = selectors(*v, key, src);
    } else if (key == "fixable") {
      layer.fixable = selectors(*v, key, src);
    } else if (key == "extend-fixable") {
      layer.extend_fixable = selectors(*v, key, src);
    } else if (key == "unfixable") {
      layer.unfixable = selectors(*v, key, src);
    } else if (key == "extend-safe-fixes") {
      layer.extend_safe_fixes = selectors(*v, key, src);
    } else if (key == "extend-unsafe-fixes") {
      layer.extend_unsafe_fixes = selectors(*v, key, src);
    } else if (key == "cache-dir") {
      const auto* str = v->as_string();
      if (!str) fail(vo, "`cache-dir` must be a string (a folder), not " + type_name(*v));
      s.cache_dir = absolute_against(src.root, str->get());
    } else if (key == "extension") {
      const toml::table* t = v->as_table();
      if (!t) fail(vo, "`extension` must be a table of file suffixes to languages, e.g. { ipy = \"ipynb\" }, not " + type_name(*v));
      std::vector<std::pair<std::string, std::string>> mapping;
      for (const auto& [ek, ev] : in_order(*t)) {
        const auto* lang = ev->as_string();
        const Origin at = origin_of(src.path, ev->source());
        if (!lang || (lang->get() != "python" && lang->get() != "pyi" && lang->get() != "ipynb")) {
          fail(at, "`extension`: the language of `" + std::string(ek->str()) + "` must be \"python\", \"pyi\" or \"ipynb\"");
        }
        std::string suffix(ek->str());
        if (suffix.starts_with('.')) suffix.erase(0, 1);
        mapping.emplace_back(suffix, lang->get());
      }
      s.extension = std::move(mapping);
    } else if (key == "force-exclude") {
      const auto* b = v->as_boolean();
      if (!b) fail(vo, "`force-exclude` must be a boolean (true or false), not " + type_name(*v));
      s.force_exclude = b->get();
    } else if (key == "fix" || key == "unsafe-fixes" || key == "show-fixes") {
      const auto* b = v->as_boolean();
      if (!b) fail(vo, "`" + key + "` must be a boolean (true or false), not " + type_name(*v));
      (key == "fix" ? s.fix : key == "unsafe-fixes" ? s.unsafe_fixes : s.show_fixes) = b->get();
    } else if (key == "per-file-ignores") {
      s.per_file_ignores = per_file_ignores(*v, key, src);
    } else if (key == "extend-per-file-ignores") {
      for (auto& e : per_file_ignores(*v, key, src)) s.extend_per_file_ignores.push_back(std::move(e));
    } else if (key == "exclude" || key == "extend-exclude") {
      std::vector<FilePattern> patterns;
      for (const auto& [p, at] : strings(*v, key, "glob patterns", src)) patterns.push_back(file_pattern(p, src.root, at));
      if (key == "exclude") {
        s.exclude = std::move(patterns);
      } else {
        for (auto& p : patterns) s.extend_exclude.push_back(std::move(p));
      }
    } else if (key == "respect-gitignore") {
      const auto* b = v->as_boolean();
      if (!b) fail(vo, "`respect-gitignore` must be a boolean (true or false), not " + type_name(*v));
      s.respect_gitignore = b->get();
    } else if (key == "line-length") {
      const auto* i = v->as_integer();
      if (!i) fail(vo, "`line-length` must be an integer, not " + type_name(*v));
      if (i->get() < 1 || i->get() > kMaxLineLength) {
        fail(vo, "`line-length` must be between 1 and " + std::to_string(kMaxLineLength) + ", not " + std::to_string(i->get()));
      }
      s.line_length = static_cast<int>(i->get());
    } else if (key == "src") {
      std::vector<std::string> folders;
      for (const auto& [p, at] : strings(*v, key, "paths", src)) folders.push_back(absolute_against(src.root, p).string());
      s.src = std::move(folders);
    } else if (key == "typing-modules") {
      s.typing_modules = typing_modules(*v, key, src);
    } else if (key == "lint" && v->is_table()) {
      // Ruff's `[lint]` table: lint's settings sit at the top level, but `typing-modules` is
      // accepted here too, where Ruff documents it.
      for (const auto& [lk, lv] : in_order(*v->as_table())) {
        const std::string lkey(lk->str());
        if (lkey != "typing-modules") {
          fail(origin_of(src.path, lk->source()),
               "unknown setting `lint." + lkey + "` (lint reads its settings at the top level of lint.toml, or in "
               "[tool.lint] of pyproject.toml; `[lint]` holds only `typing-modules`)");
        }
        s.typing_modules = typing_modules(*lv, "lint.typing-modules", src);
      }
    } else if (key == "target-version") {
      const auto* str = v->as_string();
      if (!str) fail(vo, "`target-version` must be a string such as \"py311\", not " + type_name(*v));
      const int minor = target_minor_of(str->get());
      if (!minor) {
        std::vector<std::string> names;
        for (int m = kMinTargetMinor; m <= kMaxTargetMinor; ++m) names.push_back(target_version_name(m));
        std::string message = "unknown target-version `" + str->get() + "`";
        if (str->get().starts_with("py3")) {
          message += suggestion(str->get(), std::vector<std::string_view>(names.begin(), names.end()));
        }
        if (message.back() != '?') message += " (expected one of py37 to py314)";
        fail(vo, message);
      }
      s.target_minor = minor;
    } else if (key == "python-rules") {
      std::vector<std::string> paths;
      for (const auto& [p, at] : strings(*v, key, "paths or module names", src)) {
        const fs::path abs = absolute_against(src.root, p);
        std::error_code ec;
        if (!fs::exists(abs, ec)) {
          if (!is_module_name(p)) fail(at, "`python-rules`: `" + p + "` does not exist");
          modules.emplace_back(paths.size(), p, at);
        }
        paths.push_back(abs.string());
      }
      s.python_rules = std::move(paths);
      s.python_rules_origin = ko;
      s.python_rules_file = src.file.string();
    } else if (key == "python-path") {
      std::vector<std::string> paths;
      for (const auto& [p, at] : strings(*v, key, "paths", src)) {
        const fs::path abs = absolute_against(src.root, p);
        std::error_code ec;
        if (!fs::is_directory(abs, ec)) fail(at, "`python-path`: `" + p + "` is not a folder");
        paths.push_back(abs.string());
      }
      s.python_path = std::move(paths);
      s.python_path_origin = ko;
    } else if (v->is_table()) {
      // A rule's options: checked against the rule once every rule is registered.
      RuleTable& table = s.rule_tables[key];
      table.origin = ko;
      for (const auto& [ok, ov] : in_order(*v->as_table())) {
        table.options[std::string(ok->str())] = raw_option(*ov, origin_of(src.path, ok->source()));
      }
    } else {
      std::string message = "unknown setting `" + key + "`" + suggestion(key, key_candidates());
      if (key == "lint" || key == "tool") message += " (lint reads its settings at the top level of lint.toml, or in [tool.lint] of pyproject.toml)";
      fail(ko, message);
    }
  }
  for (const auto& [index, name, at] : modules) {
    const std::string found = find_module(name, s.python_path.value_or(std::vector<std::string>{}));
    if (found.empty() && (!s.python_path || s.python_path->empty())) fail(at, "`python-rules`: `" + name + "` does not exist");
    if (found.empty()) fail(at, "`python-rules`: `" + name + "` is neither a path nor a module found on `python-path`");
    (*s.python_rules)[index] = found;
  }
  if (!layer.empty()) s.layers.push_back(std::move(layer));
}

// The lower bound of a `requires-python` specifier as a minor version of Python 3, or 0.
int requires_python_minor(std::string_view spec) {
  int best = 0;
  size_t pos = 0;
  while (pos < spec.size()) {
    size_t comma = spec.find(',', pos);
    if (comma == std::string_view::npos) comma = spec.size();
    std::string_view item = spec.substr(pos, comma - pos);
    pos = comma + 1;
    while (!item.empty() && item.front() == ' ') item.remove_prefix(1);
    std::string_view op;
    for (const std::string_view o : {"===", "~=", "==", ">=", ">"}) {
      if (item.starts_with(o)) {
        op = o;
        break;
      }
    }
    if (op.empty()) continue;
    item.remove_prefix(op.size());
    while (!item.empty() && item.front() == ' ') item.remove_prefix(1);
    if (!item.starts_with("3.")) continue;
    item.remove_prefix(2);
    int minor = 0;
    size_t i = 0;
    for (; i < item.size() && item[i] >= '0' && item[i] <= '9'; ++i) minor = minor * 10 + (item[i] - '0');
    if (i == 0) continue;
    best = std::max(best, minor);
  }
  return best ? std::clamp(best, kMinTargetMinor, kMaxTargetMinor) : 0;
}

// Whether a pyproject.toml holds a [tool.lint] table.
bool has_lint_table(const fs::path& pyproject) {
  const std::string shown = display(pyproject);
  const toml::table doc = parse_toml(read_text(pyproject, shown), shown);
  const toml::node* tool = doc.get("tool");
  return tool && tool->is_table() && tool->as_table()->contains("lint");
}

// One file of an `extend` chain, parsed.
struct ChainLink {
  fs::path path;
  std::string shown;
  toml::table doc;
  const toml::table* table = nullptr;  // the settings: the document, or its [tool.lint]
  bool pyproject = false;
};

// `extend` makes a cycle: the files of the cycle, the one that closes it last (at most 20 shown).
std::string cycle_message(const std::deque<ChainLink>& links, size_t first, const fs::path& base) {
  std::vector<std::string> names;
  for (size_t k = first; k < links.size(); ++k) names.push_back(display(links[k].path));
  names.push_back(display(base));
  std::string out = "`extend` makes a cycle: ";
  constexpr size_t kShown = 10;
  for (size_t k = 0; k < names.size(); ++k) {
    if (names.size() > 2 * kShown && k == kShown) {
      out += "... (" + std::to_string(names.size() - 2 * kShown) + " more) -> ";
      k = names.size() - kShown - 1;
      continue;
    }
    out += names[k] + (k + 1 < names.size() ? " -> " : "");
  }
  return out;
}

// Loads a configuration file and the chain it extends. `root`: where relative paths point (the
// file's directory unless given). The chain is followed in a loop, its files applied from the
// last base to the file itself: time and memory linear in the chain, however long.
Settings load_file(const fs::path& abs, const std::optional<fs::path>& root) {
  static const toml::table empty;
  std::deque<ChainLink> links;  // stable addresses: `table` points into `doc`
  std::unordered_map<std::string, size_t> in_chain;
  for (fs::path next = abs;;) {
    ChainLink link;
    link.path = next;
    link.shown = display(next);
    link.doc = parse_toml(read_text(next, link.shown), link.shown);
    link.pyproject = next.filename() == "pyproject.toml";
    in_chain.emplace(next.string(), links.size());
    links.push_back(std::move(link));
    ChainLink& l = links.back();
    l.table = &l.doc;
    if (l.pyproject) {
      l.table = &empty;
      if (const toml::node* tool = l.doc.get("tool")) {
        if (!tool->is_table()) fail(origin_of(l.shown, tool->source()), "`tool` must be a table, not " + type_name(*tool));
        if (const toml::node* lint = tool->as_table()->get("lint")) {
          if (!lint->is_table()) fail(origin_of(l.shown, lint->source()), "`tool.lint` must be a table, not " + type_name(*lint));
          l.table = lint->as_table();
        }
      }
    }
    const toml::node* extend = l.table->get("extend");
    if (!extend) break;
    const Origin at = origin_of(l.shown, extend->source());
    const auto* str = extend->as_string();
    if (!str) fail(at, "`extend` must be a string (the path of another configuration file), not " + type_name(*extend));
    const fs::path base = absolute_against(l.path.parent_path(), str->get());
    std::error_code ec;
    if (!fs::is_regular_file(base, ec)) fail(at, "`extend`: `" + str->get() + "` is not a file");
    if (const auto seen = in_chain.find(base.string()); seen != in_chain.end()) {
      fail(at, cycle_message(links, seen->second, base));
    }
    next = base;
  }
  Settings s;
  for (size_t k = links.size(); k-- > 0;) {
    const ChainLink& l = links[k];
    const TableSource src{l.shown, root.value_or(l.path.parent_path()), false, l.path};
    apply_table(*l.table, s, src);
    if (l.pyproject && !l.table->contains("target-version")) {
      // As Ruff: without `target-version`, the project's `requires-python` decides.
      if (const auto* rp = l.doc.at_path("project.requires-python").as_string()) {
        if (const int minor = requires_python_minor(rp->get())) s.target_minor = minor;
      }
    }
    s.path = l.path.string();
    s.root = src.root.string();
  }
  for (size_t k = 1; k < links.size(); ++k) s.extends.push_back(links[k].path.string());
  return s;
}

std::vector<FilePattern> default_excludes() {
  std::vector<FilePattern> out;
  for (const std::string_view name : kDefaultExcludes) {
    FilePattern p;
    p.pattern = std::string(name);
    p.raw = p.absolute = Glob(name);
    out.push_back(std::move(p));
  }
  return out;
}

void set_walk_policy(Settings& s) {
  auto patterns = std::make_shared<const std::vector<FilePattern>>(s.effective_exclude());
  s.walk.respect_gitignore = s.effective_respect_gitignore();
  s.walk.root = s.root;
  s.walk.extensions = s.extension.value_or(std::vector<std::pair<std::string, std::string>>{});
  s.walk.excluded = [patterns](std::string_view absolute, std::string_view name) {
    return std::any_of(patterns->begin(), patterns->end(),
                       [&](const FilePattern& p) { return p.matches(absolute, name); });
  };
}

std::string_view option_type_name(RuleOption::Type t) {
  switch (t) {
    case RuleOption::Type::Bool: return "a boolean";
    case RuleOption::Type::Int: return "an integer";
    case RuleOption::Type::String: return "a string";
    case RuleOption::Type::Strings: return "a list of strings";
  }
  return "";
}

RuleOptions::Value option_default(const RuleSpec& rule, const RuleOption& option) {
  try {
    const toml::table t = toml::parse("v = " + std::string(option.default_value));
    RawOption r = raw_option(*t.get("v"), Origin{});
    if (r.type != option_type_name(option.type)) throw std::runtime_error("wrong type");
    return r.value;
  } catch (const std::exception&) {
    throw std::runtime_error("rule " + std::string(rule.code) + ": bad default for option " + std::string(option.name));
  }
}

std::string toml_value(const RuleOptions::Value& v) {
  if (const bool* b = std::get_if<bool>(&v)) return *b ? "true" : "false";
  if (const int64_t* i = std::get_if<int64_t>(&v)) return std::to_string(*i);
  if (const std::string* s = std::get_if<std::string>(&v)) return quote(*s);
  std::string out = "[";
  for (const std::string& s : std::get<std::vector<std::string>>(v)) out += (out.size() > 1 ? ", " : "") + quote(s);
  return out + "]";
}

// A selector of Ruff's rules that lint does not have yet is not an error (a Ruff configuration
// works unchanged): it is said once per run, where it is written.
void warn_ruff_only(const Selector& s) {
  static std::mutex mutex;
  static std::set<std::string> warned;
  const std::lock_guard<std::mutex> lock(mutex);
  if (!warned.insert(s.text).second) return;
  const std::string where = s.origin.path.empty()
                                ? std::string("the command line")
                                : terminal_line(s.origin.path) + ":" + std::to_string(s.origin.row) + ":" +
                                      std::to_string(s.origin.column);
  std::cerr << "warning: `" << terminal_line(s.text) << "` selects Ruff rules that lint does not have yet; ignored ("
            << where << ")\n";
}

void check_selectors(const std::vector<Selector>& list) {
  for (const Selector& s : list) {
    if (is_known_selector(s.text)) continue;
    if (is_ruff_only_selector(s.text)) {
      warn_ruff_only(s);
    } else {
      fail(s.origin, unknown_selector_message(s.text));
    }
  }
}

}  // namespace

// ---------------------------------------------------------------------------------------------

std::string ConfigError::format() const {
  // Keys, values and paths quoted in the message come from the file: shown safely.
  if (path.empty()) return "error: " + terminal_line(message);  // the command line
  return terminal_line(path) + ":" + std::to_string(row) + ":" + std::to_string(column) + ": " + terminal_line(message);
}

RuleSelection SelectionLayer::selection() const {
  RuleSelection out;
  auto texts = [](const std::vector<Selector>& v) {
    std::vector<std::string> t;
    for (const Selector& s : v) t.push_back(s.text);
    return t;
  };
  if (select) out.select = texts(*select);
  out.extend_select = texts(extend_select);
  out.ignore = texts(ignore);
  return out;
}

RuleSelection SelectionLayer::fix_selection() const {
  auto texts = [](const std::vector<Selector>& v) {
    std::vector<std::string> t;
    for (const Selector& s : v) t.push_back(s.text);
    return t;
  };
  RuleSelection out;
  if (fixable) out.select = texts(*fixable);
  out.extend_select = texts(extend_fixable);
  out.ignore = texts(unfixable);
  return out;
}

bool FilePattern::matches(std::string_view absolute_path, std::string_view name) const {
  return raw.matches(name) || absolute.matches(absolute_path) || raw.matches(absolute_path);
}

std::vector<FilePattern> Settings::effective_exclude() const {
  std::vector<FilePattern> out = exclude ? *exclude : default_excludes();
  out.insert(out.end(), extend_exclude.begin(), extend_exclude.end());
  return out;
}

std::vector<std::string> Settings::effective_src() const {
  if (src) return *src;
  const fs::path base = root.empty() ? fs::current_path() : fs::path(root);
  return {base.lexically_normal().string(), (base / "src").lexically_normal().string()};
}

std::vector<PerFileIgnoreSetting> Settings::effective_per_file_ignores() const {
  std::vector<PerFileIgnoreSetting> out = per_file_ignores.value_or(std::vector<PerFileIgnoreSetting>{});
  out.insert(out.end(), extend_per_file_ignores.begin(), extend_per_file_ignores.end());
  return out;
}

const std::vector<std::string_view>& setting_keys() {
  static const std::vector<std::string_view> keys = {
      "extend",         "select",           "extend-select",     "ignore",       "per-file-ignores",
      "extend-per-file-ignores", "exclude", "extend-exclude",    "respect-gitignore", "line-length",
      "target-version", "python-rules",  "python-path", "fix",               "unsafe-fixes", "show-fixes",
      "fixable",        "extend-fixable",   "unfixable",         "extend-safe-fixes", "extend-unsafe-fixes",
      "cache-dir",      "force-exclude",    "extension",        "src",          "typing-modules",
  };
  return keys;
}

std::string target_version_name(int minor) { return "py3" + std::to_string(minor); }

Settings default_settings(const std::string& root) {
  Settings s;
  s.root = root;
  set_walk_policy(s);
  return s;
}

Settings load_settings_file(const std::string& path, const std::string& root) {
  Settings s = load_file(fs::absolute(path).lexically_normal(), fs::path(root));
  set_walk_policy(s);
  return s;
}

void resolve_rules(Settings& s) {
  // The rule selection, layer by layer.
  std::vector<RuleSelection> layers;
  for (const SelectionLayer& layer : s.layers) {
    if (layer.select) check_selectors(*layer.select);
    check_selectors(layer.extend_select);
    check_selectors(layer.ignore);
    layers.push_back(layer.selection());
  }
  std::vector<const RuleSpec*> rules = resolve(layers);

  // Which fixes are kept, and which change safety.
  std::vector<RuleSelection> fix_layers;
  std::vector<std::string> safe, unsafe;
  for (const SelectionLayer& layer : s.layers) {
    if (layer.fixable) check_selectors(*layer.fixable);
    check_selectors(layer.extend_fixable);
    check_selectors(layer.unfixable);
    check_selectors(layer.extend_safe_fixes);
    check_selectors(layer.extend_unsafe_fixes);
    fix_layers.push_back(layer.fix_selection());
    for (const Selector& sel : layer.extend_safe_fixes) safe.push_back(sel.text);
    for (const Selector& sel : layer.extend_unsafe_fixes) unsafe.push_back(sel.text);
  }
  auto by_code = [](const RuleSpec* a, const RuleSpec* b) { return a->code < b->code; };
  std::vector<const RuleSpec*> fixable = resolve_from_all(fix_layers);
  auto [forced_safe, forced_unsafe] = resolve_fix_safety(safe, unsafe);
  std::sort(fixable.begin(), fixable.end(), by_code);
  std::sort(forced_safe.begin(), forced_safe.end(), by_code);
  std::sort(forced_unsafe.begin(), forced_unsafe.end(), by_code);

  // Option tables: each names a rule that takes options, or a linter (a plugin, such as
  // `[flake8-bugbear]`) whose rules share options as Ruff's plugin tables do; a table sets only
  // options declared by its rule (or by some rule of its linter), with their types.
  std::map<const RuleSpec*, const RuleTable*> tables;
  std::map<std::string_view, const RuleTable*> plugin_tables;
  // `linter`: only the options that table sets (empty: all of the owners' options).
  auto check_option = [](const std::string& name, const RawOption& raw, const std::vector<const RuleSpec*>& owners,
                         const std::string& what, std::string_view linter = {}) {
    const RuleOption* decl = nullptr;
    std::vector<std::string_view> names;
    for (const RuleSpec* r : owners) {
      for (const RuleOption& o : r->options) {
        if (!linter.empty() && option_table(*r, o) != linter) continue;
        if (std::find(names.begin(), names.end(), o.name) == names.end()) names.push_back(o.name);
        if (o.name == name && !decl) decl = &o;
      }
    }
    if (!decl) {
      std::string message = "unknown option `" + name + "` of " + what;
      const std::string near = suggestion(name, names);
      if (!near.empty()) {
        message += near;
      } else {
        message += " (its options: ";
        for (size_t i = 0; i < names.size(); ++i) message += (i ? ", `" : "`") + std::string(names[i]) + "`";
        message += ")";
      }
      fail(raw.origin, message);
    }
    if (raw.type != option_type_name(decl->type)) {
      fail(raw.origin, "`" + name + "` of " + what + " must be " + std::string(option_type_name(decl->type)) + ", not " +
                           raw.type);
    }
  };
  for (const auto& entry : s.rule_tables) {
    const std::string& key = entry.first;  // a plain reference: clang 14 cannot capture structured bindings
    const auto& table = entry.second;
    const RuleSpec* rule = find_rule(key);
    if (!rule) {
      // The rules of that linter, and rules of others with an option read from its table.
      std::vector<const RuleSpec*> members;
      bool any_options = false;
      for (const RuleSpec* r : all_rules()) {
        if (r->python) continue;  // a Python rule's options are set in its own table only
        const bool borrows = std::any_of(r->options.begin(), r->options.end(),
                                         [&](const RuleOption& o) { return option_table(*r, o) == key; });
        if (r->linter != key && !borrows) continue;
        members.push_back(r);
        any_options |= borrows;
      }
      if (!members.empty()) {
        if (!any_options) fail(table.origin, "the rules of `" + key + "` have no options");
        for (const auto& [name, raw] : table.options) check_option(name, raw, members, "`" + key + "`", key);
        plugin_tables[key] = &table;
        continue;
      }
      std::string message = "unknown setting `" + key + "`" + suggestion(key, key_candidates());
      if (key == "lint" || key == "tool") message += " (lint reads its settings at the top level of lint.toml, or in [tool.lint] of pyproject.toml)";
      fail(table.origin, message);
    }
    if (rule->options.empty()) {
      fail(table.origin, "the rule `" + std::string(rule->name) + "` (" + std::string(rule->code) + ") has no options");
    }
    if (tables.count(rule)) fail(table.origin, "the options of `" + std::string(rule->name) + "` are set twice (by name and by code)");
    tables[rule] = &table;
    for (const auto& [name, raw] : table.options) {
      check_option(name, raw, {rule}, "the rule `" + std::string(rule->name) + "`");
    }
  }

  LintProfile& p = s.profile;
  p = LintProfile{};
  std::vector<const RuleSpec*> native;
  for (const RuleSpec* r : rules) {
    if (!r->python) native.push_back(r);
  }
  p.table = dispatch_table_for(native);
  for (const RuleSpec* r : p.table->rules()) {
    RuleOptions options;
    for (const RuleOption& o : r->options) options.set(std::string(o.name), option_default(*r, o));
    for (const RuleOption& o : r->options) {
      const auto it = plugin_tables.find(option_table(*r, o));
      if (it == plugin_tables.end()) continue;
      const auto raw = it->second->options.find(std::string(o.name));
      if (raw != it->second->options.end()) options.set(std::string(o.name), raw->second.value);
    }
    if (auto it = tables.find(r); it != tables.end()) {
      for (const auto& [name, raw] : it->second->options) options.set(name, raw.value);
    }
    p.options.push_back(std::move(options));
  }
  for (const RuleSpec* r : rules) {
    if (!r->python || r->options.empty()) continue;
    RuleOptions options;
    for (const RuleOption& o : r->options) options.set(std::string(o.name), option_default(*r, o));
    if (auto it = tables.find(r); it != tables.end()) {
      for (const auto& [name, raw] : it->second->options) options.set(name, raw.value);
    }
    p.python_options.emplace_back(r, std::move(options));
  }
  std::sort(rules.begin(), rules.end(), [](const RuleSpec* a, const RuleSpec* b) { return a->code < b->code; });
  p.rules = std::move(rules);
  for (const PerFileIgnoreSetting& e : s.effective_per_file_ignores()) {
    check_selectors(e.selectors);
    PerFileIgnore entry;
    entry.pattern = e.pattern;
    entry.negated = e.pattern.starts_with('!');
    const std::string glob = entry.negated ? e.pattern.substr(1) : e.pattern;
    entry.basename = compile_glob(glob, e.origin);
    entry.absolute = compile_glob(absolute_against(e.root, glob).string(), e.origin);
    for (const Selector& sel : e.selectors) {
      for (const RuleSpec* r : rules_named_by(sel.text)) {
        if (std::find(entry.rules.begin(), entry.rules.end(), r) == entry.rules.end()) entry.rules.push_back(r);
      }
    }
    p.per_file_ignores.push_back(std::move(entry));
  }
  p.target_minor = s.effective_target_minor();
  p.syntax_minor = s.target_minor.value_or(kNoSyntaxTarget);
  p.line_length = s.effective_line_length();
  p.src = s.effective_src();
  p.typing_modules = s.typing_modules.value_or(std::vector<std::string>{});
  p.fixable = std::move(fixable);
  p.forced_safe = std::move(forced_safe);
  p.forced_unsafe = std::move(forced_unsafe);
  s.resolved = true;
}

// ---------------------------------------------------------------------------------------------

struct ConfigResolver::Impl {
  ConfigOptions options;
  fs::path cwd;
  std::vector<std::pair<std::string, toml::table>> overrides;
  std::unique_ptr<Settings> defaults;
  Settings* fallback = nullptr;
  bool fixed = false;  // --config PATH or --isolated: one configuration for every file
  std::map<std::string, std::unique_ptr<Settings>> by_file;
  std::map<std::string, Settings*> by_dir;

  // Overrides and the command line go over every configuration.
  void finish(Settings& s) {
    for (const auto& [name, table] : overrides) apply_table(table, s, TableSource{name, cwd, true});
    if (!options.command_line.empty()) s.layers.push_back(options.command_line);
    if (options.respect_gitignore) s.respect_gitignore = options.respect_gitignore;
    set_walk_policy(s);
  }

  Settings& load(const fs::path& file, const std::optional<fs::path>& root) {
    auto it = by_file.find(file.string());
    if (it != by_file.end()) return *it->second;
    auto s = std::make_unique<Settings>(load_file(file, root));
    finish(*s);
    return *by_file.emplace(file.string(), std::move(s)).first->second;
  }

  // The configuration file of a directory, if it has one.
  std::optional<fs::path> config_in(const fs::path& dir) {
    for (const std::string_view name : kConfigNames) {
      const fs::path p = dir / name;
      std::error_code ec;
      if (!fs::is_regular_file(p, ec)) continue;
      if (name == "pyproject.toml" && !has_lint_table(p)) continue;
      return p;
    }
    return std::nullopt;
  }

  Settings& for_directory(const fs::path& dir) {
    if (fixed) return *fallback;
    auto it = by_dir.find(dir.string());
    if (it != by_dir.end()) return *it->second;
    Settings* found = nullptr;
    if (const auto file = config_in(dir)) {
      found = &load(*file, std::nullopt);
    } else if (dir.has_parent_path() && dir.parent_path() != dir) {
      found = &for_directory(dir.parent_path());
    } else {
      found = fallback;
    }
    by_dir.emplace(dir.string(), found);
    return *found;
  }
};

ConfigResolver::ConfigResolver(ConfigOptions options) : impl_(std::make_unique<Impl>()) {
  Impl& m = *impl_;
  m.options = std::move(options);
  std::error_code ec;
  m.cwd = fs::current_path(ec);
  for (const auto& [name, text] : m.options.overrides) m.overrides.emplace_back(name, parse_toml(text, name));
  // Check the overrides once, whatever configuration they will go over.
  {
    Settings probe;
    for (const auto& [name, table] : m.overrides) apply_table(table, probe, TableSource{name, m.cwd, true});
  }
  m.defaults = std::make_unique<Settings>(default_settings(m.cwd.string()));
  m.finish(*m.defaults);
  if (!m.options.config_file.empty()) {
    const fs::path file = fs::absolute(m.options.config_file).lexically_normal();
    if (!fs::is_regular_file(file, ec)) {
      throw ConfigError{m.options.config_file, 1, 1, "the configuration file given with --config does not exist"};
    }
    m.fallback = &m.load(file, m.cwd);  // as Ruff: relative paths against the current directory
    m.fixed = true;
  } else if (m.options.isolated) {
    m.fallback = m.defaults.get();
    m.fixed = true;
  } else {
    m.fallback = m.defaults.get();
    m.fallback = &m.for_directory(m.cwd);
    m.by_dir.clear();  // the fallback was only found through them
  }
}

ConfigResolver::~ConfigResolver() = default;

Settings& ConfigResolver::for_directory(const fs::path& dir) { return impl_->for_directory(dir); }

Settings& ConfigResolver::for_file(const std::string& absolute) {
  return impl_->for_directory(fs::path(absolute).parent_path());
}

std::vector<Settings*> ConfigResolver::loaded() const {
  std::vector<Settings*> out{impl_->fallback};
  for (const auto& [_, s] : impl_->by_file) {
    if (s.get() != impl_->fallback) out.push_back(s.get());
  }
  return out;
}

void ConfigResolver::resolve_rules() {
  for (Settings* s : loaded()) {
    if (!s->resolved) lint::resolve_rules(*s);
  }
}

DiscoveryOptions ConfigResolver::discovery_options() {
  DiscoveryOptions d;
  d.policy = [this](const fs::path& dir) -> const WalkPolicy& { return for_directory(dir).walk; };
  return d;
}

// ---------------------------------------------------------------------------------------------

std::string describe_settings(const Settings& s, const std::string& file_absolute) {
  std::string out;
  out += "Resolved settings for: " + quote(file_absolute) + "\n";
  out += "Settings path: " + (s.path.empty() ? std::string("none (lint's defaults)") : quote(s.path)) + "\n";
  for (const std::string& e : s.extends) out += "Extends: " + quote(e) + "\n";
  out += "Project root: " + quote(s.root) + "\n";

  auto list = [](const std::vector<std::string>& items) {
    if (items.empty()) return std::string("[]");
    std::string o = "[\n";
    for (const std::string& i : items) o += "  " + quote(i) + ",\n";
    return o + "]";
  };
  auto inline_list = [](const std::vector<Selector>& items) {
    std::string o = "[";
    for (size_t i = 0; i < items.size(); ++i) o += (i ? ", " : "") + quote(items[i].text);
    return o + "]";
  };

  out += "\n# Rule selection: the default set (Ruff 0.17.3's default rules that lint has), then each layer in order\n";
  if (s.layers.empty()) out += "(no layer: the default set)\n";
  for (const SelectionLayer& l : s.layers) {
    std::string parts;
    if (l.select) parts += "select = " + inline_list(*l.select);
    if (!l.extend_select.empty()) parts += (parts.empty() ? "" : ", ") + std::string("extend-select = ") + inline_list(l.extend_select);
    if (!l.ignore.empty()) parts += (parts.empty() ? "" : ", ") + std::string("ignore = ") + inline_list(l.ignore);
    if (l.fixable) parts += (parts.empty() ? "" : ", ") + std::string("fixable = ") + inline_list(*l.fixable);
    for (const auto& [name, list] : {std::pair<const char*, const std::vector<Selector>*>{"extend-fixable", &l.extend_fixable},
                                     {"unfixable", &l.unfixable},
                                     {"extend-safe-fixes", &l.extend_safe_fixes},
                                     {"extend-unsafe-fixes", &l.extend_unsafe_fixes}}) {
      if (!list->empty()) parts += (parts.empty() ? "" : ", ") + std::string(name) + " = " + inline_list(*list);
    }
    out += l.source + ": " + parts + "\n";
  }

  out += "\n# Settings\n";
  out += "line-length = " + std::to_string(s.effective_line_length()) + "\n";
  out += "target-version = " + quote(target_version_name(s.effective_target_minor())) + "\n";
  out += std::string("respect-gitignore = ") + (s.effective_respect_gitignore() ? "true" : "false") + "\n";
  std::vector<std::string> exclude;
  for (const FilePattern& p : s.exclude ? *s.exclude : default_excludes()) exclude.push_back(p.pattern);
  out += "exclude = " + list(exclude) + "\n";
  std::vector<std::string> extend_exclude;
  for (const FilePattern& p : s.extend_exclude) extend_exclude.push_back(p.pattern);
  out += "extend-exclude = " + list(extend_exclude) + "\n";
  const std::vector<PerFileIgnoreSetting> pfi = s.effective_per_file_ignores();
  if (pfi.empty()) {
    out += "per-file-ignores = {}\n";
  } else {
    out += "per-file-ignores = {\n";
    for (const PerFileIgnoreSetting& e : pfi) {
      out += "  " + quote(e.pattern) + " = " + inline_list(e.selectors) + ",  # relative to " + quote(e.root) + "\n";
    }
    out += "}\n";
  }
  out += "typing-modules = " + list(s.typing_modules.value_or(std::vector<std::string>{})) + "\n";
  out += "python-rules = " + list(s.python_rules.value_or(std::vector<std::string>{})) + "\n";
  out += "python-path = " + list(s.python_path.value_or(std::vector<std::string>{})) + "\n";
  out += std::string("fix = ") + (s.fix.value_or(false) ? "true" : "false") + "\n";
  out += std::string("unsafe-fixes = ") + (s.unsafe_fixes ? (*s.unsafe_fixes ? "true" : "false") : "\"hint\"") + "\n";
  out += std::string("show-fixes = ") + (s.show_fixes.value_or(false) ? "true" : "false") + "\n";

  if (s.resolved) {
    const LintProfile& p = s.profile;
    if (p.table) {
      for (size_t i = 0; i < p.table->rules().size() && i < p.options.size(); ++i) {
        const RuleSpec* r = p.table->rules()[i];
        if (p.options[i].values().empty()) continue;
        out += "\n[" + std::string(r->name) + "]  # " + std::string(r->code) + "\n";
        for (const auto& [name, value] : p.options[i].values()) out += name + " = " + toml_value(value) + "\n";
      }
    }
    std::vector<const RuleSpec*> ignored = p.ignored_for(file_absolute);
    out += "\n# Enabled rules" + std::string(ignored.empty() ? "" : " (after per-file-ignores)") + "\n";
    for (const RuleSpec* r : p.rules) {
      if (std::find(ignored.begin(), ignored.end(), r) != ignored.end()) continue;
      out += std::string(r->code) + " " + std::string(r->name) + "\n";
    }
  }
  return out;
}

}  // namespace lint
