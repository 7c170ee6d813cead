"""End-to-end tests of rules written in Python: loading and selecting them, their errors, the
interpreter's isolation, and `lint test-rules`."""
import json
import shutil
import tempfile
import textwrap
import unittest
from pathlib import Path

from lint_e2e import run



# A rule reporting every name `foo`, with examples that pass.
NO_FOO = '''
from lint import Rule


class NoFoo(Rule):
    """Flags `foo`."""

    code = "X101"
    name = "no-foo"
    message = "`foo` found"
    VALID = ["bar = 1"]
    INVALID = [{"code": "x = 1\\n\\nfoo()", "row": 3, "column": 1, "message": "`foo` found"}]

    def visit_identifier(self, node):
        if node.text == "foo":
            self.report(node)
'''


class Workspace(unittest.TestCase):
    def setUp(self):
        self.dir = Path(tempfile.mkdtemp(prefix="lint-e2e-py-"))

    def tearDown(self):
        shutil.rmtree(self.dir, ignore_errors=True)

    def write(self, rel, content):
        p = self.dir / rel
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_text(textwrap.dedent(content) if content.startswith("\n") else content)
        return p

    def lint(self, *args, cwd=None, **kw):
        # Without the cache: these tests watch the rules run (what they print, raise, report).
        return run("--isolated", "--no-cache", *args, cwd=cwd or self.dir, **kw)

    def lint_json(self, *args, expect=(0, 1), **kw):
        proc = self.lint("--output-format", "json", *args, **kw)
        self.assertIn(proc.returncode, expect, proc.stderr.decode())
        return proc, json.loads(proc.stdout)

    @staticmethod
    def where(diags):
        return sorted((Path(d["filename"]).name, d["code"], d["location"]["row"], d["location"]["column"])
                      for d in diags)


class Loading(Workspace):
    def test_rule_from_a_folder_selected_by_code(self):
        self.write("rules/no_foo.py", NO_FOO)
        self.write("proj/a.py", "x = 1\nif x:\n    y = foo(x)\n")
        proc, diags = self.lint_json("--python-rules", "rules", "--select", "X101", "proj")
        self.assertEqual(proc.returncode, 1)
        self.assertEqual(len(diags), 1, diags)
        d = diags[0]
        self.assertEqual(d["code"], "X101")
        self.assertEqual(d["name"], "no-foo")
        self.assertEqual(d["message"], "`foo` found")
        self.assertEqual((d["location"]["row"], d["location"]["column"]), (3, 9))
        self.assertEqual((d["end_location"]["row"], d["end_location"]["column"]), (3, 12))
        self.assertIsNone(d["url"])
        self.assertEqual(Path(d["filename"]).resolve(), (self.dir / "proj/a.py").resolve())

    def test_rule_given_as_a_file_and_not_selected_by_default(self):
        self.write("no_foo.py", NO_FOO)
        self.write("proj/a.py", "foo()\n")
        # Not in the default selection: only selected Python rules run.
        _, diags = self.lint_json("--python-rules", "no_foo.py", "proj")
        self.assertEqual(self.where(diags), [("a.py", "F821", 1, 1)])
        _, diags = self.lint_json("--python-rules", "no_foo.py", "--select", "X1", "proj")
        self.assertEqual(self.where(diags), [("a.py", "X101", 1, 1)])

    def test_an_unselected_rule_file_is_never_imported_and_may_be_broken(self):
        marker = self.dir / "imported"
        # Imported, this file would leave a marker; it also does not compile.
        self.write("rules/broken.py", f'''
            open({str(marker)!r}, "w").close()
            from lint import Rule


            class Broken(Rule):
                code = "X201"
                message = "broken"

                def visit_call(self, node:
                    pass
            ''')
        self.write("rules/no_foo.py", NO_FOO)
        self.write("proj/a.py", "import os\nfoo()\n")
        # Only native rules selected: the run is fine, nothing of the rules is imported.
        proc, diags = self.lint_json("--python-rules", "rules", "--select", "F401", "proj")
        self.assertEqual(self.where(diags), [("a.py", "F401", 1, 8)])
        self.assertEqual(proc.stderr, b"")
        # Another rule of the same folder selected: only its own file is imported.
        _, diags = self.lint_json("--python-rules", "rules", "--select", "X101", "proj")
        self.assertEqual(self.where(diags), [("a.py", "X101", 2, 1)])
        self.assertFalse(marker.exists())
        # Selected, the broken file stops the run with the SyntaxError and its path.
        proc = self.lint("--python-rules", "rules", "--select", "X201", "proj")
        self.assertEqual(proc.returncode, 2)
        err = proc.stderr.decode()
        self.assertIn("broken.py", err)
        self.assertIn("SyntaxError", err)
        self.assertFalse(marker.exists())

    def test_a_method_named_after_no_node_kind(self):
        self.write("rules/bad_kind.py", '''
            from lint import Rule


            class BadKind(Rule):
                code = "X301"
                message = "x"

                def visit_not_a_kind(self, node):
                    pass
            ''')
        self.write("a.py", "x = 1\n")
        proc = self.lint("--python-rules", "rules", "--select", "X301", "a.py")
        self.assertEqual(proc.returncode, 2)
        err = proc.stderr.decode()
        for part in ("bad_kind.py", "BadKind", "visit_not_a_kind"):
            self.assertIn(part, err)
        self.assertEqual(proc.stdout, b"")

    def test_two_rules_with_one_code(self):
        self.write("rules/one.py", 'from lint import Rule\n\n\nclass First(Rule):\n    code = "X302"\n    message = "a"\n')
        self.write("rules/two.py", 'from lint import Rule\n\n\nclass Second(Rule):\n    code = "X302"\n    message = "b"\n')
        self.write("a.py", "x = 1\n")
        # Found when the rules are scanned, before any selection.
        for select in ("X302", "F"):
            proc = self.lint("--python-rules", "rules", "--select", select, "a.py")
            self.assertEqual(proc.returncode, 2, select)
            err = proc.stderr.decode()
            for part in ("X302", "First", "one.py", "Second", "two.py"):
                self.assertIn(part, err)

    def test_a_rule_importing_a_missing_module(self):
        self.write("rules/needs.py", '''
            import no_such_module_for_lint_tests
            from lint import Rule


            class Needs(Rule):
                code = "X701"
                message = "x"
            ''')
        self.write("a.py", "x = 1\n")
        proc = self.lint("--python-rules", "rules", "--select", "X701", "a.py")
        self.assertEqual(proc.returncode, 2)
        err = proc.stderr.decode()
        self.assertIn("needs.py", err)
        self.assertIn("failed to load", err)
        self.assertIn("ModuleNotFoundError: No module named 'no_such_module_for_lint_tests'", err)
        self.assertEqual(proc.stdout, b"")


class Running(Workspace):
    def test_a_rule_that_raises(self):
        self.write("rules/no_foo.py", NO_FOO)
        self.write("rules/boom.py", '''
            from lint import Rule


            class Boom(Rule):
                code = "X102"
                name = "boom"
                message = "x"

                def visit_call(self, node):
                    if node.text.startswith("boom"):
                        raise ValueError("boom at " + str(node.start_point))
                    self.report(node, "call")
            ''')
        self.write("proj/a.py", "foo()\nboom()\nlen(foo)\n")
        self.write("proj/b.py", "foo = 2\nprint(foo)\n")
        proc, diags = self.lint_json("--python-rules", "rules", "--select", "X101,X102,F821", "proj", expect=(2,))
        # The failing rule stops on its file; every other rule and file is reported.
        self.assertEqual(self.where(diags), [
            ("a.py", "F821", 1, 1), ("a.py", "F821", 2, 1), ("a.py", "F821", 3, 5),
            ("a.py", "X101", 1, 1), ("a.py", "X101", 3, 5), ("a.py", "X102", 1, 1),
            ("b.py", "X101", 1, 1), ("b.py", "X101", 2, 7), ("b.py", "X102", 2, 1),
        ])
        err = proc.stderr.decode()
        self.assertIn("rule X102 (boom", err)
        self.assertIn("boom.py", err)
        self.assertIn("a.py", err)
        self.assertIn("Traceback (most recent call last)", err)
        self.assertIn("ValueError: boom at (1, 0)", err)
        self.assertNotIn("b.py", err)

    def test_a_rule_that_prints_leaves_stdout_json(self):
        self.write("rules/chatty.py", '''
            import sys
            from lint import Rule


            class Chatty(Rule):
                code = "X202"
                message = "call"

                def visit_call(self, node):
                    print("printed by a rule", node.text)
                    sys.stdout.write("written by a rule\\n")
                    self.report(node)
            ''')
        self.write("a.py", "f()\ng()\n")
        for fmt in ("json", "json-lines"):
            proc = self.lint("--python-rules", "rules", "--select", "X202", "--output-format", fmt, "a.py")
            self.assertEqual(proc.returncode, 1, proc.stderr)
            out = proc.stdout.decode()
            diags = json.loads(out) if fmt == "json" else [json.loads(line) for line in out.splitlines()]
            self.assertEqual(self.where(diags), [("a.py", "X202", 1, 1), ("a.py", "X202", 2, 1)])
            self.assertIn("printed by a rule f()", proc.stderr.decode())
            self.assertIn("written by a rule", proc.stderr.decode())

    def test_a_node_kept_after_its_file_expires(self):
        self.write("rules/keeper.py", '''
            import lint
            from lint import Rule


            class Keeper(Rule):
                code = "X401"
                message = "x"
                kept = None  # on the class: it outlives the file

                def visit_module(self, node):
                    if Keeper.kept is not None:
                        self.report(node, "subclass of RuntimeError: %s" % issubclass(lint.NodeExpired, RuntimeError))
                        Keeper.kept.type  # the previous file's node
                    Keeper.kept = node
            ''')
        self.write("proj/a.py", "x = 1\n")
        self.write("proj/b.py", "y = 2\n")
        proc, diags = self.lint_json("--python-rules", "rules", "--select", "X401", "--threads", "1", "proj",
                                     expect=(2,))
        self.assertEqual(len(diags), 1, diags)
        self.assertEqual(diags[0]["message"], "subclass of RuntimeError: True")
        err = proc.stderr.decode()
        self.assertIn("rule X401", err)
        self.assertIn("NodeExpired", err)
        self.assertIn("nodes cannot be kept across files", err)

    def test_a_query_rule_with_an_eq_predicate(self):
        self.write("rules/self_assign.py", '''
            from lint import Rule


            class SelfAssignment(Rule):
                code = "X501"
                name = "self-assignment"
                message = "`{}` is assigned to itself"
                query = """
                    (assignment
                      left: (identifier) @left
                      right: (identifier) @right
                      (#eq? @left @right)) @assignment
                """

                def on_match(self, captures):
                    self.report(captures["assignment"], self.message.format(captures["left"].text))
            ''')
        self.write("a.py", "x = x\ny = x\nif y:\n    zz = zz\nw = (w)\n")
        _, diags = self.lint_json("--python-rules", "rules", "--select", "X501", "a.py")
        self.assertEqual(self.where(diags), [("a.py", "X501", 1, 1), ("a.py", "X501", 4, 5)])
        self.assertEqual([d["message"] for d in diags], ["`x` is assigned to itself", "`zz` is assigned to itself"])

    def test_the_interpreter_is_isolated_from_the_linted_project(self):
        # A rule using json and re, and a #match? predicate (evaluated with re).
        self.write("rules/spam.py", '''
            import json
            import re
            from lint import Rule


            class Spam(Rule):
                code = "X601"
                message = "x"
                query = '((identifier) @name (#match? @name "^spam"))'

                def on_match(self, captures):
                    text = captures["name"].text
                    self.report(captures["name"], json.dumps({"name": re.sub("a", "A", text)}))
            ''')
        shadow = 'raise RuntimeError("the project\'s {} was imported by the interpreter")\n'
        for folder in ("cwd", "cwd/proj"):
            for module in ("re", "json"):
                self.write(f"{folder}/{module}.py", shadow.format(module))
        self.write("cwd/proj/use.py", "spam = 1\neggs = spam\n")
        proc, diags = self.lint_json("--python-rules", str(self.dir / "rules"), "--select", "X601", "proj",
                                     cwd=self.dir / "cwd", env={"PYTHONPATH": str(self.dir / "cwd")})
        self.assertEqual(self.where(diags), [("use.py", "X601", 1, 1), ("use.py", "X601", 2, 8)])
        self.assertEqual(diags[0]["message"], '{"name": "spAm"}')
        self.assertNotIn(b"was imported", proc.stderr)


class TestRules(Workspace):
    def test_passing_rules_exit_zero(self):
        self.write("rules/no_foo.py", NO_FOO)
        proc = run("test-rules", str(self.dir / "rules"))
        self.assertEqual(proc.returncode, 0, proc.stdout + proc.stderr)
        out = proc.stdout.decode()
        self.assertIn("ok   X101 no-foo (1 valid, 1 invalid)", out)
        self.assertIn("1 passed, 0 failed", out)

    def test_failing_rules_exit_one_and_say_why(self):
        self.write("rules/no_foo.py", NO_FOO)
        self.write("rules/wrong.py", '''
            from lint import Rule


            class Wrong(Rule):
                code = "X103"
                name = "wrong"
                message = "call"
                VALID = ["f()"]  # reported: fails
                INVALID = [
                    "g()",
                    {"code": "x = 1\\nh()", "row": 1, "column": 1},  # reported at 2:1: fails
                ]

                def visit_call(self, node):
                    self.report(node)
            ''')
        proc = run("test-rules", str(self.dir / "rules"))
        self.assertEqual(proc.returncode, 1, proc.stdout + proc.stderr)
        out = proc.stdout.decode()
        self.assertIn("ok   X101 no-foo", out)
        self.assertIn("FAIL X103 wrong", out)
        self.assertIn("VALID example reported at 1:1", out)
        self.assertIn("INVALID example did not report X103 at 1:1", out)
        self.assertIn("1 passed, 1 failed", out)

    def test_the_shipped_rules_pass(self):
        proc = run("test-rules")
        self.assertEqual(proc.returncode, 0, proc.stdout + proc.stderr)
        out = proc.stdout.decode()
        for code in ("T201", "T203", "T100", "B006", "B011", "B015"):
            self.assertIn(f"ok   {code} ", out)


class ShippedRules(Workspace):
    def test_each_shipped_rule_reports_as_ruff_does(self):
        self.write("a.py", textwrap.dedent('''\
            import pdb
            from pprint import pprint


            def f(items=[], *, seen: set = set()):
                print(items)
                pprint(seen)
                breakpoint()
                assert False, "unreachable"
                items == seen
            '''))
        _, diags = self.lint_json("--select", "T201,T203,T100,B006,B011,B015", "a.py")
        self.assertEqual([(d["code"], d["location"]["row"], d["location"]["column"], d["message"]) for d in diags], [
            ("T100", 1, 1, "Import for `pdb` found"),
            ("B006", 5, 13, "Do not use mutable data structures for argument defaults"),
            ("B006", 5, 32, "Do not use mutable data structures for argument defaults"),
            ("T201", 6, 5, "`print` found"),
            ("T203", 7, 5, "`pprint` found"),
            ("T100", 8, 5, "Trace found: `breakpoint` used"),
            ("B011", 9, 12, "Do not `assert False` (`python -O` removes these calls), raise `AssertionError()`"),
            ("B015", 10, 5, "Pointless comparison at end of function scope. Did you mean to return the expression "
                            "result?"),
        ])


if __name__ == "__main__":
    unittest.main()
