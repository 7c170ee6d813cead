#include "selection.h"

#include <algorithm>

#include "registry.h"

namespace lint {

std::vector<std::string> split_selectors(std::string_view list) {
  std::vector<std::string> out;
  size_t pos = 0;
  while (pos <= list.size()) {
    size_t comma = list.find(',', pos);
    if (comma == std::string_view::npos) comma = list.size();
    std::string_view item = list.substr(pos, comma - pos);
    while (!item.empty() && (item.front() == ' ' || item.front() == '\t')) item.remove_prefix(1);
    while (!item.empty() && (item.back() == ' ' || item.back() == '\t')) item.remove_suffix(1);
    if (!item.empty()) out.emplace_back(item);
    pos = comma + 1;
  }
  return out;
}

namespace {

// How specifically `selector` names `rule`: -1 when it does not, 0 for ALL, the prefix length
// for a code prefix, and more than any prefix for the rule's full name.
int specificity(std::string_view selector, const RuleSpec& rule) {
  if (selector == "ALL") return 0;
  if (selector == rule.name) return 100;
  if (rule.code.starts_with(selector)) return static_cast<int>(selector.size());
  return -1;
}

size_t edit_distance(std::string_view a, std::string_view b) {
  std::vector<size_t> row(b.size() + 1);
  for (size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    size_t diag = row[0];
    row[0] = i;
    for (size_t j = 1; j <= b.size(); ++j) {
      const size_t up = row[j];
      const bool same = std::toupper(static_cast<unsigned char>(a[i - 1])) ==
                        std::toupper(static_cast<unsigned char>(b[j - 1]));
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diag + (same ? 0 : 1)});
      diag = up;
    }
  }
  return row[b.size()];
}

}  // namespace

bool is_known_selector(std::string_view selector) {
  if (selector.empty()) return false;
  for (const RuleSpec* r : all_rules()) {
    if (specificity(selector, *r) >= 0) return true;
  }
  return false;
}

std::string closest_selector(std::string_view selector) {
  std::string best;
  size_t best_distance = std::string::npos;
  for (const RuleSpec* r : all_rules()) {
    for (std::string_view candidate : {r->code, r->name}) {
      const size_t d = edit_distance(selector, candidate);
      if (d < best_distance) {
        best_distance = d;
        best = candidate;
      }
    }
  }
  // Suggest only what is plausibly a typo of the input.
  if (best_distance > std::max<size_t>(2, selector.size() / 2)) return "";
  return best;
}

std::vector<const RuleSpec*> resolve(const RuleSelection& selection) {
  auto check = [](const std::vector<std::string>& selectors) {
    for (const std::string& s : selectors) {
      if (is_known_selector(s)) continue;
      std::string message = "unknown rule selector `" + s + "`";
      if (std::string near = closest_selector(s); !near.empty()) message += "; did you mean `" + near + "`?";
      throw SelectionError{message};
    }
  };
  if (selection.select) check(*selection.select);
  check(selection.extend_select);
  check(selection.ignore);

  std::vector<const RuleSpec*> enabled;
  for (const RuleSpec* rule : all_rules()) {
    int on = -1;
    if (selection.select) {
      for (const std::string& s : *selection.select) on = std::max(on, specificity(s, *rule));
    } else if (is_default_rule(*rule)) {
      on = 1;  // as specific as a linter prefix such as "E" or "F"
    }
    for (const std::string& s : selection.extend_select) on = std::max(on, specificity(s, *rule));
    int off = -1;
    for (const std::string& s : selection.ignore) off = std::max(off, specificity(s, *rule));
    if (on >= 0 && on > off) enabled.push_back(rule);
  }
  return enabled;
}

}  // namespace lint
