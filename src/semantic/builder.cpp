// The builder's walk: one event list per unit, in execution order (see semantic.h).
#include <algorithm>
#include <string>
#include <string_view>
#include <unordered_set>

#include "semantic/builder.h"
#include "syntax/source.h"

namespace lint {

namespace semantic_builder {

const Symbols& symbols() {
  static const Symbols s;
  return s;
}

}  // namespace semantic_builder

namespace {

bool is_container(K k) {
  return k == K::Tuple || k == K::List || k == K::PatternList || k == K::TuplePattern || k == K::ListPattern ||
         k == K::Parenthesized || k == K::ListSplat || k == K::ListSplatPattern || k == K::ExpressionList ||
         k == K::AsPatternTarget;
}

// `(x)` as an assignment target: tree-sitter parses it as a tuple_pattern, though without a
// comma it is only a parenthesized name.
bool is_parenthesized_pattern(TSNode n) {
  if (!is(n, "tuple_pattern")) return false;
  int named = 0;
  for (TSNode c : children(n)) {
    if (ts_node_is_extra(c)) continue;
    if (is(c, ",")) return false;
    named += ts_node_is_named(c);
  }
  return named == 1;
}

bool is_sequence_kind(std::string_view k) {
  return k == "tuple" || k == "list" || k == "set" || k == "expression_list" || k == "pattern_list" ||
         k == "tuple_pattern" || k == "list_pattern";
}

// Ruff's is_unpacking_assignment, inverted: every target of the chain `t1 = t2 = value` is a
// tuple or list, and so is the value, as in `a, b = 1, 2`.
bool is_literal_unpacking(TSNode assignment) {
  TSNode n = assignment;
  for (;;) {
    TSNode left = field(n, "left");
    if (ts_node_is_null(left) || !is_sequence_kind(kind(unparenthesized(left)))) return false;
    TSNode right = field(n, "right");
    if (ts_node_is_null(right)) return false;
    if (is(right, "assignment")) {
      n = right;
      continue;
    }
    return is_sequence_kind(kind(unparenthesized(right)));
  }
}

bool is_type_checking_test(std::string_view t) {
  return t == "TYPE_CHECKING" || t == "typing.TYPE_CHECKING" || t == "typing_extensions.TYPE_CHECKING";
}

}  // namespace

// The first assignment of the chain `t1 = t2 = value` that the innermost frame's assignment
// belongs to: Ruff judges unpacking over all the chain's targets.
TSNode SemanticBuilder::Impl::chain_start() const {
  size_t i = frames.size() - 1;
  while (i > 0 && frames[i - 1].kind == K::Assignment &&
         ts_node_eq(ts_node_child_by_field_id(frames[i - 1].node, symbols().f_right), frames[i].node)) {
    --i;
  }
  return frames[i].node;
}

// The name of one type parameter (`type` node: T, T: bound, *Ts or **P; a default reads as a
// bound after rewrite_for_parse), or a null node; its bound is registered to be read lazily in
// `scope`.
TSNode SemanticBuilder::Impl::type_parameter_name(TSNode type, uint32_t scope) {
  TSNode first = ts_node_named_child(type, 0);
  if (ts_node_is_null(first)) return TSNode{};
  if (is(first, "constrained_type")) {
    const TSNode bound = ts_node_named_child(first, 1);
    if (!ts_node_is_null(bound) && is(bound, "type")) lazy_types[ts_node_start_byte(bound)] = scope;
    first = ts_node_named_child(first, 0);  // the parameter's own `type` node
    if (!ts_node_is_null(first)) first = ts_node_named_child(first, 0);
  }
  if (!ts_node_is_null(first) && is(first, "splat_type")) first = ts_node_named_child(first, 0);
  return !ts_node_is_null(first) && is(first, "identifier") ? first : TSNode{};
}

// Not a field id tree-sitter gives (they are small numbers, 0 for none).
constexpr TSFieldId kFieldUnread = UINT16_MAX;

void SemanticBuilder::Impl::enter(TSNode n, const TSTreeCursor& cursor) {
  // The node's field in its parent, read from the cursor only where the parent's kind makes it
  // matter: most nodes are parts of expressions, whose fields nothing here reads.
  TSFieldId field_read = kFieldUnread;
  const auto field_in_parent = [&] {
    if (field_read == kFieldUnread) field_read = ts_tree_cursor_current_field_id(&cursor);
    return field_read;
  };
  const Symbols& sy = symbols();
  const K k = sy.of(n);
  Frame f;
  f.node = n;
  f.kind = k;
  if (frames.empty()) {
    // The module.
    f.scope = new_scope(ScopeKind::Module, -1, n);
    f.sink = &units[0];
    f.stmt = n;
    frames.push_back(std::move(f));
    return;
  }
  Frame& p = frames.back();
  // Flush the parent's held events before the child that must come after them.
  if (p.held && p.flush_before != 0 && field_in_parent() == p.flush_before) {
    p.outer_sink->append(*p.held);
    p.held.reset();
  }
  // Inherit.
  f.scope = p.scope;
  f.sink = p.sink;
  f.ctx = p.ctx;
  f.bind_kind = p.bind_kind;
  f.flags = p.flags;
  f.branch = p.branch;
  f.stmt_start = p.stmt_start;
  f.stmt = p.stmt;
  f.annotation = p.annotation;
  f.literal_subscript = p.literal_subscript;
  f.literal_unpacking = p.literal_unpacking;
  f.class_base = p.class_base;
  f.lazy = p.lazy;
  f.runtime_type = p.runtime_type;
  f.type_parameter_list = p.type_parameter_list && (k == K::TypeParameter || p.kind == K::TypeParameter ||
                                                    p.kind == K::Function || p.kind == K::Class);

  // A type parameter's bound or default (`T: B = D`): a type expression read once everything is
  // bound (as Ruff defers them), in the type parameters' scope.
  if (k == K::Type && !lazy_types.empty()) {
    const auto it = lazy_types.find(ts_node_start_byte(n));
    if (it != lazy_types.end()) {
      f.scope = it->second;
      lazy_types.erase(it);
      f.ctx = Ctx::Load;
      f.lazy = true;
      f.annotation = true;
      f.runtime_type = false;
      f.literal_subscript = false;
    }
  }

  // Context from the parent's kind and the child's field.
  switch (p.kind) {
    case K::Function:
    case K::Lambda:
      if (field_in_parent() == sy.f_body) {
        f.scope = p.own_scope;
        f.sink = p.own_unit;
        f.ctx = Ctx::Load;
        f.flags &= ~(kInExceptHandler | kConditional | kInNameErrorTry | kInTry);
        f.branch = 0;
        f.annotation = false;
      } else if (field_in_parent() == sy.f_name) {
        f.ctx = Ctx::Ignore;
      } else if (field_in_parent() == sy.f_parameters) {
        f.ctx = Ctx::Load;  // defaults and annotations: enclosing scope; names handled below
      } else if (field_in_parent() == sy.f_return_type) {
        f.annotation = true;
        f.runtime_type = false;
      } else if (field_in_parent() == sy.f_type_parameters) {
        f.ctx = Ctx::Load;
        f.type_parameter_list = true;
      }
      // Annotations, defaults and type parameters see the type parameters.
      if (p.type_params_scope != UINT32_MAX && field_in_parent() != sy.f_body && field_in_parent() != sy.f_name) {
        f.scope = p.type_params_scope;
      }
      break;
    case K::Class:
      if (field_in_parent() == sy.f_body) {
        f.scope = p.own_scope;
        f.ctx = Ctx::Load;
        f.annotation = false;
      } else if (field_in_parent() == sy.f_name) {
        f.ctx = Ctx::Ignore;
      } else if (field_in_parent() == sy.f_superclasses) {
        f.class_base = true;
      } else if (field_in_parent() == sy.f_type_parameters) {
        f.type_parameter_list = true;
      }
      if (p.type_params_scope != UINT32_MAX && field_in_parent() != sy.f_body && field_in_parent() != sy.f_name) {
        f.scope = p.type_params_scope;
      }
      break;
    case K::Parameters:
    case K::LambdaParameters:
      if (k == K::Identifier || k == K::ListSplatPattern || k == K::DictSplatPattern) {
        // A plain parameter name, `*args` or `**kwargs`: bound in the function's scope.
        Frame& fn = frames[frames.size() - 2];
        Frame as_fn = {};
        as_fn.scope = fn.own_scope;
        as_fn.sink = fn.own_unit;
        as_fn.stmt = fn.node;
        as_fn.stmt_start = ts_node_start_byte(fn.node);
        TSNode id = n;
        if (k != K::Identifier) {
          id = TSNode{};
          for (TSNode c : children(n)) {
            if (is(c, "identifier")) id = c;
          }
        }
        if (!ts_node_is_null(id)) emit(as_fn, Ev::Bind, id, BindingKind::Argument);
        f.ctx = Ctx::Ignore;
      }
      break;
    case K::DefaultParameter:
    case K::TypedDefaultParameter:
    case K::TypedParameter:
    case K::ListSplatPattern:
    case K::DictSplatPattern:
      if (p.kind == K::ListSplatPattern || p.kind == K::DictSplatPattern) {
        if (p.ctx == Ctx::Ignore && k == K::Identifier) f.ctx = Ctx::Ignore;
        if (p.ctx == Ctx::Store) f.ctx = Ctx::Store;
        break;
      }
      if (field_in_parent() == sy.f_type) {
        f.annotation = true;
        f.runtime_type = false;
        f.ctx = Ctx::Load;
      } else if (field_in_parent() == sy.f_value) {
        f.ctx = Ctx::Load;
        // A default is evaluated where the def is, outside its type parameters' scope.
        if (frames.size() >= 3 && frames[frames.size() - 3].kind == K::Function) {
          f.scope = frames[frames.size() - 3].outer_scope;
        }
      } else if (k == K::Identifier || k == K::ListSplatPattern || k == K::DictSplatPattern ||
                 field_in_parent() == sy.f_name) {
        // The parameter's name: bound in the function (the grandparent of `parameters`).
        size_t i = frames.size() - 1;
        while (i > 0 && frames[i].kind != K::Function && frames[i].kind != K::Lambda) --i;
        const Frame& fn = frames[i];
        TSNode id = n;
        if (k != K::Identifier) {
          for (TSNode c : children(n)) {
            if (is(c, "identifier")) id = c;
          }
        }
        if (is(id, "identifier")) {
          Frame as_fn = {};
          as_fn.scope = fn.own_scope;
          as_fn.sink = fn.own_unit;
          as_fn.stmt = fn.node;
          as_fn.stmt_start = ts_node_start_byte(fn.node);
          emit(as_fn, Ev::Bind, id, BindingKind::Argument);
        }
        f.ctx = Ctx::Ignore;
      }
      break;
    case K::Assignment:
      if (field_in_parent() == sy.f_left) {
        f.ctx = Ctx::Store;
        f.literal_unpacking = is_literal_unpacking(chain_start());
        f.bind_kind = ts_node_is_null(ts_node_child_by_field_id(p.node, sy.f_type))
                          ? BindingKind::Assignment
                          : (ts_node_is_null(ts_node_child_by_field_id(p.node, sy.f_right)) ? BindingKind::Annotation
                                                                                         : BindingKind::AnnotatedAssignment);
        f.sink = p.held.get();
      } else if (field_in_parent() == sy.f_type) {
        f.annotation = true;
        f.runtime_type = false;
        f.ctx = Ctx::Load;
      } else {
        f.ctx = Ctx::Load;
        // `X: TypeAlias = ...`: the value is a type expression (PEP 613).
        const TSNode annotation = ts_node_child_by_field_id(p.node, sy.f_type);
        if (field_in_parent() == sy.f_right && !ts_node_is_null(annotation)) {
          const std::string q = qualified_of(text(annotation));
          if (q == "typing.TypeAlias" || q == "typing_extensions.TypeAlias") {
            f.annotation = true;
            f.runtime_type = true;
          }
        }
      }
      break;
    case K::AugAssignment:
      if (field_in_parent() == sy.f_left) {
        f.ctx = Ctx::AugStore;
        f.bind_kind = BindingKind::AugmentedAssignment;
      } else {
        f.ctx = Ctx::Load;
      }
      break;
    case K::For:
      if (field_in_parent() == sy.f_left) {
        f.ctx = Ctx::Store;
        f.bind_kind = BindingKind::LoopVar;
        f.sink = p.held.get();
      } else {
        f.ctx = Ctx::Load;
      }
      break;
    case K::AsPattern:
      if (field_in_parent() == sy.f_alias) {
        f.ctx = Ctx::Store;
        f.bind_kind = p.bind_kind == BindingKind::MatchCapture ? BindingKind::MatchCapture
                      : (frames.size() >= 2 && frames[frames.size() - 2].kind == K::Except)
                          ? BindingKind::ExceptHandler
                          : BindingKind::WithItem;
        if (f.bind_kind == BindingKind::ExceptHandler) f.branch = handler_name_branch(frames.size() - 2, f.branch);
      } else if (p.bind_kind != BindingKind::MatchCapture) {
        f.ctx = Ctx::Load;
      }
      if (p.bind_kind == BindingKind::MatchCapture && k == K::Identifier) {
        emit(f, Ev::Bind, n, BindingKind::MatchCapture);
        f.ctx = Ctx::Ignore;
      }
      break;
    case K::Except:
      if (field_in_parent() == sy.f_alias) {
        f.ctx = Ctx::Store;
        f.bind_kind = BindingKind::ExceptHandler;
        f.branch = handler_name_branch(frames.size() - 1, f.branch);
      } else if (k == K::AsPattern) {
        // except E as e (older grammar shape)
        f.ctx = Ctx::Load;
      } else if (k == K::Block) {
        f.ctx = Ctx::Load;
      } else {
        f.ctx = Ctx::Load;
      }
      break;
    case K::NamedExpr:
      if (frames.size() >= 2 && (is(frames[frames.size() - 2].node, "interpolation") ||
                                 (frames.size() >= 3 && is(frames[frames.size() - 2].node, "expression_list") &&
                                  is(frames[frames.size() - 3].node, "interpolation")))) {
        // `f'{x:=10}'` formats `x` with the spec `=10`, which the grammar reads as `x := 10`.
        f.ctx = field_in_parent() == sy.f_name ? Ctx::Load : Ctx::Ignore;
        break;
      }
      if (field_in_parent() == sy.f_name) {
        // Binds in the nearest enclosing scope that is not a comprehension.
        uint32_t s = p.scope;
        while (model->scopes[s].kind == ScopeKind::Comprehension && model->scopes[s].parent >= 0) {
          s = static_cast<uint32_t>(model->scopes[s].parent);
        }
        f.scope = s;
        f.ctx = Ctx::Store;
        f.bind_kind = BindingKind::NamedExpr;
        f.sink = p.held.get();
      } else {
        f.ctx = Ctx::Load;
      }
      break;
    case K::ListComp:
    case K::SetComp:
    case K::DictComp:
    case K::GenExpr:
      if (field_in_parent() == sy.f_body) {
        f.sink = p.held.get();
        f.ctx = Ctx::Load;
      }
      break;
    case K::ForIn:
      if (field_in_parent() == sy.f_left) {
        f.ctx = Ctx::Store;
        f.bind_kind = BindingKind::ComprehensionVar;
        f.sink = p.held.get();
      } else if (field_in_parent() == sy.f_right) {
        f.ctx = Ctx::Load;
        // The first iterable runs in the enclosing scope.
        const Frame& comp = frames[frames.size() - 2];
        if (p.first_for_in) f.scope = comp.outer_scope;
      }
      break;
    case K::Attribute:
      if (field_in_parent() == sy.f_attribute) {
        f.ctx = Ctx::Ignore;
      } else if (p.ctx != Ctx::Ignore) {
        f.ctx = Ctx::Load;
      }
      break;
    case K::Subscript:
      if (p.ctx != Ctx::Ignore) f.ctx = Ctx::Load;
      if (field_in_parent() == sy.f_subscript && p.ctx != Ctx::Ignore) {
        const std::string_view v = text(ts_node_child_by_field_id(p.node, sy.f_value));
        if (is_typed_dict_form(v)) {
          typed_dict_argument(f, n);
          if (!p.annotation) f.runtime_type = true;
        } else if (!p.annotation && (is_typing_form(v) || is_generic_subscript(v) || is_annotated_form(v))) {
          // `Union[A, "B"]`, `list["X"]` outside an annotation are still type expressions.
          f.annotation = true;
          f.runtime_type = true;
        }
      }
      if (f.annotation && field_in_parent() == sy.f_subscript) {
        special_form_argument(text(ts_node_child_by_field_id(p.node, sy.f_value)), p, f);
      }
      break;
    case K::TypeParameter:
      // `Literal[...]` and `Annotated[T, ...]` written as generic types in annotations.
      if (frames.size() >= 2 && frames[frames.size() - 2].kind == K::GenericType && ts_node_is_named(n)) {
        const std::string_view form = text(ts_node_named_child(frames[frames.size() - 2].node, 0));
        if (is_typed_dict_form(form)) typed_dict_argument(f, n);
        else special_form_argument(form, p, f);
      }
      break;
    case K::KeywordArgument:
      if (field_in_parent() == sy.f_name) f.ctx = Ctx::Ignore;
      else f.ctx = Ctx::Load;
      break;
    case K::Call:
      f.ctx = Ctx::Load;
      if (field_in_parent() == sy.f_arguments) {
        f.annotation = false;
        f.runtime_type = false;
        f.literal_subscript = false;
        f.type_call = type_call_of(text(ts_node_child_by_field_id(p.node, sy.f_function)));
      }
      break;
    case K::Interpolation:
      f.ctx = Ctx::Load;
      break;
    case K::KeywordPattern:
      // `case C(attr=x)`: the first identifier names an attribute.
      if (k == K::Identifier && ts_node_start_byte(n) == ts_node_start_byte(p.node)) f.ctx = Ctx::Ignore;
      break;
    case K::If:
    case K::Elif:
      if (field_in_parent() == sy.f_consequence || field_in_parent() == sy.f_alternative) {
        if (field_in_parent() == sy.f_consequence) {
          f.branch = new_branch(p.branch, 0);
          if (p.kind == K::If) {
            TSNode cond = ts_node_child_by_field_id(p.node, sy.f_condition);
            if (!ts_node_is_null(cond) && (is_type_checking_test(text(cond)) ||
                                             model->is_typing_member(qualified_of(text(cond)), "TYPE_CHECKING"))) f.flags |= kTypeChecking;
          }
        }
      }
      break;
    case K::Try:
      if (k == K::Block || k == K::Else) {
        f.branch = p.try_branch;  // body and else: one branch
        if (k == K::Block && p.name_error_try) f.flags |= kInNameErrorTry;
        if (k == K::Block && p.import_error_try) f.flags |= kInTry;
      } else if (k == K::Except || k == K::Finally) {
        f.branch = new_branch(frames.size() >= 2 ? p.branch : 0, 0);
      }
      break;
    case K::Case:
      break;
    case K::With:
      // Ruff gives a with block a branch of its own.
      if (field_in_parent() == sy.f_body) f.branch = new_branch(p.branch, 0);
      break;
    case K::Match:
      if (k == K::Block) f.ctx = Ctx::Load;
      break;
    default:
      break;
  }
  if (p.kind == K::Block && p.ctx == Ctx::Load) {
    // Each statement of a block.
  }
  if (p.kind == K::Match && k == K::Block) {
    // case clauses live in the match's block
  }

  // The arguments of cast(), NewType(), TypeVar()... that are type expressions (see TypeCall).
  if (p.type_call != TypeCall::None && ts_node_is_named(n) && !ts_node_is_extra(n) && k != K::DictionarySplat) {
    if (k == K::KeywordArgument) {
      const std::string_view kw = text(ts_node_child_by_field_id(n, sy.f_name));
      switch (p.type_call) {
        case TypeCall::Cast: f.type_keyword = kw == "typ"; break;
        case TypeCall::NewType: f.type_keyword = kw == "tp"; break;
        case TypeCall::TypeVar: f.type_keyword = kw == "bound" || kw == "default"; break;
        case TypeCall::TypeAliasType: f.type_keyword = kw == "value" || kw == "type_params"; break;
        case TypeCall::TypedDict: f.type_keyword = true; break;
        case TypeCall::MypyArg: f.type_keyword = p.positional == 0 && kw == "type"; break;
        case TypeCall::None: break;
      }
    } else {
      const uint32_t i = p.positional++;
      bool type = false;
      switch (p.type_call) {
        case TypeCall::Cast: type = i == 0; break;
        case TypeCall::NewType: type = i == 1; break;
        case TypeCall::TypeVar: type = i >= 1; break;
        case TypeCall::TypeAliasType: type = i == 1; break;
        case TypeCall::TypedDict:
          if (i >= 1 && k == K::Dictionary) {
            f.typed_dict = true;
            f.runtime_type = true;
          }
          break;
        case TypeCall::MypyArg: type = i == 0; break;
        case TypeCall::None: break;
      }
      if (type) {
        f.annotation = true;
        f.runtime_type = true;
      }
    }
  }
  if (p.type_keyword && p.kind == K::KeywordArgument && field_in_parent() == sy.f_value) {
    f.annotation = true;
    f.runtime_type = true;
  }

  // TypedDict's fields, `{"name": type}`: the keys are strings, not forward references.
  if (p.typed_dict) {
    if (p.kind == K::Dictionary && k == K::Pair) {
      f.typed_dict_pair = true;
    } else if (p.kind == K::Dictionary && k == K::DictionarySplat) {
      f.annotation = false;
      f.runtime_type = false;
      f.literal_subscript = true;
    } else if (p.kind != K::Dictionary && k == K::Dictionary) {
      f.typed_dict = true;  // the dictionary inside a `type` node
    }
  }
  if (p.typed_dict_pair) {
    if (field_in_parent() == sy.f_key) {
      f.annotation = false;
      f.runtime_type = false;
      f.literal_subscript = true;
    } else if (field_in_parent() == sy.f_value) {
      f.annotation = true;
      f.literal_subscript = false;
    }
  }

  // Ruff treats a `del` below if, while, match or try as conditional: it does not unbind.
  // (try bodies and handlers are not conditional for Ruff; a try's else and finally blocks are).
  if (p.kind == K::If || p.kind == K::While || p.kind == K::Match ||
      (p.kind == K::Try && (k == K::Else || k == K::Finally))) {
    f.flags |= kConditional;
  }

  // Statements set the current statement for the bindings below them.
  const bool statement = p.kind == K::Module || p.kind == K::Block || p.kind == K::Decorated;
  if (statement && ts_node_is_named(n) && !ts_node_is_extra(n)) {
    f.stmt = n;
    f.stmt_start = ts_node_start_byte(n);
  }

  // Containers propagate store context; anything else below a store target is a load.
  if ((p.ctx == Ctx::Store || p.ctx == Ctx::Del || p.ctx == Ctx::AugStore) && p.kind != K::Attribute &&
      p.kind != K::Subscript && p.kind != K::Assignment && p.kind != K::For && p.kind != K::ForIn &&
      p.kind != K::NamedExpr && p.kind != K::AsPattern && p.kind != K::Except &&
      p.kind != K::AugAssignment && p.kind != K::Delete) {
    if (!is_container(p.kind)) f.ctx = Ctx::Load;
    else if (p.kind == K::ListSplat || p.kind == K::ListSplatPattern) f.flags |= kStarTarget;
    if (is_container(p.kind) && p.kind != K::Parenthesized && p.kind != K::AsPatternTarget &&
        !(p.kind == K::TuplePattern && is_parenthesized_pattern(p.node)) && p.ctx == Ctx::Store &&
        !f.literal_unpacking) {
      f.flags |= kUnpacked;
    }
  }

  // The node itself.
  switch (k) {
    case K::Identifier:
      if (ts_node_start_byte(n) == bound_name_at) f.ctx = Ctx::Ignore;
      switch (f.ctx) {
        case Ctx::Load:
          // Annotations are deferred with `from __future__ import annotations`; in stubs so are
          // type expressions and class bases, whatever refers to what comes later.
          if (deferred_type_expression(f)) {
            Frame deferred;
            deferred.scope = f.scope;
            deferred.sink = annotations_unit;
            deferred.flags = f.flags;
            deferred.branch = f.branch;
            const bool forward = f.annotation && !f.runtime_type && !f.lazy;
            emit(deferred, Ev::Load, n, BindingKind::Assignment, kAnnotationLoad | (forward ? kForwardReference : 0u));
          } else {
            emit(f, Ev::Load, n, BindingKind::Assignment, f.annotation ? static_cast<uint32_t>(kAnnotationLoad) : 0u);
          }
          break;
        case Ctx::Store:
          if (f.bind_kind == BindingKind::NamedExpr && f.annotation && deferred_type_expression(f)) {
            // `x: (y := 1)` in a deferred annotation binds `y` only when the annotation is read,
            // after the rest of the module (Ruff): code before that does not see it.
            Frame deferred;
            deferred.scope = f.scope;
            deferred.sink = annotations_unit;
            deferred.flags = f.flags;
            deferred.branch = f.branch;
            deferred.stmt = f.stmt;
            deferred.stmt_start = f.stmt_start;
            emit(deferred, Ev::Bind, n, f.bind_kind);
          } else {
            emit(f, Ev::Bind, n, f.bind_kind);
          }
          break;
        case Ctx::AugStore:
          emit(f, Ev::Load, n);
          emit(f, Ev::Bind, n, BindingKind::AugmentedAssignment);
          break;
        case Ctx::Del:
          emit(f, Ev::Del, n);
          break;
        case Ctx::Ignore:
          break;
      }
      f.ctx = Ctx::Ignore;
      break;
    case K::Import:
    case K::ImportFrom:
    case K::FutureImport:
      if (k == K::FutureImport) {
        for (TSNode c : children(n)) {
          if (ts_node_is_named(c) && text(c) == "annotations") model->future_annotations = true;
          if (is(c, "aliased_import") && text(field(c, "name")) == "annotations") model->future_annotations = true;
        }
      } else if (k == K::ImportFrom && text(ts_node_child_by_field_id(n, sy.f_module_name)) == "__future__") {
        for (TSNode c : children(n)) {
          if (is(c, "dotted_name") && text(c) == "annotations") model->future_annotations = true;
        }
      }
      bind_imports(f, n, k);
      f.ctx = Ctx::Ignore;
      break;
    case K::Global: {
      // Ruff binds a function's global names in the module when it meets the `def` (if the
      // module has no binding for them yet): the event goes where the def is evaluated.
      for (size_t i = frames.size(); i-- > 0;) {
        if (frames[i].kind != K::Function) continue;
        for (TSNode c : children(n)) {
          if (!is(c, "identifier")) continue;
          Event e;
          e.kind = Ev::PreGlobal;
          e.scope = 0;
          e.start = ts_node_start_byte(c);
          e.end = ts_node_end_byte(c);
          set_name(e, name_text(c));
          e.stmt_start = ts_node_start_byte(n);
          e.node = statement_index(n);
          frames[i].outer_sink->push_back(e);
        }
        break;
      }
      names_statement(f, n, Ev::Global);
      f.ctx = Ctx::Ignore;
      break;
    }
    case K::Nonlocal:
      names_statement(f, n, Ev::Nonlocal);
      f.ctx = Ctx::Ignore;
      break;
    case K::Delete:
      f.ctx = Ctx::Del;
      break;
    case K::Function:
    case K::Lambda: {
      f.outer_scope = f.scope;
      f.outer_sink = f.sink;
      if (k == K::Function && !ts_node_is_null(ts_node_child_by_field_id(n, sy.f_type_parameters))) {
        // PEP 695: `def f[T](x: T)` binds T in a scope of its own, around the function's.
        f.type_params_scope = new_scope(ScopeKind::TypeParams, static_cast<int32_t>(f.scope), n);
      }
      f.own_scope = new_scope(k == K::Function ? ScopeKind::Function : ScopeKind::Lambda,
                              static_cast<int32_t>(f.type_params_scope != UINT32_MAX ? f.type_params_scope : f.scope), n);
      units.emplace_back();
      f.own_unit = &units.back();
      f.own_unit_index = static_cast<uint32_t>(units.size() - 1);
      if (k == K::Lambda) {
        Event e;
        e.kind = Ev::DeferLambda;
        e.scope = f.scope;
        e.aux = f.own_unit_index;
        f.sink->push_back(e);
      }
      f.ctx = Ctx::Load;
      break;
    }
    case K::Class:
      f.outer_scope = f.scope;
      if (!ts_node_is_null(ts_node_child_by_field_id(n, sy.f_type_parameters))) {
        f.type_params_scope = new_scope(ScopeKind::TypeParams, static_cast<int32_t>(f.scope), n);
      }
      f.own_scope = new_scope(ScopeKind::Class,
                              static_cast<int32_t>(f.type_params_scope != UINT32_MAX ? f.type_params_scope : f.scope), n);
      f.ctx = Ctx::Load;
      break;
    case K::ListComp:
    case K::SetComp:
    case K::DictComp:
    case K::GenExpr:
      f.outer_scope = f.scope;
      f.outer_sink = f.sink;
      f.scope = new_scope(ScopeKind::Comprehension, static_cast<int32_t>(f.scope), n);
      f.own_scope = f.scope;
      f.held = std::make_unique<EventList>();
      f.ctx = Ctx::Load;
      break;
    case K::ForIn: {
      f.outer_sink = f.sink;
      f.held = std::make_unique<EventList>();
      f.flush_before = 0;  // flushed on leave: target binds after its iterable
      Frame& comp = frames.back();
      f.first_for_in = comp.first_for_in;
      comp.first_for_in = false;
      break;
    }
    case K::Assignment:
    case K::NamedExpr:
      f.outer_sink = f.sink;
      f.held = std::make_unique<EventList>();
      f.ctx = Ctx::Load;
      break;
    case K::For:
      f.outer_sink = f.sink;
      f.held = std::make_unique<EventList>();
      f.flush_before = sy.f_body;
      f.ctx = Ctx::Load;
      break;
    case K::Try: {
      // Body and else share one branch; each handler and the finally block get their own.
      f.try_branch = new_branch(f.branch, 0);
      // Names read in the body of `try: ... except NameError:` may be undefined on purpose.
      for (TSNode c : children(n)) {
        if (!is(c, "except_clause")) continue;
        TSNode v = ts_node_child_by_field_id(c, sy.f_value);
        if (ts_node_is_null(v)) continue;
        {
          TSNode types = is(v, "as_pattern") ? ts_node_named_child(v, 0) : v;
          const std::string_view t = text(types);
          for (std::string_view name : {"ImportError", "ModuleNotFoundError"}) {
            const size_t at = t.find(name);
            if (at != std::string_view::npos && (at + name.size() == t.size() || !std::isalnum(static_cast<unsigned char>(t[at + name.size()])))) {
              f.import_error_try = true;
            }
          }
        }
        if (is(v, "as_pattern")) v = ts_node_named_child(v, 0);
        const std::string_view t = text(v);
        const size_t pos = t.find("NameError");
        if (pos != std::string_view::npos &&
            (pos == 0 || !(std::isalnum(static_cast<unsigned char>(t[pos - 1])) || t[pos - 1] == '_' || t[pos - 1] == '.'))) {
          f.name_error_try = true;
        }
      }
      break;
    }
    case K::Case:
      f.branch = new_branch(f.branch, 0);
      f.bind_kind = BindingKind::MatchCapture;
      break;
    case K::Else:
    case K::Elif:
      if (p.kind == K::If) f.branch = new_branch(p.branch, 0);
      break;
    case K::Except:
      f.flags |= kInExceptHandler;
      break;
    case K::ExpressionStatement:
      // __all__ may be built under if/try at module level too.
      if (f.scope == 0) module_statement_exports(n);
      break;
    case K::Call: {
      TSNode fn = ts_node_child_by_field_id(n, sy.f_function);
      if (!ts_node_is_null(fn) && text(fn) == "locals") {
        Event e;
        e.kind = Ev::Locals;
        e.scope = f.scope;
        f.sink->push_back(e);
      }
      break;
    }
    case K::String:
      if (f.annotation && !f.literal_subscript && p.kind != K::ConcatenatedString) string_annotation(f, n);
      break;
    case K::Type:
      if (p.kind == K::TypeAlias) {
        f.annotation = true;
        if (field_in_parent() == sy.f_left) {
          // `type X[T] = ...` binds X; the rest of the left side is not read.
          TSNode name = ts_node_named_child(n, 0);
          TSNode generic = name;
          if (!ts_node_is_null(name) && is(name, "generic_type")) name = ts_node_named_child(name, 0);
          if (!ts_node_is_null(name) && is(name, "identifier")) emit(f, Ev::Bind, name, BindingKind::TypeAlias);
          if (!ts_node_is_null(generic) && is(generic, "generic_type")) {
            // `type A[T] = ...`: T is visible on the right only.
            p.type_params_scope = new_scope(ScopeKind::TypeParams, static_cast<int32_t>(f.scope), p.node);
            Frame in_params = {};
            in_params.scope = p.type_params_scope;
            in_params.sink = f.sink;
            for (TSNode c : children(generic)) {
              if (!is(c, "type_parameter")) continue;
              for (TSNode t : children(c)) {
                const TSNode id = type_parameter_name(t, p.type_params_scope);
                if (!ts_node_is_null(id)) emit(in_params, Ev::Bind, id, BindingKind::TypeParam);
              }
            }
          }
          f.ctx = Ctx::Ignore;
        } else {
          f.lazy = true;  // a type alias's value is evaluated when first used
          if (p.type_params_scope != UINT32_MAX) f.scope = p.type_params_scope;
        }
      } else if (p.kind == K::TypeParameter && p.type_parameter_list) {
        // One type parameter: T, T: bound, *Ts or **P. Its name binds; a bound is read later.
        const TSNode name = type_parameter_name(n, f.scope);
        if (!ts_node_is_null(name)) {
          emit(f, Ev::Bind, name, BindingKind::TypeParam);
          bound_name_at = ts_node_start_byte(name);  // not a read when the walk reaches it
        }
      }
      break;
    default:
      break;
  }

  // Match patterns: captures bind, dotted names load.
  if (f.bind_kind == BindingKind::MatchCapture && p.kind != K::Case && k != K::Identifier) {
    // handled below by kind
  }
  if (p.bind_kind == BindingKind::MatchCapture || f.bind_kind == BindingKind::MatchCapture) {
    if (k == K::DottedName && (p.kind == K::CasePattern || p.kind == K::KeywordPattern || p.kind == K::DictPattern)) {
      // A single name is a capture (`_` is a wildcard); a dotted one is a value.
      int names = 0;
      TSNode first{};
      for (TSNode c : children(n)) {
        if (is(c, "identifier")) {
          if (names == 0) first = c;
          ++names;
        }
      }
      if (names == 1 && p.kind != K::DictPattern) {
        if (text(first) != "_") emit(f, Ev::Bind, first, BindingKind::MatchCapture);
      } else if (names >= 1) {
        emit(f, Ev::Load, first);
      }
      f.ctx = Ctx::Ignore;
    } else if (k == K::DottedName && p.kind == K::ClassPattern) {
      TSNode first = ts_node_named_child(n, 0);
      if (!ts_node_is_null(first)) emit(f, Ev::Load, first);
      f.ctx = Ctx::Ignore;
    } else if (k == K::SplatPattern) {
      for (TSNode c : children(n)) {
        if (is(c, "identifier") && text(c) != "_") emit(f, Ev::Bind, c, BindingKind::MatchCapture);
      }
      f.ctx = Ctx::Ignore;
    } else if (k == K::DictPattern) {
      f.ctx = Ctx::Load;
    }
    if (p.kind == K::Case && (k == K::IfClause || k == K::Block)) {
      f.bind_kind = BindingKind::Assignment;
      f.ctx = Ctx::Load;
    }
  }
  frames.push_back(std::move(f));
}

void SemanticBuilder::Impl::leave(TSNode n) {
  Frame f = std::move(frames.back());
  frames.pop_back();
  if (f.held) {
    EventList* out = f.outer_sink ? f.outer_sink : f.sink;
    if (f.kind == K::ForIn) out = f.outer_sink;
    out->append(*f.held);
  }
  switch (f.kind) {
    case K::Function:
    case K::Class: {
      TSNode name = field(n, "name");
      if (!ts_node_is_null(name)) {
        Frame at = {};
        at.scope = f.kind == K::Class ? f.outer_scope : f.outer_scope;
        at.sink = f.kind == K::Class ? f.sink : f.outer_sink;
        at.flags = f.flags;
        at.branch = f.branch;
        at.stmt = f.stmt;
        at.stmt_start = f.stmt_start;
        emit(at, Ev::Bind, name, f.kind == K::Class ? BindingKind::Class : BindingKind::Function);
      }
      if (f.kind == K::Function) {
        Event e;
        e.kind = Ev::DeferFunction;
        e.scope = f.outer_scope;
        e.aux = f.own_unit_index;
        f.outer_sink->push_back(e);
      }
      break;
    }
    case K::Lambda:
      break;
    case K::Except: {
      // `except E as e`: the alias sits in the clause, or in an as_pattern as its value.
      TSNode alias = field(n, "alias");
      if (ts_node_is_null(alias)) {
        for (TSNode c : children(n)) {
          if (is(c, "as_pattern")) alias = field(c, "alias");
        }
        if (!ts_node_is_null(alias) && is(alias, "as_pattern_target")) alias = ts_node_named_child(alias, 0);
      }
      if (!ts_node_is_null(alias)) {
        TSNode id = unparenthesized(alias);
        if (is(id, "identifier")) {
          Event e;
          e.kind = Ev::ExceptEnd;
          e.scope = f.scope;
          e.start = ts_node_start_byte(id);
          e.end = ts_node_end_byte(id);
          set_name(e, name_text(id));
          f.sink->push_back(e);
        }
      }
      break;
    }
    default:
      break;
  }
}

SemanticBuilder::SemanticBuilder(std::string_view source, std::string_view path)
    : impl_(std::make_unique<Impl>(source, path)) {}
SemanticBuilder::~SemanticBuilder() = default;
void SemanticBuilder::set_target_minor(int minor) { impl_->model->target_minor = minor; }
void SemanticBuilder::set_notebook(bool notebook) { impl_->model->is_notebook = notebook; }
void SemanticBuilder::set_typing_modules(const std::vector<std::string>& modules) {
  impl_->model->configured_typing_modules = modules;
}
void SemanticBuilder::enter(TSNode node, const TSTreeCursor& cursor) { impl_->enter(node, cursor); }
void SemanticBuilder::leave(TSNode node) { impl_->leave(node); }
std::unique_ptr<SemanticModel> SemanticBuilder::resolve() { return impl_->resolve(); }

std::string_view SemanticBuilder::Impl::normalized(std::string_view name) {
  std::string nfkc = nfkc_if_changed(name);
  if (nfkc.empty()) return name;
  return model->normalized_names.emplace_back(std::move(nfkc));
}

}  // namespace lint
