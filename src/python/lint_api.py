"""The `lint` module: what a Python rule is written against.

A rule is a subclass of `Rule` with a `code`, a kebab-case `name`, a default `message`, a
docstring (its documentation), and `visit_<kind>` / `leave_<kind>` methods named after the
node kinds of tree-sitter-python. lint calls them during its own walk of each file, only for
the kinds a rule asks for. A rule may instead (or also) give a tree-sitter `query` and an
`on_match(captures)` method.

Nodes are read-only views of lint's own syntax tree (the names follow py-tree-sitter); they
are valid while their file is being linted and raise `RuntimeError` afterwards.
"""

import functools
import os

from _lint import Node, NodeExpired  # noqa: F401  (re-exported)

__all__ = ["Rule", "Node", "NodeExpired", "RuleTimeout", "Binding", "Scope"]


class RuleTimeout(BaseException):
    """Raised inside a rule that ran longer than its time limit on a file (`--rule-timeout`).
    A BaseException, like KeyboardInterrupt, so that `except Exception` does not swallow it."""


class Binding:
    """What a name is bound to: `kind` ("import", "assignment", "function", "argument", ...),
    `name`, `node` (the defining statement), `qualified_name` (for imports) and `scope`."""

    __slots__ = ("kind", "name", "node", "qualified_name", "scope")

    def __init__(self, kind, name, node, qualified_name, scope):
        self.kind = kind
        self.name = name
        self.node = node
        self.qualified_name = qualified_name
        self.scope = scope

    def __repr__(self):
        return f"Binding({self.kind!r}, {self.name!r})"


class Scope:
    """A scope: `kind` ("module", "class", "function", "lambda", "comprehension",
    "type-params") and the `node` that opens it."""

    __slots__ = ("kind", "node")

    def __init__(self, kind, node):
        self.kind = kind
        self.node = node

    def __repr__(self):
        return f"Scope({self.kind!r})"


class Rule:
    """Base class of Python rules. Subclasses set `code`, `name` and `message`, document the
    rule in the docstring, and define `visit_<kind>` / `leave_<kind>` methods (or a `query`
    with `on_match`). `VALID` and `INVALID` list examples that `lint test-rules` checks:
    an INVALID example is a string, or a dict {"code": ..., "row": ..., "column": ...,
    "message": ...} pinning where the diagnostic is."""

    code = None
    name = None
    message = None
    query = None
    VALID = ()
    INVALID = ()

    # Set by lint for each file before any method runs.
    _file = None

    @property
    def path(self):
        """The path of the file being linted, as lint displays it."""
        return self._file.path

    @property
    def source(self):
        """The text of the file being linted."""
        return self._file.source

    def report(self, node, message=None):
        """Reports a diagnostic over `node`'s range, with `message` or the rule's default."""
        text = self.message if message is None else message
        if text is None:
            raise ValueError(f"{type(self).__name__}: report() needs a message (none given, no default)")
        self._file.report(node, str(text))

    def qualified_name(self, node):
        """The fully qualified name a name or attribute chain refers to (`os.path.join`,
        `builtins.print`), or None. Names are resolved as Ruff resolves them: through imports
        (a relative import against the file's package: `from .rdb import x` in
        `celery/contrib/y.py` is "celery.contrib.rdb.x"), and for a class or function defined
        in the file, after the file's module (`helper` in `pkg/util.py` is "pkg.util.helper";
        a file outside any package is named by its stem)."""
        found = self._file.qualified_name(node)
        if found:
            if not found.startswith("."):
                return found
            # A relative import: resolved only in a package, and not beyond its top.
            parts, in_package = _module_path(self.path)
            if not in_package:
                return None
            dots = len(found) - len(found.lstrip("."))
            if dots > len(parts):
                return None
            return ".".join(parts[: len(parts) - dots] + found[dots:].split("."))
        binding = self.binding(node)
        if binding is None or binding.kind not in ("function", "class"):
            return None
        chain = _dotted_chain(node)
        parts, _ = _module_path(self.path)
        if chain is None or not parts:
            return None
        return ".".join(parts) + "." + chain

    def binding(self, node):
        """The Binding a name refers to (for an attribute chain, its first name), or None."""
        found = self._file.binding(node)
        if found is None:
            return None
        kind, name, stmt, qualified, scope_kind, scope_node = found
        return Binding(kind, name, stmt, qualified or None, Scope(scope_kind, scope_node))

    def scope(self, node):
        """The innermost Scope enclosing `node`."""
        kind, scope_node = self._file.scope(node)
        return Scope(kind, scope_node)


def _dotted_chain(node):
    """`a.b.c` for a name or an attribute chain (parentheses allowed), else None."""
    parts = []
    while True:
        while node.type == "parenthesized_expression":
            node = next(c for c in node.named_children if c.type != "comment")
        if node.type != "attribute":
            break
        parts.append(node.child_by_field_name("attribute").text)
        node = node.child_by_field_name("object")
    if node.type != "identifier":
        return None
    parts.append(node.text)
    return ".".join(reversed(parts))


@functools.lru_cache(maxsize=256)
def _module_path(path):
    """The module a file defines, as Ruff derives it, and whether the file is in a package:
    the file stems from the top of its package (the outermost of the folders with an
    `__init__.py` that contain it: `pkg/sub/__init__.py` is ["pkg", "sub", "__init__"]), or
    just the file's stem when its folder is not a package. ([], False) for standard input."""
    if not path or path == "-" or path.startswith("<"):
        return [], False
    path = os.path.abspath(path)
    parts = [os.path.splitext(os.path.basename(path))[0]]
    folder = os.path.dirname(path)
    while os.path.isfile(os.path.join(folder, "__init__.py")) or os.path.isfile(os.path.join(folder, "__init__.pyi")):
        parts.append(os.path.basename(folder))
        parent = os.path.dirname(folder)
        if parent == folder:
            break
        folder = parent
    return list(reversed(parts)), len(parts) > 1
