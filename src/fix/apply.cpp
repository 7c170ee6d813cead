#include "fix/apply.h"

#include <algorithm>
#include <numeric>
#include <set>

#include "engine/rule.h"

namespace lint {

void add_counts(FixCounts& into, const FixCounts& more) {
  for (const auto& [rule, n] : more) {
    auto it = std::find_if(into.begin(), into.end(), [rule = rule](const auto& e) { return e.first == rule; });
    if (it == into.end()) into.emplace_back(rule, n);
    else it->second += n;
  }
}

AppliedFixes apply_fixes(std::string_view text, const std::vector<Diagnostic>& diagnostics, Applicability required) {
  std::vector<const Diagnostic*> order;
  for (const Diagnostic& d : diagnostics) {
    if (d.rule && d.fix && !d.fix->edits().empty() && d.fix->applies(required)) order.push_back(&d);
  }
  auto redefinition = [](const Diagnostic* d) { return d->rule->code == "F811"; };
  // Ruff applies fixes in the order its checkers reported them where their starts tie, and its
  // import checker (I001, I002) runs after the syntax tree's: an F401 fix that starts where the
  // import block does goes first, and I001 sorts what it leaves in the next round.
  auto phase = [](const Diagnostic* d) { return d->rule->code == "I001" || d->rule->code == "I002" ? 1 : 0; };
  std::stable_sort(order.begin(), order.end(), [&](const Diagnostic* a, const Diagnostic* b) {
    if (redefinition(a) != redefinition(b)) return redefinition(a);
    if (a->fix->min_start() != b->fix->min_start()) return a->fix->min_start() < b->fix->min_start();
    return phase(a) < phase(b);
  });

  AppliedFixes out;
  std::set<Edit> applied;
  std::set<uint32_t> isolated;
  std::optional<uint32_t> last;  // end of the last edit applied
  std::string& result = out.text;
  result.reserve(text.size());
  for (const Diagnostic* d : order) {
    std::vector<const Edit*> edits;
    for (const Edit& e : d->fix->edits()) {
      if (!applied.count(e)) edits.push_back(&e);
    }
    if (!edits.empty()) {
      if (const uint32_t group = d->fix->isolation(); group != 0 && !isolated.insert(group).second) continue;
      if (last && *last >= edits.front()->start) continue;
    }
    // Edits of one fix are sorted and must not overlap each other; a rule's bad fix is skipped
    // whole rather than applied in part.
    bool ordered = true;
    for (size_t i = 1; i < edits.size(); ++i) ordered &= edits[i - 1]->end <= edits[i]->start;
    if (!ordered || (!edits.empty() && edits.back()->end > text.size())) continue;
    for (const Edit* e : edits) {
      const uint32_t from = last.value_or(0);
      result.append(text.substr(from, e->start - from));
      result.append(e->content);
      last = e->end;
      applied.insert(*e);
      out.edits.push_back({e->start, e->end, static_cast<uint32_t>(e->content.size())});
    }
    add_counts(out.counts, {{d->rule, 1}});
  }
  result.append(text.substr(last.value_or(0)));
  return out;
}

}  // namespace lint
