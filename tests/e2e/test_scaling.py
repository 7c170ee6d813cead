"""End-to-end tests of inputs that used to take quadratic time: each is sized so that a linear
lint takes a second or two (a sanitizer build ten times that) and the quadratic one took minutes,
and must finish within two minutes with the right diagnostics. How time grows with size is measured
by bench/scaling (1x, 4x, 16x), not here."""
import json
import shutil
import tempfile
import unittest
from pathlib import Path

import lint_e2e

TIMEOUT = 120


def run(*args, **kw):
    return lint_e2e.run("--isolated", "--no-cache", "--output-format", "json", *args, timeout=TIMEOUT, **kw)


class Scaling(unittest.TestCase):
    def setUp(self):
        self.dir = Path(tempfile.mkdtemp(prefix="lint-e2e-scaling-"))

    def tearDown(self):
        shutil.rmtree(self.dir, ignore_errors=True)

    def lint(self, text, select):
        (self.dir / "a.py").write_text(text)
        proc = run("--select", select, "a.py", cwd=self.dir)
        self.assertIn(proc.returncode, (0, 1), proc.stderr.decode()[-2000:])
        return json.loads(proc.stdout)

    def test_string_annotations(self):
        # 16,000 functions: each annotation was parsed again after padding to its offset (> 400 s).
        lines = ["class Foo: ..."] + [f'def f{i}(x: "Foo") -> "Bar":\n    return x' for i in range(16_000)]
        diags = self.lint("\n".join(lines) + "\n", "F821,F722")
        self.assertEqual(len(diags), 16_000)
        self.assertEqual({d["message"] for d in diags}, {"Undefined name `Bar`"})

    def test_full_format_many_diagnostics_on_one_long_line(self):
        # 20,000 undefined names on one 80 KB line (a fuzzing recipe): each diagnostic's snippet
        # rebuilt the line's display text and split it into cells (51 s at 30,000 names); now
        # each line is made once per file.
        n = 20_000
        (self.dir / "a.py").write_text("x = " + "a[" * n + "0" + "]" * n + "\n")
        proc = lint_e2e.run("--isolated", "--no-cache", "--select", "F821", "--output-format", "full", "a.py",
                            cwd=self.dir, timeout=TIMEOUT)
        self.assertEqual(proc.returncode, 1, proc.stderr.decode()[-2000:])
        out = proc.stdout.decode()
        self.assertEqual(out.count("F821 Undefined name `a`"), n)
        # Every snippet fits the line into 140 columns, cut with `…` at the left (but near the
        # line's start: the first 63 names) and at the right, as Ruff 0.17.3 shows it.
        code_lines = [line for line in out.splitlines() if line.startswith("1 | ")]
        self.assertEqual(len(code_lines), n)
        self.assertTrue(all(len(line) <= 140 and line.endswith("…") for line in code_lines))
        self.assertEqual(sum(not line.startswith("1 | …") for line in code_lines), 63)

    def test_noqa_listing_many_codes(self):
        # One directive of 400,000 codes: each was searched for among those before it (> 800 s).
        codes = ",".join(f"E{1000 + i}" for i in range(400_000))
        diags = self.lint(f"import os  # noqa: F401,E711,{codes},E711\n", "RUF100,F401,E711")
        self.assertEqual([d["code"] for d in diags], ["RUF100"])
        # The unknown codes are RUF102's business; E711 suppressed nothing, and is listed twice.
        self.assertEqual(diags[0]["message"], "Unused `noqa` directive (unused: `E711`; duplicated: `E711`)")

    def test_percent_format_placeholders(self):
        # 128,000 named placeholders, a dict of 128,000 keys: one missing, one extra (> 400 s).
        n = 128_000
        fmt = "".join(f"%(a{i})s" for i in range(n))
        keys = ", ".join(f'"a{i}": {i}' for i in range(1, n + 1))
        diags = self.lint(f'x = "{fmt}" % {{{keys}}}\n', "F50")
        self.assertEqual(sorted((d["code"], d["message"]) for d in diags), [
            ("F504", f"`%`-format string has unused named argument(s): a{n}"),
            ("F505", "`%`-format string is missing argument(s) for placeholder(s): a0"),
        ])

    def test_format_call_placeholders(self):
        # 200,000 named fields, 200,000 keyword arguments: one missing, one extra (> 300 s).
        n = 200_000
        fmt = "".join("{a%d}" % i for i in range(n))
        kwargs = ", ".join(f"a{i}={i}" for i in range(1, n + 1))
        diags = self.lint(f'x = "{fmt}".format({kwargs})\n', "F52")
        self.assertEqual(sorted((d["code"], d["message"]) for d in diags), [
            ("F522", f"`.format` call has unused named argument(s): a{n}"),
            ("F524", "`.format` call is missing argument(s) for placeholder(s): a0"),
        ])

    def notebook(self, cells):
        (self.dir / "nb.ipynb").write_text(json.dumps({
            "cells": [{"cell_type": "code", "metadata": {}, "outputs": [], "execution_count": None, "source": c}
                      for c in cells],
            "metadata": {"language_info": {"name": "python"}}, "nbformat": 4, "nbformat_minor": 5}))

    def test_notebook_of_many_cells(self):
        # 60,000 cells, 30,000 diagnostics each naming or looking up their cell: every lookup
        # searched the cells from the first (bench/scaling notebook-cells measures the growth).
        n = 30_000
        self.notebook(["import os\nx = 1;"] * n + ["1"] * n)
        proc = run("--select", "F811,E703", "nb.ipynb", cwd=self.dir)
        self.assertEqual(proc.returncode, 1, proc.stderr.decode()[-2000:])
        diags = json.loads(proc.stdout)
        # E703 spares a semicolon that ends its cell (it hides the output); F811 names the cell.
        self.assertEqual([d["code"] for d in diags], ["F811"] * (n - 1))
        self.assertEqual(diags[-1]["cell"], n)
        self.assertEqual(diags[-1]["message"], f"Redefinition of unused `os` from cell {n - 1}, line 1: `os` redefined here")

    def test_notebook_fix_in_every_cell(self):
        # F541 fixes each of 40,000 cells; each cell's offset was moved past every edit before it.
        n = 40_000
        self.notebook(['x = f"a"\ny = 1'] * n)
        proc = run("--select", "F541", "--fix", "nb.ipynb", cwd=self.dir)
        self.assertEqual(proc.returncode, 0, proc.stderr.decode()[-2000:])
        fixed = json.loads((self.dir / "nb.ipynb").read_text())
        self.assertEqual({"".join(c["source"]) for c in fixed["cells"]}, {'x = "a"\ny = 1'})
        self.assertEqual(len(fixed["cells"]), n)


if __name__ == "__main__":
    unittest.main()
