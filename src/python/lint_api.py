"""The `lint` module: what a Python rule is written against.

A rule is a subclass of `Rule` with a `code`, a kebab-case `name`, a default `message`, a
docstring (its documentation), and `visit_<kind>` / `leave_<kind>` methods named after the
node kinds of tree-sitter-python. lint calls them during its own walk of each file, only for
the kinds a rule asks for. A rule may instead (or also) give a tree-sitter `query` and an
`on_match(captures)` method.

Nodes are read-only views of lint's own syntax tree (the names follow py-tree-sitter); they
are valid while their file is being linted and raise `RuntimeError` afterwards.

A rule that fixes says so (`fixable = "always"` or `"sometimes"`) and passes a `Fix`, made of
`Edit`s over nodes or byte ranges, to `report()`: the same engine applies it as a native rule's.

The decorators `on_call`, `on_import` and `on_node` say which nodes a method wants, in terms
lint evaluates in C++ during its walk: the method is called only on the nodes that pass.
"""

from _lint import Node, NodeExpired  # noqa: F401  (re-exported)

__all__ = ["Rule", "Node", "NodeExpired", "RuleTimeout", "Binding", "Scope", "Arguments", "Edit", "Fix",
           "on_call", "on_import", "on_attribute", "on_node"]


def _patterns(decorator, patterns):
    if not patterns:
        raise TypeError(f"{decorator}(): give at least one qualified name")
    for p in patterns:
        if not isinstance(p, str) or not p or any(c.isspace() for c in p):
            raise TypeError(f"{decorator}(): a qualified name is a non-empty string without spaces, not {p!r}")
    return tuple(patterns)


def _with_filter(spec):
    def decorate(method):
        if not callable(method):
            raise TypeError("lint's filters decorate methods")
        method._lint_filters = getattr(method, "_lint_filters", ()) + (spec,)
        return method
    return decorate


def on_call(*patterns):
    """The method is called as `method(node, name)` for each `call` whose callee's fully
    qualified name (what `Rule.qualified_name` gives, resolved once per call, in C++) matches
    one of the patterns; `name` is that qualified name. A `*` in a pattern matches any run of
    characters, dots included: `"subprocess.*"`, `"*.set_trace"`. Stack it with other filters
    on the same method to call it for either."""
    return _with_filter(("call", _patterns("on_call", patterns)))


def on_import(*patterns):
    """The method is called as `method(node, name)` for each name an `import` or `from ...
    import` statement imports that matches one of the patterns (`*` as for `on_call`), `node`
    being the statement. `import a.b as c` imports "a.b", `from m import x` "m.x" and
    `from m import *` "m.*"; a relative import counts by the names after its dots
    (`from .m import x` is "m.x", `from . import x` is "x")."""
    return _with_filter(("import", _patterns("on_import", patterns)))


def on_attribute(*patterns):
    """The method is called as `method(node, name)` for each attribute expression `a.b` (loaded,
    stored or deleted) whose fully qualified name matches one of the patterns (`*` as for
    `on_call`): `@on_attribute("os.environ")` is called on `os.environ` in
    `os.environ["HOME"]` and `os.environ.get("HOME")`, and after `import os as o` on
    `o.environ`; `name` is that qualified name. A bare name (`environ` after `from os import
    environ`) is no attribute: it is not matched."""
    return _with_filter(("attribute", _patterns("on_attribute", patterns)))


def on_node(kind, **fields):
    """The method is called as `method(node)` for each node of `kind` whose fields satisfy every
    constraint: `field="kind"` or `field=("kind", ...)` (the field's node is of one of these
    kinds), `field=None` (the field is absent), `field=True` (present). The pseudo-field
    `child` is the node's first named child that is not a comment. Kinds and fields are
    checked against the grammar when the rule loads."""
    if not isinstance(kind, str):
        raise TypeError(f"on_node(): the node kind is a string, not {kind!r}")
    constraints = []
    for name, value in fields.items():
        if value is None or value is True:
            constraints.append((name, value))
            continue
        kinds = (value,) if isinstance(value, str) else tuple(value) if isinstance(value, (tuple, list, set, frozenset)) else None
        if not kinds or not all(isinstance(k, str) for k in kinds):
            raise TypeError(f"on_node(): {name}= takes a kind, a tuple of kinds, None or True, not {value!r}")
        constraints.append((name, tuple(sorted(kinds))))
    return _with_filter(("node", kind, tuple(constraints)))


class RuleTimeout(BaseException):
    """Raised inside a rule that ran longer than its time limit on a file (`--rule-timeout`).
    A BaseException, like KeyboardInterrupt, so that `except Exception` does not swallow it."""


class Binding:
    """What a name is bound to: `kind` ("import", "from-import", "assignment", "function",
    "argument", ...), `name`, `node` (the defining statement), `name_node` (the bound name
    itself, where a diagnostic about it goes), `qualified_name` (for imports) and `scope`;
    `references` lists the name's uses resolved to it (loads, `del`, `__all__` entries), and
    `is_used` says whether there is any."""

    __slots__ = ("kind", "name", "node", "qualified_name", "scope", "name_node", "_id", "_file", "_uses")

    def __init__(self, kind, name, node, qualified_name, scope, name_node=None, _id=-1, _file=None, _uses=0):
        self.kind = kind
        self.name = name
        self.node = node
        self.qualified_name = qualified_name
        self.scope = scope
        self.name_node = name_node
        self._id = _id
        self._file = _file
        self._uses = _uses

    @classmethod
    def _from(cls, file, found):
        kind, name, stmt, qualified, scope_kind, scope_node, index, scope_index, name_node, uses = found
        return cls(kind, name, stmt, qualified or None, Scope(scope_kind, scope_node, scope_index, file),
                   name_node, index, file, uses)

    @property
    def references(self):
        """The nodes that refer to this binding (identifiers, or the strings of `__all__`), in
        the order lint resolved them."""
        return [] if self._file is None else self._file.references(self._id)

    @property
    def is_used(self):
        """Whether anything refers to this binding."""
        return self._uses > 0

    def __eq__(self, other):
        return isinstance(other, Binding) and self._file is other._file and self._id == other._id and self._id >= 0

    def __hash__(self):
        return hash((id(self._file), self._id))

    def __repr__(self):
        return f"Binding({self.kind!r}, {self.name!r})"


class Scope:
    """A scope: `kind` ("module", "class", "function", "lambda", "comprehension",
    "type-params") and the `node` that opens it; `parent` is the enclosing scope (None for the
    module), `bindings` every binding made in it, in order (a name bound twice has two), and
    `lookup(name)` the binding a name has in it at the end of the scope (None if none)."""

    __slots__ = ("kind", "node", "_id", "_file")

    def __init__(self, kind, node, _id=-1, _file=None):
        self.kind = kind
        self.node = node
        self._id = _id
        self._file = _file

    @property
    def parent(self):
        if self._file is None:
            return None
        found = self._file.scope_parent(self._id)
        return None if found is None else Scope(found[0], found[1], found[2], self._file)

    @property
    def bindings(self):
        if self._file is None:
            return []
        return [Binding._from(self._file, b) for b in self._file.scope_bindings(self._id)]

    def lookup(self, name):
        if self._file is None:
            return None
        found = self._file.scope_lookup(self._id, name)
        return None if found is None else Binding._from(self._file, found)

    def __eq__(self, other):
        return isinstance(other, Scope) and self._file is other._file and self._id == other._id and self.node == other.node

    def __hash__(self):
        return hash((id(self._file), self._id))

    def __repr__(self):
        return f"Scope({self.kind!r})"


class Arguments:
    """The arguments of a call, as `Rule.arguments(call)` gives them: `positional` (the plain
    positional arguments, in order), `keywords` (a dict from each keyword's name to its value
    node, in order), `star_args` (the `*args` arguments: `list_splat` nodes) and `star_kwargs`
    (the `**kwargs` ones: `dictionary_splat` nodes). A lone generator argument (`f(x for x in
    y)`) is positional."""

    __slots__ = ("positional", "keywords", "star_args", "star_kwargs", "_first_star")

    def __init__(self, call):
        self.positional = []
        self.keywords = {}
        self.star_args = []
        self.star_kwargs = []
        self._first_star = None  # the position of the first `*args`: later ones are not known
        arguments = call.child_by_field_name("arguments")
        if arguments is None:
            return
        if arguments.type == "generator_expression":
            self.positional.append(arguments)
            return
        for argument in arguments.named_children:
            kind = argument.type
            if kind == "comment":
                continue
            if kind == "keyword_argument":
                self.keywords.setdefault(argument.child_by_field_name("name").text, argument.child_by_field_name("value"))
            elif kind == "list_splat":
                if self._first_star is None:
                    self._first_star = len(self.positional)
                self.star_args.append(argument)
            elif kind == "dictionary_splat":
                self.star_kwargs.append(argument)
            else:
                self.positional.append(argument)

    def find(self, name=None, position=None):
        """The value passed as keyword `name`, else the positional argument at `position`
        (0-based), else None; a position at or after a `*args` is not known (None)."""
        if name is not None and name in self.keywords:
            return self.keywords[name]
        if position is None or position >= len(self.positional):
            return None
        if self._first_star is not None and position >= self._first_star:
            return None
        return self.positional[position]

    def __repr__(self):
        return (f"Arguments({len(self.positional)} positional, keywords={list(self.keywords)}, "
                f"*args: {len(self.star_args)}, **kwargs: {len(self.star_kwargs)})")


class Edit:
    """One change to the file's text: the bytes from `start` to `end` (offsets into the file's
    UTF-8 text, as a node's `start_byte` and `end_byte`) become `content`. An insertion has
    `start == end`, a deletion an empty `content`. Build edits with the class methods below;
    lint checks them when they are reported (within the file, on character boundaries, not
    overlapping another edit of the same fix)."""

    __slots__ = ("start", "end", "content", "_node")

    def __init__(self, start, end, content="", _node=None):
        if not isinstance(start, int) or not isinstance(end, int) or isinstance(start, bool) or isinstance(end, bool):
            raise TypeError(f"Edit: offsets are ints (byte offsets), not {type(start).__name__} and {type(end).__name__}")
        if start < 0 or end < start:
            raise ValueError(f"Edit: bytes {start} to {end} is not a range (0 <= start <= end)")
        if not isinstance(content, str):
            raise TypeError(f"Edit: the content is a str, not {type(content).__name__}")
        content.encode("utf-8")  # a lone surrogate cannot be written to the file: raised here
        self.start = start
        self.end = end
        self.content = content
        self._node = _node

    @classmethod
    def replace(cls, node, content):
        """Replaces the node's text with `content`."""
        return cls(node.start_byte, node.end_byte, content, node)

    @classmethod
    def delete(cls, node):
        """Deletes the node's text (only its text: see `delete_statement` for a whole line)."""
        return cls(node.start_byte, node.end_byte, "", node)

    @classmethod
    def insert_before(cls, node, content):
        """Inserts `content` just before the node."""
        return cls(node.start_byte, node.start_byte, content, node)

    @classmethod
    def insert_after(cls, node, content):
        """Inserts `content` just after the node."""
        return cls(node.end_byte, node.end_byte, content, node)

    @classmethod
    def replace_range(cls, start, end, content):
        """Replaces the bytes from `start` to `end` with `content`."""
        return cls(start, end, content)

    @classmethod
    def delete_range(cls, start, end):
        """Deletes the bytes from `start` to `end`."""
        return cls(start, end, "")

    @classmethod
    def insert_at(cls, offset, content):
        """Inserts `content` at byte `offset`."""
        return cls(offset, offset, content)

    @classmethod
    def delete_statement(cls, statement):
        """Deletes a statement as Ruff does: the whole line (with its comment) when the statement
        is alone on it, only the statement and its `;` on a line it shares, and `pass` instead
        when it is the only statement of its block (the block would be empty)."""
        return _delete_statement(cls, statement)

    def __eq__(self, other):
        return isinstance(other, Edit) and (self.start, self.end, self.content) == (other.start, other.end, other.content)

    def __hash__(self):
        return hash((self.start, self.end, self.content))

    def __repr__(self):
        return f"Edit({self.start}, {self.end}, {self.content!r})"


class Fix:
    """What a rule proposes for a diagnostic: edits applied together, and how safe they are.
    `Fix.safe(...)` is applied by `--fix`; `Fix.unsafe(...)` (it may change what the code does)
    only with `--unsafe-fixes`; `Fix.display_only(...)` is shown, never applied. Each takes one
    or more edits (or one list of them)."""

    __slots__ = ("applicability", "edits", "isolation")

    _LEVELS = {"display-only": 0, "unsafe": 1, "safe": 2}

    def __init__(self, applicability, edits, isolation=0):
        if applicability not in self._LEVELS:
            raise ValueError(f"Fix: applicability is 'safe', 'unsafe' or 'display-only', not {applicability!r}")
        edits = tuple(edits)
        if not edits:
            raise ValueError("Fix: a fix needs at least one edit")
        for e in edits:
            if not isinstance(e, Edit):
                raise TypeError(f"Fix: edits are lint.Edit objects, not {type(e).__name__}")
        self.applicability = applicability
        self.edits = edits
        self.isolation = isolation

    @staticmethod
    def _edits(edits):
        return edits[0] if len(edits) == 1 and isinstance(edits[0], (list, tuple)) else edits

    @classmethod
    def safe(cls, *edits):
        return cls("safe", cls._edits(edits))

    @classmethod
    def unsafe(cls, *edits):
        return cls("unsafe", cls._edits(edits))

    @classmethod
    def display_only(cls, *edits):
        return cls("display-only", cls._edits(edits))

    def isolate(self, node):
        """The same fix, applied in a round of `--fix` only if no other fix isolated by the
        same node is (Ruff's isolation groups): for fixes that are right one at a time but not
        together, such as deleting statements of one block (all of them would leave it empty).
        The node is usually the compound statement whose body the fix changes."""
        return Fix(self.applicability, self.edits, node.start_byte + 1)

    def __repr__(self):
        return f"Fix.{self.applicability.replace('-', '_')}({', '.join(map(repr, self.edits))})"


class Rule:
    """Base class of Python rules. Subclasses set `code`, `name` and `message`, document the
    rule in the docstring, and define `visit_<kind>` / `leave_<kind>` methods (or a `query`
    with `on_match`). `VALID` and `INVALID` list examples that `lint test-rules` checks:
    an INVALID example is a string, or a dict {"code": ..., "row": ..., "column": ...,
    "message": ...} pinning where the diagnostic is."""

    code = None
    name = None
    message = None
    # Whether the rule's diagnostics carry fixes: "always" or "sometimes" (a string literal:
    # lint reads it without running the file); None when it never fixes.
    fixable = None
    # The help line shown with each diagnostic ("Replace with `None`"), unless report() gives one.
    fix_title = None
    query = None
    # The rule's options and their defaults, read by lint from the class body (a dict literal of
    # bools, ints, strings and lists of strings). On an instance, `self.options` holds their
    # values for the file's configuration: the defaults, overridden by the rule's table
    # (`[tool.lint.<name>]` in pyproject.toml, `[<name>]` or `[<code>]` in lint.toml).
    options = {}
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

    @property
    def source_bytes(self):
        """The text of the file being linted as bytes: what byte offsets (`start_byte`, edits)
        count."""
        return self._file.source_bytes

    @property
    def line_ending(self):
        """The file's line ending ("\\n", "\\r\\n" or "\\r": that of its first line), for the
        lines a fix adds."""
        return self._file.line_ending

    @property
    def indentation(self):
        """One level of the file's indentation (that of its first indented block; four spaces
        when it has none), for the blocks a fix adds."""
        return self._file.indentation

    @property
    def is_notebook(self):
        """Whether the file is a Jupyter notebook (its code cells joined, one after another)."""
        return self._file.is_notebook

    def notebook_cell(self, node):
        """In a notebook, the byte range `(start, end)` of the cell holding `node`; None in a
        Python file. (A cell's last expression is displayed by Jupyter, so rules about useless
        expressions let it be, as Ruff's do.)"""
        return self._file.cell_range(node.start_byte)

    def report(self, node, message=None, *, fix=None, fix_title=None):
        """Reports a diagnostic over `node`'s range, with `message` or the rule's default, and
        optionally a `fix` (a lint.Fix) and its `fix_title` (the help line; default: the rule's
        `fix_title`)."""
        text = self.message if message is None else message
        if text is None:
            raise ValueError(f"{type(self).__name__}: report() needs a message (none given, no default)")
        if fix is not None and not isinstance(fix, Fix):
            raise TypeError(f"report(): fix is a lint.Fix, not {type(fix).__name__}")
        title = self.fix_title if fix_title is None else fix_title
        packed = None
        if fix is not None:
            packed = (Fix._LEVELS[fix.applicability], fix.isolation,
                      [(e.start, e.end, e.content, e._node) for e in fix.edits])
        self._file.report(node, str(text), packed, None if title is None else str(title))

    def qualified_name(self, node):
        """The fully qualified name a name or attribute chain refers to (`os.path.join`,
        `builtins.print`), or None. Names are resolved as Ruff resolves them: through imports
        (a relative import against the file's package: `from .rdb import x` in
        `celery/contrib/y.py` is "celery.contrib.rdb.x"), and for a class or function defined
        in the file, after the file's module (`helper` in `pkg/util.py` is "pkg.util.helper";
        a file outside any package is named by its stem)."""
        found = self._file.qualified_name(node)
        if found is None:
            return None  # settled from the file's text: nothing binds it to a qualified name
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
        return None if found is None else Binding._from(self._file, found)

    def scope(self, node):
        """The innermost Scope enclosing `node`."""
        kind, scope_node, index = self._file.scope(node)
        return Scope(kind, scope_node, index, self._file)

    def scopes(self, node):
        """The scopes enclosing `node`, innermost first, the module last."""
        chain = []
        scope = self.scope(node)
        while scope is not None:
            chain.append(scope)
            scope = scope.parent
        return chain

    def arguments(self, call):
        """The Arguments of a `call` node: positional, keywords, `*args`, `**kwargs`."""
        return Arguments(call)

    def is_builtin(self, name_or_node):
        """For a string: whether it names a builtin of the target Python version (`print`,
        `open`; in a notebook `display` too). For a name node: whether that name, where it is
        used, refers to the builtin (no import, assignment or definition shadows it)."""
        if isinstance(name_or_node, str):
            return self._file.is_builtin(name_or_node)
        return self._file.refers_to_builtin(name_or_node)

    @property
    def module_name(self):
        """The module the file defines, as Python imports it (`pkg.sub.mod` for
        `pkg/sub/mod.py` in packages, `pkg.sub` for `pkg/sub/__init__.py`, the stem for a file
        outside any package), or None for standard input."""
        parts, _ = _module_path(self.path)
        if parts and parts[-1] == "__init__" and len(parts) > 1:
            parts = parts[:-1]
        return ".".join(parts) if parts else None

    @property
    def is_stub(self):
        """Whether the file is a type stub (`.pyi`)."""
        return self.path.endswith(".pyi")



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


def _module_path(path):
    """_module_path_of(path), found once per path (a rule may ask per node). A dict, not
    functools.lru_cache: importing functools was a fifth of the interpreter's start."""
    found = _MODULE_PATHS.get(path)
    if found is None:
        if len(_MODULE_PATHS) >= 256:
            _MODULE_PATHS.clear()
        found = _MODULE_PATHS[path] = _module_path_of(path)
    return found


_MODULE_PATHS = {}


def _module_path_of(path):
    """The module a file defines, as Ruff derives it, and whether the file is in a package:
    the file stems from the top of its package (the outermost of the folders with an
    `__init__.py` that contain it: `pkg/sub/__init__.py` is ["pkg", "sub", "__init__"]), or
    just the file's stem when its folder is not a package. ([], False) for standard input."""
    if not path or path == "-" or path.startswith("<"):
        return [], False
    import os  # here: a run that never asks needs not import it when the interpreter starts

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


# Deleting a statement, as Ruff's fixes do (its `delete_stmt`).

_BLANKS = b" \t\f"


def _line_start(text, offset):
    # A `\r` is looked for only after the last `\n`: not through the whole file before it.
    newline = text.rfind(b"\n", 0, offset)
    return max(newline, text.rfind(b"\r", newline + 1, offset)) + 1


def _line_end(text, offset):
    """The end of the line holding `offset`, before its line ending."""
    # A `\r` is looked for only up to the next `\n`: not through the whole rest of the file.
    newline = text.find(b"\n", offset)
    end = len(text) if newline < 0 else newline
    carriage = text.find(b"\r", offset, end)
    return end if carriage < 0 else carriage


def _full_line_end(text, offset):
    """The end of the line holding `offset`, after its line ending."""
    end = _line_end(text, offset)
    if text[end:end + 2] == b"\r\n":
        return end + 2
    return min(end + 1, len(text))


def _lone_child(statement, block):
    """Whether `statement` is the only statement of `block` (its parent): the other named
    children are comments. Read child by child, stopping at the first other statement."""
    if block.type != "block":
        return False
    for i in range(block.named_child_count):
        child = block.named_child(i)
        if child.type != "comment" and child != statement:
            return False
    return True


def _continuation_before(statement, text):
    """The offset of the backslash continuing a line onto the statement's (the first of several
    in a row), or None."""
    start = statement.start_byte
    line = _line_start(text, start)
    if text[line:start].strip(_BLANKS) or not _ends_with_backslash(text, line):
        return None
    found = None
    node = statement
    while True:
        before = node.prev_sibling
        if before is None or before.type != "line_continuation" or before.end_byte != line:
            return found
        found = before.start_byte
        line = _line_start(text, found)
        if text[line:found].strip(_BLANKS):
            return found
        node = before


def _ends_with_backslash(text, line):
    """Whether the line before the one starting at `line` ends with a backslash: a line
    continuation (a `\\` then the line ending) can end only there. Found in the text, as asking
    a node for its previous sibling walks the tree from its root."""
    end = line - 1
    if end >= 1 and text[end] == 10 and text[end - 1] == 13:
        end -= 1
    return end >= 1 and text[end - 1] == 92


def _lines_from(text, offset):
    """(start, end) of each line from `offset` on (the first one starts at `offset`), without
    line endings."""
    while True:
        end = _line_end(text, offset)
        yield offset, end
        if end >= len(text):
            return
        offset = _full_line_end(text, end)


def _semicolon_after(text, offset):
    """The offset of a `;` following a statement that ends at `offset`, or None."""
    for start, end in _lines_from(text, offset):
        line = text[start:end].lstrip(_BLANKS)
        if line.startswith(b";"):
            return end - len(line)
        if not line.startswith(b"\\"):
            return None
    return None


def _next_statement_start(text, semicolon):
    """Where the statement after a `;` starts (or the `;`'s line ends when nothing follows)."""
    for start, end in _lines_from(text, semicolon + 1):
        line = text[start:end]
        content = line.strip(_BLANKS)
        if content.startswith(b"\\"):
            continue
        return start if not content else start + len(line) - len(line.lstrip(_BLANKS))
    return _line_end(text, semicolon + 1)


def _delete_statement(edit, statement):
    text = statement._file.source_bytes
    start, end = statement.start_byte, statement.end_byte
    parent = statement.parent
    if parent is not None and _lone_child(statement, parent):
        return edit.replace(statement, "pass")
    semicolon = _semicolon_after(text, end)
    if semicolon is not None:
        return edit(start, _next_statement_start(text, semicolon), "", statement)
    if text[_line_start(text, start):start].strip(_BLANKS):
        return edit.delete(statement)
    continuation = _continuation_before(statement, text)
    if continuation is not None:
        return edit(continuation, end, "", statement)
    return edit(_line_start(text, start), _full_line_end(text, end), "", statement)


class _Shipped:
    """Imports lint's shipped rule files (python_rules/) from the bytecode compiled into lint
    when it was built, so that a run compiles none of them. A file that is no longer the source
    it was compiled from (edited since) is compiled from its text, as any other."""

    def __init__(self, folder, table):
        self._folder = folder
        self._table = table  # file name -> (source bytes, marshalled code)

    def find_spec(self, fullname, path=None, target=None):
        # Only for imports from the shipped folder's package (`from ._fixes import x`).
        if not path or self._folder not in path:
            return None
        name = fullname.rpartition(".")[2] + ".py"
        if name not in self._table:
            return None
        # importlib.util's, without importing importlib.util (and functools, collections...).
        from _frozen_importlib_external import spec_from_file_location
        return spec_from_file_location(fullname, self._folder + "/" + name, loader=self)

    def create_module(self, spec):
        return None

    def exec_module(self, module):
        import _imp
        import marshal
        file = module.__spec__.origin
        source, code = self._table[file.rpartition("/")[2]]
        with open(file, "rb") as f:
            text = f.read()
        if text == source:
            code = marshal.loads(code)
            _imp._fix_co_filename(code, file)  # compiled where lint was built
        else:
            code = compile(text, file, "exec", dont_inherit=True)
        exec(code, module.__dict__)
