"""Pyflakes fixes in situations a fixture cannot show: a package's __init__.py, line endings,
the fix shared by the names of one import statement."""
import json
import tempfile
import unittest
from pathlib import Path

from lint_e2e import run


class PyflakesFixes(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.TemporaryDirectory()
        self.dir = Path(self.tmp.name)

    def tearDown(self):
        self.tmp.cleanup()

    def json(self, *args):
        proc = run("--isolated", "--output-format", "json", *args)
        self.assertIn(proc.returncode, (0, 1), proc.stderr)
        return json.loads(proc.stdout)

    def test_init_module_imports_are_not_removed(self):
        pkg = self.dir / "pkg"
        pkg.mkdir()
        init = pkg / "__init__.py"
        init.write_text("from . import a\nimport os\n__all__ = []\n")
        found = self.json("--select", "F401", str(init))
        self.assertEqual([d["fix"] for d in found], [None, None])
        proc = run("--isolated", "--select", "F401", str(init))
        out = proc.stdout.decode()
        self.assertIn("help: Add unused import `a` to __all__", out)
        self.assertIn("help: Remove unused import: `os`", out)
        run("--isolated", "--select", "F401", "--fix", "--unsafe-fixes", str(init))
        self.assertEqual(init.read_text(), "from . import a\nimport os\n__all__ = []\n")

    def test_stub_init_module_imports_are_removed(self):
        # Ruff's test is the name `__init__.py`: a package's `__init__.pyi` is fixed like any stub.
        pkg = self.dir / "pkg"
        pkg.mkdir()
        init = pkg / "__init__.pyi"
        init.write_text("from . import a\nimport os\n")
        found = self.json("--select", "F401", str(init))
        self.assertEqual([d["message"] for d in found],
                         ["`.a` imported but unused", "`os` imported but unused"])
        self.assertEqual([d["fix"]["applicability"] for d in found], ["safe", "safe"])
        run("--isolated", "--select", "F401", "--fix", str(init))
        self.assertEqual(init.read_text(), "")

    def test_names_of_one_statement_share_one_fix(self):
        path = self.dir / "m.py"
        path.write_text("from m import (a, b, c)\nprint(b)\n")
        found = self.json("--select", "F401", str(path))
        self.assertEqual(len(found), 2)
        fixes = [d["fix"] for d in found]
        self.assertEqual(fixes[0], fixes[1])
        self.assertEqual(fixes[0]["message"], "Remove unused import")
        self.assertEqual(fixes[0]["applicability"], "safe")
        self.assertEqual([e["content"] for e in fixes[0]["edits"]], ["from m import (b)"])

    def test_crlf_lines_are_deleted_whole(self):
        path = self.dir / "m.py"
        path.write_bytes(b"import os\r\nimport sys\r\n\r\ndef f():\r\n    x = 1\r\n    return sys\r\n")
        run("--isolated", "--select", "F401,F841", "--fix", "--unsafe-fixes", str(path))
        self.assertEqual(path.read_bytes(), b"import sys\r\n\r\ndef f():\r\n    return sys\r\n")


if __name__ == "__main__":
    unittest.main()
