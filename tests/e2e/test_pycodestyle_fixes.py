"""End-to-end tests of the pycodestyle and RUF100 fixes where the result depends on more than one
rule or on the whole file, so a single-rule fixture cannot show it: RUF100 keeping the codes that
still suppress something, E711 and E712 rewriting one comparison together, E731's indentation
(the file's) and Callable annotations, E401 and E703 on shared and continued lines, W605's
prefixes. Each case is lint's `--fix --unsafe-fixes` against Ruff 0.17.3's result, recorded below
(and checked against live Ruff when it is on PATH).
"""
import json
import shutil
import subprocess
import tempfile
import unittest
from pathlib import Path

from lint_e2e import run

# (name, selection, source, Ruff 0.17.3's source after `--fix --unsafe-fixes`)
CASES = [
    ('ruf100_keeps_used_codes', 'RUF100,E401,E711',
     '# ruff: noqa: E711, E712\n# flake8: noqa: E711, E713\nimport os, sys  # noqa: E401, F401, E401\nx = 1  # noqa: E711  # type: ignore\nif x == None:\n    pass\n',
     '# ruff: noqa: E711\n# flake8: noqa: E711\nimport os, sys  # noqa: E401\nx = 1  # type: ignore\nif x == None:\n    pass\n'),
    ('e711_e712_one_fix', 'E711,E712',
     'if x == None != False:\n    pass\nif True != y:\n    pass\nif (x == False):\n    pass\n',
     'if x is None is not False:\n    pass\nif not y:\n    pass\nif (not x):\n    pass\n'),
    ('e711_alone', 'E711',
     'if x == None != False:\n    pass\n',
     'if x is None != False:\n    pass\n'),
    ('e713_e714_padded', 'E713,E714',
     'if not(x in y):\n    pass\nz = not x is (None)\n',
     'if x not in y:\n    pass\nz = x is not (None)\n'),
    ('e731_tabs_and_callable', 'E731',
     'from typing import Callable\n\nif True:\n\tpass\n\nf: Callable[[int, str], bool] = lambda a, b=0x10, *c: (\n    a > 1)\ng = (lambda: 1)\nh = lambda x: x; k = 1\n',
     'from typing import Callable\n\nif True:\n\tpass\n\ndef f(a: int, b: str=16, *c) -> bool:\n\treturn (\n    a > 1)\ndef g():\n\treturn (1)\nh = lambda x: x; k = 1\n'),
    ('e401_e703_lines', 'E401,E703',
     'import os, sys\nx = 1; import a.b as c, d;\nif x:\n    import e, f\ny = 2 \\\n;\n',
     'import os\nimport sys\nx = 1; import a.b as c; import d\nif x:\n    import e\n    import f\ny = 2 \n'),
    ('w605_prefixes', 'W605',
     'def f():\n    return"\\d"\nu\'\\d\'\nb\'\\d\\n\'\nf\'\\d{x}\'\n',
     'def f():\n    return r"\\d"\nr\'\\d\'\nb\'\\\\d\\n\'\nrf\'\\d{x}\'\n'),
]


def ruff_version():
    try:
        return subprocess.run(["ruff", "--version"], capture_output=True, text=True).stdout.strip()
    except OSError:
        return ""


class Workspace(unittest.TestCase):
    def setUp(self):
        self.dir = Path(tempfile.mkdtemp(prefix="lint-e2e-pycodestyle-fix-"))

    def tearDown(self):
        shutil.rmtree(self.dir, ignore_errors=True)

    def fixed(self, command, selection, source):
        path = self.dir / "a.py"
        path.write_text(source)
        subprocess.run([*command, "--isolated", "--no-cache", "--select", selection, "--fix", "--unsafe-fixes",
                        "a.py"], cwd=self.dir, capture_output=True, timeout=60)
        return path.read_text()


class SameAsRuff(Workspace):
    def test_each_case_as_ruff_recorded_it(self):
        for name, selection, source, expected in CASES:
            with self.subTest(name):
                path = self.dir / "a.py"
                path.write_text(source)
                proc = run("--isolated", "--no-cache", "--select", selection, "--fix", "--unsafe-fixes", "a.py",
                           cwd=self.dir)
                self.assertIn(proc.returncode, (0, 1), proc.stderr)
                self.assertEqual(path.read_text(), expected)
                # A second run finds nothing more to fix.
                run("--isolated", "--no-cache", "--select", selection, "--fix", "--unsafe-fixes", "a.py", cwd=self.dir)
                self.assertEqual(path.read_text(), expected)

    @unittest.skipUnless(ruff_version() == "ruff 0.17.3", "ruff 0.17.3 is not on PATH")
    def test_the_recording_is_what_ruff_does(self):
        for name, selection, source, expected in CASES:
            with self.subTest(name):
                self.assertEqual(self.fixed(["ruff", "check"], selection, source), expected)


class FixObjects(Workspace):
    def diagnostics(self, selection, source):
        (self.dir / "a.py").write_text(source)
        proc = run("--isolated", "--no-cache", "--select", selection, "--output-format", "json", "a.py", cwd=self.dir)
        return json.loads(proc.stdout)

    def test_e731_after_a_bare_annotation_is_display_only(self):
        # The annotation is not the assignment's own, so the def has no types.
        source = "from typing import Callable\nf: Callable[[int], int]\nf = lambda x: 2 * x\n"
        [d] = self.diagnostics("E731", source)
        self.assertEqual(d["fix"], {
            "applicability": "displayonly",
            "edits": [{"content": "def f(x):\n    return 2 * x",
                       "end_location": {"column": 20, "row": 3}, "location": {"column": 1, "row": 3}}],
            "message": "Rewrite `f` as a `def`"})
        # Never applied, even with unsafe fixes.
        run("--isolated", "--no-cache", "--select", "E731", "--fix", "--unsafe-fixes", "a.py", cwd=self.dir)
        self.assertEqual((self.dir / "a.py").read_text(), source)

    def test_e402_has_a_help_line_but_no_fix(self):
        [d] = self.diagnostics("E402", "x = 1\nimport os\n")
        self.assertIsNone(d["fix"])
        proc = run("--isolated", "--no-cache", "--select", "E402", "a.py", cwd=self.dir)
        self.assertIn("help: Move module level imports to top of file", proc.stdout.decode())


if __name__ == "__main__":
    unittest.main()
