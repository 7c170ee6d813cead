"""End-to-end tests of configuration (discovery, every setting, errors), `--show-settings`,
`--show-files`, `--statistics`, and the `rule` and `rules` commands."""
import json
import os
import shutil
import subprocess
import tempfile
import unittest
from pathlib import Path

from lint_e2e import run
SOURCE_DIR = Path(os.environ.get("LINT_SOURCE_DIR") or Path(__file__).resolve().parents[2])



class Workspace(unittest.TestCase):
    def setUp(self):
        self.dir = Path(tempfile.mkdtemp(prefix="lint-config-"))

    def tearDown(self):
        shutil.rmtree(self.dir, ignore_errors=True)

    def write(self, rel, content):
        p = self.dir / rel
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_text(content)
        return p

    def lint(self, *args, cwd=None):
        """Runs lint with JSON output; returns the sorted (file, code, row, column) of each diagnostic."""
        proc = run("--output-format", "json", *args, cwd=cwd or self.dir)
        self.assertIn(proc.returncode, (0, 1), proc.stderr.decode())
        return sorted((os.path.relpath(d["filename"], self.dir), d["code"], d["location"]["row"], d["location"]["column"])
                      for d in json.loads(proc.stdout))

    def codes(self, *args, cwd=None):
        return sorted({(f, code) for f, code, _, _ in self.lint(*args, cwd=cwd)})

    def error(self, *args, cwd=None):
        proc = run(*args, cwd=cwd or self.dir)
        self.assertEqual(proc.returncode, 2, proc.stdout.decode() + proc.stderr.decode())
        self.assertEqual(proc.stdout, b"")
        return proc.stderr.decode()


SOURCE = "import os\nif x == None: pass\n"  # F401, E701, F821, E711


class Discovery(Workspace):
    def test_closest_configuration_wins_in_nested_folders(self):
        self.write("lint.toml", 'select = ["F401"]\n')
        self.write("a.py", SOURCE)
        self.write("pkg/pyproject.toml", '[tool.lint]\nselect = ["E711"]\n')
        self.write("pkg/b.py", SOURCE)
        self.write("pkg/deeper/c.py", SOURCE)
        self.write("pkg/deeper/other/.lint.toml", 'select = ["E701"]\n')
        self.write("pkg/deeper/other/d.py", SOURCE)
        self.write("plain/pyproject.toml", '[project]\nname = "x"\n')  # no [tool.lint]: not a configuration
        self.write("plain/e.py", SOURCE)
        self.assertEqual(self.codes("."), [
            ("a.py", "F401"), ("pkg/b.py", "E711"), ("pkg/deeper/c.py", "E711"),
            ("pkg/deeper/other/d.py", "E701"), ("plain/e.py", "F401")])

    def test_same_result_from_any_folder(self):
        self.write("pkg/lint.toml", 'select = ["E711"]\n')
        self.write("pkg/b.py", SOURCE)
        self.assertEqual(self.codes("b.py", cwd=self.dir / "pkg"), [("pkg/b.py", "E711")])
        self.assertEqual(self.codes("pkg/b.py"), [("pkg/b.py", "E711")])

    def test_dot_lint_toml_before_lint_toml_before_pyproject(self):
        self.write(".lint.toml", 'select = ["E711"]\n')
        self.write("lint.toml", 'select = ["F401"]\n')
        self.write("pyproject.toml", '[tool.lint]\nselect = ["E701"]\n')
        self.write("a.py", SOURCE)
        self.assertEqual(self.codes("."), [("a.py", "E711")])
        (self.dir / ".lint.toml").unlink()
        self.assertEqual(self.codes("."), [("a.py", "F401")])

    def test_extend(self):
        self.write("base/lint.toml", 'select = ["E7"]\nper-file-ignores = { "gen.py" = ["E711"] }\n')
        self.write("proj/lint.toml", 'extend = "../base/lint.toml"\nextend-select = ["F401"]\n')
        self.write("proj/a.py", SOURCE)
        self.write("proj/gen.py", SOURCE)
        self.assertEqual(self.codes("proj"), [
            ("proj/a.py", "E701"), ("proj/a.py", "E711"), ("proj/a.py", "F401"),
            ("proj/gen.py", "E701"), ("proj/gen.py", "F401")])

    def test_config_file_for_every_file(self):
        self.write("pkg/lint.toml", 'select = ["E711"]\n')
        self.write("pkg/b.py", SOURCE)
        self.write("other.toml", 'select = ["F401"]\n')
        self.assertEqual(self.codes("--config", "other.toml", "."), [("pkg/b.py", "F401")])

    def test_config_override_goes_over_every_configuration(self):
        self.write("pkg/lint.toml", 'select = ["E711"]\n')
        self.write("pkg/b.py", SOURCE)
        self.write("a.py", SOURCE)
        self.assertEqual(self.codes("--config", 'extend-select = ["F401"]', "."), [
            ("a.py", "F401"), ("a.py", "F821"), ("a.py", "I001"), ("pkg/b.py", "E711"), ("pkg/b.py", "F401")])
        # The command line comes last.
        self.assertEqual(self.codes("--select", "F821", "."), [("a.py", "F821"), ("pkg/b.py", "F821")])

    def test_isolated_ignores_every_file(self):
        self.write("lint.toml", 'select = ["F401"]\nthis is not TOML\n')
        self.write("a.py", SOURCE)
        self.assertEqual(self.codes("--isolated", "."), [("a.py", "F401"), ("a.py", "F821"), ("a.py", "I001")])
        self.assertIn("cannot be used with `--isolated`", self.error("--isolated", "--config", "lint.toml", "."))

    def test_stdin_uses_the_configuration_of_its_name(self):
        self.write("pkg/lint.toml", 'select = ["E711"]\n')
        proc = run("--output-format", "concise", "--stdin-filename", "pkg/x.py", "-", cwd=self.dir, input=SOURCE.encode())
        self.assertEqual(proc.stdout.decode().splitlines()[0], "pkg/x.py:2:9: E711 Comparison to `None` should be `cond is None`")


class Settings(Workspace):
    def test_ruff_selectors_lint_does_not_have_warn_and_select_nothing(self):
        # A Ruff configuration works unchanged: Ruff's codes that lint lacks are said, not fatal.
        self.write("pyproject.toml", '[tool.lint]\nextend-select = ["PLR0133", "N", "E711"]\nignore = ["D"]\n')
        self.write("a.py", SOURCE)
        proc = run("--output-format", "json", "--select", "E7,PL", ".", cwd=self.dir)
        self.assertEqual(proc.returncode, 1, proc.stderr)
        self.assertEqual(sorted({d["code"] for d in json.loads(proc.stdout)}), ["E701", "E711"])
        self.assertEqual(proc.stderr.decode().splitlines(), [
            "warning: `PLR0133` selects Ruff rules that lint does not have yet; ignored (pyproject.toml:2:18)",
            "warning: `N` selects Ruff rules that lint does not have yet; ignored (pyproject.toml:2:29)",
            "warning: `D` selects Ruff rules that lint does not have yet; ignored (pyproject.toml:3:11)",
            "warning: `PL` selects Ruff rules that lint does not have yet; ignored (the command line)",
        ])
        # What neither tool knows still stops the run.
        self.assertIn("unknown rule selector `XYZ1`", self.error("--select", "XYZ1", "."))

    def test_select_extend_select_ignore(self):
        self.write("a.py", SOURCE + "s = '\\d'\n")
        self.write("lint.toml", 'select = ["E7", "F"]\nextend-select = ["W605"]\nignore = ["E711", "F8"]\n')
        self.assertEqual([c for _, c in self.codes(".")], ["E701", "F401", "W605"])

    def test_per_file_ignores_and_extend(self):
        self.write("lint.toml", 'select = ["E4", "E7", "E9", "F"]\n'
                                'per-file-ignores = { "tests/*" = ["F401"], "!src/*" = ["F821"] }\n'
                                'extend-per-file-ignores = { "conf.py" = ["E7"] }\n')
        self.write("src/a.py", SOURCE)
        self.write("tests/t.py", SOURCE)
        self.write("docs/conf.py", SOURCE)
        self.assertEqual(self.codes("."), [
            ("docs/conf.py", "F401"), ("src/a.py", "E701"), ("src/a.py", "E711"), ("src/a.py", "F401"),
            ("src/a.py", "F821"), ("tests/t.py", "E701"), ("tests/t.py", "E711")])

    def test_exclude_and_extend_exclude(self):
        for rel in ("a.py", "gen/b.py", "x_pb2.py", "build/c.py", "sub/d.py"):
            self.write(rel, SOURCE)
        self.write("lint.toml", 'extend-exclude = ["gen", "*_pb2.py"]\n')
        files = {f for f, _ in self.codes(".")}
        self.assertEqual(files, {"a.py", "sub/d.py"})
        self.write("lint.toml", 'exclude = ["sub"]\n')  # replaces the defaults: build/ is linted
        self.assertEqual({f for f, _ in self.codes(".")}, {"a.py", "build/c.py", "gen/b.py", "x_pb2.py"})
        # A file named on the command line is linted anyway.
        self.assertEqual({f for f, _ in self.codes("sub/d.py")}, {"sub/d.py"})
        # --extend-exclude on the command line, relative to the current directory.
        self.assertEqual({f for f, _ in self.codes("--extend-exclude", "a.py,gen", ".")}, {"build/c.py", "x_pb2.py"})

    def test_respect_gitignore(self):
        if not shutil.which("git"):
            self.skipTest("git is not installed")
        subprocess.run(["git", "init", "-q"], cwd=self.dir, check=True)
        self.write(".gitignore", "ignored.py\n")
        self.write("ignored.py", SOURCE)
        self.write("a.py", SOURCE)
        self.assertEqual({f for f, _ in self.codes(".")}, {"a.py"})
        self.write("lint.toml", "respect-gitignore = false\n")
        self.assertEqual({f for f, _ in self.codes(".")}, {"a.py", "ignored.py"})
        self.assertEqual({f for f, _ in self.codes("--respect-gitignore", ".")}, {"a.py"})

    def test_line_length(self):
        self.write("lint.toml", "line-length = 100\n")
        self.write("a.py", "x = 1\n")
        self.assertIn("line-length = 100\n", run("--show-settings", "a.py", cwd=self.dir).stdout.decode())
        self.assertIn("line-length = 120\n", run("--line-length", "120", "--show-settings", "a.py", cwd=self.dir).stdout.decode())

    def test_target_version_decides_builtins(self):
        self.write("a.py", "aiter\nExceptionGroup\nPythonFinalizationError\n")

        def undefined(*args):
            return [row for _, code, row, _ in self.lint("--select", "F821", *args, ".") if code == "F821"]

        self.assertEqual(undefined(), [3])  # py311 by default, as in Ruff
        self.write("lint.toml", 'target-version = "py39"\n')
        self.assertEqual(undefined(), [1, 2, 3])
        self.write("lint.toml", 'target-version = "py313"\n')
        self.assertEqual(undefined(), [])
        self.assertEqual(undefined("--target-version", "py310"), [2, 3])
        (self.dir / "lint.toml").unlink()  # lint.toml would win over pyproject.toml
        self.write("pyproject.toml", '[project]\nrequires-python = ">=3.10"\n[tool.lint]\n')
        self.assertEqual(undefined(), [2, 3])
        proc = run("--select", "F821", "--output-format", "concise", "--target-version", "py39", "a.py", cwd=self.dir)
        self.assertIn("a.py:1:1: F821 Undefined name `aiter`. Consider specifying `requires-python = \">= 3.10\"` or "
                      "`tool.lint.target-version = \"py310\"` in your `pyproject.toml` file.", proc.stdout.decode())

    def test_python_rules(self):
        self.write("checks/no_exec.py", '''from lint import Rule


class NoExec(Rule):
    """## What it does
    Checks for `exec`.

    ## Why is this bad?
    It runs arbitrary code.

    ## Example
    ```python
    exec("x")
    ```
    """

    code = "X100"
    name = "no-exec"
    message = "`exec` found"

    def visit_call(self, node):
        if self.qualified_name(node.child_by_field_name("function")) == "builtins.exec":
            self.report(node)
''')
        self.write("a.py", "exec('1')\n")
        self.write("lint.toml", 'python-rules = ["checks"]\nselect = ["X100"]\n')
        self.assertEqual(self.lint("."), [("a.py", "X100", 1, 1)])

    def test_rule_options(self):
        self.write("a.py", "_('hello')\nN_('x')\n")
        self.assertEqual(len(self.lint("--select", "F821", ".")), 2)
        self.write("lint.toml", '[undefined-name]\nbuiltins = ["_"]\n')
        self.assertEqual(self.lint("--select", "F821", "."), [("a.py", "F821", 2, 1)])
        (self.dir / "lint.toml").unlink()
        self.write("pyproject.toml", '[tool.lint.F821]\nbuiltins = ["_", "N_"]\n')
        self.assertEqual(self.lint("--select", "F821", "."), [])


class Errors(Workspace):
    """Every kind of bad configuration stops the run with exit status 2 and `path:row:col: message`."""

    def check(self, text, expected, name="lint.toml", *args):
        self.write(name, text)
        self.write("a.py", "x = 1\n")
        self.assertEqual(self.error(*args, "."), expected + "\n")

    def test_unknown_key(self):
        self.check('select = ["E"]\nextend-selekt = ["F"]\n', "lint.toml:2:1: unknown setting `extend-selekt`; did you mean `extend-select`?")
        (self.dir / "lint.toml").unlink()
        self.check('[tool.lint]\nignored = []\n', "pyproject.toml:2:1: unknown setting `ignored`; did you mean `ignore`?", "pyproject.toml")

    def test_wrong_type(self):
        self.check('line-length = "long"\n', "lint.toml:1:15: `line-length` must be an integer, not a string")
        self.check('ignore = "E711"\n', "lint.toml:1:10: `ignore` must be a list of rule codes, prefixes or names, not a string")

    def test_unknown_code_or_prefix(self):
        self.check('select = ["E", "F4011"]\n', "lint.toml:1:16: unknown rule selector `F4011`; did you mean `F401`?")
        self.check('ignore = ["XYZ"]\n', "lint.toml:1:11: unknown rule selector `XYZ`")
        self.check('per-file-ignores = { "a.py" = ["E7111"] }\n', "lint.toml:1:32: unknown rule selector `E7111`; did you mean `E711`?")

    def test_bad_glob(self):
        self.check('extend-exclude = ["[abc"]\n', "lint.toml:1:19: invalid glob `[abc`: unclosed character class; missing ']'")

    def test_invalid_toml(self):
        self.check('select = ["E"\n', "lint.toml:1:15: invalid TOML: encountered end-of-file (while parsing array)")

    def test_bad_target_version(self):
        self.check('target-version = "py2"\n', "lint.toml:1:18: unknown target-version `py2` (expected one of py37 to py314)")

    def test_in_a_nested_configuration(self):
        self.write("sub/lint.toml", "\n\nrespect-gitignore = 1\n")
        self.write("sub/a.py", "x = 1\n")
        self.assertEqual(self.error("."), "sub/lint.toml:3:21: `respect-gitignore` must be a boolean (true or false), not an integer\n")

    def test_in_an_override(self):
        self.write("a.py", "x = 1\n")
        self.assertEqual(self.error("--config", "line-lengt = 1", "."), "--config:1:1: unknown setting `line-lengt`; did you mean `line-length`?\n")


class ShowCommands(Workspace):
    def test_show_settings(self):
        self.write("pkg/lint.toml", 'extend-select = ["W605"]\nper-file-ignores = { "t.py" = ["F401"] }\n'
                   'typing-modules = ["compat.typing"]\n')
        self.write("pkg/t.py", "x = 1\n")
        proc = run("--show-settings", "pkg/t.py", cwd=self.dir)
        self.assertEqual(proc.returncode, 0, proc.stderr)
        out = proc.stdout.decode()
        self.assertIn('Resolved settings for: "%s"' % (self.dir / "pkg/t.py"), out)
        self.assertIn('Settings path: "%s"' % (self.dir / "pkg/lint.toml"), out)
        self.assertIn('pkg/lint.toml: extend-select = ["W605"]', out)
        self.assertIn('target-version = "py311"', out)
        self.assertIn('typing-modules = [\n  "compat.typing",\n]\n', out)
        self.assertIn("\nW605 invalid-escape-sequence\n", out)
        self.assertNotIn("\nF401 ", out)  # turned off for this file
        out = run("--isolated", "--show-settings", "pkg/t.py", cwd=self.dir).stdout.decode()
        self.assertIn("Settings path: none (lint's defaults)", out)
        self.assertIn("typing-modules = []\n", out)
        self.assertIn("\nF401 unused-import\n", out)

    def test_show_files(self):
        for rel in ("a.py", "b.pyi", "c.txt", "sub/d.py", ".venv/e.py", "skip/f.py"):
            self.write(rel, "")
        self.write("lint.toml", 'extend-exclude = ["skip"]\n')
        proc = run("--show-files", ".", cwd=self.dir)
        self.assertEqual(proc.returncode, 0)
        self.assertEqual(proc.stdout.decode().splitlines(), [str(self.dir / p) for p in ("a.py", "b.pyi", "sub/d.py")])

    def test_statistics(self):
        self.write("a.py", "import os\nimport sys\nl = 1\nif x == None: pass\n")
        self.write("b.py", "import re\n")
        self.write("lint.toml", 'select = ["E4", "E7", "E9", "F"]\n')
        proc = run("--statistics", ".", cwd=self.dir)
        self.assertEqual(proc.returncode, 1)
        self.assertEqual(proc.stdout.decode(),
                         "3\tF401\t[*] unused-import\n1\tE701\t[ ] multiple-statements-on-one-line-colon\n"
                         "1\tE711\t[ ] none-comparison\n1\tE741\t[ ] ambiguous-variable-name\n"
                         "1\tF821\t[ ] undefined-name\nFound 7 errors.\n"
                         "[*] 3 fixable with `--fix` (1 unsafe fix available with `--fix --unsafe-fixes`).\n")
        proc = run("--statistics", "--output-format", "json", ".", cwd=self.dir)
        stats = json.loads(proc.stdout)
        self.assertEqual(stats[0], {"code": "F401", "name": "unused-import", "count": 3, "fixable": True, "fixable_count": 3})
        self.assertEqual([s["code"] for s in stats], ["F401", "E701", "E711", "E741", "F821"])
        self.assertEqual(run("--statistics", "-q", ".", cwd=self.dir).stdout.decode().splitlines()[-1], "1\tF821\t[ ] undefined-name")
        self.write("a.py", "x = 1\n")
        self.write("b.py", "def f(:\n")
        self.assertEqual(run("--statistics", ".", cwd=self.dir).stdout.decode(), "1\t\tinvalid-syntax\nFound 1 error.\n")
        (self.dir / "b.py").unlink()
        proc = run("--statistics", ".", cwd=self.dir)
        self.assertEqual((proc.returncode, proc.stdout), (0, b""))

    def test_rule(self):
        proc = run("rule", "E711")
        self.assertEqual(proc.returncode, 0)
        out = proc.stdout.decode()
        self.assertTrue(out.startswith("# none-comparison (E711)\n\nDerived from the **pycodestyle** linter.\n"))
        self.assertIn("## What it does", out)
        self.assertEqual(run("rule", "none-comparison").stdout, proc.stdout)
        doc = json.loads(run("rule", "--output-format", "json", "F821").stdout)
        self.assertEqual((doc["code"], doc["name"], doc["origin"], doc["default"]), ("F821", "undefined-name", "native", True))
        self.assertEqual(doc["options"][0]["name"], "builtins")
        self.assertIn("## Options", run("rule", "F821").stdout.decode())
        proc = run("rule", "E7111")
        self.assertEqual(proc.returncode, 2)
        self.assertIn(b"did you mean `E711`?", proc.stderr)
        self.assertIn("Defined by a Python rule", run("rule", "T201").stdout.decode())

    def test_rules(self):
        proc = run("rules")
        self.assertEqual(proc.returncode, 0)
        lines = proc.stdout.decode().splitlines()
        self.assertEqual(lines[0].split(), ["code", "name", "linter", "origin", "fix", "default"])
        rows = {line.split()[0]: line.split() for line in lines[1:]}
        self.assertEqual(rows["F541"], ["F541", "f-string-missing-placeholders", "pyflakes", "native", "yes", "yes"])
        self.assertEqual(rows["E902"], ["E902", "io-error", "pycodestyle", "native", "no", "yes"])
        self.assertEqual(rows["T201"][3], "python")
        rules = json.loads(run("rules", "--output-format", "json").stdout)
        self.assertEqual(len(rules), len(lines) - 1)
        f541 = next(r for r in rules if r["code"] == "F541")
        self.assertEqual(f541, {"code": "F541", "name": "f-string-missing-placeholders", "linter": "pyflakes",
                                "origin": "native", "fixable": True, "fix_availability": "Always", "default": True})
        e902 = next(r for r in rules if r["code"] == "E902")
        self.assertEqual((e902["fixable"], e902["fix_availability"]), (False, "None"))

    def test_help_describes_every_option(self):
        out = run("--help").stdout.decode()
        for option in ("--config", "--isolated", "--show-settings", "--show-files", "--statistics", "--target-version",
                       "--line-length", "--exclude", "--extend-exclude", "--respect-gitignore", "lint rule", "lint rules"):
            self.assertIn(option, out)


if __name__ == "__main__":
    unittest.main()
