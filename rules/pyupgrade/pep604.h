// What UP007 and UP045 share: `Optional[X]` and `Union[X, Y]` found and rewritten as `X | None`
// and `X | Y`, the rewritten expression written as Ruff's code generator writes it (one line,
// one space around `|` and after commas, strings in the file's preferred quote).
#pragma once

#include <algorithm>
#include <cctype>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "engine/rule.h"
#include "pyupgrade/edits.h"
#include "pyupgrade/semantic.h"
#include "fix/stylist.h"
#include "pyupgrade/syntax.h"
#include "pyupgrade/typing_context.h"
#include "syntax/syntax.h"

namespace lint::rules::up {

enum class Pep604Op : uint8_t { Optional, Union };

// A small generator: the expression kinds type annotations hold. nullopt for anything else
// (the rule then offers no fix rather than a different one).
class TypeGenerator {
 public:
  TypeGenerator(const Context& ctx, Stylist& stylist) : ctx_(ctx), stylist_(stylist) {}

  // Precedence levels as Ruff's generator has them (only those these kinds need).
  static constexpr int kMin = 0, kBitOr = 39, kMax = 63;

  std::optional<std::string> expr(TSNode n, int level = kMin) {
    std::string out;
    if (!write(n, level, out)) return std::nullopt;
    return out;
  }

  // `a | b | ...`, as Ruff folds a list of elements into a left-nested BitOr chain.
  std::optional<std::string> union_of(const std::vector<TSNode>& elements, bool add_none) {
    std::string out;
    if (elements.empty()) return std::nullopt;
    for (size_t i = 0; i < elements.size(); ++i) {
      if (i > 0) out += " | ";
      // The first is the chain's leftmost operand; the others its right operands.
      if (!write(elements[i], i == 0 ? kBitOr : kBitOr + 1, out)) return std::nullopt;
    }
    if (add_none) out += " | None";
    return out;
  }

  // Ruff's pep_604_union: the elements folded into a left-nested `|` chain, where an element
  // that is a tuple is a union of its own (`Union[(a, b), c]` is `a | b | c`) and no element
  // at all is the empty tuple (`Union[()]` is `()`).
  bool union_chain(const std::vector<TSNode>& elements, int level, std::string& out) {
    if (elements.empty()) {
      out += "()";
      return true;
    }
    const bool paren = elements.size() > 1 && level > kBitOr;
    if (paren) out += '(';
    for (size_t i = 0; i < elements.size(); ++i) {
      if (i > 0) out += " | ";
      const int at = elements.size() == 1 ? level : i == 0 ? kBitOr : kBitOr + 1;
      const TSNode e = expr_of(elements[i]);
      if (is(e, "tuple") ? !union_chain(named_children(e), at, out) : !write(e, at, out)) return false;
    }
    if (paren) out += ')';
    return true;
  }

  bool write(TSNode n, int level, std::string& out) {
    n = expr_of(n);
    const std::string_view k = kind(n);
    if (k == "identifier" || k == "none" || k == "true" || k == "false" || k == "integer" || k == "float" ||
        k == "ellipsis") {
      const std::string_view t = ctx_.original(n);
      if (k == "ellipsis") {
        out += "...";
      } else {
        out += t;
      }
      return true;
    }
    if (k == "attribute") {
      const TSNode object = expr_of(field(n, "object"));
      if (is(object, "integer")) return false;
      if (!write(object, kMax, out)) return false;
      out += '.';
      out += ctx_.original(field(n, "attribute"));
      return true;
    }
    if (k == "subscript" || k == "generic_type") {
      const Subscript s = as_subscript(n);
      if (!s || !write(s.value, kMax, out)) return false;
      out += '[';
      if (s.elements.size() == 1 && is(expr_of(s.elements[0]), "tuple")) {
        // `X[(a, b)]`: Ruff writes the tuple's elements without parentheses.
        const std::vector<TSNode> items = named_children(expr_of(s.elements[0]));
        if (items.empty()) return false;
        if (!join(items, out)) return false;
        if (items.size() == 1) out += ',';
      } else {
        if (!join(s.elements, out)) return false;
      }
      out += ']';
      return true;
    }
    if (k == "binary_operator") {
      const TSNode op = field(n, "operator");
      if (ts_node_is_null(op) || !is(op, "|")) return false;
      const bool paren = level > kBitOr;
      if (paren) out += '(';
      if (!write(field(n, "left"), kBitOr, out)) return false;
      out += " | ";
      if (!write(field(n, "right"), kBitOr + 1, out)) return false;
      if (paren) out += ')';
      return true;
    }
    if (k == "list") {
      out += '[';
      if (!join(named_children(n), out)) return false;
      out += ']';
      return true;
    }
    if (k == "string") return write_string(n, out);
    if (k == "call") {
      const TSNode args = field(n, "arguments");
      if (!is(args, "argument_list")) return false;
      const std::vector<TSNode> items = named_children(args);
      for (TSNode a : items) {
        if (is(a, "keyword_argument") || is(a, "dictionary_splat")) return false;
      }
      if (!write(field(n, "function"), kMax, out)) return false;
      out += '(';
      if (!join(items, out)) return false;
      out += ')';
      return true;
    }
    return false;
  }

 private:
  bool join(const std::vector<TSNode>& items, std::string& out) {
    for (size_t i = 0; i < items.size(); ++i) {
      if (i > 0) out += ", ";
      if (is(items[i], "list_splat") || is(items[i], "slice")) return false;
      if (!write(items[i], kMin + 1, out)) return false;
    }
    return true;
  }

  // Ruff's generator keeps a string's own prefix and quotes; plain one-line strings only.
  bool write_string(TSNode n, std::string& out) {
    const std::string_view text = ctx_.original(n);
    const std::string_view prefix = string_prefix(text);
    for (char c : prefix) {
      if (c != 'u' && c != 'U') return false;
    }
    const std::string_view body = string_body(text);
    if (body.find('\\') != std::string_view::npos || body.find_first_of("\r\n") != std::string_view::npos) return false;
    (void)stylist_;
    out += text;
    return true;
  }

  const Context& ctx_;
  Stylist& stylist_;
};

// Whether a node sits in an annotation (a `type` node), stopping at statements.
inline bool in_annotation_node(TSNode n) {
  for (TSNode p = ts_node_parent(n); !ts_node_is_null(p); p = ts_node_parent(p)) {
    const std::string_view k = kind(p);
    if (k == "type") return true;
    if (k == "function_definition" || k == "class_definition" || k == "block" || k == "module" || k == "lambda" ||
        k == "expression_statement" || k == "decorator" || k == "argument_list") {
      return false;
    }
  }
  return false;
}

}  // namespace lint::rules::up

namespace lint::rules::up {

// The check both rules run, each for its own operator.
class Pep604Check {
 public:
  Pep604Check(Pep604Op op, bool keep_runtime_typing) : op_(op), keep_runtime_typing_(keep_runtime_typing) {}

  // Subscripts whose value could name `Optional` / `Union` (resolved in finish()).
  void enter(TSNode node, const Context& ctx) {
    if (is(node, "string")) {
      // Perhaps a type expression (see type_strings()).
      if (ctx.text(node).find(op_ == Pep604Op::Optional ? "Optional" : "Union") != std::string_view::npos) {
        string_candidates_.push_back(node);
      }
      return;
    }
    const TSNode value = is(node, "subscript") ? field(node, "value") : first_named_child(node);
    if (ts_node_is_null(value)) return;
    const std::string_view t = ctx.text(value);
    if (t.ends_with(op_ == Pep604Op::Optional ? "Optional" : "Union")) candidates_.push_back(node);
  }

  template <class Report>
  void finish(Context& ctx, Report report) {
    const SemanticModel* m = ctx.semantic();
    if (!m) return;
    type_strings(*m);
    if (candidates_.empty() && strings_.empty()) return;
    // Ruff looks for these only once the module imported `typing` or `typing_extensions`.
    if (!up::seen_typing(*m)) return;
    const Resolver resolve(*m, ctx);
    Stylist stylist(ctx);
    TypeGenerator gen(ctx, stylist);
    for (TSNode n : candidates_) check(n, false, ctx, resolve, gen, report);
    std::vector<TSNode> found;
    for (TSNode str : strings_) string_type(str, ctx, found, 0);
    std::stable_sort(found.begin(), found.end(), [](TSNode a, TSNode b) { return ts_node_start_byte(a) < ts_node_start_byte(b); });
    for (TSNode n : found) check(n, true, ctx, resolve, gen, report);
  }

  template <class Report>
  void check(TSNode n, bool in_string, Context& ctx, const Resolver& resolve, TypeGenerator& gen, Report& report) {
    const SemanticModel& m = resolve.model();
    const int minor = ctx.target_minor();
    const Subscript s = as_subscript(n);
    if (!s || !resolve.match_typing(s.value, op_ == Pep604Op::Optional ? "Optional" : "Union")) return;
    const std::vector<TSNode> elements = slice_elements(s);
    // `Union[()]` is reported (and rewritten as `()`), as Ruff does.
    if (elements.empty() && !slice_is_tuple(s)) return;
    // A starred element (`Union[*Ts]`) cannot be spelled with `|`; a quoted one (`Union["A", B]`,
    // also in a nested tuple) only where the annotation is never evaluated.
    if (any_element(s.elements, [](TSNode e) { return is(e, "list_splat") || is(e, "splat_type"); })) return;
    const bool quoted = any_element(s.elements, [](TSNode e) { return is(e, "string") || is(e, "concatenated_string"); });
    const bool annotation = in_string || in_annotation_node(n);
    const bool future = future_annotations_at(n, m);
    if (quoted && !in_string && !typing_only(n, annotation, future)) return;
    if (!(m.is_stub || minor >= 10 || (minor >= 7 && future && annotation && !keep_runtime_typing_))) {
      return;
    }
    // `Optional[NamedTuple]`, `Union[..., NamedTuple, ...]`: left alone.
    bool named_tuple = false;
    for (TSNode e : elements) named_tuple |= resolve.match_typing(e, "NamedTuple");
    if (named_tuple && (op_ == Pep604Op::Union || !slice_is_tuple(s))) return;
    Diagnostic& d = report(ctx, n);
    const bool fixable = (annotation || in_typing_subscript(n, resolve, ctx) || in_type_alias_value(n, resolve)) &&
                         allowed(s, elements) &&
                         !(op_ == Pep604Op::Optional && !slice_is_tuple(s) && is(expr_of(elements[0]), "none"));
    if (!fixable) return;
    std::optional<std::string> replacement =
        op_ == Pep604Op::Optional ? optional(s, elements, resolve, gen) : union_(s, elements, ctx, gen);
    if (!replacement) return;
    const std::string_view src = ctx.source();
    const uint32_t start = start_of(n), end = end_of(n);
    auto ident = [](char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; };
    if (start > 0 && ident(src[start - 1])) replacement->insert(0, " ");
    if (end < src.size() && ident(src[end])) *replacement += ' ';
    Edit edit = Edit::replace(start, end, std::move(*replacement));
    d.fix = minor >= 10 && !has_comment(n, start, end) ? Fix::safe({edit}) : Fix::unsafe({edit});
  }

 private:
  // The strings of the file that are type expressions (annotations, runtime type definitions such
  // as `cast("...", x)` and `X: TypeAlias = "..."`, arguments of generics): those the semantic
  // model read names in. Implicit concatenations are left alone, as Ruff leaves them.
  void type_strings(const SemanticModel& m) {
    if (string_candidates_.empty()) return;
    std::vector<uint32_t> reads;
    for (const Reference& r : m.references) {
      if (r.flags & kAnnotationLoad) reads.push_back(r.start);
    }
    std::sort(reads.begin(), reads.end());
    for (TSNode str : string_candidates_) {
      const auto it = std::lower_bound(reads.begin(), reads.end(), start_of(str));
      if (it == reads.end() || *it >= end_of(str)) continue;
      if (is_a(ts_node_parent(str), "concatenated_string")) continue;
      strings_.push_back(str);
    }
  }

  // A plain one-part string without escapes (its content keeps the file's offsets), parsed as
  // a type expression: its `Optional` / `Union` subscripts go to `found`, and so do those of the
  // strings nested in it (not in `Literal[...]` or `Annotated`'s metadata).
  void string_type(TSNode str, const Context& ctx, std::vector<TSNode>& found, int depth) {
    if (depth > 8) return;
    TSNode content{};
    int parts = 0;
    bool plain = true;
    for (TSNode c : children(str)) {
      if (is(c, "string_content")) {
        content = c;
        ++parts;
      } else if (is(c, "interpolation") || is(c, "escape_sequence")) {
        plain = false;
      } else if (is(c, "string_start")) {
        for (char ch : ctx.text(c)) plain &= ch == '"' || ch == '\'' || ch == 'u' || ch == 'U' || ch == 'r' || ch == 'R';
      }
    }
    if (!plain || parts != 1) return;
    const std::string_view body = ctx.text(content);
    if (body.find_first_of("\r\n") != std::string_view::npos) return;
    std::string padded(start_of(content), ' ');
    padded.append(body);
    if (!parser_) parser_ = std::make_unique<Parser>();
    Tree tree = parser_->parse(padded);
    const TSNode root = ts_tree_root_node(tree.get());
    if (ts_node_has_error(root)) return;
    const std::string_view name = op_ == Pep604Op::Optional ? "Optional" : "Union";
    std::vector<std::pair<TSNode, bool>> stack;
    stack.emplace_back(root, false);
    std::vector<TSNode> nested;
    while (!stack.empty()) {
      const auto [e, value] = stack.back();
      stack.pop_back();
      if (is(e, "string")) {
        if (!value) nested.push_back(e);
        continue;
      }
      bool literal = false, annotated = false;
      if (is(e, "subscript")) {
        const std::string_view t = ctx.text(field(e, "value"));
        if (t.ends_with(name)) found.push_back(e);
        literal = t.ends_with("Literal");
        annotated = t.ends_with("Annotated");
      }
      int named = 0;
      for (TSNode c : children(e)) {
        // `Annotated[T, metadata...]`: the value and T are types, the rest values.
        const bool is_named = is_named_child(c);
        stack.emplace_back(c, value || literal || (annotated && is_named && named >= 2));
        named += is_named;
      }
    }
    trees_.push_back(std::move(tree));
    for (TSNode n : nested) string_type(n, ctx, found, depth + 1);
  }

  // Ruff's slice as a list: the elements of a tuple slice, or the one element.
  static std::vector<TSNode> slice_elements(const Subscript& s) {
    if (s.elements.size() == 1 && is(expr_of(s.elements[0]), "tuple")) return named_children(expr_of(s.elements[0]));
    return s.elements;
  }
  static bool slice_is_tuple(const Subscript& s) {
    return s.multiple || (s.elements.size() == 1 && is(expr_of(s.elements[0]), "tuple"));
  }

  // Whether an element of the slice, or of a tuple in it (at any depth), satisfies `pred`.
  template <class Pred>
  static bool any_element(const std::vector<TSNode>& elements, Pred pred) {
    std::vector<TSNode> stack(elements.begin(), elements.end());
    while (!stack.empty()) {
      const TSNode e = expr_of(stack.back());
      stack.pop_back();
      if (is(e, "tuple")) {
        for (TSNode c : named_children(e)) stack.push_back(c);
      } else if (pred(e)) {
        return true;
      }
    }
    return false;
  }

  // Whether a forward reference here is never evaluated: an annotation under
  // `from __future__ import annotations`, or a local variable's annotation.
  static bool typing_only(TSNode n, bool annotation, bool future) {
    if (!annotation) return false;
    if (future) return true;
    for (TSNode p = ts_node_parent(n); !ts_node_is_null(p); p = ts_node_parent(p)) {
      const std::string_view k = kind(p);
      if (k == "assignment") {
        for (TSNode q = ts_node_parent(p); !ts_node_is_null(q); q = ts_node_parent(q)) {
          if (is(q, "function_definition")) return true;
          if (is(q, "class_definition")) return false;
        }
        return false;
      }
      if (k == "typed_parameter" || k == "typed_default_parameter" || k == "function_definition") return false;
    }
    return false;
  }

  // Ruff's standard-library generics (is_standard_library_generic, approximately): the
  // brackets of these hold type definitions even outside annotations.
  static bool is_generic(std::string_view q) {
    for (std::string_view m : {"typing.", "typing_extensions."}) {
      if (q.starts_with(m)) {
        const std::string_view member = q.substr(m.size());
        return member != "Literal" && member != "Annotated" && member != "Required" && member != "NotRequired" &&
               member != "ReadOnly" && member != "TypedDict";
      }
    }
    if (q.starts_with("collections.abc.")) return true;
    return q == "builtins.dict" || q == "builtins.frozenset" || q == "builtins.list" || q == "builtins.set" ||
           q == "builtins.tuple" || q == "builtins.type" || q == "collections.ChainMap" || q == "collections.Counter" ||
           q == "collections.OrderedDict" || q == "collections.defaultdict" || q == "collections.deque" ||
           q == "contextlib.AbstractAsyncContextManager" || q == "contextlib.AbstractContextManager" ||
           q == "re.Match" || q == "re.Pattern";
  }

  // Ruff's in_type_definition outside annotations: inside the brackets of the outermost
  // subscript of a standard-library generic, or the first argument of `typing.cast`.
  static bool in_typing_subscript(TSNode n, const Resolver& resolve, const Context& ctx) {
    TSNode child = n, outer{};
    for (TSNode p = ts_node_parent(n); !ts_node_is_null(p); child = p, p = ts_node_parent(p)) {
      const std::string_view k = kind(p);
      if (k == "subscript") {
        if (ts_node_eq(field(p, "value"), child)) break;
        outer = p;
        continue;
      }
      if (k == "tuple" || k == "parenthesized_expression" || k == "list" || k == "binary_operator") continue;
      if (k == "keyword_argument") {
        // `TypeVar("T", bound=...)`: the bound is a type definition.
        const TSNode call = ts_node_parent(ts_node_parent(p));
        return is(call, "call") && ctx.text(field(p, "name")) == "bound" &&
               resolve.match_typing(field(call, "function"), "TypeVar");
      }
      if (k == "argument_list" && ts_node_is_null(outer)) {
        const TSNode call = ts_node_parent(p);
        return is(call, "call") && ts_node_eq(first_named_child(p), child) &&
               resolve.match_typing(field(call, "function"), "cast");
      }
      break;
    }
    return !ts_node_is_null(outer) && is_generic(resolve.qualified(field(outer, "value")));
  }

  // The value of `X: TypeAlias = value` holds a type definition, evaluated at runtime.
  static bool in_type_alias_value(TSNode n, const Resolver& resolve) {
    TSNode child = n;
    for (TSNode p = ts_node_parent(n); !ts_node_is_null(p); child = p, p = ts_node_parent(p)) {
      const std::string_view k = kind(p);
      if (k == "assignment") {
        if (!ts_node_eq(field(p, "right"), child)) return false;
        const TSNode type = field(p, "type");
        return !ts_node_is_null(type) && resolve.match_typing(type, "TypeAlias");
      }
      if (k == "expression_statement" || k == "block" || k == "module" || k == "lambda" || k == "argument_list") {
        return false;
      }
    }
    return false;
  }

  // Ruff's is_allowed_value for the slice (a tuple's elements at any depth). A `slice` outside
  // annotations is a `constrained_type` (`int : float`) in them.
  static bool allowed(const Subscript& s, const std::vector<TSNode>& elements) {
    auto bad = [](TSNode e) {
      const std::string_view k = kind(e);
      return k == "named_expression" || k == "await" || k == "lambda" || k == "yield" || k == "list_splat" ||
             k == "splat_type" || k == "slice" || k == "constrained_type";
    };
    if (slice_is_tuple(s)) return !any_element(elements, bad);
    return !bad(expr_of(elements[0]));
  }

  std::optional<std::string> optional(const Subscript& s, const std::vector<TSNode>& elements, const Resolver& resolve,
                                      TypeGenerator& gen) const {
    if (slice_is_tuple(s)) return std::nullopt;
    TSNode inner = expr_of(elements[0]);
    for (;;) {
      const Subscript sub = as_subscript(inner);
      if (!sub || slice_is_tuple(sub) || sub.elements.size() != 1 || !resolve.match_typing(sub.value, "Optional")) break;
      inner = expr_of(sub.elements[0]);
    }
    if (is(inner, "binary_operator") && is(field(inner, "operator"), "|")) {
      std::vector<TSNode> leaves;
      std::vector<TSNode> stack{inner};
      while (!stack.empty()) {
        const TSNode e = expr_of(stack.back());
        stack.pop_back();
        if (is(e, "binary_operator") && is(field(e, "operator"), "|")) {
          stack.push_back(field(e, "right"));
          stack.push_back(field(e, "left"));
        } else if (!is(e, "none")) {
          leaves.push_back(e);
        }
      }
      if (leaves.empty()) return std::nullopt;
      return gen.union_of(leaves, true);
    }
    std::string out;
    if (!gen.write(inner, TypeGenerator::kBitOr, out)) return std::nullopt;
    return out + " | None";
  }

  static std::optional<std::string> union_(const Subscript& s, const std::vector<TSNode>& elements, const Context& ctx,
                                           TypeGenerator& gen) {
    if (slice_is_tuple(s)) {
      std::string out;
      if (!gen.union_chain(elements, TypeGenerator::kMin, out)) return std::nullopt;
      return out;
    }
    const TSNode e = elements[0];
    if (is(expr_of(e), "slice") || is(expr_of(e), "constrained_type")) return std::nullopt;
    const std::string_view inner = ctx.original(e);
    if (inner.find_first_of("\r\n") != std::string_view::npos) return "(" + std::string(inner) + ")";
    return std::string(inner);
  }

  Pep604Op op_;
  bool keep_runtime_typing_;
  std::vector<TSNode> candidates_;
  std::vector<TSNode> string_candidates_;
  std::vector<TSNode> strings_;
  std::unique_ptr<Parser> parser_;
  std::vector<Tree> trees_;  // the parsed strings, which `found` points into
};

// UP007 and UP045: the check above for one operator, reported with `shown` (`X | Y`).
class Pep604Rule : public Rule {
 public:
  Pep604Rule(Pep604Op op, const RuleOptions& options, std::string_view shown)
      : check_(op, options.boolean("keep-runtime-typing")), shown_(shown) {}
  void enter(TSNode node, Context& ctx) override { check_.enter(node, ctx); }
  void finish(Context& ctx) override {
    check_.finish(ctx, [this](Context& c, TSNode n) -> Diagnostic& {
      Diagnostic& d = report(c, n, "Use `" + shown_ + "` for type annotations");
      d.fix_title = "Convert to `" + shown_ + "`";
      return d;
    });
  }

 private:
  Pep604Check check_;
  std::string shown_;
};

// The option both rules read.
inline const RuleOption kPep604KeepRuntimeTyping{
    "keep-runtime-typing", RuleOption::Type::Bool, "false",
    "Whether to keep `typing` spellings on Python 3.7 to 3.9 in modules with `from __future__ import annotations`, "
    "for code that evaluates annotations at runtime."};

}  // namespace lint::rules::up
