"""End-to-end tests of per-rule timing (--timing, LINT_TIMING) and of the native-side filters of
Python rules (on_call, on_import, on_node, queries run on their root kinds only)."""
import json
import shutil
import tempfile
import textwrap
import unittest
from pathlib import Path

from lint_e2e import run

# Three rules: one per filter, each reporting what it was called with.
FILTERED = '''
from lint import Rule, on_call, on_import, on_node


class Calls(Rule):
    code = "X301"
    name = "filtered-calls"

    @on_call("requests.get", "subprocess.*")
    def flagged(self, node, name):
        self.report(node, f"call {name}")


class Imports(Rule):
    code = "X302"
    name = "filtered-imports"

    @on_import("pdb", "ipdb.*")
    def flagged(self, node, name):
        self.report(node, f"import {name}")


class Nodes(Rule):
    code = "X303"
    name = "filtered-nodes"

    @on_node("assert_statement", child="false")
    def assert_false(self, node):
        self.report(node, "assert false")

    @on_node("keyword_argument", name="identifier", value=("list", "dictionary"))
    @on_node("default_parameter", value=("list", "dictionary"))
    def mutable(self, node):
        self.report(node, node.type)

    @on_node("return_statement", child=None)
    def bare_return(self, node):
        self.report(node, "bare return")
'''

# A rule that looks for something no file has: it must cost no Python call.
NOTHING = '''
from lint import Rule, on_call


class Nothing(Rule):
    code = "X304"
    name = "matches-nothing"

    def __init__(self):
        print("X304 instantiated")

    @on_call("nowhere.to_be_found")
    def never(self, node, name):
        self.report(node, "impossible")


class Visits(Rule):
    code = "X305"
    name = "visits-calls"

    def visit_call(self, node):
        pass


class EmptyExcept(Rule):
    code = "X306"
    name = "empty-except"
    message = "except: pass"
    query = "(except_clause (block . (pass_statement) .) @body) @clause"

    def on_match(self, captures):
        self.report(captures["clause"])
'''


class Workspace(unittest.TestCase):
    def setUp(self):
        self.dir = Path(tempfile.mkdtemp(prefix="lint-e2e-filters-"))

    def tearDown(self):
        shutil.rmtree(self.dir, ignore_errors=True)

    def write(self, rel, content):
        p = self.dir / rel
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_text(textwrap.dedent(content) if content.startswith("\n") else content)
        return p

    def lint(self, *args, **kw):
        return run("--isolated", "--no-cache", *args, cwd=self.dir, **kw)

    def diagnostics(self, *args):
        proc = self.lint("--output-format", "json", *args)
        self.assertIn(proc.returncode, (0, 1), proc.stderr.decode())
        return sorted((Path(d["filename"]).name, d["code"], d["location"]["row"], d["location"]["column"],
                       d["message"]) for d in json.loads(proc.stdout))


class Filters(Workspace):
    def test_on_call_on_import_on_node(self):
        self.write("rules/filtered.py", FILTERED)
        self.write("proj/a.py", textwrap.dedent("""\
            import requests, pdb
            import subprocess as sp
            from ipdb import set_trace as st
            from requests import get
            requests.get("u")
            get("v")
            (sp.run)(["x"])
            sp.Popen.wait()
            requests.post("u")
            st()
            assert False, "m"
            assert (False)
            f(a=[], b=(), c={})
            def g(x=[], y=None, *, z={}):
                if x:
                    return
                return x
            """))
        self.write("proj/b.py", "def get(x): pass\nget('shadowed')\nimport pdbx\nfrom . import pdb\n")
        got = self.diagnostics("--python-rules", "rules", "--select", "X301,X302,X303", "proj")
        self.assertEqual(got, [
            ("a.py", "X301", 5, 1, "call requests.get"),
            ("a.py", "X301", 6, 1, "call requests.get"),
            ("a.py", "X301", 7, 1, "call subprocess.run"),
            ("a.py", "X301", 8, 1, "call subprocess.Popen.wait"),
            ("a.py", "X302", 1, 1, "import pdb"),
            ("a.py", "X302", 3, 1, "import ipdb.set_trace"),
            ("a.py", "X303", 11, 1, "assert false"),
            ("a.py", "X303", 13, 3, "keyword_argument"),
            ("a.py", "X303", 13, 15, "keyword_argument"),
            ("a.py", "X303", 14, 7, "default_parameter"),
            ("a.py", "X303", 14, 24, "default_parameter"),
            ("a.py", "X303", 16, 9, "bare return"),
            # A relative import counts by the names after its dots.
            ("b.py", "X302", 4, 1, "import pdb"),
        ])

    def test_on_call_of_a_builtin_agrees_with_the_semantic_model(self):
        # Settled from the text where the name occurs only as callees; otherwise the model decides.
        self.write("rules/r.py", '''
from lint import Rule, on_call


class Printing(Rule):
    code = "X311"
    name = "printing"

    @on_call("builtins.print", "pprint.pprint")
    def call(self, node, name):
        self.report(node, name)
''')
        self.write("proj/plain.py", "print(1)\nif x:\n    (print)(2)\n")
        self.write("proj/shadowed.py", "print(1)\ndef f(print):\n    print(2)\n")
        self.write("proj/star.py", "from os import *\nprint(1)\n")
        self.write("proj/alias.py", "from pprint import pprint as print\nprint(1)\n")
        self.write("proj/later.py", "def g():\n    pp(1)\nfrom pprint import pprint as pp\n")
        # Calls of plain names are dropped during the walk unless the name follows an `as`
        # somewhere in the text: a comment or a continuation may stand between them.
        self.write("proj/spaced.py", "def g():\n    a(1)\n    b(2)\n    c(3)\n"
                                     "from pprint import (pprint as  # comment\n    a)\n"
                                     "from pprint import pprint as \\\n    b\n"
                                     "from pprint import pformat as c\n")
        self.write("proj/attribute.py", "import builtins\nbuiltins.print(1)\nx.print(2)\n")
        # A method named `print` binds it in its class only: the methods still call the builtin,
        # the class body itself calls the method (as do the defaults it evaluates).
        self.write("proj/method.py", "class A:\n    def print(self):\n        print(1)\n"
                                     "    x = print(2)\n    def f(self, y=print(3)):\n        self.print(f=print)\n"
                                     "class B:\n    @staticmethod\n    def print():\n        pass\n"
                                     "    def g(self):\n        print(4, print=5)\n")
        got = self.diagnostics("--python-rules", "rules", "--select", "X311", "proj")
        self.assertEqual(got, [
            ("alias.py", "X311", 2, 1, "pprint.pprint"),
            ("attribute.py", "X311", 2, 1, "builtins.print"),
            ("later.py", "X311", 2, 5, "pprint.pprint"),
            ("method.py", "X311", 3, 9, "builtins.print"),
            ("method.py", "X311", 12, 9, "builtins.print"),
            ("plain.py", "X311", 1, 1, "builtins.print"),
            ("plain.py", "X311", 3, 5, "builtins.print"),
            ("shadowed.py", "X311", 1, 1, "builtins.print"),
            ("spaced.py", "X311", 2, 5, "pprint.pprint"),
            ("spaced.py", "X311", 3, 5, "pprint.pprint"),
            ("star.py", "X311", 2, 1, "builtins.print"),
        ])

    def test_filters_are_checked_when_the_rule_loads(self):
        for decorator, expected in [
            ('on_node("no_such_kind")', "no node kind `no_such_kind`"),
            ('on_node("call", no_such_field="identifier")', "no field `no_such_field`"),
            ('on_node("call", function="no_such_kind")', "no node kind `no_such_kind`"),
            ('on_node("call", function=1)', "takes a kind"),
            ("on_call()", "at least one qualified name"),
            ('on_import("a b")', "without spaces"),
        ]:
            with self.subTest(decorator=decorator):
                self.write("rules/bad.py", textwrap.dedent(f'''\
                    from lint import Rule, on_call, on_import, on_node


                    class Bad(Rule):
                        code = "X309"
                        name = "bad"

                        @{decorator}
                        def method(self, node, name=None):
                            pass
                    '''))
                self.write("proj/a.py", "x = 1\n")
                proc = self.lint("--python-rules", "rules", "--select", "X309", "proj")
                self.assertEqual(proc.returncode, 2)
                self.assertIn(expected, proc.stderr.decode())

    def test_a_decorated_visit_method_is_called_only_through_its_filter(self):
        self.write("rules/r.py", '''
from lint import Rule, on_call


class Printing(Rule):
    code = "X310"
    name = "printing"

    @on_call("builtins.print")
    def visit_call(self, node, name):
        self.report(node, name)
''')
        self.write("proj/a.py", "print(1)\nlen(2)\n")
        got = self.diagnostics("--python-rules", "rules", "--select", "X310", "proj")
        self.assertEqual(got, [("a.py", "X310", 1, 1, "builtins.print")])

    def test_a_query_runs_on_the_subtrees_of_its_root_kind(self):
        self.write("rules/nothing.py", NOTHING)
        self.write("proj/a.py", textwrap.dedent("""\
            try:
                pass
            except ValueError:
                pass
            try:
                try:
                    x()
                except KeyError:
                    pass
            except OSError:
                y()
            """))
        self.write("proj/b.py", "z = 1\n")
        got = self.diagnostics("--python-rules", "rules", "--select", "X306", "proj")
        self.assertEqual(got, [("a.py", "X306", 3, 1, "except: pass"), ("a.py", "X306", 8, 5, "except: pass")])


class ReadmeExample(Workspace):
    def test_the_filters_example_of_the_readme(self):
        readme = (Path(__file__).resolve().parents[2] / "README.md").read_text()
        section = readme[readme.index('<a id="filters"></a>'):]
        code = section[section.index("```python\n") + len("```python\n"):section.index("\n```\n")]
        self.write("rules/example.py", code + "\n")
        self.write("proj/a.py", textwrap.dedent("""\
            import requests
            from requests import api
            import telnetlib, os
            from telnetlib import Telnet
            requests.get("u")
            requests.post("u", timeout=3)
            api.request("GET", "u")
            assert (x, "message")
            assert x, "message"
            """))
        got = self.diagnostics("--python-rules", "rules", "--select", "X010,X011,X012", "proj")
        self.assertEqual(got, [
            ("a.py", "X010", 5, 1, "`requests.get` without `timeout`"),
            ("a.py", "X010", 7, 1, "`requests.api.request` without `timeout`"),
            ("a.py", "X011", 3, 1, "`telnetlib` imported"),
            ("a.py", "X011", 4, 1, "`telnetlib.Telnet` imported"),
            ("a.py", "X012", 8, 1, "`assert` of a tuple is always true"),
        ])


class Timing(Workspace):
    def setUp(self):
        super().setUp()
        self.write("rules/nothing.py", NOTHING)
        self.write("proj/a.py", "import os\nf(1)\ng(2)\nh(3)\ntry:\n    pass\nexcept E:\n    pass\n")
        self.write("proj/b.py", "x = 1\n")
        self.write("proj/c.py", "f(g(1))\n")

    def timing_json(self, *args, env=None):
        proc = self.lint("--python-rules", "rules", "--select", "X304,X305,X306,F401", "proj", *args, env=env)
        self.assertEqual(proc.returncode, 1, proc.stderr.decode())
        report = json.loads(proc.stderr.decode().strip().splitlines()[-1])
        return proc, report

    def test_json_fields(self):
        proc, report = self.timing_json("--timing=json")
        self.assertEqual(report["files"], 3)
        self.assertEqual(report["threads"] >= 1, True)
        rules = {r["code"]: r for r in report["rules"]}
        self.assertEqual(set(rules), {"X304", "X305", "X306", "F401"})
        for r in report["rules"]:
            self.assertEqual(list(r), ["code", "name", "kind", "total_ms", "native_ms", "python_ms", "nodes", "files"])
            self.assertAlmostEqual(r["total_ms"], r["native_ms"] + r["python_ms"], places=6)
        # Sorted by cost, costliest first.
        totals = [r["total_ms"] for r in report["rules"]]
        self.assertEqual(totals, sorted(totals, reverse=True))
        self.assertEqual(rules["F401"]["kind"], "native")
        self.assertEqual(rules["F401"]["python_ms"], 0)
        self.assertEqual(rules["X305"]["kind"], "python")
        self.assertEqual(rules["X305"]["name"], "visits-calls")
        # Called on each call: three in a.py, two in c.py.
        self.assertEqual(rules["X305"]["nodes"], 5)
        self.assertEqual(rules["X305"]["files"], 2)
        self.assertGreater(rules["X305"]["python_ms"], 0)
        # The query ran on a.py's one except clause, and matched once.
        self.assertEqual(rules["X306"]["nodes"], 1)
        self.assertEqual(rules["X306"]["files"], 1)
        self.assertEqual(set(report["engine_ms"]),
                         {"parse", "walk", "semantic_model", "qualified_names", "python_setup", "python_start"})
        # A rule of the user's: the interpreter started before the run, not during it.
        self.assertIs(report["python_started"], True)
        self.assertEqual(report["engine_ms"]["python_start"], 0)
        self.assertGreater(report["engine_ms"]["parse"], 0)
        # The GIL: held while Python ran (at least as long as the rules' Python time).
        self.assertGreaterEqual(report["gil_held_ms"], rules["X305"]["python_ms"])
        self.assertGreaterEqual(report["gil_wait_ms"], 0)

    def test_a_rule_that_matches_nothing_costs_no_python_call(self):
        proc, report = self.timing_json("--timing=json")
        rules = {r["code"]: r for r in report["rules"]}
        self.assertEqual((rules["X304"]["nodes"], rules["X304"]["files"], rules["X304"]["python_ms"]), (0, 0, 0))
        # Not even its __init__.
        self.assertNotIn("X304 instantiated", proc.stderr.decode())

    def test_shipped_rules_start_python_only_when_a_file_needs_them(self):
        # Their filters were read when lint was built: no node for them, no interpreter.
        proc = self.lint("--select", "B006,B015,T201,T100", "--timing=json", "proj/b.py")
        self.assertEqual(proc.returncode, 0, proc.stderr.decode())
        report = json.loads(proc.stderr.decode().strip().splitlines()[-1])
        self.assertIs(report["python_started"], False)
        self.assertEqual(report["engine_ms"]["python_start"], 0)
        proc = self.lint("--select", "B006,B015,T201,T100", "--timing", "proj/b.py")
        self.assertIn("Python was not started: no file had a node for the Python rules", proc.stderr.decode())
        # One file with a match among several: started then, on whichever thread, and the output
        # is the same at every thread count.
        self.write("proj/d.py", "def f(x=[]):\n    print(x)\n")
        outputs = set()
        for threads in ("1", "2", "4"):
            proc = self.lint("--select", "B006,B015,T201,T100", "--timing=json", "--threads", threads,
                             "--output-format", "json", "proj")
            self.assertEqual(proc.returncode, 1, proc.stderr.decode())
            report = json.loads(proc.stderr.decode().strip().splitlines()[-1])
            self.assertIs(report["python_started"], True)
            self.assertGreater(report["engine_ms"]["python_start"], 0)
            outputs.add(proc.stdout)
        self.assertEqual(len(outputs), 1)
        codes = sorted(d["code"] for d in json.loads(outputs.pop()))
        self.assertEqual(codes, ["B006", "T201"])

    def test_environment_variable_and_text(self):
        proc, report = self.timing_json(env={"LINT_TIMING": "json"})
        self.assertEqual(report["files"], 3)
        proc = self.lint("--python-rules", "rules", "--select", "X305,F401", "proj", env={"LINT_TIMING": "1"})
        err = proc.stderr.decode()
        self.assertIn("Timing: 3 files linted", err)
        header = next(line for line in err.splitlines() if line.startswith("rule "))
        for column in ("total ms", "native ms", "python ms", "share", "nodes", "files"):
            self.assertIn(column, header)
        row = next(line for line in err.splitlines() if line.startswith("X305 visits-calls (py)"))
        self.assertEqual(row.split()[-2:], ["5", "2"])
        self.assertTrue(any(line.startswith("F401 unused-import") for line in err.splitlines()))
        self.assertTrue(any(line.startswith("(parse)") for line in err.splitlines()))
        # Diagnostics still go to standard output, alone.
        self.assertNotIn(b"Timing", proc.stdout)
        self.assertIn(b"F401", proc.stdout)

    def test_no_timing_without_asking(self):
        proc = self.lint("--python-rules", "rules", "--select", "X305", "proj", env={"LINT_TIMING": "0"})
        self.assertNotIn("Timing", proc.stderr.decode())

    def test_bad_values(self):
        proc = self.lint("--timing=xml", "proj")
        self.assertEqual(proc.returncode, 2)
        self.assertIn("`--timing` (text or json)", proc.stderr.decode())
        proc = self.lint("proj", env={"LINT_TIMING": "yes please"})
        self.assertEqual(proc.returncode, 2)
        self.assertIn("LINT_TIMING", proc.stderr.decode())


if __name__ == "__main__":
    unittest.main()
