// Every native rule, in the order of rules/rules.def.
#pragma once

#include <span>
#include <string_view>

#include "rule.h"

namespace lint {

std::span<const RuleSpec* const> all_rules();
const RuleSpec* find_rule(std::string_view code_or_name);

// Codes Ruff enables when nothing is selected: E4, E7, E9 and F.
bool is_default_rule(const RuleSpec& spec);

}  // namespace lint
