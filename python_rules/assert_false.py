from lint import Rule


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
    """

    code = "B011"
    name = "assert-false"
    message = "Do not `assert False` (`python -O` removes these calls), raise `AssertionError()`"
    VALID = ["assert x", "assert not True", "assert 0", "raise AssertionError('unreachable')"]
    INVALID = [
        {"code": "assert False", "row": 1, "column": 8},
        # Parentheses are not part of the reported range.
        {"code": "def f():\n    assert (False), 'never'", "row": 2, "column": 13},
    ]

    def visit_assert_statement(self, node):
        # The condition is the first expression after `assert` (comments are named nodes too).
        test = next(c for c in node.named_children if c.type != "comment")
        while test.type == "parenthesized_expression":
            test = next(c for c in test.named_children if c.type != "comment")
        if test.type == "false":
            self.report(test)
