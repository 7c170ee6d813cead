#include <catch2/catch.hpp>

#include <algorithm>

#include "engine/registry.h"
#include "config/selection.h"

using namespace lint;

namespace {

std::vector<std::string> codes(const RuleSelection& s) {
  std::vector<std::string> out;
  for (const RuleSpec* r : resolve(s)) out.emplace_back(r->code);
  return out;
}

bool has(const std::vector<std::string>& v, std::string_view code) {
  return std::find(v.begin(), v.end(), code) != v.end();
}

}  // namespace

TEST_CASE("rules.def is sorted by code and codes and names are unique", "[registry]") {
  const auto rules = all_rules();
  REQUIRE(rules.size() >= 19);
  for (size_t i = 1; i < rules.size(); ++i) {
    CHECK(rules[i - 1]->code < rules[i]->code);
  }
  for (const RuleSpec* r : rules) {
    CHECK(find_rule(r->code) == r);
    CHECK(find_rule(r->name) == r);
    CHECK(r->doc.find("## What it does") != std::string_view::npos);
    CHECK(r->doc.find("## Why is this bad?") != std::string_view::npos);
    CHECK(r->doc.find("## Example") != std::string_view::npos);
  }
}

TEST_CASE("the default selection is Ruff 0.17.3's default rules", "[selection]") {
  const auto on = codes({});
  // On in Ruff 0.17.3 with no configuration.
  for (const char* code : {"E902", "F401", "F541", "W605", "B002", "C400", "UP004", "SIM101", "I001", "RUF100"}) {
    CHECK(has(on, code));
  }
  // Off there: most of pycodestyle's E4 and E7, star imports, print, assert False.
  for (const char* code : {"E401", "E402", "E711", "E741", "F403", "F405", "F722", "T201", "T203", "B011"}) {
    CHECK_FALSE(has(on, code));
  }
}

TEST_CASE("a code prefix selects within one linter, as Ruff's selectors do", "[selection]") {
  RuleSelection s;
  s.select = std::vector<std::string>{"F"};
  auto on = codes(s);
  CHECK(has(on, "F401"));
  CHECK_FALSE(has(on, "FURB105"));  // refurb's prefix is FURB
  CHECK_FALSE(has(on, "FLY002"));   // flynt's is FLY
  s.select = std::vector<std::string>{"FURB1"};
  on = codes(s);
  CHECK(has(on, "FURB105"));
  CHECK_FALSE(has(on, "F401"));
  CHECK_FALSE(is_known_selector("FL"));
  CHECK(is_known_selector("FLY"));
  // `PT` is flake8-pytest-style, not flake8-use-pathlib's `PTH`.
  CHECK_FALSE(is_known_selector("PT"));
  CHECK(is_known_selector("PTH"));
  // `C` is flake8-comprehensions and mccabe.
  s.select = std::vector<std::string>{"C"};
  CHECK(has(codes(s), "C400"));
}

TEST_CASE("select, extend-select and ignore", "[selection]") {
  RuleSelection s;
  s.select = std::vector<std::string>{"E7"};
  auto on = codes(s);
  CHECK(has(on, "E711"));
  CHECK_FALSE(has(on, "E401"));

  s.ignore = {"E711"};
  on = codes(s);
  CHECK_FALSE(has(on, "E711"));
  CHECK(has(on, "E712"));

  // A more specific select beats a less specific ignore.
  s.select = std::vector<std::string>{"E711"};
  s.ignore = {"E7"};
  CHECK(codes(s) == std::vector<std::string>{"E711"});

  // At equal specificity, ignore wins.
  s.select = std::vector<std::string>{"E711"};
  s.ignore = {"none-comparison"};
  CHECK(codes(s).empty());

  RuleSelection all;
  all.select = std::vector<std::string>{"ALL"};
  CHECK(codes(all).size() == all_rules().size());

  RuleSelection extend;
  extend.extend_select = {"E711"};
  CHECK(has(codes(extend), "E711"));
  CHECK(has(codes(extend), "F401"));
}

TEST_CASE("unknown selectors are errors naming the closest rule", "[selection]") {
  RuleSelection s;
  s.select = std::vector<std::string>{"E7111"};
  try {
    resolve(s);
    FAIL("expected an error");
  } catch (const SelectionError& e) {
    CHECK(e.message.find("`E7111`") != std::string::npos);
    CHECK(e.message.find("did you mean `E711`") != std::string::npos);
  }
  CHECK(closest_selector("non-comparison") == "none-comparison");
  CHECK(closest_selector("completely-unrelated-words") == "");
  CHECK(is_known_selector("E"));
  CHECK(is_known_selector("F5"));
  CHECK_FALSE(is_known_selector("Z"));
  CHECK_FALSE(is_known_selector(""));
}

TEST_CASE("selector lists split on commas and trim spaces", "[selection]") {
  CHECK(split_selectors("E7, F401,,W") == std::vector<std::string>{"E7", "F401", "W"});
  CHECK(split_selectors("").empty());
}

TEST_CASE("a selector of Ruff's rules that lint lacks is not unknown", "[selection]") {
  CHECK(is_ruff_only_selector("PLR0133"));
  CHECK(is_ruff_only_selector("PL"));
  CHECK(is_ruff_only_selector("N"));
  CHECK_FALSE(is_ruff_only_selector("F401"));  // lint has it
  CHECK_FALSE(is_ruff_only_selector("XYZ1"));  // neither has it
  CHECK_FALSE(is_ruff_only_selector("FUR"));   // inside a linter's prefix: not a Ruff selector
  RuleSelection s;
  s.select = std::vector<std::string>{"PLR0133", "F401"};
  CHECK(codes(s) == std::vector<std::string>{"F401"});
}
