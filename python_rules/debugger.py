from lint import Rule

# Calls that stop in (or wait for) a debugger, by qualified name.
DEBUGGER_CALLS = {
    "builtins.breakpoint",
    "pdb.set_trace",
    "pudb.set_trace",
    "ipdb.set_trace",
    "ipdb.sset_trace",
    "IPython.terminal.embed.InteractiveShellEmbed",
    "IPython.frontend.terminal.embed.InteractiveShellEmbed",
    "celery.contrib.rdb.set_trace",
    "debugpy.breakpoint",
    "debugpy.listen",
    "debugpy.wait_for_client",
    "ptvsd.break_into_debugger",
    "ptvsd.wait_for_attach",
    "sys.breakpointhook",
    "sys.__breakpointhook__",
}

# Modules whose mere import is reported: the modules of the calls above, except `builtins`
# and `sys`, which are imported for many other reasons.
DEBUGGER_MODULES = {
    "pdb",
    "pudb",
    "ipdb",
    "debugpy",
    "ptvsd",
    "IPython.terminal.embed",
    "IPython.frontend.terminal.embed",
    "celery.contrib.rdb",
}


def dotted(node):
    """The text of a dotted_name, `a.b.c`, without any spaces or comments inside it."""
    return ".".join(part.text for part in node.named_children if part.type == "identifier")


def imported_name(node):
    """`a.b` for both `a.b` and `a.b as c` in an import's list of names."""
    if node.type == "aliased_import":
        node = node.child_by_field_name("name")
    return dotted(node)


class Debugger(Rule):
    """## What it does
    Checks for debugger calls (`breakpoint()`, `pdb.set_trace()`, `debugpy.listen()`...) and
    for imports of debugger modules.

    ## Why is this bad?
    A breakpoint left in committed code stops the program, waiting for someone at a terminal,
    or opens a port for a remote debugger. An import of a debugger is usually the leftover
    of such a session.

    ## Example
    ```python
    def total(prices):
        import pdb; pdb.set_trace()
        return sum(prices)
    ```

    Use instead:
    ```python
    def total(prices):
        return sum(prices)
    ```
    """

    code = "T100"
    name = "debugger"
    # Two messages: "Trace found: `{name}` used" for calls, this one for imports.
    message = "Import for `{}` found"
    VALID = [
        "import sys\nsys.exit()",
        "import pdbx\nfrom pudb import x as pdb",  # from-imports are checked by their full name
        "def breakpoint(): pass\nbreakpoint()",  # a local function of that name
        "from celery.contrib import rdb",  # only `import celery.contrib.rdb` counts
    ]
    INVALID = [
        {"code": "breakpoint()", "row": 1, "column": 1, "message": "Trace found: `breakpoint` used"},
        {"code": "import os, pdb", "row": 1, "column": 1, "message": "Import for `pdb` found"},
        {"code": "from ipdb import set_trace as st\nst()", "row": 1, "column": 1,
         "message": "Import for `ipdb.set_trace` found"},
        {"code": "from ipdb import set_trace as st\nst()", "row": 2, "column": 1,
         "message": "Trace found: `ipdb.set_trace` used"},
        {"code": "import sys\nif True:\n    sys.breakpointhook()", "row": 3, "column": 5},
    ]

    def visit_call(self, node):
        function = node.child_by_field_name("function")
        name = self.qualified_name(function)
        if name not in DEBUGGER_CALLS:
            return
        # A builtin used by its bare name (no binding: nothing in the file defines it) is
        # shown without `builtins.`, as written.
        if name.startswith("builtins.") and self.binding(function) is None:
            name = name[len("builtins."):]
        self.report(node, f"Trace found: `{name}` used")

    def visit_import_statement(self, node):
        # `import a, b.c as d`: each name that is a debugger module, over the whole statement.
        for imported in node.children_by_field_name("name"):
            module = imported_name(imported)
            if module in DEBUGGER_MODULES:
                self.report(node, self.message.format(module))

    def visit_import_from_statement(self, node):
        # `from pdb import set_trace`: the module and the name together, like a call's target.
        # A relative module counts by its name alone (`from .pdb import set_trace` too), and
        # `from . import pdb` by the imported name, as Ruff does.
        source = node.child_by_field_name("module_name")
        if source.type == "relative_import":
            source = next((c for c in source.named_children if c.type == "dotted_name"), None)
        module = dotted(source) if source is not None else None
        for imported in node.children_by_field_name("name"):
            name = imported_name(imported)
            if module is None:
                if name in DEBUGGER_MODULES:
                    self.report(node, self.message.format(name))
            elif f"{module}.{name}" in DEBUGGER_CALLS:
                self.report(node, self.message.format(f"{module}.{name}"))
