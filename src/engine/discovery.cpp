#include "engine/discovery.h"

#include <dlfcn.h>
#include <git2.h>

#include <algorithm>
#include <array>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <memory>
#include <system_error>

namespace fs = std::filesystem;

namespace lint {

std::string_view language_of(const fs::path& p, const std::vector<std::pair<std::string, std::string>>& extensions) {
  const std::string ext = p.extension().string();
  if (ext == ".py") return "python";
  if (ext == ".pyi") return "pyi";
  if (ext == ".ipynb") return "ipynb";
  if (ext.size() > 1) {
    for (const auto& [suffix, language] : extensions) {
      if (suffix == std::string_view(ext).substr(1)) return language;
    }
  }
  return "";
}

namespace {

std::string absolute_of(const std::string& path) {
  std::error_code ec;
  fs::path abs = fs::absolute(path, ec);
  if (ec) return path;
  return abs.lexically_normal().string();
}

// libgit2's functions, from the library opened on first use (LINT_LIBGIT2_SONAME, see
// CMakeLists.txt): a run that meets no repository never loads it.
struct LibGit2 {
  decltype(&git_libgit2_init) init;
  decltype(&git_libgit2_shutdown) shutdown;
  decltype(&git_libgit2_opts) opts;
  decltype(&git_repository_open_ext) repository_open_ext;
  decltype(&git_repository_free) repository_free;
  decltype(&git_repository_workdir) repository_workdir;
  decltype(&git_ignore_path_is_ignored) ignore_path_is_ignored;

  // The library, loaded once (never unloaded); exits with an error if it cannot be loaded.
  static const LibGit2& get() {
    static const LibGit2 git = load();
    return git;
  }

 private:
  static LibGit2 load() {
    void* handle = ::dlopen(LINT_LIBGIT2_SONAME, RTLD_NOW | RTLD_LOCAL);
    if (!handle) fail(::dlerror());
    LibGit2 git;
    bind(handle, git.init, "git_libgit2_init");
    bind(handle, git.shutdown, "git_libgit2_shutdown");
    bind(handle, git.opts, "git_libgit2_opts");
    bind(handle, git.repository_open_ext, "git_repository_open_ext");
    bind(handle, git.repository_free, "git_repository_free");
    bind(handle, git.repository_workdir, "git_repository_workdir");
    bind(handle, git.ignore_path_is_ignored, "git_ignore_path_is_ignored");
    return git;
  }

  template <typename F>
  static void bind(void* handle, F& function, const char* name) {
    function = reinterpret_cast<F>(::dlsym(handle, name));
    if (!function) fail(::dlerror());
  }

  [[noreturn]] static void fail(const char* why) {
    std::fprintf(stderr, "lint: cannot load %s to read .gitignore files (%s); --no-respect-gitignore lints without them\n",
                 LINT_LIBGIT2_SONAME, why ? why : "unknown error");
    std::exit(2);
  }
};

// Answers "does git ignore this path?" for paths inside work trees, one repository per work tree.
// libgit2 is loaded when the first `.git` is met.
class GitIgnore {
 public:
  ~GitIgnore() {
    if (!git_) return;
    for (auto& [_, repo] : repos_) {
      if (repo) git_->repository_free(repo);
    }
    git_->shutdown();
  }

  bool ignored(const fs::path& absolute) {
    git_repository* repo = repository_for(absolute.parent_path());
    if (!repo) return false;
    const char* workdir = git_->repository_workdir(repo);
    if (!workdir) return false;
    std::string rel = absolute.lexically_relative(workdir).generic_string();
    if (rel.empty() || rel == "." || rel.starts_with("..")) return false;
    int ignored = 0;
    if (git_->ignore_path_is_ignored(&ignored, repo, rel.c_str()) != 0) return false;
    return ignored == 1;
  }

 private:
  // The repository whose work tree holds `dir`, found by walking up to a `.git`; cached per folder.
  git_repository* repository_for(const fs::path& dir) {
    auto it = by_dir_.find(dir.string());
    if (it != by_dir_.end()) return it->second;
    git_repository* found = nullptr;
    std::error_code ec;
    if (fs::exists(dir / ".git", ec)) {
      auto r = repos_.find(dir.string());
      if (r == repos_.end()) {
        if (!git_) start();
        git_repository* repo = nullptr;
        if (git_->repository_open_ext(&repo, dir.c_str(), GIT_REPOSITORY_OPEN_NO_SEARCH, nullptr) != 0) repo = nullptr;
        r = repos_.emplace(dir.string(), repo).first;
      }
      found = r->second;
    } else if (dir.has_parent_path() && dir.parent_path() != dir) {
      found = repository_for(dir.parent_path());
    }
    by_dir_.emplace(dir.string(), found);
    return found;
  }

  void start() {
    git_ = &LibGit2::get();
    git_->init();
    // libgit2 (like git since 2.35.2) refuses to open a repository owned by another user, which
    // is common in CI containers; lint then linted everything .gitignore excludes. lint only
    // reads ignore rules (no hooks, no filters, nothing executed), so it reads them whoever owns
    // the repository, as Ruff does.
    git_->opts(GIT_OPT_SET_OWNER_VALIDATION, 0);
  }

  const LibGit2* git_ = nullptr;  // null until the first repository
  std::map<std::string, git_repository*> repos_;
  std::map<std::string, git_repository*> by_dir_;
};

}  // namespace

bool is_default_excluded(std::string_view name) {
  return std::find(kDefaultExcludes.begin(), kDefaultExcludes.end(), name) != kDefaultExcludes.end();
}

std::string display_path(const std::string& absolute) {
  std::error_code ec;
  const fs::path cwd = fs::current_path(ec);
  if (ec) return absolute;
  const fs::path abs(absolute);
  auto [c, a] = std::mismatch(cwd.begin(), cwd.end(), abs.begin(), abs.end());
  if (c != cwd.end()) return absolute;
  fs::path rel;
  for (; a != abs.end(); ++a) rel /= *a;
  return rel.empty() ? absolute : rel.string();
}

std::vector<SourcePath> discover(const std::vector<std::string>& paths, const DiscoveryOptions& options) {
  WalkPolicy fallback;
  fallback.respect_gitignore = options.respect_gitignore;
  auto policy_for = [&](const fs::path& dir) -> const WalkPolicy& {
    return options.policy ? options.policy(dir) : fallback;
  };
  std::unique_ptr<GitIgnore> git;
  auto ignored_by_git = [&](const WalkPolicy& policy, const fs::path& p) {
    if (!policy.respect_gitignore) return false;
    if (!git) git = std::make_unique<GitIgnore>();
    return git->ignored(p);
  };
  auto excluded = [](const WalkPolicy& policy, const fs::path& p, const std::string& name, bool is_dir) {
    if (policy.excluded) return policy.excluded(p.native(), name);
    return is_dir && is_default_excluded(name);
  };
  std::vector<SourcePath> out;
  auto add = [&](const std::string& path, std::string_view language) {
    SourcePath sp;
    sp.path = path;
    sp.notebook = language == "ipynb";
    sp.absolute = absolute_of(path);
    sp.display = display_path(sp.absolute);
    out.push_back(std::move(sp));
  };

  // Whether `exclude` names a path or one of its parents, each judged by the configuration that
  // governs it, up to that configuration's root.
  auto force_excluded = [&](const std::string& given) {
    for (fs::path p(absolute_of(given)); p.has_filename(); p = p.parent_path()) {
      const WalkPolicy& policy = policy_for(p.parent_path());
      if (policy.excluded && policy.excluded(p.native(), p.filename().native())) return true;
      if (!policy.root.empty() && p == fs::path(policy.root)) break;
    }
    return false;
  };

  for (const std::string& given : paths) {
    std::error_code ec;
    if (options.force_exclude && force_excluded(given)) continue;
    if (!fs::is_directory(given, ec)) {
      // Explicit files are always linted (as Python unless their suffix says otherwise); a
      // missing one reports its error when read.
      add(given, language_of(given, policy_for(fs::path(absolute_of(given)).parent_path()).extensions));
      continue;
    }
    // A directory named on the command line is searched even when git ignores it or an
    // `exclude` pattern matches it, as Ruff does. libgit2 judges a path together with its
    // parents, so below a directory git ignores every path counts as ignored and git's rules
    // cannot select among them: nothing there is skipped by git.
    const fs::path root(absolute_of(given));
    std::vector<std::pair<fs::path, bool>> stack{{root, ignored_by_git(policy_for(root.parent_path()), root)}};
    while (!stack.empty()) {
      const auto [dir, dir_ignored] = std::move(stack.back());
      stack.pop_back();
      fs::directory_iterator it(dir, fs::directory_options::skip_permission_denied, ec);
      if (ec) {
        // A folder too deep to name (longer than PATH_MAX) is reported, as E902 when reading it
        // fails, not skipped in silence; one that cannot be listed is skipped, as Ruff does.
        if (ec == std::errc::filename_too_long) add(dir.string(), "python");
        continue;
      }
      const WalkPolicy& policy = policy_for(dir);
      std::vector<std::pair<fs::path, std::string_view>> files;
      auto skipped_by_git = [&, parent_ignored = dir_ignored](const fs::path& p, bool& ignored) {
        ignored = ignored_by_git(policy, p);
        return ignored && !parent_ignored;
      };
      for (; it != fs::directory_iterator(); it.increment(ec)) {
        if (ec) break;
        const fs::directory_entry& entry = *it;
        const fs::path& p = entry.path();
        const std::string name = p.filename().string();
        std::error_code e2;
        bool ignored = false;
        // Directory symlinks are not followed (loops); file symlinks are linted like files.
        if (entry.is_directory(e2) && !entry.is_symlink(e2)) {
          if (excluded(policy, p, name, true)) continue;
          if (skipped_by_git(p, ignored)) continue;
          stack.emplace_back(p, ignored);
        } else if (const std::string_view language = language_of(p, policy.extensions);
                   !language.empty() && !entry.is_directory(e2)) {
          if (excluded(policy, p, name, false)) continue;
          if (skipped_by_git(p, ignored)) continue;
          files.emplace_back(p, language);
        }
      }
      for (const auto& [f, language] : files) add(f.string(), language);
    }
  }
  std::sort(out.begin(), out.end(), [](const SourcePath& a, const SourcePath& b) { return a.absolute < b.absolute; });
  out.erase(std::unique(out.begin(), out.end(), [](const SourcePath& a, const SourcePath& b) { return a.absolute == b.absolute; }),
            out.end());
  return out;
}

}  // namespace lint
