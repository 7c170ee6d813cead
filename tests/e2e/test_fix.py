"""End-to-end tests of fixing, as a user of lint sees it: every fix option and setting, compared
with what Ruff 0.17.3 does on the same files (exit status, output, files afterwards), how files are
written (atomically, keeping line endings, byte order marks, symlinks and permissions; never over
a change made meanwhile), fixes that break the syntax or never converge, standard input, and JSON
fix objects.

F541 is a native rule that fixes (safe), T201, B006 and B011 are Python rules that fix (unsafe),
as Ruff's. Ruff's results are recorded below (RUFF); when `ruff` 0.17.3 is on PATH, the cases are
also run through it, so a recording that went stale fails too.
"""
import json
import os
import shutil
import stat
import subprocess
import tempfile
import textwrap
import unittest
from pathlib import Path

from lint_e2e import LINT, run

SOURCE = 'x = f"a"\nprint(1)\n\n\ndef f(a=[]):\n    return a\n'
CASES = [
    ("fix_applies_safe_fixes", {"a.py": SOURCE}, None, ["--select", "F541,T201,B006", "--fix", "a.py"], None),
    ("fix_with_unsafe_fixes", {"a.py": SOURCE}, None, ["--select", "F541,T201,B006", "--fix", "--unsafe-fixes", "a.py"], None),
    ("no_fix_wins_over_fix", {"a.py": SOURCE}, None, ["--select", "F541", "--fix", "--no-fix", "--output-format", "concise", "a.py"], None),
    ("report_marks_fixable", {"a.py": SOURCE}, None, ["--select", "F541,T201,B006", "--output-format", "concise", "a.py"], None),
    ("report_unsafe_fixes_marked", {"a.py": SOURCE}, None, ["--select", "F541,T201,B006", "--unsafe-fixes", "--output-format", "concise", "a.py"], None),
    ("no_unsafe_fixes_hides_hint", {"a.py": SOURCE}, None, ["--select", "F541,T201,B006", "--no-unsafe-fixes", "--output-format", "concise", "a.py"], None),
    ("fix_only", {"a.py": SOURCE}, None, ["--select", "F541,T201,B006", "--fix-only", "a.py"], None),
    ("fix_only_unsafe", {"a.py": SOURCE}, None, ["--select", "F541,T201,B006", "--fix-only", "--unsafe-fixes", "a.py"], None),
    ("fix_only_quiet", {"a.py": SOURCE}, None, ["--select", "F541,T201,B006", "--fix-only", "--quiet", "a.py"], None),
    ("fix_only_nothing", {"a.py": "x = 1\n"}, None, ["--select", "F541", "--fix-only", "a.py"], None),
    ("diff", {"a.py": SOURCE}, None, ["--select", "F541,T201,B006", "--diff", "a.py"], None),
    ("diff_unsafe", {"a.py": SOURCE}, None, ["--select", "F541,T201,B006", "--diff", "--unsafe-fixes", "a.py"], None),
    ("diff_nothing", {"a.py": "x = 1\n"}, None, ["--select", "F541", "--diff", "a.py"], None),
    ("show_fixes", {"a.py": SOURCE, "b.py": 'y = f"b"\n'}, None, ["--select", "F541,T201,B006", "--fix", "--unsafe-fixes", "--show-fixes", "--output-format", "concise", "."], None),
    ("exit_non_zero_on_fix", {"a.py": 'x = f"a"\n'}, None, ["--select", "F541", "--fix", "--exit-non-zero-on-fix", "a.py"], None),
    ("fix_only_exit_non_zero_on_fix", {"a.py": 'x = f"a"\n'}, None, ["--select", "F541", "--fix-only", "--exit-non-zero-on-fix", "a.py"], None),
    ("fixable_option", {"a.py": SOURCE}, None, ["--select", "F541,T201,B006", "--fix", "--unsafe-fixes", "--fixable", "T201", "--output-format", "concise", "a.py"], None),
    ("unfixable_option", {"a.py": SOURCE}, None, ["--select", "F541,T201,B006", "--fix", "--unsafe-fixes", "--unfixable", "F541,B", "--output-format", "concise", "a.py"], None),
    ("extend_fixable_option", {"a.py": SOURCE}, None, ["--select", "F541,T201,B006", "--fix", "--unsafe-fixes", "--fixable", "T201", "--extend-fixable", "B006", "--output-format", "concise", "a.py"], None),
    ("setting_fix", {"a.py": SOURCE}, ("fix = true", "fix = true"), ["--select", "F541", "--output-format", "concise", "a.py"], None),
    ("setting_fix_overridden", {"a.py": SOURCE}, ("fix = true", "fix = true"), ["--select", "F541", "--no-fix", "--output-format", "concise", "a.py"], None),
    ("setting_unsafe_fixes", {"a.py": SOURCE}, ("unsafe-fixes = true", "unsafe-fixes = true"), ["--select", "F541,T201,B006", "--fix", "--output-format", "concise", "a.py"], None),
    ("setting_unsafe_fixes_overridden", {"a.py": SOURCE}, ("unsafe-fixes = true", "unsafe-fixes = true"), ["--select", "F541,T201,B006", "--fix", "--no-unsafe-fixes", "--output-format", "concise", "a.py"], None),
    ("setting_show_fixes", {"a.py": SOURCE}, ("show-fixes = true", "show-fixes = true"), ["--select", "F541", "--fix", "--output-format", "concise", "a.py"], None),
    ("setting_fixable", {"a.py": SOURCE}, ('fixable = ["T201"]', '[lint]\nfixable = ["T201"]'), ["--select", "F541,T201", "--fix", "--unsafe-fixes", "--output-format", "concise", "a.py"], None),
    ("setting_unfixable", {"a.py": SOURCE}, ('unfixable = ["F541"]', '[lint]\nunfixable = ["F541"]'), ["--select", "F541,T201", "--fix", "--unsafe-fixes", "--output-format", "concise", "a.py"], None),
    ("setting_extend_fixable", {"a.py": SOURCE}, ('fixable = ["T201"]\nextend-fixable = ["B006"]', '[lint]\nfixable = ["T201"]\nextend-fixable = ["B006"]'), ["--select", "F541,T201,B006", "--fix", "--unsafe-fixes", "--output-format", "concise", "a.py"], None),
    ("setting_extend_safe_fixes", {"a.py": SOURCE}, ('extend-safe-fixes = ["T201"]', '[lint]\nextend-safe-fixes = ["T201"]'), ["--select", "F541,T201", "--fix", "--output-format", "concise", "a.py"], None),
    ("setting_extend_unsafe_fixes", {"a.py": SOURCE}, ('extend-unsafe-fixes = ["F541"]', '[lint]\nextend-unsafe-fixes = ["F541"]'), ["--select", "F541,T201", "--fix", "--output-format", "concise", "a.py"], None),
    ("noqa_suppressed_not_fixed", {"a.py": 'x = f"a"  # noqa: F541\nprint(1)  # noqa\nprint(2)\n'}, None, ["--select", "F541,T201", "--fix", "--unsafe-fixes", "a.py"], None),
    ("per_file_ignores_not_fixed", {"a.py": SOURCE, "b.py": SOURCE}, ('per-file-ignores = {"a.py" = ["F541"]}', '[lint]\nper-file-ignores = {"a.py" = ["F541"]}'), ["--select", "F541,T201", "--fix", "--unsafe-fixes", "--output-format", "concise", "."], None),
    ("stdin_fix", {}, None, ["--select", "F541,T201", "--fix", "-"], SOURCE),
    ("stdin_fix_unsafe", {}, None, ["--select", "F541,T201", "--fix", "--unsafe-fixes", "-"], SOURCE),
    ("stdin_diff", {}, None, ["--select", "F541,T201", "--diff", "-"], SOURCE),
    ("stdin_diff_named", {}, None, ["--select", "F541,T201", "--diff", "--stdin-filename", "x.py", "-"], SOURCE),
    ("stdin_fix_only", {}, None, ["--select", "F541,T201", "--fix-only", "-"], SOURCE),
    ("crlf_kept", {"a.py": SOURCE.replace("\n", "\r\n") + "assert False\r\n"}, None, ["--select", "F541,T201,B006,B011", "--fix", "--unsafe-fixes", "a.py"], None),
    ("lone_cr_kept", {"a.py": SOURCE.replace("\n", "\r") + "assert False\r"}, None, ["--select", "F541,T201,B006,B011", "--fix", "--unsafe-fixes", "a.py"], None),
    ("bom_kept", {"a.py": "\ufeff" + SOURCE}, None, ["--select", "F541,T201,B006", "--fix", "--unsafe-fixes", "a.py"], None),
    ("bom_crlf_diff", {"a.py": "\ufeffx = f\"é\"\r\n"}, None, ["--select", "F541", "--diff", "a.py"], None),
]


# What Ruff 0.17.3 does in each case: exit status, standard output, standard error, and the
# files afterwards (recorded with `ruff check --no-cache` on the same files and arguments).
RUFF = {
    'fix_applies_safe_fixes': (1, 'T201 `print` found\n --> a.py:2:1\n  |\n1 | x = "a"\n2 | print(1)\n  | ^^^^^\nhelp: Remove `print`\n  |\n1 | x = "a"\n  - print(1)\n2 |\n  |\nnote: This is an unsafe fix and may change runtime behavior\n\nB006 Do not use mutable data structures for argument defaults\n --> a.py:5:9\n  |\n5 | def f(a=[]):\n  |         ^^\n6 |     return a\n  |\nhelp: Replace with `None`; initialize within function\n  |\n4 |\n  - def f(a=[]):\n5 + def f(a=None):\n6 +     if a is None:\n7 +         a = []\n8 |     return a\n  |\nnote: This is an unsafe fix and may change runtime behavior\n\nFound 3 errors (1 fixed, 2 remaining).\n2 unsafe fixes available with `--fix --unsafe-fixes`.\n',
        '',
        {'a.py': 'x = "a"\nprint(1)\n\n\ndef f(a=[]):\n    return a\n'}),
    'fix_with_unsafe_fixes': (0, 'Found 3 errors (3 fixed, 0 remaining).\n',
        '',
        {'a.py': 'x = "a"\n\n\ndef f(a=None):\n    if a is None:\n        a = []\n    return a\n'}),
    'no_fix_wins_over_fix': (1, 'a.py:1:5: F541 [*] f-string without any placeholders\nFound 1 error.\n[*] 1 fixable with `--fix`.\n',
        '',
        {'a.py': 'x = f"a"\nprint(1)\n\n\ndef f(a=[]):\n    return a\n'}),
    'report_marks_fixable': (1, 'a.py:1:5: F541 [*] f-string without any placeholders\na.py:2:1: T201 `print` found\na.py:5:9: B006 Do not use mutable data structures for argument defaults\nFound 3 errors.\n[*] 1 fixable with `--fix` (2 unsafe fixes available with `--fix --unsafe-fixes`).\n',
        '',
        {'a.py': 'x = f"a"\nprint(1)\n\n\ndef f(a=[]):\n    return a\n'}),
    'report_unsafe_fixes_marked': (1, 'a.py:1:5: F541 [*] f-string without any placeholders\na.py:2:1: T201 [*] `print` found\na.py:5:9: B006 [*] Do not use mutable data structures for argument defaults\nFound 3 errors.\n[*] 3 fixable with `--fix`.\n',
        '',
        {'a.py': 'x = f"a"\nprint(1)\n\n\ndef f(a=[]):\n    return a\n'}),
    'no_unsafe_fixes_hides_hint': (1, 'a.py:1:5: F541 [*] f-string without any placeholders\na.py:2:1: T201 `print` found\na.py:5:9: B006 Do not use mutable data structures for argument defaults\nFound 3 errors.\n[*] 1 fixable with `--fix`.\n',
        '',
        {'a.py': 'x = f"a"\nprint(1)\n\n\ndef f(a=[]):\n    return a\n'}),
    'fix_only': (0, 'Fixed 1 error (2 additional fixes available with `--unsafe-fixes`).\n',
        '',
        {'a.py': 'x = "a"\nprint(1)\n\n\ndef f(a=[]):\n    return a\n'}),
    'fix_only_unsafe': (0, 'Fixed 3 errors.\n',
        '',
        {'a.py': 'x = "a"\n\n\ndef f(a=None):\n    if a is None:\n        a = []\n    return a\n'}),
    'fix_only_quiet': (0, '',
        '',
        {'a.py': 'x = "a"\nprint(1)\n\n\ndef f(a=[]):\n    return a\n'}),
    'fix_only_nothing': (0, '',
        '',
        {'a.py': 'x = 1\n'}),
    'diff': (1, '--- a.py\n+++ a.py\n@@ -1,4 +1,4 @@\n-x = f"a"\n+x = "a"\n print(1)\n \n \n\nWould fix 1 error (2 additional fixes available with `--unsafe-fixes`).\n',
        '',
        {'a.py': 'x = f"a"\nprint(1)\n\n\ndef f(a=[]):\n    return a\n'}),
    'diff_unsafe': (1, '--- a.py\n+++ a.py\n@@ -1,6 +1,7 @@\n-x = f"a"\n-print(1)\n+x = "a"\n \n \n-def f(a=[]):\n+def f(a=None):\n+    if a is None:\n+        a = []\n     return a\n\nWould fix 3 errors.\n',
        '',
        {'a.py': 'x = f"a"\nprint(1)\n\n\ndef f(a=[]):\n    return a\n'}),
    'diff_nothing': (0, '',
        '',
        {'a.py': 'x = 1\n'}),
    'show_fixes': (0, '\nFixed 4 errors:\n- a.py:\n    1 × F541 (f-string-missing-placeholders)\n    1 × T201 (print)\n    1 × B006 (mutable-argument-default)\n- b.py:\n    1 × F541 (f-string-missing-placeholders)\n\nFound 4 errors (4 fixed, 0 remaining).\n',
        '',
        {'a.py': 'x = "a"\n\n\ndef f(a=None):\n    if a is None:\n        a = []\n    return a\n', 'b.py': 'y = "b"\n'}),
    'exit_non_zero_on_fix': (1, 'Found 1 error (1 fixed, 0 remaining).\n',
        '',
        {'a.py': 'x = "a"\n'}),
    'fix_only_exit_non_zero_on_fix': (1, 'Fixed 1 error.\n',
        '',
        {'a.py': 'x = "a"\n'}),
    'fixable_option': (1, 'a.py:1:5: F541 f-string without any placeholders\na.py:4:9: B006 Do not use mutable data structures for argument defaults\nFound 3 errors (1 fixed, 2 remaining).\n',
        '',
        {'a.py': 'x = f"a"\n\n\ndef f(a=[]):\n    return a\n'}),
    'unfixable_option': (1, 'a.py:1:5: F541 f-string without any placeholders\na.py:4:9: B006 Do not use mutable data structures for argument defaults\nFound 3 errors (1 fixed, 2 remaining).\n',
        '',
        {'a.py': 'x = f"a"\n\n\ndef f(a=[]):\n    return a\n'}),
    'extend_fixable_option': (1, 'a.py:1:5: F541 f-string without any placeholders\nFound 3 errors (2 fixed, 1 remaining).\n',
        '',
        {'a.py': 'x = f"a"\n\n\ndef f(a=None):\n    if a is None:\n        a = []\n    return a\n'}),
    'setting_fix': (0, 'Found 1 error (1 fixed, 0 remaining).\n',
        '',
        {'a.py': 'x = "a"\nprint(1)\n\n\ndef f(a=[]):\n    return a\n'}),
    'setting_fix_overridden': (1, 'a.py:1:5: F541 [*] f-string without any placeholders\nFound 1 error.\n[*] 1 fixable with `--fix`.\n',
        '',
        {'a.py': 'x = f"a"\nprint(1)\n\n\ndef f(a=[]):\n    return a\n'}),
    'setting_unsafe_fixes': (0, 'Found 3 errors (3 fixed, 0 remaining).\n',
        '',
        {'a.py': 'x = "a"\n\n\ndef f(a=None):\n    if a is None:\n        a = []\n    return a\n'}),
    'setting_unsafe_fixes_overridden': (1, 'a.py:2:1: T201 `print` found\na.py:5:9: B006 Do not use mutable data structures for argument defaults\nFound 3 errors (1 fixed, 2 remaining).\n',
        '',
        {'a.py': 'x = "a"\nprint(1)\n\n\ndef f(a=[]):\n    return a\n'}),
    'setting_show_fixes': (0, '\nFixed 1 error:\n- a.py:\n    1 × F541 (f-string-missing-placeholders)\n\nFound 1 error (1 fixed, 0 remaining).\n',
        '',
        {'a.py': 'x = "a"\nprint(1)\n\n\ndef f(a=[]):\n    return a\n'}),
    'setting_fixable': (1, 'a.py:1:5: F541 f-string without any placeholders\nFound 2 errors (1 fixed, 1 remaining).\n',
        '',
        {'a.py': 'x = f"a"\n\n\ndef f(a=[]):\n    return a\n'}),
    'setting_unfixable': (1, 'a.py:1:5: F541 f-string without any placeholders\nFound 2 errors (1 fixed, 1 remaining).\n',
        '',
        {'a.py': 'x = f"a"\n\n\ndef f(a=[]):\n    return a\n'}),
    'setting_extend_fixable': (1, 'a.py:1:5: F541 f-string without any placeholders\nFound 3 errors (2 fixed, 1 remaining).\n',
        '',
        {'a.py': 'x = f"a"\n\n\ndef f(a=None):\n    if a is None:\n        a = []\n    return a\n'}),
    'setting_extend_safe_fixes': (0, 'Found 2 errors (2 fixed, 0 remaining).\n',
        '',
        {'a.py': 'x = "a"\n\n\ndef f(a=[]):\n    return a\n'}),
    'setting_extend_unsafe_fixes': (1, 'a.py:1:5: F541 f-string without any placeholders\na.py:2:1: T201 `print` found\nFound 2 errors.\n2 unsafe fixes available with `--fix --unsafe-fixes`.\n',
        '',
        {'a.py': 'x = f"a"\nprint(1)\n\n\ndef f(a=[]):\n    return a\n'}),
    'noqa_suppressed_not_fixed': (0, 'Found 1 error (1 fixed, 0 remaining).\n',
        '',
        {'a.py': 'x = f"a"  # noqa: F541\nprint(1)  # noqa\n'}),
    'per_file_ignores_not_fixed': (0, 'Found 3 errors (3 fixed, 0 remaining).\n',
        '',
        {'a.py': 'x = f"a"\n\n\ndef f(a=[]):\n    return a\n', 'b.py': 'x = "a"\n\n\ndef f(a=[]):\n    return a\n'}),
    'stdin_fix': (1, 'x = "a"\nprint(1)\n\n\ndef f(a=[]):\n    return a\n',
        'T201 `print` found\n --> -:2:1\n  |\n1 | x = "a"\n2 | print(1)\n  | ^^^^^\nhelp: Remove `print`\n  |\n1 | x = "a"\n  - print(1)\n2 |\n  |\nnote: This is an unsafe fix and may change runtime behavior\n\nFound 2 errors (1 fixed, 1 remaining).\n1 unsafe fix available with `--fix --unsafe-fixes`.\n',
        {}),
    'stdin_fix_unsafe': (0, 'x = "a"\n\n\ndef f(a=[]):\n    return a\n',
        'Found 2 errors (2 fixed, 0 remaining).\n',
        {}),
    'stdin_diff': (1, '@@ -1,4 +1,4 @@\n-x = f"a"\n+x = "a"\n print(1)\n \n \n\n',
        'Would fix 1 error (1 additional fix available with `--unsafe-fixes`).\n',
        {}),
    'stdin_diff_named': (1, '--- x.py\n+++ x.py\n@@ -1,4 +1,4 @@\n-x = f"a"\n+x = "a"\n print(1)\n \n \n\n',
        'Would fix 1 error (1 additional fix available with `--unsafe-fixes`).\n',
        {}),
    'stdin_fix_only': (0, 'x = "a"\nprint(1)\n\n\ndef f(a=[]):\n    return a\n',
        'Fixed 1 error (1 additional fix available with `--unsafe-fixes`).\n',
        {}),
    'crlf_kept': (0, 'Found 4 errors (4 fixed, 0 remaining).\n',
        '',
        {'a.py': 'x = "a"\r\n\r\n\r\ndef f(a=None):\r\n    if a is None:\r\n        a = []\r\n    return a\r\nraise AssertionError()\r\n'}),
    'lone_cr_kept': (0, 'Found 4 errors (4 fixed, 0 remaining).\n',
        '',
        {'a.py': 'x = "a"\r\r\rdef f(a=None):\r    if a is None:\r        a = []\r    return a\rraise AssertionError()\r'}),
    'bom_kept': (0, 'Found 3 errors (3 fixed, 0 remaining).\n',
        '',
        {'a.py': '\ufeffx = "a"\n\n\ndef f(a=None):\n    if a is None:\n        a = []\n    return a\n'}),
    'bom_crlf_diff': (1, '--- a.py\n+++ a.py\n@@ -1 +1 @@\n-\ufeffx = f"é"\r\n+\ufeffx = "é"\r\n\nWould fix 1 error.\n',
        '',
        {'a.py': '\ufeffx = f"é"\r\n'}),
}


def ruff_version():
    try:
        return subprocess.run(["ruff", "--version"], capture_output=True, text=True).stdout.strip()
    except OSError:
        return ""


# Test-only Python rules: X902's fix breaks the syntax, X903's always leaves something to fix,
# X904 changes the file it lints on disk (a hook for what another program may do meanwhile).
TEST_RULES = '''
import os

from lint import Edit, Fix, Rule


class BreaksSyntax(Rule):
    code = "X902"
    name = "breaks-syntax"
    message = "Fixed into a syntax error"
    fixable = "always"

    def visit_module(self, node):
        self.report(node, fix=Fix.safe(Edit.insert_at(0, "(")))


class NeverDone(Rule):
    code = "X903"
    name = "never-done"
    message = "There is always more"
    fixable = "always"

    def visit_module(self, node):
        self.report(node, fix=Fix.safe(Edit.insert_at(0, "# again\\n")))


class ChangesTheFile(Rule):
    """Changes its file on disk the first time it sees it: `append` adds a line, `replace`
    puts a new file with the same content in its place."""

    code = "X904"
    name = "changes-the-file"
    message = "unused"
    done = set()

    def visit_module(self, node):
        if self.path in ChangesTheFile.done:
            return
        ChangesTheFile.done.add(self.path)
        with open(self.path) as f:
            text = f.read()
        if "# append" in text:
            with open(self.path, "a") as f:
                f.write("# changed meanwhile\\n")
        else:
            with open(self.path + ".new", "w") as f:
                f.write(text)
            os.replace(self.path + ".new", self.path)
'''


class Workspace(unittest.TestCase):
    def setUp(self):
        self.dir = Path(tempfile.mkdtemp(prefix="lint-e2e-fix-"))

    def tearDown(self):
        shutil.rmtree(self.dir, ignore_errors=True)

    def write(self, rel, content):
        p = self.dir / rel
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_bytes(content.encode() if isinstance(content, str) else content)
        return p

    def lint(self, *args, **kw):
        return run("--isolated", "--no-cache", *args, cwd=self.dir, **kw)

    def with_test_rules(self, *args, **kw):
        self.write("rules/test_rules.py", TEST_RULES)
        return self.lint("--python-rules", "rules", *args, **kw)


class SameAsRuff(unittest.TestCase):
    """Each case of CASES: lint's exit status, output and files are Ruff's."""

    def outcome(self, command, case):
        name, files, config, args, stdin = case
        work = Path(tempfile.mkdtemp(prefix="lint-e2e-fix-"))
        try:
            for rel, text in files.items():
                (work / rel).write_bytes(text.encode())
            isolated = ["--isolated"]
            if config:
                lint_toml, ruff_toml = config
                (work / ("ruff.toml" if command[0] == "ruff" else "lint.toml")).write_text(
                    (ruff_toml if command[0] == "ruff" else lint_toml) + "\n")
                isolated = []
            env = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "FORCE_COLOR")}
            proc = subprocess.run([*command, "--no-cache", *isolated, *args], cwd=work, capture_output=True,
                                  input=stdin.encode() if stdin is not None else None, env=env, timeout=60)
            after = {rel: (work / rel).read_bytes().decode() for rel in files}
            return proc.returncode, proc.stdout.decode(), proc.stderr.decode(), after
        finally:
            shutil.rmtree(work, ignore_errors=True)

    def test_each_case_as_ruff_recorded_it(self):
        self.assertEqual(sorted(RUFF), sorted(c[0] for c in CASES))
        for case in CASES:
            with self.subTest(case[0]):
                self.assertEqual(self.outcome([LINT], case), RUFF[case[0]])

    @unittest.skipUnless(ruff_version() == "ruff 0.17.3", "ruff 0.17.3 is not on PATH")
    def test_the_recording_is_what_ruff_does(self):
        for case in CASES:
            with self.subTest(case[0]):
                self.assertEqual(self.outcome(["ruff", "check"], case), RUFF[case[0]])


class JsonFixObjects(Workspace):
    SOURCE = ('x = f"a{{b}}"\nprint(1)\nif x:\n    print(2)\n\n\n'
              'def f(a=[], *, b={"k": (1, 2)}):\n    """Doc."""\n    assert False, "never"\n    return a\n')

    # Ruff 0.17.3's `fix` of each diagnostic, in order.
    RUFF_FIXES = [
        {"applicability": "safe", "edits": [
            {"content": '"a{b}"', "end_location": {"column": 14, "row": 1}, "location": {"column": 5, "row": 1}}],
         "message": "Remove extraneous `f` prefix"},
        {"applicability": "unsafe", "edits": [
            {"content": "", "end_location": {"column": 1, "row": 3}, "location": {"column": 1, "row": 2}}],
         "message": "Remove `print`"},
        {"applicability": "unsafe", "edits": [
            {"content": "pass", "end_location": {"column": 13, "row": 4}, "location": {"column": 5, "row": 4}}],
         "message": "Remove `print`"},
        {"applicability": "unsafe", "edits": [
            {"content": "None", "end_location": {"column": 11, "row": 7}, "location": {"column": 9, "row": 7}},
            {"content": "    if a is None:\n        a = []\n", "end_location": {"column": 1, "row": 9},
             "location": {"column": 1, "row": 9}}],
         "message": "Replace with `None`; initialize within function"},
        {"applicability": "unsafe", "edits": [
            {"content": "None", "end_location": {"column": 31, "row": 7}, "location": {"column": 18, "row": 7}},
            {"content": '    if b is None:\n        b = {"k": (1, 2)}\n', "end_location": {"column": 1, "row": 9},
             "location": {"column": 1, "row": 9}}],
         "message": "Replace with `None`; initialize within function"},
        {"applicability": "unsafe", "edits": [
            {"content": 'raise AssertionError("never")', "end_location": {"column": 26, "row": 9},
             "location": {"column": 5, "row": 9}}],
         "message": "Replace `assert False`"},
    ]

    def test_fix_objects_are_ruffs(self):
        self.write("a.py", self.SOURCE)
        for fmt in ("json", "json-lines"):
            proc = self.lint("--select", "F541,T201,B006,B011", "--output-format", fmt, "a.py")
            self.assertEqual(proc.returncode, 1, proc.stderr)
            out = proc.stdout.decode()
            diags = json.loads(out) if fmt == "json" else [json.loads(line) for line in out.splitlines()]
            self.assertEqual([d["fix"] for d in diags], self.RUFF_FIXES)

    def test_a_diagnostic_without_a_fix_has_fix_null(self):
        self.write("a.py", "def f(a=[]): return a\nx = print(1) or 2\n")
        proc = self.lint("--select", "T201,B006", "--output-format", "json", "a.py")
        self.assertEqual([d["fix"] for d in json.loads(proc.stdout)], [None, None])


class Writing(Workspace):
    def test_a_symlink_stays_a_symlink_and_its_target_is_fixed(self):
        target = self.write("real/a.py", 'x = f"a"\n')
        link = self.dir / "link.py"
        link.symlink_to("real/a.py")
        proc = self.lint("--select", "F541", "--fix", "link.py")
        self.assertEqual(proc.returncode, 0, proc.stderr)
        self.assertTrue(link.is_symlink())
        self.assertEqual(os.readlink(link), "real/a.py")
        self.assertEqual(target.read_text(), 'x = "a"\n')

    def test_permissions_and_owner_are_kept(self):
        for mode in (0o640, 0o755, 0o604):
            with self.subTest(oct(mode)):
                path = self.write("a.py", 'x = f"a"\n')
                path.chmod(mode)
                if os.geteuid() == 0:
                    os.chown(path, 65534, 65534)  # nobody's: root writes it and gives it back
                proc = self.lint("--select", "F541", "--fix", "a.py")
                self.assertEqual(proc.returncode, 0, proc.stderr)
                self.assertEqual(path.read_text(), 'x = "a"\n')
                st = path.stat()
                self.assertEqual(stat.S_IMODE(st.st_mode), mode)
                if os.geteuid() == 0:
                    self.assertEqual((st.st_uid, st.st_gid), (65534, 65534))

    def test_no_temporary_file_is_left_behind(self):
        self.write("a.py", 'x = f"a"\n')
        self.lint("--select", "F541", "--fix", "a.py")
        self.assertEqual(sorted(p.name for p in self.dir.iterdir()), ["a.py"])

    def test_line_endings_and_byte_order_mark_are_kept(self):
        # Deleting lines (T201), adding lines (B006) and replacing text (F541, B011) in each.
        source = 'x = f"a"\nprint(1)\n\n\ndef f(a=[]):\n    assert False\n    return a\n'
        fixed = 'x = "a"\n\n\ndef f(a=None):\n    if a is None:\n        a = []\n    raise AssertionError()\n    return a\n'
        for name, before, after in [
            ("crlf", source.replace("\n", "\r\n"), fixed.replace("\n", "\r\n")),
            ("lone cr", source.replace("\n", "\r"), fixed.replace("\n", "\r")),
            ("bom", "\ufeff" + source, "\ufeff" + fixed),
            ("bom and crlf", "\ufeff" + source.replace("\n", "\r\n"), "\ufeff" + fixed.replace("\n", "\r\n")),
        ]:
            with self.subTest(name):
                path = self.write("a.py", before)
                proc = self.lint("--select", "F541,T201,B006,B011", "--fix", "--unsafe-fixes", "a.py")
                self.assertEqual(proc.returncode, 0, proc.stderr)
                self.assertEqual(path.read_bytes(), after.encode())

    @unittest.skipUnless(os.geteuid() == 0 and shutil.which("setpriv"), "needs root and setpriv to drop privileges")
    def test_a_read_only_folder_is_an_error_and_the_file_is_kept(self):
        # The file may be written, its folder not: lint writes a temporary file beside it and
        # renames it over the file (never a half-written file), so it cannot fix it. (Ruff
        # writes the file in place and would succeed.)
        self.dir.chmod(0o755)
        folder = self.dir / "ro"
        path = self.write("ro/a.py", 'x = f"a"\n')
        os.chown(path, 65534, 65534)
        path.chmod(0o666)
        folder.chmod(0o555)
        env = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "FORCE_COLOR")}
        proc = subprocess.run(["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", LINT, "--isolated",
                               "--no-cache", "--select", "F541", "--fix", "a.py"],
                              cwd=folder, capture_output=True, env=env, timeout=60)
        self.assertEqual(proc.returncode, 2, proc.stderr)
        self.assertIn("error: Failed to write a.py: Permission denied (os error 13)", proc.stderr.decode())
        self.assertEqual(path.read_text(), 'x = f"a"\n')
        self.assertEqual(sorted(p.name for p in folder.iterdir()), ["a.py"])

    def test_a_file_changed_on_disk_meanwhile_is_not_written(self):
        path = self.write("a.py", 'x = f"a"  # append\n')
        proc = self.with_test_rules("--select", "F541,X904", "--fix", "a.py")
        self.assertEqual(proc.returncode, 2, proc.stderr)
        self.assertIn("error: Failed to write a.py: the file changed on disk after lint read it; not written",
                      proc.stderr.decode())
        self.assertEqual(path.read_text(), 'x = f"a"  # append\n# changed meanwhile\n')

    def test_a_file_replaced_meanwhile_is_not_written(self):
        # The same content, but another file: what lint read is gone.
        path = self.write("a.py", 'x = f"a"\n')
        inode = path.stat().st_ino
        proc = self.with_test_rules("--select", "F541,X904", "--fix", "a.py")
        self.assertEqual(proc.returncode, 2, proc.stderr)
        self.assertIn("the file changed on disk after lint read it; not written", proc.stderr.decode())
        self.assertEqual(path.read_text(), 'x = f"a"\n')
        self.assertNotEqual(path.stat().st_ino, inode)


class BadFixes(Workspace):
    def test_a_fix_that_breaks_the_syntax_leaves_the_file_alone(self):
        path = self.write("a.py", 'x = f"a"\n')
        proc = self.with_test_rules("--select", "F541,X902", "--fix", "--output-format", "concise", "a.py")
        self.assertEqual(proc.returncode, 2)
        self.assertEqual(proc.stderr.decode(), "error: Fix introduced a syntax error in `a.py` with rule codes "
                                              "F541, X902; reverting all changes to the file\n")
        self.assertEqual(path.read_text(), 'x = f"a"\n')
        # What is reported is the file as it is (with --fix, as Ruff: no `[*]` on each).
        self.assertEqual(proc.stdout.decode(), "a.py:1:1: X902 Fixed into a syntax error\n"
                                              "a.py:1:5: F541 f-string without any placeholders\n"
                                              "Found 2 errors.\n[*] 2 fixable with `--fix`.\n")

    def test_on_standard_input_the_source_comes_back_unchanged(self):
        proc = self.with_test_rules("--select", "F541,X902", "--fix", "-", input=b'x = f"a"\n')
        self.assertEqual(proc.returncode, 2)
        self.assertEqual(proc.stdout, b'x = f"a"\n')
        self.assertIn("Fix introduced a syntax error in `-` with rule codes F541, X902", proc.stderr.decode())

    def test_diff_shows_no_change_for_it(self):
        path = self.write("a.py", 'x = f"a"\n')
        proc = self.with_test_rules("--select", "X902", "--diff", "a.py")
        self.assertEqual(proc.returncode, 2)
        self.assertEqual(proc.stdout, b"")
        self.assertIn("with rule codes X902", proc.stderr.decode())
        self.assertEqual(path.read_text(), 'x = f"a"\n')

    def test_fixing_stops_after_100_rounds_and_names_the_rule(self):
        path = self.write("a.py", "x = 1\n")
        proc = self.with_test_rules("--select", "X903", "--fix", "--output-format", "concise", "a.py")
        self.assertEqual(proc.returncode, 1, proc.stderr)
        self.assertEqual(proc.stderr.decode(),
                         "warning: Failed to converge after 100 fix rounds in `a.py` with rule codes X903\n")
        self.assertEqual(proc.stdout.decode(), "a.py:1:1: X903 There is always more\n"
                                              "Found 101 errors (100 fixed, 1 remaining).\n"
                                              "[*] 1 fixable with `--fix`.\n")
        # What the rounds did is kept, as Ruff keeps it.
        self.assertEqual(path.read_text(), "# again\n" * 100 + "x = 1\n")


if __name__ == "__main__":
    unittest.main()
