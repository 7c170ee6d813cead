// Small, allocation-free helpers over tree-sitter nodes used by the engine and the rules.
#pragma once

#include <tree_sitter/api.h>

#include <cstdint>
#include <cstring>
#include <string_view>
#include <unordered_map>
#include <vector>

extern "C" const TSLanguage* tree_sitter_python(void);

namespace lint {

namespace detail {

// Field ids by name, built once: ts_node_child_by_field_name scans the language's field names
// on every call, and rules ask for fields on hot paths.
inline const std::unordered_map<std::string_view, TSFieldId>& field_ids() {
  static const std::unordered_map<std::string_view, TSFieldId> ids = [] {
    std::unordered_map<std::string_view, TSFieldId> m;
    const TSLanguage* lang = tree_sitter_python();
    const uint32_t n = ts_language_field_count(lang);
    for (TSFieldId id = 1; id <= n; ++id) {
      if (const char* name = ts_language_field_name_for_id(lang, id)) m.emplace(name, id);
    }
    return m;
  }();
  return ids;
}

// Cursors are reused per thread: creating one allocates its stack.
struct CursorPool {
  std::vector<TSTreeCursor> free;
  ~CursorPool() {
    for (TSTreeCursor& c : free) ts_tree_cursor_delete(&c);
  }
};
inline thread_local CursorPool cursor_pool;

inline TSTreeCursor acquire_cursor(TSNode n) {
  std::vector<TSTreeCursor>& pool = cursor_pool.free;
  if (pool.empty()) return ts_tree_cursor_new(n);
  TSTreeCursor c = pool.back();
  pool.pop_back();
  ts_tree_cursor_reset(&c, n);
  return c;
}

inline void release_cursor(TSTreeCursor& c) { cursor_pool.free.push_back(c); }

// Node kind names by symbol, with their lengths, built once: ts_node_type() looks the name up
// and every comparison then measured it (strlen), on paths taken for most nodes.
inline const std::vector<std::string_view>& kind_names() {
  static const std::vector<std::string_view> names = [] {
    const TSLanguage* lang = tree_sitter_python();
    std::vector<std::string_view> v(ts_language_symbol_count(lang));
    for (TSSymbol s = 0; s < v.size(); ++s) v[s] = ts_language_symbol_name(lang, s);
    return v;
  }();
  return names;
}

}  // namespace detail

inline std::string_view kind(TSNode n) {
  const TSSymbol s = ts_node_symbol(n);
  const auto& names = detail::kind_names();
  return s < names.size() ? names[s] : std::string_view(ts_node_type(n));  // ERROR is 65535
}
inline bool is(TSNode n, std::string_view k) { return kind(n) == k; }

namespace detail {

// The field id of a name, remembered by where the name's characters are: rules pass string
// literals, so after the first call a lookup is a pointer comparison and a short memcmp (which
// keeps a name that reuses another's memory correct), not a hash of the name.
inline TSFieldId field_id(std::string_view name) {
  struct Entry {
    const char* data = nullptr;
    std::string_view name;  // the language's copy
    TSFieldId id = 0;
  };
  thread_local Entry cache[64];
  Entry& e = cache[(reinterpret_cast<uintptr_t>(name.data()) >> 3) & 63];
  if (e.data == name.data() && e.name == name) return e.id;
  const auto& ids = field_ids();
  const auto it = ids.find(name);
  if (it == ids.end()) return 0;
  e = Entry{name.data(), it->first, it->second};
  return it->second;
}

}  // namespace detail

inline TSNode field(TSNode n, std::string_view name) {
  const TSFieldId id = detail::field_id(name);
  return id ? ts_node_child_by_field_id(n, id) : TSNode{};
}

// Every node from `root` down, depth first and without recursion (trees can be 100,000 deep):
// visit(cursor, true) on entering a node, visit(cursor, false) on leaving it; the cursor stands
// on the node (ts_tree_cursor_current_node, _field_id).
template <class Visit>
void for_each_node(TSNode root, Visit&& visit) {
  TSTreeCursor cursor = ts_tree_cursor_new(root);
  visit(cursor, true);
  for (bool done = false; !done;) {
    if (ts_tree_cursor_goto_first_child(&cursor)) {
      visit(cursor, true);
      continue;
    }
    for (;;) {
      visit(cursor, false);
      if (ts_tree_cursor_goto_next_sibling(&cursor)) {
        visit(cursor, true);
        break;
      }
      if (!ts_tree_cursor_goto_parent(&cursor)) {
        done = true;
        break;
      }
    }
  }
  ts_tree_cursor_delete(&cursor);
}

inline bool is_error(TSNode n) { return ts_node_is_null(n) == false && (is(n, "ERROR") || ts_node_is_missing(n)); }

// Iterates over the children of a node with a cursor: ts_node_child(i) costs O(i) per call.
// Yields comments too; callers that care skip them.
class Children {
 public:
  class iterator {
   public:
    iterator() = default;
    explicit iterator(TSNode parent)
        : cursor_(detail::acquire_cursor(parent)), valid_(ts_tree_cursor_goto_first_child(&cursor_)), owns_(true) {}
    iterator(const iterator&) = delete;
    iterator& operator=(const iterator&) = delete;
    ~iterator() {
      if (owns_) detail::release_cursor(cursor_);
    }
    TSNode operator*() const { return ts_tree_cursor_current_node(&cursor_); }
    iterator& operator++() { valid_ = ts_tree_cursor_goto_next_sibling(&cursor_); return *this; }
    bool operator!=(const iterator& other) const { return valid_ != other.valid_; }
    // The field name of the current child, or null.
    const char* field_name() const { return ts_tree_cursor_current_field_name(&cursor_); }

   private:
    mutable TSTreeCursor cursor_{};
    bool valid_ = false;
    bool owns_ = false;
  };
  explicit Children(TSNode n) : node_(n) {}
  iterator begin() const { return iterator(node_); }
  iterator end() const { return iterator(); }

 private:
  TSNode node_;
};

inline Children children(TSNode n) { return Children(n); }

// kind() and is() of a null node (a missing field, no first child) are undefined in
// tree-sitter; these say "" and false.
inline std::string_view kind_of(TSNode n) { return ts_node_is_null(n) ? std::string_view() : kind(n); }
inline bool is_a(TSNode n, std::string_view k) { return !ts_node_is_null(n) && kind(n) == k; }

inline uint32_t start_of(TSNode n) { return ts_node_start_byte(n); }
inline uint32_t end_of(TSNode n) { return ts_node_end_byte(n); }

// A child that is part of the syntax: named, and not a comment (comments are extras).
inline bool is_named_child(TSNode c) { return ts_node_is_named(c) && !ts_node_is_extra(c); }

template <class F>
void for_each_named_child(TSNode n, F&& f) {
  for (TSNode c : children(n)) {
    if (is_named_child(c)) f(c);
  }
}

// The named children of a node (comments left out).
inline std::vector<TSNode> named_children(TSNode n) {
  std::vector<TSNode> out;
  for (TSNode c : children(n)) {
    if (is_named_child(c)) out.push_back(c);
  }
  return out;
}

inline TSNode first_named_child(TSNode n) {
  for (TSNode c : children(n)) {
    if (is_named_child(c)) return c;
  }
  return TSNode{};
}

inline size_t named_child_count(TSNode n) {
  size_t count = 0;
  for (TSNode c : children(n)) count += is_named_child(c) ? 1 : 0;
  return count;
}

}  // namespace lint

namespace lint {

// The expression inside any number of parentheses: Ruff's ranges exclude them.
inline TSNode unparenthesized(TSNode n) {
  while (!ts_node_is_null(n) && is(n, "parenthesized_expression")) {
    TSNode inner{};
    bool found = false;
    for (TSNode c : children(n)) {
      if (ts_node_is_named(c) && !ts_node_is_extra(c)) {
        inner = c;
        found = true;
        break;
      }
    }
    if (!found) break;
    n = inner;
  }
  return n;
}

// Literals whose value is known without running the code (tuples of them included).
inline bool is_constant(TSNode n) {
  n = unparenthesized(n);
  const std::string_view k = kind(n);
  if (k == "string" || k == "concatenated_string") {
    // f-strings are computed at run time.
    for (TSNode c : children(n)) {
      if (is(c, "string")) {
        for (TSNode p : children(c)) if (is(p, "interpolation")) return false;
      } else if (is(c, "interpolation")) {
        return false;
      }
    }
    return true;
  }
  if (k == "integer" || k == "float" || k == "true" || k == "false" || k == "none" || k == "ellipsis") return true;
  if (k == "tuple") {
    for (TSNode c : children(n)) {
      if (ts_node_is_named(c) && !ts_node_is_extra(c) && !is_constant(c)) return false;
    }
    return true;
  }
  return false;
}

inline bool is_singleton(TSNode n) {
  n = unparenthesized(n);
  const std::string_view k = kind(n);
  return k == "true" || k == "false" || k == "none" || k == "ellipsis";
}

// ---------------------------------------------------------------------------------------------
// String literals.

// The letters before a literal's opening quote (`rb`, `f`, `u`, ...).
inline std::string_view literal_prefix(std::string_view literal) {
  size_t i = 0;
  while (i < literal.size() && literal[i] != '"' && literal[i] != '\'') ++i;
  return literal.substr(0, i);
}

inline bool prefix_contains(std::string_view prefix, char lower) {
  for (char c : prefix) {
    if (c == lower || c == lower - ('a' - 'A')) return true;
  }
  return false;
}

// A `string` node that is neither bytes nor an f-string (nor a t-string).
inline bool is_plain_str_part(TSNode part, std::string_view source) {
  const uint32_t start = ts_node_start_byte(part);
  const uint32_t end = ts_node_end_byte(part);
  const std::string_view prefix = literal_prefix(source.substr(start, end - start));
  return !prefix_contains(prefix, 'b') && !prefix_contains(prefix, 'f') && !prefix_contains(prefix, 't');
}

// Whether `n` (already unparenthesized) is what Ruff calls a string literal: a `str` literal or an
// implicit concatenation of them. Bytes and f-strings are other kinds of expressions to Ruff.
inline bool is_str_literal(TSNode n, std::string_view source) {
  const std::string_view k = kind(n);
  if (k == "string") return is_plain_str_part(n, source);
  if (k != "concatenated_string") return false;
  bool any = false;
  for (TSNode part : children(n)) {
    if (!is(part, "string")) continue;
    if (!is_plain_str_part(part, source)) return false;
    any = true;
  }
  return any;
}

}  // namespace lint
