#include "engine/registry.h"

#include <algorithm>
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

// The rules Ruff 0.17.3 runs when nothing is selected.
constexpr std::array<std::string_view, 407> kRuffDefaults = {
#include "engine/ruff_defaults.inc"
};
static_assert(std::ranges::is_sorted(kRuffDefaults));

// The Python rules that ship with lint (registered at run time, but lint's own).
std::vector<const RuleSpec*>& shipped() {
  static std::vector<const RuleSpec*> rules;
  return rules;
}
}  // namespace

std::span<const RuleSpec* const> all_rules() { return {registered().data(), registered().size()}; }

void register_rule(const RuleSpec* spec, bool is_shipped) {
  if (const RuleSpec* clash = find_rule(spec->code)) {
    throw std::runtime_error("rule code " + std::string(spec->code) + " is taken by the " +
                             (clash->python ? "Python" : "native") + " rule " + std::string(clash->name));
  }
  registered().push_back(spec);
  if (is_shipped) shipped().push_back(spec);
}

const RuleSpec* find_rule(std::string_view code_or_name) {
  for (const RuleSpec* r : registered()) {
    if (r->code == code_or_name || r->name == code_or_name) return r;
  }
  return nullptr;
}

bool is_default_rule(const RuleSpec& spec) {
  // A user's Python rule is never on by default, whatever its code.
  if (spec.python && std::ranges::find(shipped(), &spec) == shipped().end()) return false;
  return std::ranges::binary_search(kRuffDefaults, spec.code);
}

}  // namespace lint
