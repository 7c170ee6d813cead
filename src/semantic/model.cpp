// Queries of the resolved model.
#include <string>
#include <vector>

#include "semantic/semantic.h"
#include "syntax/node.h"
#include "syntax/syntax.h"

namespace lint {

bool SemanticModel::same_branch(const Binding& a, const Binding& b) const {
  // Ruff compares the innermost branch: a definition at module level and one inside an `if`
  // are on different branches, as are two arms of one `if`.
  return a.branch == b.branch;
}

const Binding* SemanticModel::binding_at(uint32_t start_byte) const {
  auto it = reference_by_start.find(start_byte);
  if (it == reference_by_start.end()) return nullptr;
  const Reference& r = references[it->second];
  return r.binding >= 0 ? &bindings[r.binding] : nullptr;
}

std::string SemanticModel::qualified_name(TSNode expr, std::string_view source) const {
  expr = unparenthesized(expr);
  std::vector<std::string_view> tail;
  while (is(expr, "attribute")) {
    TSNode attr = field(expr, "attribute");
    tail.push_back(source.substr(ts_node_start_byte(attr), ts_node_end_byte(attr) - ts_node_start_byte(attr)));
    expr = unparenthesized(field(expr, "object"));
  }
  if (!is(expr, "identifier")) return "";
  const std::string_view head = source.substr(ts_node_start_byte(expr), ts_node_end_byte(expr) - ts_node_start_byte(expr));
  std::string out;
  auto it = reference_by_start.find(ts_node_start_byte(expr));
  if (it == reference_by_start.end()) return "";
  const Reference& r = references[it->second];
  if (r.builtin) {
    out = "builtins." + std::string(head);
  } else if (r.binding >= 0) {
    const Binding& b = bindings[r.binding];
    if (!is_import(b.kind)) return "";
    if (b.kind == BindingKind::SubmoduleImport) {
      // `import a.b` binds `a`: `a.b.c` is "a.b.c".
      out = std::string(head);
    } else {
      out = b.qualified_name;
    }
  } else {
    return "";
  }
  for (auto t = tail.rbegin(); t != tail.rend(); ++t) {
    out += '.';
    out += *t;
  }
  return out;
}

bool SemanticModel::is_typing_module(std::string_view module) const {
  if (module == "typing" || module == "typing_extensions" || module == "_typeshed") return true;
  for (const std::string& m : configured_typing_modules) {
    if (m == module) return true;
  }
  return false;
}

bool SemanticModel::is_typing_member(std::string_view qualified, std::string_view member) const {
  if (qualified.size() <= member.size() + 1 || !qualified.ends_with(member)) return false;
  const size_t dot = qualified.size() - member.size() - 1;
  return qualified[dot] == '.' && is_typing_module(qualified.substr(0, dot));
}

uint32_t SemanticModel::scope_at(uint32_t byte) const {
  uint32_t best = 0;
  uint32_t best_size = UINT32_MAX;
  for (uint32_t i = 0; i < scopes.size(); ++i) {
    const TSNode n = scopes[i].node;
    if (ts_node_is_null(n)) continue;
    const uint32_t s = ts_node_start_byte(n), e = ts_node_end_byte(n);
    if (byte >= s && byte < e && e - s <= best_size) {
      best = i;
      best_size = e - s;
    }
  }
  return best;
}

}  // namespace lint
