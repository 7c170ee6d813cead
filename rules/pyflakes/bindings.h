// Shared by the pyflakes rules that judge bindings of the semantic model.
#pragma once

#include <string>
#include <string_view>
#include <cctype>

#include "engine/rule.h"

namespace lint::rules {

// Ruff's default dummy-variable pattern, ^(_+|(_+[a-zA-Z0-9_]*[a-zA-Z0-9]+?))$: names made of
// underscores, or starting with one and ending in a letter or digit.
inline bool is_dummy_name(std::string_view name) {
  if (name.empty() || name[0] != '_') return false;
  bool all_underscores = true;
  for (char c : name) {
    if (c != '_') all_underscores = false;
    if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '_')) return false;
  }
  return all_underscores || std::isalnum(static_cast<unsigned char>(name.back()));
}

// Whether `binding` counts as redefining `existing` (Ruff's Binding::redefines).
inline bool redefines(const Binding& binding, const Binding& existing) {
  switch (binding.kind) {
    case BindingKind::Import:
    case BindingKind::FromImport:
      if (existing.kind == BindingKind::SubmoduleImport) return binding.qualified_name == existing.qualified_name;
      break;
    case BindingKind::SubmoduleImport:
      if (existing.kind == BindingKind::Import || existing.kind == BindingKind::SubmoduleImport ||
          existing.kind == BindingKind::FromImport) {
        return binding.qualified_name == existing.qualified_name;
      }
      break;
    case BindingKind::Deletion:
    case BindingKind::Annotation:
    case BindingKind::FutureImport:
    case BindingKind::Builtin:
      return false;
    case BindingKind::Assignment:
    case BindingKind::AnnotatedAssignment:  // Ruff's Assignment covers `x: T = v` too
    case BindingKind::NamedExpr:
      if (existing.kind == BindingKind::Assignment || existing.kind == BindingKind::AnnotatedAssignment ||
          existing.kind == BindingKind::NamedExpr) {
        return false;
      }
      break;
    default:
      break;
  }
  return existing.kind == BindingKind::Class || existing.kind == BindingKind::Function ||
         existing.kind == BindingKind::Import || existing.kind == BindingKind::FromImport ||
         existing.kind == BindingKind::Assignment || existing.kind == BindingKind::AnnotatedAssignment ||
         existing.kind == BindingKind::NamedExpr;
}

inline std::string quoted(std::string_view name) { return "`" + std::string(name) + "`"; }

}  // namespace lint::rules
