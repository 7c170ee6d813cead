#include <catch2/catch.hpp>

#include "semantic/semantic.h"
#include "syntax/syntax.h"
#include "engine/traversal.h"

using namespace lint;

namespace {

struct Built {
  std::string text;
  Tree tree;
  std::unique_ptr<SemanticModel> model;
};

Built build(std::string text, std::string path = "t.py") {
  static Parser parser;
  Built b{std::move(text), {}, {}};
  b.tree = parser.parse(b.text);
  DispatchTable table({});
  LineIndex lines(b.text);
  Context ctx(path, b.text, lines, b.tree.get());
  WalkResult r = walk(b.tree.get(), table, {}, ctx, true);
  b.model = std::move(r.semantic);
  return b;
}

const Binding* find(const SemanticModel& m, std::string_view name, BindingKind kind) {
  for (const Binding& b : m.bindings) {
    if (b.name == name && b.kind == kind) return &b;
  }
  return nullptr;
}

std::vector<std::string_view> unresolved(const SemanticModel& m) {
  std::vector<std::string_view> out;
  for (const Unresolved& u : m.unresolved) out.push_back(u.name);
  return out;
}

}  // namespace

TEST_CASE("bindings of every kind are recorded with their scope", "[semantic]") {
  Built b = build(
      "import os.path\nimport numpy as np\nfrom a.b import c as d\nfrom __future__ import annotations\n"
      "x, *rest = f()\nlit1, lit2 = 1, 2\ny: int = 1\nz += 1\nfor i in range(3): pass\nwith f() as w: pass\n"
      "def fn(p, *args, q=1, **kw):\n    global g\n    g = 1\n    return (walrus := 2)\n"
      "class C: pass\nmatch v:\n    case [m, *ms] if m: pass\n");
  const SemanticModel& m = *b.model;
  REQUIRE(find(m, "os", BindingKind::SubmoduleImport));
  CHECK(find(m, "os", BindingKind::SubmoduleImport)->qualified_name == "os.path");
  CHECK(find(m, "np", BindingKind::Import)->qualified_name == "numpy");
  CHECK(find(m, "d", BindingKind::FromImport)->qualified_name == "a.b.c");
  CHECK(find(m, "annotations", BindingKind::FutureImport));
  CHECK(m.future_annotations);
  CHECK(find(m, "x", BindingKind::Assignment)->flags & kUnpacked);
  CHECK(find(m, "rest", BindingKind::Assignment));
  // Ruff does not count `a, b = 1, 2` as unpacking.
  CHECK_FALSE(find(m, "lit1", BindingKind::Assignment)->flags & kUnpacked);
  CHECK(find(m, "y", BindingKind::AnnotatedAssignment));
  CHECK(find(m, "z", BindingKind::AugmentedAssignment));
  CHECK(find(m, "i", BindingKind::LoopVar));
  CHECK(find(m, "w", BindingKind::WithItem));
  for (const char* arg : {"p", "args", "q", "kw"}) {
    INFO(arg);
    REQUIRE(find(m, arg, BindingKind::Argument));
    CHECK(m.scopes[find(m, arg, BindingKind::Argument)->scope].kind == ScopeKind::Function);
  }
  // `global g` in fn binds g in the module.
  REQUIRE(find(m, "g", BindingKind::Assignment));
  CHECK(find(m, "g", BindingKind::Assignment)->scope == 0);
  // The walrus binds in the function, not in a comprehension.
  CHECK(m.scopes[find(m, "walrus", BindingKind::NamedExpr)->scope].kind == ScopeKind::Function);
  CHECK(find(m, "fn", BindingKind::Function)->scope == 0);
  CHECK(find(m, "C", BindingKind::Class));
  CHECK(find(m, "m", BindingKind::MatchCapture));
  CHECK(find(m, "ms", BindingKind::MatchCapture));
}

TEST_CASE("function bodies resolve late; module code in order", "[semantic]") {
  Built b = build("def f():\n    return later\nprint(early)\nearly = later = 1\n");
  CHECK(unresolved(*b.model) == std::vector<std::string_view>{"early"});
  CHECK(find(*b.model, "later", BindingKind::Assignment)->uses == 1);
}

TEST_CASE("class scopes are invisible from nested functions and comprehensions", "[semantic]") {
  Built b = build("class C:\n    a = 1\n    b = a\n    c = [a for _ in b]\n    def m(self):\n        return a\n");
  // The comprehension's first iterable (`b`) runs in the class; its element (`a`) does not.
  CHECK(unresolved(*b.model) == std::vector<std::string_view>{"a", "a"});
}

TEST_CASE("except names are unbound after the handler; del unbinds", "[semantic]") {
  Built b = build("try:\n    pass\nexcept E as e:\n    pass\nprint(e)\nx = 1\ndel x\nprint(x)\n");
  CHECK(unresolved(*b.model) == std::vector<std::string_view>{"E", "e", "x"});
}

TEST_CASE("__all__ marks names as used and lists exports", "[semantic]") {
  Built b = build("import os, sys\n__all__ = ['os']\n__all__ += ['missing']\n__all__.remove('missing')\n");
  const SemanticModel& m = *b.model;
  CHECK(m.has_dunder_all);
  REQUIRE(m.exports.size() == 1);
  CHECK(m.exports[0].name == "os");
  CHECK(find(m, "os", BindingKind::Import)->uses == 1);
  CHECK(find(m, "sys", BindingKind::Import)->uses == 0);
}

TEST_CASE("qualified names follow imports", "[semantic]") {
  Built b = build("import os.path as p\nfrom os import path\nimport collections\np.join\npath.join\ncollections.abc.Mapping\nlen\n");
  const SemanticModel& m = *b.model;
  std::vector<std::string> names;
  TSNode root = ts_tree_root_node(b.tree.get());
  for (uint32_t i = 0; i < ts_node_named_child_count(root); ++i) {
    TSNode stmt = ts_node_named_child(root, i);
    if (!is(stmt, "expression_statement")) continue;
    names.push_back(m.qualified_name(ts_node_named_child(stmt, 0), b.text));
  }
  CHECK(names == std::vector<std::string>{"os.path.join", "os.path.join", "collections.abc.Mapping", "builtins.len"});
}

TEST_CASE("branches tell apart arms of if and try", "[semantic]") {
  Built b = build("try:\n    import json\nexcept ImportError:\n    json = None\nif a:\n    k = 1\nelse:\n    k = 2\nk = 3\n");
  const SemanticModel& m = *b.model;
  const Binding* imp = find(m, "json", BindingKind::Import);
  const Binding* fallback = find(m, "json", BindingKind::Assignment);
  REQUIRE(imp);
  REQUIRE(fallback);
  CHECK_FALSE(m.same_branch(*imp, *fallback));
  std::vector<const Binding*> ks;
  for (const Binding& x : m.bindings) {
    if (x.name == "k") ks.push_back(&x);
  }
  REQUIRE(ks.size() == 3);
  CHECK_FALSE(m.same_branch(*ks[0], *ks[1]));
  CHECK_FALSE(m.same_branch(*ks[0], *ks[2]));  // inside the if, and after it
  const Binding* top = find(m, "k", BindingKind::Assignment);
  CHECK(m.same_branch(*ks[2], *ks[2]));
  (void)top;
}

TEST_CASE("string annotations are parsed and resolved at the end", "[semantic]") {
  Built b = build("def f(x: 'Later', y: 'Missing') -> 'list[Later]':\n    pass\nclass Later: pass\n");
  CHECK(unresolved(*b.model) == std::vector<std::string_view>{"Missing"});
  CHECK(find(*b.model, "Later", BindingKind::Class)->uses == 2);
}
