#include <catch2/catch.hpp>

#include "syntax/syntax.h"
#include "engine/traversal.h"

using namespace lint;

namespace {

std::optional<SyntaxError> error_in(const std::string& text) {
  Parser p;
  Tree t = p.parse(text);
  return first_syntax_error(t.get(), text);
}

// A rule that counts what it is given, to test the walk itself.
struct Counter final : Rule {
  int entered = 0;
  int left = 0;
  void enter(TSNode, Context&) override { ++entered; }
  void leave(TSNode, Context&) override { ++left; }
};

}  // namespace

TEST_CASE("valid code has no syntax error", "[syntax]") {
  CHECK_FALSE(error_in("def f(x):\n    return [y async for y in x]\n"));
  CHECK_FALSE(error_in("match x:\n    case [1, *rest]:\n        pass\n"));
  CHECK_FALSE(error_in("type X[T] = list[T]\n"));
  CHECK_FALSE(error_in("f'{x!r:>{width}}'\n"));
}

TEST_CASE("the first syntax error is located", "[syntax]") {
  const auto e = error_in("x = 1\ny = )\n");
  REQUIRE(e);
  CHECK(e->start_byte >= 6);
  CHECK(e->start_byte <= 10);
}

TEST_CASE("rewrite_for_parse keeps offsets and only touches what it must", "[syntax]") {
  CHECK(rewrite_for_parse("x = 1\n").empty());
  const std::string src = "def f():\n    (bar.\n  baz)  # c\n    y = (1,  # note\n  2)\n";
  const std::string out = rewrite_for_parse(src);
  REQUIRE(out.size() == src.size());
  CHECK(out == "def f():\n    (bar.   baz)  # c\n    y = (1,           2)\n");
  const std::string fut = "from __future__ import *\n";
  CHECK(rewrite_for_parse(fut) == "from __future_X import *\n");
  // Brackets inside strings and comments do not count.
  CHECK(rewrite_for_parse("s = '('\nt = 1  # (\nu = 2\n").empty());
  // Once rewritten, the dedented continuation parses.
  Parser p;
  Tree t = p.parse(out);
  CHECK_FALSE(ts_node_has_error(ts_tree_root_node(t.get())));
}

TEST_CASE("join_continuation_runs blanks all but the last continuation of a run", "[syntax]") {
  CHECK(join_continuation_runs("x = 1 + \\\n    2\n").empty());
  CHECK(join_continuation_runs("x = '\\\\'\n").empty());
  CHECK(join_continuation_runs("x = 1 + \\\n  \\\n\\\r\n2\n") == "x = 1 +       \\\r\n2\n");
  CHECK(join_continuation_runs("\\\n\\\n") == "  \\\n");
  // Inside a string or a comment a backslash continues nothing.
  CHECK(join_continuation_runs("s = '''\\\n\\\n'''\nx = 1 \\\n\\\n2\n") == "s = '''\\\n\\\n'''\nx = 1   \\\n2\n");
  CHECK(join_continuation_runs("x = 1  # \\\n\\\n2\n").empty());
  // The run parses as Python reads it: one logical line.
  Parser p;
  Tree t = p.parse(join_continuation_runs("x = 1 + \\\n\\\n\\\n2\n"));
  CHECK_FALSE(ts_node_has_error(ts_tree_root_node(t.get())));
}

TEST_CASE("rewrite_for_parse reads a type parameter's default as a bound", "[syntax]") {
  CHECK(rewrite_for_parse("def f[T = int](x: T = 1): pass\n") == "def f[T : int](x: T = 1): pass\n");
  CHECK(rewrite_for_parse("class C[T: str = str, U=dict[str, int]]: pass\n") ==
        "class C[T: str | str, U:dict[str, int]]: pass\n");
  CHECK(rewrite_for_parse("type A[T = int] = list[T]\n") == "type A[T : int] = list[T]\n");
  CHECK(rewrite_for_parse("x[a == b] = 1\n").empty());
  Parser p;
  for (const char* src : {"def f[T = int](x: T = 1): pass\n", "class C[T: str = str, U=dict[str, int]]: pass\n",
                          "type A[T = int] = list[T]\n"}) {
    INFO(src);
    Tree t = p.parse(rewrite_for_parse(src));
    CHECK_FALSE(ts_node_has_error(ts_tree_root_node(t.get())));
  }
}

TEST_CASE("rewrite_for_parse parenthesizes an annotation an operator follows", "[syntax]") {
  // Only annotations the grammar fails on; the parentheses take blanks at either end.
  CHECK(rewrite_for_parse("x: A[b] = None\ny: A.b[c] is d = 1\nz: A[b] | None\n").empty());
  CHECK(rewrite_for_parse("x: A[b]is not c = None\n") == "x:(A[b]is not c)= None\n");
  CHECK(rewrite_for_parse("def f(a: A[b] is c,\n      d: A[e] + 1\n): pass\n") ==
        "def f(a:(A[b])is c,       d:(A[e] + 1)): pass\n");
  CHECK(rewrite_for_parse("def f() -> A[b] if c else d: pass\n") == "def f() ->(A[b])if c else d: pass\n");
  CHECK(rewrite_for_parse("x: A[B[c] is d] = 1\n") == "x:(A[B[c] is d])= 1\n");
  // No blank to hold a parenthesis: left as it is.
  CHECK(rewrite_for_parse("x:A[b] is c = 1\n").empty());
  // Subscripts nested deeper than any annotation holds are not looked into.
  auto named = [](int depth) {
    std::string open;
    for (int i = 0; i < depth; ++i) open += "A[";
    return "x: " + open + "b" + std::string(depth, ']') + " is c = 1\n";
  };
  CHECK_FALSE(rewrite_for_parse(named(10)).empty());
  CHECK(rewrite_for_parse(named(100)).empty());
  Parser p;
  for (const char* src : {"x: A[b]is not c = None\n", "def f(a: A[b] is c,\n      d: A[e] + 1\n): pass\n",
                          "def f() -> A[b] if c else d: pass\n", "x: A[B[c] is d] = 1\n"}) {
    INFO(src);
    CHECK(ts_node_has_error(ts_tree_root_node(p.parse(src).get())));
    Tree t = p.parse(rewrite_for_parse(src));
    CHECK_FALSE(ts_node_has_error(ts_tree_root_node(t.get())));
  }
}

TEST_CASE("rewrite_for_parse drops the star of a starred bracketed target", "[syntax]") {
  CHECK(rewrite_for_parse("for [*[*a]], b in d: pass\n") == "for [ [*a]], b in d: pass\n");
  CHECK(rewrite_for_parse("x = [y for *(a, b), c in d]\n") == "x = [y for  (a, b), c in d]\n");
  // At the start of a line a blank would indent the statement: the star opens a parenthesis.
  CHECK(rewrite_for_parse("if x:\n    *(a, b), c = d\n") == "if x:\n    ((a, b), c)= d\n");
  // Stars in expressions are not targets: unpacking, multiplication, call arguments.
  CHECK(rewrite_for_parse("x = [*(a), *[b]]\ny[2 *(c)] = f(*(d))\n").empty());
  Parser p;
  for (const char* src : {"for [*[*a]], b in d: pass\n", "x = [y for *(a, b), c in d]\n",
                          "if x:\n    *(a, b), c = d\n"}) {
    INFO(src);
    CHECK(ts_node_has_error(ts_tree_root_node(p.parse(src).get())));
    Tree t = p.parse(rewrite_for_parse(src));
    CHECK_FALSE(ts_node_has_error(ts_tree_root_node(t.get())));
  }
}

TEST_CASE("too many unclosed brackets are caught before tree-sitter sees them", "[syntax]") {
  CHECK_FALSE(too_many_open_brackets("x = (1)\n"));
  const std::string closed = "x = " + std::string(70000, '(') + "1" + std::string(70000, ')') + "\n";
  CHECK_FALSE(too_many_open_brackets(closed));
  const std::string open = "x = " + std::string(70000, '(') + "\n";
  CHECK(too_many_open_brackets(open) == open.size());
  const std::string in_string = "x = '''" + std::string(70000, '(') + "'''\n";
  CHECK_FALSE(too_many_open_brackets(in_string));
}

TEST_CASE("a 100th level of indentation is refused as Python refuses it", "[syntax]") {
  auto nested = [](int depth, const std::string& unit) {
    std::string text;
    std::string indent;
    for (int i = 0; i < depth; ++i, indent += unit) text += indent + "if x:\n";
    return text + indent + "pass\n";
  };
  CHECK_FALSE(too_many_indentation_levels("x = 1\n"));
  CHECK_FALSE(too_many_indentation_levels(nested(99, " ")));  // 99 levels: the most CPython takes
  const std::string deep = nested(100, " ");
  CHECK(too_many_indentation_levels(deep) == deep.rfind("pass"));
  CHECK(too_many_indentation_levels(nested(300, "\t")) == nested(100, "\t").rfind("pass"));
  // Indentation inside brackets or strings, after a backslash, or on blank and comment lines
  // does not count.
  std::string wide = "x = [\n";
  std::string doc = "s = '''\n";
  std::string blank;
  for (int i = 0; i < 300; ++i) {
    wide += std::string(i, ' ') + "1,\n";
    doc += std::string(i, ' ') + "a\n";
    blank += std::string(i, ' ') + (i % 2 ? "# comment\n" : "\n");
  }
  const std::string continued = "x = 1 + \\\n" + std::string(200, ' ') + "2\n";
  CHECK_FALSE(too_many_indentation_levels(wide + "]\n" + doc + "'''\n" + blank + continued));
  // A form feed sets the column back to 0.
  std::string ff;
  for (int i = 0; i < 150; ++i) ff += std::string(i, ' ') + "\fx = 1\n";
  CHECK_FALSE(too_many_indentation_levels(ff));
}

TEST_CASE("the walk is iterative and pairs enter with leave", "[traversal]") {
  static const RuleSpec spec{.code = "X100", .name = "count", .linter = "test", .kinds = {"parenthesized_expression"},
                             .doc = "", .create = make_rule<Counter>()};
  const RuleSpec* specs[] = {&spec};
  DispatchTable table(specs);
  const int depth = 100000;
  const std::string text = "x = " + std::string(depth, '(') + "1" + std::string(depth, ')') + "\n";
  Parser p;
  Tree t = p.parse(text);
  LineIndex lines(text);
  Context ctx("deep.py", text, lines, t.get());
  std::vector<std::unique_ptr<Rule>> rules;
  rules.push_back(spec.create());
  walk(t.get(), table, rules, ctx);
  const auto& c = static_cast<const Counter&>(*rules[0]);
  CHECK(c.entered == depth);
  CHECK(c.left == depth);
}

TEST_CASE("an unknown node kind is a hard error", "[traversal]") {
  static const RuleSpec spec{.code = "X101", .name = "typo", .linter = "test", .kinds = {"comparision_operator"},
                             .doc = "", .create = make_rule<Counter>()};
  const RuleSpec* specs[] = {&spec};
  CHECK_THROWS_AS(DispatchTable(specs), UnknownNodeKind);
}

TEST_CASE("walk reports Python 2 statements and unexpected indentation", "[traversal]") {
  DispatchTable table({});
  auto python_error = [&](const std::string& text) {
    Parser p;
    Tree t = p.parse(text);
    LineIndex lines(text);
    Context ctx("t.py", text, lines, t.get());
    const std::vector<SyntaxError> errors = walk(t.get(), table, {}, ctx).python_errors;
    return errors.empty() ? std::optional<SyntaxError>() : std::optional<SyntaxError>(errors.front());
  };
  CHECK_FALSE(python_error("print(1)\nprint >> f, x\nif x:\n    a = 1\n    b = 2\n"));
  const auto p2 = python_error("x = 1\nprint 'hi'\n");
  REQUIRE(p2);
  CHECK(p2->start_byte == 12);  // at the argument, where Python's parser stops
  for (const char* py2 : {"x = 0177\n", "x = 10L\n", "raise E, v\n", "if a <> b: pass\n", "s = ur'x'\n", "s = `x`\n"}) {
    INFO(py2);
    CHECK(python_error(py2));
  }
  for (const char* py3 : {"x = 0\nx = 00\nx = 0_0\nx = 0o17\nx = 0.5\nx = 0e1\nx = 07j\n", "raise E(v)\nraise (E, v)\n",
                          "s = rb'x' + Rb'y' + br'z' + u'w'\n"}) {
    INFO(py3);
    CHECK_FALSE(python_error(py3));
  }
  const auto indent = python_error("x = 1\n    y = 2\n");
  REQUIRE(indent);
  CHECK(indent->message == "Unexpected indentation");
  CHECK(indent->start_byte == 6);
  CHECK_FALSE(python_error("if x: a = 1; b = 2\nc = (1,\n     2)\n"));
}
