// What a statement or expression is inside of, as Python's compiler sees it: functions, lambdas,
// classes, comprehensions and loops. Shared by F406, F701, F702, F704 and F706.
//
// A rule lists kEnclosingKinds among its kinds and forwards enter()/leave() of those nodes to an
// EnclosingScopes member. Each frame knows the part of its node that it governs: a function's,
// lambda's or class's body only (decorators, defaults, annotations and bases are evaluated in the
// enclosing scope); a comprehension's whole node except the iterable of its first `for` (also
// evaluated outside); a loop's body only (not its `else`). Questions are asked about a byte
// position, so they answer correctly for any node inside the frame's node.
#pragma once

#include <cstdint>
#include <initializer_list>
#include <iterator>
#include <string_view>
#include <vector>

#include "engine/rule.h"

namespace lint::rules {

enum class EnclosingKind : uint8_t { Function, Lambda, Class, Comprehension, Generator, Loop };

inline constexpr std::string_view kEnclosingKinds[] = {
    "function_definition", "lambda",          "class_definition",
    "list_comprehension",  "set_comprehension", "dictionary_comprehension",
    "generator_expression", "for_statement",   "while_statement",
};

// kEnclosingKinds followed by a rule's own kinds, for its RuleSpec.
inline std::vector<std::string_view> with_enclosing_kinds(std::initializer_list<std::string_view> own) {
  std::vector<std::string_view> all(std::begin(kEnclosingKinds), std::end(kEnclosingKinds));
  all.insert(all.end(), own.begin(), own.end());
  return all;
}

class EnclosingScopes {
 public:
  struct Frame {
    EnclosingKind kind;
    uint32_t id;                    // 1, 2, ... in the order the frames were entered (0 is the module)
    uint32_t start, end;            // the governed region
    uint32_t skip_start, skip_end;  // a part of it evaluated outside (a comprehension's first iterable)
    bool is_async;                  // an `async def`
    bool governs(uint32_t pos) const { return pos >= start && pos < end && !(pos >= skip_start && pos < skip_end); }
  };

  // Returns whether the node was one of kEnclosingKinds.
  bool enter(TSNode n) {
    const Shape shape = shape_of(n);
    if (shape == Shape::None) return false;
    Frame f{};
    const uint32_t node_start = ts_node_start_byte(n), node_end = ts_node_end_byte(n);
    if (shape == Shape::Function || shape == Shape::Class || shape == Shape::Lambda) {
      f.kind = shape == Shape::Class    ? EnclosingKind::Class
               : shape == Shape::Lambda ? EnclosingKind::Lambda
                                        : EnclosingKind::Function;
      const TSNode body = field(n, "body");
      f.start = ts_node_is_null(body) ? node_end : ts_node_start_byte(body);
      f.end = node_end;
      const TSNode first = ts_node_child(n, 0);
      f.is_async = f.kind == EnclosingKind::Function && !ts_node_is_null(first) && is(first, "async");
    } else if (shape == Shape::Loop) {
      f.kind = EnclosingKind::Loop;
      const TSNode body = field(n, "body");
      f.start = ts_node_is_null(body) ? node_end : ts_node_start_byte(body);
      f.end = ts_node_is_null(body) ? node_end : ts_node_end_byte(body);
    } else {
      f.kind = shape == Shape::Generator ? EnclosingKind::Generator : EnclosingKind::Comprehension;
      f.start = node_start;
      f.end = node_end;
      for (TSNode c : children(n)) {
        if (!is(c, "for_in_clause")) continue;
        const TSNode iter = field(c, "right");
        if (!ts_node_is_null(iter)) {
          f.skip_start = ts_node_start_byte(iter);
          f.skip_end = ts_node_end_byte(c);
        }
        break;
      }
    }
    f.id = ++last_id_;
    frames_.push_back(f);
    return true;
  }

  bool leave(TSNode n) {
    if (shape_of(n) == Shape::None) return false;
    if (!frames_.empty()) frames_.pop_back();
    return true;
  }

  // The innermost frame governing `pos` whose kind is not a loop, or null at module level.
  const Frame* scope_at(uint32_t pos) const {
    for (size_t i = frames_.size(); i-- > 0;) {
      const Frame& f = frames_[i];
      if (f.kind != EnclosingKind::Loop && f.governs(pos)) return &f;
    }
    return nullptr;
  }

  // Whether a `break`/`continue` at `pos` is inside a loop of its own function or class body.
  bool in_loop(uint32_t pos) const {
    for (size_t i = frames_.size(); i-- > 0;) {
      const Frame& f = frames_[i];
      if (!f.governs(pos)) continue;
      if (f.kind == EnclosingKind::Loop) return true;
      if (f.kind == EnclosingKind::Function || f.kind == EnclosingKind::Class || f.kind == EnclosingKind::Lambda) {
        return false;
      }
    }
    return false;
  }

  // Whether `pos` is in a function or class body (at any depth), i.e. not at module level.
  bool in_function_or_class(uint32_t pos) const {
    for (size_t i = frames_.size(); i-- > 0;) {
      const Frame& f = frames_[i];
      if ((f.kind == EnclosingKind::Function || f.kind == EnclosingKind::Class) && f.governs(pos)) return true;
    }
    return false;
  }

  // Where `await` is accepted: in a function or lambda, or in a generator expression (evaluated
  // lazily), looking outward through list, set and dictionary comprehensions.
  bool await_allowed(uint32_t pos) const {
    for (size_t i = frames_.size(); i-- > 0;) {
      const Frame& f = frames_[i];
      if (f.kind == EnclosingKind::Loop || !f.governs(pos)) continue;
      switch (f.kind) {
        case EnclosingKind::Function:
        case EnclosingKind::Lambda:
        case EnclosingKind::Generator:
          return true;
        case EnclosingKind::Comprehension:
          continue;
        default:
          return false;
      }
    }
    return false;
  }

  const std::vector<Frame>& frames() const { return frames_; }

  // Whether the node is one of kEnclosingKinds.
  static bool is_enclosing(TSNode n) { return shape_of(n) != Shape::None; }

 private:
  enum class Shape : uint8_t { None, Function, Class, Lambda, Loop, Comprehension, Generator };

  // By symbol, from a table built once: enter() and leave() are called for many nodes.
  static Shape shape_of(TSNode n) {
    static const std::vector<Shape> shapes = [] {
      const TSLanguage* lang = tree_sitter_python();
      std::vector<Shape> v(ts_language_symbol_count(lang), Shape::None);
      for (TSSymbol s = 0; s < v.size(); ++s) {
        if (ts_language_symbol_type(lang, s) != TSSymbolTypeRegular) continue;
        const std::string_view k = ts_language_symbol_name(lang, s);
        v[s] = k == "function_definition"                         ? Shape::Function
               : k == "class_definition"                          ? Shape::Class
               : k == "lambda"                                    ? Shape::Lambda
               : k == "for_statement" || k == "while_statement"   ? Shape::Loop
               : k == "generator_expression"                      ? Shape::Generator
               : k == "list_comprehension" || k == "set_comprehension" || k == "dictionary_comprehension"
                   ? Shape::Comprehension
                   : Shape::None;
      }
      return v;
    }();
    const TSSymbol s = ts_node_symbol(n);
    return s < shapes.size() ? shapes[s] : Shape::None;
  }

  std::vector<Frame> frames_;
  uint32_t last_id_ = 0;
};

// The rules that only ask where a node is (F406, F701, F702, F704, F706) share one
// EnclosingScopes per thread: a frame is built once per node, whichever of them forwards the
// node first, not once per rule. The state starts afresh with each file.
class SharedEnclosingScopes {
 public:
  // As EnclosingScopes::enter() and leave().
  bool enter(TSNode n, const Context& ctx) {
    State& s = state();
    if (!s.entered.changed(ctx, n)) return EnclosingScopes::is_enclosing(n);
    if (s.serial != ctx.serial()) {
      s.scopes = EnclosingScopes();
      s.serial = ctx.serial();
    }
    return s.scopes.enter(n);
  }
  void leave(TSNode n, const Context& ctx) {
    State& s = state();
    if (s.left.changed(ctx, n)) s.scopes.leave(n);
  }
  const EnclosingScopes* operator->() const { return &state().scopes; }

 private:
  struct State {
    EnclosingScopes scopes;
    SharedNodeKey entered, left;
    uint64_t serial = 0;
  };
  static State& state() {
    thread_local State s;
    return s;
  }
};

}  // namespace lint::rules
