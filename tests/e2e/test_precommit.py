"""The pre-commit hooks of .pre-commit-hooks.yaml, run by the real pre-commit (tests/requirements.txt)
on a temporary repository: `lint` fails on a bad file and passes on a clean one, `lint-fix`
fixes and fails the run the first time (a file changed), passes the next; `exclude` applies to the
files pre-commit names."""
import os
import shutil
import subprocess
import tempfile
import unittest
from pathlib import Path

from lint_e2e import LINT

SOURCE = Path(os.environ.get("LINT_SOURCE_DIR") or Path(__file__).resolve().parents[2])


def pre_commit():
    venv = os.environ.get("LINT_TEST_VENV")
    for candidate in ([Path(venv) / "bin" / "pre-commit"] if venv else []) + [Path(shutil.which("pre-commit") or "/nonexistent")]:
        if candidate.exists():
            return str(candidate)
    return None


class PreCommit(unittest.TestCase):
    def setUp(self):
        self.binary = pre_commit()
        if self.binary is None:
            self.skipTest("pre-commit is not installed (scripts/test installs it into build/test-venv)")
        self.tmp = Path(tempfile.mkdtemp())
        self.env = {**os.environ, "PRE_COMMIT_HOME": str(self.tmp / "cache"), "LINT_BIN": LINT,
                    "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.com",
                    "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.com", "NO_COLOR": "1"}
        # The hooks repository: this checkout's hook definition and entry script, committed.
        hooks = self.tmp / "hooks"
        (hooks / "scripts").mkdir(parents=True)
        shutil.copy(SOURCE / ".pre-commit-hooks.yaml", hooks)
        shutil.copy(SOURCE / "scripts" / "pre-commit-hook", hooks / "scripts")
        self.git(hooks, "init", "-q")
        self.git(hooks, "add", ".")
        self.git(hooks, "commit", "-q", "-m", "hooks")
        rev = self.git(hooks, "rev-parse", "HEAD").stdout.strip()
        # The project using them.
        self.project = self.tmp / "project"
        self.project.mkdir()
        self.git(self.project, "init", "-q")
        (self.project / ".pre-commit-config.yaml").write_text(
            f"repos:\n  - repo: {hooks}\n    rev: {rev}\n    hooks:\n      - id: lint\n      - id: lint-fix\n"
            "        stages: [manual]\n")

    def tearDown(self):
        if hasattr(self, "tmp"):
            shutil.rmtree(self.tmp, ignore_errors=True)

    def git(self, cwd, *args):
        proc = subprocess.run(["git", *args], cwd=cwd, capture_output=True, text=True, env=self.env)
        self.assertEqual(proc.returncode, 0, proc.stderr)
        return proc

    def run_hooks(self, *args):
        self.git(self.project, "add", "-A")
        return subprocess.run([self.binary, "run", "--all-files", *args], cwd=self.project, capture_output=True,
                              text=True, env=self.env, timeout=300)

    def test_lint_hook_fails_then_passes(self):
        (self.project / "bad.py").write_text("import os\n")
        proc = self.run_hooks("lint")
        self.assertEqual(proc.returncode, 1, proc.stdout + proc.stderr)
        self.assertIn("F401", proc.stdout)
        self.assertIn("Failed", proc.stdout)
        (self.project / "bad.py").write_text("import os\n\nprint(os.sep)\n")
        proc = self.run_hooks("lint")
        self.assertEqual(proc.returncode, 0, proc.stdout + proc.stderr)
        self.assertIn("Passed", proc.stdout)

    def test_excluded_files_are_skipped(self):
        (self.project / "generated.py").write_text("import os\n")
        (self.project / "lint.toml").write_text('extend-exclude = ["generated.py"]\n')
        proc = self.run_hooks("lint")
        self.assertEqual(proc.returncode, 0, proc.stdout + proc.stderr)

    def test_fix_hook_fixes_then_passes(self):
        path = self.project / "fixable.py"
        path.write_text('x = f"no placeholders"\n')
        proc = self.run_hooks("--hook-stage", "manual", "lint-fix")
        self.assertEqual(proc.returncode, 1, proc.stdout + proc.stderr)
        self.assertIn("files were modified by this hook", proc.stdout)
        self.assertEqual(path.read_text(), 'x = "no placeholders"\n')
        proc = self.run_hooks("--hook-stage", "manual", "lint-fix")
        self.assertEqual(proc.returncode, 0, proc.stdout + proc.stderr)


if __name__ == "__main__":
    unittest.main()
