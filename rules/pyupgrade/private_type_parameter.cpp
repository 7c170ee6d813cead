#include "engine/rule.h"
#include "pyupgrade/semantic.h"
#include "semantic/lookup.h"
#include "syntax/identifier.h"

namespace lint::rules {

namespace {

constexpr std::string_view kDoc = R"(## What it does
Checks for PEP 695 type parameters of generic classes and functions whose names start with an
underscore (`def first[_T](items: list[_T]) -> _T`).

## Why is this bad?
A type parameter exists only inside its class or function already: the underscore marks nothing
private and makes the signature harder to read. Names that also end with an underscore (`_T_`,
`__T__`, `_`) are not private names and are left alone.

## Example
```python
class Stack[_T]:
    items: list[_T]


def first[_T](items: list[_T]) -> _T:
    return items[0]
```

Use instead:
```python
class Stack[T]:
    items: list[T]


def first[T](items: list[T]) -> T:
    return items[0]
```

## Fix availability
The fix renames the parameter and its uses. It is not offered when the name without underscores
is a keyword, a builtin, no identifier at all (`_1`), or a name already visible where the
parameter is defined or used. When a use is spelled differently (inside a string with escapes),
the fix is shown but not applied.
)";

class PrivateTypeParameter final : public Rule {
 public:
  // Strings with escapes that could spell a private name: Ruff parses such a string annotation
  // too (the model does not), and its names' uses span the whole string.
  void enter(TSNode node, Context& ctx) override {
    const std::string_view t = ctx.text(node);
    if (t.find('\\') == std::string_view::npos) return;
    if (t.find('_') == std::string_view::npos && t.find("5f") == std::string_view::npos &&
        t.find("5F") == std::string_view::npos && t.find("137") == std::string_view::npos) {
      return;
    }
    escaped_.push_back(node);
  }

  void finish(Context& ctx) override {
    const SemanticModel* m = ctx.semantic();
    if (!m) return;
    for (uint32_t id = 0; id < m->bindings.size(); ++id) {
      const Binding& b = m->bindings[id];
      if (b.kind != BindingKind::TypeParam) continue;
      check(id, *m, ctx);
    }
  }

 private:
  void check(uint32_t id, const SemanticModel& m, Context& ctx) {
    const Binding& b = m.bindings[id];
    const Scope& scope = m.scopes[b.scope];
    if (scope.kind != ScopeKind::TypeParams || ts_node_is_null(scope.node)) return;
    const TSNode def = scope.node;
    const bool is_class = is(def, "class_definition");
    if (!is_class && !is(def, "function_definition")) return;
    const std::string_view old_name = b.name;
    if (!old_name.starts_with('_') || old_name.ends_with('_')) return;
    Diagnostic& d = report(ctx, b.start, b.end,
                           std::string("Generic ") + (is_class ? "class" : "function") + " uses private type parameters");
    d.fix_title = "Rename type parameter to remove leading underscores";

    const std::string_view new_name = old_name.substr(old_name.find_first_not_of('_'));
    if (is_python_keyword(new_name) || is_python_builtin(new_name, ctx.target_minor())) return;
    if (ctx.is_notebook() && (new_name == "display" || new_name == "get_ipython")) return;
    if (!available(m, new_name, b.scope)) return;
    // Ruff resolves a forward reference to the module's binding of the name when there is one
    // (PEP 563), so those uses are not the parameter's there.
    const auto global = m.scopes[0].names.find(old_name);
    const bool global_bound =
        global != m.scopes[0].names.end() && m.bindings[global->second].kind != BindingKind::Deletion;
    std::vector<const Reference*> uses;
    for (const Reference& r : m.references) {
      if (r.binding != static_cast<int32_t>(id)) continue;
      if (global_bound && is_forward_reference(r, m, ctx)) continue;
      if (!available(m, new_name, r.scope)) return;
      uses.push_back(&r);
    }
    // Uses inside string annotations with escapes, which the fix cannot rename in place.
    std::vector<TSNode> spelled;
    for (TSNode str : escaped_) {
      if (start_of(str) < start_of(def) || end_of(str) > end_of(def)) continue;
      if (global_bound || !is_type_string(str, ctx) || !names(decoded(str, ctx), old_name)) continue;
      if (lookup_symbol(m, ctx.root(), old_name, start_of(str)) != &b) continue;
      if (!available(m, new_name, m.scope_at(start_of(str)))) return;
      spelled.push_back(str);
    }
    if (!is_python_identifier(new_name)) return;

    std::vector<Edit> edits{Edit::replace(b.start, b.end, std::string(new_name))};
    bool respelled = false;
    for (const Reference* r : uses) {
      respelled |= ctx.source().substr(r->start, r->end - r->start) != old_name;
      Edit e = Edit::replace(r->start, r->end, std::string(new_name));
      if (std::find(edits.begin(), edits.end(), e) == edits.end()) edits.push_back(std::move(e));
    }
    for (TSNode str : spelled) {
      respelled = true;
      edits.push_back(Edit::replace(start_of(str), end_of(str), std::string(new_name)));
    }
    d.fix = Fix::with(respelled ? Applicability::DisplayOnly : Applicability::Safe, std::move(edits));
    d.fix->isolate(start_of(def) + 1);
  }

  // Ruff's forward references: names in a string annotation, and in a typing-only annotation
  // that `from __future__ import annotations` or a stub file defers.
  static bool is_forward_reference(const Reference& r, const SemanticModel& m, const Context& ctx) {
    const TSNode at = ts_node_descendant_for_byte_range(ctx.root(), r.start, r.end);
    if (ts_node_is_null(at)) return false;
    if (!is(at, "identifier")) return is(at, "string_content") || is(at, "string");
    if (!(m.is_stub || m.future_annotations) || !(r.flags & kAnnotationLoad)) return false;
    TSNode cur = at;
    for (TSNode p = ts_node_parent(cur); !ts_node_is_null(p); cur = p, p = ts_node_parent(p)) {
      const std::string_view k = kind(p);
      if (k == "type") {
        const TSNode owner = ts_node_parent(p);
        if (ts_node_is_null(owner)) return false;
        const std::string_view o = kind(owner);
        if (o == "typed_parameter" || o == "typed_default_parameter") return true;
        if (o == "function_definition") return ts_node_eq(field(owner, "return_type"), p);
        if (o == "assignment") return ts_node_eq(field(owner, "type"), p);
        continue;
      }
      // `type_parameter` is also the bracketed part of a `generic_type` (`list[T]`).
      if (k == "type_parameter" && !is(ts_node_parent(p), "generic_type")) return false;
      if (k == "call" || k == "type_alias_statement" || k == "block" || k == "module" ||
          k == "lambda") {
        return false;
      }
    }
    return false;
  }

  // A string read as a type: an annotation (or a part of one, outside `Literal[...]`), or the
  // type `cast()` is given.
  static bool is_type_string(TSNode str, const Context& ctx) {
    TSNode cur = str;
    for (TSNode p = ts_node_parent(cur); !ts_node_is_null(p); cur = p, p = ts_node_parent(p)) {
      const std::string_view k = kind(p);
      if (k == "type") return true;
      if (k == "argument_list") {
        const TSNode call = ts_node_parent(p);
        const TSNode first = ts_node_named_child(p, 0);
        if (ts_node_is_null(call) || !is(call, "call") || !ts_node_eq(first, cur)) return false;
        const std::string_view callee = ctx.text(field(call, "function"));
        return callee == "cast" || callee.ends_with(".cast");
      }
      if (k == "subscript" || k == "generic_type") {
        const TSNode value = is(p, "subscript") ? field(p, "value") : ts_node_named_child(p, 0);
        if (ctx.text(value).ends_with("Literal")) return false;
        continue;
      }
      if (k == "type_parameter" || k == "binary_operator" || k == "tuple" || k == "list" ||
          k == "parenthesized_expression" || k == "expression_list") {
        continue;
      }
      return false;
    }
    return false;
  }

  // The value of a plain (not bytes, not f-) string literal, escapes decoded.
  static std::string decoded(TSNode str, const Context& ctx) {
    std::string out;
    bool raw = false;
    for (TSNode c : children(str)) {
      if (is(c, "string_start")) {
        for (char ch : ctx.text(c)) {
          if (ch == 'r' || ch == 'R') raw = true;
          if (ch == 'b' || ch == 'B' || ch == 'f' || ch == 'F' || ch == 't' || ch == 'T') return "";
        }
      } else if (is(c, "string_content")) {
        uint32_t at = start_of(c);
        for (TSNode e : children(c)) {
          if (!is(e, "escape_sequence")) continue;
          out += ctx.text(c).substr(at - start_of(c), start_of(e) - at);
          const std::string_view esc = ctx.text(e);
          out += raw ? std::string(esc) : unescape(esc);
          at = end_of(e);
        }
        out += ctx.text(c).substr(at - start_of(c));
      }
    }
    return out;
  }

  static int digit(char d) {
    if (d >= '0' && d <= '9') return d - '0';
    if (d >= 'a' && d <= 'f') return d - 'a' + 10;
    if (d >= 'A' && d <= 'F') return d - 'A' + 10;
    return 0;
  }

  static std::string unescape(std::string_view esc) {
    if (esc.size() < 2) return std::string(esc);
    const char c = esc[1];
    uint32_t code = 0;
    if (c == 'x' || c == 'u' || c == 'U') {
      for (char d : esc.substr(2)) code = code * 16 + static_cast<uint32_t>(digit(d));
    } else if (c >= '0' && c <= '7') {
      for (char d : esc.substr(1)) code = code * 8 + static_cast<uint32_t>(digit(d));
    } else if (esc == "\\N{LOW LINE}") {
      return "_";
    } else {
      switch (c) {
        case '\\': return "\\";
        case '\'': return "'";
        case '"': return "\"";
        case 'n': return "\n";
        case 't': return "\t";
        case 'r': return "\r";
        default: return std::string(esc);
      }
    }
    std::string out;
    if (code > 0x10FFFF) return std::string(esc);
    if (code < 0x80) {
      out += static_cast<char>(code);
    } else if (code < 0x800) {
      out += static_cast<char>(0xC0 | (code >> 6));
      out += static_cast<char>(0x80 | (code & 0x3F));
    } else if (code < 0x10000) {
      out += static_cast<char>(0xE0 | (code >> 12));
      out += static_cast<char>(0x80 | ((code >> 6) & 0x3F));
      out += static_cast<char>(0x80 | (code & 0x3F));
    } else {
      out += static_cast<char>(0xF0 | (code >> 18));
      out += static_cast<char>(0x80 | ((code >> 12) & 0x3F));
      out += static_cast<char>(0x80 | ((code >> 6) & 0x3F));
      out += static_cast<char>(0x80 | (code & 0x3F));
    }
    return out;
  }

  // Whether `text` holds `name` as a whole identifier, outside quotes.
  static bool names(std::string_view text, std::string_view name) {
    const auto ident = [](char ch) {
      return (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9') || ch == '_' ||
             static_cast<unsigned char>(ch) >= 0x80;
    };
    char quote = 0;
    for (size_t i = 0; i < text.size(); ++i) {
      const char ch = text[i];
      if (quote) {
        if (ch == quote) quote = 0;
        continue;
      }
      if (ch == '\'' || ch == '"') {
        quote = ch;
        continue;
      }
      if (text.compare(i, name.size(), name) == 0 && (i == 0 || !ident(text[i - 1])) &&
          (i + name.size() == text.size() || !ident(text[i + name.size()]))) {
        return true;
      }
    }
    return false;
  }

  // Ruff's is_available_in_scope: nothing but a builtin binds `name` as seen from `scope`
  // (class scopes are seen only from their own body and from their methods' type parameters).
  static bool available(const SemanticModel& m, std::string_view name, uint32_t scope) {
    bool class_visible = true;
    int index = 0;
    for (int32_t s = static_cast<int32_t>(scope); s >= 0; s = m.scopes[s].parent, ++index) {
      const Scope& sc = m.scopes[s];
      if (sc.kind == ScopeKind::Class && !class_visible) continue;
      class_visible = sc.kind == ScopeKind::TypeParams && index == 0;
      const auto it = sc.names.find(name);
      if (it == sc.names.end()) continue;
      const Binding& found = m.bindings[it->second];
      if (found.kind == BindingKind::Annotation) continue;
      if (found.kind == BindingKind::Deletion) return true;
      return found.kind == BindingKind::Builtin;
    }
    return true;
  }

  std::vector<TSNode> escaped_;
};

}  // namespace

extern const RuleSpec private_type_parameter{
    .code = "UP049",
    .name = "private-type-parameter",
    .linter = "pyupgrade",
    .kinds = {"string"},
    .doc = kDoc,
    .create = make_rule<PrivateTypeParameter>(),
    .needs_semantic = true,
    .fix = FixAvailability::Sometimes,
};

}  // namespace lint::rules
