#include <string>
#include <string_view>
#include <vector>

#include "pyflakes/name_bindings.h"
#include "replay.h"

namespace lint::rules {

namespace {

constexpr std::string_view kDoc = R"(## What it does
Checks for `print >> stream, ...`: Python 2's way to print to a file.

## Why is this bad?
In Python 3 `print` is a function, and `print >> sys.stderr` shifts the function object right by
a stream: it raises a `TypeError` at run time instead of printing. Pass the stream as the `file`
argument, or write to it directly.

Only the builtin `print` is reported (also as `builtins.print`): a `print` that the code binds
itself, say as a parameter or an assignment visible at that point, may well support `>>`.

## Example
```python
import sys

print >> sys.stderr, "Hello, world!"
```

Use instead:
```python
import sys

print("Hello, world!", file=sys.stderr)
```
)";

constexpr std::string_view kMessage = "Use of `>>` is invalid with `print` function";

// The builtin `print` can be shadowed by a binding of the same name; without a full semantic
// model, this rule records the bindings of `print` and the candidate reports with the scopes
// around them, and decides once the file is walked, following the order in which Ruff visits
// code: a scope's own bindings count when they come before the use; an enclosing scope's count
// everywhere once a function or lambda lies in between (Ruff visits function bodies last).
class InvalidPrintSyntax final : public Rule {
 public:
  // `print >>` is rare, and following every binding of every file to judge it cost 1% of a run.
  // So the walk only looks for the shape (`print >>`, `(print) >>`, `builtins.print >>`, a print
  // statement with `>>`); a file that has it is walked once more in finish(), this time tracking
  // scopes and bindings, with exactly the visits the engine would have made.
  void enter(TSNode node, Context& ctx) override {
    if (!replaying_) {
      seen_ = seen_ || looks_like_candidate(node, ctx);
      return;
    }
    scopes_.enter(node);
    bindings_.enter(node, scopes_, ctx);
    const std::string_view k = kind(node);
    if (k == "binary_operator") {
      const TSNode op = field(node, "operator");
      if (ts_node_is_null(op) || !is(op, ">>")) return;
      candidate(unparenthesized(field(node, "left")), ctx);
    } else if (k == "print_statement") {
      // `print >> f, x` parses as a Python 2 print statement: the keyword is the left operand.
      for (TSNode c : children(node)) {
        if (is(c, "chevron")) {
          add_candidate(ts_node_child(node, 0));
          break;
        }
      }
    }
  }
  void leave(TSNode node, Context&) override {
    if (replaying_) scopes_.leave(node);
  }
  void finish(Context& ctx) override {
    if (!seen_) return;
    replay(ctx);
    for (const Candidate& c : candidates_) {
      if (!shadowed(c)) report(ctx, c.start, c.end, std::string(kMessage));
    }
  }

 private:
  // Walks the file as the engine does, with the kinds the rule would subscribe to: the
  // candidates' own and every kind that opens a scope or binds.
  void replay(Context& ctx) {
    static const std::vector<uint8_t> wanted = symbol_set(with_binding_kinds({"binary_operator", "print_statement"}));
    replaying_ = true;
    replay_walk(ctx.root(), wanted, [&](TSNode n) { enter(n, ctx); }, [&](TSNode n) { leave(n, ctx); });
  }

  // A necessary condition for a candidate, cheap to test.
  static bool looks_like_candidate(TSNode node, const Context& ctx) {
    if (is(node, "print_statement")) return true;  // chevrons are checked by the replay
    const TSNode op = field(node, "operator");
    if (ts_node_is_null(op) || !is(op, ">>")) return false;
    const TSNode left = unparenthesized(field(node, "left"));
    if (ts_node_is_null(left)) return false;
    if (is(left, "identifier")) return ctx.text(left) == "print";
    return is(left, "attribute") && ctx.text(field(left, "attribute")) == "print";
  }

  struct ScopeRef {
    uint32_t id;
    EnclosingKind kind;
  };
  struct Candidate {
    uint32_t start, end;
    bool attribute;                // `builtins.print`
    std::vector<ScopeRef> chain;   // innermost first; the module (id 0) is implied after
  };

  void candidate(TSNode left, Context& ctx) {
    if (ts_node_is_null(left)) return;
    if (is(left, "identifier")) {
      if (ctx.text(left) == "print") add_candidate(left);
    } else if (is(left, "attribute") && !bindings_.builtins_module_names().empty()) {
      const TSNode object = unparenthesized(field(left, "object"));
      const TSNode attr = field(left, "attribute");
      if (ts_node_is_null(object) || !is(object, "identifier") || ctx.text(attr) != "print") return;
      for (std::string_view name : bindings_.builtins_module_names()) {
        if (ctx.text(object) == name) {
          add_candidate(left, true);
          return;
        }
      }
    }
  }

  void add_candidate(TSNode n, bool attribute = false) {
    Candidate c{ts_node_start_byte(n), ts_node_end_byte(n), attribute, {}};
    const auto& frames = scopes_.frames();
    for (size_t i = frames.size(); i-- > 0;) {
      if (frames[i].kind != EnclosingKind::Loop && frames[i].governs(c.start)) c.chain.push_back({frames[i].id, frames[i].kind});
    }
    candidates_.push_back(std::move(c));
  }

  bool shadowed(const Candidate& c) const {
    if (c.attribute) return false;
    bool deferred = false;
    for (size_t i = 0; i <= c.chain.size(); ++i) {
      const bool module = i == c.chain.size();
      const uint32_t id = module ? 0 : c.chain[i].id;
      const EnclosingKind k = module ? EnclosingKind::Class : c.chain[i].kind;
      // Class scopes are only visible from their own body.
      if (!module && k == EnclosingKind::Class && i > 0) continue;
      for (const auto& b : bindings_.bindings()) {
        if (b.scope == id && (deferred || b.pos < c.start)) return true;
      }
      if (!module && (k == EnclosingKind::Function || k == EnclosingKind::Lambda)) deferred = true;
    }
    return false;
  }

  EnclosingScopes scopes_;
  NameBindings bindings_{"print"};
  std::vector<Candidate> candidates_;
  bool seen_ = false;       // the walk met something shaped like a candidate
  bool replaying_ = false;  // finish() is walking the file again
};

}  // namespace

extern const RuleSpec invalid_print_syntax{
    .code = "F633",
    .name = "invalid-print-syntax",
    .linter = "pyflakes",
    .kinds = {"binary_operator", "print_statement"},
    .doc = kDoc,
    .create = make_rule<InvalidPrintSyntax>(),
};

}  // namespace lint::rules
