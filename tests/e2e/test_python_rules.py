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

    def read(self, rel):
        return (self.dir / rel).read_text()

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

    def test_walking_the_tree_from_a_node(self):
        # The members rules read at every step, with their edge cases: past the last child,
        # no such field, the root's parent, a negative index, the same node reached two ways.
        self.write("rules/walker.py", '''
            from lint import Rule


            class Walker(Rule):
                code = "X402"
                message = "x"

                def visit_assignment(self, node):
                    call = node.child_by_field_name("right")
                    args = call.child_by_field_name("arguments")
                    first, second = args.named_children
                    try:
                        args.child(-1)
                        negative = "accepted"
                    except TypeError:
                        negative = "TypeError"
                    module = node.parent.parent
                    facts = [
                        node.type, node.text, str(node.start_byte), str(node.end_byte),
                        str(node.child_count), str(node.named_child_count),
                        node.child(1).type, node.named_child(1).type, str(node.child(9)),
                        str(node.child_by_field_name("nope")),
                        " ".join(c.type for c in args.children),
                        second.prev_sibling.type, first.next_sibling.type,
                        str(second.prev_sibling.prev_sibling == first),
                        str(first.parent.parent == call), module.type, str(module.parent),
                        negative,
                    ]
                    self.report(call, " | ".join(facts))
            ''')
        self.write("proj/a.py", "# a comment\nvalue = f(a, b)  # the end\n")
        proc, diags = self.lint_json("--python-rules", "rules", "--select", "X402", "proj")
        self.assertEqual([d["message"] for d in diags], [
            "assignment | value = f(a, b) | 12 | 27 | 3 | 2 | = | call | None | None | ( identifier , identifier )"
            " | , | , | True | True | module | None | TypeError"])

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

    def test_fixed_examples(self):
        self.write("rules/none_equality.py", NONE_EQUALITY)
        proc = run("test-rules", str(self.dir / "rules"))
        self.assertEqual(proc.returncode, 0, proc.stdout + proc.stderr)
        self.assertIn("ok   X801 none-equality (1 valid, 1 invalid)", proc.stdout.decode())
        # A fix that does not give the expected code: a diff of the two.
        self.write("rules/none_equality.py", NONE_EQUALITY.replace('"fixed": "if x is None', '"fixed": "if x is not None'))
        proc = run("test-rules", str(self.dir / "rules"))
        self.assertEqual(proc.returncode, 1)
        self.assertIn("FAIL X801 none-equality", proc.stdout.decode())
        self.assertIn("INVALID example's fix does not give its `fixed` code:\n"
                      "      --- fixed (expected)\n"
                      "      +++ fixed (got)\n"
                      "      @@ -1,2 +1,2 @@\n"
                      "      -if x is not None:\n"
                      "      +if x is None:\n"
                      "           pass\n", proc.stdout.decode())
        # A fix that breaks the code, and one the rule still reports after.
        self.write("rules/none_equality.py", NONE_EQUALITY.replace('Edit.replace(op, "is")', 'Edit.replace(op, "is(")'))
        proc = run("test-rules", str(self.dir / "rules"))
        self.assertEqual(proc.returncode, 1)
        self.assertIn("Fix introduced a syntax error in `<example>` with rule codes X801", proc.stdout.decode())
        self.write("rules/none_equality.py", NONE_EQUALITY.replace('Edit.replace(op, "is")', 'Edit.replace(op, "==")')
                   .replace('"fixed": "if x is None', '"fixed": "if x == None'))
        proc = run("test-rules", str(self.dir / "rules"))
        self.assertEqual(proc.returncode, 1)
        self.assertIn("Failed to converge after 100 fix rounds", proc.stdout.decode())

    def test_the_shipped_rules_pass(self):
        proc = run("test-rules")
        self.assertEqual(proc.returncode, 0, proc.stdout + proc.stderr)
        out = proc.stdout.decode()
        for code in ("T201", "T203", "T100", "B006", "B011", "B015"):
            self.assertIn(f"ok   {code} ", out)


# A rule with a fix: `x == None` becomes `x is None`.
NONE_EQUALITY = '''
from lint import Rule, Edit, Fix


class NoneEquality(Rule):
    """Flags `== None`."""

    code = "X801"
    name = "none-equality"
    message = "Comparison to `None` with `==`"
    fix_title = "Replace `==` with `is`"
    fixable = "always"
    VALID = ["x is None"]
    INVALID = [{"code": "if x == None:\\n    pass\\n", "fixed": "if x is None:\\n    pass\\n"}]

    def visit_comparison_operator(self, node):
        for op in node.children:
            if op.type == "==" and op.next_sibling.type == "none":
                self.report(node, fix=Fix.safe(Edit.replace(op, "is")))
'''


def fixing_rule(methods, attributes='fixable = "sometimes"'):
    """The source of rule X802 (`scripted`), with these methods and class attributes."""
    head = '''
from lint import Rule, Edit, Fix


class Scripted(Rule):
    code = "X802"
    name = "scripted"
    message = "scripted"
'''
    return head + textwrap.indent(attributes + "\n\n" + textwrap.dedent(methods), "    ")


# Its fix comes from the file's first line, `# fix: <Python expression>` (with `node`, the module,
# `rule`, `Edit` and `Fix` in scope), the first time the rule sees a file only: --fix stops there.
SCRIPTED_FIX = fixing_rule('''
    seen = False

    def visit_module(self, node):
        first = self.source.split("\\n", 1)[0]
        if first.startswith("# fix: ") and not Scripted.seen:
            Scripted.seen = True
            fix = eval(first[len("# fix: "):], {"Edit": Edit, "Fix": Fix, "node": node, "rule": self})
            self.report(node, fix=fix)
''')


class Fixes(Workspace):
    def scripted(self, expression, rest, *args):
        """Lints `# fix: EXPRESSION` + rest with the scripted rule; returns (proc, path)."""
        self.write("rules/scripted.py", SCRIPTED_FIX)
        path = self.dir / "a.py"
        path.write_text(f"# fix: {expression}\n{rest}")
        proc = self.lint("--python-rules", "rules", "--select", "X802", *args, "a.py")
        return proc, path

    def test_a_fix_is_reported_shown_and_applied(self):
        self.write("rules/none_equality.py", NONE_EQUALITY)
        self.write("a.py", "if x == None:\n    pass\n")
        _, diags = self.lint_json("--python-rules", "rules", "--select", "X801", "a.py")
        self.assertEqual(diags[0]["fix"], {
            "applicability": "safe",
            "edits": [{"content": "is", "end_location": {"column": 8, "row": 1}, "location": {"column": 6, "row": 1}}],
            "message": "Replace `==` with `is`",
        })
        proc = self.lint("--python-rules", "rules", "--select", "X801", "--output-format", "concise", "a.py")
        self.assertEqual(proc.stdout.decode(), "a.py:1:4: X801 [*] Comparison to `None` with `==`\nFound 1 error.\n"
                                              "[*] 1 fixable with `--fix`.\n")
        proc = self.lint("--python-rules", "rules", "--select", "X801", "--fix", "a.py")
        self.assertEqual(proc.returncode, 0, proc.stderr)
        self.assertEqual((self.dir / "a.py").read_text(), "if x is None:\n    pass\n")
        self.assertEqual(proc.stdout.decode(), "Found 1 error (1 fixed, 0 remaining).\n")

    def test_rules_and_rule_say_which_python_rules_fix(self):
        self.write("rules/none_equality.py", NONE_EQUALITY)
        self.write("rules/no_foo.py", NO_FOO)
        proc = run("rules", "--python-rules", str(self.dir / "rules"), "--output-format", "json", cwd=self.dir)
        rules = {r["code"]: r for r in json.loads(proc.stdout)}
        self.assertEqual((rules["X801"]["fixable"], rules["X801"]["fix_availability"]), (True, "Always"))
        self.assertEqual((rules["X101"]["fixable"], rules["X101"]["fix_availability"]), (False, "None"))
        proc = run("rule", "X801", "--python-rules", str(self.dir / "rules"), cwd=self.dir)
        self.assertIn("Fix is always available.", proc.stdout.decode())

    def test_edits_over_nodes_and_ranges(self):
        end = "len(rule.source_bytes)"
        cases = [
            ("Fix.safe(Edit.insert_before(node, 'import os\\n'))", "import os\n# fix: {}\nx = 1\n"),
            (f"Fix.safe(Edit.insert_at({end}, 'y = 2\\n'))", "# fix: {}\nx = 1\ny = 2\n"),
            (f"Fix.safe(Edit.replace_range({end} - 2, {end} - 1, '2'))", "# fix: {}\nx = 2\n"),
            ("Fix.safe([Edit.delete_range(0, 2), Edit.insert_after(node, '# end\\n')])", "fix: {}\nx = 1\n# end\n"),
            ("Fix.unsafe(Edit.delete(node))", ""),
            ("Fix.unsafe(Edit.replace(node, 'pass\\n'), Edit.insert_at(0, '# a\\n'), Edit.insert_at(0, '# b\\n'))",
             "# a\n# b\npass\n"),
        ]
        for expression, expected in cases:
            with self.subTest(expression):
                proc, path = self.scripted(expression, "x = 1\n", "--fix", "--unsafe-fixes")
                self.assertEqual(proc.returncode, 0, proc.stderr)
                self.assertEqual(path.read_text(), expected.replace("{}", expression))

    def test_unsafe_and_display_only_fixes(self):
        proc, path = self.scripted("Fix.unsafe(Edit.delete(node))", "x = 1\n", "--fix")
        self.assertEqual(proc.returncode, 1, proc.stderr)
        self.assertIn("1 unsafe fix available with `--fix --unsafe-fixes`.", proc.stdout.decode())
        self.assertNotEqual(path.read_text(), "")
        proc, path = self.scripted("Fix.display_only(Edit.delete(node))", "x = 1\n", "--fix", "--unsafe-fixes")
        self.assertEqual(proc.returncode, 1, proc.stderr)
        self.assertNotEqual(path.read_text(), "")
        proc, _ = self.scripted("Fix.display_only(Edit.delete(node))", "x = 1\n", "--output-format", "json")
        self.assertEqual(json.loads(proc.stdout)[0]["fix"]["applicability"], "displayonly")

    def test_a_bad_edit_is_the_rules_error_and_the_file_is_left_alone(self):
        cases = [
            ("Fix.safe(Edit.replace_range(0, 10000, ''))", "is not within the file"),
            ("Fix.safe(Edit.replace(node, 'a'), Edit.insert_at(3, 'b'), Edit.delete_range(2, 5))",
             "the edits of the fix overlap"),
            ("Fix.safe(Edit.insert_at(rule.source_bytes.index(b'\\xc3') + 1, 'x'))", "inside a character"),
            ("Fix.safe()", "a fix needs at least one edit"),
            ("Fix.safe('x')", "edits are lint.Edit objects"),
            ("Fix.safe(Edit.replace_range(3, 2, ''))", "is not a range"),
            ("Fix.safe(Edit.replace_range(0.5, 2, ''))", "offsets are ints"),
            ("Fix.safe(Edit.replace(node, b'x'))", "the content is a str"),
            ("Fix.safe(Edit.replace(node, '\\ud800'))", "surrogates not allowed"),
            ("'not a fix'", "fix is a lint.Fix"),
        ]
        for expression, message in cases:
            with self.subTest(expression):
                proc, path = self.scripted(expression, "x = 'é'\n", "--fix")
                self.assertEqual(proc.returncode, 2, proc.stderr)
                err = proc.stderr.decode()
                self.assertIn("rule X802 (scripted", err)
                self.assertIn(message, err)
                self.assertEqual(path.read_text(), f"# fix: {expression}\nx = 'é'\n")

    def test_a_fix_from_a_rule_that_does_not_say_it_fixes(self):
        self.write("rules/undeclared.py", SCRIPTED_FIX.replace('fixable = "sometimes"', "", 1))
        self.write("a.py", "# fix: Fix.safe(Edit.delete(node))\n")
        proc = self.lint("--python-rules", "rules", "--select", "X802", "--fix", "a.py")
        self.assertEqual(proc.returncode, 2)
        self.assertIn("does not say it fixes: set `fixable", proc.stderr.decode())

    def test_fixable_is_a_literal_always_or_sometimes(self):
        self.write("a.py", "x = 1\n")
        self.write("rules/typo.py", SCRIPTED_FIX.replace('fixable = "sometimes"', 'fixable = "alway"'))
        proc = self.lint("--python-rules", "rules", "--select", "F", "a.py")
        self.assertEqual(proc.returncode, 2)
        self.assertIn('typo.py:9: class Scripted: `fixable` is "always" or "sometimes", not "alway"',
                      proc.stderr.decode())
        self.write("rules/typo.py", SCRIPTED_FIX.replace('fixable = "sometimes"', 'fixable = "some" + "times"'))
        proc = self.lint("--python-rules", "rules", "--select", "X802", "a.py")
        self.assertEqual(proc.returncode, 2)
        self.assertIn("set `fixable` in the class body to the string", proc.stderr.decode())

    def test_the_fix_title_is_the_help_line(self):
        self.write("rules/scripted.py", SCRIPTED_FIX.replace('fixable = "sometimes"',
                                                             'fixable = "sometimes"\n    fix_title = "Do it"'))
        self.write("a.py", "# fix: None\n")
        proc = self.lint("--python-rules", "rules", "--select", "X802", "a.py")
        self.assertIn("help: Do it\n", proc.stdout.decode())  # without a fix too, as Ruff shows it

    def test_isolated_fixes_apply_one_per_round(self):
        # Isolated by one node, one of the two deletions applies per round.
        self.write("rules/scripted.py", fixing_rule('''
            rounds = 0

            def visit_module(self, node):
                Scripted.rounds += 1
                if "x = 1" not in self.source:
                    self.report(node, f"{Scripted.rounds} rounds")

            def visit_expression_statement(self, node):
                if node.text.startswith("print"):
                    self.report(node, fix=Fix.safe(Edit.delete_statement(node)).isolate(node.parent))
            '''))
        self.write("a.py", "if x:\n    print(1)\n    print(2)\n    x = 1\n")
        proc = self.lint("--python-rules", "rules", "--select", "X802", "--fix", "--show-fixes", "a.py")
        self.assertEqual(proc.returncode, 0, proc.stderr)
        self.assertEqual((self.dir / "a.py").read_text(), "if x:\n    x = 1\n")
        self.assertIn("2 × X802 (scripted)", proc.stdout.decode())
        # Rounds: a lint, a fix, a lint, a fix, a last lint.
        self.write("a.py", "if y:\n    print(1)\n    z = 1\n    print(2)\n")
        _, diags = self.lint_json("--python-rules", "rules", "--select", "X802", "--fix", "a.py")
        self.assertEqual([d["message"] for d in diags], ["3 rounds"])
        # Not isolated, both apply in one round.
        self.write("rules/scripted.py", self.read("rules/scripted.py").replace(".isolate(node.parent)", ""))
        self.write("a.py", "if y:\n    print(1)\n    z = 1\n    print(2)\n")
        _, diags = self.lint_json("--python-rules", "rules", "--select", "X802", "--fix", "a.py")
        self.assertEqual([d["message"] for d in diags], ["2 rounds"])

    def test_delete_statement_as_ruff_deletes_them(self):
        cases = [
            ("x = 1\nprint(1)\ny = 2\n", "x = 1\ny = 2\n"),
            ("x = 1\nprint(1)  # note\n", "x = 1\n"),
            ("if x:\n    print(1)\n", "if x:\n    pass\n"),
            ("if x:\n    # c\n    print(1)\nelse:\n    y = 1\n    print(2)\n",
             "if x:\n    # c\n    pass\nelse:\n    y = 1\n"),
            ("x = 1; print(1); y = 2\n", "x = 1; y = 2\n"),
            ("x = 1; print(1)\n", "x = 1; \n"),
            ("print(1); x = 1\n", "x = 1\n"),
            ("print(1) ;\nx = 1\n", "\nx = 1\n"),
            ("x = 1; \\\n  print(1)\ny = 2\n", "x = 1; \ny = 2\n"),
            ("x = 1\r\nprint(1)\r\ny = 2\r\n", "x = 1\r\ny = 2\r\n"),
            ("x = 1\rprint(1)\ry = 2\r", "x = 1\ry = 2\r"),
            ("class A:\n    'doc'\n    print(1)\n", "class A:\n    'doc'\n"),
        ]
        self.write("rules/scripted.py", fixing_rule('''
            def visit_call(self, node):
                if node.text.startswith("print"):
                    self.report(node, fix=Fix.safe(Edit.delete_statement(node.parent)))
            '''))
        for source, expected in cases:
            with self.subTest(source):
                path = self.dir / "a.py"
                path.write_bytes(source.encode())
                proc = self.lint("--python-rules", "rules", "--select", "X802", "--fix", "a.py")
                self.assertEqual(proc.returncode, 0, proc.stderr)
                self.assertEqual(path.read_bytes().decode(), expected)

    def test_line_ending_indentation_and_text_of_the_file(self):
        self.write("rules/scripted.py", fixing_rule('''
            def visit_module(self, node):
                self.report(node, repr((self.line_ending, self.indentation, node.text == self.source,
                                        self.source_bytes == self.source.encode())))
            '''))
        for source, expected in [
            (b"x = 1\n", ("\n", "    ")),
            (b"if x:\r\n\ty = '\xc3\xa9'\r\n", ("\r\n", "\t")),
            (b"def f():\r  return 1\r", ("\r", "  ")),
            (b"if x: pass\nclass A:\n\x0c   # c\n   y = 1\n", ("\n", "   ")),
        ]:
            with self.subTest(source):
                (self.dir / "a.py").write_bytes(source)
                _, diags = self.lint_json("--python-rules", "rules", "--select", "X802", "a.py")
                self.assertEqual(diags[0]["message"], repr(expected + (True, True)))

    def test_a_lone_carriage_return_stays_in_node_text(self):
        # Rules read the file's own text: a fix copying a node's text keeps its line endings.
        self.write("rules/scripted.py", fixing_rule('''
            def visit_list(self, node):
                self.report(node, fix=Fix.safe(Edit.replace(node, "(" + node.text[1:-1] + ")")))
            '''))
        path = self.dir / "a.py"
        path.write_bytes(b"x = [\r  1,\r]\r")
        proc = self.lint("--python-rules", "rules", "--select", "X802", "--fix", "a.py")
        self.assertEqual(proc.returncode, 0, proc.stderr)
        self.assertEqual(path.read_bytes(), b"x = (\r  1,\r)\r")

    def test_a_rule_file_imports_helpers_beside_it(self):
        self.write("rules/_helpers.py", "def shout(text):\n    return text.upper()\n")
        self.write("rules/loud.py", '''
            from lint import Rule
            from ._helpers import shout


            class Loud(Rule):
                code = "X803"
                message = "x"

                def visit_identifier(self, node):
                    self.report(node, shout(node.text))
            ''')
        self.write("a.py", "abc\n")
        _, diags = self.lint_json("--python-rules", "rules", "--select", "X803", "a.py")
        self.assertEqual(diags[0]["message"], "ABC")
        # With the result cache, a changed helper is a changed rule: the result is not reused.
        cached = ["--isolated", "--cache-dir", str(self.dir / "cache"), "--python-rules", "rules", "--select", "X803",
                  "--output-format", "concise", "a.py"]
        self.assertIn(b"X803 ABC", run(*cached, cwd=self.dir).stdout)
        self.write("rules/_helpers.py", "def shout(text):\n    return text + '!'\n")
        self.assertIn(b"X803 abc!", run(*cached, cwd=self.dir).stdout)


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
