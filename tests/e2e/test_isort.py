"""isort (I001) options and the project layout, which a fixture cannot set: each case's
expected file is what Ruff 0.17.3 makes of the same file with the same `[lint.isort]` option."""
import tempfile
import unittest
from pathlib import Path

from lint_e2e import run

SOURCE = 'from __future__ import annotations\nimport requests\nimport os\nimport numpy\nimport mylocal\nfrom . import rel\nfrom mod import b as bb, Alpha, CONST, beta, a\nfrom mod import zeta\nimport Zed\nimport alpha\nfrom mod2 import (x, y,)\nimport sys\ndef f():\n    pass\n'

# option (as in [isort] of lint.toml) -> the file after --fix
CASES = {
    'known-first-party': ('known-first-party = ["requests"]',
         'from __future__ import annotations\n\nimport os\nimport sys\n\nimport alpha\nimport mylocal\nimport numpy\nimport Zed\nfrom mod import CONST, Alpha, a, beta, zeta\nfrom mod import b as bb\nfrom mod2 import (\n    x,\n    y,\n)\n\nimport requests\n\nfrom . import rel\n\n\ndef f():\n    pass\n'),
    'known-third-party': ('known-third-party = ["os"]',
         'from __future__ import annotations\n\nimport sys\n\nimport alpha\nimport mylocal\nimport numpy\nimport os\nimport requests\nimport Zed\nfrom mod import CONST, Alpha, a, beta, zeta\nfrom mod import b as bb\nfrom mod2 import (\n    x,\n    y,\n)\n\nfrom . import rel\n\n\ndef f():\n    pass\n'),
    'known-local-folder': ('known-local-folder = ["mylocal"]',
         'from __future__ import annotations\n\nimport os\nimport sys\n\nimport alpha\nimport numpy\nimport requests\nimport Zed\nfrom mod import CONST, Alpha, a, beta, zeta\nfrom mod import b as bb\nfrom mod2 import (\n    x,\n    y,\n)\n\nimport mylocal\nfrom . import rel\n\n\ndef f():\n    pass\n'),
    'extra-standard-library': ('extra-standard-library = ["numpy"]',
         'from __future__ import annotations\n\nimport numpy\nimport os\nimport sys\n\nimport alpha\nimport mylocal\nimport requests\nimport Zed\nfrom mod import CONST, Alpha, a, beta, zeta\nfrom mod import b as bb\nfrom mod2 import (\n    x,\n    y,\n)\n\nfrom . import rel\n\n\ndef f():\n    pass\n'),
    'combine-as-imports': ('combine-as-imports = true',
         'from __future__ import annotations\n\nimport os\nimport sys\n\nimport alpha\nimport mylocal\nimport numpy\nimport requests\nimport Zed\nfrom mod import CONST, Alpha, a, b as bb, beta, zeta\nfrom mod2 import (\n    x,\n    y,\n)\n\nfrom . import rel\n\n\ndef f():\n    pass\n'),
    'force-single-line': ('force-single-line = true',
         'from __future__ import annotations\n\nimport os\nimport sys\n\nimport alpha\nimport mylocal\nimport numpy\nimport requests\nimport Zed\nfrom mod import CONST\nfrom mod import Alpha\nfrom mod import a\nfrom mod import b as bb\nfrom mod import beta\nfrom mod import zeta\nfrom mod2 import x\nfrom mod2 import y\n\nfrom . import rel\n\n\ndef f():\n    pass\n'),
    'lines-after-imports': ('lines-after-imports = 1',
         'from __future__ import annotations\n\nimport os\nimport sys\n\nimport alpha\nimport mylocal\nimport numpy\nimport requests\nimport Zed\nfrom mod import CONST, Alpha, a, beta, zeta\nfrom mod import b as bb\nfrom mod2 import (\n    x,\n    y,\n)\n\nfrom . import rel\n\ndef f():\n    pass\n'),
    'section-order': ('section-order = ["future", "third-party", "standard-library", "first-party", "local-folder"]',
         'from __future__ import annotations\n\nimport alpha\nimport mylocal\nimport numpy\nimport requests\nimport Zed\nfrom mod import CONST, Alpha, a, beta, zeta\nfrom mod import b as bb\nfrom mod2 import (\n    x,\n    y,\n)\n\nimport os\nimport sys\n\nfrom . import rel\n\n\ndef f():\n    pass\n'),
    'order-by-type': ('order-by-type = false',
         'from __future__ import annotations\n\nimport os\nimport sys\n\nimport alpha\nimport mylocal\nimport numpy\nimport requests\nimport Zed\nfrom mod import a, Alpha, beta, CONST, zeta\nfrom mod import b as bb\nfrom mod2 import (\n    x,\n    y,\n)\n\nfrom . import rel\n\n\ndef f():\n    pass\n'),
    'case-sensitive': ('case-sensitive = true',
         'from __future__ import annotations\n\nimport os\nimport sys\n\nimport Zed\nimport alpha\nimport mylocal\nimport numpy\nimport requests\nfrom mod import CONST, Alpha, a, beta, zeta\nfrom mod import b as bb\nfrom mod2 import (\n    x,\n    y,\n)\n\nfrom . import rel\n\n\ndef f():\n    pass\n'),
    'force-sort-within-sections': ('force-sort-within-sections = true',
         'from __future__ import annotations\n\nimport os\nimport sys\n\nimport alpha\nfrom mod import CONST, Alpha, a, beta, zeta\nfrom mod import b as bb\nfrom mod2 import (\n    x,\n    y,\n)\nimport mylocal\nimport numpy\nimport requests\nimport Zed\n\nfrom . import rel\n\n\ndef f():\n    pass\n'),
    'split-on-trailing-comma': ('split-on-trailing-comma = false',
         'from __future__ import annotations\n\nimport os\nimport sys\n\nimport alpha\nimport mylocal\nimport numpy\nimport requests\nimport Zed\nfrom mod import CONST, Alpha, a, beta, zeta\nfrom mod import b as bb\nfrom mod2 import x, y\n\nfrom . import rel\n\n\ndef f():\n    pass\n'),
}


class IsortOptions(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.TemporaryDirectory()
        self.dir = Path(self.tmp.name)

    def tearDown(self):
        self.tmp.cleanup()

    def test_each_option_sorts_as_ruff(self):
        for name, (option, expected) in CASES.items():
            with self.subTest(option=name):
                (self.dir / "lint.toml").write_text("[isort]\n" + option + "\n")
                path = self.dir / "m.py"
                path.write_text(SOURCE)
                proc = run("--select", "I001", "--fix", "m.py", cwd=self.dir)
                self.assertIn(proc.returncode, (0, 1), proc.stderr)
                self.assertEqual(path.read_text(), expected)

    def test_first_party_from_the_project_layout(self):
        # `src` defaults to the project's folder and its `src` folder; a file's own package is
        # first party too; `line-length` decides the wrapping.
        (self.dir / "myproj").mkdir()
        (self.dir / "src").mkdir()
        (self.dir / "src" / "other.py").write_text("")
        (self.dir / "pkg").mkdir()
        (self.dir / "pkg" / "__init__.py").write_text("")
        (self.dir / "lint.toml").write_text("line-length = 40\n")
        path = self.dir / "pkg" / "mod.py"
        path.write_text("import other\nimport myproj\nimport requests\nimport os\nfrom pkg import x\n"
                        "from somewhere.very.long.module import function_one, function_two\n")
        proc = run("--select", "I001", "--fix", str(path), cwd=self.dir)
        self.assertIn(proc.returncode, (0, 1), proc.stderr)
        self.assertEqual(path.read_text(), "import os\n\nimport requests\nfrom somewhere.very.long.module import (\n"
                         "    function_one,\n    function_two,\n)\n\nimport myproj\nimport other\nfrom pkg import x\n")

    def test_src_setting_names_the_folders(self):
        (self.dir / "lib").mkdir()
        (self.dir / "lib" / "mine.py").write_text("")
        (self.dir / "lint.toml").write_text('src = ["lib"]\n')
        path = self.dir / "m.py"
        path.write_text("import mine\nimport requests\n")
        proc = run("--select", "I001", "--fix", "m.py", cwd=self.dir)
        self.assertIn(proc.returncode, (0, 1), proc.stderr)
        self.assertEqual(path.read_text(), "import requests\n\nimport mine\n")


class UnusedImportInInit(unittest.TestCase):
    """F401 in a package's `__init__.py` suggests re-exporting the package's own imports, and
    which imports are its own is isort's question: relative imports, the file's own package,
    `known-first-party`... (Ruff 0.17.3's output for the same project)."""

    def test_own_imports_are_told_apart_as_isort_sorts_them(self):
        with tempfile.TemporaryDirectory() as tmp:
            root = Path(tmp)
            (root / "pkg" / "sub").mkdir(parents=True)
            (root / "pkg" / "sub" / "__init__.py").write_text("")
            (root / "pkg" / "__init__.py").write_text(
                "import os\nfrom pkg.sub import mod\nfrom .sub import other\nimport requests\nimport vendored\n")
            (root / "lint.toml").write_text('[isort]\nknown-first-party = ["vendored"]\n')
            proc = run("--no-cache", "--select", "F401", "--output-format", "github", "pkg/__init__.py", cwd=root)
            self.assertEqual(proc.returncode, 1, proc.stderr)
            lines = [line.split("::", 2)[2] for line in proc.stdout.decode().splitlines()]
            consider = "; consider removing, adding to `__all__`, or using a redundant alias"
            self.assertEqual(lines, [
                "pkg/__init__.py:1:8: F401 `os` imported but unused%0A  help: Remove unused import: `os`",
                "pkg/__init__.py:2:21: F401 `pkg.sub.mod` imported but unused" + consider +
                "%0A  help: Use an explicit re-export: `mod as mod`",
                "pkg/__init__.py:3:18: F401 `.sub.other` imported but unused" + consider +
                "%0A  help: Use an explicit re-export: `other as other`",
                "pkg/__init__.py:4:8: F401 `requests` imported but unused%0A  help: Remove unused import: `requests`",
                "pkg/__init__.py:5:8: F401 `vendored` imported but unused" + consider +
                "%0A  help: Use an explicit re-export: `vendored as vendored`",
            ])

    def test_unused_members_go_before_the_block_is_sorted(self):
        # F401's fix and I001's start at the same byte: Ruff applies F401's first (its checkers
        # report the syntax tree's rules before the import block's), so I001 sorts the three
        # members left and joins them on one line. Sorting first would wrap all eight members,
        # and the trailing comma left after the removal would keep the import wrapped.
        with tempfile.TemporaryDirectory() as tmp:
            path = Path(tmp) / "m.py"
            path.write_text("from json import (dumps, loads, JSONDecoder, JSONDecodeError,\n"
                            "                  detect_encoding, JSONEncoder, scanner, decoder)\n\n"
                            "print(loads, dumps, JSONDecodeError)\n")
            proc = run("--isolated", "--no-cache", "--select", "F401,I001", "--fix", "m.py", cwd=tmp)
            self.assertEqual(proc.returncode, 0, proc.stderr)
            self.assertEqual(path.read_text(),
                             "from json import JSONDecodeError, dumps, loads\n\nprint(loads, dumps, JSONDecodeError)\n")


if __name__ == "__main__":
    unittest.main()
