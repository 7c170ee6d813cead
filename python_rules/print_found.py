from lint import Rule, on_call

from ._fixes import removal


class PrintFound(Rule):
    """## What it does
    Checks for `print` calls.

    ## Why is this bad?
    `print` writes to standard output whatever the program's users expect there; libraries and
    services should log through `logging`, which can be configured, filtered and silenced.

    ## Example
    ```python
    print("connected")
    ```

    Use instead:
    ```python
    import logging

    logging.getLogger(__name__).info("connected")
    ```

    ## Fix safety
    The fix removes the statement that is only the `print` call. It is unsafe: the program's
    output changes, and a `print` kept on purpose disappears.
    """

    code = "T201"
    name = "print"
    message = "`print` found"
    fix_title = "Remove `print`"
    fixable = "sometimes"
    VALID = [
        "logging.info('x')",
        "def print(x): pass\nprint('shadowed')",
        "with open('log', 'w') as f:\n    print('x', file=f)",  # writes to a file of its choosing
    ]
    INVALID = [
        {"code": "print('x')\nx = 1\n", "fixed": "x = 1\n"},
        {"code": "import builtins\nbuiltins.print(1)", "row": 2, "column": 1, "fixed": "import builtins\n"},
        {"code": "import sys\nprint('x', file=sys.stderr)", "row": 2, "column": 1, "fixed": "import sys\n"},
        # The only statement of its block becomes `pass`; one `print` alone on a line.
        {"code": "if x:\n    print(x)\nelse:\n    y = 1; print(y)  # done\n",
         "fixed": "if x:\n    pass\nelse:\n    y = 1;   # done\n"},
        # Not fixed (`fixed` is the code): the call is part of a larger expression.
        {"code": "x = print(1) or 2", "row": 1, "column": 5, "fixed": "x = print(1) or 2"},
    ]

    # Called only on calls of `print` (through imports and aliases too): lint resolves each
    # call's callee in C++ and calls Python for the ones that match.
    @on_call("builtins.print")
    def print_call(self, node, name):
        function = node.child_by_field_name("function")
        # `print(..., file=f)` writes where the program chose, not to the console.
        if writes_elsewhere(self, node, "file"):
            return
        # Ruff reports the callee without its parentheses: `(print)(x)` at `print`.
        while function.type == "parenthesized_expression":
            function = function.named_children[0]
        # The fix deletes the statement the call is the whole of (unsafe: the output goes).
        self.report(function, fix=removal(node))


def writes_elsewhere(rule, call, keyword):
    """Whether the call passes `keyword=` (the first one) something other than None,
    `sys.stdout` or `sys.stderr`."""
    for argument in call.child_by_field_name("arguments").named_children:
        if argument.type == "keyword_argument" and argument.child_by_field_name("name").text == keyword:
            value = argument.child_by_field_name("value")
            while value.type == "parenthesized_expression":
                value = value.named_children[0]
            if value.type == "none":
                return False
            # An attribute's qualified name ends with its own name: `f.out` is no `sys.stdout`,
            # known without resolving names (which needs the file's semantic model).
            if value.type == "attribute" and value.child_by_field_name("attribute").text not in ("stdout", "stderr"):
                return True
            return rule.qualified_name(value) not in ("sys.stdout", "sys.stderr")
    return False
