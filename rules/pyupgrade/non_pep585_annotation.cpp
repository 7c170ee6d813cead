#include <algorithm>
#include <cctype>
#include <cstdint>
#include <memory>
#include <unordered_set>
#include <string>
#include <string_view>
#include <vector>

#include "engine/rule.h"
#include "fix/importer.h"
#include "pyflakes/string_values.h"
#include "pyupgrade/pep585.h"
#include "pyupgrade/semantic.h"
#include "pyupgrade/syntax.h"
#include "syntax/syntax.h"

namespace lint::rules {

namespace {

constexpr std::string_view kDoc = R"(## What it does
Checks for `typing` aliases of standard collections (`typing.List`, `typing.Dict`,
`typing.Deque`...) where the collection itself can be subscripted (PEP 585).

## Why is this bad?
Since Python 3.9, `list[int]`, `dict[str, int]` and `collections.deque[int]` are valid: the
`typing` aliases are deprecated duplicates that need an import of their own.

The rule runs when the target version is 3.9 or later, and on 3.7 and 3.8 for annotations in a
module with `from __future__ import annotations` (unless `keep-runtime-typing` is set).

## Example
```python
from typing import List

def total(values: List[int]) -> int:
    ...
```

Use instead:
```python
def total(values: list[int]) -> int:
    ...
```

## Fix safety
The fix is unsafe when the target version is older than 3.10: libraries that evaluate
annotations at runtime (Pydantic, for one) may not accept the new spelling there.
)";

using up::pep585_replacement;
using Replacement = up::Pep585Replacement;

bool is_alias_name(std::string_view s) {
  return s == "Dict" || s == "FrozenSet" || s == "List" || s == "Set" || s == "Tuple" || s == "Type" ||
         s == "Deque" || s == "DefaultDict";
}

// Whether the node sits in an annotation (of a parameter, a return or an assignment).
bool in_annotation(TSNode n) {
  for (TSNode p = ts_node_parent(n); !ts_node_is_null(p); p = ts_node_parent(p)) {
    const std::string_view k = kind(p);
    if (k == "type") return true;
    if (k == "function_definition" || k == "class_definition" || k == "block" || k == "module" ||
        k == "lambda" || k == "expression_statement") {
      return false;
    }
  }
  return false;
}

class NonPep585Annotation final : public Rule {
 public:
  explicit NonPep585Annotation(const RuleOptions& options) : keep_runtime_typing_(options.boolean("keep-runtime-typing")) {}

  void enter(TSNode node, Context& ctx) override {
    if (!screened_) {
      screened_ = true;
      possible_ = ctx.source().find("typing") != std::string_view::npos;
    }
    if (!possible_) return;
    if (is(node, "type")) {
      // Annotations holding a string: their complex strings are read in finish(). A `type`
      // nested in one already kept is walked with it.
      if (start_of(node) >= types_end_ && ctx.text(node).find_first_of("\"'") != std::string_view::npos) {
        types_.push_back(node);
        types_end_ = end_of(node);
      }
      return;
    }
    if (is(node, "identifier")) {
      names_.push_back(node);
    } else if (is_alias_name(ctx.text(field(node, "attribute")))) {
      candidates_.push_back(node);
    }
  }

  void finish(Context& ctx) override {
    const SemanticModel* m = ctx.semantic();
    if (!m) return;
    const int minor = ctx.target_minor();
    if (minor < 9 && (!m->future_annotations || keep_runtime_typing_)) {
      if (!m->is_stub) return;
    }
    // Names that some import binds to an alias (under any name).
    std::vector<std::string_view> aliases;
    for (const Binding& b : m->bindings) {
      Replacement r;
      if (b.kind == BindingKind::FromImport && pep585_replacement(b.qualified_name, r)) aliases.push_back(b.name);
    }
    for (TSNode n : names_) {
      for (std::string_view a : aliases) {
        if (ctx.text(n) == a) {
          candidates_.push_back(n);
          break;
        }
      }
    }
    string_annotations(*m, ctx);
    const up::Resolver resolve(*m, ctx);
    resolve_ = &resolve;
    for (TSNode t : types_) walk(t, Origin{ctx.source(), 0, false, 0, 0, start_of(t)}, false);
    std::vector<Item> items;
    for (TSNode n : candidates_) {
      Replacement r;
      if (!pep585_replacement(resolve.qualified(n), r)) continue;
      // Ruff flags attributes in every context, names only where they are read.
      if (is(n, "identifier") && resolve.reference(n) == nullptr) continue;
      if (minor < 9 && !m->is_stub && !in_annotation(n)) continue;
      items.push_back({start_of(n), end_of(n), r, {}, true});
    }
    for (const Span& s : in_strings_) items.push_back({s.start, s.end, s.r, {}, true});
    for (Item& it : in_complex_strings_) items.push_back(std::move(it));
    std::stable_sort(items.begin(), items.end(), [](const Item& a, const Item& b) { return a.start < b.start; });
    Importer importer(ctx, resolve.model());
    for (const Item& it : items) {
      std::string to(it.r.module);
      if (!to.empty()) to += '.';
      to += it.r.member;
      std::string from = it.from;
      if (it.fixable) {
        for (char c : ctx.source().substr(it.start, it.end - it.start)) {
          if (c != ' ' && c != '\t' && c != '\\' && c != '\n' && c != '\r') from += c;
        }
      }
      Diagnostic& d = report(ctx, it.start, it.end, "Use `" + to + "` instead of `" + from + "` for type annotation");
      d.fix_title = "Replace with `" + to + "`";
      // A name in a complex string (concatenated, or with escapes) has no place of its own in
      // the file: it is reported at the whole string, without a fix.
      if (!it.fixable) continue;
      const std::optional<ImportedSymbol> symbol = it.r.module.empty()
                                                           ? importer.builtin_symbol(it.r.member, it.start)
                                                           : importer.symbol_at({it.r.module, it.r.member, true}, it.start);
      if (!symbol) continue;
      std::vector<Edit> edits{Edit::replace(it.start, it.end, symbol->name)};
      if (symbol->edit) edits.push_back(*symbol->edit);
      d.fix = minor >= 10 ? Fix::safe(std::move(edits)) : Fix::unsafe(std::move(edits));
    }
  }

 private:
  struct Item {
    uint32_t start, end;
    Replacement r;
    std::string from;  // names in complex strings: the name as written
    bool fixable = true;
  };

  // The text a walked tree comes from: the file, or a string annotation's value parsed on its
  // own. Nodes of a simple string's tree are `shift` bytes before the file's text they stand
  // for; every node of a complex string's tree stands for the string itself (`fixed_*`).
  struct Origin {
    std::string_view text;
    int64_t shift = 0;
    bool complex = false;
    uint32_t fixed_start = 0, fixed_end = 0;
    uint32_t at = 0;  // where its names are looked up
  };

  std::string_view text_of(TSNode n, const Origin& o) const {
    return o.text.substr(ts_node_start_byte(n), ts_node_end_byte(n) - ts_node_start_byte(n));
  }

  // A type expression, for the strings in it. Names are checked only in complex strings: those
  // of the file and of simple strings are the semantic model's references (above).
  void walk(TSNode root, const Origin& o, bool literal) {
    std::vector<std::pair<TSNode, bool>> stack;
    stack.emplace_back(root, literal);
    while (!stack.empty()) {
      const auto [n0, lit] = stack.back();
      stack.pop_back();
      const TSNode n = up::expr_of(n0);
      if (ts_node_is_null(n)) continue;
      const std::string_view k = kind(n);
      if (k == "string" || k == "concatenated_string") {
        if (!lit) nested_string(n, o);
        continue;
      }
      if (k == "identifier" || k == "attribute") {
        const std::string q = qualified(n, o);
        if (!q.empty()) {
          Replacement r;
          if (o.complex && pep585_replacement(q, r)) {
            in_complex_strings_.push_back({o.fixed_start, o.fixed_end, r, std::string(text_of(n, o)), false});
          }
          continue;
        }
        if (k == "attribute") stack.emplace_back(field(n, "object"), lit);
        continue;
      }
      if (k == "lambda") continue;
      if (k == "call") {
        // Arguments of calls are values here (typing's type-taking calls aside, not followed).
        stack.emplace_back(field(n, "function"), lit);
        continue;
      }
      if (k == "subscript" || k == "generic_type") {
        const up::Subscript sub = up::as_subscript(n);
        if (!sub) continue;
        const std::string q = qualified(sub.value, o);
        std::vector<TSNode> elements = sub.elements;
        bool literal_elements = lit;
        if (resolve_->is_typing_member(q, "Literal")) {
          literal_elements = true;
        } else if (resolve_->is_typing_member(q, "Annotated")) {
          // Only the first element is a type; the metadata are values.
          if (elements.size() == 1 && is(up::expr_of(elements[0]), "tuple")) elements = named_children(up::expr_of(elements[0]));
          if (elements.size() > 1) elements.erase(elements.begin() + 1, elements.end());
        }
        for (auto it = elements.rbegin(); it != elements.rend(); ++it) stack.emplace_back(*it, literal_elements);
        stack.emplace_back(sub.value, lit);
        continue;
      }
      const std::vector<TSNode> kids = named_children(n);
      for (auto it = kids.rbegin(); it != kids.rend(); ++it) stack.emplace_back(*it, lit);
    }
  }

  // The qualified name of a name or attribute chain of a walked tree ("" when it is none or
  // comes from no import).
  std::string qualified(TSNode n, const Origin& o) const {
    if (!o.complex && o.shift == 0) return resolve_->qualified(n);
    return resolve_->qualified_in(n, o.text, o.at);
  }

  // A string in a type expression: parsed as one, and walked.
  void nested_string(TSNode n, const Origin& o) {
    std::string value;
    const std::vector<TSNode> parts = up::string_parts(n);
    if (parts.empty()) return;
    bool escapes = false;
    uint32_t content = 0;
    for (TSNode part : parts) {
      const std::string_view t = text_of(part, o);
      if (up::string_kind(t) != up::StringKind::Str) return;
      const std::string_view prefix = up::string_prefix(t);
      const bool raw = up::prefix_has(prefix, 'r');
      const std::string_view body = up::string_body(t);
      escapes |= !raw && body.find('\\') != std::string_view::npos;
      decode_string_body(body, raw, false, false, value);
      content = static_cast<uint32_t>(ts_node_start_byte(part) + prefix.size() + up::string_quote(t).size());
    }
    if (value.empty() || depth_ > 8) return;
    // Ruff reads a one-part string without escapes in place; any other as a whole.
    const bool simple = !o.complex && parts.size() == 1 && !escapes;
    Origin inner;
    inner.complex = !simple;
    inner.at = o.at;
    if (o.complex) {
      inner.fixed_start = o.fixed_start;
      inner.fixed_end = o.fixed_end;
    } else {
      inner.fixed_start = static_cast<uint32_t>(ts_node_start_byte(n) + o.shift);
      inner.fixed_end = static_cast<uint32_t>(ts_node_end_byte(n) + o.shift);
    }
    auto source = std::make_unique<std::string>("(");
    *source += value;
    *source += "\n)";
    // `(` stands one byte before the value: node offsets + shift are the file's.
    inner.shift = simple ? static_cast<int64_t>(content) + o.shift - 1 : 0;
    if (!parser_) parser_ = std::make_unique<Parser>();
    Tree tree = parser_->parse(*source);
    const TSNode root = ts_tree_root_node(tree.get());
    if (ts_node_has_error(root)) return;
    const std::vector<TSNode> stmts = named_children(root);
    if (stmts.size() != 1 || !is(stmts[0], "expression_statement")) return;
    const TSNode expr = first_named_child(stmts[0]);
    if (ts_node_is_null(expr)) return;
    inner.text = *source;
    sources_.push_back(std::move(source));
    trees_.push_back(std::move(tree));
    ++depth_;
    walk(expr, inner, false);
    --depth_;
  }

  // Names read in string annotations (`x: "List[int]"`), which the walk does not visit: the
  // semantic model's references that no identifier node starts at, with the `.member` chain
  // that follows them.
  void string_annotations(const SemanticModel& m, const Context& ctx) {
    std::unordered_set<uint32_t> starts;
    for (TSNode n : names_) starts.insert(ts_node_start_byte(n));
    const std::string_view src = ctx.source();
    const up::Resolver resolve(m, ctx);
    for (const Reference& r : m.references) {
      if (!(r.flags & kAnnotationLoad) || starts.contains(r.start) || r.binding < 0) continue;
      const Binding& b = m.bindings[static_cast<size_t>(r.binding)];
      if (!is_import(b.kind)) continue;
      std::string q = b.qualified_name;
      uint32_t end = r.end;
      Replacement rep;
      while (!pep585_replacement(q, rep) && end < src.size() && src[end] == '.') {
        uint32_t e = end + 1;
        while (e < src.size() && (std::isalnum(static_cast<unsigned char>(src[e])) || src[e] == '_')) ++e;
        if (e == end + 1) break;
        q += src.substr(end, e - end);
        end = e;
      }
      if (pep585_replacement(q, rep)) in_strings_.push_back({r.start, end, rep});
    }
  }

  bool keep_runtime_typing_;
  const up::Resolver* resolve_ = nullptr;
  std::vector<TSNode> types_;
  uint32_t types_end_ = 0;
  std::vector<Item> in_complex_strings_;
  std::unique_ptr<Parser> parser_;
  std::vector<Tree> trees_;
  std::vector<std::unique_ptr<std::string>> sources_;
  int depth_ = 0;
  struct Span {
    uint32_t start, end;
    Replacement r;
  };
  std::vector<Span> in_strings_;
  bool screened_ = false;
  bool possible_ = false;
  std::vector<TSNode> names_;
  std::vector<TSNode> candidates_;
};

}  // namespace

extern const RuleSpec non_pep585_annotation{
    .code = "UP006",
    .name = "non-pep585-annotation",
    .linter = "pyupgrade",
    .kinds = {"identifier", "attribute", "type"},
    .doc = kDoc,
    .create = make_rule<NonPep585Annotation>(),
    .needs_semantic = true,
    .options = {{"keep-runtime-typing", RuleOption::Type::Bool, "false",
                 "Whether to keep `typing` spellings on Python 3.7 and 3.8 in modules with `from __future__ import annotations`, for code that evaluates annotations at runtime."}},
    .fix = FixAvailability::Sometimes,
};

}  // namespace lint::rules
