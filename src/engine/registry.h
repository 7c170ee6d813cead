// Every native rule, in the order of rules/rules.def.
#pragma once

#include <span>
#include <string_view>

#include "engine/rule.h"

namespace lint {

std::span<const RuleSpec* const> all_rules();
const RuleSpec* find_rule(std::string_view code_or_name);

// Adds a rule found at run time (a Python rule) to the table; `shipped` when it is one of lint's
// own (python_rules/). Throws std::runtime_error when its code is already taken. Call before
// selecting rules, from one thread.
void register_rule(const RuleSpec* spec, bool shipped = false);

// Whether lint runs the rule when nothing is selected: Ruff 0.17.3's default rules
// (src/engine/ruff_defaults.inc), of lint's native and shipped rules.
bool is_default_rule(const RuleSpec& spec);

}  // namespace lint
