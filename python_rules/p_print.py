from lint import Rule, on_call

from ._fixes import removal


class PPrint(Rule):
    """## What it does
    Checks for calls to `pprint.pprint`.

    ## Why is this bad?
    `pprint` is `print` with nicer formatting: handy while debugging, but it writes to standard
    output unconditionally. Debugging output left in a library or a service leaks data into
    whatever reads that stream; use `logging` (with `pprint.pformat` if the layout matters).

    ## Example
    ```python
    from pprint import pprint

    pprint(config)
    ```

    Use instead:
    ```python
    import logging
    from pprint import pformat

    logging.getLogger(__name__).debug("%s", pformat(config))
    ```

    ## Fix safety
    The fix removes the statement that is only the `pprint` call. It is unsafe: the program's
    output changes, and a `pprint` kept on purpose disappears.
    """

    code = "T203"
    name = "p-print"
    message = "`pprint` found"
    fix_title = "Remove `pprint`"
    fixable = "sometimes"
    VALID = [
        "import pprint\ntext = pprint.pformat({})",
        "from pprint import PrettyPrinter\nPrettyPrinter().pprint({})",  # a method, not the function
        "def pprint(x): pass\npprint(1)",  # a local function of that name
        "import pprint\nwith open('out', 'w') as f:\n    pprint.pprint({}, stream=f)",  # to a file
    ]
    INVALID = [
        {"code": "import pprint\npprint.pprint({})", "row": 2, "column": 1, "fixed": "import pprint\n"},
        {"code": "from pprint import pprint as pp\nx = 1\nif x:\n    pp(x)", "row": 4, "column": 5,
         "fixed": "from pprint import pprint as pp\nx = 1\nif x:\n    pass"},
        {"code": "import pprint\ndef f(x):\n    pprint.pprint(x)\n    pprint.pprint(x)\n    return x\n",
         "fixed": "import pprint\ndef f(x):\n    return x\n"},
    ]

    # Through imports and aliases: `pprint.pprint`, `from pprint import pprint as pp`.
    @on_call("pprint.pprint")
    def pprint_call(self, node, name):
        function = node.child_by_field_name("function")
        # `pprint(x, stream=f)` writes where the program chose, not to the console.
        if self.writes_elsewhere(node):
            return
        # Ruff reports the callee without its parentheses: `(pprint)(x)` at `pprint`.
        while function.type == "parenthesized_expression":
            function = function.named_children[0]
        # The fix deletes the statement the call is the whole of (unsafe: the output goes).
        self.report(function, fix=removal(node))

    def writes_elsewhere(self, call):
        """Whether the call passes `stream=` something other than None, `sys.stdout` or
        `sys.stderr`."""
        for argument in call.child_by_field_name("arguments").named_children:
            if argument.type == "keyword_argument" and argument.child_by_field_name("name").text == "stream":
                value = argument.child_by_field_name("value")
                while value.type == "parenthesized_expression":
                    value = value.named_children[0]
                return value.type != "none" and self.qualified_name(value) not in ("sys.stdout", "sys.stderr")
        return False
