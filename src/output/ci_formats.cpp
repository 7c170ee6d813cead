// The formats CI systems read, as Ruff 0.17.3 writes them: GitHub workflow commands, GitLab Code
// Quality JSON, Azure Pipelines logging commands, Pylint's text, grouped text, JUnit XML, SARIF
// 2.1.0 and reviewdog's rdjson. The line formats render per file (render_line_format); the
// others are one document per run (render_document).
#include <algorithm>
#include <cctype>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <string>

#include "engine/registry.h"
#include "engine/rule.h"
#include "output/ci_formats.h"
#include "output/output.h"
#include "output/terminal.h"
#include "version.h"

namespace lint {

namespace {

// Ruff writes its name where a format names the tool; lint writes its own.
constexpr std::string_view kTool = "lint";

std::string code_of(const RuleSpec* rule) { return rule ? std::string(rule->code) : std::string("invalid-syntax"); }

// GitHub's workflow commands end at a newline: a message must keep to one command. A `%` is
// written as it is, as Ruff writes it (GitHub shows a `%` that starts no escape as it is).
std::string github_escape(std::string_view s) {
  std::string out;
  for (const char c : s) {
    switch (c) {
      case '\r': out += "%0D"; break;
      case '\n': out += "%0A"; break;
      default: out += c;
    }
  }
  return out;
}

// SipHash-1-3 with zero keys (what Rust's DefaultHasher computes), over the bytes Rust's Hash
// writes for (salt: u64, name: &str, path: &str): GitLab's fingerprints stay the ones Ruff
// gives the same diagnostic, so GitLab tracks issues across a switch from Ruff to lint.
class SipHasher13 {
 public:
  void write(const void* data, size_t n) {
    const auto* p = static_cast<const uint8_t*>(data);
    for (size_t i = 0; i < n; ++i) {
      tail_ |= static_cast<uint64_t>(p[i]) << (8 * ntail_);
      ++length_;
      if (++ntail_ == 8) {
        compress(tail_);
        tail_ = 0;
        ntail_ = 0;
      }
    }
  }
  void write_u64(uint64_t v) {
    uint8_t b[8];
    for (int i = 0; i < 8; ++i) b[i] = static_cast<uint8_t>(v >> (8 * i));
    write(b, 8);
  }
  void write_str(std::string_view s) {
    write(s.data(), s.size());
    const uint8_t end = 0xff;
    write(&end, 1);
  }
  uint64_t finish() {
    const uint64_t b = (static_cast<uint64_t>(length_ & 0xff) << 56) | tail_;
    compress(b);
    v2_ ^= 0xff;
    for (int i = 0; i < 3; ++i) round();
    return v0_ ^ v1_ ^ v2_ ^ v3_;
  }

 private:
  static uint64_t rotl(uint64_t x, int b) { return (x << b) | (x >> (64 - b)); }
  void round() {
    v0_ += v1_; v1_ = rotl(v1_, 13); v1_ ^= v0_; v0_ = rotl(v0_, 32);
    v2_ += v3_; v3_ = rotl(v3_, 16); v3_ ^= v2_;
    v0_ += v3_; v3_ = rotl(v3_, 21); v3_ ^= v0_;
    v2_ += v1_; v1_ = rotl(v1_, 17); v1_ ^= v2_; v2_ = rotl(v2_, 32);
  }
  void compress(uint64_t m) {
    v3_ ^= m;
    round();
    v0_ ^= m;
  }
  uint64_t v0_ = 0x736f6d6570736575ULL, v1_ = 0x646f72616e646f6dULL, v2_ = 0x6c7967656e657261ULL,
           v3_ = 0x7465646279746573ULL;
  uint64_t tail_ = 0;
  size_t ntail_ = 0;
  size_t length_ = 0;
};

uint64_t gitlab_fingerprint(std::string_view name, std::string_view path, uint64_t salt) {
  SipHasher13 h;
  h.write_u64(salt);
  h.write_str(name);
  h.write_str(path);
  return h.finish();
}

std::string hex(uint64_t v) {
  char buf[17];
  std::snprintf(buf, sizeof buf, "%llx", static_cast<unsigned long long>(v));
  return buf;
}

std::string dump(const nlohmann::ordered_json& j) {
  return j.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
}

std::string xml_escape(std::string_view s, bool attribute) {
  std::string out;
  for (const char c : s) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += attribute ? "&quot;" : "\""; break;
      case '\'': out += attribute ? "&apos;" : "'"; break;
      default: out += c;
    }
  }
  return out;
}

// A path relative to a folder (GitLab's CI_PROJECT_DIR), with `..` for paths outside it, as
// Ruff's pathdiff computes it.
std::string relative_to(const std::string& path, std::string_view dir) {
  const std::string rel = std::filesystem::path(path).lexically_relative(std::filesystem::path(dir)).string();
  return rel.empty() ? path : rel;
}

// The first sentence of a rule's "What it does", for SARIF's short description.
std::string summary_of(const RuleSpec& rule) {
  std::string_view doc = rule.doc;
  const size_t head = doc.find("## What it does");
  if (head != std::string_view::npos) doc.remove_prefix(head + std::strlen("## What it does"));
  while (!doc.empty() && (doc.front() == '\n' || doc.front() == ' ')) doc.remove_prefix(1);
  size_t end = doc.find("\n\n");
  std::string_view para = doc.substr(0, end);
  std::string out;
  for (const char c : para) out += c == '\n' ? ' ' : c;
  return out.empty() ? std::string(rule.name) : out;
}

std::string render_gitlab(const std::vector<std::pair<const SourcePath*, const std::vector<Reported>*>>& files) {
  const char* project = std::getenv("CI_PROJECT_DIR");
  nlohmann::ordered_json all = nlohmann::ordered_json::array();
  std::set<uint64_t> fingerprints;
  for (const auto& [path, reported] : files) {
    const std::string shown = project ? relative_to(path->absolute, project) : path->display;
    for (const Reported& r : *reported) {
      const std::string code = code_of(r.rule);
      const std::string_view name = r.rule ? r.rule->name : std::string_view("invalid-syntax");
      uint64_t fp = gitlab_fingerprint(name, shown, 0);
      while (fingerprints.count(fp)) fp = gitlab_fingerprint(name, shown, fp);
      fingerprints.insert(fp);
      nlohmann::ordered_json j;
      j["check_name"] = code;
      j["description"] = code + ": " + r.message;
      j["severity"] = "major";
      j["fingerprint"] = hex(fp);
      nlohmann::ordered_json begin, end;
      begin["line"] = r.start.row;
      begin["column"] = r.start.column;
      end["line"] = r.end.row;
      end["column"] = r.end.column;
      j["location"] = {{"path", shown}, {"positions", {{"begin", begin}, {"end", end}}}};
      all.push_back(std::move(j));
    }
  }
  return dump(all);
}

std::string render_rdjson(const std::vector<std::pair<const SourcePath*, const std::vector<Reported>*>>& files) {
  // Keys in sorted order, as Ruff's serde_json::Value writes them.
  nlohmann::json diagnostics = nlohmann::json::array();
  for (const auto& [path, reported] : files) {
    for (const Reported& r : *reported) {
      nlohmann::json j;
      nlohmann::json code = {{"value", code_of(r.rule)}};
      if (r.rule && !r.rule->python) code["url"] = "https://docs.astral.sh/ruff/rules/" + std::string(r.rule->name);
      j["code"] = std::move(code);
      j["location"] = {{"path", path->absolute},
                       {"range", {{"start", {{"column", r.start.column}, {"line", r.start.row}}},
                                  {"end", {{"column", r.end.column}, {"line", r.end.row}}}}}};
      j["message"] = r.message;
      if (!r.edits.empty()) {
        nlohmann::json suggestions = nlohmann::json::array();
        for (const ReportedEdit& e : r.edits) {
          suggestions.push_back({{"range", {{"start", {{"column", e.start.column}, {"line", e.start.row}}},
                                            {"end", {{"column", e.end.column}, {"line", e.end.row}}}}},
                                 {"text", e.content}});
        }
        j["suggestions"] = std::move(suggestions);
      }
      diagnostics.push_back(std::move(j));
    }
  }
  nlohmann::json doc = {{"diagnostics", std::move(diagnostics)},
                        {"severity", "WARNING"},
                        {"source", {{"name", kTool}}}};
  return doc.dump(2, ' ', false, nlohmann::json::error_handler_t::replace);
}

std::string render_junit(const std::vector<std::pair<const SourcePath*, const std::vector<Reported>*>>& files) {
  const std::string tool(kTool);
  const std::string package = "org." + tool;
  size_t total = 0;
  for (const auto& [path, reported] : files) total += reported->size();
  std::string out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
  if (total == 0) {
    out += "<testsuites name=\"" + tool + "\" tests=\"1\" skipped=\"0\" failures=\"0\" errors=\"0\">\n";
    out += "    <testsuite name=\"" + tool + "\" tests=\"1\" skipped=\"0\" errors=\"0\" failures=\"0\" package=\"" +
           package + "\">\n";
    out += "        <testcase name=\"No errors found\" classname=\"" + tool + "\"/>\n";
    out += "    </testsuite>\n</testsuites>\n";
    return out;
  }
  // One suite per file, by absolute path (Ruff groups in a sorted map).
  std::map<std::string, std::vector<const Reported*>> by_file;
  for (const auto& [path, reported] : files) {
    for (const Reported& r : *reported) by_file[path->absolute].push_back(&r);
  }
  const std::string n = std::to_string(total);
  out += "<testsuites name=\"" + tool + "\" tests=\"" + n + "\" skipped=\"0\" failures=\"" + n + "\" errors=\"0\">\n";
  for (const auto& [file, list] : by_file) {
    const std::string count = std::to_string(list.size());
    out += "    <testsuite name=\"" + xml_escape(file, true) + "\" tests=\"" + count +
           "\" skipped=\"0\" errors=\"0\" failures=\"" + count + "\" package=\"" + package + "\">\n";
    std::string classname = file;
    const size_t slash = classname.rfind('/');
    const size_t dot = classname.rfind('.');
    if (dot != std::string::npos && (slash == std::string::npos || dot > slash + 1)) classname.erase(dot);
    for (const Reported* r : list) {
      out += "        <testcase name=\"" + package + "." + xml_escape(code_of(r->rule), true) + "\" classname=\"" +
             xml_escape(classname, true) + "\" line=\"" + std::to_string(r->start.row) + "\" column=\"" +
             std::to_string(r->start.column) + "\">\n";
      out += "            <properties>\n                <property name=\"severity\" value=\"error\"/>\n"
             "            </properties>\n";
      out += "            <failure message=\"" + xml_escape(r->message, true) + "\">line " + std::to_string(r->start.row) +
             ", col " + std::to_string(r->start.column) + ", " + xml_escape(r->message, false) + "</failure>\n";
      out += "        </testcase>\n";
    }
    out += "    </testsuite>\n";
  }
  out += "</testsuites>\n";
  return out;
}

std::string file_uri(const std::string& absolute) {
  std::string out = "file://";
  for (const unsigned char c : absolute) {
    if (std::isalnum(c) || std::strchr("/-._~", c)) {
      out += static_cast<char>(c);
    } else {
      char buf[4];
      std::snprintf(buf, sizeof buf, "%%%02X", c);
      out += buf;
    }
  }
  return out;
}

nlohmann::ordered_json sarif_region(const Location& start, const Location& end) {
  nlohmann::ordered_json r;
  r["endColumn"] = end.column;
  r["endLine"] = end.row;
  r["startColumn"] = start.column;
  r["startLine"] = start.row;
  return r;
}

std::string render_sarif(const std::vector<std::pair<const SourcePath*, const std::vector<Reported>*>>& files) {
  nlohmann::ordered_json results = nlohmann::ordered_json::array();
  std::map<std::string_view, const RuleSpec*> rules;  // by code
  for (const auto& [path, reported] : files) {
    const std::string uri = file_uri(path->absolute);
    for (const Reported& r : *reported) {
      nlohmann::ordered_json j;
      if (r.applicability && !r.edits.empty()) {
        nlohmann::ordered_json replacements = nlohmann::ordered_json::array();
        for (const ReportedEdit& e : r.edits) {
          nlohmann::ordered_json rep;
          rep["deletedRegion"] = sarif_region(e.start, e.end);
          if (!e.content.empty()) rep["insertedContent"] = {{"text", e.content}};
          replacements.push_back(std::move(rep));
        }
        nlohmann::ordered_json change;
        change["artifactLocation"] = {{"uri", uri}};
        change["replacements"] = std::move(replacements);
        nlohmann::ordered_json fix;
        fix["artifactChanges"] = nlohmann::ordered_json::array({std::move(change)});
        fix["description"] = {{"text", r.fix_title.empty() ? nlohmann::ordered_json(nullptr)
                                                            : nlohmann::ordered_json(r.fix_title)}};
        j["fixes"] = nlohmann::ordered_json::array({std::move(fix)});
      }
      j["level"] = "error";
      nlohmann::ordered_json physical;
      physical["artifactLocation"] = {{"uri", uri}};
      physical["region"] = sarif_region(r.start, r.end);
      j["locations"] = nlohmann::ordered_json::array({{{"physicalLocation", std::move(physical)}}});
      j["message"] = {{"text", r.message}};
      j["ruleId"] = code_of(r.rule);
      results.push_back(std::move(j));
      if (r.rule) rules[r.rule->code] = r.rule;
    }
  }
  nlohmann::ordered_json rule_list = nlohmann::ordered_json::array();
  for (const auto& [code, rule] : rules) {
    nlohmann::ordered_json j;
    j["defaultConfiguration"] = {{"enabled", is_default_rule(*rule)}, {"level", "error"}};
    j["fullDescription"] = {{"text", rule->doc}};
    const std::string summary = summary_of(*rule);
    j["help"] = {{"text", summary}};
    if (!rule->python) j["helpUri"] = "https://docs.astral.sh/ruff/rules/" + std::string(rule->name);
    j["id"] = rule->code;
    nlohmann::ordered_json props;
    props["id"] = rule->code;
    props["kind"] = rule->linter;
    props["name"] = rule->name;
    props["problem.severity"] = "error";
    j["properties"] = std::move(props);
    j["shortDescription"] = {{"text", summary}};
    rule_list.push_back(std::move(j));
  }
  nlohmann::ordered_json driver;
  driver["name"] = kTool;
  driver["rules"] = std::move(rule_list);
  driver["version"] = LINT_VERSION;
  nlohmann::ordered_json run;
  run["results"] = std::move(results);
  run["tool"] = {{"driver", std::move(driver)}};
  nlohmann::ordered_json doc;
  doc["$schema"] = "https://json.schemastore.org/sarif-2.1.0.json";
  doc["runs"] = nlohmann::ordered_json::array({std::move(run)});
  doc["version"] = "2.1.0";
  return dump(doc);
}

}  // namespace

std::string render_line_format(OutputFormat format, const SourcePath& path, const std::vector<Diagnostic>& diagnostics,
                               bool show_fix_status, Applicability required) {
  std::string out;
  if (format == OutputFormat::Grouped) {
    uint32_t max_row = 1, max_col = 1;
    for (const Diagnostic& d : diagnostics) {
      max_row = std::max(max_row, d.start.row);
      max_col = std::max(max_col, d.start.column);
    }
    const size_t row_w = std::to_string(max_row).size(), col_w = std::to_string(max_col).size();
    out += terminal_line(path.display) + ":\n";
    for (const Diagnostic& d : diagnostics) {
      const std::string row = std::to_string(d.start.row), col = std::to_string(d.start.column);
      const bool fixable = show_fix_status && d.fix && d.fix->applies(required);
      out += "  " + std::string(row_w - row.size(), ' ') + row + ":" + col + std::string(col_w - col.size(), ' ') + " " +
             (d.rule ? std::string(d.rule->code) + (fixable ? " [*]" : "") + " " : std::string("invalid-syntax: ")) +
             terminal_line(d.message) + "\n";
    }
    out += "\n";
    return out;
  }
  for (const Diagnostic& d : diagnostics) {
    const std::string code = code_of(d.rule);
    const std::string row = std::to_string(d.start.row), col = std::to_string(d.start.column);
    switch (format) {
      case OutputFormat::Github: {
        out += "::error title=" + std::string(kTool) + " (" + code + "),file=" + github_escape(path.absolute) + ",line=" + row;
        if (d.start.row == d.end.row) {
          out += ",col=" + col + ",endLine=" + std::to_string(d.end.row) + ",endColumn=" + std::to_string(d.end.column);
        } else {
          out += ",endLine=" + std::to_string(d.end.row);
        }
        out += "::" + github_escape(path.display) + ":" + row + ":" + col + ": " + (d.rule ? code : code + ":") + " " +
               github_escape(d.message);
        for (const Annotation& a : d.secondary) {
          if (a.message.empty()) continue;
          out += "%0A  " + github_escape(path.display) + ":" + std::to_string(a.start.row) + ":" +
                 std::to_string(a.start.column) + ": " + github_escape(a.message);
        }
        if (!d.fix_title.empty()) out += "%0A  help: " + github_escape(d.fix_title);
        out += "\n";
        break;
      }
      // A line break in a file name or message would start a line of its own (for Azure, a
      // logging command): names and messages are kept to one line (terminal.h).
      case OutputFormat::Azure:
        out += "##vso[task.logissue type=error;sourcepath=" + terminal_line(path.absolute) + ";linenumber=" + row +
               ";columnnumber=" + col + ";code=" + code + ";]" + terminal_line(d.message) + "\n";
        break;
      case OutputFormat::Pylint:
        out += terminal_line(path.display) + ":" + row + ": [" + code + "] " + terminal_line(d.message) + "\n";
        break;
      default:
        break;
    }
  }
  return out;
}

bool is_document_format(OutputFormat f) {
  return f == OutputFormat::Gitlab || f == OutputFormat::Junit || f == OutputFormat::Sarif || f == OutputFormat::Rdjson;
}

std::vector<Reported> reported(const std::vector<Diagnostic>& diagnostics, const LineIndex* lines) {
  std::vector<Reported> out;
  out.reserve(diagnostics.size());
  for (const Diagnostic& d : diagnostics) {
    Reported r;
    r.rule = d.rule;
    r.message = d.message;
    r.start = d.start;
    r.end = d.end;
    r.fix_title = d.fix_title;
    if (d.fix && lines) {
      r.applicability = d.fix->applicability();
      for (const Edit& e : d.fix->edits()) r.edits.push_back(ReportedEdit{lines->location(e.start), lines->location(e.end), e.content});
    }
    out.push_back(std::move(r));
  }
  return out;
}

std::string render_document(const OutputOptions& options,
                            const std::vector<std::pair<const SourcePath*, const std::vector<Reported>*>>& files) {
  switch (options.format) {
    case OutputFormat::Gitlab: return render_gitlab(files);
    case OutputFormat::Junit: return render_junit(files);
    case OutputFormat::Sarif: return render_sarif(files);
    case OutputFormat::Rdjson: return render_rdjson(files);
    default: return "";
  }
}

}  // namespace lint
