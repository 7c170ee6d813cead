#include "config/selection.h"

#include <algorithm>

#include "engine/registry.h"
#include "noqa/noqa.h"

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

size_t edit_distance(std::string_view a, std::string_view b, bool ignore_case) {
  std::vector<size_t> row(b.size() + 1);
  for (size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    size_t diag = row[0];
    row[0] = i;
    for (size_t j = 1; j <= b.size(); ++j) {
      const size_t up = row[j];
      const unsigned char x = static_cast<unsigned char>(a[i - 1]), y = static_cast<unsigned char>(b[j - 1]);
      const bool same = ignore_case ? std::toupper(x) == std::toupper(y) : x == y;
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diag + (same ? 0 : 1)});
      diag = up;
    }
  }
  return row[b.size()];
}

namespace {

// The code prefixes of Ruff's linters. A code belongs to the linter whose prefix is the longest
// it starts with (`FURB105` is refurb's, not pyflakes' `F`).
constexpr std::string_view kLinterPrefixes[] = {
    "A",   "AIR", "ANN", "ARG", "ASYNC", "B",    "BLE",  "C4",  "C90", "COM", "CPY", "D",   "DJ",  "DOC", "DTZ",
    "E",   "EM",  "ERA", "EXE", "F",     "FA",   "FAST", "FBT", "FIX", "FLY", "FURB", "G",  "I",   "ICN", "INP",
    "INT", "ISC", "LOG", "N",   "NPY",   "PD",   "PERF", "PGH", "PIE", "PL",  "PT",  "PTH", "PYI", "Q",   "RET",
    "RSE", "RUF", "S",   "SIM", "SLF",   "SLOT", "T10",  "T20", "TC",  "TD",  "TID", "TRY", "UP",  "W",   "YTT",
};

std::string_view linter_prefix(std::string_view code) {
  std::string_view best;
  for (std::string_view p : kLinterPrefixes) {
    if (code.starts_with(p) && p.size() > best.size()) best = p;
  }
  return best;
}

// How specifically `selector` names `rule`: -1 when it does not, 0 for ALL, the prefix length
// for a code prefix, and more than any prefix for the rule's full name. A code prefix selects
// within one linter, as Ruff's selectors do: `F` is pyflakes and not refurb's `FURB` nor
// flynt's `FLY`; only `C` (flake8-comprehensions and mccabe) and `T` (flake8-debugger and
// flake8-print) stop inside a linter's prefix.
int specificity(std::string_view selector, const RuleSpec& rule) {
  if (selector == "ALL") return 0;
  if (selector == rule.name) return 100;
  if (!rule.code.starts_with(selector)) return -1;
  const std::string_view linter = linter_prefix(rule.code);
  const bool family = (selector == "C" && (linter == "C4" || linter == "C90")) ||
                      (selector == "T" && (linter == "T10" || linter == "T20"));
  if (selector.size() < linter.size() && !family) return -1;
  return static_cast<int>(selector.size());
}

}  // namespace

bool is_ruff_only_selector(std::string_view selector) {
  if (selector.empty() || is_known_selector(selector)) return false;
  for (const std::string_view code : noqa::ruff_codes()) {
    if (!code.starts_with(selector)) continue;
    const std::string_view linter = linter_prefix(code);
    if (selector.size() >= linter.size() || selector == "C" || selector == "T") return true;
  }
  return false;
}

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
      const size_t d = edit_distance(selector, candidate, true);
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

std::string unknown_selector_message(std::string_view selector) {
  std::string message = "unknown rule selector `" + std::string(selector) + "`";
  if (std::string near = closest_selector(selector); !near.empty()) message += "; did you mean `" + near + "`?";
  return message;
}

std::vector<const RuleSpec*> rules_named_by(std::string_view selector) {
  std::vector<const RuleSpec*> out;
  for (const RuleSpec* r : all_rules()) {
    if (specificity(selector, *r) >= 0) out.push_back(r);
  }
  return out;
}

std::vector<const RuleSpec*> resolve(const RuleSelection& selection) {
  return resolve(std::span<const RuleSelection>(&selection, 1));
}

namespace {

std::vector<const RuleSpec*> resolve_layers(std::span<const RuleSelection> layers, bool from_all);

}  // namespace

std::vector<const RuleSpec*> resolve(std::span<const RuleSelection> layers) { return resolve_layers(layers, false); }

std::vector<const RuleSpec*> resolve_from_all(std::span<const RuleSelection> layers) {
  return resolve_layers(layers, true);
}

std::pair<std::vector<const RuleSpec*>, std::vector<const RuleSpec*>> resolve_fix_safety(
    const std::vector<std::string>& safe, const std::vector<std::string>& unsafe) {
  const auto rules = all_rules();
  std::vector<std::pair<int, int>> decided(rules.size(), {-1, 0});  // (specificity, +1 safe / -1 unsafe)
  auto apply = [&](const std::vector<std::string>& selectors, int verdict) {
    for (const std::string& s : selectors) {
      if (!is_known_selector(s) && !is_ruff_only_selector(s)) throw SelectionError{unknown_selector_message(s), s};
      for (size_t i = 0; i < rules.size(); ++i) {
        const int spec = specificity(s, *rules[i]);
        if (spec >= 0 && spec >= decided[i].first) decided[i] = {spec, verdict};
      }
    }
  };
  apply(safe, 1);
  apply(unsafe, -1);
  std::pair<std::vector<const RuleSpec*>, std::vector<const RuleSpec*>> out;
  for (size_t i = 0; i < rules.size(); ++i) {
    if (decided[i].second > 0) out.first.push_back(rules[i]);
    if (decided[i].second < 0) out.second.push_back(rules[i]);
  }
  return out;
}

namespace {

std::vector<const RuleSpec*> resolve_layers(std::span<const RuleSelection> layers, bool from_all) {
  auto check = [](const std::vector<std::string>& selectors) {
    for (const std::string& s : selectors) {
      if (!is_known_selector(s) && !is_ruff_only_selector(s)) throw SelectionError{unknown_selector_message(s), s};
    }
  };
  for (const RuleSelection& layer : layers) {
    if (layer.select) check(*layer.select);
    check(layer.extend_select);
    check(layer.ignore);
  }

  const auto rules = all_rules();
  std::vector<char> on(rules.size());
  for (size_t i = 0; i < rules.size(); ++i) on[i] = from_all || is_default_rule(*rules[i]);
  const std::vector<std::string>* carried_ignores = nullptr;
  for (const RuleSelection& layer : layers) {
    const std::vector<std::string>* carried = carried_ignores;
    carried_ignores = nullptr;
    for (size_t i = 0; i < rules.size(); ++i) {
      const RuleSpec& rule = *rules[i];
      int select = -1;
      if (layer.select) {
        for (const std::string& s : *layer.select) select = std::max(select, specificity(s, rule));
      }
      for (const std::string& s : layer.extend_select) select = std::max(select, specificity(s, rule));
      int ignore = -1;
      for (const std::string& s : layer.ignore) ignore = std::max(ignore, specificity(s, rule));
      if (carried) {
        for (const std::string& s : *carried) ignore = std::max(ignore, specificity(s, rule));
      }
      if (select >= 0 && select > ignore) {
        on[i] = true;
      } else if (ignore >= 0 || layer.select) {
        on[i] = false;
      }
    }
    if (layer.select && layer.select->empty() && layer.extend_select.empty() && !layer.ignore.empty()) {
      carried_ignores = &layer.ignore;
    }
  }
  std::vector<const RuleSpec*> enabled;
  for (size_t i = 0; i < rules.size(); ++i) {
    if (on[i]) enabled.push_back(rules[i]);
  }
  return enabled;
}

}  // namespace

}  // namespace lint
