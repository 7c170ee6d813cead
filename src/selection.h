// Turning --select / --extend-select / --ignore into the set of enabled rules.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "rule.h"

namespace lint {

struct RuleSelection {
  std::optional<std::vector<std::string>> select;  // unset: the default set
  std::vector<std::string> extend_select;
  std::vector<std::string> ignore;
};

// Thrown for an unknown selector; the message names the closest known code or name.
struct SelectionError {
  std::string message;
};

// Splits "E7,F401" (and trims spaces) into selectors.
std::vector<std::string> split_selectors(std::string_view list);

// True when `selector` names at least one rule: ALL, a code prefix, or a rule name.
bool is_known_selector(std::string_view selector);

// The closest known code or rule name to an unknown selector, or "" if nothing is close.
std::string closest_selector(std::string_view selector);

// Resolves the selection against every native rule. The most specific selector decides a rule;
// at equal specificity, ignore wins (as in Ruff). Throws SelectionError on an unknown selector.
std::vector<const RuleSpec*> resolve(const RuleSelection& selection);

}  // namespace lint
