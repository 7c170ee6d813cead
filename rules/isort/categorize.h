// Which section of an import block a module belongs to (Ruff's isort categorizer): future,
// standard library, third party, first party or local folder. I001 sorts by it; F401 asks it
// whether an import in an `__init__.py` is the package's own (first party or local folder).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "config/glob.h"
#include "engine/rule.h"

namespace lint::rules::isort {

enum class Section : uint8_t { Future, StandardLibrary, ThirdParty, FirstParty, LocalFolder, UserDefined };

struct SectionName {
  Section section;
  std::string name;  // for a user-defined section
  bool operator==(const SectionName&) const = default;
};

SectionName section_named(const std::string& name);

// The settings that decide sections: the `known-*` and `extra-standard-library` patterns and
// `section-order`, read from the `[isort]` table.
struct KnownModules {
  std::vector<std::pair<Glob, Section>> known;  // pattern, section (first match wins)
  bool known_has_submodules = false;
  std::vector<SectionName> section_order;

  explicit KnownModules(const RuleOptions& o);
  // The section a `known-*` pattern gives the module, if one does.
  std::optional<Section> find(std::string_view module) const;
};

// The options KnownModules reads, for each rule that categorizes modules to declare (in the
// `[isort]` table), followed by `own`.
std::vector<RuleOption> known_module_options(std::vector<RuleOption> own = {});

// The last folder name of the file's package root: the outermost of the folders above the file
// that each hold an `__init__.py` (Ruff's package detection). Empty when not in a package.
std::string package_root_name(std::string_view absolute_path);

struct Categorizer {
  const KnownModules& modules;
  int target_minor;
  std::string package;  // package_root_name of the file
  const std::vector<std::string>& src;

  // The module's section (before `section-order` maps missing sections to third party).
  Section section(std::string_view module, bool relative) const;
  // The index in section_order of the module's section.
  size_t categorize(std::string_view module, bool relative) const;
};

}  // namespace lint::rules::isort
