#include "cli/commands.h"

#include <algorithm>
#include <iostream>
#include <map>
#include <nlohmann/json.hpp>

#include "engine/registry.h"
#include "fix/diff.h"
#include "config/selection.h"

namespace lint {

namespace {

bool is_json(OutputFormat f) { return f == OutputFormat::Json || f == OutputFormat::JsonLines; }

std::string_view origin_of(const RuleSpec& r) { return r.python ? "python" : "native"; }

std::string_view option_type(RuleOption::Type t) {
  switch (t) {
    case RuleOption::Type::Bool: return "boolean";
    case RuleOption::Type::Int: return "integer";
    case RuleOption::Type::String: return "string";
    case RuleOption::Type::Strings: return "list of strings";
  }
  return "";
}

// Each line of `text` indented by `width` spaces (without a final line ending).
std::string indented(std::string_view text, size_t width) {
  std::string out;
  const std::string pad(width, ' ');
  size_t pos = 0;
  while (pos < text.size()) {
    size_t end = text.find('\n', pos);
    if (end == std::string_view::npos) end = text.size();
    out += (out.empty() ? "" : "\n") + pad + std::string(text.substr(pos, end - pos));
    pos = end + 1;
  }
  return out;
}

const PythonRuleInfo* python_info(const RuleSpec* r, const std::deque<PythonRuleInfo>& python_rules) {
  for (const PythonRuleInfo& p : python_rules) {
    if (&p.spec == r) return &p;
  }
  return nullptr;
}

}  // namespace

int show_rule(const std::string& code_or_name, OutputFormat format, const std::deque<PythonRuleInfo>& python_rules) {
  const RuleSpec* r = find_rule(code_or_name);
  if (!r) {
    std::string message = "unknown rule `" + code_or_name + "`";
    if (std::string near = closest_selector(code_or_name); !near.empty()) message += "; did you mean `" + near + "`?";
    std::cerr << "error: " << message << "\n";
    return 2;
  }
  const PythonRuleInfo* py = python_info(r, python_rules);
  if (is_json(format)) {
    nlohmann::ordered_json j;
    j["name"] = r->name;
    j["code"] = r->code;
    j["linter"] = r->linter;
    j["origin"] = origin_of(*r);
    j["fix"] = r->fix == FixAvailability::None ? std::string("Fix is not available.")
                                               : std::string(fix_availability_text(r->fix));
    j["fix_availability"] = r->fix == FixAvailability::Always      ? "Always"
                            : r->fix == FixAvailability::Sometimes ? "Sometimes"
                                                                   : "None";
    j["default"] = is_default_rule(*r);
    j["explanation"] = r->doc;
    nlohmann::ordered_json options = nlohmann::ordered_json::array();
    for (const RuleOption& o : r->options) {
      nlohmann::ordered_json oj;
      oj["name"] = o.name;
      oj["type"] = option_type(o.type);
      oj["default"] = o.default_value;
      oj["doc"] = o.doc;
      options.push_back(std::move(oj));
    }
    j["options"] = std::move(options);
    if (py) j["source_location"] = {{"file", py->path}, {"line", py->line}};
    std::cout << j.dump(2) << "\n";
    return 0;
  }
  std::string out = "# " + std::string(r->name) + " (" + std::string(r->code) + ")\n\n";
  if (py) {
    out += "Defined by a Python rule: `" + py->path + ":" + std::to_string(py->line) + "`.\n\n";
  } else {
    out += "Derived from the **" + std::string(r->linter) + "** linter.\n\n";
  }
  if (r->fix != FixAvailability::None) out += std::string(fix_availability_text(r->fix)) + "\n\n";
  out += std::string(is_default_rule(*r) ? "On by default." : "Not on by default.") + "\n\n";
  out += r->doc;
  if (!out.ends_with("\n")) out += "\n";
  if (!r->options.empty()) {
    out += "\n## Options\nSet in the rule's own table of the configuration, `[tool.lint." + std::string(r->name) +
           "]` (in lint.toml, `[" + std::string(r->name) + "]`):\n\n";
    for (const RuleOption& o : r->options) {
      out += "- `" + std::string(o.name) + "` (" + std::string(option_type(o.type)) + ", default `" +
             std::string(o.default_value) + "`): " + std::string(o.doc) +
             (r->python ? std::string(".\n") : " Also set by `[" + std::string(option_table(*r, o)) + "]`.\n");
    }
  }
  std::cout << out;
  return 0;
}

int list_rules(OutputFormat format) {
  const auto rules = all_rules();
  std::vector<const RuleSpec*> sorted(rules.begin(), rules.end());
  std::sort(sorted.begin(), sorted.end(), [](const RuleSpec* a, const RuleSpec* b) { return a->code < b->code; });
  if (is_json(format)) {
    nlohmann::ordered_json all = nlohmann::ordered_json::array();
    for (const RuleSpec* r : sorted) {
      nlohmann::ordered_json j;
      j["code"] = r->code;
      j["name"] = r->name;
      j["linter"] = r->linter;
      j["origin"] = origin_of(*r);
      j["fixable"] = r->fix != FixAvailability::None;
      j["fix_availability"] = r->fix == FixAvailability::Always      ? "Always"
                              : r->fix == FixAvailability::Sometimes ? "Sometimes"
                                                                     : "None";
      j["default"] = is_default_rule(*r);
      if (format == OutputFormat::JsonLines) std::cout << j.dump() << "\n";
      else all.push_back(std::move(j));
    }
    if (format == OutputFormat::Json) std::cout << all.dump(2) << "\n";
    return 0;
  }
  size_t code_w = 4, name_w = 4, linter_w = 6;
  for (const RuleSpec* r : sorted) {
    code_w = std::max(code_w, r->code.size());
    name_w = std::max(name_w, r->name.size());
    linter_w = std::max(linter_w, r->linter.size());
  }
  auto pad = [](std::string_view s, size_t w) { return std::string(s) + std::string(w - std::min(w, s.size()), ' '); };
  std::string out = pad("code", code_w) + "  " + pad("name", name_w) + "  " + pad("linter", linter_w) + "  origin  fix  default\n";
  for (const RuleSpec* r : sorted) {
    out += pad(r->code, code_w) + "  " + pad(r->name, name_w) + "  " + pad(r->linter, linter_w) + "  " +
           pad(origin_of(*r), 6) + "  " +
           (r->fix == FixAvailability::Always ? "yes  " : r->fix == FixAvailability::Sometimes ? "some " : "no   ") +
           (is_default_rule(*r) ? "yes" : "no") + "\n";
  }
  std::cout << out;
  return 0;
}

int test_rules(const std::deque<PythonRuleInfo>& rules, double rule_timeout) {
  if (rules.empty()) {
    std::cerr << "error: no Python rules found\n";
    return 2;
  }
  std::vector<const PythonRuleInfo*> all;
  for (const PythonRuleInfo& r : rules) all.push_back(&r);
  PythonRules* python = nullptr;
  try {
    python = &start_python_rules(all, rule_timeout);
  } catch (const PythonRuleError& e) {
    std::cerr << "error: " << e.message << "\n";
    return 2;
  }
  LintOptions options;
  options.threads = 1;
  options.output.format = OutputFormat::JsonLines;
  options.python = python;
  LintProfile profile;  // no native rule; every Python rule enabled
  for (const PythonRuleInfo& r : rules) profile.rules.push_back(&r.spec);
  std::sort(profile.rules.begin(), profile.rules.end(), [](const RuleSpec* a, const RuleSpec* b) { return a->code < b->code; });
  options.profile = &profile;
  int failed_rules = 0, passed_rules = 0;
  for (const PythonRuleInfo& rule : rules) {
    const RuleExamples examples = rule_examples(rule);
    std::vector<std::string> problems;
    if (!examples.error.empty()) problems.push_back(examples.error);
    auto lint_example = [&](const std::string& code, std::vector<nlohmann::json>& found, std::string& errors) {
      SourcePath sp;
      sp.path = sp.display = sp.absolute = "<example>";
      FileResult r = lint_source(sp, code, options);
      errors = r.warning;
      size_t pos = 0;
      while (pos < r.rendered.size()) {
        size_t end = r.rendered.find('\n', pos);
        if (end == std::string::npos) end = r.rendered.size();
        nlohmann::json j = nlohmann::json::parse(r.rendered.substr(pos, end - pos));
        if (j["code"].is_string() && j["code"].get<std::string>() == rule.code) found.push_back(j);
        if (j["code"].is_null()) problems.push_back("example does not parse: " + code);
        pos = end + 1;
      }
    };
    for (const RuleExample& ex : examples.valid) {
      std::vector<nlohmann::json> found;
      std::string errors;
      lint_example(ex.source, found, errors);
      if (!errors.empty()) problems.push_back(errors);
      for (const auto& d : found) {
        problems.push_back("VALID example reported at " + std::to_string(d["location"]["row"].get<int>()) + ":" +
                           std::to_string(d["location"]["column"].get<int>()) + " (" + d["message"].get<std::string>() +
                           "):\n    " + ex.source);
      }
    }
    // Fixing an example: this rule's fixes only, unsafe ones too, round after round as --fix.
    LintProfile fix_profile = profile;
    fix_profile.fixable = {&rule.spec};
    LintOptions fix_options = options;
    fix_options.profile = &fix_profile;
    fix_options.fix.mode = FixOptions::Mode::Apply;
    fix_options.fix.unsafe = true;
    auto check_fix = [&](const RuleExample& ex) {
      SourcePath sp;
      sp.path = sp.display = sp.absolute = "<example>";
      sp.is_stdin = true;  // the fixed text comes back instead of being written
      const FileResult r = lint_source(sp, ex.source, fix_options);
      if (!r.warning.empty()) {
        problems.push_back("fixing INVALID example:\n" + indented(r.warning, 6) + "\n    " + ex.source);
        return;
      }
      const std::string got = r.fixed_source_set ? r.fixed_source : ex.source;
      if (got != *ex.fixed) {
        problems.push_back("INVALID example's fix does not give its `fixed` code:\n" +
                           indented(unified_diff(*ex.fixed, got, "fixed (expected)", "fixed (got)"), 6));
        return;
      }
      // `fixed` equal to `code` says that nothing is fixed there: the rule still reports.
      if (got == ex.source) return;
      std::vector<nlohmann::json> found;
      std::string errors;
      lint_example(got, found, errors);  // adds "does not parse"
      if (!errors.empty()) problems.push_back(errors);
      for (const auto& d : found) {
        problems.push_back("the rule still reports on the fixed code, at " +
                           std::to_string(d["location"]["row"].get<int>()) + ":" +
                           std::to_string(d["location"]["column"].get<int>()) + ":\n    " + got);
      }
    };
    for (const RuleExample& ex : examples.invalid) {
      std::vector<nlohmann::json> found;
      std::string errors;
      lint_example(ex.source, found, errors);
      if (!errors.empty()) problems.push_back(errors);
      if (ex.fixed) check_fix(ex);
      const bool hit = std::any_of(found.begin(), found.end(), [&](const nlohmann::json& d) {
        return (ex.row == 0 || d["location"]["row"].get<uint32_t>() == ex.row) &&
               (ex.column == 0 || d["location"]["column"].get<uint32_t>() == ex.column) &&
               (ex.message.empty() || d["message"].get<std::string>() == ex.message);
      });
      if (!hit) {
        std::string want = rule.code;
        if (ex.row) want += " at " + std::to_string(ex.row) + ":" + std::to_string(ex.column);
        if (!ex.message.empty()) want += " \"" + ex.message + "\"";
        problems.push_back("INVALID example did not report " + want + ":\n    " + ex.source);
      }
    }
    const size_t count = examples.valid.size() + examples.invalid.size();
    if (problems.empty() && count > 0) {
      ++passed_rules;
      std::cout << "ok   " << rule.code << " " << rule.name << " (" << examples.valid.size() << " valid, "
                << examples.invalid.size() << " invalid)\n";
    } else {
      ++failed_rules;
      std::cout << "FAIL " << rule.code << " " << rule.name << " (" << rule.path << ":" << rule.line << ")\n";
      if (count == 0 && examples.error.empty()) std::cout << "    no VALID or INVALID examples\n";
      for (const std::string& p : problems) std::cout << "    " << p << "\n";
    }
  }
  std::cout << passed_rules << " passed, " << failed_rules << " failed\n";
  return failed_rules ? 1 : 0;
}

std::string render_statistics(const std::vector<FileResult>& results, OutputFormat format) {
  struct Row {
    const RuleSpec* rule = nullptr;
    size_t count = 0, fixable = 0;
  };
  std::map<const RuleSpec*, Row> counts;
  size_t total = 0;
  for (const FileResult& r : results) {
    for (size_t i = 0; i < r.found.size(); ++i) {
      Row& row = counts[r.found[i]];
      row.rule = r.found[i];
      ++row.count;
      row.fixable += i < r.found_fixable.size() && r.found_fixable[i];
    }
    total += r.found.size();
  }
  if (total == 0) return "";
  std::vector<Row> rows;
  for (const auto& [rule, row] : counts) rows.push_back(row);
  auto code = [](const RuleSpec* r) { return r ? r->code : std::string_view(); };
  std::sort(rows.begin(), rows.end(), [&](const Row& a, const Row& b) {
    if (a.count != b.count) return a.count > b.count;
    return code(a.rule) < code(b.rule);
  });
  if (format == OutputFormat::Json) {
    nlohmann::ordered_json all = nlohmann::ordered_json::array();
    for (const Row& row : rows) {
      nlohmann::ordered_json j;
      j["code"] = row.rule ? nlohmann::ordered_json(row.rule->code) : nlohmann::ordered_json(nullptr);
      j["name"] = row.rule ? row.rule->name : std::string_view("invalid-syntax");
      j["count"] = row.count;
      // As Ruff: `fixable` only when every one of them is.
      j["fixable"] = row.fixable == row.count;
      j["fixable_count"] = row.fixable;
      all.push_back(std::move(j));
    }
    return all.dump(2) + "\n";
  }
  size_t count_w = 0, code_w = 0;
  bool any_fixable = false;
  for (const Row& row : rows) {
    count_w = std::max(count_w, std::to_string(row.count).size());
    code_w = std::max(code_w, code(row.rule).size());
    any_fixable |= row.fixable > 0;
  }
  std::string out;
  for (const Row& row : rows) {
    const std::string n = std::to_string(row.count);
    const std::string_view c = code(row.rule);
    std::string marker;
    if (any_fixable) marker = row.fixable == row.count ? "[*] " : row.fixable ? "[-] " : "[ ] ";
    out += std::string(count_w - n.size(), ' ') + n + "\t" + std::string(c) + std::string(code_w - c.size(), ' ') + "\t" +
           marker + std::string(row.rule ? row.rule->name : std::string_view("invalid-syntax")) + "\n";
  }
  return out;
}

}  // namespace lint
