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

namespace {
// The slot where the search for a start begins: a multiplicative hash scaled to the table.
size_t first_slot(uint32_t start, size_t slots) {
  return static_cast<size_t>((static_cast<uint64_t>(start * 2654435761u) * slots) >> 32);
}
}  // namespace

void SemanticModel::index_references() {
  const size_t slots = references.size() + references.size() / 2 + 1;
  reference_starts.assign(slots, ReferenceStart{});
  for (uint32_t r = 0; r < references.size(); ++r) {
    const uint32_t key = references[r].start + 1;
    size_t i = first_slot(references[r].start, slots);
    while (reference_starts[i].start_plus_one != 0 && reference_starts[i].start_plus_one != key) {
      i = i + 1 == slots ? 0 : i + 1;
    }
    reference_starts[i] = {key, r};  // the last reference made at a start wins
  }
}

const Reference* SemanticModel::reference_at(uint32_t start_byte) const {
  const size_t slots = reference_starts.size();
  if (slots == 0) return nullptr;
  for (size_t i = first_slot(start_byte, slots);; i = i + 1 == slots ? 0 : i + 1) {
    const ReferenceStart& s = reference_starts[i];
    if (s.start_plus_one == 0) return nullptr;
    if (s.start_plus_one == start_byte + 1) return &references[s.reference];
  }
}

const Binding* SemanticModel::binding_at(uint32_t start_byte) const {
  const Reference* r = reference_at(start_byte);
  return r && r->binding >= 0 ? &bindings[r->binding] : nullptr;
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
  const Reference* found = reference_at(ts_node_start_byte(expr));
  if (!found) return "";
  const Reference& r = *found;
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
