// The shipped rule files are read twice: by cmake/embed_python.py when lint is built, and by the
// scan (python_rules_scan.cpp) of a file that differs from what was built. Both must agree.
#include <catch2/catch.hpp>

#include <filesystem>
#include <string>

#include "python/embedded_python.h"
#include "python/python_rules.h"

namespace {

void require_same(const std::deque<lint::PythonRuleInfo>& built, const std::deque<lint::PythonRuleInfo>& parsed) {
  REQUIRE(built.size() == parsed.size());
  for (size_t i = 0; i < built.size(); ++i) {
    const lint::PythonRuleInfo& a = built[i];
    const lint::PythonRuleInfo& b = parsed[i];
    INFO(b.path << ": " << b.class_name);
    CHECK(a.code == b.code);
    CHECK(a.name == b.name);
    CHECK(a.class_name == b.class_name);
    CHECK(a.path == b.path);
    CHECK(a.line == b.line);
    CHECK(a.doc == b.doc);
    CHECK(a.spec.fix == b.spec.fix);
    REQUIRE(a.option_texts.size() == b.option_texts.size());
    for (size_t j = 0; j < a.option_texts.size(); ++j) {
      CHECK(a.option_texts[j].name == b.option_texts[j].name);
      CHECK(a.option_texts[j].type == b.option_texts[j].type);
      CHECK(a.option_texts[j].default_value == b.option_texts[j].default_value);
    }
  }
}

}  // namespace

TEST_CASE("the build reads every shipped rule file as the scan does", "[python]") {
  const std::filesystem::path folder = std::filesystem::path(LINT_SOURCE_DIR) / "python_rules";
  for (size_t i = 0; i < lint::kShippedRuleCount; ++i) {
    const lint::EmbeddedPython& e = lint::kShippedRules[i];
    INFO(e.name);
    // A file the build could not read would be parsed at every run.
    CHECK(e.scanned);
    const std::string path = (folder / e.name).string();
    require_same(lint::scan_python_rules({path}), lint::scan_python_rules({path}, false));
  }
  const auto built = lint::scan_python_rules({folder.string()});
  CHECK(built.size() >= 6);
  require_same(built, lint::scan_python_rules({folder.string()}, false));
}
