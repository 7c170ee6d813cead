// Shared by the pyflakes rules that judge bindings of the semantic model.
#pragma once

#include <string>
#include <string_view>
#include <cctype>

#include "engine/rule.h"

namespace lint::rules {

// Ruff's default dummy-variable pattern, ^(_+|(_+[\p{XID_Continue}]*[\p{XID_Continue}--_]+?))$:
// names made of underscores, or starting with one and not ending with one. A non-ASCII byte
// counts as part of an identifier character (every character of a Python name is XID_Continue).
inline bool is_dummy_name(std::string_view name) {
  if (name.empty() || name[0] != '_') return false;
  bool all_underscores = true;
  for (char c : name) {
    const auto u = static_cast<unsigned char>(c);
    if (c != '_') all_underscores = false;
    if (!(std::isalnum(u) || c == '_' || u >= 0x80)) return false;
  }
  return all_underscores || name.back() != '_';
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

// The alias of an import statement that an import binding comes from (`a.b as c`, `x`).
inline TSNode import_alias_of(const Binding& b) {
  for (TSNode c : children(b.node)) {
    if (ts_node_start_byte(c) <= b.start && b.end <= ts_node_end_byte(c) &&
        (is(c, "dotted_name") || is(c, "aliased_import"))) {
      return c;
    }
  }
  return TSNode{};
}

inline std::string quoted(std::string_view name) { return "`" + std::string(name) + "`"; }

// An import's qualified name as Ruff prints it: without the spaces and line continuations the
// source may put inside a dotted name (`from .. a . b import c` is `..a.b.c`).
inline std::string import_display_name(std::string_view qualified) {
  std::string out;
  for (char c : qualified) {
    if (c != ' ' && c != '\t' && c != '\f' && c != '\\' && c != '\n' && c != '\r') out.push_back(c);
  }
  return out;
}

}  // namespace lint::rules
