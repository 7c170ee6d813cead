// Which Python rules lint may run: the trust model (README, "Security").
//
// Python rules are code, run with the user's identity. lint runs them only from sources it can
// trust, as git only runs what a repository configures when the user owns it:
// - the rules shipped with lint, and those named with --python-rules, run: the person running
//   lint chose them;
// - rules named by `python-rules` in a configuration file run unless --no-python-rules or
//   LINT_NO_PYTHON_RULES=1 is given (for CI on code from strangers): then they are only read
//   (their codes stay known, so selection and `# noqa` work) and not run, with a warning;
// - every rule file or folder, and a configuration file naming one, must be owned by the user
//   (or root) and not writable by others, and so must every folder above it (a world-writable
//   folder with the sticky bit, such as /tmp, is fine: others cannot replace what is in it).
//   Otherwise lint refuses to run, naming the file (git's "dubious ownership"); folders listed in
//   LINT_SAFE_DIRECTORIES (`:`-separated; `*`: all) are exempt.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "config/config.h"

namespace lint {

struct TrustPolicy {
  bool run_configured_rules = true;  // false: --no-python-rules, LINT_NO_PYTHON_RULES
  std::vector<std::filesystem::path> safe_directories;  // LINT_SAFE_DIRECTORIES
  bool everything_safe = false;                          // LINT_SAFE_DIRECTORIES=*
};

// The policy for this run: --no-python-rules given or not, and the environment.
TrustPolicy trust_policy(bool no_python_rules);

// "" when lint may run the code at `path` (a rule file or folder, the .py files in a folder, or a
// configuration naming them); otherwise why not ("lint.toml is owned by another user (uid
// 1000)"), with paths as displayed.
std::string why_untrusted(const std::filesystem::path& path, const TrustPolicy& policy);

// The Python rule paths of the configurations in use: those to load and run, and those only to
// read (their codes registered, nothing run) under --no-python-rules. Throws ConfigError, at the
// `python-rules` key, for a configuration or rule path that cannot be trusted.
struct ConfiguredRules {
  std::vector<std::string> run, read_only;
  std::vector<std::string> read_only_sources;  // the configuration files of `read_only`, as displayed
  std::vector<std::string> python_path;        // `python-path` of the configurations whose rules run
};
ConfiguredRules configured_python_rules(const std::vector<Settings*>& loaded, const TrustPolicy& policy);

// The hint printed with a refusal.
std::string trust_hint();

}  // namespace lint
