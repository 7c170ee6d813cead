#include "registry.h"

#include <array>

namespace lint::rules {
#define LINT_RULE(stem) extern const RuleSpec stem;
#include "rules.def"
#undef LINT_RULE
}  // namespace lint::rules

namespace lint {

namespace {
constexpr std::array kRules = {
#define LINT_RULE(stem) &rules::stem,
#include "rules.def"
#undef LINT_RULE
};
}  // namespace

std::span<const RuleSpec* const> all_rules() { return {kRules.data(), kRules.size()}; }

const RuleSpec* find_rule(std::string_view code_or_name) {
  for (const RuleSpec* r : kRules) {
    if (r->code == code_or_name || r->name == code_or_name) return r;
  }
  return nullptr;
}

bool is_default_rule(const RuleSpec& spec) {
  const std::string_view c = spec.code;
  return c.starts_with("E4") || c.starts_with("E7") || c.starts_with("E9") || c.starts_with("F");
}

}  // namespace lint
