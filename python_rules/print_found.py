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
    VALID = ["logging.info('x')", "def print(x): pass\nprint('shadowed')"]
    INVALID = ["print('x')", {"code": "import builtins\nbuiltins.print(1)", "row": 2, "column": 1}]

    def visit_call(self, node):
        function = node.child_by_field_name("function")
        if self.qualified_name(function) == "builtins.print":
            self.report(function)
