"""End-to-end tests of what lint accepts as Python rules: codes that selection and `# noqa` can
name, and the trust model (README, "Security"): which configuration may make lint run Python,
--no-python-rules and LINT_NO_PYTHON_RULES, ownership and permissions, LINT_SAFE_DIRECTORIES."""
import json
import os
import shutil
import stat
import tempfile
import textwrap
import unittest
from pathlib import Path

from lint_e2e import run

# A rule whose import leaves a mark: whether lint ran the file's code at all.
RULE = '''
from lint import Rule
import pathlib

pathlib.Path(__file__).with_suffix(".ran").write_text("imported")


class Calls(Rule):
    """Reports calls."""

    code = {code}
    name = {name}
    message = "call"

    def visit_call(self, node):
        self.report(node)
'''


def rule_source(code='"X801"', name='"calls"'):
    return RULE.format(code=code, name=name)


class Workspace(unittest.TestCase):
    def setUp(self):
        self.dir = Path(tempfile.mkdtemp(prefix="lint-e2e-pysafe-"))
        self.env = {"LINT_NO_PYTHON_RULES": "", "LINT_SAFE_DIRECTORIES": ""}

    def tearDown(self):
        for p in [self.dir, *self.dir.rglob("*")]:
            try:
                os.lchown(p, 0, 0) if os.geteuid() == 0 else None
            except OSError:
                pass
        shutil.rmtree(self.dir, ignore_errors=True)

    def write(self, rel, content):
        p = self.dir / rel
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_text(textwrap.dedent(content) if content.startswith("\n") else content)
        return p

    def lint(self, *args, cwd=None, env=None, input=None):
        return run("--no-cache", *args, cwd=cwd or self.dir, env={**self.env, **(env or {})}, input=input)

    def ran(self, rel="proj/rules/calls.ran"):
        return (self.dir / rel).exists()


class RuleCodes(Workspace):
    def refused(self, code, name='"calls"'):
        self.write("rules/calls.py", rule_source(code, name))
        self.write("a.py", "f()\n")
        proc = self.lint("--isolated", "--python-rules", "rules", "--select", "E711", "a.py")
        self.assertEqual(proc.returncode, 2, proc.stdout.decode() + proc.stderr.decode())
        self.assertFalse(self.ran("rules/calls.ran"))
        return proc.stderr.decode()

    def test_codes_that_cannot_be_selected_or_suppressed(self):
        for code in ('"ALL"', '"x"', '"9"', '"E711 "', '" X1"', '"x801"', '"X801a"', '"X-801"'):
            err = self.refused(code)
            self.assertIn("rules/calls.py:", err, code)
            self.assertIn("class Calls: `code = ", err, code)
            self.assertIn("cannot be selected or named in `# noqa`", err, code)

    def test_escapes_in_the_code(self):
        # Python reads "X\\x38\\x30\\x31" as X801, a selection as written would not: refused.
        err = self.refused('"X\\x38\\x30\\x31"')
        self.assertIn('`code = "X\\x38\\x30\\x31"` cannot be selected', err)
        self.assertIn("written without escapes", err)

    def test_a_prefix_of_other_codes(self):
        # `--select F4` takes F401, F402...: a rule coded F4 could never be selected alone.
        err = self.refused('"F4"')
        self.assertIn("`code = \"F4\"` cannot be selected alone: it is the start of the code F40", err)
        err = self.refused('"E7111"')
        self.assertIn("`code = \"E7111\"` cannot be selected alone: it starts with the code E711", err)

    def test_names(self):
        for name in ('"no calls"', '"a,b"', '"ALL"', '"X900"', '"unused-import"'):
            err = self.refused('"X801"', name)
            self.assertIn("`name = ", err, name)

    def test_good_codes_still_work(self):
        for code in ('"X801"', '"ABCDE12345"', "'Q1'"):
            self.write("rules/calls.py", rule_source(code))
            self.write("a.py", "f()\n")
            proc = self.lint("--isolated", "--python-rules", "rules", "--select", code.strip("'\""),
                             "--output-format", "json", "a.py")
            self.assertEqual(proc.returncode, 1, proc.stderr.decode())
            self.assertEqual([d["code"] for d in json.loads(proc.stdout)], [code.strip("'\"")])


class Trust(Workspace):
    """A project whose configuration names a rule folder; the rule marks that it was imported."""

    def setUp(self):
        super().setUp()
        self.write("proj/rules/calls.py", rule_source())
        self.write("proj/lint.toml", 'python-rules = ["rules"]\nextend-select = ["X801"]\n')
        self.write("proj/a.py", "f()\n")

    def codes(self, proc):
        self.assertIn(proc.returncode, (0, 1), proc.stderr.decode())
        return sorted(d["code"] for d in json.loads(proc.stdout))

    def test_own_configuration_runs(self):
        proc = self.lint("--output-format", "json", "a.py", cwd=self.dir / "proj")
        self.assertEqual(self.codes(proc), ["F821", "X801"])
        self.assertTrue(self.ran())

    def test_no_python_rules_switch(self):
        for args, env in ((["--no-python-rules"], {}), ([], {"LINT_NO_PYTHON_RULES": "1"})):
            proc = self.lint(*args, "--output-format", "json", "a.py", cwd=self.dir / "proj", env=env)
            # The code stays known (the selection is valid), the rule is not run.
            self.assertEqual(self.codes(proc), ["F821"], (args, env))
            self.assertFalse(self.ran(), (args, env))
            self.assertIn("warning: --no-python-rules: not running the Python rules X801 named by lint.toml",
                          proc.stderr.decode())

    def test_no_python_rules_through_stdin_filename(self):
        proc = self.lint("--no-python-rules", "--output-format", "json", "--stdin-filename", "b.py", "-",
                         cwd=self.dir / "proj", input=b"g()\n")
        self.assertEqual(self.codes(proc), ["F821"])
        self.assertFalse(self.ran())

    def test_shipped_and_command_line_rules_still_run(self):
        self.write("mine/calls2.py", rule_source('"X802"', '"calls-two"').replace("calls.ran", "x"))
        self.write("proj/b.py", "print(1)\n")
        proc = self.lint("--no-python-rules", "--python-rules", str(self.dir / "mine"), "--extend-select", "T201,X802",
                         "--output-format", "json", "a.py", "b.py", cwd=self.dir / "proj")
        self.assertEqual(self.codes(proc), ["F821", "T201", "X802", "X802"])
        self.assertFalse(self.ran())

    def test_configuration_above_the_repository(self):
        # A lint.toml in a folder above the project (as a world-writable /tmp/lint.toml would be)
        # applies to it; its rules run only if it can be trusted.
        shutil.move(self.dir / "proj/lint.toml", self.dir / "lint.toml")
        (self.dir / "lint.toml").write_text('python-rules = ["proj/rules"]\nextend-select = ["X801"]\n')
        proc = self.lint("--output-format", "json", "a.py", cwd=self.dir / "proj")
        self.assertEqual(self.codes(proc), ["F821", "X801"])
        os.chmod(self.dir / "lint.toml", 0o666)
        proc = self.lint("--output-format", "json", "a.py", cwd=self.dir / "proj")
        self.assertEqual(proc.returncode, 2)
        err = proc.stderr.decode()
        self.assertRegex(err, r"^\S*lint\.toml:1:1: refusing to run the Python rules of `python-rules`: "
                              r"\S*lint\.toml is writable by every user\. ")
        self.assertIn("--no-python-rules", err)

    def test_world_writable_rule_file_or_folder(self):
        for target in ("proj/rules/calls.py", "proj/rules", "proj"):
            os.chmod(self.dir / target, 0o777 if target != "proj/rules/calls.py" else 0o666)
            proc = self.lint("--output-format", "json", "a.py", cwd=self.dir / "proj")
            self.assertEqual(proc.returncode, 2, target)
            self.assertIn("is writable by every user", proc.stderr.decode(), target)
            self.assertFalse(self.ran(), target)
            # A folder everyone may write to but with the sticky bit (as /tmp) is fine.
            if target != "proj/rules/calls.py":
                os.chmod(self.dir / target, 0o1777)
                proc = self.lint("--output-format", "json", "a.py", cwd=self.dir / "proj")
                self.assertEqual(self.codes(proc), ["F821", "X801"], target)
                (self.dir / "proj/rules/calls.ran").unlink()
            os.chmod(self.dir / target, 0o755 if target != "proj/rules/calls.py" else 0o644)

    def test_world_writable_rules_on_the_command_line(self):
        os.chmod(self.dir / "proj/rules/calls.py", 0o666)
        proc = self.lint("--isolated", "--python-rules", "rules", "--select", "X801", "a.py", cwd=self.dir / "proj")
        self.assertEqual(proc.returncode, 2)
        self.assertIn("error: --python-rules rules: refusing to run these Python rules: rules/calls.py is writable "
                      "by every user", proc.stderr.decode())
        self.assertFalse(self.ran())

    def test_test_rules_checks_the_rules_it_imports(self):
        os.chmod(self.dir / "proj/rules/calls.py", 0o666)
        proc = run("test-rules", "rules", cwd=self.dir / "proj", env=self.env)
        self.assertEqual(proc.returncode, 2)
        self.assertIn("rules: refusing to run these Python rules: rules/calls.py is writable by every user",
                      proc.stderr.decode())
        self.assertFalse(self.ran())
        # `rules` and `rule` only read the configuration's rules: nothing is imported.
        for args in (["rules"], ["rule", "X801"]):
            proc = run(*args, cwd=self.dir / "proj", env=self.env)
            self.assertEqual(proc.returncode, 0, args)
            self.assertIn(b"X801", proc.stdout, args)
            self.assertFalse(self.ran(), args)

    @unittest.skipUnless(os.geteuid() == 0, "needs root to give files to another user")
    def test_owned_by_another_user(self):
        for target in ("proj/lint.toml", "proj/rules/calls.py", "proj/rules", "proj"):
            os.lchown(self.dir / target, 65534, 65534)
            proc = self.lint("--output-format", "json", "a.py", cwd=self.dir / "proj")
            self.assertEqual(proc.returncode, 2, target)
            self.assertIn("is owned by another user (uid 65534)", proc.stderr.decode(), target)
            self.assertFalse(self.ran(), target)
            # The folder, or one above it, listed as safe.
            for safe in (str(self.dir / "proj"), str(self.dir), "*"):
                proc = self.lint("--output-format", "json", "a.py", cwd=self.dir / "proj",
                                 env={"LINT_SAFE_DIRECTORIES": f"/nonexistent:{safe}"})
                self.assertEqual(self.codes(proc), ["F821", "X801"], (target, safe))
                (self.dir / "proj/rules/calls.ran").unlink()
            # Without running them, the rest is linted.
            proc = self.lint("--no-python-rules", "--output-format", "json", "a.py", cwd=self.dir / "proj")
            self.assertEqual(self.codes(proc), ["F821"], target)
            os.lchown(self.dir / target, 0, 0)

    @unittest.skipUnless(os.geteuid() == 0, "needs root to give files to another user")
    def test_a_configuration_owned_by_another_user_without_rules_is_data(self):
        # Settings that run nothing are honoured whoever owns the file, as Ruff honours them.
        (self.dir / "proj/lint.toml").write_text('select = ["E711"]\n')
        os.lchown(self.dir / "proj/lint.toml", 65534, 65534)
        self.write("proj/a.py", "x == None\n")
        proc = self.lint("--output-format", "json", "a.py", cwd=self.dir / "proj")
        self.assertEqual(self.codes(proc), ["E711"])

    def test_a_symlink_to_rules_elsewhere(self):
        # The rules a link leads to are judged where they are.
        self.write("elsewhere/calls.py", rule_source())
        os.chmod(self.dir / "elsewhere", 0o777)
        shutil.rmtree(self.dir / "proj/rules")
        os.symlink(self.dir / "elsewhere", self.dir / "proj/rules")
        proc = self.lint("--output-format", "json", "a.py", cwd=self.dir / "proj")
        self.assertEqual(proc.returncode, 2)
        self.assertIn("elsewhere is writable by every user", proc.stderr.decode())
        self.assertFalse(self.ran("elsewhere/calls.ran"))


if __name__ == "__main__":
    unittest.main()
