// libFuzzer target: arbitrary bytes as one file's text, through the shipped Python rules
// (python_rules/) in the embedded interpreter: the walk that collects their events, the semantic
// model they query (qualified_name, binding, scope), the node views, report(), and the JSON
// output. A shipped rule that raises on some input is a bug too: it aborts the run here.
// Built by scripts/fuzz (clang, -fsanitize=fuzzer,address,undefined).
#include <cstdint>
#include <cstdlib>
#include <deque>
#include <iostream>
#include <nlohmann/json.hpp>
#include <string>

#include "config/config.h"
#include "nesting.h"
#include "engine/linter.h"
#include "python/python_rules.h"
#include "engine/registry.h"

namespace {

using namespace lint;

[[noreturn]] void fail(const std::string& what, const std::string& output) {
  std::cerr << "fuzz_python_rules: " << what << "\n--- output ---\n" << output.substr(0, 4000) << "\n";
  std::abort();
}

struct Setup {
  std::deque<PythonRuleInfo> rules;
  Settings settings = default_settings("/fuzz");
  SourcePath path;
  LintOptions options;
  Setup() {
    rules = scan_python_rules({LINT_PYTHON_RULES_DIR});
    std::vector<const PythonRuleInfo*> selected;
    SelectionLayer layer;
    layer.source = "fuzz";
    layer.select.emplace();
    for (const PythonRuleInfo& r : rules) {
      register_rule(&r.spec);
      selected.push_back(&r);
      layer.select->push_back(Selector{r.code, Origin{}});
    }
    settings.layers.push_back(layer);
    resolve_rules(settings);
    path.path = "fuzz.py";
    path.display = "fuzz.py";
    path.absolute = "/fuzz/fuzz.py";
    path.profile = &settings.profile;
    options.threads = 1;
    options.output.format = OutputFormat::Json;
    options.python = &start_python_rules(selected, 0);  // no watchdog: libFuzzer's -timeout finds slow inputs
    // Worker threads take the GIL per file, as lint_all does; so does this one.
    unlocked = options.python->unlock();
  }
  std::shared_ptr<void> unlocked;
};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static Setup* setup = new Setup();  // never destroyed: the interpreter outlives every input
  // A recipe (first byte 0xFE) expands to Python nested tens of thousands deep (fuzz/nesting.h).
  const std::string text = lint::fuzz::fuzz_text(data, size);
  const FileResult r = lint_source(setup->path, text, setup->options);
  if (r.internal_error) fail("a shipped rule failed:\n" + r.warning, r.rendered);
  nlohmann::json array;
  try {
    array = nlohmann::json::parse("[" + r.rendered + "]");
  } catch (const nlohmann::json::exception& e) {
    fail(std::string("invalid JSON: ") + e.what(), r.rendered);
  }
  if (array.size() != r.diagnostics) fail("diagnostic count differs from the JSON array", r.rendered);
  return 0;
}
