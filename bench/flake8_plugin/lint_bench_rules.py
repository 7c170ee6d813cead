"""lint's shipped Python rules as a Flake8 plugin, for the benchmark that compares lint running
its Python rules with Flake8 running equivalent code.

The six checks are those of python_rules/ (which follow Ruff 0.17.3): T201 print, T203 p-print,
T100 debugger, B006 mutable-argument-default, B011 assert-false, B015 useless-comparison, with
the same messages. Where lint's rules ask lint's semantic model for a qualified name, this
plugin keeps a small scope table of its own, resolving names the way Ruff does: in source
order, function bodies after the code around them, through imports (relative ones against the
file's package), classes and functions named after the file's module, builtins last.

    pip install -e bench/flake8_plugin
    flake8 --isolated --select T201,T203,T100,B006,B011,B015 FILES
"""

import ast
import builtins
import os

__version__ = "0.1.0"

BUILTINS = frozenset(dir(builtins))

DEBUGGER_CALLS = frozenset({
    "builtins.breakpoint", "pdb.set_trace", "pudb.set_trace", "ipdb.set_trace", "ipdb.sset_trace",
    "IPython.terminal.embed.InteractiveShellEmbed", "IPython.frontend.terminal.embed.InteractiveShellEmbed",
    "celery.contrib.rdb.set_trace", "debugpy.breakpoint", "debugpy.listen", "debugpy.wait_for_client",
    "ptvsd.break_into_debugger", "ptvsd.wait_for_attach", "sys.breakpointhook", "sys.__breakpointhook__",
})
DEBUGGER_MODULES = frozenset({
    "pdb", "pudb", "ipdb", "debugpy", "ptvsd", "IPython.terminal.embed", "IPython.frontend.terminal.embed",
    "celery.contrib.rdb",
})
MUTABLE_CALLS = frozenset({
    "builtins.dict", "builtins.list", "builtins.set",
    "collections.ChainMap", "collections.Counter", "collections.OrderedDict", "collections.defaultdict",
    "collections.deque", "collections.UserDict", "collections.UserList", "collections.UserString",
    "weakref.WeakKeyDictionary", "weakref.WeakSet", "weakref.WeakValueDictionary",
})
MUTABLE_DISPLAYS = (ast.List, ast.Dict, ast.Set, ast.ListComp, ast.DictComp, ast.SetComp)
IMMUTABLE_GENERICS = frozenset({
    "builtins.tuple", "builtins.frozenset",
    *(f"collections.abc.{n}" for n in
      ("ByteString", "Collection", "Container", "Iterable", "Mapping", "Reversible", "Sequence", "Set")),
    *(f"typing.{n}" for n in
      ("AbstractSet", "ByteString", "Callable", "Collection", "Container", "FrozenSet", "Iterable", "Literal",
       "Mapping", "Never", "NoReturn", "Reversible", "Sequence", "Tuple")),
})
IMMUTABLE_TYPES = frozenset({
    "collections.abc.Sized", "typing.LiteralString", "typing.Sized",
    *(f"builtins.{n}" for n in ("bool", "bytes", "complex", "float", "frozenset", "int", "object", "range", "str")),
})

T201 = "T201 `print` found"
T203 = "T203 `pprint` found"
T100_CALL = "T100 Trace found: `{}` used"
T100_IMPORT = "T100 Import for `{}` found"
B006 = "B006 Do not use mutable data structures for argument defaults"
B011 = "B011 Do not `assert False` (`python -O` removes these calls), raise `AssertionError()`"
B015 = "B015 Pointless comparison. Did you mean to assign a value? Otherwise, prepend `assert` or remove it."
B015_END = "B015 Pointless comparison at end of function scope. Did you mean to return the expression result?"


class Checker:
    """The Flake8 entry point: one pass over the tree reports all six codes."""

    name = "flake8-lint-bench-rules"
    version = __version__

    def __init__(self, tree, filename):
        self.tree = tree
        self.filename = filename

    def run(self):
        visitor = Visitor(self.filename)
        visitor.run(self.tree)
        for line, column, message in visitor.found:
            yield line, column, message, type(self)


def module_path(filename):
    """The file's module as Ruff derives it, and whether it is in a package (see lint_api.py)."""
    if not filename or filename in ("-", "stdin") or filename.startswith("<"):
        return [], False
    path = os.path.abspath(filename)
    parts = [os.path.splitext(os.path.basename(path))[0]]
    folder = os.path.dirname(path)
    while os.path.isfile(os.path.join(folder, "__init__.py")) or os.path.isfile(os.path.join(folder, "__init__.pyi")):
        parts.append(os.path.basename(folder))
        parent = os.path.dirname(folder)
        if parent == folder:
            break
        folder = parent
    return parts[::-1], len(parts) > 1


class Scope:
    __slots__ = ("kind", "node", "parent", "names")

    def __init__(self, kind, node, parent):
        self.kind = kind
        self.node = node
        self.parent = parent
        # name -> the qualified name it stands for (imports, classes, functions), or None (any
        # other binding: it shadows outer names and resolves to nothing).
        self.names = {}


class Visitor:
    def __init__(self, filename):
        self.found = []
        self.module, self.in_package = module_path(filename)
        self.stub = filename.endswith(".pyi")
        self.scope = None
        self.deferred = []  # (enclosing scope, function or lambda): bodies run after the code around them

    def report(self, node, message):
        self.found.append((node.lineno, node.col_offset, message))

    # -- names ------------------------------------------------------------------------------

    def bind(self, name, qualified=None):
        self.scope.names[name] = qualified

    def bind_target(self, target):
        if isinstance(target, ast.Name):
            self.bind(target.id)
        elif isinstance(target, (ast.Tuple, ast.List)):
            for element in target.elts:
                self.bind_target(element)
        elif isinstance(target, ast.Starred):
            self.bind_target(target.value)
        else:  # `a.b = ...`, `a[i] = ...`: evaluated, binds nothing
            self.expr(target)

    def lookup(self, name):
        """(found, qualified name) for a name read in the current scope."""
        scope, innermost = self.scope, True
        while scope is not None:
            if (innermost or scope.kind != "class") and name in scope.names:
                return True, scope.names[name]
            innermost = False
            scope = scope.parent
        return False, ("builtins." + name if name in BUILTINS else None)

    def qualified_name(self, node):
        tail = []
        while isinstance(node, ast.Attribute):
            tail.append(node.attr)
            node = node.value
        if not isinstance(node, ast.Name):
            return None
        _, head = self.lookup(node.id)
        return None if head is None else ".".join([head, *reversed(tail)])

    def defined_name(self, name):
        return ".".join([*self.module, name]) if self.module else None

    def from_import_name(self, node, name):
        if not node.level:
            return f"{node.module}.{name}"
        if not self.in_package or node.level > len(self.module):
            return None
        return ".".join(self.module[: len(self.module) - node.level] + (node.module.split(".") if node.module else []) + [name])

    # -- statements -------------------------------------------------------------------------

    def run(self, tree):
        self.scope = Scope("module", tree, None)
        self.statements(tree.body)
        while self.deferred:
            batch, self.deferred = self.deferred, []
            for parent, node in batch:
                self.scope = Scope("lambda" if isinstance(node, ast.Lambda) else "function", node, parent)
                arguments = node.args
                for argument in (*arguments.posonlyargs, *arguments.args, arguments.vararg, *arguments.kwonlyargs,
                                 arguments.kwarg):
                    if argument is not None:
                        self.bind(argument.arg)
                if isinstance(node, ast.Lambda):
                    self.expr(node.body)
                else:
                    self.statements(node.body)

    def statements(self, body):
        for statement in body:
            self.statement(statement)

    def statement(self, node):
        kind = type(node)
        if kind in (ast.FunctionDef, ast.AsyncFunctionDef):
            for decorator in node.decorator_list:
                self.expr(decorator)
            self.check_mutable_defaults(node)
            arguments = node.args
            for default in (*arguments.defaults, *arguments.kw_defaults):
                if default is not None:
                    self.expr(default)
            for argument in (*arguments.posonlyargs, *arguments.args, arguments.vararg, *arguments.kwonlyargs,
                             arguments.kwarg):
                if argument is not None and argument.annotation is not None:
                    self.expr(argument.annotation)
            if node.returns is not None:
                self.expr(node.returns)
            self.bind(node.name, self.defined_name(node.name))
            self.deferred.append((self.scope, node))
        elif kind is ast.ClassDef:
            for child in (*node.decorator_list, *node.bases, *node.keywords):
                self.expr(child)
            outer = self.scope
            self.scope = Scope("class", node, outer)
            self.statements(node.body)
            self.scope = outer
            self.bind(node.name, self.defined_name(node.name))
        elif kind is ast.Import:
            for alias in node.names:
                if alias.name in DEBUGGER_MODULES:
                    self.report(node, T100_IMPORT.format(alias.name))
                if alias.asname:
                    self.bind(alias.asname, alias.name)
                else:  # `import a.b` binds `a`
                    head = alias.name.split(".")[0]
                    self.bind(head, head)
        elif kind is ast.ImportFrom:
            for alias in node.names:
                if node.module is None:
                    if alias.name in DEBUGGER_MODULES:
                        self.report(node, T100_IMPORT.format(alias.name))
                elif f"{node.module}.{alias.name}" in DEBUGGER_CALLS:
                    self.report(node, T100_IMPORT.format(f"{node.module}.{alias.name}"))
                if alias.name != "*":
                    self.bind(alias.asname or alias.name, self.from_import_name(node, alias.name))
        elif kind is ast.Assert:
            if isinstance(node.test, ast.Constant) and node.test.value is False:
                self.report(node.test, B011)
            self.generic(node)
        elif kind is ast.Expr:
            if isinstance(node.value, ast.Compare):
                at_end = self.scope.kind == "function" and self.scope.node.body[-1] is node
                self.report(node.value, B015_END if at_end else B015)
            self.expr(node.value)
        elif kind is ast.Assign:
            self.expr(node.value)
            for target in node.targets:
                self.bind_target(target)
        elif kind in (ast.AugAssign, ast.AnnAssign):
            if kind is ast.AnnAssign:
                self.expr(node.annotation)
            if node.value is not None:
                self.expr(node.value)
                self.bind_target(node.target)
        elif kind in (ast.For, ast.AsyncFor):
            self.expr(node.iter)
            self.bind_target(node.target)
            self.statements(node.body)
            self.statements(node.orelse)
        elif kind in (ast.With, ast.AsyncWith):
            for item in node.items:
                self.expr(item.context_expr)
                if item.optional_vars is not None:
                    self.bind_target(item.optional_vars)
            self.statements(node.body)
        elif kind is ast.Delete:
            for target in node.targets:
                self.bind_target(target)
        elif kind in (ast.Global, ast.Nonlocal):
            pass
        else:  # if, while, try, match, return, raise...: children in source order
            self.generic(node)

    def generic(self, node):
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.stmt):
                self.statement(child)
            elif isinstance(child, ast.expr):
                self.expr(child)
            elif isinstance(child, ast.ExceptHandler):
                if child.type is not None:
                    self.expr(child.type)
                if child.name:
                    self.bind(child.name)
                self.statements(child.body)
            elif isinstance(child, ast.match_case):
                self.pattern(child.pattern)
                if child.guard is not None:
                    self.expr(child.guard)
                self.statements(child.body)
            else:
                self.generic(child)

    def pattern(self, node):
        for field in ("name", "rest"):
            name = getattr(node, field, None)
            if isinstance(name, str):
                self.bind(name)
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.pattern):
                self.pattern(child)
            elif isinstance(child, ast.expr):
                self.expr(child)

    # -- expressions ------------------------------------------------------------------------

    def expr(self, node):
        kind = type(node)
        if kind is ast.Call:
            self.check_call(node)
        elif kind is ast.Lambda:
            for default in (*node.args.defaults, *node.args.kw_defaults):
                if default is not None:
                    self.expr(default)
            self.deferred.append((self.scope, node))
            return
        elif kind in (ast.ListComp, ast.SetComp, ast.GeneratorExp, ast.DictComp):
            self.comprehension(node)
            return
        elif kind is ast.NamedExpr:
            self.expr(node.value)
            scope = self.scope
            while scope.kind == "comprehension":
                scope = scope.parent
            scope.names[node.target.id] = None
            return
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.expr):
                self.expr(child)
            elif isinstance(child, ast.keyword):
                self.expr(child.value)
            else:
                self.generic(child)

    def comprehension(self, node):
        generators = node.generators
        self.expr(generators[0].iter)  # the first iterable runs in the enclosing scope
        outer = self.scope
        self.scope = Scope("comprehension", node, outer)
        for index, generator in enumerate(generators):
            if index:
                self.expr(generator.iter)
            self.bind_target(generator.target)
            for condition in generator.ifs:
                self.expr(condition)
        if isinstance(node, ast.DictComp):
            self.expr(node.key)
            self.expr(node.value)
        else:
            self.expr(node.elt)
        self.scope = outer

    # -- the checks -------------------------------------------------------------------------

    def check_call(self, node):
        function = node.func
        name = self.qualified_name(function)
        if name is None:
            return
        if name == "builtins.print":
            if not self.writes_elsewhere(node, "file"):
                self.report(function, T201)
        elif name == "pprint.pprint":
            if not self.writes_elsewhere(node, "stream"):
                self.report(function, T203)
        if name in DEBUGGER_CALLS:
            if isinstance(function, ast.Name) and not self.lookup(function.id)[0]:
                name = function.id  # a builtin, as written
            self.report(node, T100_CALL.format(name))

    def writes_elsewhere(self, call, keyword):
        for argument in call.keywords:
            if argument.arg == keyword:
                value = argument.value
                if isinstance(value, ast.Constant) and value.value is None:
                    return False
                return self.qualified_name(value) not in ("sys.stdout", "sys.stderr")
        return False

    def check_mutable_defaults(self, node):
        if self.stub:
            return
        arguments = node.args
        positional = [*arguments.posonlyargs, *arguments.args]
        pairs = [*zip(positional[len(positional) - len(arguments.defaults):], arguments.defaults),
                 *zip(arguments.kwonlyargs, arguments.kw_defaults)]
        for argument, default in pairs:
            if default is None or not self.is_mutable(default):
                continue
            if argument.annotation is not None and self.is_immutable(argument.annotation):
                continue
            self.report(default, B006)

    def is_mutable(self, node):
        if isinstance(node, MUTABLE_DISPLAYS):
            return True
        if isinstance(node, ast.Call):
            function = node.func.value if isinstance(node.func, ast.Subscript) else node.func
            return self.qualified_name(function) in MUTABLE_CALLS
        return False

    def is_immutable(self, node):
        if isinstance(node, ast.Constant):
            return node.value is None
        if isinstance(node, (ast.Name, ast.Attribute)):
            name = self.qualified_name(node)
            return name in IMMUTABLE_TYPES or name in IMMUTABLE_GENERICS
        if isinstance(node, ast.BinOp):
            return isinstance(node.op, ast.BitOr) and self.is_immutable(node.left) and self.is_immutable(node.right)
        if isinstance(node, ast.Subscript):
            name = self.qualified_name(node.value)
            index = node.slice
            if name in IMMUTABLE_GENERICS:
                return True
            if name == "typing.Union":
                return isinstance(index, ast.Tuple) and all(self.is_immutable(e) for e in index.elts)
            if name == "typing.Optional":
                return self.is_immutable(index)
            if name in ("typing.Annotated", "typing_extensions.Annotated"):
                return isinstance(index, ast.Tuple) and bool(index.elts) and self.is_immutable(index.elts[0])
        return False
