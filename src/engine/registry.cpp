#include "engine/registry.h"

#include <array>
#include <stdexcept>
#include <string>
#include <vector>

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

namespace {
std::vector<const RuleSpec*>& registered() {
  static std::vector<const RuleSpec*> rules(kRules.begin(), kRules.end());
  return rules;
}
}  // namespace

std::span<const RuleSpec* const> all_rules() { return {registered().data(), registered().size()}; }

void register_rule(const RuleSpec* spec) {
  if (const RuleSpec* clash = find_rule(spec->code)) {
    throw std::runtime_error("rule code " + std::string(spec->code) + " is taken by the " +
                             (clash->python ? "Python" : "native") + " rule " + std::string(clash->name));
  }
  registered().push_back(spec);
}

const RuleSpec* find_rule(std::string_view code_or_name) {
  for (const RuleSpec* r : registered()) {
    if (r->code == code_or_name || r->name == code_or_name) return r;
  }
  return nullptr;
}

bool is_default_rule(const RuleSpec& spec) {
  // E4, E7, E9 and F: the linter, not the letter (refurb's FURB and flynt's FLY are not F).
  const std::string_view c = spec.code;
  if (spec.linter == "pyflakes") return true;
  return spec.linter == "pycodestyle" && (c.starts_with("E4") || c.starts_with("E7") || c.starts_with("E9"));
}

}  // namespace lint
