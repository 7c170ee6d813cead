"""End-to-end tests of the Python rule API's helpers: call arguments, a scope's bindings and a
binding's references, the scope chain, builtins, the module name and stubs, and rule options
from the configuration."""
import json
import os
import shutil
import tempfile
import textwrap
import unittest
from pathlib import Path

from lint_e2e import run

# The README's examples of these helpers, run as they are written there.
HELPERS = '''
from lint import Rule, on_call, on_node


class UnusedLocal(Rule):
    code = "X401"
    name = "unused-local"
    message = "Local `{}` is assigned but never used"

    @on_node("function_definition")
    def function(self, node):
        scope = self.scope(node.child_by_field_name("body"))
        for binding in scope.bindings:
            if binding.kind == "assignment" and not binding.is_used and binding.name != "_":
                self.report(binding.name_node, self.message.format(binding.name))


class OpenArguments(Rule):
    code = "X402"
    name = "open-arguments"

    @on_call("builtins.open")
    def call(self, node, name):
        args = self.arguments(node)
        mode = args.find("mode", 1)
        self.report(node, f"{len(args.positional)} positional, keywords {sorted(args.keywords)}, "
                          f"*args {len(args.star_args)}, **kwargs {len(args.star_kwargs)}, "
                          f"mode {mode.text if mode else None}")


class ScopeChain(Rule):
    code = "X403"
    name = "scope-chain"

    @on_call("builtins.locals")
    def call(self, node, name):
        self.report(node, " < ".join(s.kind for s in self.scopes(node)))


class ShadowedBuiltin(Rule):
    code = "X404"
    name = "shadowed-builtin"

    @on_node("assignment", left="identifier")
    def assignment(self, node):
        target = node.child_by_field_name("left")
        if self.is_builtin(target.text):
            self.report(target, f"`{target.text}` shadows a builtin")

    @on_node("call", function="identifier")
    def call(self, node):
        function = node.child_by_field_name("function")
        if function.text in ("len", "id") and not self.is_builtin(function):
            self.report(function, f"`{function.text}` is not the builtin here")


class ModuleName(Rule):
    code = "X405"
    name = "module-name"

    @on_node("module")
    def module(self, node):
        self.report(node, f"{self.module_name} stub={self.is_stub}")


class TooManyArguments(Rule):
    code = "X406"
    name = "too-many-arguments"
    options = {"max-args": 3, "ignore-names": ["self"], "verbose": False, "label": "args"}

    @on_node("parameters")
    def parameters(self, node):
        names = [p.text for p in node.named_children if p.type == "identifier"]
        count = len([n for n in names if n not in self.options["ignore-names"]])
        if count > self.options["max-args"]:
            extra = f" ({self.options['label']})" if self.options["verbose"] else ""
            self.report(node, f"{count} > {self.options['max-args']}{extra}")
'''


class Workspace(unittest.TestCase):
    def setUp(self):
        self.dir = Path(tempfile.mkdtemp(prefix="lint-e2e-api-"))
        self.write("rules/helpers.py", HELPERS)

    def tearDown(self):
        shutil.rmtree(self.dir, ignore_errors=True)

    def write(self, rel, content):
        p = self.dir / rel
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_text(content)
        return p

    def diagnostics(self, *args, isolated=True):
        proc = run(*(["--isolated"] if isolated else []), "--no-cache", "--output-format", "json", *args, cwd=self.dir)
        self.assertIn(proc.returncode, (0, 1), proc.stderr.decode())
        return sorted((Path(d["filename"]).name, d["location"]["row"], d["location"]["column"], d["message"])
                      for d in json.loads(proc.stdout))


class Helpers(Workspace):
    def test_bindings_of_a_scope_and_their_references(self):
        self.write("a.py", textwrap.dedent("""\
            def f(a):
                x = 1
                y = 2
                _ = 3
                z = 4
                z = 5
                return y + z

            def g():
                used = 1
                def inner():
                    return used
                return inner
            """))
        got = self.diagnostics("--python-rules", "rules", "--select", "X401", "a.py")
        # `z = 4` is never read: the read sees `z = 5`.
        self.assertEqual(got, [("a.py", 2, 5, "Local `x` is assigned but never used"),
                               ("a.py", 5, 5, "Local `z` is assigned but never used")])

    def test_references_lookup_and_parent(self):
        self.write("rules/refs.py", '''
from lint import Rule, on_node


class References(Rule):
    code = "X410"
    name = "references"

    @on_node("module")
    def module(self, node):
        scope = self.scope(node)
        for name in ("a", "b", "nothing"):
            binding = scope.lookup(name)
            if binding is None:
                self.report(node, f"{name}: none")
                continue
            rows = [r.start_point[0] + 1 for r in binding.references]
            self.report(binding.name_node, f"{name}: {binding.kind} in {binding.scope.kind}, used on {rows}, "
                                           f"parent {binding.scope.parent}")
''')
        self.write("b.py", "import os as a\nb = a.sep\nprint(a, b)\ndef f():\n    return a\n")
        got = self.diagnostics("--python-rules", "rules", "--select", "X410", "b.py")
        self.assertEqual(got, [("b.py", 1, 1, "nothing: none"),
                               ("b.py", 1, 14, "a: import in module, used on [2, 3, 5], parent None"),
                               ("b.py", 2, 1, "b: assignment in module, used on [3], parent None")])

    def test_call_arguments(self):
        self.write("c.py", textwrap.dedent("""\
            open("a")
            open("a", "rb", buffering=0)
            open(*paths, mode="w", **options)
            open(path, *rest)
            open(x for x in y)
            """))
        got = self.diagnostics("--python-rules", "rules", "--select", "X402", "c.py")
        self.assertEqual(got, [
            ("c.py", 1, 1, "1 positional, keywords [], *args 0, **kwargs 0, mode None"),
            ("c.py", 2, 1, "2 positional, keywords ['buffering'], *args 0, **kwargs 0, mode \"rb\""),
            ("c.py", 3, 1, "0 positional, keywords ['mode'], *args 1, **kwargs 1, mode \"w\""),
            # After a `*args`, the position of what follows is not known.
            ("c.py", 4, 1, "1 positional, keywords [], *args 1, **kwargs 0, mode None"),
            ("c.py", 5, 1, "1 positional, keywords [], *args 0, **kwargs 0, mode None"),
        ])

    def test_scope_chain(self):
        self.write("d.py", textwrap.dedent("""\
            locals()
            class C:
                def m(self):
                    return [locals() for _ in self]
                f = lambda: locals()
            """))
        got = self.diagnostics("--python-rules", "rules", "--select", "X403", "d.py")
        self.assertEqual(got, [("d.py", 1, 1, "module"),
                               ("d.py", 4, 17, "comprehension < function < class < module"),
                               ("d.py", 5, 17, "lambda < class < module")])

    def test_is_builtin(self):
        self.write("e.py", "list = [1]\nlength = len(list)\nfrom x import id\nid(1)\n"
                   "def f(len):\n    return len(1)\naiter = 1\n")
        got = self.diagnostics("--python-rules", "rules", "--select", "X404", "e.py")
        self.assertEqual(got, [("e.py", 1, 1, "`list` shadows a builtin"),
                               ("e.py", 4, 1, "`id` is not the builtin here"),
                               ("e.py", 6, 12, "`len` is not the builtin here"),
                               ("e.py", 7, 1, "`aiter` shadows a builtin")])
        # `aiter` is a builtin from Python 3.10 on.
        got = self.diagnostics("--python-rules", "rules", "--select", "X404", "--target-version", "py39", "e.py")
        self.assertNotIn(("e.py", 7, 1, "`aiter` shadows a builtin"), got)

    def test_module_name_and_stub(self):
        self.write("pkg/__init__.py", "")
        self.write("pkg/sub/__init__.py", "")
        self.write("pkg/sub/mod.py", "")
        self.write("pkg/sub/mod.pyi", "")
        self.write("alone.py", "")
        got = self.diagnostics("--python-rules", "rules", "--select", "X405", "pkg", "alone.py")
        self.assertEqual(got, [("__init__.py", 1, 1, "pkg stub=False"),
                               ("__init__.py", 1, 1, "pkg.sub stub=False"),
                               ("alone.py", 1, 1, "alone stub=False"),
                               ("mod.py", 1, 1, "pkg.sub.mod stub=False"),
                               ("mod.pyi", 1, 1, "pkg.sub.mod stub=True")])


class Readme(Workspace):
    def test_the_helpers_example_of_the_readme(self):
        readme = (Path(__file__).resolve().parents[2] / "README.md").read_text()
        section = readme[readme.index("**Helpers.**"):]
        code = section[section.index("```python\n") + len("```python\n"):section.index("\n```\n")]
        toml = section[section.index("```toml\n") + len("```toml\n"):]
        toml = toml[:toml.index("\n```\n")]
        self.write("example/rules.py", code + "\n")
        self.write("pyproject.toml", '[tool.lint]\npython-rules = ["example"]\nselect = ["X020", "X021"]\n' + toml + "\n")
        self.write("a.py", textwrap.dedent("""\
            def f(path):
                unused = open(path, "rb")
                data = open(path, mode="w")
                return data
            open("x", "w")
            """))
        got = self.diagnostics("a.py", isolated=False)
        self.assertEqual(got, [("a.py", 2, 5, "Local `unused` is assigned but never used"),
                               ("a.py", 3, 12, '`open()` with mode "w" in a function')])


class Options(Workspace):
    SOURCE = "def f(self, a, b, c): pass\ndef g(a, b, c, d, e): pass\n"

    def test_defaults_apply_without_configuration(self):
        self.write("f.py", self.SOURCE)
        got = self.diagnostics("--python-rules", "rules", "--select", "X406", "f.py")
        self.assertEqual(got, [("f.py", 2, 6, "5 > 3")])

    def test_the_rules_table_sets_them_by_name_or_code(self):
        self.write("f.py", self.SOURCE)
        for table in ("too-many-arguments", "X406"):
            self.write("lint.toml", f'python-rules = ["rules"]\nselect = ["X406"]\n[{table}]\n'
                                    'max-args = 2\nignore-names = []\nverbose = true\nlabel = "parameters"\n')
            got = self.diagnostics("f.py", isolated=False)
            self.assertEqual(got, [("f.py", 1, 6, "4 > 2 (parameters)"), ("f.py", 2, 6, "5 > 2 (parameters)")])

    def test_pyproject_and_lint_rule_list_them(self):
        self.write("f.py", self.SOURCE)
        self.write("pyproject.toml", '[tool.lint]\npython-rules = ["rules"]\nselect = ["X406"]\n'
                                     '[tool.lint.too-many-arguments]\nmax-args = 4\n')
        self.assertEqual(self.diagnostics("f.py", isolated=False), [("f.py", 2, 6, "5 > 4")])
        proc = run("rule", "X406", "--python-rules", "rules", cwd=self.dir)
        self.assertEqual(proc.returncode, 0, proc.stderr.decode())
        self.assertIn("max-args", proc.stdout.decode())

    def test_an_unknown_option_or_a_wrong_type_is_a_configuration_error(self):
        self.write("f.py", self.SOURCE)
        for body, says in (("max-arg = 2", "unknown option `max-arg`"), ('max-args = "2"', "must be an integer")):
            self.write("lint.toml", f'python-rules = ["rules"]\nselect = ["X406"]\n[too-many-arguments]\n{body}\n')
            proc = run("--no-cache", "f.py", cwd=self.dir)
            self.assertEqual(proc.returncode, 2, proc.stdout.decode())
            self.assertIn(says, proc.stderr.decode())

    def test_a_default_that_is_not_a_literal_stops_the_run(self):
        self.write("bad/r.py", 'from lint import Rule\nclass R(Rule):\n    code = "X407"\n    options = {"n": 1 + 1}\n')
        self.write("f.py", "")
        proc = run("--isolated", "--python-rules", "bad", "--select", "X407", "f.py", cwd=self.dir)
        self.assertEqual(proc.returncode, 2)
        self.assertIn("option `n`", proc.stderr.decode())


PACKAGE_RULE = '''
from lint import Rule, on_call

from acme_lint.common import banned  # absolute: the package is imported as itself
from .common import MESSAGE          # relative


class Banned(Rule):
    code = "ACME001"
    name = "acme-banned-call"

    @on_call(*banned())
    def call(self, node, name):
        self.report(node, MESSAGE.format(name))
'''


class Packages(Workspace):
    """`python-rules` naming modules found on `python-path`."""

    def setUp(self):
        super().setUp()
        self.write("vendor/acme_lint/__init__.py", "")
        self.write("vendor/acme_lint/common.py",
                   'MESSAGE = "`{}` is banned at ACME"\n\ndef banned():\n    return ("os.system", "eval")\n')
        self.write("vendor/acme_lint/naming.py", PACKAGE_RULE)
        self.write("proj/a.py", "import os\nos.system('x')\neval('1')\n")
        self.env = {"LINT_NO_PYTHON_RULES": "", "LINT_SAFE_DIRECTORIES": ""}

    def config(self, rules, path='["../vendor"]', select='["ACME"]'):
        self.write("proj/lint.toml", f"python-rules = {rules}\npython-path = {path}\nselect = {select}\n")

    def lint(self, *args, env=None):
        return run("--no-cache", "--output-format", "json", *args, "a.py", cwd=self.dir / "proj",
                   env={**self.env, **(env or {})})

    def found(self, proc):
        self.assertEqual(proc.returncode, 1, proc.stderr.decode())
        return [(d["location"]["row"], d["message"]) for d in json.loads(proc.stdout)]

    def test_a_package_a_submodule_and_a_module_file(self):
        expected = [(2, "`os.system` is banned at ACME"), (3, "`builtins.eval` is banned at ACME")]
        for rules in ('["acme_lint"]', '["acme_lint.naming"]'):
            self.config(rules)
            self.assertEqual(self.found(self.lint()), [(2, "`os.system` is banned at ACME")], rules)
        self.write("vendor/acme_lint/common.py",
                   'MESSAGE = "`{}` is banned at ACME"\n\ndef banned():\n    return ("os.system", "builtins.eval")\n')
        self.config('["acme_lint"]')
        self.assertEqual(self.found(self.lint()), expected)
        # A module file on python-path, importing the package too.
        self.write("vendor/acme_single.py", PACKAGE_RULE.replace("from .common", "from acme_lint.common")
                   .replace("ACME001", "ACME002").replace("acme-banned-call", "acme-banned-single"))
        self.config('["acme_single"]', select='["ACME002"]')
        self.assertEqual(self.found(self.lint()), expected)

    def test_a_module_that_is_not_found(self):
        self.config('["acme_lint.missing"]')
        proc = self.lint()
        self.assertEqual(proc.returncode, 2)
        self.assertIn("lint.toml:1:", proc.stderr.decode())
        self.assertIn("`acme_lint.missing` is neither a path nor a module found on `python-path`", proc.stderr.decode())
        self.write("proj/lint.toml", 'python-rules = ["acme_lint"]\n')
        self.assertIn("`python-rules`: `acme_lint` does not exist", self.lint().stderr.decode())
        self.config('["acme_lint"]', path='["nowhere"]')
        proc = self.lint()
        self.assertEqual(proc.returncode, 2)
        self.assertIn("`python-path`: `nowhere` is not a folder", proc.stderr.decode())

    def test_a_code_with_a_builtin_prefix_is_refused(self):
        self.write("vendor/acme_lint/naming.py", PACKAGE_RULE.replace("ACME001", "B950"))
        self.config('["acme_lint"]', select='["B950"]')
        proc = self.lint()
        self.assertEqual(proc.returncode, 2)
        self.assertIn("the code B950 starts with `B`, the prefix of lint's built-in rules", proc.stderr.decode())
        self.assertEqual(proc.stdout, b"")

    def test_the_trust_model_applies(self):
        self.config('["acme_lint"]')
        # --no-python-rules: read (the code stays known), never imported.
        self.write("vendor/acme_lint/naming.py", PACKAGE_RULE + "\nraise SystemExit('imported')\n")
        proc = self.lint("--no-python-rules")
        self.assertEqual(proc.returncode, 0, proc.stderr.decode())
        self.assertIn("not running the Python rules ACME001", proc.stderr.decode())
        # A python-path folder others can write to is refused, and so is the package's.
        self.write("vendor/acme_lint/naming.py", PACKAGE_RULE)
        for folder in ("vendor", "vendor/acme_lint"):
            os.chmod(self.dir / folder, 0o777)
            proc = self.lint()
            self.assertEqual(proc.returncode, 2, folder)
            self.assertIn("is writable by every user", proc.stderr.decode())
            self.assertEqual(self.found(self.lint(env={"LINT_SAFE_DIRECTORIES": str(self.dir)})),
                             [(2, "`os.system` is banned at ACME")])
            os.chmod(self.dir / folder, 0o755)


class Attributes(Workspace):
    def test_on_attribute(self):
        self.write("attr/rules.py", '''
from lint import Rule, on_attribute


class Environ(Rule):
    code = "X420"
    name = "environ-access"

    @on_attribute("os.environ", "sys.std*")
    def environ(self, node, name):
        self.report(node, name)
''')
        self.write("g.py", textwrap.dedent("""\
            import os
            import os as o
            import sys
            from os import environ
            os.environ["HOME"]
            o.environ.get("HOME")
            environ.get("HOME")
            print(sys.stdout, sys.stdin.read(), sys.path)
            class C:
                environ = 1
            C.environ
            def f(os):
                return os.environ
            """))
        proc = run("--isolated", "--no-cache", "--output-format", "json", "--python-rules", "attr", "--select", "X420",
                   "--timing=json", "g.py", cwd=self.dir)
        self.assertEqual(proc.returncode, 1, proc.stderr.decode())
        got = sorted((d["location"]["row"], d["location"]["column"], d["message"]) for d in json.loads(proc.stdout))
        # `*` matches dots too: `sys.stdin.read` is matched as well as `sys.stdin`.
        self.assertEqual(got, [(5, 1, "os.environ"), (6, 1, "os.environ"), (8, 7, "sys.stdout"), (8, 19, "sys.stdin"),
                               (8, 19, "sys.stdin.read")])
        timing = json.loads(proc.stderr.decode().strip().splitlines()[-1])
        # Called only on the five that match.
        self.assertEqual([r["nodes"] for r in timing["rules"] if r["code"] == "X420"], [5])


if __name__ == "__main__":
    unittest.main()
