"""What build systems and pre-commit rely on: argument files, --force-exclude for named files,
nothing written but the report under --no-cache, the same bytes whatever the thread count."""
import os
import shutil
import tempfile
import unittest
from pathlib import Path

from lint_e2e import run


class BuildInputs(unittest.TestCase):
    def setUp(self):
        self.dir = Path(tempfile.mkdtemp())
        for i in range(40):
            (self.dir / f"m{i}.py").write_text(f"import os{i}\nx{i} = f'plain'\n")
        (self.dir / "generated.py").write_text("import os\n")
        (self.dir / "lint.toml").write_text('extend-exclude = ["generated.py"]\n')

    def tearDown(self):
        shutil.rmtree(self.dir)

    def test_argfile(self):
        (self.dir / "files.txt").write_text("m1.py\nm2.py\n\n--select\nF401\n")
        proc = run("--no-cache", "--output-format", "concise", "@files.txt", cwd=self.dir)
        self.assertEqual(proc.returncode, 1)
        lines = proc.stdout.decode().replace(" [*]", "").splitlines()
        self.assertEqual(lines[:2], ["m1.py:1:8: F401 `os1` imported but unused",
                                     "m2.py:1:8: F401 `os2` imported but unused"])
        proc = run("@missing.txt", cwd=self.dir)
        self.assertEqual(proc.returncode, 2)
        self.assertIn(b"missing.txt", proc.stderr)
        (self.dir / "loop.txt").write_text("@loop.txt\n")
        self.assertEqual(run("@loop.txt", cwd=self.dir).returncode, 2)

    def test_force_exclude_applies_to_named_files(self):
        named = run("--no-cache", "--select", "F401", "--output-format", "concise", "generated.py", cwd=self.dir)
        self.assertIn(b"generated.py:1:8: F401", named.stdout)
        forced = run("--no-cache", "--force-exclude", "--select", "F401", "generated.py", "m1.py", cwd=self.dir)
        self.assertNotIn(b"generated.py", forced.stdout)
        self.assertIn(b"m1.py", forced.stdout)
        (self.dir / "lint.toml").write_text('extend-exclude = ["generated.py"]\nforce-exclude = true\n')
        by_setting = run("--no-cache", "--select", "F401", "generated.py", cwd=self.dir)
        self.assertEqual(by_setting.returncode, 0, by_setting.stdout)

    def test_hermetic_and_deterministic(self):
        before = sorted(p.name for p in self.dir.iterdir())
        outputs = {run("--no-cache", "--output-format", "json", "--threads", str(t), ".", cwd=self.dir).stdout
                   for t in (1, 2, 4)}
        self.assertEqual(len(outputs), 1)
        self.assertEqual(sorted(p.name for p in self.dir.iterdir()), before)


if __name__ == "__main__":
    unittest.main()
