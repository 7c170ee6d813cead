from lint import Edit, Fix, Rule, on_node

from ._codegen import Unsupported, generate_arguments


class AssertFalse(Rule):
    """## What it does
    Checks for `assert False`.

    ## Why is this bad?
    `python -O` strips every `assert` statement, so code that relies on `assert False` to stop
    an impossible path silently carries on in optimized mode. `raise AssertionError(...)` always
    raises.

    ## Example
    ```python
    def area(shape):
        if shape.kind == "square":
            return shape.side**2
        assert False, f"unknown shape {shape.kind}"
    ```

    Use instead:
    ```python
    def area(shape):
        if shape.kind == "square":
            return shape.side**2
        raise AssertionError(f"unknown shape {shape.kind}")
    ```

    ## Fix safety
    The fix replaces the statement with `raise AssertionError(...)`, keeping its message. It is
    unsafe: under `python -O` the statement did nothing and now raises.
    """

    code = "B011"
    name = "assert-false"
    message = "Do not `assert False` (`python -O` removes these calls), raise `AssertionError()`"
    fix_title = "Replace `assert False`"
    fixable = "always"
    VALID = ["assert x", "assert not True", "assert 0", "raise AssertionError('unreachable')"]
    INVALID = [
        {"code": "assert False", "row": 1, "column": 8, "fixed": "raise AssertionError()"},
        # Parentheses are not part of the reported range; the message is written anew, on one line.
        {"code": "def f():\n    assert (False), 'never' \\\n        'ever'  # why",
         "row": 2, "column": 13, "fixed": "def f():\n    raise AssertionError('never' 'ever')  # why"},
        {"code": "assert False, (f'{x!r:>{w}}',)", "fixed": "raise AssertionError((f'{x!r:>{w}}',))"},
    ]

    # Only asserts whose condition is `False` or parenthesized: lint checks the condition's
    # kind in C++ (the first named child that is not a comment), and calls Python on those.
    @on_node("assert_statement", child=("false", "parenthesized_expression"))
    def assert_statement(self, node):
        # The condition is the first expression after `assert` (comments are named nodes too),
        # the message the second.
        test, *message = [c for c in node.named_children if c.type != "comment"]
        while test.type == "parenthesized_expression":
            test = next(c for c in test.named_children if c.type != "comment")
        if test.type != "false":
            return
        # As Ruff, the message is written anew: on one line, its spacing and escapes redone.
        try:
            argument = generate_arguments(message)
        except Unsupported:
            return self.report(test)
        self.report(test, fix=Fix.unsafe(Edit.replace(node, f"raise AssertionError({argument})")))
