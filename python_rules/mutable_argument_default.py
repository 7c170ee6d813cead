from lint import Rule

# Literal displays and comprehensions build a new mutable object each time they run.
MUTABLE_DISPLAYS = {"list", "dictionary", "set", "list_comprehension", "dictionary_comprehension", "set_comprehension"}

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
    """

    code = "B006"
    name = "mutable-argument-default"
    message = "Do not use mutable data structures for argument defaults"
    VALID = [
        "def f(a=None, b=(), c=frozenset()): pass",
        "from typing import Sequence\ndef f(a: Sequence[int] = []): pass",
        "def f(a: 'int | None' = None, *args, **kwargs): pass",
        "f = lambda a=[]: a",  # lambdas are not checked
    ]
    INVALID = [
        {"code": "def f(a, b=[]): pass", "row": 1, "column": 12},
        {"code": "import collections\n\ndef f(*, d=collections.defaultdict(list)): pass", "row": 3, "column": 12},
        {"code": "class C:\n    def m(self, x: list[int] = list()): pass", "row": 2, "column": 32},
        {"code": "def f(a={k: 1 for k in 'ab'}): pass", "row": 1, "column": 9},
    ]

    def visit_function_definition(self, node):
        # Stub files only declare defaults; nothing runs.
        if self.path.endswith(".pyi"):
            return
        for parameter in node.child_by_field_name("parameters").named_children:
            # `x=...` and `x: T = ...`; `*args` and `**kwargs` take no default.
            if parameter.type not in ("default_parameter", "typed_default_parameter"):
                continue
            default = unwrap(parameter.child_by_field_name("value"))
            annotation = parameter.child_by_field_name("type")
            if self.is_mutable(default) and not (annotation and self.is_immutable(annotation)):
                self.report(default)

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
