// Which binding a name has at a byte offset, as Ruff's lookup_symbol answers while its walk
// stands there: for fixes that write a name into the code (is `callable` still the builtin
// here? is `functools` imported and visible?). The model itself records what each existing
// reference resolved to; these answer for a name that is not written yet.
#pragma once

#include <tree_sitter/api.h>

#include <cstdint>
#include <string_view>

#include "semantic/semantic.h"

namespace lint {

// The binding `name` would resolve to if written at `at`, or null (unbound, or the builtin).
// The innermost scope sees the bindings made before the offset, and so do enclosing scopes
// until a function or lambda boundary is crossed (a body runs later, when its enclosing scopes
// are complete). Class scopes are seen from their own body only. A function's parameters and
// return annotation are looked up in the scope around the function. `root` is the file's tree.
const Binding* lookup_symbol(const SemanticModel& m, TSNode root, std::string_view name, uint32_t at);

// Whether a binding exists when Ruff's walk reaches `at` in the same scope: made before it,
// except that an assignment's value is evaluated before its targets are bound.
bool is_bound_at(TSNode root, const Binding& b, uint32_t at);

// Whether `scope` binds `name` at `at` (any of its bindings when `deferred`: code at `at` runs
// after the scope's own code, as a nested function's does).
bool scope_binds(const SemanticModel& m, TSNode root, const Scope& scope, std::string_view name, uint32_t at,
                 bool deferred);

// Ruff's has_builtin_binding for a name written at `at`: nothing binds it there and it is a
// builtin of the target version.
bool has_builtin_binding(const SemanticModel& m, TSNode root, std::string_view name, uint32_t at);

}  // namespace lint
