// The native side of Python rules: which nodes they are called on, decided in C++ during the
// walk and after it, before any Python runs (and without the GIL).
#include <algorithm>
#include <cstring>
#include <filesystem>
#include <mutex>
#include <system_error>
#include <unordered_set>

#include "fix/edits.h"
#include "python/python_rules.h"
#include "semantic/semantic.h"
#include "syntax/node.h"
#include "syntax/syntax.h"
#include "engine/traversal.h"

namespace lint {

namespace {

bool is_identifier_byte(unsigned char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c >= 0x80;
}

// The length of the name the call starting at `start` starts with, when a `(` follows it, else 0:
// its callee is that name, or starts with a call of it (`super().x()`, whose callee starts with
// `super(`). Read from the text, not looking the call's first child up (a few hundred
// instructions, for every call).
size_t name_call_length(std::string_view text, size_t start) {
  size_t i = start;
  if (i >= text.size() || (text[i] >= '0' && text[i] <= '9')) return 0;
  while (i < text.size() && is_identifier_byte(static_cast<unsigned char>(text[i]))) ++i;
  const size_t length = i - start;
  while (i < text.size() && (text[i] == ' ' || text[i] == '\t')) ++i;
  return i < text.size() && text[i] == '(' ? length : 0;
}

}  // namespace

bool wildcard_match(std::string_view pattern, std::string_view name) {
  // Iterative glob matching with one backtracking point (the last `*`): linear for the patterns
  // rules use.
  size_t p = 0, n = 0, star = std::string_view::npos, resume = 0;
  while (n < name.size()) {
    if (p < pattern.size() && pattern[p] == '*') {
      star = p++;
      resume = n;
    } else if (p < pattern.size() && pattern[p] == name[n]) {
      ++p;
      ++n;
    } else if (star != std::string_view::npos) {
      p = star + 1;
      n = ++resume;
    } else {
      return false;
    }
  }
  while (p < pattern.size() && pattern[p] == '*') ++p;
  return p == pattern.size();
}

void NamePatterns::add(std::string pattern, uint32_t method) {
  const size_t dot = pattern.rfind('.');
  const std::string last = dot == std::string::npos ? pattern : pattern.substr(dot + 1);
  if (last.find('*') != std::string::npos) {
    any_last_ = true;
  } else {
    last_sizes_ |= uint64_t{1} << std::min<size_t>(last.size(), 63);
    lasts_.insert(last);
  }
  if (pattern.find('*') == std::string::npos) exact_[std::move(pattern)].push_back(method);
  else wild_.emplace_back(std::move(pattern), method);
}

bool NamePatterns::may_end_with(std::string_view last) const {
  // Asked for every call of a method during the walk: most names have no pattern's length.
  if (any_last_) return true;
  if (!(last_sizes_ >> std::min<size_t>(last.size(), 63) & 1)) return false;
  return lasts_.count(std::string(last)) > 0;
}

void NamePatterns::match(std::string_view name, std::vector<uint32_t>& methods) const {
  methods.clear();
  if (auto it = exact_.find(std::string(name)); it != exact_.end()) methods = it->second;
  for (const auto& [pattern, method] : wild_) {
    if (wildcard_match(pattern, name)) methods.push_back(method);
  }
  if (methods.size() > 1) {
    std::sort(methods.begin(), methods.end());
    methods.erase(std::unique(methods.begin(), methods.end()), methods.end());
  }
}

bool NodeFilter::accepts(TSNode n) const {
  for (const Field& f : fields) {
    const TSNode c = f.field ? ts_node_child_by_field_id(n, f.field) : first_named_child(n);
    const bool present = !ts_node_is_null(c);
    switch (f.test) {
      case Field::Test::Absent:
        if (present) return false;
        break;
      case Field::Test::Present:
        if (!present) return false;
        break;
      case Field::Test::Kinds:
        if (!present || std::find(f.kinds.begin(), f.kinds.end(), ts_node_symbol(c)) == f.kinds.end()) return false;
        break;
    }
  }
  return true;
}

namespace {

// `a.b.c` of a dotted_name (or an aliased_import's name), as written without spaces or comments.
std::string dotted(TSNode n, std::string_view source) {
  if (is(n, "aliased_import")) n = field(n, "name");
  if (is(n, "identifier")) return std::string(text_of(source, n));
  std::string out;
  for (TSNode c : children(n)) {
    if (!is(c, "identifier")) continue;
    if (!out.empty()) out += '.';
    out += text_of(source, c);
  }
  return out;
}

// The names an import statement imports, as on_import matches them: `import a.b as c` is
// "a.b"; `from m import x` is "m.x"; a relative import counts by what follows its dots
// (`from .m import x` is "m.x", `from . import x` is "x"); `from m import *` is "m.*".
void imported_names(TSNode stmt, bool from, std::string_view source, std::vector<std::string>& out) {
  out.clear();
  std::string module;
  if (from) {
    TSNode m = field(stmt, "module_name");
    if (is(m, "relative_import")) {
      TSNode inner{};
      for (TSNode c : children(m)) {
        if (is(c, "dotted_name")) inner = c;
      }
      m = inner;
    }
    if (!ts_node_is_null(m)) module = dotted(m, source);
  }
  Children kids(stmt);
  for (auto it = kids.begin(); it != kids.end(); ++it) {
    const char* f = it.field_name();
    if (from && is(*it, "wildcard_import")) {
      out.push_back(module);
      out.back() += ".*";
      continue;
    }
    if (!f || std::string_view(f) != "name") continue;
    const std::string name = dotted(*it, source);
    if (module.empty()) {
      out.push_back(name);
    } else {
      out.push_back(module);
      out.back() += '.';
      out.back() += name;
    }
  }
}

}  // namespace

// Collects what on_call needs from an import without the semantic model: the names it binds
// under another name whose last imported part a pattern may end with.
void PythonRules::note_aliases(TSNode stmt, PythonCollector& out) const {
  for (TSNode c : children(stmt)) {
    if (is(c, "aliased_import")) {
      const TSNode name = field(c, "name"), alias = field(c, "alias");
      TSNode last = name;
      for (TSNode part : children(name)) {
        if (is(part, "identifier")) last = part;
      }
      if (!ts_node_is_null(alias) && call_patterns.may_end_with(text_of(out.source, last))) {
        out.aliases.push_back(text_of(out.source, alias));
      }
    }
  }
}

void PythonRules::note_as_names(PythonCollector& out) {
  const std::string_view src = out.source;
  out.as_names.clear();
  const auto name_byte = [&](size_t i) { return is_identifier_byte(static_cast<unsigned char>(src[i])); };
  for (size_t at = src.find("as"); at != std::string_view::npos; at = src.find("as", at + 2)) {
    if ((at > 0 && name_byte(at - 1)) || (at + 2 < src.size() && name_byte(at + 2))) continue;
    // What may stand between `as` and the name: spaces, line breaks and continuations inside
    // brackets, comments.
    const size_t i = edits::skip_trivia(src, static_cast<uint32_t>(at + 2));
    size_t end = i;
    while (end < src.size() && name_byte(end)) ++end;
    if (end > i) out.as_names.push_back(src.substr(i, end - i));
  }
  std::sort(out.as_names.begin(), out.as_names.end());
  out.as_names.erase(std::unique(out.as_names.begin(), out.as_names.end()), out.as_names.end());
}

void PythonRules::enter(TSNode n, TSSymbol s, PythonCollector& out) const {
  for (uint32_t m : enter_methods[s]) out.events.push_back({n, m});
  for (const NodeFilter& f : node_filters[s]) {
    if (f.accepts(n)) out.events.push_back({n, f.method});
  }
  if (s == call_symbol && !call_patterns.empty()) {
    // A call of a method whose name no pattern ends with (most calls: `self.x.append(y)`) is
    // dropped now. The callee is the call's first child (its `function` field), and an
    // attribute's name its last child, so the name is the identifier the attribute ends with
    // (the walk gives Python rules no node holding a syntax error): read back from its end.
    static const TSSymbol attribute = kind_symbol("attribute");
    static const TSSymbol identifier = kind_symbol("identifier");
    bool candidate = true;
    const uint32_t start = ts_node_start_byte(n);
    const size_t length = name_call_length(out.source, start);
    const auto kept_name = [&](std::string_view name) {
      // Kept if a pattern ends with the name, or if an import may bind it under another name
      // (resolve_calls decides once every import is seen).
      return call_patterns.may_end_with(name) || std::binary_search(out.as_names.begin(), out.as_names.end(), name);
    };
    if (length > 0 && kept_name(out.source.substr(start, length))) {
      // `f(...)`, or a call whose callee starts with `f(`: a candidate, known from the text.
    } else if (const TSNode callee = ts_node_child(n, 0); ts_node_symbol(callee) == attribute) {
      const uint32_t end = ts_node_end_byte(callee);
      uint32_t name_start = end;
      while (name_start > 0 && is_identifier_byte(static_cast<unsigned char>(out.source[name_start - 1]))) --name_start;
      candidate = call_patterns.may_end_with(out.source.substr(name_start, end - name_start));
    } else if (ts_node_symbol(callee) == identifier) {
      candidate = kept_name(text_of(out.source, callee));
    }
    if (candidate) out.events.push_back({n, kCallCandidate});
  }
  if (s == attribute_symbol && !attribute_patterns.empty() &&
      attribute_patterns.may_end_with(text_of(out.source, ts_node_child_by_field_id(n, attribute_field)))) {
    out.events.push_back({n, kAttributeCandidate});
  }
  if ((s == import_symbol || s == import_from_symbol) && !call_patterns.empty()) note_aliases(n, out);
  if ((s == import_symbol || s == import_from_symbol) && !import_patterns.empty()) {
    // Names are matched now: an import needs no semantic model.
    thread_local std::vector<std::string> names;
    thread_local std::vector<uint32_t> methods;
    imported_names(n, s == import_from_symbol, out.source, names);
    for (const std::string& name : names) {
      import_patterns.match(name, methods);
      if (methods.empty()) continue;
      out.names.push_back(name);
      for (uint32_t m : methods) out.events.push_back({n, m, static_cast<int32_t>(out.names.size() - 1)});
    }
  }
  for (uint32_t q : query_roots_by_symbol[s]) {
    if (out.query_depth[q]++ == 0) out.query_roots[q].push_back(n);
  }
}

void PythonRules::leave(TSNode n, TSSymbol s, PythonCollector& out) const {
  for (uint32_t m : leave_methods[s]) out.events.push_back({n, m});
  for (uint32_t q : query_roots_by_symbol[s]) --out.query_depth[q];
}

namespace {

// The module a file defines, as Ruff derives it, and whether the file is in a package: the file
// stems from the top of its package (the outermost folders with an `__init__.py` that contain
// it), or the file's stem alone outside a package. Each folder's package path is found once
// per run.
std::pair<std::vector<std::string>, bool> module_path(std::string_view path) {
  if (path.empty() || path == "-" || path.front() == '<') return {{}, false};
  namespace fs = std::filesystem;
  std::error_code ec;
  const fs::path file = fs::absolute(fs::path(std::string(path)), ec).lexically_normal();
  static std::mutex mutex;
  static std::unordered_map<std::string, std::vector<std::string>> packages;  // folder -> its package path
  std::vector<std::string> parts;
  {
    const fs::path start = file.parent_path();
    std::lock_guard<std::mutex> lock(mutex);
    auto [it, added] = packages.emplace(start.string(), std::vector<std::string>{});
    if (added) {
      fs::path folder = start;
      while (fs::is_regular_file(folder / "__init__.py", ec) || fs::is_regular_file(folder / "__init__.pyi", ec)) {
        it->second.push_back(folder.filename().string());
        if (folder.parent_path() == folder) break;
        folder = folder.parent_path();
      }
      std::reverse(it->second.begin(), it->second.end());
    }
    parts = it->second;
  }
  const bool in_package = !parts.empty();
  parts.push_back(file.stem().string());
  return {parts, in_package};
}

// The last part of the qualified name `expr` resolves to, found without building the name
// (empty when it resolves to nothing): calls whose last part no pattern can end with are
// dropped before the full resolution.
std::string_view last_part(const SemanticModel& model, TSNode expr, std::string_view source) {
  expr = unparenthesized(expr);
  if (is(expr, "attribute")) return text_of(source, field(expr, "attribute"));
  if (!is(expr, "identifier")) return {};
  const Reference* found = model.reference_at(ts_node_start_byte(expr));
  if (!found) return {};
  const Reference& r = *found;
  if (r.builtin) return text_of(source, expr);
  if (r.binding < 0) return {};
  const Binding& b = model.bindings[r.binding];
  switch (b.kind) {
    case BindingKind::Function:
    case BindingKind::Class:
    case BindingKind::SubmoduleImport:
      return text_of(source, expr);
    case BindingKind::Import:
    case BindingKind::FromImport:
    case BindingKind::FutureImport: {
      const std::string_view q = b.qualified_name;
      const size_t dot = q.rfind('.');
      return dot == std::string_view::npos ? q : q.substr(dot + 1);
    }
    default:
      return {};
  }
}

std::string join(const std::vector<std::string>& parts, size_t count) {
  std::string out;
  for (size_t i = 0; i < count; ++i) {
    if (i) out += '.';
    out += parts[i];
  }
  return out;
}

}  // namespace

std::string resolve_qualified_name(const SemanticModel& model, TSNode expr, std::string_view source,
                                   std::string_view path) {
  std::string found = model.qualified_name(expr, source);
  if (!found.empty()) {
    if (found.front() != '.') return found;
    // A relative import: resolved only in a package, and not beyond its top.
    auto [parts, in_package] = module_path(path);
    if (!in_package) return "";
    const size_t dots = found.find_first_not_of('.');
    if (dots == std::string::npos || dots > parts.size()) return "";
    std::string out = join(parts, parts.size() - dots);
    if (!out.empty()) out += '.';
    out.append(found, dots, std::string::npos);
    return out;
  }
  // A class or function defined in the file: after the file's module.
  TSNode head = unparenthesized(expr);
  std::vector<std::string_view> chain;
  while (is(head, "attribute")) {
    chain.push_back(text_of(source, field(head, "attribute")));
    head = unparenthesized(field(head, "object"));
  }
  if (!is(head, "identifier")) return "";
  const Binding* b = model.binding_at(ts_node_start_byte(head));
  if (!b || (b->kind != BindingKind::Function && b->kind != BindingKind::Class)) return "";
  auto [parts, in_package] = module_path(path);
  if (parts.empty()) return "";
  std::string out = join(parts, parts.size());
  out += '.';
  out += text_of(source, head);
  for (auto t = chain.rbegin(); t != chain.rend(); ++t) {
    out += '.';
    out += *t;
  }
  return out;
}

namespace {

// How a name is used in a file, found from its occurrences in the text (see settle_name).
enum class NameUse : uint8_t { Unknown, Module, Builtin, Nothing };

// What every occurrence of `name` in the file says about its qualified name, without the
// semantic model:
// - Module: its only bindings are top-level `import name` / `import name.sub` statements, and
//   every other occurrence, after the first of them, is a load that cannot bind (the object of
//   an attribute, a callee, an argument, the value assigned: `local_print = print`);
// - Builtin: a builtin, only loaded so, never bound;
// - Nothing: no builtin, and no import, `def` or `class` binds it anywhere: whatever binds it
//   (an assignment, a parameter...) gives no qualified name;
// - Unknown otherwise (the model decides). Conservative: an occurrence in any other position, a
//   notebook, a file with non-ASCII text (NFKC) make it Unknown.
// Occurrences that are no name are skipped: the attribute of `x.name`, the keyword of
// `f(name=...)`. A method of that name (`def print(self)` in a class body) binds it only in its
// class, which the functions inside do not see: it counts only when the class body itself reads
// the name. A star import binds nothing the model knows of (as in Ruff's), so it changes nothing.
NameUse settle_name(std::string_view name, PythonRules::FileInput& in) {
  static const TSSymbol identifier = kind_symbol("identifier"), attribute = kind_symbol("attribute"),
                        call = kind_symbol("call"), argument_list = kind_symbol("argument_list"),
                        keyword_argument = kind_symbol("keyword_argument"), dotted_name = kind_symbol("dotted_name"),
                        import_statement = kind_symbol("import_statement"),
                        import_from = kind_symbol("import_from_statement"),
                        future_import = kind_symbol("future_import_statement"), module = kind_symbol("module"),
                        function_definition = kind_symbol("function_definition"),
                        class_definition = kind_symbol("class_definition"), lambda = kind_symbol("lambda"),
                        block = kind_symbol("block"), decorated_definition = kind_symbol("decorated_definition"),
                        assignment = kind_symbol("assignment");
  static const TSFieldId object_field = ts_language_field_id_for_name(python_language(), "object", 6),
                         function_field = ts_language_field_id_for_name(python_language(), "function", 8),
                         value_field = ts_language_field_id_for_name(python_language(), "value", 5),
                         attribute_field = ts_language_field_id_for_name(python_language(), "attribute", 9),
                         name_field = ts_language_field_id_for_name(python_language(), "name", 4),
                         body_field = ts_language_field_id_for_name(python_language(), "body", 4),
                         right_field = ts_language_field_id_for_name(python_language(), "right", 5);
  if (in.notebook || name.empty() || name.starts_with("__")) return NameUse::Unknown;
  for (const char c : name) {
    if (!is_identifier_byte(static_cast<unsigned char>(c)) || static_cast<unsigned char>(c) >= 0x80) return NameUse::Unknown;
  }
  const TSNode root = ts_tree_root_node(in.tree);
  // Identifiers that NFKC makes equal to `name` are not found by its text: non-ASCII text must
  // be in strings and comments (a few places looked at, then the model decides). Found once per
  // file, eight bytes at a time.
  if (in.non_ascii_code < 0) {
    in.non_ascii_code = 0;
    int budget = 64;
    const std::string_view text = in.source;
    for (size_t i = 0; i < text.size(); ++i) {
      if (i + 8 <= text.size()) {
        uint64_t word;
        std::memcpy(&word, text.data() + i, 8);
        if (!(word & 0x8080808080808080ull)) {
          i += 7;
          continue;
        }
      }
      if (static_cast<unsigned char>(text[i]) < 0x80) continue;
      const TSNode n = ts_node_descendant_for_byte_range(root, static_cast<uint32_t>(i), static_cast<uint32_t>(i + 1));
      const std::string_view k = ts_node_type(n);
      if (--budget < 0 || (k != "string_content" && k != "comment" && k != "string" && k != "escape_sequence")) {
        in.non_ascii_code = 1;
        break;
      }
      i = std::max<size_t>(i, ts_node_end_byte(n));
    }
  }
  if (in.non_ascii_code) return NameUse::Unknown;
  uint32_t first_import = UINT32_MAX, first_load = UINT32_MAX;
  bool other_import = false, defined = false, other = false;
  std::vector<TSNode> path;  // the ancestors of the occurrence, root first
  // The classes whose bodies define a method of that name, and those whose bodies read it.
  std::vector<const void*> method_classes, reading_classes;
  // The class whose own body (not a function or lambda inside it) holds path[..end), if any.
  auto class_body_of = [&](size_t end) -> const void* {
    for (size_t i = end; i-- > 1;) {
      const TSSymbol k = ts_node_symbol(path[i - 1]);
      const bool scope = k == function_definition || k == lambda || k == class_definition;
      if (!scope || !ts_node_eq(path[i], ts_node_child_by_field_id(path[i - 1], body_field))) continue;
      return k == class_definition ? path[i - 1].id : nullptr;
    }
    return nullptr;
  };
  // Down from the root to the smallest node holding the byte at `at`, keeping its ancestors in
  // `path`; returns the field of the last step. (Linear in the siblings passed on the way.)
  auto descend = [&](size_t at) {
    TSTreeCursor cursor = ts_tree_cursor_new(root);
    path.assign(1, root);
    TSFieldId field_id = 0;
    while (ts_tree_cursor_goto_first_child_for_byte(&cursor, static_cast<uint32_t>(at)) >= 0) {
      const TSNode n = ts_tree_cursor_current_node(&cursor);
      if (ts_node_start_byte(n) > at) break;
      path.push_back(n);
      field_id = ts_tree_cursor_current_field_id(&cursor);
    }
    ts_tree_cursor_delete(&cursor);
    return field_id;
  };
  // The callees the walk found (identifiers, in order) are loads: no descent for them, unless a
  // method of that name makes it matter which class body they are in.
  const std::vector<uint32_t>& callees = in.callee_names;
  std::vector<uint32_t> skipped;
  for (size_t at = in.source.find(name); at != std::string_view::npos; at = in.source.find(name, at + 1)) {
    const size_t end = at + name.size();
    if ((at > 0 && is_identifier_byte(static_cast<unsigned char>(in.source[at - 1]))) ||
        (end < in.source.size() && is_identifier_byte(static_cast<unsigned char>(in.source[end])))) {
      continue;
    }
    if (std::binary_search(callees.begin(), callees.end(), static_cast<uint32_t>(at))) {
      first_load = std::min(first_load, static_cast<uint32_t>(at));
      skipped.push_back(static_cast<uint32_t>(at));
      continue;
    }
    const TSFieldId field_id = descend(at);
    const TSNode n = path.back();
    if (ts_node_symbol(n) != identifier || ts_node_start_byte(n) != at || ts_node_end_byte(n) != end) {
      // Inside a string or a comment (no code); anything else decides nothing here.
      if (!ts_node_is_named(n) || ts_node_symbol(n) == identifier) return NameUse::Unknown;
      continue;
    }
    if (path.size() < 2) return NameUse::Unknown;
    const TSNode parent = path[path.size() - 2];
    const TSSymbol p = ts_node_symbol(parent);
    if ((p == attribute && field_id == attribute_field) || (p == keyword_argument && field_id == name_field)) {
      continue;  // no name: `x.name`, `f(name=...)`
    }
    const bool load = (p == attribute && field_id == object_field) || (p == call && field_id == function_field) ||
                      p == argument_list || (p == keyword_argument && field_id == value_field) ||
                      (p == assignment && field_id == right_field);
    if (load) {
      first_load = std::min(first_load, static_cast<uint32_t>(at));
      if (const void* c = class_body_of(path.size())) reading_classes.push_back(c);
      continue;
    }
    // `import name` or `import name.sub` at the top of the module.
    if (p == dotted_name && path.size() >= 4 && ts_node_start_byte(parent) == at &&
        ts_node_symbol(path[path.size() - 3]) == import_statement && ts_node_symbol(path[path.size() - 4]) == module) {
      first_import = std::min(first_import, static_cast<uint32_t>(at));
      continue;
    }
    if (p == function_definition && field_id == name_field) {
      // A method: `def name` directly in a class body (decorated or not).
      size_t i = path.size() - 3;
      if (i > 0 && ts_node_symbol(path[i]) == decorated_definition) --i;
      if (i > 0 && ts_node_symbol(path[i]) == block && ts_node_symbol(path[i - 1]) == class_definition) {
        method_classes.push_back(path[i - 1].id);
        continue;
      }
    }
    if (p == function_definition || p == class_definition) {
      defined = true;
      continue;
    }
    other = true;
    for (const TSNode a : path) {
      const TSSymbol k = ts_node_symbol(a);
      other_import |= k == import_statement || k == import_from || k == future_import;
    }
  }
  if (!method_classes.empty()) {
    for (const uint32_t at : skipped) {
      descend(at);
      if (const void* c = class_body_of(path.size())) reading_classes.push_back(c);
    }
  }
  for (const void* c : method_classes) {
    if (std::find(reading_classes.begin(), reading_classes.end(), c) != reading_classes.end()) return NameUse::Unknown;
  }
  if (other_import || defined) return NameUse::Unknown;
  if (first_import != UINT32_MAX) return !other && first_load > first_import ? NameUse::Module : NameUse::Unknown;
  if (is_python_builtin(name, in.target_minor)) return other ? NameUse::Unknown : NameUse::Builtin;
  return NameUse::Nothing;
}

}  // namespace

bool PythonRules::FileInput::settled_name(TSNode expr, std::string& out) {
  TSNode head = unparenthesized(expr);
  std::vector<std::string_view> chain;
  while (is(head, "attribute")) {
    chain.push_back(text_of(source, field(head, "attribute")));
    head = unparenthesized(field(head, "object"));
  }
  if (!is(head, "identifier")) {
    out.clear();  // `f().x`, `a[0].x`: no qualified name
    return true;
  }
  const std::string_view name = text_of(source, head);
  auto it = std::find_if(settled.begin(), settled.end(), [&](const auto& e) { return e.first == name; });
  if (it == settled.end()) {
    settled.emplace_back(name, static_cast<uint8_t>(settle_name(name, *this)));
    it = std::prev(settled.end());
  }
  const NameUse use = static_cast<NameUse>(it->second);
  if (use == NameUse::Unknown) return false;
  out.clear();
  if (use == NameUse::Nothing) return true;
  if (use == NameUse::Builtin) out = "builtins.";
  out += name;
  for (auto t = chain.rbegin(); t != chain.rend(); ++t) {
    out += '.';
    out += *t;
  }
  return true;
}

const SemanticModel* PythonRules::FileInput::need_model() {
  if (model) return model;
  if (!built_model) {
    const TimingClock::time_point start = timing ? TimingClock::now() : TimingClock::time_point{};
    built_model = build_semantic_model(tree, source, path, target_minor, notebook);
    if (!built_model) built_model = std::make_shared<SemanticModel>();  // a tree with errors: an empty model
    if (timing) timing->add(Phase::Semantic, elapsed_ns(start));
  }
  return built_model.get();
}

namespace {
TSSymbol identifier_symbol() {
  static const TSSymbol identifier = kind_symbol("identifier");
  return identifier;
}
}  // namespace

void PythonRules::resolve_calls(FileInput& in) const {
  PythonCollector& c = in.collected;
  bool any = false;
  for (const PythonEvent& e : c.events) any |= e.method == kCallCandidate || e.method == kAttributeCandidate;
  if (!any) return;
  const TimingClock::time_point start = in.timing ? TimingClock::now() : TimingClock::time_point{};
  uint64_t model_ns = 0;
  // Where each call whose callee is a plain name starts (they are loads, see settle_name):
  // found when a name is first settled from the text.
  in.callee_names.clear();
  bool callees_found = false;
  auto find_callees = [&] {
    callees_found = true;
    for (const PythonEvent& e : c.events) {
      if (e.method != kCallCandidate) continue;
      const TSNode callee = ts_node_child(e.node, 0);
      if (ts_node_symbol(callee) == identifier_symbol()) in.callee_names.push_back(ts_node_start_byte(callee));
    }
    std::sort(in.callee_names.begin(), in.callee_names.end());
  };
  std::vector<PythonEvent> events;
  events.reserve(c.events.size());
  std::vector<uint32_t> methods;
  for (const PythonEvent& e : c.events) {
    if (e.method != kCallCandidate && e.method != kAttributeCandidate) {
      events.push_back(e);
      continue;
    }
    const bool is_call = e.method == kCallCandidate;
    const NamePatterns& patterns = is_call ? call_patterns : attribute_patterns;
    // What the text settles: the callee's last part (an attribute's name, or a name that is
    // not an import alias) must be one a pattern ends with.
    const TSNode callee = is_call ? ts_node_child(e.node, 0) : e.node;  // a call's first child is its `function`
    const TSNode bare = unparenthesized(callee);
    std::string name;
    bool alias = false;
    if (is(bare, "attribute") || is(bare, "identifier")) {
      const std::string_view last = text_of(in.source, is(bare, "attribute") ? field(bare, "attribute") : bare);
      alias = is_call && is(bare, "identifier") &&
                         std::find(c.aliases.begin(), c.aliases.end(), last) != c.aliases.end();
      if (!alias && !patterns.may_end_with(last)) continue;
    } else if (!patterns.any_last()) {
      continue;  // `f()()`, `x[0]()`: no qualified name
    }
    const bool textual = !alias && !in.model && !in.built_model;
    if (textual && !callees_found) find_callees();
    if (textual && in.settled_name(callee, name)) {
      // Settled from the text: no model needed.
    } else if (name.empty()) {
      const TimingClock::time_point built = in.timing ? TimingClock::now() : TimingClock::time_point{};
      const bool had = in.model || in.built_model;
      const SemanticModel* model = in.need_model();
      if (in.timing && !had) model_ns += elapsed_ns(built);
      const std::string_view last = last_part(*model, callee, in.source);
      if (last.empty() || !patterns.may_end_with(last)) continue;
      name = resolve_qualified_name(*model, callee, in.source, in.path);
    }
    if (name.empty()) continue;
    patterns.match(name, methods);
    if (methods.empty()) continue;
    c.names.push_back(name);
    for (uint32_t m : methods) events.push_back({e.node, m, static_cast<int32_t>(c.names.size() - 1)});
  }
  // Rules called on this file may settle names from the text too (Rule.qualified_name).
  if (!callees_found && !events.empty()) find_callees();
  c.events = std::move(events);
  if (in.timing) {
    const uint64_t total = elapsed_ns(start);
    in.timing->add(Phase::QualifiedNames, total > model_ns ? total - model_ns : 0);
  }
}

}  // namespace lint
