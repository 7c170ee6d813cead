#include <algorithm>
#include <array>
#include <vector>

#include "pycodestyle/comparisons.h"

namespace lint::rules {

namespace {

constexpr std::string_view kDoc = R"(## What it does
Checks for `==` and `!=` comparisons in which one side is a type: a call of the builtin `type()`
or the name of a builtin class such as `int`, `str` or `ValueError`.

## Why is this bad?
Comparing types with `==` rarely says what is meant. To ask whether an object is of a given kind,
`isinstance()` is the tool: it also accepts instances of subclasses. To ask whether an object's
type is exactly a given class, compare the class objects by identity with `is` or `is not`, which
cannot be affected by a metaclass overriding `__eq__`.

Libraries that overload `==`, such as NumPy, can make `is` behave differently from `==`; NumPy
dtypes (`x.dtype`, `numpy.dtype(...)`) are therefore not reported.

## Example
```python
if type(value) == int:
    handle_int(value)
if type(a) != type(b):
    raise TypeError
```

Use instead:
```python
if isinstance(value, int):
    handle_int(value)
if type(a) is not type(b):
    raise TypeError
```
)";

// The names Ruff recognizes as builtin classes (sorted, for binary search).
constexpr std::array<std::string_view, 92> kBuiltinClasses = {
    "ArithmeticError", "AssertionError", "AttributeError", "BaseException", "BlockingIOError",
    "BrokenPipeError", "BufferError", "BytesWarning", "ChildProcessError", "ConnectionAbortedError",
    "ConnectionError", "ConnectionRefusedError", "ConnectionResetError", "DeprecationWarning",
    "EOFError", "EnvironmentError", "Exception", "FileExistsError", "FileNotFoundError",
    "FloatingPointError", "FutureWarning", "GeneratorExit", "IOError", "ImportError", "ImportWarning",
    "IndentationError", "IndexError", "InterruptedError", "IsADirectoryError", "KeyError",
    "KeyboardInterrupt", "LookupError", "MemoryError", "ModuleNotFoundError", "NameError",
    "NotADirectoryError", "NotImplementedError", "OSError", "OverflowError",
    "PendingDeprecationWarning", "PermissionError", "ProcessLookupError", "RecursionError",
    "ReferenceError", "ResourceWarning", "RuntimeError", "RuntimeWarning", "StopAsyncIteration",
    "StopIteration", "SyntaxError", "SyntaxWarning", "SystemError", "SystemExit", "TabError",
    "TimeoutError", "TypeError", "UnboundLocalError", "UnicodeDecodeError", "UnicodeEncodeError",
    "UnicodeError", "UnicodeTranslateError", "UnicodeWarning", "UserWarning", "ValueError", "Warning",
    "ZeroDivisionError", "bool", "bytearray", "bytes", "classmethod", "complex", "dict", "enumerate",
    "filter", "float", "frozenset", "int", "list", "map", "memoryview", "object", "property", "range",
    "reversed", "set", "slice", "staticmethod", "str", "super", "tuple", "type", "zip",
};

bool is_builtin_class_name(std::string_view name) {
  return std::binary_search(kBuiltinClasses.begin(), kBuiltinClasses.end(), name);
}

// Whether a name refers to the builtin is the semantic model's call: it resolves every name in
// Ruff's order (function and lambda bodies after the enclosing scope, class scopes hidden from
// nested ones...), so the rule only keeps the comparisons that might need it and asks the model
// once the walk is over.
class TypeComparison final : public Rule {
 public:
  void enter(TSNode node, Context& ctx) override {
    bool maybe = false;
    for_each_link(node, [&](TSNode left, TSNode op, TSNode right, size_t) {
      const CmpOp o = cmp_op(op);
      if (maybe || (o != CmpOp::Eq && o != CmpOp::NotEq)) return;
      maybe = may_be_type(unparenthesized(left), ctx) || may_be_type(unparenthesized(right), ctx);
    });
    if (maybe) candidates_.push_back(node);
  }

  void finish(Context& ctx) override {
    const SemanticModel* m = ctx.semantic();
    if (!m) return;  // a file that does not parse: E721 does not report there
    for (const TSNode comparison : candidates_) {
      for_each_link(comparison, [&](TSNode left, TSNode op, TSNode right, size_t) {
        const CmpOp o = cmp_op(op);
        if (o != CmpOp::Eq && o != CmpOp::NotEq) return;
        if (!is_type(left, *m, ctx) && !is_type(right, *m, ctx)) return;
        if (is_dtype(left, *m, ctx) || is_dtype(right, *m, ctx)) return;
        report(ctx, comparison, "Use `is` and `is not` for type comparisons, or `isinstance()` for isinstance checks");
      });
    }
  }

 private:
  static bool may_be_type(TSNode n, Context& ctx) {
    const std::string_view k = kind(n);
    return k == "call" || (k == "identifier" && is_builtin_class_name(ctx.text(n)));
  }

  // A call of the builtin type(), or the name of a builtin class that the code does not rebind.
  static bool is_type(TSNode n, const SemanticModel& m, Context& ctx) {
    n = unparenthesized(n);
    if (is(n, "call")) {
      const TSNode function = unparenthesized(field(n, "function"));
      if (is(function, "identifier")) {
        const Reference* r = reference(function, m);
        if (!r) return false;
        if (r->builtin) return ctx.text(function) == "type" && !(r->flags & kAfterDeletion);
      }
      return m.qualified_name(function, ctx.source()) == "builtins.type";  // an import of it
    }
    return is(n, "identifier") && is_builtin_class_name(ctx.text(n)) && is_builtin(n, m);
  }

  static const Reference* reference(TSNode name, const SemanticModel& m) {
    return m.reference_at(ts_node_start_byte(name));
  }

  // A name that resolves to the builtin (not deleted first: Ruff then finds no binding at all).
  static bool is_builtin(TSNode name, const SemanticModel& m) {
    const Reference* r = reference(name, m);
    return r && r->builtin && !(r->flags & kAfterDeletion);
  }

  static bool is_dtype(TSNode n, const SemanticModel& m, Context& ctx) {
    n = unparenthesized(n);
    if (is(n, "call")) return m.qualified_name(field(n, "function"), ctx.source()) == "numpy.dtype";
    if (is(n, "attribute")) return ctx.text(field(n, "attribute")) == "dtype";
    return false;
  }

  std::vector<TSNode> candidates_;
};

}  // namespace

extern const RuleSpec type_comparison{
    .code = "E721",
    .name = "type-comparison",
    .linter = "pycodestyle",
    .kinds = {"comparison_operator"},
    .doc = kDoc,
    .create = make_rule<TypeComparison>(),
    .needs_semantic = true,
};

}  // namespace lint::rules
