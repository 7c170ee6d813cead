#include "isort/categorize.h"

#include <algorithm>
#include <filesystem>
#include <system_error>
#include <unordered_map>

#include "isort/stdlib_modules.h"

namespace lint::rules::isort {

namespace {

namespace fs = std::filesystem;

// A `known-*` pattern as Ruff reads it (the glob crate's patterns): `*`, `?` and `[...]` are
// special, braces and backslashes are not, so they are escaped for Glob. A pattern that does not
// compile (an unclosed `[`) matches no module name, which cannot hold a `[`.
std::optional<Glob> module_glob(std::string_view pattern) {
  std::string escaped;
  for (const char c : pattern) {
    if (c == '{' || c == '}' || c == '\\') escaped += '\\';
    escaped += c;
  }
  try {
    return Glob(escaped);
  } catch (const GlobError&) {
    return std::nullopt;
  }
}

bool is_standard_library(std::string_view module, int minor) {
  auto it = std::lower_bound(std::begin(kStdlibModules), std::end(kStdlibModules), module,
                             [](const isort::StdlibModule& m, std::string_view name) { return m.name < name; });
  if (it == std::end(kStdlibModules) || it->name != module) return false;
  return minor >= 0 && minor < 32 && ((it->minors >> minor) & 1U);
}

// The file system is asked the same questions for every file of a project: remember answers.
bool cached_is(const std::string& path, bool directory) {
  thread_local std::unordered_map<std::string, bool> dirs, files;
  auto& cache = directory ? dirs : files;
  auto it = cache.find(path);
  if (it != cache.end()) return it->second;
  std::error_code ec;
  const bool result = directory ? fs::is_directory(path, ec) : fs::is_regular_file(path, ec);
  cache.emplace(path, result);
  return result;
}

}  // namespace

std::string package_root_name(std::string_view absolute_path) {
  if (absolute_path.empty() || absolute_path == "-") return {};
  fs::path dir = fs::path(std::string(absolute_path)).parent_path();
  std::string name;
  while (!dir.empty()) {
    if (!cached_is((dir / "__init__.py").string(), false)) break;
    name = dir.filename().string();
    const fs::path parent = dir.parent_path();
    if (parent == dir) break;
    dir = parent;
  }
  return name;
}

namespace {

bool found_in_sources(const std::vector<std::string>& roots, std::string_view module) {
  if (module.empty()) return false;
  std::string relative;
  size_t start = 0;
  while (true) {
    const size_t dot = module.find('.', start);
    const std::string_view part = module.substr(start, dot == std::string_view::npos ? std::string_view::npos : dot - start);
    if (!relative.empty()) relative += '/';
    relative += part;
    if (dot == std::string_view::npos) break;
    start = dot + 1;
  }
  for (const std::string& root : roots) {
    const std::string candidate = root + "/" + relative;
    if (cached_is(candidate, true)) return true;
    // As Path::with_extension: an extension replaces what follows the last dot of the name.
    std::string stem = candidate;
    const size_t slash = stem.rfind('/');
    const size_t dot = stem.rfind('.');
    if (dot != std::string::npos && dot > slash + 1) stem.resize(dot);
    if (cached_is(stem + ".py", false) || cached_is(stem + ".pyi", false)) return true;
  }
  return false;
}

}  // namespace

SectionName section_named(const std::string& name) {
  if (name == "future") return {Section::Future, {}};
  if (name == "standard-library") return {Section::StandardLibrary, {}};
  if (name == "third-party") return {Section::ThirdParty, {}};
  if (name == "first-party") return {Section::FirstParty, {}};
  if (name == "local-folder") return {Section::LocalFolder, {}};
  return {Section::UserDefined, name};
}


KnownModules::KnownModules(const RuleOptions& o) {
  auto add = [&](std::string_view option, Section section) {
    for (const std::string& p : o.strings(option)) {
      if (p.find('.') != std::string::npos) known_has_submodules = true;
      if (std::optional<Glob> glob = module_glob(p)) known.emplace_back(std::move(*glob), section);
    }
  };
  add("known-first-party", Section::FirstParty);
  add("known-third-party", Section::ThirdParty);
  add("known-local-folder", Section::LocalFolder);
  add("extra-standard-library", Section::StandardLibrary);
  std::vector<std::string> order = o.strings("section-order");
  if (order.empty()) order = {"future", "standard-library", "third-party", "first-party", "local-folder"};
  for (const std::string& name : order) section_order.push_back(section_named(name));
  // The default section (third party) is always somewhere.
  const SectionName third{Section::ThirdParty, {}};
  if (std::find(section_order.begin(), section_order.end(), third) == section_order.end()) {
    section_order.push_back(third);
  }
}

std::optional<Section> KnownModules::find(std::string_view module) const {
  auto match = [&](std::string_view name) -> std::optional<Section> {
    for (const auto& [pattern, section] : known) {
      if (pattern.matches(name)) return section;
    }
    return std::nullopt;
  };
  if (!known_has_submodules) return match(module.substr(0, module.find('.')));
  // A pattern naming a submodule: the module and each of its parents, longest first.
  size_t end = module.size();
  while (true) {
    if (auto k = match(module.substr(0, end))) return k;
    const size_t dot = module.rfind('.', end == 0 ? 0 : end - 1);
    if (dot == std::string_view::npos || end == 0) return std::nullopt;
    end = dot;
  }
}

std::vector<RuleOption> known_module_options(std::vector<RuleOption> own) {
  std::vector<RuleOption> options = {
      {.name = "known-first-party",
       .type = RuleOption::Type::Strings,
       .default_value = "[]",
       .doc = "Modules (glob patterns) to sort as first party.",
       .table = "isort"},
      {.name = "known-third-party",
       .type = RuleOption::Type::Strings,
       .default_value = "[]",
       .doc = "Modules (glob patterns) to sort as third party.",
       .table = "isort"},
      {.name = "known-local-folder",
       .type = RuleOption::Type::Strings,
       .default_value = "[]",
       .doc = "Modules (glob patterns) to sort as local folder, with the relative imports.",
       .table = "isort"},
      {.name = "extra-standard-library",
       .type = RuleOption::Type::Strings,
       .default_value = "[]",
       .doc = "Modules (glob patterns) to sort as standard library besides Python's.",
       .table = "isort"},
      {.name = "section-order",
       .type = RuleOption::Type::Strings,
       .default_value = R"(["future", "standard-library", "third-party", "first-party", "local-folder"])",
       .doc = "The order of the sections.",
       .table = "isort"},
  };
  for (RuleOption& o : own) options.push_back(std::move(o));
  return options;
}

Section Categorizer::section(std::string_view module, bool relative) const {
  const std::string_view base = module.substr(0, module.find('.'));
  if (!relative && base == "__future__") return Section::Future;
  if (relative) return Section::LocalFolder;
  if (const std::optional<Section> k = modules.find(module)) return *k;
  if (is_standard_library(base, target_minor)) return Section::StandardLibrary;
  if (!package.empty() && package == base) return Section::FirstParty;
  if (found_in_sources(src, module)) return Section::FirstParty;
  if (module == "__main__") return Section::FirstParty;
  return Section::ThirdParty;
}

size_t Categorizer::categorize(std::string_view module, bool relative) const {
  const SectionName name{section(module, relative), {}};
  const std::vector<SectionName>& order = modules.section_order;
  auto it = std::find(order.begin(), order.end(), name);
  if (it == order.end()) it = std::find(order.begin(), order.end(), SectionName{Section::ThirdParty, {}});
  return static_cast<size_t>(it - order.begin());
}

}  // namespace lint::rules::isort
