from lint import Rule, on_call, on_import

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

    @on_call(*DEBUGGER_CALLS)
    def debugger_call(self, node, name):
        # A builtin used by its bare name (no binding: nothing in the file defines it) is
        # shown without `builtins.`, as written.
        if name.startswith("builtins.") and self.binding(node.child_by_field_name("function")) is None:
            name = name[len("builtins."):]
        self.report(node, f"Trace found: `{name}` used")

    # Called once per imported name that matches, with the name: `import a.b as c` imports
    # "a.b", `from m import x` "m.x" (a relative module by the name after its dots, as Ruff
    # does: `from .pdb import set_trace` too), `from . import x` "x".
    @on_import(*DEBUGGER_MODULES, *DEBUGGER_CALLS)
    def debugger_import(self, node, name):
        # `import m` and `from . import m` import a module: a debugger module counts. From a
        # named module, `from m import x`, the module and the name together must be a
        # debugger call's target (`from celery.contrib import rdb` is not reported).
        if node.type == "import_statement" or not has_module_name(node):
            wanted = DEBUGGER_MODULES
        else:
            wanted = DEBUGGER_CALLS
        if name in wanted:
            self.report(node, self.message.format(name))


def has_module_name(statement):
    """Whether a `from ... import` statement names its module (`from . import x` does not)."""
    source = statement.child_by_field_name("module_name")
    if source.type == "relative_import":
        return any(c.type == "dotted_name" for c in source.named_children)
    return True
