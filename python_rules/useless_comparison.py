from lint import Rule, on_node


def unparenthesized(node):
    """`((a == b))` -> `a == b`."""
    while node.type == "parenthesized_expression":
        node = next(c for c in node.named_children if c.type != "comment")
    return node


class UselessComparison(Rule):
    """## What it does
    Checks for comparisons used as statements, whose result is thrown away.

    ## Why is this bad?
    A comparison on its own line does nothing. It is usually a typo for an assignment
    (`x == 1` for `x = 1`), a forgotten `assert`, or, as the last statement of a function, a
    forgotten `return`.

    ## Example
    ```python
    def is_empty(items):
        len(items) == 0
    ```

    Use instead:
    ```python
    def is_empty(items):
        return len(items) == 0
    ```
    """

    code = "B015"
    name = "useless-comparison"
    message = "Pointless comparison. Did you mean to assign a value? Otherwise, prepend `assert` or remove it."
    END_OF_FUNCTION = "Pointless comparison at end of function scope. Did you mean to return the expression result?"
    VALID = ["x = a == b", "assert a == b", "a == b, c", "f(a == b)", "if a == b:\n    pass"]
    INVALID = [
        {"code": "a == b", "row": 1, "column": 1, "message": message},
        {"code": "x = 1\n(x in y)", "row": 2, "column": 2},
        {"code": "def f(a):\n    a == 1\n    return a", "row": 2, "column": 5, "message": message},
        {"code": "def f(a):\n    a is None  # last\n", "row": 2, "column": 5, "message": END_OF_FUNCTION},
        {"code": "def f(a):\n    if a:\n        a < 1\n", "row": 3, "column": 9, "message": message},
    ]

    # Only statements starting with a comparison (or parentheses): checked in C++.
    @on_node("expression_statement", child=("comparison_operator", "parenthesized_expression"))
    def expression_statement(self, node):
        # Only a statement that is one comparison: `a == b, c` is a tuple and `x = a == b` an
        # assignment (both are expression_statement nodes in tree-sitter-python).
        parts = [c for c in node.children if c.type != "comment"]
        if len(parts) != 1:
            return
        comparison = unparenthesized(parts[0])
        if comparison.type != "comparison_operator":
            return
        if self.is_notebook and self.ends_cell(node):
            return  # Jupyter displays a cell's last expression: it is the cell's output
        self.report(comparison, self.END_OF_FUNCTION if self.ends_function(node) else None)

    def ends_cell(self, statement):
        """Whether `statement` is a notebook cell's last top-level statement: only semicolons,
        comments and blank space follow it in its cell."""
        if statement.parent is None or statement.parent.type != "module":
            return False
        cell = self.notebook_cell(statement)
        if cell is None:
            return False
        rest = self.source_bytes[statement.end_byte:cell[1]]
        for line in rest.split(b"\n"):
            code = line.split(b"#", 1)[0]
            if code.strip(b" \t\r\f;\\"):
                return False
        return True

    def ends_function(self, statement):
        """Whether `statement` is the last statement of the body of the function it is in."""
        # From the tree alone (`self.scope()` would need the semantic model): the statement's
        # block is the body of a `def`.
        body = statement.parent
        function = body.parent if body is not None else None
        if function is None or function.type != "function_definition" or function.child_by_field_name("body") != body:
            return False
        last = [c for c in body.named_children if c.type != "comment"][-1]
        return last == statement
