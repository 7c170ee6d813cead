#include <algorithm>

#include "flake8_bugbear/helpers.h"

namespace lint::rules {

namespace {

using namespace bugbear;

constexpr std::string_view kDoc = R"(## What it does
Checks for `functools.lru_cache` and `functools.cache` decorating instance methods.

## Why is this bad?
The cache is kept on the function, shared by all instances, and its keys include `self`: every
instance a cached method was called on stays alive as long as the cache does, which for a
method defined in a class is the life of the program.

Static methods, class methods and methods of enumerations (whose members live forever anyway)
are not reported. Decorators that make class or static methods can be added with the
`classmethod-decorators` and `staticmethod-decorators` options of `[pep8-naming]`, as in Ruff.

## Example
```python
from functools import cache


class Catalog:
    @cache
    def lookup(self, key):
        ...
```

Use instead:
```python
from functools import cache


@cache
def lookup(catalog, key):
    ...


class Catalog:
    def lookup(self, key):
        return lookup(self, key)
```
)";

// The class whose body holds a definition (through `if`, `try`, loops...), or null when the
// definition is in a function or at module level.
TSNode enclosing_class(TSNode def) {
  for (TSNode n = ts_node_parent(def); !ts_node_is_null(n); n = ts_node_parent(n)) {
    const std::string_view k = kind(n);
    if (k == "class_definition") return n;
    if (k == "function_definition" || k == "lambda" || k == "module") return TSNode{};
  }
  return TSNode{};
}

bool is_enum_name(std::string_view q) {
  static constexpr std::string_view kEnums[] = {"enum.Enum",    "enum.Flag",    "enum.IntEnum",  "enum.IntFlag",
                                                 "enum.StrEnum", "enum.ReprEnum", "enum.CheckEnum"};
  return std::find(std::begin(kEnums), std::end(kEnums), q) != std::end(kEnums);
}

class CachedInstanceMethod final : public Rule {
 public:
  explicit CachedInstanceMethod(const RuleOptions& options)
      : classmethod_decorators_(options.strings("classmethod-decorators")),
        staticmethod_decorators_(options.strings("staticmethod-decorators")) {}

  void enter(TSNode node, Context&) override {
    const TSNode def = field(node, "definition");
    if (!is_a(def, "function_definition")) return;
    const TSNode cls = enclosing_class(node);
    if (!ts_node_is_null(cls)) candidates_.push_back({node, def, cls});
  }

  void finish(Context& ctx) override {
    const SemanticModel* m = ctx.semantic();
    if (!m) return;
    const Resolver resolver(*m, ctx);
    for (const Candidate& c : candidates_) {
      std::vector<TSNode> decorators;
      for_each_named_child(c.decorated, [&](TSNode d) {
        if (is_a(d, "decorator")) decorators.push_back(map_callable(first_named_child(d)));
      });
      if (!is_instance_method(ctx.text(field(c.def, "name")), decorators, resolver, ctx)) continue;
      bool enumeration_known = false, enumeration = false;
      size_t i = 0;
      for_each_named_child(c.decorated, [&](TSNode d) {
        if (!is_a(d, "decorator")) return;
        const std::string q = resolver.qualified_name(decorators[i++]);
        if (q != "functools.lru_cache" && q != "functools.cache") return;
        if (!enumeration_known) {
          std::vector<const void*> seen;
          enumeration = is_enumeration(c.cls, resolver, seen, 0);
          enumeration_known = true;
        }
        if (!enumeration) {
          report(ctx, d, "Use of `functools.lru_cache` or `functools.cache` on methods can lead to memory leaks");
        }
      });
    }
  }

 private:
  struct Candidate {
    TSNode decorated, def, cls;
  };

  // Ruff's function classification: neither a static nor a class method, explicit or implicit.
  bool is_instance_method(std::string_view name, const std::vector<TSNode>& decorators, const Resolver& resolver,
                          const Context& ctx) const {
    for (const TSNode d : decorators) {
      if (matches(d, {".staticmethod", "builtins.staticmethod", "abc.abstractstaticmethod"}, staticmethod_decorators_,
                  resolver, ctx)) {
        return false;
      }
    }
    for (const TSNode d : decorators) {
      if (matches(d, {".classmethod", "builtins.classmethod", "abc.abstractclassmethod"}, classmethod_decorators_,
                  resolver, ctx)) {
        return false;
      }
    }
    return name != "__new__" && name != "__init_subclass__" && name != "__class_getitem__";
  }

  static bool matches(TSNode decorator, std::initializer_list<std::string_view> builtin, const std::vector<std::string>& extra,
                      const Resolver& resolver, const Context& ctx) {
    const std::string q = resolver.qualified_name(decorator);
    if (!q.empty()) {
      if (std::find(builtin.begin(), builtin.end(), q) != builtin.end()) return true;
      for (const std::string& e : extra) {
        if (q == (e.find('.') == std::string::npos ? "." + e : e)) return true;
      }
    }
    // Unresolved decorators such as `@prop.setter`: their last name against the option.
    if (extra.empty()) return false;
    std::string dotted;
    if (!unqualified_name(decorator, ctx, dotted)) return false;
    const std::string_view last = std::string_view(dotted).substr(dotted.rfind('.') + 1);
    return std::find(extra.begin(), extra.end(), last) != extra.end();
  }

  // Ruff's `is_enumeration`: a base class, or a base of a class defined in the file, is one of
  // `enum`'s.
  static bool is_enumeration(TSNode cls, const Resolver& resolver, std::vector<const void*>& seen, int depth) {
    if (depth > 64) return false;
    const TSNode superclasses = field(cls, "superclasses");
    if (ts_node_is_null(superclasses)) return false;
    bool found = false;
    for_each_named_child(superclasses, [&](TSNode base) {
      if (found || is_a(base, "keyword_argument") || is_a(base, "list_splat") || is_a(base, "dictionary_splat")) return;
      const TSNode target = map_subscript(base);
      if (is_enum_name(resolver.qualified_name(target))) {
        found = true;
        return;
      }
      if (!is_a(target, "identifier")) return;
      const Binding* b = resolver.binding(target);
      if (!b || b->kind != BindingKind::Class || !is_a(b->node, "class_definition")) return;
      if (std::find(seen.begin(), seen.end(), b->node.id) != seen.end()) return;
      seen.push_back(b->node.id);
      found = is_enumeration(b->node, resolver, seen, depth + 1);
    });
    return found;
  }

  std::vector<std::string> classmethod_decorators_, staticmethod_decorators_;
  std::vector<Candidate> candidates_;
};

}  // namespace

extern const RuleSpec cached_instance_method{
    .code = "B019",
    .name = "cached-instance-method",
    .linter = "flake8-bugbear",
    .kinds = {"decorated_definition"},
    .doc = kDoc,
    .create = make_rule<CachedInstanceMethod>(),
    .needs_semantic = true,
    .options = {{"classmethod-decorators", RuleOption::Type::Strings, "[]",
                 "Decorators besides `classmethod` that make a class method.", "pep8-naming"},
                {"staticmethod-decorators", RuleOption::Type::Strings, "[]",
                 "Decorators besides `staticmethod` that make a static method.", "pep8-naming"}},
};

}  // namespace lint::rules
