// libFuzzer target: arbitrary bytes as configuration, the way a repository's lint.toml or a
// `--config 'key = value'` reaches lint:
//   - the whole input as TOML settings: the depth scan (config/toml_depth.h), toml++, every
//     setting's checks (globs compiled, paths, types), then rule selection and option tables;
//     a bad configuration must be a ConfigError, nothing else;
//   - its first line as a glob pattern, the next lines as paths it is matched against: the
//     automaton (config/glob.h) must compile what the former expanding matcher compiled, with
//     the same error, and match exactly what it matched (on patterns short enough for it).
// Checked besides "no crash, no sanitizer report, no timeout (-timeout), no memory blow-up
// (-rss_limit_mb)": the invariants above. Built by scripts/fuzz.
#include <cstdint>
#include <cstdlib>
#include <iostream>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "config/config.h"
#include "config/glob.h"
#include "config/toml_depth.h"
#include "glob_reference.h"

namespace {

using namespace lint;

[[noreturn]] void fail(const std::string& what, std::string_view input) {
  std::cerr << "fuzz_config: " << what << "\n--- input ---\n" << input.substr(0, 2000) << "\n";
  std::abort();
}

void settings(const std::string& text) {
  ConfigOptions options;
  options.isolated = true;
  options.overrides.emplace_back("fuzz", text);
  try {
    ConfigResolver resolver(options);
    resolver.resolve_rules();
    (void)describe_settings(*resolver.loaded().front(), "/fuzz/a.py");
  } catch (const ConfigError& e) {
    if (e.message.empty()) fail("a ConfigError without a message", text);
    (void)e.format();
  }
}

void glob(std::string_view input) {
  const size_t eol = input.find('\n');
  const std::string pattern(input.substr(0, eol));
  std::vector<std::string_view> texts;
  for (size_t pos = eol; pos != std::string_view::npos && texts.size() < 16;) {
    const size_t next = input.find('\n', pos + 1);
    texts.push_back(input.substr(pos + 1, next == std::string_view::npos ? std::string_view::npos : next - pos - 1));
    pos = next;
  }
  std::string error;
  std::optional<Glob> g;
  try {
    g.emplace(pattern);
  } catch (const GlobError& e) {
    error = e.what();
  }
  if (g) {
    for (std::string_view t : texts) (void)g->matches(t);
  }
  // The oracle: only where it is cheap (it expands every alternative, recursively).
  if (pattern.size() > 200) return;
  std::string reference_error;
  std::optional<glob_reference::Glob> r;
  try {
    r.emplace(pattern);
  } catch (const GlobError& e) {
    reference_error = e.what();
  }
  if (reference_error == "too many alternatives") return;  // the automaton has no such limit
  if (error != reference_error) {
    // Nesting past the limit: the automaton refuses what the expansion would take.
    if (error.find("nested more than") != std::string::npos) return;
    fail("compiles differently: automaton `" + error + "`, expansion `" + reference_error + "`", input);
  }
  if (!g || !r) return;
  for (std::string_view t : texts) {
    if (g->matches(t) != r->matches(t)) {
      fail("matches differently on `" + std::string(t) + "`: automaton " + (g->matches(t) ? "yes" : "no"), input);
    }
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  // The depth scan alone, on anything: it must never fail, and never let through what it refuses.
  (void)find_excessive_toml_depth(text);
  settings(text);
  glob(text);
  return 0;
}
