#include "engine/timing.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <string_view>

#include "engine/rule.h"

namespace lint {

namespace {

constexpr const char* kPhaseNames[] = {"parse", "walk", "semantic model", "qualified names", "python setup",
                                       "python start"};
constexpr const char* kPhaseKeys[] = {"parse", "walk", "semantic_model", "qualified_names", "python_setup",
                                      "python_start"};
static_assert(std::size(kPhaseNames) == static_cast<size_t>(Phase::Count));

double ms(uint64_t ns) { return static_cast<double>(ns) / 1e6; }

std::string fixed(double v, int decimals) {
  char text[64];
  std::snprintf(text, sizeof text, "%.*f", decimals, v);
  return text;
}

std::string pad(std::string s, size_t width, bool right) {
  if (s.size() >= width) return s;
  return right ? std::string(width - s.size(), ' ') + s : s + std::string(width - s.size(), ' ');
}

}  // namespace

void Timing::add(const FileTiming& file) {
  std::lock_guard<std::mutex> lock(mutex_);
  ++files_;
  for (const auto& [rule, cost] : file.rules) {
    RuleCost& into = rules_[rule];
    into += cost;
    into.files += cost.nodes > 0 || cost.native_ns > 0;
  }
  for (size_t i = 0; i < static_cast<size_t>(Phase::Count); ++i) phases_[i] += file.phases[i];
  gil_held_ns_ += file.gil_held_ns;
  gil_wait_ns_ += file.gil_wait_ns;
}

std::string Timing::render(int threads) const {
  std::lock_guard<std::mutex> lock(mutex_);
  std::vector<std::pair<const RuleSpec*, RuleCost>> rows(rules_.begin(), rules_.end());
  // By cost, then by code: the same order for the same costs.
  std::sort(rows.begin(), rows.end(), [](const auto& a, const auto& b) {
    const uint64_t ta = a.second.native_ns + a.second.python_ns, tb = b.second.native_ns + b.second.python_ns;
    if (ta != tb) return ta > tb;
    return a.first->code < b.first->code;
  });
  uint64_t rules_total = 0, engine_total = 0;
  for (const auto& [rule, cost] : rows) rules_total += cost.native_ns + cost.python_ns;
  for (uint64_t p : phases_) engine_total += p;
  const uint64_t total = rules_total + engine_total;

  if (format_ == Format::Json) {
    nlohmann::ordered_json out;
    out["files"] = files_;
    out["threads"] = threads;
    out["total_ms"] = ms(total);
    out["rules_ms"] = ms(rules_total);
    nlohmann::ordered_json list = nlohmann::ordered_json::array();
    for (const auto& [rule, cost] : rows) {
      nlohmann::ordered_json r;
      r["code"] = std::string(rule->code);
      r["name"] = std::string(rule->name);
      r["kind"] = rule->python ? "python" : "native";
      r["total_ms"] = ms(cost.native_ns + cost.python_ns);
      r["native_ms"] = ms(cost.native_ns);
      r["python_ms"] = ms(cost.python_ns);
      r["nodes"] = cost.nodes;
      r["files"] = cost.files;
      list.push_back(std::move(r));
    }
    out["rules"] = std::move(list);
    nlohmann::ordered_json engine;
    for (size_t i = 0; i < static_cast<size_t>(Phase::Count); ++i) engine[kPhaseKeys[i]] = ms(phases_[i]);
    out["engine_ms"] = std::move(engine);
    out["gil_held_ms"] = ms(gil_held_ns_);
    out["gil_wait_ms"] = ms(gil_wait_ns_);
    if (python_selected_) out["python_started"] = python_started_;
    return out.dump() + "\n";
  }

  auto share = [&](uint64_t ns) { return total ? fixed(100.0 * static_cast<double>(ns) / static_cast<double>(total), 1) + "%" : "-"; };
  std::string out = "Timing: " + std::to_string(files_) + " files linted, " + fixed(ms(total), 1) +
                    " ms in rules and engine (summed over " + std::to_string(threads) +
                    (threads == 1 ? " thread" : " threads") + ")\n";
  out += pad("rule", 34, false) + pad("total ms", 11, true) + pad("native ms", 11, true) + pad("python ms", 11, true) +
         pad("share", 8, true) + pad("nodes", 11, true) + pad("files", 8, true) + "\n";
  for (const auto& [rule, cost] : rows) {
    std::string label = std::string(rule->code) + " " + std::string(rule->name) + (rule->python ? " (py)" : "");
    if (label.size() > 33) label = label.substr(0, 32) + "~";
    const uint64_t t = cost.native_ns + cost.python_ns;
    out += pad(label, 34, false) + pad(fixed(ms(t), 1), 11, true) + pad(fixed(ms(cost.native_ns), 1), 11, true) +
           pad(rule->python ? fixed(ms(cost.python_ns), 1) : "-", 11, true) + pad(share(t), 8, true) +
           pad(std::to_string(cost.nodes), 11, true) + pad(std::to_string(cost.files), 8, true) + "\n";
  }
  for (size_t i = 0; i < static_cast<size_t>(Phase::Count); ++i) {
    if (!phases_[i]) continue;
    out += pad(std::string("(") + kPhaseNames[i] + ")", 34, false) + pad(fixed(ms(phases_[i]), 1), 11, true) +
           pad("", 22, true) + pad(share(phases_[i]), 8, true) + "\n";
  }
  if (gil_held_ns_ || gil_wait_ns_) {
    out += "Python held the GIL " + fixed(ms(gil_held_ns_), 1) + " ms (" + share(gil_held_ns_) +
           " of the time above: the serial part), and threads waited " + fixed(ms(gil_wait_ns_), 1) + " ms for it\n";
  }
  if (python_selected_ && !python_started_) {
    out += "Python was not started: no file had a node for the Python rules\n";
  }
  return out;
}

bool timing_from_environment(Timing::Format& format, bool& valid) {
  valid = true;
  const char* v = std::getenv("LINT_TIMING");
  if (!v) return false;
  const std::string_view s(v);
  if (s.empty() || s == "0" || s == "false") return false;
  if (s == "1" || s == "true" || s == "text") {
    format = Timing::Format::Text;
    return true;
  }
  if (s == "json") {
    format = Timing::Format::Json;
    return true;
  }
  valid = false;
  return false;
}

}  // namespace lint
