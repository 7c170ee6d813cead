// Turning --select / --extend-select / --ignore into the set of enabled rules.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <vector>

#include "engine/rule.h"

namespace lint {

struct RuleSelection {
  std::optional<std::vector<std::string>> select;  // unset: the default set
  std::vector<std::string> extend_select;
  std::vector<std::string> ignore;
};

// Thrown for an unknown selector; the message names the closest known code or name.
struct SelectionError {
  std::string message;
  std::string selector;  // the unknown selector
};

// Splits "E7,F401" (and trims spaces) into selectors.
std::vector<std::string> split_selectors(std::string_view list);

// Levenshtein distance, for "did you mean" suggestions.
size_t edit_distance(std::string_view a, std::string_view b, bool ignore_case = false);

// True when `selector` names at least one rule: ALL, a code prefix, or a rule name.
bool is_known_selector(std::string_view selector);

// True when `selector` names rules of Ruff's only, none that lint has yet (`PLR0133`, `N`): a
// Ruff configuration carries them; lint warns and selects nothing for them.
bool is_ruff_only_selector(std::string_view selector);

// The closest known code or rule name to an unknown selector, or "" if nothing is close.
std::string closest_selector(std::string_view selector);

// The message for an unknown selector, naming the closest known code or name.
std::string unknown_selector_message(std::string_view selector);

// Every rule a selector names (ALL, a code prefix, a rule name); none for an unknown one.
std::vector<const RuleSpec*> rules_named_by(std::string_view selector);

// Resolves the selection against every registered rule. The most specific selector decides a
// rule; at equal specificity, ignore wins (as in Ruff). Throws SelectionError on an unknown
// selector.
std::vector<const RuleSpec*> resolve(const RuleSelection& selection);

// Resolves a chain of selections applied in order, as Ruff merges configuration layers (an
// extended file, the file extending it, the command line), on top of the default set. Within a
// layer the most specific selector decides, ignore winning a tie. A layer with `select` starts
// over from its own selectors; a layer without it adds its `extend-select` rules to what the
// layers before enabled and removes its `ignore` rules. (A layer with an empty `select`, no
// `extend-select` and some `ignore` passes those ignores on to the next layer, as in Ruff.)
std::vector<const RuleSpec*> resolve(std::span<const RuleSelection> layers);

// The same, on top of every rule instead of the default set (`fixable` defaults to ALL).
std::vector<const RuleSpec*> resolve_from_all(std::span<const RuleSelection> layers);

// `extend-safe-fixes` / `extend-unsafe-fixes`: for each rule, the override of the most specific
// selector naming it, later ones (the unsafe ones come after the safe ones) winning a tie.
// Returns the rules made safe and those made unsafe.
std::pair<std::vector<const RuleSpec*>, std::vector<const RuleSpec*>> resolve_fix_safety(
    const std::vector<std::string>& safe, const std::vector<std::string>& unsafe);

}  // namespace lint
