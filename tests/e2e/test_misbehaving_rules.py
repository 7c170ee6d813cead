"""End-to-end tests of Python rules that misbehave: they raise, return garbage, print, exit,
recurse, loop, sleep, try to change the tree, keep nodes, fail to import. Whatever a rule does,
lint must not crash, hang or corrupt its output: the rule's failure is reported with the rule
and the file, every other rule and file still runs, and the exit status is 2."""
import json
import shutil
import tempfile
import textwrap
import time
import unittest
from pathlib import Path

import lint_e2e

# Sanitizer builds run everything several times slower.
TIMEOUT = 300


def run(*args, timeout=TIMEOUT, **kw):
    return lint_e2e.run(*args, timeout=timeout, **kw)



# A rule that behaves, reporting every call: it must keep reporting next to the others.
WELL_BEHAVED = '''
from lint import Rule


class Calls(Rule):
    code = "X100"
    message = "call"
    VALID = ["x = 1"]
    INVALID = ["f()"]

    def visit_call(self, node):
        self.report(node)
'''


class Workspace(unittest.TestCase):
    def setUp(self):
        self.dir = Path(tempfile.mkdtemp(prefix="lint-e2e-rules-"))
        self.write("rules/calls.py", WELL_BEHAVED)
        # Two files: the failing rule stops on the first it meets, never the whole run.
        self.write("proj/a.py", "f()\ny == None\n")
        self.write("proj/b.py", "g()\nz == None\n")

    def tearDown(self):
        shutil.rmtree(self.dir, ignore_errors=True)

    def write(self, rel, content):
        p = self.dir / rel
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_text(textwrap.dedent(content) if content.startswith("\n") else content)
        return p

    def rule(self, code, body, imports="", name=None):
        """Writes a rule class `code` whose class body is `body`."""
        self.write(f"rules/{code.lower()}.py", f"import os\nimport sys\nimport time\n{imports}\nfrom lint import Rule\n\n\n"
                   f"class Rule{code}(Rule):\n    code = {code!r}\n    message = 'x'\n" +
                   textwrap.indent(textwrap.dedent(body), "    "))

    def lint(self, *args, **kw):
        # Without the cache: these tests watch the rules run (what they print, raise, report).
        return run("--isolated", "--no-cache", "--python-rules", "rules", *args, cwd=self.dir, **kw)

    def lint_json(self, select, *args, expect=(2,), **kw):
        """Lints proj/ with E711, the well-behaved rule and `select`; checks that the output is
        valid JSON and that both files got the diagnostics of the rules that behave."""
        proc = self.lint("--output-format", "json", "--select", "E711,X100," + select, *args, "proj", **kw)
        err = proc.stderr.decode(errors="replace")
        self.assertIn(proc.returncode, expect, err[-3000:])
        for sign in ("Sanitizer", "runtime error:", "terminate called", "Segmentation", "Aborted"):
            self.assertNotIn(sign, err)
        diags = json.loads(proc.stdout)
        where = {(Path(d["filename"]).name, d["code"], d["location"]["row"]) for d in diags}
        for expected in (("a.py", "X100", 1), ("a.py", "E711", 2), ("b.py", "X100", 1), ("b.py", "E711", 2)):
            self.assertIn(expected, where)
        return proc, diags, err

    def assert_failure(self, err, code, *parts):
        """The rule's failure is reported: rule, file, and what happened."""
        self.assertIn(f"error: rule {code} (", err)
        self.assertRegex(err, rf"rule {code} \([^)]*\) (failed|timed out) on proj/[ab]\.py")
        for part in parts:
            self.assertIn(part, err)


class Raising(Workspace):
    def test_a_rule_that_raises(self):
        self.rule("X201", '''
            def visit_call(self, node):
                raise ValueError("broken rule")
            ''')
        _, diags, err = self.lint_json("X201")
        self.assert_failure(err, "X201", "Traceback (most recent call last)", "ValueError: broken rule")
        # Once per file: a rule that failed is not called again on that file.
        self.assertEqual(err.count("ValueError: broken rule"), 2)

    def test_exceptions_that_are_not_errors(self):
        self.rule("X202", '''
            def visit_call(self, node):
                raise KeyboardInterrupt
            ''')
        self.rule("X203", '''
            def visit_call(self, node):
                raise GeneratorExit
            ''')
        _, _, err = self.lint_json("X202,X203")
        self.assert_failure(err, "X202", "KeyboardInterrupt")
        self.assert_failure(err, "X203", "GeneratorExit")

    def test_an_exception_that_cannot_be_printed(self):
        self.rule("X204", '''
            def visit_call(self, node):
                class Unprintable(Exception):
                    def __str__(self):
                        raise ValueError("not this either")
                raise Unprintable()
            ''')
        _, _, err = self.lint_json("X204")
        self.assert_failure(err, "X204", "Unprintable", "<exception str() failed>")

    def test_sys_exit(self):
        self.rule("X205", '''
            def visit_call(self, node):
                sys.exit(3)
            ''')
        self.rule("X206", '''
            def visit_call(self, node):
                exit("bye")
            ''')
        proc, _, err = self.lint_json("X205,X206")
        self.assertEqual(proc.returncode, 2)  # lint's status, not the rule's
        self.assert_failure(err, "X205", "SystemExit: 3")
        self.assert_failure(err, "X206", "SystemExit: bye")

    def test_recursion(self):
        self.rule("X207", '''
            def visit_call(self, node):
                def down(n):
                    return down(n + 1)
                down(0)
            ''')
        # Recursion through C (str() calling __str__): it uses the worker thread's own stack.
        self.rule("X208", '''
            def visit_call(self, node):
                class Deep:
                    def __str__(self):
                        return str(Deep())
                str(Deep())
            ''')
        self.rule("X209", '''
            def visit_call(self, node):
                def climb(n):
                    return climb(n.parent) if n.parent else climb(n.children[0])
                climb(node)
            ''')
        _, _, err = self.lint_json("X207,X208,X209", "--threads", "2")
        for code in ("X207", "X208", "X209"):
            self.assert_failure(err, code, "RecursionError: maximum recursion depth exceeded")


class Garbage(Workspace):
    def test_a_visit_method_returning_a_value(self):
        self.rule("X301", '''
            def visit_call(self, node):
                return 42
            ''')
        self.rule("X302", '''
            def visit_call(self, node):
                self.report(node)
                yield node  # a generator: its body never runs
            ''')
        self.rule("X303", '''
            query = "(call) @call"

            def on_match(self, captures):
                return captures
            ''')
        self.rule("X304", '''
            def leave_call(self, node):
                class Hostile:
                    def __repr__(self):
                        raise ValueError("repr")
                    def __bool__(self):
                        raise ValueError("bool")
                return Hostile()
            ''')
        _, diags, err = self.lint_json("X301,X302,X303,X304")
        self.assert_failure(err, "X301", "visit_call returned a value of type `int`, not None")
        self.assert_failure(err, "X302", "visit_call returned a value of type `generator`, not None")
        self.assert_failure(err, "X303", "on_match returned a value of type `dict`, not None")
        self.assert_failure(err, "X304", "leave_call returned a value of type `Hostile`, not None")
        self.assertNotIn("X302", {d["code"] for d in diags})

    def test_bad_messages_and_arguments_to_report(self):
        self.rule("X305", '''
            def visit_call(self, node):
                self.report(node, "lone surrogate \\ud800")
            ''')
        self.rule("X306", '''
            def visit_call(self, node):
                self.report("not a node")
            ''')
        self.rule("X307", '''
            def visit_call(self, node):
                self.report(node, "NUL \\x00, newline \\n, escape \\x1b[31m, quote \\", " + "long " * 10000)
            ''')
        _, diags, err = self.lint_json("X305,X306,X307")
        self.assert_failure(err, "X305", "TypeError")
        self.assert_failure(err, "X306", "TypeError")
        messages = [d["message"] for d in diags if d["code"] == "X307"]
        self.assertEqual(len(messages), 2)
        # Kept whole, but on one line and without controls (as control pictures).
        self.assertTrue(messages[0].startswith('NUL \u2400, newline \u240a, escape \u241b[31m, quote ", long'))
        self.assertEqual(len(messages[0]), len('NUL \x00, newline \n, escape \x1b[31m, quote ", ') + len("long ") * 10000)


class Printing(Workspace):
    def test_printing_never_reaches_the_diagnostics(self):
        self.rule("X401", '''
            def visit_call(self, node):
                print("print", node.text)
                print("to sys.__stdout__", file=sys.__stdout__)
                sys.stdout.write("sys.stdout.write\\n")
                sys.stdout.buffer.write(b"sys.stdout.buffer\\n")
                os.write(1, b"file descriptor 1\\n")
                sys.stdout.flush()
                self.report(node, "printed")
            ''')
        for fmt in ("json", "json-lines", "concise"):
            proc = self.lint("--select", "X401", "--output-format", fmt, "--threads", "1", "proj")
            self.assertEqual(proc.returncode, 1, proc.stderr)
            out = proc.stdout.decode()
            for printed in ("print f()", "sys.stdout", "file descriptor 1"):
                self.assertNotIn(printed, out)
                self.assertIn(printed, proc.stderr.decode())
            if fmt == "json":
                self.assertEqual(len(json.loads(out)), 2)
            elif fmt == "json-lines":
                self.assertEqual(len([json.loads(line) for line in out.splitlines()]), 2)
            else:
                self.assertTrue(out.endswith("Found 2 errors.\n"), out)

    def test_closing_standard_output(self):
        self.rule("X402", '''
            def visit_module(self, node):
                sys.stdout.close()
                sys.__stdout__.close()
                os.close(1)
            ''')
        _, _, err = self.lint_json("X402", "--threads", "1", expect=(1, 2))


class Looping(Workspace):
    def assert_quick(self, started, limit):
        self.assertLess(time.monotonic() - started, limit)

    def test_an_infinite_loop_is_interrupted(self):
        self.rule("X501", '''
            def visit_call(self, node):
                while True:
                    pass
            ''')
        self.rule("X502", '''
            query = "(call) @call"

            def on_match(self, captures):
                while True:
                    try:  # `except Exception` does not catch the interruption
                        while True:
                            pass
                    except Exception:
                        pass
            ''')
        started = time.monotonic()
        _, diags, err = self.lint_json("X501,X502", "--rule-timeout", "0.5", "--threads", "1")
        self.assert_quick(started, 30)
        self.assert_failure(err, "X501", "timed out on proj/a.py: it ran over 0.5 s (--rule-timeout) and is not run again")
        self.assert_failure(err, "X502", "timed out on proj/a.py")
        # Disabled for the rest of the run: b.py does not wait for them again.
        self.assertNotIn("on proj/b.py", err)
        self.assertFalse({"X501", "X502"} & {d["code"] for d in diags})

    def test_time_limit_is_per_rule_and_file(self):
        # Many short calls add up: 0.05 s per call, 30 calls, a limit of 0.5 s.
        self.write("proj/a.py", "f()\ny == None\n" + "h()\n" * 30)
        self.rule("X503", '''
            def visit_call(self, node):
                self.report(node)
                time.sleep(0.05)
            ''')
        _, diags, err = self.lint_json("X503", "--rule-timeout", "0.5", "--threads", "1")
        self.assert_failure(err, "X503", "timed out on proj/a.py")
        reported = [d for d in diags if d["code"] == "X503"]
        self.assertGreater(len(reported), 3)  # what it reported before the limit is kept
        self.assertLess(len(reported), 31)

    def test_a_sleeping_rule_is_stopped_when_it_wakes(self):
        # time.sleep() is C code: the interruption waits for it to return.
        self.rule("X504", '''
            def visit_call(self, node):
                time.sleep(1.5)
                while True:
                    pass
            ''')
        started = time.monotonic()
        _, _, err = self.lint_json("X504", "--rule-timeout", "1", "--threads", "1")
        self.assert_failure(err, "X504", "timed out on proj/a.py")
        self.assert_quick(started, 30)

    def test_no_limit_and_bad_limits(self):
        self.rule("X505", '''
            def visit_call(self, node):
                time.sleep(0.6)
                self.report(node, "slow but finished")
            ''')
        _, diags, err = self.lint_json("X505", "--rule-timeout", "0", expect=(1,))
        self.assertEqual(err, "")
        self.assertEqual(len([d for d in diags if d["code"] == "X505"]), 2)
        _, diags, err = self.lint_json("X505", "--rule-timeout", "0.2", "--threads", "1")
        self.assert_failure(err, "X505", "timed out on proj/a.py")
        for bad in ("-1", "abc", "", "1e9", "nan", "inf"):
            proc = self.lint("--rule-timeout", bad, "proj")
            self.assertEqual(proc.returncode, 2, bad)
            self.assertIn(b"--rule-timeout", proc.stderr)
        self.assertIn(b"--rule-timeout", run("--help").stdout)

    def test_a_rule_that_will_not_stop(self):
        # It catches everything, the interruption included, forever: lint gives up on the run.
        self.rule("X506", '''
            def visit_call(self, node):
                while True:
                    try:
                        while True:
                            pass
                    except BaseException:
                        pass
            ''')
        started = time.monotonic()
        proc = self.lint("--select", "X506", "--rule-timeout", "0.5", "--output-format", "json", "proj")
        self.assert_quick(started, 30)
        self.assertEqual(proc.returncode, 2)
        err = proc.stderr.decode()
        self.assertRegex(err, r"error: rule X506 \(.*\) on proj/[ab]\.py does not stop after being interrupted")
        self.assertIn("lint gives up", err)

    def test_loops_at_import_and_in_other_methods(self):
        # (A rule is instantiated on a file when it is first called there: X507 visits calls.)
        self.rule("X507", '''
            def __init__(self):
                while True:
                    pass

            def visit_call(self, node):
                pass
            ''')
        self.rule("X508", '''
            def visit_call(self, node):
                pass

            def __del__(self):
                while True:
                    pass
            ''')
        _, _, err = self.lint_json("X507,X508", "--rule-timeout", "0.5", "--threads", "1")
        self.assert_failure(err, "X507", "timed out on proj/a.py")
        self.assert_failure(err, "X508", "timed out on proj/a.py")
        self.write("rules/at_import.py", "while True:\n    pass\n\nfrom lint import Rule\n\n\n"
                   "class AtImport(Rule):\n    code = 'X509'\n    message = 'x'\n")
        started = time.monotonic()
        proc = self.lint("--select", "X509", "--rule-timeout", "0.5", "proj")
        self.assert_quick(started, 30)
        self.assertEqual(proc.returncode, 2)
        self.assertIn("at_import.py: the rule file failed to load:\nimporting it took over 0.5 s (--rule-timeout)",
                      proc.stderr.decode())


class ChangingTheTree(Workspace):
    def test_nodes_are_read_only(self):
        self.rule("X601", '''
            def visit_call(self, node):
                node.type = "identifier"
            ''')
        self.rule("X602", '''
            def visit_call(self, node):
                node.extra = 1
            ''')
        self.rule("X603", '''
            def visit_call(self, node):
                del node.parent
            ''')
        self.rule("X604", '''
            def visit_call(self, node):
                node.children.clear()  # a fresh list: the tree does not change
                node.children.append(None)
                self.report(node, node.type + " " + str(len(node.children)))
            ''')
        _, diags, err = self.lint_json("X601,X602,X603,X604")
        for code in ("X601", "X602", "X603"):
            self.assert_failure(err, code, "AttributeError")
        self.assertEqual({d["message"] for d in diags if d["code"] == "X604"}, {"call 2"})
        # The well-behaved rule, running after them, still sees calls (checked by lint_json).


class KeepingNodes(Workspace):
    def test_everything_kept_from_an_earlier_file_expires(self):
        self.rule("X701", '''
            kept = None

            def visit_module(self, node):
                previous = type(self).kept
                type(self).kept = (node, self, self._file)
                if previous is None:
                    return
                old_node, old_rule, old_file = previous
                for attempt in (lambda: old_node.type, lambda: old_node.children, lambda: old_node.parent,
                                lambda: old_node.text, lambda: old_node.descendants(),
                                lambda: old_rule.source, lambda: old_file.source,
                                lambda: old_file.report(old_node, "x"), lambda: old_rule.report(old_node),
                                lambda: self.report(old_node), lambda: self.qualified_name(old_node),
                                lambda: self.binding(old_node), lambda: self.scope(old_node),
                                lambda: old_file.qualified_name(node), lambda: old_file.binding(node),
                                lambda: old_file.scope(node)):
                    try:
                        attempt()
                    except RuntimeError as e:  # lint.NodeExpired
                        self.report(node, type(e).__name__)
                    else:
                        self.report(node, "NOT EXPIRED")
                repr(old_node)  # says it expired; hashing and comparing still work
                {old_node: 1}
                old_node == node
                self.report(node, old_rule.path)  # the path is kept
            ''')
        _, diags, err = self.lint_json("X701", "--threads", "1", expect=(1,))
        messages = sorted(d["message"] for d in diags if d["code"] == "X701")
        self.assertEqual(messages, ["NodeExpired"] * 16 + ["proj/a.py"])

    def test_a_node_of_another_file_is_refused(self):
        # With two threads, the other file may still be linted: its node is alive, but this
        # file's model is not its.
        self.rule("X702", '''
            kept = []

            def visit_module(self, node):
                type(self).kept.append(node)
                for other in type(self).kept:
                    if other != node:
                        try:
                            self.report(other)
                        except (ValueError, RuntimeError) as e:
                            self.report(node, type(e).__name__)
            ''')
        _, diags, _ = self.lint_json("X702", "--threads", "2", expect=(1,))
        self.assertEqual({d["message"] for d in diags if d["code"] == "X702"} - {"ValueError", "NodeExpired"}, set())


class Loading(Workspace):
    def lint_failing(self, select, *parts):
        proc = self.lint("--select", select, "--output-format", "json", "proj")
        self.assertEqual(proc.returncode, 2, proc.stderr)
        self.assertEqual(proc.stdout, b"")
        err = proc.stderr.decode()
        for part in parts:
            self.assertIn(part, err)
        for sign in ("terminate called", "Aborted", "Segmentation"):
            self.assertNotIn(sign, err)
        return err

    def test_a_missing_module(self):
        self.rule("X801", "pass\n", imports="import no_such_module_for_lint")
        self.lint_failing("X801", "x801.py: the rule file failed to load",
                          "ModuleNotFoundError: No module named 'no_such_module_for_lint'")
        self.rule("X802", "pass\n", imports="from lint import NoSuchName")
        self.lint_failing("X802", "x802.py: the rule file failed to load", "ImportError")

    def test_a_syntax_error(self):
        self.write("rules/broken.py", "from lint import Rule\n\n\nclass Broken(Rule):\n    code = 'X803'\n"
                   "    message = 'x'\n\n    def visit_call(self, node:\n        pass\n")
        self.lint_failing("X803", "broken.py: the rule file failed to load", "SyntaxError")

    def test_exiting_or_raising_at_import(self):
        self.rule("X804", "pass\n", imports="sys.exit(5)")
        self.lint_failing("X804", "x804.py: the rule file failed to load", "SystemExit: 5")

    def test_bad_class_attributes(self):
        # Each of these crashed lint (an uncaught C++ exception) before.
        self.rule("X805", "query = 42\n")
        self.lint_failing("X805", "class RuleX805", "Unable to cast")
        self.write("rules/meta.py", '''
            from lint import Rule


            class Meta(type(Rule)):
                def __dir__(cls):
                    raise ValueError("no dir")


            class Hidden(Rule, metaclass=Meta):
                code = "X806"
                message = "x"
            ''')
        self.lint_failing("X806", "class Hidden", "ValueError: no dir")
        self.rule("X807", '''
            def __init__(self, needed):
                pass

            def visit_call(self, node):
                pass
            ''')
        _, _, err = self.lint_json("X807")
        self.assert_failure(err, "X807", "TypeError")

    def test_bad_examples_for_test_rules(self):
        self.rule("X808", '''
            VALID = None
            INVALID = [42]

            def visit_call(self, node):
                self.report(node)
            ''')
        self.rule("X809", '''
            VALID = ["x = 1"]
            INVALID = [{"code": "f()", "row": -1}]

            def visit_call(self, node):
                self.report(node)
            ''')
        proc = run("test-rules", str(self.dir / "rules"))
        self.assertEqual(proc.returncode, 1, proc.stderr)
        out = proc.stdout.decode()
        self.assertIn("ok   X100 ", out)
        self.assertIn("FAIL X808 ", out)
        self.assertIn("FAIL X809 ", out)
        self.assertIn("VALID and INVALID must be lists of strings or of dicts", out)
        self.assertIn("1 passed, 2 failed", out)


if __name__ == "__main__":
    unittest.main()
