// Every native rule, in the order of rules/rules.def.
#pragma once

#include <span>
#include <string_view>

#include "engine/rule.h"

namespace lint {

std::span<const RuleSpec* const> all_rules();
const RuleSpec* find_rule(std::string_view code_or_name);

// Adds a rule found at run time (a Python rule) to the table. Throws std::runtime_error when its
// code is already taken. Call before selecting rules, from one thread.
void register_rule(const RuleSpec* spec);

// Codes Ruff enables when nothing is selected: E4, E7, E9 and F.
bool is_default_rule(const RuleSpec& spec);

}  // namespace lint
