#include <string>
#include <vector>

#include "flake8_simplify/helpers.h"
#include "pyupgrade/mentions.h"

namespace lint::rules {

namespace {

constexpr std::string_view kDoc = R"(## What it does
Checks for files opened outside a context manager: `open()` and the standard library's other
file openers (`gzip.open`, `tempfile.TemporaryFile`, `pathlib.Path(...).open()`...) called other
than as the subject of a `with` statement.

## Why is this bad?
A file opened without `with` stays open until it is closed by hand or collected; an exception
between the two leaks it. `with` closes it however the block is left.

Left alone: a file returned at once, closed at once (`open(p).close()`), entered into an
`ExitStack` (`stack.enter_context(open(p))` inside `with ExitStack() as stack`, or the async
form), into a unittest context (`self.enterContext(...)`, `cls.enterClassContext(...)`), or
opened in an `__enter__` method.

## Example
```python
file = open("notes.txt")
data = file.read()
file.close()
```

Use instead:
```python
with open("notes.txt") as file:
    data = file.read()
```
)";

bool is_opener(std::string_view q) {
  static const std::string_view names[] = {
      "builtins.open", "bz2.open", "codecs.open", "dbm.open", "gzip.open", "tarfile.open", "shelve.open",
      "tokenize.open", "wave.open", "dbm.gnu.open", "dbm.ndbm.open", "dbm.dumb.open", "dbm.sqlite3.open",
      "fileinput.FileInput", "fileinput.input", "io.open", "io.open_code", "lzma.LZMAFile", "lzma.open",
      "tarfile.TarFile.taropen", "tempfile.TemporaryFile", "tempfile.NamedTemporaryFile",
      "tempfile.SpooledTemporaryFile"};
  for (const std::string_view n : names) {
    if (q == n) return true;
  }
  return false;
}

// The expression holding `n` as Ruff's AST sees it: parentheses, argument lists and the like
// are no expressions there. Null when a statement holds `n` directly.
TSNode parent_expression(TSNode n) {
  for (TSNode p = ts_node_parent(n); !ts_node_is_null(p); p = ts_node_parent(p)) {
    const std::string_view k = kind(p);
    if (k == "parenthesized_expression" || k == "argument_list" || k == "keyword_argument" || k == "pair" ||
        k == "for_in_clause" || k == "if_clause" || k == "interpolation" || k == "format_specifier" ||
        k == "format_expression") {
      continue;
    }
    if (simplify::is_statement_kind(k) || k == "block" || k == "module" || k.ends_with("_clause") ||
        k == "assignment" || k == "augmented_assignment") {
      return TSNode{};
    }
    return p;
  }
  return TSNode{};
}

class OpenFileWithContextHandler final : public Rule {
 public:
  void enter(TSNode node, Context& ctx) override {
    if (mentioned_ < 0) mentioned_ = up::mentions_any(ctx.source(), {"open", "FileInput", "input", "LZMAFile", "TemporaryFile"});
    if (!mentioned_) return;
    const TSNode function = callee(node, ctx);
    if (is(function, "identifier")) {
      candidates_.push_back(node);
    } else if (is(function, "attribute")) {
      const std::string_view attr = ctx.text(field(function, "attribute"));
      static const std::string_view names[] = {"open", "FileInput", "input", "open_code", "LZMAFile", "taropen",
                                               "TemporaryFile", "NamedTemporaryFile", "SpooledTemporaryFile",
                                               "gzopen", "bz2open", "xzopen"};
      for (const std::string_view n : names) {
        if (attr == n) {
          candidates_.push_back(node);
          break;
        }
      }
    }
  }

  void finish(Context& ctx) override {
    const SemanticModel* m = ctx.semantic();
    if (!m) return;
    const up::Resolver resolver(*m, ctx);
    for (const TSNode call : candidates_) {
      const TSNode function = unparenthesized(field(call, "function"));
      if (!is_open_call(function, resolver, ctx) || exempt(call, resolver, ctx)) continue;
      report(ctx, function, "Use a context manager for opening files");
    }
  }

 private:
  static bool is_open_call(TSNode function, const up::Resolver& resolver, const Context& ctx) {
    const std::string q = resolver.qualified(function);
    if (!q.empty()) return is_opener(q);
    if (!is(function, "attribute")) return false;
    const TSNode object = unparenthesized(field(function, "object"));
    if (!is(object, "call")) return false;
    const std::string instance = resolver.qualified(field(object, "function"));
    const std::string_view attr = ctx.text(field(function, "attribute"));
    if (instance == "pathlib.Path" || instance == "zipfile.ZipFile" || instance == "lzma.LZMAFile") return attr == "open";
    if (instance == "tarfile.TarFile") {
      return attr == "open" || attr == "taropen" || attr == "gzopen" || attr == "bz2open" || attr == "xzopen";
    }
    return false;
  }

  // Whether some `with` statement around `n` enters `contextlib.<stack>()`.
  static bool inside_exit_stack(TSNode n, std::string_view stack, const up::Resolver& resolver) {
    for (TSNode p = ts_node_parent(n); !ts_node_is_null(p); p = ts_node_parent(p)) {
      if (!is(p, "with_statement")) continue;
      bool found = false;
      for (const TSNode clause : simplify::named_operands(p)) {
        if (!is(clause, "with_clause")) continue;
        for (const TSNode item : simplify::named_operands(clause)) {
          if (!is(item, "with_item")) continue;
          TSNode value = unparenthesized(field(item, "value"));
          if (simplify::is_kind(value, "as_pattern")) value = unparenthesized(simplify::named_operands(value)[0]);
          if (simplify::is_kind(value, "call") && resolver.qualified(field(value, "function")) == "contextlib." + std::string(stack)) {
            found = true;
          }
        }
      }
      if (found) return true;
    }
    return false;
  }

  static bool exempt(TSNode call, const up::Resolver& resolver, const Context& ctx) {
    const TSNode parent = parent_expression(call);
    const TSNode grandparent = ts_node_is_null(parent) ? TSNode{} : parent_expression(parent);
    // `open(p).close()`
    if (simplify::is_kind(grandparent, "call") && simplify::named_operands(field(grandparent, "arguments")).empty()) {
      const TSNode f = unparenthesized(field(grandparent, "function"));
      if (is(f, "attribute") && ctx.text(field(f, "attribute")) == "close") return true;
    }
    const TSNode stmt = simplify::current_statement(call);
    if (simplify::is_kind(stmt, "with_statement") || simplify::is_kind(stmt, "return_statement")) return true;
    const auto attr_of = [&](TSNode c) -> std::string_view {
      if (!simplify::is_kind(c, "call")) return {};
      const TSNode f = unparenthesized(field(c, "function"));
      return is(f, "attribute") ? ctx.text(field(f, "attribute")) : std::string_view();
    };
    if (attr_of(parent) == "enter_context" && inside_exit_stack(call, "ExitStack", resolver)) return true;
    if (simplify::is_kind(grandparent, "await") && attr_of(unparenthesized(simplify::named_operands(grandparent)[0])) == "enter_async_context" &&
        inside_exit_stack(call, "AsyncExitStack", resolver)) {
      return true;
    }
    if (simplify::is_kind(parent, "call")) {
      const TSNode f = unparenthesized(field(parent, "function"));
      if (is(f, "attribute") && is(unparenthesized(field(f, "object")), "identifier")) {
        const std::string_view object = ctx.text(unparenthesized(field(f, "object")));
        const std::string_view attr = ctx.text(field(f, "attribute"));
        if ((object == "cls" && attr == "enterClassContext") ||
            (object == "self" && (attr == "enterContext" || attr == "enterAsyncContext"))) {
          return true;
        }
      }
    }
    const TSNode function = simplify::enclosing_function(call);
    return !ts_node_is_null(function) && ctx.text(field(function, "name")) == "__enter__";
  }

  std::vector<TSNode> candidates_;
  int mentioned_ = -1;  // whether the file writes a name the rule looks for (-1: not known yet)
};

}  // namespace

extern const RuleSpec open_file_with_context_handler{
    .code = "SIM115",
    .name = "open-file-with-context-handler",
    .linter = "flake8-simplify",
    .kinds = {"call"},
    .doc = kDoc,
    .create = make_rule<OpenFileWithContextHandler>(),
    .needs_semantic = true,
};

}  // namespace lint::rules
