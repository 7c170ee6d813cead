from lint import Edit, Fix, Rule, on_node

from . import _fixes
from ._codegen import Unsupported, generate

# Literal displays and comprehensions build a new mutable object each time they run.
MUTABLE_DISPLAYS = {"list", "dictionary", "set", "list_comprehension", "dictionary_comprehension", "set_comprehension"}

# The kinds of defaults worth a look (parentheses are looked through in Python).
DEFAULT_KINDS = (*MUTABLE_DISPLAYS, "call", "parenthesized_expression")

# Calls that return a mutable object, by qualified name.
MUTABLE_CALLS = {
    "builtins.dict", "builtins.list", "builtins.set",
    "collections.ChainMap", "collections.Counter", "collections.OrderedDict", "collections.defaultdict",
    "collections.deque", "collections.UserDict", "collections.UserList", "collections.UserString",
    "weakref.WeakKeyDictionary", "weakref.WeakSet", "weakref.WeakValueDictionary",
}

# Annotations that promise the function will not mutate the argument: `x: Sequence[int] = []`
# is not reported. These count bare or subscripted (`Sequence`, `Sequence[int]`)...
IMMUTABLE_GENERICS = {
    "builtins.tuple", "builtins.frozenset",
    *(f"collections.abc.{n}" for n in
      ("ByteString", "Collection", "Container", "Iterable", "Mapping", "Reversible", "Sequence", "Set")),
    *(f"typing.{n}" for n in
      ("AbstractSet", "ByteString", "Callable", "Collection", "Container", "FrozenSet", "Iterable", "Literal",
       "Mapping", "Never", "NoReturn", "Reversible", "Sequence", "Tuple")),
}
# ... and these only bare.
IMMUTABLE_TYPES = {
    "collections.abc.Sized", "typing.LiteralString", "typing.Sized",
    *(f"builtins.{n}" for n in ("bool", "bytes", "complex", "float", "frozenset", "int", "object", "range", "str")),
}


class MutableArgumentDefault(Rule):
    """## What it does
    Checks for function parameters whose default is a mutable object: a list, dict or set
    display or comprehension, or a call such as `list()`, `dict()` or `collections.deque()`.

    ## Why is this bad?
    A default is evaluated once, when the `def` runs, and every call shares that one object.
    A change made in one call (`items.append(x)`) is still there in the next call.

    Parameters annotated with a read-only type (`Sequence`, `Mapping`, `tuple`...) are not
    reported: the annotation says the function does not change them.

    ## Example
    ```python
    def tag(item, tags=[]):
        tags.append(item)
        return tags
    ```

    Use instead:
    ```python
    def tag(item, tags=None):
        if tags is None:
            tags = []
        tags.append(item)
        return tags
    ```

    ## Fix safety
    The fix makes the default `None` and creates the object at the start of the body (after
    the docstring and imports) when the argument is `None`. It is unsafe: a caller passing
    `None` now gets the default, and a function relying on the shared object (a cache) stops
    sharing it. A body on the `def` line is not fixed.
    """

    code = "B006"
    name = "mutable-argument-default"
    message = "Do not use mutable data structures for argument defaults"
    fix_title = "Replace with `None`; initialize within function"
    fixable = "sometimes"
    VALID = [
        "def f(a=None, b=(), c=frozenset()): pass",
        "from typing import Sequence\ndef f(a: Sequence[int] = []): pass",
        "def f(a: 'int | None' = None, *args, **kwargs): pass",
        "from typing import Sequence\ndef f(a: Sequence[int] | None = []): pass",
        "f = lambda a=[]: a",  # lambdas are not checked
    ]
    INVALID = [
        # A body on the `def` line is not fixed.
        {"code": "def f(a, b=[]): pass", "row": 1, "column": 12, "fixed": "def f(a, b=[]): pass"},
        {"code": "import collections\n\ndef f(*, d=collections.defaultdict(list)): pass", "row": 3, "column": 12},
        {"code": "class C:\n    def m(self, x: list[int] = list()): pass", "row": 2, "column": 32},
        {"code": "def f(a={k: 1 for k in 'ab'}): pass", "row": 1, "column": 9},
        {"code": "def f(a: list[int] | None = []): pass", "row": 1, "column": 29},
        # The default moves into the body, after the docstring, written anew on one line.
        {"code": 'def f(a, b=(\n    [1,\n     2])):\n    """Doc."""\n    return b\n',
         "fixed": 'def f(a, b=None):\n    """Doc."""\n    if b is None:\n        b = [1, 2]\n    return b\n'},
        # A stub needs no initialization.
        {"code": "def f(x={}):\n    ...\n", "fixed": "def f(x=None):\n    ...\n"},
        # Two defaults: one per round of fixes, so the second one's `if` comes first.
        {"code": "def f(a=[], b=set()):\n\treturn a, b\n",
         "fixed": "def f(a=None, b=None):\n\tif b is None:\n\t\tb = set()\n\tif a is None:\n\t\ta = []\n"
                  "\treturn a, b\n"},
    ]

    # `x=...` and `x: T = ...` whose default is a display, a comprehension, a call or
    # parenthesized: lint checks the default's kind in C++ and calls Python on those only.
    @on_node("default_parameter", value=DEFAULT_KINDS)
    @on_node("typed_default_parameter", value=DEFAULT_KINDS)
    def parameter_with_default(self, parameter):
        # Stub files only declare defaults; nothing runs.
        if self.path.endswith(".pyi"):
            return
        # Parameters of a `def` (lambdas are not checked).
        function = parameter.parent.parent
        if function.type != "function_definition":
            return
        default = unwrap(parameter.child_by_field_name("value"))
        annotation = parameter.child_by_field_name("type")
        if self.is_mutable(default) and not (annotation and self.is_immutable(annotation)):
            self.report(default, fix=self.move_initialization(function, parameter, default))

    def move_initialization(self, function, parameter, default):
        """Ruff's fix: the default becomes `None`, and the body starts (after its docstring and
        imports) with `if x is None: x = <the default>`. None for a body on the `def` line."""
        text = self.source_bytes
        body = [s for s in function.child_by_field_name("body").named_children if s.type != "comment"]
        first = body[0]
        if _fixes.has_leading_content(text, first.start_byte) or _fixes.preceded_by_continuation(first, text):
            return None
        # The default's parentheses go too: `x=([])` becomes `x=None`.
        to_none = Edit.replace(parameter.child_by_field_name("value"), "None")
        if all(self.is_stub_statement(s) for s in body):
            return Fix.unsafe(to_none)
        try:
            value = generate(default)
        except Unsupported:
            return None
        name = parameter.child_by_field_name("name").text
        end = self.line_ending
        content = f"if {name} is None:{end}{self.indentation}{name} = {value}{end}"
        content = _fixes.indent(content, text[_fixes.line_start(text, first.start_byte):first.start_byte].decode())
        position = _fixes.line_start(text, first.start_byte)
        for i, statement in enumerate(body):
            if not (is_docstring(statement) or statement.type in IMPORTS):
                break
            if i + 1 < len(body):
                if _fixes.in_multi_statement_line(statement, text):
                    continue
                position = _fixes.line_start(text, body[i + 1].start_byte)
            else:
                position = _fixes.full_line_end(text, statement.end_byte)
                if position == len(text):  # the last line of the file, maybe without a line ending
                    content = end + content
                break
        return Fix.unsafe(to_none, Edit.insert_at(position, content))

    def is_stub_statement(self, statement):
        """`pass`, `...`, a string, or `raise NotImplementedError(...)`."""
        if statement.type == "pass_statement":
            return True
        if statement.type == "expression_statement":
            value = unwrap(statement.named_children[0])
            return value.type == "ellipsis" or is_string_literal(value)
        if statement.type == "raise_statement":
            raised = next((c for c in statement.named_children if c.type != "comment"), None)
            if raised is None or any(c.type == "from" for c in statement.children):
                return False
            raised = unwrap(raised)
            if raised.type == "call":
                raised = raised.child_by_field_name("function")
            return self.qualified_name(raised) in ("builtins.NotImplementedError", "builtins.NotImplemented")
        return False

    def is_mutable(self, expr):
        if expr.type in MUTABLE_DISPLAYS:
            return True
        if expr.type == "call":
            function = expr.child_by_field_name("function")
            if function.type == "subscript":  # `list[int]()`
                function = function.child_by_field_name("value")
            return self.qualified_name(function) in MUTABLE_CALLS
        return False

    def is_immutable(self, annotation):
        """Whether the annotation names a type the function cannot mutate through."""
        annotation = unwrap(annotation)
        if annotation.type == "none":
            return True
        if annotation.type in ("identifier", "attribute"):
            name = self.qualified_name(annotation)
            return name in IMMUTABLE_TYPES or name in IMMUTABLE_GENERICS
        if annotation.type == "binary_operator":  # `A | B`
            left, right = annotation.child_by_field_name("left"), annotation.child_by_field_name("right")
            return (annotation.child_by_field_name("operator").type == "|"
                    and self.is_immutable(left) and self.is_immutable(right))
        if annotation.type == "union_type":  # `A | B` where tree-sitter reads a type: two `type`s
            members = [c for c in annotation.named_children if c.type != "comment"]
            return len(members) == 2 and all(self.is_immutable(member) for member in members)
        if annotation.type in ("subscript", "generic_type"):  # `X[...]`
            value, items, is_tuple = split_subscript(annotation)
            name = self.qualified_name(value)
            if name in IMMUTABLE_GENERICS:
                return True
            if name == "typing.Union":  # `Union[A, B]`: every member; `Union[A]` does not count
                return is_tuple and all(self.is_immutable(item) for item in items)
            if name == "typing.Optional":  # `Optional[A]`
                return not is_tuple and self.is_immutable(items[0])
            if name in ("typing.Annotated", "typing_extensions.Annotated"):  # `Annotated[A, ...]`: A
                return is_tuple and len(items) > 0 and self.is_immutable(items[0])
        return False


IMPORTS = {"import_statement", "import_from_statement", "future_import_statement"}


def is_string_literal(node):
    """A plain string (not bytes, not an f-string), or several of them side by side."""
    parts = [node] if node.type == "string" else [c for c in node.named_children if c.type == "string"] \
        if node.type == "concatenated_string" else []
    for part in parts:
        start = next(c for c in part.children if c.type == "string_start").text.lower()
        if "b" in start or "f" in start or "t" in start:
            return False
    return bool(parts)


def is_docstring(statement):
    """An expression statement that is only a string, as Ruff's `is_docstring_stmt`."""
    return (statement.type == "expression_statement" and len(statement.named_children) == 1
            and is_string_literal(unwrap(statement.named_children[0])))


def unwrap(node):
    """The expression inside parentheses and tree-sitter's `type` nodes (annotations)."""
    while node.type in ("parenthesized_expression", "type"):
        node = next(c for c in node.named_children if c.type != "comment")
    return node


def split_subscript(node):
    """`X[...]` as (X, the index's elements, whether the index is a tuple). In annotations,
    tree-sitter parses `Name[...]` as a generic_type with a type_parameter."""
    if node.type == "generic_type":
        value, index = node.named_children[0], node.named_children[-1]
    else:
        value, index = node.child_by_field_name("value"), node
    items = [c for c in index.named_children if c != value and c.type != "comment"]
    is_tuple = len(items) != 1 or any(c.type == "," for c in index.children)
    if not is_tuple and unwrap(items[0]).type == "tuple":  # `X[(a, b)]`
        items, is_tuple = [c for c in unwrap(items[0]).named_children if c.type != "comment"], True
    return value, items, is_tuple
