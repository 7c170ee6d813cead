// What Ruff's `typing::check_type` infers about a binding's type, for the refurb and perflint
// rules that act only on lists, sets, dicts or file objects: the value a name is assigned (or
// its `with` item, or its walrus), else its annotation (a parameter's, a declaration's, a
// function's return annotation). No inference beyond that, as in Ruff.
#pragma once

#include <tree_sitter/api.h>

#include <string>
#include <string_view>
#include <vector>

#include "engine/rule.h"
#include "pyupgrade/semantic.h"
#include "pyupgrade/syntax.h"
#include "semantic/semantic.h"

namespace lint::rules::refurb {

enum class PyType : uint8_t { List, Dict, Set, IoBase, PathlibPath };

// The type of a literal, display or comprehension (Ruff's ResolvedPythonType atoms), or
// nothing: which of list, dict or set it is.
inline bool expression_has_type(TSNode value, PyType type, const Context& ctx) {
  value = up::expr_of(value);
  if (ts_node_is_null(value)) return false;
  const std::string_view k = kind(value);
  switch (type) {
    case PyType::List:
      if (k == "list" || k == "list_comprehension") return true;
      break;
    case PyType::Dict:
      if (k == "dictionary" || k == "dictionary_comprehension") return true;
      break;
    case PyType::Set:
      if (k == "set" || k == "set_comprehension") return true;
      break;
    case PyType::IoBase:
    case PyType::PathlibPath:
      return false;
  }
  if (k == "binary_operator") {
    // `[a] + [b]`, `{a} | {b}`: an operation on two values of the type keeps it (Ruff resolves
    // these the same way when both sides resolve to it).
    const std::string_view op = ctx.text(field(value, "operator"));
    const bool ok = type == PyType::List ? (op == "+" || op == "*")
                    : type == PyType::Set ? (op == "|" || op == "&" || op == "-" || op == "^")
                    : op == "|";
    if (!ok) return false;
    const TSNode left = field(value, "left"), right = field(value, "right");
    if (type == PyType::List && op == "*") {
      const auto is_int = [](TSNode n) { return is(up::expr_of(n), "integer"); };
      return (expression_has_type(left, type, ctx) && is_int(right)) ||
             (is_int(left) && expression_has_type(right, type, ctx));
    }
    return expression_has_type(left, type, ctx) && expression_has_type(right, type, ctx);
  }
  return false;
}

inline std::string_view builtin_type_name(PyType type) {
  switch (type) {
    case PyType::List: return "list";
    case PyType::Dict: return "dict";
    case PyType::Set: return "set";
    case PyType::IoBase:
    case PyType::PathlibPath: return "";
  }
  return "";
}

inline std::string_view typing_type_name(PyType type) {
  switch (type) {
    case PyType::List: return "List";
    case PyType::Dict: return "Dict";
    case PyType::Set: return "Set";
    case PyType::IoBase:
    case PyType::PathlibPath: return "";
  }
  return "";
}

// The concrete and pure path classes of pathlib (Ruff's PathlibPathChecker).
inline bool is_pathlib_path_class(std::string_view q) {
  return q == "pathlib.Path" || q == "pathlib.PosixPath" || q == "pathlib.PurePath" || q == "pathlib.PurePosixPath" ||
         q == "pathlib.PureWindowsPath" || q == "pathlib.WindowsPath";
}

inline bool is_pathlib_class(std::string_view q) {
  return q == "pathlib.Path" || q == "pathlib.PurePath" || q == "pathlib.PurePosixPath" ||
         q == "pathlib.PureWindowsPath";
}

// Whether an annotation names the type (Ruff's match_annotation).
inline bool annotation_has_type(TSNode annotation, PyType type, const up::Resolver& resolve) {
  TSNode a = up::expr_of(annotation);
  if (ts_node_is_null(a)) return false;
  if (type == PyType::PathlibPath) return is_pathlib_path_class(resolve.qualified(a));
  if (type == PyType::IoBase) {
    const std::string q = resolve.qualified(a);
    if (resolve.is_typing_member(q, "IO") || resolve.is_typing_member(q, "BinaryIO") ||
        resolve.is_typing_member(q, "TextIO")) {
      return true;
    }
    static constexpr std::string_view kIo[] = {"io.IOBase", "io.RawIOBase", "io.BufferedIOBase", "io.TextIOBase",
                                               "io.BytesIO", "io.StringIO", "io.BufferedReader", "io.BufferedWriter",
                                               "io.BufferedRandom", "io.BufferedRWPair", "io.TextIOWrapper",
                                               "os.Path", "os.PathLike"};
    for (std::string_view name : kIo) {
      if (q == name) return true;
    }
    return is_pathlib_class(q);
  }
  // `list[int]` and `List[int]` name the type by their value.
  if (is(a, "subscript")) a = up::expr_of(field(a, "value"));
  if (is(a, "generic_type")) a = up::expr_of(first_named_child(a));
  return resolve.match_builtin(a, builtin_type_name(type)) || resolve.match_typing(a, typing_type_name(type));
}

// Whether a value assigned to a name has the type (Ruff's match_initializer).
inline bool initializer_has_type(TSNode value, PyType type, const up::Resolver& resolve, const Context& ctx) {
  value = up::expr_of(value);
  if (ts_node_is_null(value)) return false;
  if (type == PyType::PathlibPath) {
    return is(value, "call") && is_pathlib_path_class(resolve.qualified(field(value, "function")));
  }
  if (type != PyType::IoBase) {
    if (expression_has_type(value, type, ctx)) return true;
    return is(value, "call") && resolve.match_builtin(field(value, "function"), builtin_type_name(type));
  }
  if (!is(value, "call")) return false;
  const TSNode function = up::expr_of(field(value, "function"));
  // `pathlib.Path("file").open()`
  if (is(function, "attribute") && ctx.text(field(function, "attribute")) == "open") {
    const TSNode object = up::expr_of(field(function, "object"));
    if (is(object, "call")) return is_pathlib_class(resolve.qualified(field(object, "function")));
  }
  const std::string q = resolve.qualified(function);
  return q == "io.open" || q == "io.open_code" || q == "os.open" || q == "builtins.open";
}

// In `target = value`, the part of `value` that `name` (inside `target`) receives, as Ruff's
// match_value pairs them: the whole value for a plain name, the matching element when both are
// tuples or lists of the same shape. Null when there is none.
inline TSNode matched_value(TSNode target, TSNode value, uint32_t name_start) {
  target = up::expr_of(target);
  value = up::expr_of(value);
  if (ts_node_is_null(target) || ts_node_is_null(value)) return TSNode{};
  if (is(target, "identifier")) return ts_node_start_byte(target) == name_start ? value : TSNode{};
  const std::string_view tk = kind(target);
  if (tk != "pattern_list" && tk != "tuple_pattern" && tk != "list_pattern" && tk != "tuple" && tk != "list" &&
      tk != "expression_list") {
    return TSNode{};
  }
  const std::string_view vk = kind(value);
  if (vk != "tuple" && vk != "list" && vk != "set" && vk != "expression_list") return TSNode{};
  const std::vector<TSNode> targets = named_children(target);
  const std::vector<TSNode> values = named_children(value);
  for (size_t i = 0; i < targets.size() && i < values.size(); ++i) {
    const TSNode t = up::expr_of(targets[i]);
    if (is(t, "identifier")) {
      if (ts_node_start_byte(t) == name_start) return values[i];
      continue;
    }
    const TSNode found = matched_value(t, values[i], name_start);
    if (!ts_node_is_null(found)) return found;
  }
  return TSNode{};
}

// The node that binds a binding's name, climbing out of its target (`a` in `(a, b) = ...`
// gives the assignment), or null.
inline TSNode binding_statement(const Binding& b, const Context& ctx, TSNode* name_out = nullptr) {
  const TSNode name = ts_node_descendant_for_byte_range(ctx.root(), b.start, b.end);
  if (!is(name, "identifier")) return TSNode{};
  if (name_out) *name_out = name;
  TSNode n = ts_node_parent(name);
  while (!ts_node_is_null(n)) {
    const std::string_view k = kind(n);
    if (k != "pattern_list" && k != "tuple_pattern" && k != "list_pattern" && k != "tuple" && k != "list" &&
        k != "parenthesized_expression" && k != "expression_list" && k != "as_pattern_target") {
      break;
    }
    n = ts_node_parent(n);
  }
  return n;
}

// The value a binding's name is assigned (Ruff's find_binding_value): by an assignment (with
// or without an annotation), a walrus or a `with` item, matched through unpacking. Null when
// there is none.
inline TSNode binding_value(const Binding& b, const Context& ctx) {
  const TSNode n = binding_statement(b, ctx);
  if (ts_node_is_null(n)) return TSNode{};
  const std::string_view k = kind(n);
  switch (b.kind) {
    case BindingKind::Assignment:
    case BindingKind::AnnotatedAssignment: {
      if (k != "assignment") return TSNode{};
      TSNode value = field(n, "right");
      while (is(value, "assignment")) value = field(value, "right");
      return matched_value(field(n, "left"), value, b.start);
    }
    case BindingKind::NamedExpr:
      return k == "named_expression" ? up::expr_of(field(n, "value")) : TSNode{};
    case BindingKind::WithItem: {
      if (k != "as_pattern") return TSNode{};
      const TSNode target = field(n, "alias");
      return matched_value(is(target, "as_pattern_target") ? first_named_child(target) : target,
                           first_named_child(n), b.start);
    }
    default:
      return TSNode{};
  }
}

// Ruff's check_type for a binding.
inline bool binding_has_type(const Binding& b, PyType type, const up::Resolver& resolve, const Context& ctx) {
  const TSNode name = ts_node_descendant_for_byte_range(ctx.root(), b.start, b.end);
  if (!is(name, "identifier")) return false;
  // The statement or clause that binds the name: climb out of the target.
  TSNode n = ts_node_parent(name);
  while (!ts_node_is_null(n)) {
    const std::string_view k = kind(n);
    if (k != "pattern_list" && k != "tuple_pattern" && k != "list_pattern" && k != "tuple" && k != "list" &&
        k != "parenthesized_expression" && k != "expression_list" && k != "as_pattern_target") {
      break;
    }
    n = ts_node_parent(n);
  }
  if (ts_node_is_null(n)) return false;
  const std::string_view k = kind(n);
  switch (b.kind) {
    case BindingKind::Assignment:
    case BindingKind::AnnotatedAssignment: {
      if (k != "assignment") return false;
      if (const TSNode annotation = field(n, "type"); !ts_node_is_null(annotation)) {
        return annotation_has_type(annotation, type, resolve);
      }
      TSNode value = field(n, "right");
      while (is(value, "assignment")) value = field(value, "right");
      const TSNode matched = matched_value(field(n, "left"), value, b.start);
      return !ts_node_is_null(matched) && initializer_has_type(matched, type, resolve, ctx);
    }
    case BindingKind::NamedExpr:
      return k == "named_expression" && initializer_has_type(field(n, "value"), type, resolve, ctx);
    case BindingKind::WithItem: {
      if (k != "as_pattern") return false;
      const TSNode target = field(n, "alias");
      const TSNode matched = matched_value(is(target, "as_pattern_target") ? first_named_child(target) : target,
                                           first_named_child(n), b.start);
      return !ts_node_is_null(matched) && initializer_has_type(matched, type, resolve, ctx);
    }
    case BindingKind::Argument: {
      if (k != "typed_parameter" && k != "typed_default_parameter") return false;
      // Only parameters of a `def` (not `*args` or `**kwargs`).
      if (!ts_node_eq(first_named_child(n), name)) return false;
      const TSNode params = ts_node_parent(n);
      if (!is(params, "parameters") || !is(ts_node_parent(params), "function_definition")) return false;
      return annotation_has_type(field(n, "type"), type, resolve);
    }
    case BindingKind::Annotation:
      return k == "assignment" && annotation_has_type(field(n, "type"), type, resolve);
    case BindingKind::Function: {
      if (k != "function_definition") return false;
      const TSNode returns = field(n, "return_type");
      return !ts_node_is_null(returns) && annotation_has_type(returns, type, resolve);
    }
    default:
      return false;
  }
}

}  // namespace lint::rules::refurb
