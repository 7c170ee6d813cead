from lint import Rule


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
    """

    code = "T201"
    name = "print"
    message = "`print` found"
    VALID = [
        "logging.info('x')",
        "def print(x): pass\nprint('shadowed')",
        "with open('log', 'w') as f:\n    print('x', file=f)",  # writes to a file of its choosing
    ]
    INVALID = [
        "print('x')",
        {"code": "import builtins\nbuiltins.print(1)", "row": 2, "column": 1},
        {"code": "import sys\nprint('x', file=sys.stderr)", "row": 2, "column": 1},
    ]

    def visit_call(self, node):
        function = node.child_by_field_name("function")
        if self.qualified_name(function) != "builtins.print":
            return
        # `print(..., file=f)` writes where the program chose, not to the console.
        if writes_elsewhere(self, node, "file"):
            return
        # Ruff reports the callee without its parentheses: `(print)(x)` at `print`.
        while function.type == "parenthesized_expression":
            function = function.named_children[0]
        self.report(function)


def writes_elsewhere(rule, call, keyword):
    """Whether the call passes `keyword=` (the first one) something other than None,
    `sys.stdout` or `sys.stderr`."""
    for argument in call.child_by_field_name("arguments").named_children:
        if argument.type == "keyword_argument" and argument.child_by_field_name("name").text == keyword:
            value = argument.child_by_field_name("value")
            while value.type == "parenthesized_expression":
                value = value.named_children[0]
            return value.type != "none" and rule.qualified_name(value) not in ("sys.stdout", "sys.stderr")
    return False
