"""Jupyter notebooks, linted cell by cell as Ruff lints them: the same diagnostics (cell, row within
the cell, column) as Ruff 0.17.3 on a notebook with markdown, magics, shell escapes and a
non-Python cell magic; fixes written back into the cells' sources and nowhere else."""
import json
import os
import shutil
import subprocess
import tempfile
import unittest
from pathlib import Path

from lint_e2e import run
from test_formats import ruff

CELLS = [
    {"cell_type": "markdown", "metadata": {}, "source": ["# Title\n", "text"]},
    {"cell_type": "code", "execution_count": 1, "metadata": {}, "outputs": [],
     "source": ["%matplotlib inline\n", "import os\n", "import sys\n", "x = 1;"]},
    {"cell_type": "code", "execution_count": 2, "metadata": {},
     "outputs": [{"output_type": "stream", "name": "stdout", "text": ["hi\n"]}],
     "source": ["!pip install foo\n", "files = !ls\n", "import json\n", "print(files);\n", "display(x)\n", "os?"]},
    {"cell_type": "code", "execution_count": 3, "metadata": {}, "outputs": [], "source": "%%bash\necho hi\nimport nothing"},
    {"cell_type": "code", "execution_count": 4, "metadata": {}, "outputs": [],
     "source": ["%%time\n", "import re\n", "y = f'plain'\n", "await something()\n", "if x == None:\n", "    pass"]},
    {"cell_type": "code", "execution_count": 5, "metadata": {}, "outputs": [], "source": []},
    {"cell_type": "code", "execution_count": 6, "metadata": {}, "outputs": [],
     "source": ["def f():\n", "    import os\n", "    l = 1\n", "    return undefined_thing"]},
    {"cell_type": "code", "execution_count": 7, "metadata": {"vscode": {"languageId": "sql"}}, "outputs": [],
     "source": ["select * from t"]},
]
NOTEBOOK = {"cells": CELLS, "metadata": {"kernelspec": {"name": "python3", "language": "python"}}, "nbformat": 4,
            "nbformat_minor": 4}
SELECT = "E,F,W"


class Notebooks(unittest.TestCase):
    def setUp(self):
        self.dir = Path(tempfile.mkdtemp())
        self.path = self.dir / "t.ipynb"
        self.path.write_text(json.dumps(NOTEBOOK, indent=1) + "\n")

    def tearDown(self):
        shutil.rmtree(self.dir)

    def lint_json(self, *args, path="t.ipynb"):
        proc = run("--isolated", "--no-cache", "--select", SELECT, "--output-format", "json", *args, path, cwd=self.dir)
        self.assertIn(proc.returncode, (0, 1), proc.stderr.decode())
        return json.loads(proc.stdout)

    def test_found_as_ruff_finds_it(self):
        ours = sorted((d["code"], d["cell"], d["location"]["row"], d["location"]["column"], d["message"])
                      for d in self.lint_json())
        self.assertIn(("E402", 3, 3, 1, "Module level import not at top of cell"), ours)
        self.assertIn(("F811", 7, 2, 12, "Redefinition of unused `os` from cell 2, line 2: `os` redefined here"), ours)
        codes = {d[0] for d in ours}
        self.assertNotIn("F704", codes)           # `await` at a cell's top level
        self.assertFalse(any(d[0] == "E703" and d[1] == 2 for d in ours))  # `x = 1;` ends its cell
        self.assertFalse(any(d[1] == 4 for d in ours))  # the %%bash cell is not Python
        self.assertFalse(any(d[1] == 8 for d in ours))  # nor the SQL one
        binary = ruff()
        if binary is None:
            self.skipTest("ruff 0.17.3 is not installed (scripts/test installs it into build/test-venv)")
        proc = subprocess.run([binary, "check", "--isolated", "--no-cache", "--select", SELECT, "--output-format", "json",
                               "t.ipynb"], cwd=self.dir, capture_output=True)
        theirs = sorted((d["code"], d["cell"], d["location"]["row"], d["location"]["column"], d["message"])
                        for d in json.loads(proc.stdout))
        self.assertEqual(ours, theirs)

    def test_a_cells_last_expression_is_its_output(self):
        # B015 (a Python rule, through lint.Rule.notebook_cell) and E703 let a cell's last top-level
        # statement be; anything before it, or nested in a block, is reported. F402 names the cell.
        cells = ["import os", "x == 1", "x == 1  # reported\nx == 1", "if True:\n    x == 1\n    x;",
                 "x == 1;  # output hidden\n\n# trailing comment", "x == 1; x == 1", "for os in []:\n    pass"]
        nb = dict(NOTEBOOK, cells=[{"cell_type": "code", "execution_count": i, "metadata": {}, "outputs": [],
                                    "source": c} for i, c in enumerate(cells)])
        (self.dir / "c.ipynb").write_text(json.dumps(nb))
        proc = run("--isolated", "--no-cache", "--select", "B015,E703,F402", "--output-format", "json", "c.ipynb",
                   cwd=self.dir)
        ours = sorted((d["code"], d["cell"], d["location"]["row"], d["location"]["column"], d["message"])
                      for d in json.loads(proc.stdout))
        self.assertEqual([d[:4] for d in ours], [("B015", 3, 1, 1), ("B015", 4, 2, 5), ("B015", 6, 1, 1),
                                                 ("E703", 4, 3, 6), ("F402", 7, 1, 5)])
        self.assertEqual(ours[-1][4], "Import `os` from cell 1, line 1 shadowed by loop variable")
        binary = ruff()
        if binary is None:
            self.skipTest("ruff 0.17.3 is not installed (scripts/test installs it into build/test-venv)")
        proc = subprocess.run([binary, "check", "--isolated", "--no-cache", "--select", "B015,E703,F402",
                               "--output-format", "json", "c.ipynb"], cwd=self.dir, capture_output=True)
        theirs = sorted((d["code"], d["cell"], d["location"]["row"], d["location"]["column"], d["message"])
                        for d in json.loads(proc.stdout))
        self.assertEqual(ours, theirs)

    def test_text_output_names_cells(self):
        proc = run("--isolated", "--no-cache", "--select", "E402", "--output-format", "concise", "t.ipynb", cwd=self.dir)
        self.assertEqual(proc.stdout.decode().splitlines()[0],
                         "t.ipynb:cell 3:3:1: E402 Module level import not at top of cell")
        full = run("--isolated", "--no-cache", "--select", "E703", "t.ipynb", cwd=self.dir).stdout.decode()
        self.assertIn(" --> t.ipynb:cell 3:4:13", full)
        # The snippet shows the cell as written, escape commands included, rows counted in the cell.
        self.assertIn("2 | files = !ls", full)
        self.assertIn("6 | os?", full)

    def test_fixes_touch_only_the_sources(self):
        before = self.path.read_text()
        proc = run("--isolated", "--no-cache", "--select", "F541", "--fix", "t.ipynb", cwd=self.dir)
        self.assertEqual(proc.returncode, 0, proc.stderr)
        after = self.path.read_text()
        changed = [(a, b) for a, b in zip(before.splitlines(), after.splitlines()) if a != b]
        self.assertEqual(changed, [('    "y = f\'plain\'\\n",', '    "y = \'plain\'\\n",')])
        cells = json.loads(after)["cells"]
        self.assertEqual(cells[4]["source"][2], "y = 'plain'\n")
        self.assertEqual(cells[2]["outputs"], CELLS[2]["outputs"])
        # Nothing left to fix: the file is not written again.
        stamp = self.path.stat().st_mtime_ns
        run("--isolated", "--no-cache", "--select", "F541", "--fix", "t.ipynb", cwd=self.dir)
        self.assertEqual(self.path.stat().st_mtime_ns, stamp)

    def test_notebooks_in_other_languages_are_skipped(self):
        other = dict(NOTEBOOK, metadata={"kernelspec": {"name": "ir", "language": "R"}})
        self.path.write_text(json.dumps(other))
        self.assertEqual(self.lint_json(), [])
        other = dict(NOTEBOOK, metadata={"language_info": {"name": "julia"}, "kernelspec": {"language": "python"}})
        self.path.write_text(json.dumps(other))
        self.assertEqual(self.lint_json(), [])

    def test_not_a_notebook(self):
        (self.dir / "bad.ipynb").write_text('{"cells": [')
        (self.dir / "v3.ipynb").write_text('{"cells": [], "metadata": {}, "nbformat": 3, "nbformat_minor": 0}')
        diags = self.lint_json(path=".")
        errors = {Path(d["filename"]).name: d["message"] for d in diags if d["code"] == "invalid-syntax"}
        self.assertIn("isn't valid JSON", errors["bad.ipynb"])
        self.assertIn("Expected Jupyter Notebook format 4, found: 3", errors["v3.ipynb"])
        self.assertTrue(any(Path(d["filename"]).name == "t.ipynb" for d in diags))  # the others still linted

    def test_extension_setting_and_discovery(self):
        shutil.copy(self.path, self.dir / "other.nb")
        self.assertFalse(any(Path(d["filename"]).name == "other.nb" for d in self.lint_json(path=".")))
        (self.dir / "lint.toml").write_text('extension = { nb = "ipynb" }\n')
        proc = run("--no-cache", "--select", SELECT, "--output-format", "json", ".", cwd=self.dir)
        found = json.loads(proc.stdout)
        self.assertTrue(any(Path(d["filename"]).name == "other.nb" and d["cell"] == 3 for d in found))


if __name__ == "__main__":
    unittest.main()
