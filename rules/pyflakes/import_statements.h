// Helpers over `from ... import ...` statements shared by F403, F404, F406 and F407.
#pragma once

#include <string>
#include <string_view>

#include "engine/rule.h"

namespace lint::rules {

// The module of a `from` import as Ruff prints it: leading dots, then the dotted name without the
// spaces or line continuations the source may hold (`from .. a . b import *` gives `..a.b`).
inline std::string from_import_module(TSNode stmt, const Context& ctx) {
  std::string out;
  const TSNode module = field(stmt, "module_name");
  if (ts_node_is_null(module)) return out;
  for (char c : ctx.text(module)) {
    if (c == '.' || c == '_' || (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
        static_cast<unsigned char>(c) >= 0x80) {
      out.push_back(c);
    }
  }
  return out;
}

// Whether a `from` import imports everything (`from m import *`).
inline bool is_star_import(TSNode stmt) {
  for (TSNode c : children(stmt)) {
    if (is(c, "wildcard_import")) return true;
  }
  return false;
}

// `from __future__ import *` is valid syntax that the grammar lacks: the engine parses a copy of
// the file where the module is renamed, so it comes as an ordinary import_from_statement whose
// source text still reads `__future__`.
inline bool is_future_star_import(TSNode stmt, const Context& ctx) {
  if (!is(stmt, "import_from_statement")) return false;
  const TSNode module = field(stmt, "module_name");
  return !ts_node_is_null(module) && ctx.text(module) == "__future__" && is_star_import(stmt);
}

inline bool is_future_import(TSNode stmt, const Context& ctx) {
  return is(stmt, "future_import_statement") || is_future_star_import(stmt, ctx);
}

}  // namespace lint::rules
