// The shared edit helpers (src/fix/edits.h). Expected texts are what Ruff 0.17.3's fixes give
// for the same edits (checked with `ruff check --fix` on the same code).
#include <catch2/catch.hpp>

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "engine/rule.h"
#include "fix/edits.h"
#include "syntax/syntax.h"

using namespace lint;

namespace {

// A parsed file and a Context over it, for calling the helpers.
struct File {
  std::string text;
  Tree tree;
  LineIndex lines;
  Context ctx;

  explicit File(std::string source)
      : text(std::move(source)), tree(parser().parse(text)), lines(text), ctx("t.py", text, lines, tree.get()) {}

  static Parser& parser() {
    static Parser p;
    return p;
  }

  // The first node of a kind, depth first (the n-th with `skip`).
  TSNode find(std::string_view kind_name, int skip = 0) const {
    TSNode found{};
    for_each_node(ctx.root(), [&](TSTreeCursor& c, bool entering) {
      if (!entering || !ts_node_is_null(found)) return;
      const TSNode n = ts_tree_cursor_current_node(&c);
      if (is(n, kind_name) && skip-- == 0) found = n;
    });
    REQUIRE_FALSE(ts_node_is_null(found));
    return found;
  }

  std::string apply(const Edit& e) const {
    return text.substr(0, e.start) + e.content + text.substr(e.end);
  }
};

std::string after_removing_imports(const std::string& source, std::vector<std::string> members) {
  File f(source);
  TSNode stmt{};
  for (TSNode c : children(f.ctx.root())) {
    if (is(c, "import_statement") || is(c, "import_from_statement")) {
      stmt = c;
      break;
    }
  }
  REQUIRE_FALSE(ts_node_is_null(stmt));
  return f.apply(edits::remove_unused_imports(f.ctx, stmt, members));
}

}  // namespace

TEST_CASE("delete_statement removes whole lines, or what Ruff removes around semicolons", "[edits]") {
  {
    File f("import os\nx = 1\n");
    CHECK(f.apply(edits::delete_statement(f.ctx, f.find("import_statement"))) == "x = 1\n");
  }
  {
    File f("import os; x = 1\n");
    CHECK(f.apply(edits::delete_statement(f.ctx, f.find("import_statement"))) == "x = 1\n");
  }
  {
    File f("x = 1; import os\n");
    CHECK(f.apply(edits::delete_statement(f.ctx, f.find("import_statement"))) == "x = 1; \n");
  }
  {
    File f("x = 1; import os;\n");
    CHECK(f.apply(edits::delete_statement(f.ctx, f.find("import_statement"))) == "x = 1; \n");
  }
  {
    File f("x = 1 \\\n    ; import os\n");
    CHECK(f.apply(edits::delete_statement(f.ctx, f.find("import_statement"))) == "x = 1 \\\n    ; \n");
  }
  {
    File f("if x:\n    import os\n");
    CHECK(f.apply(edits::delete_statement(f.ctx, f.find("import_statement"))) == "if x:\n    pass\n");
  }
  {
    File f("if x:\n    import os\n    y = 1\n");
    CHECK(f.apply(edits::delete_statement(f.ctx, f.find("import_statement"))) == "if x:\n    y = 1\n");
  }
  {
    File f("import os\r\nx = 1\r\n");
    CHECK(f.apply(edits::delete_statement(f.ctx, f.find("import_statement"))) == "x = 1\r\n");
  }
}

TEST_CASE("isolation groups follow the parent statement", "[edits]") {
  File f("import a\nif x:\n    import b\n    import c\nelse:\n    import d\n");
  CHECK(edits::isolation_group(f.find("import_statement", 0)) == 0);
  const uint32_t b = edits::isolation_group(f.find("import_statement", 1));
  CHECK(b != 0);
  CHECK(edits::isolation_group(f.find("import_statement", 2)) == b);
  CHECK(edits::isolation_group(f.find("import_statement", 3)) == b);  // the else of the same if
  CHECK_FALSE(edits::is_lone_child(f.find("import_statement", 1)));
  CHECK(edits::is_lone_child(f.find("import_statement", 3)));
}

TEST_CASE("removing import members keeps the statement's layout as libcst prints it", "[edits]") {
  CHECK(after_removing_imports("import os, sys\n", {"os"}) == "import sys\n");
  CHECK(after_removing_imports("import os, sys\n", {"sys"}) == "import os\n");
  CHECK(after_removing_imports("import os\n", {"os"}) == "");
  CHECK(after_removing_imports("from m import (a, b, c)\n", {"a", "c"}) == "from m import (b)\n");
  CHECK(after_removing_imports("from m import (a ,b , c)\n", {"a", "c"}) == "from m import (b)\n");
  CHECK(after_removing_imports("from m import (\n    a,\n    b,  # about b\n    c,\n)\n", {"b"}) ==
        "from m import (\n    a,\n    c,\n)\n");
  // The new last alias keeps its own comma when a comment follows it.
  CHECK(after_removing_imports("from m import (\n    a,  # keep\n    b,  # drop\n)\n", {"b"}) ==
        "from m import (\n    a,  # keep\n    )\n");
  // ... else it takes the old last alias's trailing comma, or none.
  CHECK(after_removing_imports("from m import (\n    a,\n    b,  # drop\n)\n", {"b"}) ==
        "from m import (\n    a,  # drop\n)\n");
  CHECK(after_removing_imports("from m import a, \\\n    b\n", {"b"}) == "from m import a\n");
  CHECK(after_removing_imports("import a . b, c\n", {"a.b"}) == "import c\n");
  CHECK(after_removing_imports("from m import a as b, c as d\n", {"c"}) == "from m import a as b\n");
  // A name listed once removes its first alias only.
  CHECK(after_removing_imports("from m import a, a as b\n", {"a"}) == "from m import a as b\n");
}

TEST_CASE("removing call arguments and dict items as libcst prints them", "[edits]") {
  {
    File f("f(1, 2)\n");
    CHECK(f.apply(*edits::remove_call_arguments(f.ctx, f.find("call"), {1})) == "f(1, )\n");
  }
  {
    File f("f(1, 2 )\n");
    CHECK(f.apply(*edits::remove_call_arguments(f.ctx, f.find("call"), {1})) == "f(1, )\n");
  }
  {
    File f("f(b=2, a=1)\n");
    CHECK(f.apply(*edits::remove_call_arguments(f.ctx, f.find("call"), {0})) == "f(a=1)\n");
  }
  {
    File f("f(\n    a=1,\n    b=2,\n)\n");
    CHECK(f.apply(*edits::remove_call_arguments(f.ctx, f.find("call"), {1})) == "f(\n    a=1,\n    )\n");
  }
  {
    File f("d = {\"a\": 1, \"b\": 2, }\n");
    CHECK(f.apply(*edits::remove_collection_elements(f.ctx, f.find("dictionary"), {1})) == "d = {\"a\": 1,  }\n");
  }
  {
    File f("d = {\"a\": 1, \"b\": 2}\n");
    CHECK(f.apply(*edits::remove_collection_elements(f.ctx, f.find("dictionary"), {0, 1})) == "d = {}\n");
  }
}

TEST_CASE("removing one argument or member token by token", "[edits]") {
  {
    File f("f(a, b, c)\n");
    const TSNode args = f.find("argument_list");
    CHECK(f.apply(*edits::remove_argument(f.ctx, args, ts_node_named_child(args, 1), edits::Parentheses::Remove)) ==
          "f(a, c)\n");
    CHECK(f.apply(*edits::remove_argument(f.ctx, args, ts_node_named_child(args, 2), edits::Parentheses::Remove)) ==
          "f(a, b)\n");
  }
  {
    File f("class A(object):\n    pass\n");
    const TSNode args = f.find("argument_list");
    CHECK(f.apply(*edits::remove_argument(f.ctx, args, ts_node_named_child(args, 0), edits::Parentheses::Remove)) ==
          "class A:\n    pass\n");
    CHECK(f.apply(*edits::remove_argument(f.ctx, args, ts_node_named_child(args, 0), edits::Parentheses::Preserve)) ==
          "class A():\n    pass\n");
  }
  {
    File f("x = {1, 2, 3}\n");
    const TSNode set = f.find("set");
    const std::vector<TSNode> elements{ts_node_named_child(set, 0), ts_node_named_child(set, 1),
                                       ts_node_named_child(set, 2)};
    CHECK(f.apply(*edits::remove_member(f.ctx, elements, 0)) == "x = {2, 3}\n");
    CHECK(f.apply(*edits::remove_member(f.ctx, elements, 2)) == "x = {1, 2}\n");
  }
}

TEST_CASE("adjust_indentation dedents a block as Ruff's textual path does", "[edits]") {
  File f("if x:\n        a = 1\n        if y:\n            b = 2\n");
  const uint32_t start = static_cast<uint32_t>(f.text.find("        a"));
  CHECK(edits::adjust_indentation(f.ctx, start, static_cast<uint32_t>(f.text.size()), "    ") ==
        std::optional<std::string>("    a = 1\n    if y:\n        b = 2\n"));
  File g("if x:\n    s = \"\"\"\n  text\n\"\"\"\n");
  CHECK(edits::adjust_indentation(g.ctx, 6, static_cast<uint32_t>(g.text.size()), "") ==
        std::optional<std::string>("s = \"\"\"\n  text\n\"\"\"\n"));
  // Continuation lines: inside brackets they follow the block when indented at least as far as it,
  // after a backslash they stay.
  File h("if x:\n    if y:\n        z = f\"{a}\" + (1,\n            2) + \\\n            3\n        w = (4,\n      5)\n");
  const uint32_t inner = static_cast<uint32_t>(h.text.find("        z"));
  CHECK(edits::adjust_indentation(h.ctx, inner, static_cast<uint32_t>(h.text.size()), "") ==
        std::optional<std::string>("z = f\"{a}\" + (1,\n    2) + \\\n            3\nw = (4,\n      5)\n"));
}

TEST_CASE("contains_effect follows Ruff's judgement", "[edits]") {
  const auto effect = [](const std::string& expr) {
    File f("x = " + expr + "\n");
    const TSNode value = field(f.find("assignment"), "right");
    return edits::contains_effect(f.ctx, value, [](std::string_view) { return true; });
  };
  CHECK_FALSE(effect("1"));
  CHECK_FALSE(effect("a.b"));
  CHECK_FALSE(effect("list()"));
  CHECK_FALSE(effect("\"a\" + \"b\""));
  CHECK_FALSE(effect("(1, [2], {3: 4})"));
  CHECK_FALSE(effect("f\"{a}\""));
  CHECK(effect("f()"));
  CHECK(effect("list(a)"));
  CHECK(effect("a[0]"));
  CHECK(effect("-1 + 2"));
  CHECK(effect("[1] + [g()]"));
  CHECK(effect("lambda: g()"));
  CHECK(effect("(y := 1)"));
  CHECK(effect("[i for i in a]"));
  CHECK(effect("f\"{g()}\""));
}
