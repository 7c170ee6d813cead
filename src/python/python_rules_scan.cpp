// Finding Python rules with lint's own parser: no interpreter needed to know their codes.
#include <algorithm>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include "engine/linter.h"
#include "python/embedded_python.h"
#include "engine/registry.h"
#include "output/terminal.h"
#include "syntax/node.h"
#include "python/python_rules.h"
#include "syntax/source.h"
#include "syntax/syntax.h"

namespace fs = std::filesystem;

namespace lint {

namespace {

// The value of a plain string literal ("...", '...', r"..."), or "" when it is not one.
bool string_value(std::string_view source, TSNode n, std::string& out) {
  n = unparenthesized(n);
  if (!is(n, "string")) return false;
  out.clear();
  for (TSNode c : children(n)) {
    if (is(c, "interpolation")) return false;
    if (is(c, "string_content") || is(c, "escape_sequence")) {
      out.append(source.substr(ts_node_start_byte(c), ts_node_end_byte(c) - ts_node_start_byte(c)));
    }
  }
  return true;
}

// As inspect.cleandoc: the first line's leading blanks and the indentation common to the
// others go; so do blank lines at either end.
std::string clean_docstring(std::string_view doc) {
  std::vector<std::string_view> lines;
  size_t pos = 0;
  while (pos <= doc.size()) {
    size_t nl = doc.find('\n', pos);
    if (nl == std::string_view::npos) nl = doc.size();
    lines.push_back(doc.substr(pos, nl - pos));
    pos = nl + 1;
  }
  size_t indent = std::string_view::npos;
  for (size_t i = 1; i < lines.size(); ++i) {
    const size_t first = lines[i].find_first_not_of(" \t");
    if (first != std::string_view::npos) indent = std::min(indent, first);
  }
  std::vector<std::string> out;
  for (size_t i = 0; i < lines.size(); ++i) {
    std::string_view l = lines[i];
    if (i == 0) {
      const size_t first = l.find_first_not_of(" \t");
      l = first == std::string_view::npos ? std::string_view() : l.substr(first);
    } else if (indent != std::string_view::npos) {
      l = l.size() >= indent ? l.substr(indent) : std::string_view();
    }
    out.emplace_back(l);
  }
  while (!out.empty() && out.back().find_first_not_of(" \t") == std::string::npos) out.pop_back();
  size_t start = 0;
  while (start < out.size() && out[start].find_first_not_of(" \t") == std::string::npos) ++start;
  std::string result;
  for (size_t i = start; i < out.size(); ++i) {
    result += out[i];
    if (i + 1 < out.size()) result += '\n';
  }
  return result;
}

// A TOML basic string holding `s`.
std::string toml_string(std::string_view s) {
  std::string out = "\"";
  for (const char c : s) {
    if (c == '"' || c == '\\') {
      out += '\\';
      out += c;
    } else if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) {
      char buf[8];
      std::snprintf(buf, sizeof buf, "\\u%04x", static_cast<unsigned char>(c));
      out += buf;
    } else {
      out += c;
    }
  }
  return out + "\"";
}

// The rule's `options = {"name": default, ...}`, read from the literal as written: each default
// is a bool, an int, a string or a list of strings (what a configuration table can set). Throws
// for anything else, naming the entry.
void read_options(std::string_view source, TSNode dict, const std::string& where, PythonRuleInfo& info) {
  dict = unparenthesized(dict);
  if (!is(dict, "dictionary")) throw PythonRuleError{where + "`options` is a dict literal such as {\"max-items\": 5}"};
  for (TSNode pair : children(dict)) {
    if (!ts_node_is_named(pair) || is(pair, "comment")) continue;
    PythonRuleInfo::OptionText o;
    if (!is(pair, "pair") || !string_value(source, field(pair, "key"), o.name) || o.name.empty()) {
      throw PythonRuleError{where + "each key of `options` is a string literal (the option's name), not `" +
                            std::string(text_of(source, pair)) + "`"};
    }
    const TSNode v = unparenthesized(field(pair, "value"));
    std::string text;
    if (is(v, "true") || is(v, "false")) {
      o.type = RuleOption::Type::Bool;
      o.default_value = is(v, "true") ? "true" : "false";
    } else if (is(v, "integer") || (is(v, "unary_operator") && is(field(v, "argument"), "integer"))) {
      o.type = RuleOption::Type::Int;
      std::string digits;
      for (const char c : text_of(source, v)) {
        if (c != '_' && c != ' ' && c != '+') digits += c;
      }
      const bool plain = !digits.empty() && digits.find_first_not_of("-0123456789") == std::string::npos &&
                         digits.size() < 19;
      if (!plain) throw PythonRuleError{where + "option `" + o.name + "`: an integer default is written in decimal"};
      o.default_value = digits;
    } else if (string_value(source, v, text)) {
      o.type = RuleOption::Type::String;
      o.default_value = toml_string(text);
    } else if (is(v, "list")) {
      o.type = RuleOption::Type::Strings;
      o.default_value = "[";
      for (TSNode item : children(v)) {
        if (!ts_node_is_named(item) || is(item, "comment")) continue;
        if (!string_value(source, item, text)) {
          throw PythonRuleError{where + "option `" + o.name + "`: a list default holds string literals only"};
        }
        if (o.default_value.size() > 1) o.default_value += ", ";
        o.default_value += toml_string(text);
      }
      o.default_value += "]";
    } else {
      throw PythonRuleError{where + "option `" + o.name + "`: the default is True, False, an integer, a string or " +
                            "a list of strings, written as a literal (lint reads it without running the file)"};
    }
    info.option_texts.push_back(std::move(o));
  }
}

std::string kebab(std::string_view camel) {
  std::string out;
  for (size_t i = 0; i < camel.size(); ++i) {
    const char c = camel[i];
    if (std::isupper(static_cast<unsigned char>(c))) {
      if (i > 0) out += '-';
      out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    } else {
      out += c;
    }
  }
  return out;
}

// The shipped rule file that `path` holds the very text of (whatever its folder: what the scan
// finds depends on the text alone), if the build read that text; null otherwise.
const EmbeddedPython* embedded_twin(const fs::path& path) {
  const std::string file = path.filename().string();
  for (size_t i = 0; i < kShippedRuleCount; ++i) {
    const EmbeddedPython& e = kShippedRules[i];
    if (!e.scanned || file != e.name) continue;
    std::error_code ec;
    if (!fs::is_regular_file(path, ec) || fs::file_size(path, ec) != e.source_size || ec) return nullptr;
    std::ifstream in(path, std::ios::binary);
    std::string text(e.source_size, '\0');
    if (!in.read(text.data(), static_cast<std::streamsize>(text.size()))) return nullptr;
    return text == std::string_view(reinterpret_cast<const char*>(e.source), e.source_size) ? &e : nullptr;
  }
  return nullptr;
}

void scan_file(const fs::path& path, std::deque<PythonRuleInfo>& out, bool use_build_time) {
  // A shipped rule file, unchanged since lint was built, was read then: parsing 30 KB of rule
  // files at every run cost about 20 M instructions, whatever rules were selected.
  if (const EmbeddedPython* e = use_build_time ? embedded_twin(path) : nullptr) {
    for (size_t i = 0; i < e->class_count; ++i) {
      const EmbeddedRuleClass& c = e->classes[i];
      PythonRuleInfo& info = out.emplace_back();
      info.code = c.code;
      info.name = c.name;
      info.class_name = c.class_name;
      info.path = path.string();
      info.line = c.line;
      info.doc = c.doc;
      info.spec.fix = c.fix;
      for (size_t j = 0; j < c.option_count; ++j) {
        info.option_texts.push_back({c.options[j].name, c.options[j].type, c.options[j].default_value});
      }
    }
    return;
  }
  // Read and parsed as linted files are: a FIFO, a device, a huge or deeply nested file is
  // refused with its reason, not read forever or parsed into a crash.
  std::string text;
  Tree tree;
  if (std::string err = read_and_parse(path.string(), text, tree); !err.empty()) {
    throw PythonRuleError{path.string() + ":" + (std::isdigit(static_cast<unsigned char>(err[0])) ? "" : " ") + err};
  }
  const LineIndex lines(text);
  TSNode root = ts_tree_root_node(tree.get());
  for (TSNode stmt : children(root)) {
    TSNode cls = stmt;
    if (is(cls, "decorated_definition")) cls = field(cls, "definition");
    if (ts_node_is_null(cls) || !is(cls, "class_definition")) continue;
    TSNode body = field(cls, "body");
    if (ts_node_is_null(body)) continue;
    PythonRuleInfo info;
    const TSNode name_node = field(cls, "name");
    info.class_name = std::string(text.substr(ts_node_start_byte(name_node), ts_node_end_byte(name_node) - ts_node_start_byte(name_node)));
    std::string fixable;
    uint32_t fixable_row = 0;
    bool first = true;
    for (TSNode s : children(body)) {
      if (!ts_node_is_named(s) || ts_node_is_extra(s)) continue;
      if (first && is(s, "expression_statement")) {
        std::string doc;
        if (string_value(text, ts_node_named_child(s, 0), doc)) info.doc = doc;
      }
      first = false;
      if (!is(s, "expression_statement")) continue;
      TSNode a = ts_node_named_child(s, 0);
      if (!is(a, "assignment")) continue;
      TSNode left = field(a, "left");
      const std::string_view target = text_of(text, left);
      if (target == "options") {
        read_options(text, field(a, "right"), path.string() + ":" + std::to_string(lines.location(ts_node_start_byte(s)).row) +
                                                  ": class " + info.class_name + ": ", info);
        continue;
      }
      std::string value;
      if (!string_value(text, field(a, "right"), value)) continue;
      if (target == "code") info.code = value;
      if (target == "name") info.name = value;
      if (target == "fixable") {
        fixable = value;
        fixable_row = lines.location(ts_node_start_byte(s)).row;
      }
    }
    if (info.code.empty()) continue;
    // Read here, like the code, so that `lint rules` knows which rules fix without running them.
    if (fixable == "always") {
      info.spec.fix = FixAvailability::Always;
    } else if (fixable == "sometimes") {
      info.spec.fix = FixAvailability::Sometimes;
    } else if (fixable_row) {
      throw PythonRuleError{path.string() + ":" + std::to_string(fixable_row) + ": class " + info.class_name +
                            ": `fixable` is \"always\" or \"sometimes\", not \"" + fixable + "\""};
    }
    info.doc = clean_docstring(info.doc);
    if (info.name.empty()) info.name = kebab(info.class_name);
    info.path = path.string();
    info.line = lines.location(ts_node_start_byte(cls)).row;
    out.push_back(std::move(info));
  }
}

bool is_rule_code(std::string_view code) {
  size_t letters = 0;
  while (letters < code.size() && code[letters] >= 'A' && code[letters] <= 'Z') ++letters;
  if (letters == 0 || letters == code.size()) return false;
  return std::all_of(code.begin() + static_cast<std::ptrdiff_t>(letters), code.end(),
                     [](char c) { return c >= '0' && c <= '9'; });
}

// A rule's code must be one that selection and `# noqa` can name alone: capital letters then
// digits (what a noqa comment reads), written plainly (the scan reads the literal as written),
// neither a prefix of another rule's code nor extended by one (`--select F4` takes every F4xx
// rule). Its name, which selects it too, must be one word that is no other rule's code or name.
void check_rule_identity(const PythonRuleInfo& r, const std::deque<PythonRuleInfo>& python) {
  const std::string where = r.path + ":" + std::to_string(r.line) + ": class " + r.class_name + ": ";
  auto fail = [&](const std::string& what) { throw PythonRuleError{where + what}; };
  std::string shown = "\"";  // (built in steps: GCC 12 warns wrongly about `"\"" + string`)
  shown += terminal_line(r.code);
  shown += '"';
  if (!is_rule_code(r.code)) {
    fail("`code = " + shown + "` cannot be selected or named in `# noqa`: a rule code is capital letters " +
         "followed by digits, such as \"X001\", written without escapes");
  }
  std::vector<std::pair<std::string_view, std::string_view>> others;  // (code, name) of every other rule
  for (const RuleSpec* n : all_rules()) {
    if (!n->python) others.emplace_back(n->code, n->name);
  }
  for (const PythonRuleInfo& p : python) {
    if (&p != &r) others.emplace_back(p.code, p.name);
  }
  for (const auto& [code, name] : others) {
    if (code != r.code && (code.starts_with(r.code) || std::string_view(r.code).starts_with(code))) {
      fail("`code = " + shown + "` cannot be selected alone: it " +
           (code.starts_with(r.code) ? "is the start of" : "starts with") + " the code " + std::string(code) +
           " of another rule");
    }
  }
  const bool word = !r.name.empty() && std::all_of(r.name.begin(), r.name.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
  });
  if (!word || r.name == "ALL" || is_rule_code(r.name)) {
    fail("`name = \"" + terminal_line(r.name) + "\"` cannot select the rule: a name is one word of letters, " +
         "digits, `-` and `_` (kebab-case, such as \"no-open-without-encoding\"), and not a code");
  }
  for (const auto& [code, name] : others) {
    if (name == r.name && code != r.code) fail("`name = \"" + r.name + "\"` is the name of the rule " + std::string(code));
  }
}

}  // namespace

std::string_view text_of(std::string_view source, TSNode n) {
  if (ts_node_is_null(n)) return {};
  return source.substr(ts_node_start_byte(n), ts_node_end_byte(n) - ts_node_start_byte(n));
}

std::deque<PythonRuleInfo> scan_python_rules(const std::vector<std::string>& paths, bool use_build_time) {
  std::deque<PythonRuleInfo> out;
  for (const std::string& given : paths) {
    std::error_code ec;
    const fs::path p(given);
    if (fs::is_directory(p, ec)) {
      std::vector<fs::path> files;
      for (const auto& e : fs::directory_iterator(p, ec)) {
        const fs::path& f = e.path();
        if (f.extension() == ".py" && !f.filename().string().starts_with("_") && e.is_regular_file(ec)) files.push_back(f);
      }
      std::sort(files.begin(), files.end());
      for (const fs::path& f : files) scan_file(f, out, use_build_time);
    } else if (fs::is_regular_file(p, ec)) {
      scan_file(p, out, use_build_time);
    } else {
      throw PythonRuleError{given + ": no such rule file or folder"};
    }
  }
  for (const PythonRuleInfo& r : out) check_rule_identity(r, out);
  std::map<std::string, const PythonRuleInfo*> by_code;
  for (const PythonRuleInfo& r : out) {
    auto [it, inserted] = by_code.emplace(r.code, &r);
    if (!inserted) {
      throw PythonRuleError{"two rules have the code " + r.code + ": " + it->second->class_name + " (" +
                            it->second->path + ":" + std::to_string(it->second->line) + ") and " + r.class_name + " (" +
                            r.path + ":" + std::to_string(r.line) + ")"};
    }
  }
  for (PythonRuleInfo& r : out) {
    r.spec.code = r.code;
    r.spec.name = r.name;
    r.spec.linter = "python";
    r.spec.doc = r.doc;
    r.spec.python = true;
    // The Python runtime builds the semantic model for a file only when a rule needs it.
    r.spec.needs_semantic = false;
    for (const PythonRuleInfo::OptionText& o : r.option_texts) {
      r.spec.options.push_back(RuleOption{o.name, o.type, o.default_value, "an option of this Python rule (its `options`)"});
    }
  }
  return out;
}

}  // namespace lint
