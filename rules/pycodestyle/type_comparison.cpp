#include <algorithm>
#include <array>
#include <limits>
#include <unordered_map>
#include <vector>

#include "pycodestyle/comparisons.h"

namespace lint::rules {

namespace {

constexpr std::string_view kDoc = R"(## What it does
Checks for `==` and `!=` comparisons in which one side is a type: a call of the builtin `type()`
or the name of a builtin class such as `int`, `str` or `ValueError`.

## Why is this bad?
Comparing types with `==` rarely says what is meant. To ask whether an object is of a given kind,
`isinstance()` is the tool: it also accepts instances of subclasses. To ask whether an object's
type is exactly a given class, compare the class objects by identity with `is` or `is not`, which
cannot be affected by a metaclass overriding `__eq__`.

Libraries that overload `==`, such as NumPy, can make `is` behave differently from `==`; NumPy
dtypes (`x.dtype`, `numpy.dtype(...)`) are therefore not reported.

## Example
```python
if type(value) == int:
    handle_int(value)
if type(a) != type(b):
    raise TypeError
```

Use instead:
```python
if isinstance(value, int):
    handle_int(value)
if type(a) is not type(b):
    raise TypeError
```
)";

// The names Ruff recognizes as builtin classes (sorted, for binary search).
constexpr std::array<std::string_view, 92> kBuiltinClasses = {
    "ArithmeticError", "AssertionError", "AttributeError", "BaseException", "BlockingIOError",
    "BrokenPipeError", "BufferError", "BytesWarning", "ChildProcessError", "ConnectionAbortedError",
    "ConnectionError", "ConnectionRefusedError", "ConnectionResetError", "DeprecationWarning",
    "EOFError", "EnvironmentError", "Exception", "FileExistsError", "FileNotFoundError",
    "FloatingPointError", "FutureWarning", "GeneratorExit", "IOError", "ImportError", "ImportWarning",
    "IndentationError", "IndexError", "InterruptedError", "IsADirectoryError", "KeyError",
    "KeyboardInterrupt", "LookupError", "MemoryError", "ModuleNotFoundError", "NameError",
    "NotADirectoryError", "NotImplementedError", "OSError", "OverflowError",
    "PendingDeprecationWarning", "PermissionError", "ProcessLookupError", "RecursionError",
    "ReferenceError", "ResourceWarning", "RuntimeError", "RuntimeWarning", "StopAsyncIteration",
    "StopIteration", "SyntaxError", "SyntaxWarning", "SystemError", "SystemExit", "TabError",
    "TimeoutError", "TypeError", "UnboundLocalError", "UnicodeDecodeError", "UnicodeEncodeError",
    "UnicodeError", "UnicodeTranslateError", "UnicodeWarning", "UserWarning", "ValueError", "Warning",
    "ZeroDivisionError", "bool", "bytearray", "bytes", "classmethod", "complex", "dict", "enumerate",
    "filter", "float", "frozenset", "int", "list", "map", "memoryview", "object", "property", "range",
    "reversed", "set", "slice", "staticmethod", "str", "super", "tuple", "type", "zip",
};

bool is_builtin_class_name(std::string_view name) {
  return std::binary_search(kBuiltinClasses.begin(), kBuiltinClasses.end(), name);
}

constexpr uint32_t kNever = std::numeric_limits<uint32_t>::max();
constexpr uint32_t kNone = std::numeric_limits<uint32_t>::max();

// Ruff decides whether a name refers to the builtin with its semantic model, which visits the
// module in order but defers function and lambda bodies until the whole enclosing scope has been
// visited. This rule approximates it: it records the scopes and the bindings the tree shows,
// keeps the comparisons that need a name resolved, and resolves them once the walk is over.
//
// Every step is bounded for deeply nested code: finding the scope of a position looks at one or
// two scopes, and resolution skips, through a memo, the scopes that do not bind the name.
class TypeComparison final : public Rule {
 public:
  void enter(TSNode node, Context& ctx) override {
    if (scopes_.empty()) push_scope(ScopeKind::Module, kNone, 0, kNever, ctx.root());
    const std::string_view k = kind(node);
    if (k == "comparison_operator") {
      comparison(node, ctx);
    } else if (k == "function_definition") {
      const uint32_t outer = scope_at(ts_node_start_byte(node));
      bind_name(outer, field(node, "name"), ts_node_end_byte(node), ctx);
      const TSNode body = field(node, "body");
      const uint32_t inner = push_scope(ScopeKind::Function, outer, ts_node_start_byte(body), ts_node_end_byte(body), node);
      parameters(inner, field(node, "parameters"), ctx);
    } else if (k == "lambda") {
      const TSNode body = field(node, "body");
      if (ts_node_is_null(body)) return;
      const uint32_t outer = scope_at(ts_node_start_byte(node));
      const uint32_t inner = push_scope(ScopeKind::Lambda, outer, ts_node_start_byte(body), ts_node_end_byte(body), node);
      parameters(inner, field(node, "parameters"), ctx);
    } else if (k == "class_definition") {
      const uint32_t outer = scope_at(ts_node_start_byte(node));
      bind_name(outer, field(node, "name"), ts_node_end_byte(node), ctx);
      const TSNode body = field(node, "body");
      push_scope(ScopeKind::Class, outer, ts_node_start_byte(body), ts_node_end_byte(body), node);
    } else if (k == "list_comprehension" || k == "set_comprehension" || k == "dictionary_comprehension" ||
               k == "generator_expression") {
      comprehension(node, ctx);
    } else if (k == "assignment") {
      // An annotation without a value binds nothing Ruff would resolve to.
      if (ts_node_is_null(field(node, "right"))) return;
      bind_targets(scope_at(ts_node_start_byte(node)), field(node, "left"), ts_node_end_byte(node), ctx);
    } else if (k == "augmented_assignment") {
      bind_targets(scope_at(ts_node_start_byte(node)), field(node, "left"), ts_node_end_byte(node), ctx);
    } else if (k == "for_statement") {
      const TSNode right = field(node, "right");
      const uint32_t pos = ts_node_is_null(right) ? ts_node_end_byte(node) : ts_node_end_byte(right);
      bind_targets(scope_at(ts_node_start_byte(node)), field(node, "left"), pos, ctx);
    } else if (k == "with_item") {
      const TSNode value = field(node, "value");
      if (!is(value, "as_pattern")) return;
      bind_targets(scope_at(ts_node_start_byte(node)), field(value, "alias"), ts_node_end_byte(node), ctx);
    } else if (k == "except_clause" || k == "except_group_clause") {
      except_clause(node, ctx);
    } else if (k == "named_expression") {
      // `:=` in a comprehension binds in the enclosing scope.
      const uint32_t s = scopes_[scope_at(ts_node_start_byte(node))].assign_scope;
      bind_name(s, field(node, "name"), ts_node_end_byte(node), ctx);
    } else if (k == "import_statement" || k == "import_from_statement") {
      import_names(node, ctx);
    } else if (k == "if_statement" || k == "while_statement" || k == "match_statement") {
      ++conditional_;
    } else if (k == "delete_statement") {
      // Ruff does not model a `del` on a conditional branch.
      if (conditional_ > 0) return;
      bind_targets(scope_at(ts_node_start_byte(node)), node, ts_node_end_byte(node), ctx, EventKind::Delete);
    } else if (k == "type_alias_statement") {
      const TSNode left = field(node, "left");
      if (ts_node_is_null(left)) return;
      for (TSNode c : children(left)) {
        if (is(c, "identifier")) bind_name(scope_at(ts_node_start_byte(node)), c, ts_node_end_byte(node), ctx);
      }
    } else if (k == "case_clause") {
      case_clause(node, ctx);
    }
  }

  void leave(TSNode node, Context&) override {
    const std::string_view k = kind(node);
    if (k == "if_statement" || k == "while_statement" || k == "match_statement") {
      --conditional_;
      return;
    }
    if (open_.size() > 1 && ts_node_eq(scopes_[open_.back()].node, node)) open_.pop_back();
  }

  void finish(Context& ctx) override;

 private:
  enum class ScopeKind : uint8_t { Module, Function, Lambda, Class, Comprehension };
  enum class EventKind : uint8_t { Bind, Delete, Except, Import, FromImport, SubmoduleImport };

  struct Scope {
    ScopeKind kind;
    uint32_t parent;  // kNone for the module
    uint32_t depth;
    // Depth of the nearest function or lambda scope on the way out (this one included), or -1:
    // scopes above it are complete when code in this scope is checked.
    int64_t function_depth;
    uint32_t assign_scope;  // where `:=` binds: the nearest scope that is not a comprehension
    uint32_t element_pos;   // comprehensions: code inside is checked after all their clauses
    // Positions inside [inner_start, inner_end) belong to the scope, except those in
    // [hole_start, hole_end) (a comprehension's first iterable, evaluated outside it).
    uint32_t inner_start, inner_end;
    uint32_t hole_start, hole_end;
    TSNode node;
  };

  struct Event {
    uint32_t scope;
    std::string_view name;
    uint32_t pos;             // the binding is seen by code checked after this byte
    uint32_t until = kNever;  // an `except ... as name` binding ends with its clause
    EventKind kind;
    TSNode target{};          // imports: the imported dotted name (the module of a from-import)
    TSNode member{};          // from-imports: the imported name
  };

  struct Candidate {
    TSNode comparison;
    uint32_t scope;
    uint32_t pos;
  };

  // How a name resolves at a point of the code.
  struct Resolution {
    enum { Builtin, Unbound, Binding } what;
    const Event* event = nullptr;
  };

  uint32_t push_scope(ScopeKind kind, uint32_t parent, uint32_t inner_start, uint32_t inner_end, TSNode node) {
    const auto id = static_cast<uint32_t>(scopes_.size());
    Scope s{kind, parent, 0, -1, id, inner_end, inner_start, inner_end, 0, 0, node};
    if (parent != kNone) {
      const Scope& p = scopes_[parent];
      s.depth = p.depth + 1;
      s.function_depth = p.function_depth;
      if (kind == ScopeKind::Comprehension) {
        s.assign_scope = p.assign_scope;
        if (p.kind == ScopeKind::Comprehension) s.element_pos = std::max(s.element_pos, p.element_pos);
      }
    }
    if (kind == ScopeKind::Function || kind == ScopeKind::Lambda) s.function_depth = s.depth;
    scopes_.push_back(s);
    open_.push_back(id);
    return id;
  }

  bool contains(const Scope& s, uint32_t pos) const {
    return pos >= s.inner_start && pos < s.inner_end && !(pos >= s.hole_start && pos < s.hole_end);
  }

  // The scope that the code at `pos` (inside the innermost open scope's node) is evaluated in:
  // that scope, or, for its header (parameters, decorators, bases, first iterable), its parent.
  uint32_t scope_at(uint32_t pos) const {
    const uint32_t top = open_.back();
    return contains(scopes_[top], pos) || scopes_[top].parent == kNone ? top : scopes_[top].parent;
  }

  void add(uint32_t scope, TSNode name, uint32_t pos, Context& ctx, EventKind kind = EventKind::Bind) {
    events_.push_back(Event{scope, ctx.text(name), pos, kNever, kind});
  }

  void bind_name(uint32_t scope, TSNode name, uint32_t pos, Context& ctx) {
    if (!ts_node_is_null(name) && is(name, "identifier")) add(scope, name, pos, ctx);
  }

  static std::string_view kind_of(TSNode n) { return ts_node_is_named(n) && !ts_node_is_extra(n) ? kind(n) : ""; }

  // Binds every name of an assignment target (`a`, `a, (b, *c)`, `[a, b]`...), not the names
  // inside attributes or subscripts. Walks with a cursor: targets may nest deeply.
  void bind_targets(uint32_t scope, TSNode target, uint32_t pos, Context& ctx, EventKind kind = EventKind::Bind) {
    if (ts_node_is_null(target)) return;
    if (is(target, "identifier")) {
      add(scope, target, pos, ctx, kind);
      return;
    }
    TSTreeCursor cursor = ts_tree_cursor_new(target);
    if (ts_tree_cursor_goto_first_child(&cursor)) {
      uint32_t depth = 1;
      for (;;) {
        const TSNode c = ts_tree_cursor_current_node(&cursor);
        const std::string_view k = kind_of(c);
        bool descend = false;
        if (k == "identifier") {
          add(scope, c, pos, ctx, kind);
        } else if (k == "pattern_list" || k == "tuple_pattern" || k == "list_pattern" || k == "list_splat_pattern" ||
                   k == "parenthesized_expression" || k == "tuple" || k == "list" || k == "expression_list" ||
                   k == "as_pattern_target") {
          descend = true;
        }
        if (descend && ts_tree_cursor_goto_first_child(&cursor)) {
          ++depth;
          continue;
        }
        bool done = false;
        while (!ts_tree_cursor_goto_next_sibling(&cursor)) {
          if (--depth == 0 || !ts_tree_cursor_goto_parent(&cursor)) {
            done = true;
            break;
          }
        }
        if (done) break;
      }
    }
    ts_tree_cursor_delete(&cursor);
  }

  void parameters(uint32_t scope, TSNode params, Context& ctx) {
    if (ts_node_is_null(params)) return;
    for (TSNode p : children(params)) {
      const std::string_view k = kind_of(p);
      if (k == "identifier") {
        add(scope, p, 0, ctx);
      } else if (k == "default_parameter" || k == "typed_default_parameter") {
        bind_name(scope, field(p, "name"), 0, ctx);
      } else if (k == "typed_parameter" || k == "list_splat_pattern" || k == "dictionary_splat_pattern") {
        for (TSNode c : children(p)) {
          const std::string_view ck = kind_of(c);
          if (ck == "identifier") {
            add(scope, c, 0, ctx);
            break;
          }
          if (ck == "list_splat_pattern" || ck == "dictionary_splat_pattern") {
            for (TSNode g : children(c)) {
              if (is(g, "identifier")) add(scope, g, 0, ctx);
            }
            break;
          }
        }
      }
    }
  }

  void comprehension(TSNode node, Context& ctx) {
    const uint32_t outer = scope_at(ts_node_start_byte(node));
    const uint32_t inner = push_scope(ScopeKind::Comprehension, outer, ts_node_start_byte(node), ts_node_end_byte(node), node);
    bool first = true;
    for (TSNode c : children(node)) {
      if (!is(c, "for_in_clause")) continue;
      const TSNode right = field(c, "right");
      if (first && !ts_node_is_null(right)) {
        scopes_[inner].hole_start = ts_node_start_byte(right);
        scopes_[inner].hole_end = ts_node_end_byte(c);
      }
      first = false;
      bind_targets(inner, field(c, "left"), ts_node_end_byte(c), ctx);
    }
  }

  void except_clause(TSNode node, Context& ctx) {
    for (TSNode c : children(node)) {
      if (!is(c, "as_pattern")) continue;
      const TSNode alias = field(c, "alias");
      if (ts_node_is_null(alias)) return;
      for (TSNode n : children(alias)) {
        if (!is(n, "identifier")) continue;
        events_.push_back(Event{scope_at(ts_node_start_byte(node)), ctx.text(n), ts_node_end_byte(c),
                                ts_node_end_byte(node), EventKind::Except});
      }
      return;
    }
  }

  void import_names(TSNode node, Context& ctx) {
    const uint32_t scope = scope_at(ts_node_start_byte(node));
    const uint32_t pos = ts_node_end_byte(node);
    const bool from = is(node, "import_from_statement");
    TSNode module{};
    if (from) {
      module = field(node, "module_name");
      // Relative imports resolve against the package, which is not known here.
      if (ts_node_is_null(module) || !is(module, "dotted_name")) return;
    }
    for (auto it = children(node).begin(); it != children(node).end(); ++it) {
      const char* f = it.field_name();
      if (f == nullptr || std::string_view(f) != "name") continue;
      const TSNode name = *it;
      TSNode dotted = name, alias{};
      if (is(name, "aliased_import")) {
        dotted = field(name, "name");
        alias = field(name, "alias");
      }
      if (ts_node_is_null(dotted) || !is(dotted, "dotted_name")) continue;
      Event e{scope, {}, pos, kNever, EventKind::Import};
      if (from) {
        e.kind = EventKind::FromImport;
        e.target = module;
        e.member = dotted;
        e.name = ctx.text(ts_node_is_null(alias) ? dotted : alias);
      } else if (!ts_node_is_null(alias)) {
        e.target = dotted;
        e.name = ctx.text(alias);
      } else {
        // `import a.b.c` binds `a`.
        e.target = dotted;
        e.kind = ts_node_named_child_count(dotted) > 1 ? EventKind::SubmoduleImport : EventKind::Import;
        e.name = ctx.text(ts_node_named_child(dotted, 0));
      }
      events_.push_back(e);
    }
  }

  void case_clause(TSNode node, Context& ctx) {
    const uint32_t scope = scope_at(ts_node_start_byte(node));
    for (TSNode c : children(node)) {
      if (!is(c, "case_pattern")) continue;
      const uint32_t pos = ts_node_end_byte(c);
      // Capture patterns: a lone name under a case_pattern or after `key=`, the name after `as`,
      // the name of a star pattern. Literal and value patterns bind nothing.
      auto capture = [&](TSNode name) {
        if (is(name, "dotted_name")) {
          if (ts_node_named_child_count(name) != 1) return;
          name = ts_node_named_child(name, 0);
        }
        if (is(name, "identifier") && ctx.text(name) != "_") add(scope, name, pos, ctx);
      };
      TSTreeCursor cursor = ts_tree_cursor_new(c);
      uint32_t depth = 0;
      for (;;) {
        const TSNode n = ts_tree_cursor_current_node(&cursor);
        const std::string_view k = kind_of(n);
        if (k == "case_pattern" || k == "keyword_pattern") {
          for (TSNode g : children(n)) {
            if (is(g, "dotted_name")) capture(g);
          }
        } else if (k == "as_pattern" || k == "splat_pattern") {
          for (TSNode g : children(n)) {
            if (is(g, "identifier")) capture(g);
          }
        }
        const bool descend = !k.empty() && k != "string" && k != "dotted_name";
        if (descend && ts_tree_cursor_goto_first_child(&cursor)) {
          ++depth;
          continue;
        }
        bool done = depth == 0;
        while (!done && !ts_tree_cursor_goto_next_sibling(&cursor)) {
          if (--depth == 0 || !ts_tree_cursor_goto_parent(&cursor)) done = true;
        }
        if (done) break;
      }
      ts_tree_cursor_delete(&cursor);
    }
  }

  // Keeps a comparison when one of its `==` / `!=` links has a side that may be a type: a
  // builtin class name or a call (of `type`, possibly through an import of `builtins`).
  void comparison(TSNode node, Context& ctx) {
    bool maybe = false;
    for_each_link(node, [&](TSNode left, TSNode op, TSNode right, size_t) {
      const CmpOp o = cmp_op(op);
      if (maybe || (o != CmpOp::Eq && o != CmpOp::NotEq)) return;
      maybe = may_be_type(unparenthesized(left), ctx) || may_be_type(unparenthesized(right), ctx);
    });
    if (!maybe) return;
    const uint32_t scope = scope_at(ts_node_start_byte(node));
    uint32_t pos = ts_node_end_byte(node);
    if (scopes_[scope].kind == ScopeKind::Comprehension) pos = std::max(pos, scopes_[scope].element_pos);
    candidates_.push_back(Candidate{node, scope, pos});
  }

  static bool may_be_type(TSNode n, Context& ctx) {
    const std::string_view k = kind(n);
    return k == "call" || (k == "identifier" && is_builtin_class_name(ctx.text(n)));
  }

  uint32_t name_id(std::string_view name) const;
  uint32_t nearest_binding_scope(uint32_t scope, uint32_t name);
  Resolution resolve(std::string_view name, uint32_t scope, uint32_t pos);
  bool is_type(TSNode n, const Candidate& c, Context& ctx);
  bool is_dtype(TSNode n, const Candidate& c, Context& ctx);
  // Whether `expr` (a name or attribute chain) resolves to `module.member`.
  bool resolves_to(TSNode expr, std::string_view module, std::string_view member, const Candidate& c, Context& ctx);

  static uint64_t key(uint32_t name, uint32_t scope) { return (static_cast<uint64_t>(name) << 32) | scope; }

  std::vector<Scope> scopes_;
  std::vector<uint32_t> open_;
  std::vector<Event> events_;
  std::vector<Candidate> candidates_;
  uint32_t conditional_ = 0;  // enclosing if / while / match statements

  // Built by finish(): the events sorted by (name, scope, position); the distinct names; for each
  // (name, scope) that binds, its run of sorted events; the memo of nearest binding scopes.
  std::vector<uint32_t> sorted_;
  std::vector<std::string_view> names_;
  std::unordered_map<uint64_t, std::pair<uint32_t, uint32_t>> runs_;
  std::unordered_map<uint64_t, uint32_t> nearest_;
  std::vector<uint32_t> path_;
};

uint32_t TypeComparison::name_id(std::string_view name) const {
  const auto it = std::lower_bound(names_.begin(), names_.end(), name);
  return it != names_.end() && *it == name ? static_cast<uint32_t>(it - names_.begin()) : kNone;
}

// The innermost scope, from `scope` outwards, that binds the name somewhere (kNone if none).
uint32_t TypeComparison::nearest_binding_scope(uint32_t scope, uint32_t name) {
  path_.clear();
  uint32_t found = kNone;
  for (uint32_t s = scope; s != kNone; s = scopes_[s].parent) {
    if (runs_.count(key(name, s))) {
      found = s;
      break;
    }
    if (const auto memo = nearest_.find(key(name, s)); memo != nearest_.end()) {
      found = memo->second;
      break;
    }
    path_.push_back(s);
  }
  for (uint32_t s : path_) nearest_.emplace(key(name, s), found);
  return found;
}

TypeComparison::Resolution TypeComparison::resolve(std::string_view name, uint32_t scope, uint32_t pos) {
  const uint32_t id = name_id(name);
  if (id == kNone) return {Resolution::Builtin, nullptr};
  const Scope& from = scopes_[scope];
  for (uint32_t s = nearest_binding_scope(scope, id); s != kNone;) {
    const Scope& sc = scopes_[s];
    // Class scopes are seen only from their own body, not from nested scopes.
    if (!(sc.kind == ScopeKind::Class && s != scope)) {
      // Past a function boundary the enclosing scope has been visited completely.
      const uint32_t limit = from.function_depth > static_cast<int64_t>(sc.depth) ? kNever : pos;
      const auto [begin, end] = runs_.at(key(id, s));
      // The last event before the limit, skipping `except` bindings whose clause has ended.
      auto it = std::lower_bound(sorted_.begin() + begin, sorted_.begin() + end, limit,
                                 [&](uint32_t e, uint32_t p) { return events_[e].pos < p; });
      while (it != sorted_.begin() + begin) {
        const Event& e = events_[*--it];
        if (e.kind == EventKind::Except && limit > e.until) continue;
        return {e.kind == EventKind::Delete ? Resolution::Unbound : Resolution::Binding, &e};
      }
    }
    s = sc.parent == kNone ? kNone : nearest_binding_scope(sc.parent, id);
  }
  return {Resolution::Builtin, nullptr};
}

bool TypeComparison::resolves_to(TSNode expr, std::string_view module, std::string_view member, const Candidate& c,
                                 Context& ctx) {
  // The attributes after the head name, innermost last (a few at most matter).
  std::array<std::string_view, 4> tail{};
  size_t n = 0;
  TSNode cur = unparenthesized(expr);
  while (is(cur, "attribute")) {
    if (n == tail.size()) return false;
    tail[n++] = ctx.text(field(cur, "attribute"));
    cur = unparenthesized(field(cur, "object"));
  }
  if (!is(cur, "identifier")) return false;
  const Resolution r = resolve(ctx.text(cur), c.scope, c.pos);
  if (r.what == Resolution::Builtin) {
    // A builtin resolves to `builtins.<name>`, and attributes of it to nothing of interest.
    return n == 0 && module == "builtins" && ctx.text(cur) == member;
  }
  if (r.what != Resolution::Binding) return false;
  // The qualified name: the imported path, then the attributes.
  std::array<std::string_view, 2> path{};
  size_t len = 0;
  auto push = [&](std::string_view seg) {
    if (len < path.size()) path[len] = seg;
    ++len;
  };
  auto push_dotted = [&](TSNode dotted, size_t limit) {
    size_t taken = 0;
    for (TSNode id : children(dotted)) {
      if (!is(id, "identifier")) continue;
      if (taken++ == limit) break;
      push(ctx.text(id));
    }
  };
  const Event& e = *r.event;
  switch (e.kind) {
    case EventKind::Import:
      push_dotted(e.target, ~size_t{0});
      break;
    case EventKind::SubmoduleImport:  // `import a.b` binds `a`, the module `a`
      push_dotted(e.target, 1);
      break;
    case EventKind::FromImport:
      push_dotted(e.target, ~size_t{0});
      push_dotted(e.member, ~size_t{0});
      break;
    default:
      return false;
  }
  for (size_t i = n; i-- > 0;) push(tail[i]);
  return len == 2 && path[0] == module && path[1] == member;
}

bool TypeComparison::is_type(TSNode n, const Candidate& c, Context& ctx) {
  n = unparenthesized(n);
  if (is(n, "call")) return resolves_to(field(n, "function"), "builtins", "type", c, ctx);
  if (is(n, "identifier")) {
    const std::string_view name = ctx.text(n);
    return is_builtin_class_name(name) && resolve(name, c.scope, c.pos).what == Resolution::Builtin;
  }
  return false;
}

bool TypeComparison::is_dtype(TSNode n, const Candidate& c, Context& ctx) {
  n = unparenthesized(n);
  if (is(n, "call")) return resolves_to(field(n, "function"), "numpy", "dtype", c, ctx);
  if (is(n, "attribute")) return ctx.text(field(n, "attribute")) == "dtype";
  return false;
}

void TypeComparison::finish(Context& ctx) {
  if (candidates_.empty()) return;
  sorted_.resize(events_.size());
  for (uint32_t i = 0; i < sorted_.size(); ++i) sorted_[i] = i;
  std::sort(sorted_.begin(), sorted_.end(), [&](uint32_t a, uint32_t b) {
    const Event &x = events_[a], &y = events_[b];
    if (x.name != y.name) return x.name < y.name;
    if (x.scope != y.scope) return x.scope < y.scope;
    return x.pos < y.pos;
  });
  for (size_t i = 0; i < sorted_.size();) {
    const Event& first = events_[sorted_[i]];
    if (names_.empty() || names_.back() != first.name) names_.push_back(first.name);
    size_t j = i + 1;
    while (j < sorted_.size() && events_[sorted_[j]].name == first.name && events_[sorted_[j]].scope == first.scope) ++j;
    runs_.emplace(key(static_cast<uint32_t>(names_.size() - 1), first.scope),
                  std::pair<uint32_t, uint32_t>(static_cast<uint32_t>(i), static_cast<uint32_t>(j)));
    i = j;
  }
  for (const Candidate& c : candidates_) {
    for_each_link(c.comparison, [&](TSNode left, TSNode op, TSNode right, size_t) {
      const CmpOp o = cmp_op(op);
      if (o != CmpOp::Eq && o != CmpOp::NotEq) return;
      if (!is_type(left, c, ctx) && !is_type(right, c, ctx)) return;
      if (is_dtype(left, c, ctx) || is_dtype(right, c, ctx)) return;
      report(ctx, c.comparison, "Use `is` and `is not` for type comparisons, or `isinstance()` for isinstance checks");
    });
  }
}

}  // namespace

extern const RuleSpec type_comparison{
    .code = "E721",
    .name = "type-comparison",
    .linter = "pycodestyle",
    .kinds = {"comparison_operator", "function_definition", "lambda", "class_definition", "list_comprehension",
              "set_comprehension", "dictionary_comprehension", "generator_expression", "assignment",
              "augmented_assignment", "for_statement", "with_item", "except_clause", "except_group_clause",
              "named_expression", "import_statement", "import_from_statement", "delete_statement",
              "if_statement", "while_statement", "match_statement",
              "type_alias_statement", "case_clause"},
    .doc = kDoc,
    .create = make_rule<TypeComparison>(),
};

}  // namespace lint::rules
