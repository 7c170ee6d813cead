#include "config/trust.h"

#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <set>
#include <string_view>

#include "engine/discovery.h"

namespace fs = std::filesystem;

namespace lint {

namespace {

bool env_flag(const char* name) {
  const char* v = std::getenv(name);
  if (!v || !*v) return false;
  const std::string_view s(v);
  return s != "0" && s != "false" && s != "no";
}

std::string shown(const fs::path& p) { return display_path(p.string()); }

// Why one file or folder may not be trusted as it is, or "".
std::string check_one(const fs::path& p, bool is_ancestor) {
  struct stat st {};
  if (::lstat(p.c_str(), &st) != 0) return "";  // what does not exist runs nothing
  const uid_t me = ::geteuid();
  const std::string what = is_ancestor ? "the folder " + shown(p) : shown(p);
  if (st.st_uid != me && st.st_uid != 0) {
    return what + " is owned by another user (uid " + std::to_string(st.st_uid) + ")";
  }
  const bool sticky_folder = S_ISDIR(st.st_mode) && (st.st_mode & S_ISVTX);
  if ((st.st_mode & S_IWOTH) && !S_ISLNK(st.st_mode) && !sticky_folder) {
    return what + " is writable by every user";
  }
  return "";
}

// The path and every folder above it.
std::string check_path_and_parents(const fs::path& path) {
  if (std::string why = check_one(path, false); !why.empty()) return why;
  for (fs::path p = path.parent_path(); !p.empty(); p = p.parent_path()) {
    if (std::string why = check_one(p, true); !why.empty()) return why;
    if (p == p.root_path()) break;
  }
  return "";
}

bool below(const fs::path& path, const fs::path& dir) {
  auto [d, p] = std::mismatch(dir.begin(), dir.end(), path.begin(), path.end());
  return d == dir.end() || (std::next(d) == dir.end() && d->empty());  // `dir/` ends with an empty part
}

}  // namespace

TrustPolicy trust_policy(bool no_python_rules) {
  TrustPolicy policy;
  policy.run_configured_rules = !no_python_rules && !env_flag("LINT_NO_PYTHON_RULES");
  if (const char* v = std::getenv("LINT_SAFE_DIRECTORIES"); v && *v) {
    std::string_view list(v);
    while (!list.empty()) {
      const size_t colon = list.find(':');
      const std::string_view item = list.substr(0, colon);
      if (item == "*") {
        policy.everything_safe = true;
      } else if (!item.empty()) {
        std::error_code ec;
        const fs::path dir = fs::weakly_canonical(fs::absolute(std::string(item)), ec);
        policy.safe_directories.push_back(ec ? fs::path(std::string(item)).lexically_normal() : dir);
      }
      if (colon == std::string_view::npos) break;
      list.remove_prefix(colon + 1);
    }
  }
  return policy;
}

std::string why_untrusted(const fs::path& path, const TrustPolicy& policy) {
  if (policy.everything_safe) return "";
  std::error_code ec;
  const fs::path given = fs::absolute(path, ec).lexically_normal();
  const fs::path real = fs::weakly_canonical(given, ec);
  for (const fs::path& dir : policy.safe_directories) {
    if (below(real, dir)) return "";
  }
  // The path as named (a folder on the way may be someone else's) and where it leads.
  if (std::string why = check_path_and_parents(given); !why.empty()) return why;
  if (!ec && real != given) {
    if (std::string why = check_path_and_parents(real); !why.empty()) return why;
  }
  // A folder of rules: each Python file lint may import from it.
  if (fs::is_directory(real, ec)) {
    for (const auto& e : fs::directory_iterator(real, ec)) {
      if (e.path().extension() != ".py") continue;
      if (std::string why = check_one(e.path(), false); !why.empty()) return why;
      if (e.is_symlink(ec)) {
        if (std::string why = check_path_and_parents(fs::weakly_canonical(e.path(), ec)); !why.empty()) return why;
      }
    }
  }
  return "";
}

std::string trust_hint() {
  return "Python rules run as you, with your files. To lint without the rules that configuration files name, "
         "pass --no-python-rules (or set LINT_NO_PYTHON_RULES=1); to trust the folder, add it to "
         "LINT_SAFE_DIRECTORIES (see the README, \"Security\")";
}

ConfiguredRules configured_python_rules(const std::vector<Settings*>& loaded, const TrustPolicy& policy) {
  ConfiguredRules out;
  std::set<std::string> seen;
  for (const Settings* s : loaded) {
    if (!s->python_rules || s->python_rules->empty()) continue;
    if (!policy.run_configured_rules) {
      out.read_only.insert(out.read_only.end(), s->python_rules->begin(), s->python_rules->end());
      if (seen.insert(s->python_rules_origin.path).second) out.read_only_sources.push_back(s->python_rules_origin.path);
      continue;
    }
    auto refuse = [&](const std::string& why) {
      throw ConfigError{s->python_rules_origin.path, s->python_rules_origin.row, s->python_rules_origin.column,
                        "refusing to run the Python rules of `python-rules`: " + why + ". " + trust_hint()};
    };
    if (!s->python_rules_file.empty()) {  // not --config 'key = value': the command line's own
      if (std::string why = why_untrusted(s->python_rules_file, policy); !why.empty()) refuse(why);
    }
    for (const std::string& p : *s->python_rules) {
      if (std::string why = why_untrusted(p, policy); !why.empty()) refuse(why);
    }
    // The folders rules import from are code too.
    for (const std::string& p : s->python_path.value_or(std::vector<std::string>{})) {
      if (std::string why = why_untrusted(p, policy); !why.empty()) refuse(why);
      if (std::find(out.python_path.begin(), out.python_path.end(), p) == out.python_path.end()) out.python_path.push_back(p);
    }
    out.run.insert(out.run.end(), s->python_rules->begin(), s->python_rules->end());
  }
  return out;
}

}  // namespace lint
