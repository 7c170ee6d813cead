"""End-to-end tests of the built `lint` binary: exit codes, output formats, discovery, bad input."""
import json
import os
import pty
import shutil
import subprocess
import tempfile
import unittest
from pathlib import Path

from lint_e2e import LINT, run
SOURCE_DIR = Path(os.environ.get("LINT_SOURCE_DIR") or Path(__file__).resolve().parents[2])

JSON_FIELDS = {"cell", "code", "end_location", "filename", "fix", "location", "message", "name", "noqa_row",
               "severity", "url"}



class Workspace(unittest.TestCase):
    def setUp(self):
        self.dir = Path(tempfile.mkdtemp(prefix="lint-e2e-"))
        os.chmod(self.dir, 0o755)

    def tearDown(self):
        for p in self.dir.rglob("*"):
            try:
                if not p.is_symlink():
                    os.chmod(p, 0o755 if p.is_dir() else 0o644)
            except OSError:
                pass
        shutil.rmtree(self.dir, ignore_errors=True)

    def write(self, rel, content):
        p = self.dir / rel
        p.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, str):
            content = content.encode()
        p.write_bytes(content)
        return p

    def lint_json(self, *args, **kw):
        proc = run("--output-format", "json", *args, cwd=kw.pop("cwd", self.dir), **kw)
        self.assertIn(proc.returncode, (0, 1), proc.stderr.decode())
        return proc, json.loads(proc.stdout)

    def linted_files(self, *args):
        _, diags = self.lint_json("--select", "E711", *args)
        return sorted(os.path.relpath(d["filename"], self.dir) for d in diags)


class ExitCodes(Workspace):
    def test_clean_is_zero_and_says_so(self):
        self.write("ok.py", "x = 1\n")
        proc = run(".", cwd=self.dir)
        self.assertEqual(proc.returncode, 0)
        self.assertEqual(proc.stdout.decode(), "All checks passed!\n")

    def test_diagnostics_is_one(self):
        self.write("bad.py", "if x == None:\n    pass\n")
        self.assertEqual(run(".", cwd=self.dir).returncode, 1)

    def test_exit_zero(self):
        self.write("bad.py", "if x == None:\n    pass\n")
        proc = run("--exit-zero", ".", cwd=self.dir)
        self.assertEqual(proc.returncode, 0)
        self.assertIn(b"F821", proc.stdout)

    def test_syntax_error_is_one(self):
        self.write("syn.py", "def f(:\n    pass\n")
        self.assertEqual(run(".", cwd=self.dir).returncode, 1)

    def test_usage_errors_are_two(self):
        self.assertEqual(run("--no-such-option").returncode, 2)
        self.assertEqual(run("--output-format", "xml", ".").returncode, 2)
        self.assertEqual(run("--threads", "zero", ".").returncode, 2)
        self.assertEqual(run("--select").returncode, 2)

    def test_unknown_code_names_the_closest(self):
        proc = run("--select", "E7111", ".", cwd=self.dir)
        self.assertEqual(proc.returncode, 2)
        self.assertIn(b"E7111", proc.stderr)
        self.assertIn(b"E711", proc.stderr.replace(b"E7111", b""))
        proc = run("--ignore", "none-comparisn", ".", cwd=self.dir)
        self.assertEqual(proc.returncode, 2)
        self.assertIn(b"none-comparison", proc.stderr)

    def test_help_and_version(self):
        proc = run("--help")
        self.assertEqual(proc.returncode, 0)
        for option in (b"--select", b"--extend-select", b"--ignore", b"--output-format", b"--threads",
                       b"--exit-zero", b"--stdin-filename", b"--no-respect-gitignore", b"--version"):
            self.assertIn(option, proc.stdout)
        proc = run("--version")
        self.assertEqual(proc.returncode, 0)
        self.assertRegex(proc.stdout.decode(), r"^lint \d+\.\d+\.\d+\n$")


class SameStart(Workspace):
    def test_diagnostics_at_one_place_come_in_ruffs_order(self):
        # Ruff orders by start alone, keeping the order its checkers produced them in: T100 (the
        # syntax tree) before I001 (imports), UP020 before SIM115 (one call, analysed in that order).
        self.write("a.py", 'import pdb, io\npdb.set_trace()\nf = io.open("x")\n')
        proc = run("--select", "T100,I001,UP020,SIM115", "--output-format", "concise", "a.py", cwd=self.dir)
        self.assertEqual([line.split(" ")[1] for line in proc.stdout.decode().splitlines()[:-2]],
                         ["T100", "I001", "T100", "UP020", "SIM115"])


class Selection(Workspace):
    def setUp(self):
        super().setUp()
        self.write("a.py", "import os, sys\nx = 1\nif x == None: pass\ns = '\\d'\nprint(os, sys, s)\n")

    def codes(self, *args):
        _, diags = self.lint_json(*args, "a.py")
        return sorted({d["code"] for d in diags})

    def test_default_set_is_ruffs(self):
        # Ruff 0.17.3's defaults: isort and W605, not E401, E701 or E711.
        self.assertEqual(self.codes(), ["I001", "W605"])

    def test_select_prefix_name_and_all(self):
        self.assertEqual(self.codes("--select", "E7"), ["E701", "E711"])
        self.assertEqual(self.codes("--select", "none-comparison"), ["E711"])
        # ALL includes the shipped Python rules (T201 `print`), and isort's I001 (`import os, sys`
        # is written as two statements).
        self.assertEqual(self.codes("--select", "ALL"), ["E401", "E701", "E711", "I001", "T201", "W605"])

    def test_extend_select_and_ignore(self):
        self.assertEqual(self.codes("--extend-select", "E7"), ["E701", "E711", "I001", "W605"])
        self.assertEqual(self.codes("--ignore", "W605"), ["I001"])
        self.assertEqual(self.codes("--select", "E", "--ignore", "E7"), ["E401"])
        # The more specific selector wins, as in Ruff.
        self.assertEqual(self.codes("--select", "E711", "--ignore", "E7"), ["E711"])
        self.assertEqual(self.codes("--select", "E7", "--ignore", "E711"), ["E701"])
        self.assertEqual(self.codes("--select", "E401,E711"), ["E401", "E711"])


class Formats(Workspace):
    def setUp(self):
        super().setUp()
        self.path = self.write("pkg/mod.py", "import os\nif  x == None: pass\n")

    def test_json_fields(self):
        proc, diags = self.lint_json("--select", "E711", "pkg")
        self.assertEqual(len(diags), 1)
        d = diags[0]
        self.assertEqual(set(d), JSON_FIELDS)
        self.assertEqual(d["code"], "E711")
        self.assertEqual(d["name"], "none-comparison")
        self.assertEqual(d["message"], "Comparison to `None` should be `cond is None`")
        self.assertEqual(d["filename"], str(self.path))
        self.assertTrue(os.path.isabs(d["filename"]))
        self.assertEqual(d["location"], {"row": 2, "column": 10})
        self.assertEqual(d["end_location"], {"row": 2, "column": 14})
        self.assertEqual(d["fix"], {
            "applicability": "unsafe",
            "edits": [{"content": "x is None", "end_location": {"row": 2, "column": 14},
                       "location": {"row": 2, "column": 5}}],
            "message": "Replace with `cond is None`"})
        self.assertIsNone(d["cell"])
        self.assertEqual(d["noqa_row"], 2)
        self.assertEqual(d["severity"], "error")
        self.assertEqual(d["url"], "https://docs.astral.sh/ruff/rules/none-comparison")

    def test_json_empty_is_an_empty_array(self):
        proc = run("--output-format", "json", "--select", "E711", "-", cwd=self.dir, input=b"x = 1\n")
        self.assertEqual(json.loads(proc.stdout), [])

    def test_json_lines(self):
        self.write("pkg/other.py", "y != None\n")
        proc = run("--output-format", "json-lines", "--select", "E711", "pkg", cwd=self.dir)
        lines = proc.stdout.decode().splitlines()
        self.assertEqual(len(lines), 2)
        self.assertEqual([json.loads(l)["filename"] for l in lines], [str(self.path), str(self.dir / "pkg/other.py")])

    def test_concise(self):
        proc = run("--output-format", "concise", "--select", "E711", "pkg", cwd=self.dir)
        self.assertEqual(proc.stdout.decode(),
                         "pkg/mod.py:2:10: E711 Comparison to `None` should be `cond is None`\nFound 1 error.\n"
                         "1 unsafe fix available with `--fix --unsafe-fixes`.\n")

    def test_full(self):
        proc = run("--select", "E711", "pkg", cwd=self.dir)
        self.assertEqual(proc.stdout.decode(), "\n".join([
            "E711 Comparison to `None` should be `cond is None`",
            " --> pkg/mod.py:2:10",
            "  |",
            "1 | import os",
            "2 | if  x == None: pass",
            "  |          ^^^^",
            "help: Replace with `cond is None`",
            "  |",
            "1 | import os",
            "  - if  x == None: pass",
            "2 + if  x is None: pass",
            "  |",
            "note: This is an unsafe fix and may change runtime behavior",
            "",
            "Found 1 error.",
            "1 unsafe fix available with `--fix --unsafe-fixes`.",
            ""]))

    def test_full_multiline_range(self):
        self.write("m.py", "f = (lambda x:\n     x + 1)\n")
        proc = run("--select", "E731", "m.py", cwd=self.dir)
        out = proc.stdout.decode()
        self.assertIn("1 | / f = (lambda x:\n2 | |      x + 1)\n  | |___________^\n", out)

    def test_colour_only_on_a_terminal_and_never_with_no_color(self):
        plain = run("--select", "E711", "pkg", cwd=self.dir)
        self.assertNotIn(b"\x1b[", plain.stdout)
        forced = run("--select", "E711", "pkg", cwd=self.dir, env={"FORCE_COLOR": "1"})
        self.assertIn(b"\x1b[", forced.stdout)
        self.assertEqual(forced.returncode, 1)
        for env, coloured in (({}, True), ({"NO_COLOR": "1"}, False)):
            out = self.run_on_terminal(["--select", "E711", "pkg"], env)
            self.assertEqual(b"\x1b[" in out, coloured, out)

    def run_on_terminal(self, args, env):
        master, slave = pty.openpty()
        full_env = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "FORCE_COLOR")}
        full_env.update(env)
        proc = subprocess.Popen([LINT, *args], cwd=self.dir, stdout=slave, stderr=slave, env=full_env)
        os.close(slave)
        chunks = []
        while True:
            try:
                data = os.read(master, 65536)
            except OSError:
                break
            if not data:
                break
            chunks.append(data)
        proc.wait(timeout=30)
        os.close(master)
        return b"".join(chunks)

    def test_syntax_error_format(self):
        self.write("syn.py", "x = (1,\ny = 2\n")
        proc, diags = self.lint_json("syn.py")
        self.assertEqual(len(diags), 1)
        self.assertEqual((diags[0]["code"], diags[0]["name"]), ("invalid-syntax", "invalid-syntax"))  # as Ruff 0.17.3
        self.assertIsNone(diags[0]["noqa_row"])
        self.assertIsNone(diags[0]["url"])
        text = run("syn.py", cwd=self.dir).stdout.decode()
        self.assertTrue(text.startswith("invalid-syntax: "), text)

    def test_columns_count_characters(self):
        self.write("u.py", "s = f('héllo') == None\n")
        _, diags = self.lint_json("--select", "E711", "u.py")
        self.assertEqual(diags[0]["location"], {"row": 1, "column": 19})

    def test_bom_and_line_endings(self):
        self.write("bom.py", b"\xef\xbb\xbfif x == None: pass\n")
        self.write("crlf.py", b"a = 1\r\nif x == None: pass\r\n")
        self.write("cr.py", b"a = 1\rb = 2\rif x == None: pass\r")
        _, diags = self.lint_json("--select", "E711", "bom.py", "crlf.py", "cr.py")
        got = {os.path.basename(d["filename"]): (d["location"]["row"], d["location"]["column"]) for d in diags}
        self.assertEqual(got, {"bom.py": (1, 9), "crlf.py": (2, 9), "cr.py": (3, 9)})


class Determinism(unittest.TestCase):
    def test_threads_do_not_change_the_output(self):
        fixtures = str(SOURCE_DIR / "fixtures")
        outs = [run("--select", "ALL", "--threads", str(n), fixtures).stdout for n in (1, 2, 4)]
        self.assertTrue(outs[0])
        self.assertEqual(outs[0], outs[1])
        self.assertEqual(outs[0], outs[2])


class Stdin(Workspace):
    def test_dash_reads_stdin(self):
        proc = run("--output-format", "json", "--select", "E711", "-", input=b"x == None\n", cwd=self.dir)
        diags = json.loads(proc.stdout)
        self.assertEqual(proc.returncode, 1)
        self.assertEqual(diags[0]["filename"], "-")
        self.assertEqual(diags[0]["location"], {"row": 1, "column": 6})

    def test_stdin_filename(self):
        proc = run("--output-format", "concise", "--select", "E711", "--stdin-filename", "pkg/x.py", "-",
                   input=b"x == None\n", cwd=self.dir)
        self.assertTrue(proc.stdout.decode().startswith("pkg/x.py:1:6: E711 "))
        proc = run("--output-format", "json", "--stdin-filename", "pkg/x.py", "-", input=b"x == None\n",
                   cwd=self.dir)
        self.assertEqual(json.loads(proc.stdout)[0]["filename"], str(self.dir / "pkg/x.py"))


class Discovery(Workspace):
    def test_finds_py_and_pyi_recursively_and_skips_default_excludes(self):
        bad = "x == None\n"
        self.write("a.py", bad)
        self.write("sub/b.pyi", bad)
        self.write("sub/c.txt", bad)
        self.write("sub/deeper/d.py", bad)
        for excluded in (".git", ".hg", ".svn", ".venv", "venv", "__pycache__", ".tox", ".nox", ".mypy_cache",
                         ".pytest_cache", ".ruff_cache", "build", "dist", "node_modules", "site-packages"):
            self.write(f"{excluded}/e.py", bad)
            self.write(f"sub/{excluded}/e.py", bad)
        self.assertEqual(self.linted_files("."), ["a.py", "sub/b.pyi", "sub/deeper/d.py"])

    def test_explicit_files_are_always_linted(self):
        self.write("build/e.py", "x == None\n")
        self.write("script", "x == None\n")
        self.assertEqual(self.linted_files("build/e.py", "script"), ["build/e.py", "script"])

    def test_default_path_is_the_current_directory(self):
        self.write("a.py", "x == None\n")
        proc = run("--output-format", "concise", "--select", "E711", cwd=self.dir)
        self.assertTrue(proc.stdout.startswith(b"a.py:1:6:"), proc.stdout)

    def test_a_directory_named_like_a_python_file_is_searched(self):
        self.write("pkg.py/inner.py", "x == None\n")
        self.assertEqual(self.linted_files("."), ["pkg.py/inner.py"])


@unittest.skipUnless(shutil.which("git"), "git is needed to make repositories")
class GitIgnore(Workspace):
    def git(self, *args):
        subprocess.run(["git", *args], cwd=self.dir, check=True, capture_output=True)

    def test_gitignore_rules(self):
        self.git("init", "-q")
        bad = "x == None\n"
        self.write(".gitignore", "ignored.py\ngen/\n*.pyi\n!keep.pyi\n")
        self.write("ignored.py", bad)
        self.write("kept.py", bad)
        self.write("gen/g.py", bad)
        self.write("stub.pyi", bad)
        self.write("keep.pyi", bad)
        self.write("sub/.gitignore", "local.py\n")
        self.write("sub/local.py", bad)
        self.write("sub/other.py", bad)
        self.write("excluded_by_info.py", bad)
        (self.dir / ".git/info").mkdir(parents=True, exist_ok=True)
        (self.dir / ".git/info/exclude").write_text("excluded_by_info.py\n")
        self.assertEqual(self.linted_files("."), ["keep.pyi", "kept.py", "sub/other.py"])
        # Named explicitly, an ignored file is linted.
        self.assertEqual(self.linted_files("ignored.py"), ["ignored.py"])
        # And the whole thing can be turned off.
        self.assertEqual(len(self.linted_files("--no-respect-gitignore", ".")), 8)

    def test_a_directory_named_explicitly_is_searched_even_if_ignored(self):
        # As Ruff: naming an ignored folder lints it. Unlike Ruff, the .gitignore rules below it
        # are not applied: libgit2 judges a path with its parents, and a parent here is ignored.
        self.git("init", "-q")
        self.write(".gitignore", "vendor/\nskip.py\n")
        self.write("vendor/lib.py", "x == None\n")
        self.write("vendor/skip.py", "x == None\n")
        self.write("vendor/.gitignore", "local.py\n")
        self.write("vendor/local.py", "x == None\n")
        self.assertEqual(self.linted_files("."), [])
        self.assertEqual(self.linted_files("vendor"), ["vendor/lib.py", "vendor/local.py", "vendor/skip.py"])

    def test_gitignore_outside_a_repository_is_not_used(self):
        # As git and Ruff: a .gitignore only means something inside a work tree.
        self.write(".gitignore", "a.py\n")
        self.write("a.py", "x == None\n")
        self.assertEqual(self.linted_files("."), ["a.py"])


class BadInput(Workspace):
    def test_not_utf8_is_e902_and_others_still_linted(self):
        self.write("latin.py", b"# -*- coding: latin-1 -*-\ns = 'caf\xe9'\n")
        self.write("good.py", "x == None\n")
        proc, diags = self.lint_json("--select", "E711,E902", ".")
        self.assertEqual(proc.returncode, 1)
        by_file = {os.path.basename(d["filename"]): d for d in diags}
        self.assertEqual(by_file["latin.py"]["code"], "E902")
        self.assertEqual(by_file["latin.py"]["message"], "stream did not contain valid UTF-8")
        self.assertEqual(by_file["latin.py"]["location"], {"row": 1, "column": 1})
        self.assertEqual(by_file["good.py"]["code"], "E711")

    def test_unselected_e902_is_a_warning(self):
        self.write("latin.py", b"s = 'caf\xe9'\n")
        proc = run("--select", "E711", "latin.py", cwd=self.dir)
        self.assertEqual(proc.returncode, 0)
        self.assertIn(b"latin.py: stream did not contain valid UTF-8", proc.stderr)

    def test_missing_file(self):
        _, diags = self.lint_json("--select", "E902", "nothere.py")
        self.assertEqual(diags[0]["code"], "E902")
        self.assertEqual(diags[0]["message"], "No such file or directory (os error 2)")

    def test_fifo_and_dangling_symlink_do_not_hang(self):
        os.mkfifo(self.dir / "pipe.py")
        os.symlink(self.dir / "gone", self.dir / "dangling.py")
        self.write("good.py", "x == None\n")
        proc, diags = self.lint_json("--select", "E711,E902", ".", timeout=20)
        got = {os.path.basename(d["filename"]): d["message"] for d in diags}
        self.assertEqual(got["pipe.py"], "Not a regular file")
        self.assertEqual(got["dangling.py"], "No such file or directory (os error 2)")
        self.assertIn("good.py", got)

    def test_unreadable_file(self):
        target = self.write("secret.py", "x == None\n")
        self.write("good.py", "x == None\n")
        os.chmod(target, 0)
        args = ["--output-format", "json", "--select", "E711,E902", "."]
        if os.geteuid() == 0:
            # root reads anything: run as an unprivileged user to get a real permission error.
            if not shutil.which("setpriv"):
                self.skipTest("setpriv is needed to drop root")
            proc = subprocess.run(["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", LINT, *args],
                                  cwd=self.dir, capture_output=True, timeout=60)
        else:
            proc = run(*args, cwd=self.dir)
        diags = json.loads(proc.stdout)
        got = {os.path.basename(d["filename"]): d for d in diags}
        self.assertEqual(got["secret.py"]["code"], "E902")
        self.assertEqual(got["secret.py"]["message"], "Permission denied (os error 13)")
        self.assertEqual(got["good.py"]["code"], "E711")

    def test_python2_print_is_a_syntax_error(self):
        self.write("py2.py", 'x = 1\nprint "hello"\n')
        _, diags = self.lint_json("py2.py")
        self.assertEqual([(d["code"], d["location"]["row"], d["location"]["column"], d["message"]) for d in diags],
                         [("invalid-syntax", 2, 7, "Simple statements must be separated by newlines or semicolons")])

    def test_error_recovery_causes_no_false_positives(self):
        # The broken statement must yield only the syntax error.
        self.write("broken.py", "if x == None:\n    y = (1 +\n")
        _, diags = self.lint_json("--select", "E7", "broken.py")
        self.assertEqual([d["code"] for d in diags], ["invalid-syntax"])


class DeepNesting(Workspace):
    def check_no_crash(self, name, text):
        self.write(name, text)
        proc = run("--output-format", "json", "--select", "ALL", name, cwd=self.dir, timeout=120)
        self.assertIn(proc.returncode, (0, 1), proc.stderr.decode()[-2000:])
        json.loads(proc.stdout)

    def test_brackets(self):
        n = 100_000
        self.check_no_crash("brackets.py", "x = " + "(" * n + "1" + ")" * n + "\n")
        self.check_no_crash("lists.py", "x = " + "[" * n + "]" * n + "\n")

    def test_binary_operators(self):
        self.check_no_crash("ops.py", "x = " + " + ".join(["a"] * 100_000) + "\n")
        self.check_no_crash("nots.py", "x = " + "not " * 100_000 + "y == None\n")

    def test_unclosed(self):
        self.check_no_crash("open.py", "x = " + "(" * 100_000 + "\n")


if __name__ == "__main__":
    unittest.main()
