#include "fix/importer.h"

#include <utility>

#include "engine/rule.h"
#include "fix/edits.h"
#include "semantic/lookup.h"
#include "semantic/semantic.h"
#include "syntax/node.h"

namespace lint {

namespace {

bool is_python_whitespace(char c) { return c == ' ' || c == '\t' || c == '\f'; }

// The `;` ending the statement that ends at `from`, if one follows on its line.
std::optional<uint32_t> match_semicolon(std::string_view s, uint32_t from) {
  for (uint32_t i = from; i < s.size(); ++i) {
    if (is_python_whitespace(s[i])) continue;
    if (s[i] == ';') return i;
    break;
  }
  return std::nullopt;
}

bool match_continuation(std::string_view s, uint32_t from) {
  for (uint32_t i = from; i < s.size(); ++i) {
    if (is_python_whitespace(s[i])) continue;
    return s[i] == '\\';
  }
  return false;
}

}  // namespace

std::optional<ImportedSymbol> Importer::builtin_symbol(std::string_view symbol, uint32_t at) {
  if (has_builtin_binding(model_, ctx_.root(), symbol, at)) return ImportedSymbol{std::nullopt, std::string(symbol)};
  return symbol_at(ImportRequest{"builtins", symbol, false}, at);
}

std::optional<ImportedSymbol> Importer::symbol_at(const ImportRequest& request, uint32_t at, bool runtime) {
  if (const std::optional<Existing> found = find_existing(request, at)) {
    if (start_of(found->stmt) > at) return std::nullopt;
    if (found->typing_only && runtime) return std::nullopt;
    return ImportedSymbol{Edit::replace(start_of(found->stmt), end_of(found->stmt), std::string(ctx_.original(found->stmt))),
                          found->name};
  }
  return import_symbol(request, at);
}

Edit Importer::add_import(std::string_view import_text, uint32_t at) {
  if (const TSNode stmt = preceding_import(at); !ts_node_is_null(stmt)) return end_of_statement(stmt, import_text);
  return add_at_start(import_text);
}

// Ruff's resolve_qualified_import_name: a binding in the scopes around `at` that imports the
// symbol, not hidden by a binding of its name in an inner scope; the last such import of the
// innermost scope that has one.
std::optional<Importer::Existing> Importer::find_existing(const ImportRequest& request, uint32_t at) const {
  const SemanticModel& m = model_;
  const std::string module(request.module);
  const std::string full = module + "." + std::string(request.member);
  std::vector<int32_t> chain;
  for (int32_t s = static_cast<int32_t>(m.scope_at(at)); s >= 0; s = m.scopes[s].parent) chain.push_back(s);
  for (size_t i = 0; i < chain.size(); ++i) {
    const Scope& scope = m.scopes[chain[i]];
    std::optional<Existing> best;
    for (const auto& [name, id] : scope.names) {
      const Binding& b = m.bindings[id];
      std::string bound;
      if (b.kind == BindingKind::Import && b.qualified_name == module) {
        bound = std::string(name) + "." + std::string(request.member);
      } else if (b.kind == BindingKind::FromImport && b.qualified_name == full) {
        bound = std::string(name);
      } else if (b.kind == BindingKind::SubmoduleImport &&
                 (b.qualified_name == module || b.qualified_name.starts_with(module + "."))) {
        bound = full;
      } else {
        continue;
      }
      bool hidden = false;
      bool deferred = false;
      for (size_t j = 0; j < i && !hidden; ++j) {
        const Scope& inner = m.scopes[chain[j]];
        hidden = scope_binds(m, ctx_.root(), inner, name, at, deferred);
        if (inner.kind == ScopeKind::Function || inner.kind == ScopeKind::Lambda) deferred = true;
      }
      if (hidden || ts_node_is_null(b.node)) continue;
      if (!best || start_of(b.node) > start_of(best->stmt)) best = Existing{bound, b.node, (b.flags & kTypeChecking) != 0};
    }
    if (best) return best;
  }
  return std::nullopt;
}

// Whether a name is free at `at` (unbound, or bound to the builtin).
bool Importer::is_available(std::string_view name, uint32_t at) const {
  return lookup_symbol(model_, ctx_.root(), name, at) == nullptr;
}

std::optional<ImportedSymbol> Importer::import_symbol(const ImportRequest& request, uint32_t at) {
  if (const TSNode stmt = find_import_from(request.module, at); !ts_node_is_null(stmt)) {
    if (!is_available(request.member, at)) return std::nullopt;
    return ImportedSymbol{add_member(stmt, request.member), std::string(request.member)};
  }
  if (!request.from_style) {
    if (!is_available(request.module, at)) return std::nullopt;
    return ImportedSymbol{add_import("import " + std::string(request.module), at),
                          std::string(request.module) + "." + std::string(request.member)};
  }
  if (!is_available(request.member, at)) return std::nullopt;
  return ImportedSymbol{add_import("from " + std::string(request.module) + " import " + std::string(request.member), at),
                        std::string(request.member)};
}

// The module's top-level import statements, in order.
const std::vector<TSNode>& Importer::runtime_imports() {
  if (!imports_known_) {
    imports_known_ = true;
    for (TSNode c : children(ctx_.root())) {
      const std::string_view k = kind(c);
      if (k == "import_statement" || k == "import_from_statement" || k == "future_import_statement") imports_.push_back(c);
    }
  }
  return imports_;
}

TSNode Importer::preceding_import(uint32_t at) {
  TSNode found{};
  for (TSNode stmt : runtime_imports()) {
    if (start_of(stmt) >= at) break;
    found = stmt;
  }
  return found;
}

// The last top-level `from module import ...` (absolute, not `*`) before `at`.
TSNode Importer::find_import_from(std::string_view module, uint32_t at) {
  TSNode found{};
  for (TSNode stmt : runtime_imports()) {
    if (start_of(stmt) >= at) break;
    if (!is(stmt, "import_from_statement")) continue;
    const TSNode name = field(stmt, "module_name");
    if (ts_node_is_null(name) || !is(name, "dotted_name") || ctx_.text(name) != module) continue;
    bool star = false;
    for (TSNode c : children(stmt)) star |= is(c, "wildcard_import");
    if (!star) found = stmt;
  }
  return found;
}

// `from m import a` -> `from m import a, member`, as libcst prints the statement with one more
// alias that copies the last alias's comma.
Edit Importer::add_member(TSNode stmt, std::string_view member) const {
  TSNode last{};
  const TSNode module = field(stmt, "module_name");
  for (TSNode c : children(stmt)) {
    if ((is(c, "dotted_name") || is(c, "aliased_import")) && !ts_node_eq(c, module)) last = c;
  }
  const uint32_t end = end_of(last);
  const std::string_view src = ctx_.original();
  // The last alias's comma and the whitespace after it, if it has one.
  uint32_t i = end;
  while (i < end_of(stmt) && (is_python_whitespace(src[i]) || src[i] == '\\' || src[i] == '\n' || src[i] == '\r')) ++i;
  std::string content(ctx_.original(start_of(stmt), end));
  if (i < end_of(stmt) && src[i] == ',') {
    uint32_t j = i + 1;
    while (j < end_of(stmt) && (is_python_whitespace(src[j]) || src[j] == '\n' || src[j] == '\r')) ++j;
    const std::string_view comma = ctx_.original(end, j);
    content += comma;
    content += member;
    content += comma;
    content += ctx_.original(j, end_of(stmt));
  } else {
    content += ", ";
    content += member;
    content += ctx_.original(end, end_of(stmt));
  }
  return Edit::replace(start_of(stmt), end_of(stmt), std::move(content));
}

Edit Importer::end_of_statement(TSNode stmt, std::string_view text) const {
  const std::string_view src = ctx_.source();
  const uint32_t end = end_of(stmt);
  if (const std::optional<uint32_t> semi = match_semicolon(src, end)) {
    return Edit::insertion(*semi + 1, " " + std::string(text) + ";");
  }
  if (match_continuation(src, end)) return Edit::insertion(end, "; " + std::string(text));
  return Edit::insertion(edits::full_line_end(src, end), std::string(text) + std::string(ctx_.line_ending()));
}

Edit Importer::add_at_start(std::string_view text) const {
  // After the `from __future__` imports that open the module (after its docstring).
  TSNode last_future{};
  bool first = true;
  for (TSNode c : children(ctx_.root())) {
    if (!is_named_child(c)) continue;
    if (first && is_docstring(c)) {
      first = false;
      continue;
    }
    first = false;
    if (is(c, "future_import_statement")) {
      last_future = c;
      continue;
    }
    break;
  }
  if (!ts_node_is_null(last_future)) return end_of_statement(last_future, text);
  return start_of_file(text);
}

bool Importer::is_docstring(TSNode stmt) const {
  if (!is(stmt, "expression_statement")) return false;
  const TSNode value = first_named_child(stmt);
  return !ts_node_is_null(value) && is_str_literal(value, ctx_.source());
}

Edit Importer::start_of_file(std::string_view text) const {
  const std::string_view src = ctx_.source();
  uint32_t location = 0;
  const TSNode first = first_named_child(ctx_.root());
  if (!ts_node_is_null(first) && is_docstring(first)) {
    location = end_of(first);
    if (const std::optional<uint32_t> semi = match_semicolon(src, location)) {
      return Edit::insertion(*semi + 1, " " + std::string(text) + ";");
    }
    while (match_continuation(src, location)) location = edits::full_line_end(src, location);
    location = edits::full_line_end(src, location);
  }
  bool seen_comment = false;
  for (uint32_t line = location; line < src.size();) {
    const uint32_t next = edits::full_line_end(src, line);
    uint32_t i = line;
    while (i < next && is_python_whitespace(src[i])) ++i;
    const bool empty = i >= next || src[i] == '\n' || src[i] == '\r';
    if (empty) {
      if (seen_comment) location = next;
    } else if (src[i] == '#') {
      location = next;
      seen_comment = true;
    } else {
      break;
    }
    if (next == line) break;
    line = next;
  }
  return Edit::insertion(location, std::string(text) + std::string(ctx_.line_ending()));
}

}  // namespace lint
