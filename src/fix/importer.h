// Ruff's Importer, for fixes that write a name from another module or a builtin: reuse a
// binding that already imports it (`functools.cache` after `import functools`), add the member
// to an existing `from module import ...`, or add an import statement after the last top-level
// import (or at the start of the module). Needs the semantic model: rules use it in finish().
#pragma once

#include <tree_sitter/api.h>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "fix/fix.h"

namespace lint {

class Context;
class SemanticModel;

struct ImportRequest {
  std::string_view module;
  std::string_view member;
  bool from_style = false;  // `from module import member` rather than `import module`
};

// What a fix needs to refer to a symbol: the name to write, and the edit that makes it
// available (an added import, or one that rewrites an existing import unchanged, so that a fix
// removing that import in the same round waits for the next).
struct ImportedSymbol {
  std::optional<Edit> edit;
  std::string name;

  // `use` (the edit that writes `name`) and the import edit, if there is one.
  std::vector<Edit> edits_with(Edit use) const {
    std::vector<Edit> out{std::move(use)};
    if (edit) out.push_back(*edit);
    return out;
  }
};

class Importer {
 public:
  Importer(const Context& ctx, const SemanticModel& model) : ctx_(ctx), model_(model) {}

  // Ruff's get_or_import_builtin_symbol: `symbol` where that name still means the builtin at
  // `at`, else `builtins.symbol` (reusing an `import builtins`, or adding one), or `symbol`
  // added to an existing `from builtins import ...`. nullopt where no name can be made free.
  std::optional<ImportedSymbol> builtin_symbol(std::string_view symbol, uint32_t at);

  // Ruff's get_or_import_symbol. `runtime`: whether the code at `at` runs (an import made only
  // for type checking cannot serve it).
  std::optional<ImportedSymbol> symbol_at(const ImportRequest& request, uint32_t at, bool runtime = true);

  // An edit adding `import_text` (a whole statement) where Ruff's Importer::add_import puts it:
  // after the last top-level import before `at`, else at the start of the module.
  Edit add_import(std::string_view import_text, uint32_t at);

 private:
  struct Existing {
    std::string name;
    TSNode stmt{};
    bool typing_only = false;
  };

  std::optional<Existing> find_existing(const ImportRequest& request, uint32_t at) const;
  bool is_available(std::string_view name, uint32_t at) const;
  std::optional<ImportedSymbol> import_symbol(const ImportRequest& request, uint32_t at);
  const std::vector<TSNode>& runtime_imports();
  TSNode preceding_import(uint32_t at);
  TSNode find_import_from(std::string_view module, uint32_t at);
  Edit add_member(TSNode stmt, std::string_view member) const;
  Edit end_of_statement(TSNode stmt, std::string_view text) const;
  Edit add_at_start(std::string_view text) const;
  bool is_docstring(TSNode stmt) const;
  Edit start_of_file(std::string_view text) const;

  const Context& ctx_;
  const SemanticModel& model_;
  bool imports_known_ = false;
  std::vector<TSNode> imports_;
};

}  // namespace lint
