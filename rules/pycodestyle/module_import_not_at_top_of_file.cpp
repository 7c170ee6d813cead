#include <algorithm>
#include <initializer_list>
#include <string>
#include <unordered_map>
#include <vector>

#include "engine/rule.h"

namespace lint::rules {

namespace {

constexpr std::string_view kDoc = R"(## What it does
Checks for module-level imports that come after other module-level code.

## Why is this bad?
[PEP 8] puts imports at the top of a module, after its docstring and comments and before its
globals and constants. A reader then sees every dependency in one place, and no code runs before
the imports it might rely on.

Some statements may sit among the imports without ending the import block: a module
docstring, assignments to dunder names such as `__all__` or `__version__`, `if`, `try`, `with`
and `match` blocks (and anything inside them), `sys.path` and `os.environ` modifications
(`sys.path.insert(...)`, `sys.path += [...]`, `site.addsitedir(...)`, `os.environ["KEY"] = ...`, `os.putenv(...)`, ...),
`matplotlib.use(...)` and `pytest.importorskip(...)`. Imports nested in a block are not checked.

## Example
```python
"""Tools for reports."""
DEFAULT_WIDTH = 80
import textwrap
```

Use instead:
```python
"""Tools for reports."""
import textwrap

DEFAULT_WIDTH = 80
```

## Fix availability
The help line suggests moving the import to the top of the file (of the cell, in a notebook),
but no fix is offered: Ruff makes one only in its preview mode, and it would be unsafe anyway,
since moving an import changes when the imported module's code runs.

[PEP 8]: https://peps.python.org/pep-0008/#imports
)";

bool named_child(TSNode n, TSNode& out) {
  int count = 0;
  for (TSNode c : children(n)) {
    if (ts_node_is_extra(c)) continue;
    if (!ts_node_is_named(c) || ++count > 1) return false;
    out = c;
  }
  return count == 1;
}

bool is_dunder(std::string_view id) { return id.size() >= 2 && id.starts_with("__") && id.ends_with("__"); }

class ModuleImportNotAtTopOfFile final : public Rule {
 public:
  // Only dispatched for a module without syntax errors, as Ruff checks only files that parse.
  void enter(TSNode node, Context& ctx) override { scan_module(node, ctx); }

 private:
  // --- names bound at module level before the import boundary ---------------------------------

  std::string_view text(TSNode n) const {
    const uint32_t s = ts_node_start_byte(n);
    return src_.substr(s, ts_node_end_byte(n) - s);
  }

  // `a.b.c` from a dotted_name node, without any spacing inside it.
  std::string dotted(TSNode n) const {
    std::string out;
    for (TSNode c : children(n)) {
      if (!is(c, "identifier")) continue;
      if (!out.empty()) out += '.';
      out += text(c);
    }
    return out;
  }

  TSNode first_identifier(TSNode dotted_name) const {
    for (TSNode c : children(dotted_name)) {
      if (is(c, "identifier")) return c;
    }
    return dotted_name;
  }

  void bind(TSNode name, std::string qualified) { bindings_[text(name)] = std::move(qualified); }
  void unbind(TSNode name) {
    if (!bindings_.empty()) {
      auto it = bindings_.find(text(name));
      if (it != bindings_.end()) it->second.clear();
    }
  }

  void bind_import(TSNode stmt) {
    const std::string_view k = kind(stmt);
    if (k == "import_statement") {
      for (auto it = children(stmt).begin(); it != children(stmt).end(); ++it) {
        const char* f = it.field_name();
        if (f == nullptr || std::string_view(f) != "name") continue;
        TSNode n = *it;
        if (is(n, "aliased_import")) {
          bind(field(n, "alias"), dotted(field(n, "name")));
        } else {
          // `import a.b` binds `a`, which resolves as the module `a`.
          TSNode head = first_identifier(n);
          bind(head, std::string(text(head)));
        }
      }
      return;
    }
    const bool future = k == "future_import_statement";
    std::string module;
    if (!future) {
      TSNode m = field(stmt, "module_name");
      // Relative imports never resolve to `sys`, `os`, ...: a leading dot keeps them apart.
      if (is(m, "relative_import")) {
        module.assign(1, '.');
        module += text(m);
      } else {
        module = dotted(m);
      }
    }
    for (auto it = children(stmt).begin(); it != children(stmt).end(); ++it) {
      const char* f = it.field_name();
      if (f == nullptr || std::string_view(f) != "name") continue;
      TSNode n = *it;
      TSNode bound = is(n, "aliased_import") ? field(n, "alias") : first_identifier(n);
      TSNode imported = is(n, "aliased_import") ? field(n, "name") : n;
      if (future) {
        bind(bound, std::string());
      } else {
        std::string q = module;
        q += '.';
        q += dotted(imported);
        bind(bound, std::move(q));
      }
    }
  }

  // Forgets the names bound by an assignment target.
  void unbind_targets(TSNode target) {
    stack_.clear();
    stack_.push_back(target);
    while (!stack_.empty()) {
      TSNode n = stack_.back();
      stack_.pop_back();
      const std::string_view k = kind(n);
      if (k == "identifier") {
        unbind(n);
      } else if (k == "pattern_list" || k == "tuple_pattern" || k == "list_pattern" || k == "list_splat_pattern" ||
                 k == "parenthesized_expression" || k == "tuple" || k == "list" || k == "expression_list" ||
                 k == "list_splat" || k == "parenthesized_list_splat") {
        for (TSNode c : children(n)) {
          if (ts_node_is_named(c) && !ts_node_is_extra(c)) stack_.push_back(c);
        }
      }
    }
  }

  // Records the bindings made by the statements nested in a module-level `if`/`try`/`with`/
  // `match` (they are in the module's scope), in document order. Function and class bodies are
  // other scopes and are not entered.
  void collect_nested_bindings(TSNode stmt) {
    TSTreeCursor cursor = ts_tree_cursor_new(stmt);
    for (;;) {
      TSNode n = ts_tree_cursor_current_node(&cursor);
      bool descend = false;
      const std::string_view k = kind(n);
      if (k == "import_statement" || k == "import_from_statement" || k == "future_import_statement") {
        bind_import(n);
      } else if (k == "expression_statement") {
        TSNode child;
        if (named_child(n, child)) {
          if (is(child, "assignment")) {
            for (TSNode a = child; !ts_node_is_null(a) && is(a, "assignment"); a = field(a, "right")) {
              if (!ts_node_is_null(field(a, "type")) && ts_node_is_null(field(a, "right"))) break;  // `x: int`
              unbind_targets(field(a, "left"));
            }
          } else if (is(child, "augmented_assignment")) {
            unbind_targets(field(child, "left"));
          }
        }
      } else if (k == "function_definition" || k == "class_definition") {
        unbind(field(n, "name"));
      } else if (k == "decorated_definition") {
        TSNode def = field(n, "definition");
        if (!ts_node_is_null(def)) unbind(field(def, "name"));
      } else if (k == "delete_statement") {
        for (TSNode c : children(n)) {
          if (ts_node_is_named(c) && !ts_node_is_extra(c)) unbind_targets(c);
        }
      } else if (k == "for_statement") {
        unbind_targets(field(n, "left"));
        descend = true;
      } else if (k == "if_statement" || k == "elif_clause" || k == "else_clause" || k == "try_statement" ||
                 k == "except_clause" || k == "finally_clause" ||
                 k == "with_statement" || k == "match_statement" || k == "case_clause" || k == "while_statement" ||
                 k == "block") {
        descend = true;
      }
      if (descend && ts_tree_cursor_goto_first_child(&cursor)) continue;
      bool done = false;
      while (!ts_tree_cursor_goto_next_sibling(&cursor)) {
        if (!ts_tree_cursor_goto_parent(&cursor)) {
          done = true;
          break;
        }
      }
      if (done) break;
    }
    ts_tree_cursor_delete(&cursor);
  }

  // --- resolving `a.b.c` to the module path it names ----------------------------------------

  // The qualified name of a `name.attr...` chain whose head is an import binding, or "".
  std::string resolve(TSNode n) {
    std::vector<std::string_view>& parts = parts_;
    parts.clear();
    n = unparenthesized(n);
    while (is(n, "attribute")) {
      parts.push_back(text(field(n, "attribute")));
      n = unparenthesized(field(n, "object"));
    }
    if (!is(n, "identifier")) return {};
    auto it = bindings_.find(text(n));
    if (it == bindings_.end() || it->second.empty()) return {};
    std::string out = it->second;
    for (auto p = parts.rbegin(); p != parts.rend(); ++p) {
      out += '.';
      out += *p;
    }
    return out;
  }

  std::string resolve_subscripted(TSNode n) {
    n = unparenthesized(n);
    if (is(n, "subscript")) n = field(n, "value");
    return resolve(n);
  }

  static bool one_of(std::string_view s, std::initializer_list<std::string_view> options) {
    for (std::string_view o : options) {
      if (s == o) return true;
    }
    return false;
  }

  // A statement that may come before imports without ending the import block.
  bool allowed_before_imports(TSNode stmt) {
    if (!is(stmt, "expression_statement") && !is(stmt, "delete_statement")) return false;
    if (is(stmt, "delete_statement")) {
      if (bindings_.empty()) return false;
      for (TSNode c : children(stmt)) {
        if (!ts_node_is_named(c) || ts_node_is_extra(c)) continue;
        if (is(c, "expression_list")) {
          for (TSNode t : children(c)) {
            if (ts_node_is_named(t) && !ts_node_is_extra(t) && resolve_subscripted(t) == "os.environ") return true;
          }
        } else if (resolve_subscripted(c) == "os.environ") {
          return true;
        }
      }
      return false;
    }
    TSNode value;
    if (!named_child(stmt, value)) return false;
    if (is(value, "assignment")) {
      if (!ts_node_is_null(field(value, "type"))) {
        // Annotated: `__version__: str = "1"`, `os.environ["A"]: str = "1"`.
        TSNode target = field(value, "left");
        if (is(target, "identifier") && is_dunder(text(target))) return true;
        return !bindings_.empty() && resolve_subscripted(target) == "os.environ";
      }
      TSNode right = field(value, "right");
      TSNode target = field(value, "left");
      if (!is(right, "assignment") && is(target, "identifier") && is_dunder(text(target))) return true;
      if (bindings_.empty()) return false;
      for (TSNode a = value; !ts_node_is_null(a) && is(a, "assignment"); a = field(a, "right")) {
        if (resolve_subscripted(field(a, "left")) == "os.environ") return true;
      }
      return false;
    }
    if (bindings_.empty()) return false;
    if (is(value, "augmented_assignment")) {
      const std::string q = resolve_subscripted(field(value, "left"));
      return q == "sys.path" || q == "os.environ";
    }
    value = unparenthesized(value);
    if (!is(value, "call")) return false;
    const std::string q = resolve(field(value, "function"));
    if (q.empty()) return false;
    return one_of(q, {"sys.path.append", "sys.path.insert", "sys.path.extend", "sys.path.remove", "sys.path.pop",
                      "sys.path.clear", "sys.path.reverse", "sys.path.sort", "os.putenv", "os.unsetenv",
                      "os.environ.update", "os.environ.pop", "os.environ.clear", "os.environ.setdefault",
                      "os.environ.popitem", "matplotlib.use", "pytest.importorskip", "site.addsitedir"});
  }

  bool is_docstring(TSNode stmt) const {
    TSNode value;
    if (!is(stmt, "expression_statement") || !named_child(stmt, value)) return false;
    value = unparenthesized(value);
    if (is(value, "string")) return plain_string(value);
    if (!is(value, "concatenated_string")) return false;
    for (TSNode c : children(value)) {
      if (is(c, "string") && !plain_string(c)) return false;
    }
    return true;
  }

  bool plain_string(TSNode s) const {
    for (TSNode c : children(s)) {
      if (is(c, "interpolation")) return false;
      if (is(c, "string_start")) {
        for (char ch : text(c)) {
          if (ch == 'f' || ch == 'F' || ch == 'b' || ch == 'B' || ch == 't' || ch == 'T') return false;
        }
      }
    }
    return true;
  }

  // --- the module's statements ------------------------------------------------------------------

  void scan_module(TSNode module, Context& ctx) {
    src_ = ctx.source();
    bool boundary = false;
    bool first = true;
    uint32_t last_end = 0;
    // In a notebook each cell has its own top: a new cell starts the imports over (Ruff).
    const std::vector<uint32_t>& cells = ctx.cell_offsets();
    for (TSNode stmt : children(module)) {
      if (ts_node_is_extra(stmt) || !ts_node_is_named(stmt)) continue;
      const std::string_view k = kind(stmt);
      const bool was_first = first;
      first = false;
      const uint32_t start = ts_node_start_byte(stmt);
      if (boundary && !cells.empty()) {
        auto next = std::upper_bound(cells.begin(), cells.end(), last_end);
        if (next != cells.end() && *next <= start) boundary = false;
      }
      last_end = ts_node_end_byte(stmt);
      if (k == "import_statement" || k == "import_from_statement" || k == "future_import_statement") {
        if (boundary) {
          // Ruff offers to move the import only in preview mode, which lint does not have: the
          // help line stays, without a fix.
          Diagnostic& d = report(ctx, stmt, ctx.is_notebook() ? "Module level import not at top of cell"
                                                              : "Module level import not at top of file");
          d.fix_title = ctx.is_notebook() ? "Move module level imports to top of cell"
                                          : "Move module level imports to top of file";
        } else {
          bind_import(stmt);
        }
        continue;
      }
      if (boundary) continue;
      if (was_first && is_docstring(stmt)) continue;
      if (k == "if_statement" || k == "try_statement" || k == "with_statement" || k == "match_statement") {
        collect_nested_bindings(stmt);
        continue;
      }
      if (allowed_before_imports(stmt)) continue;
      if (ctx.is_escape_command(start)) continue;  // `%matplotlib inline` and the like
      boundary = true;
    }
  }

  std::string_view src_;
  std::unordered_map<std::string_view, std::string> bindings_;
  std::vector<TSNode> stack_;
  std::vector<std::string_view> parts_;
};

}  // namespace

extern const RuleSpec module_import_not_at_top_of_file{
    .code = "E402",
    .name = "module-import-not-at-top-of-file",
    .linter = "pycodestyle",
    .kinds = {"module"},
    .doc = kDoc,
    .create = make_rule<ModuleImportNotAtTopOfFile>(),
    .fix = FixAvailability::Sometimes,
};

}  // namespace lint::rules
