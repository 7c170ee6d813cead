"""examples/bazel: the per-target lint aspect, built with Debian's Bazel (bazel-bootstrap) on a
copy of the example: a SARIF report per target, and a change re-lints only its target."""
import json
import os
import shutil
import subprocess
import tempfile
import unittest
from pathlib import Path

from lint_e2e import LINT

SOURCE = Path(os.environ.get("LINT_SOURCE_DIR") or Path(__file__).resolve().parents[2])


@unittest.skipUnless(shutil.which("bazel"), "bazel is not installed (scripts/setup --tests installs bazel-bootstrap)")
class BazelAspect(unittest.TestCase):
    def setUp(self):
        self.tmp = Path(tempfile.mkdtemp())
        self.ws = self.tmp / "ws"
        shutil.copytree(SOURCE / "examples" / "bazel", self.ws)
        shutil.copy(LINT, self.ws / "tools" / "lint" / "lint")

    def tearDown(self):
        subprocess.run(["bazel", f"--output_user_root={self.tmp / 'root'}", "shutdown"], cwd=self.ws, capture_output=True)
        shutil.rmtree(self.tmp, ignore_errors=True)

    def build(self):
        proc = subprocess.run(["bazel", f"--output_user_root={self.tmp / 'root'}", "--batch", "build", "//...",
                               "--aspects", "//tools/lint:lint.bzl%lint_aspect", "--output_groups=lint_report"],
                              cwd=self.ws, capture_output=True, text=True, timeout=600)
        self.assertEqual(proc.returncode, 0, proc.stderr[-4000:])
        return proc.stderr

    def report(self, target):
        doc = json.loads((self.ws / "bazel-bin" / target / f"{target}.lint.sarif").read_text())
        return sorted((Path(r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]).name, r["ruleId"])
                      for r in doc["runs"][0]["results"])

    def test_reports_per_target_and_incremental(self):
        self.build()
        self.assertEqual(self.report("app"), [("main.py", "F401"), ("main.py", "F541")])
        self.assertEqual(self.report("lib"), [])
        lib_report = self.ws / "bazel-bin" / "lib" / "lib.lint.sarif"
        before = lib_report.stat().st_mtime_ns
        # Fixing app's findings re-lints app alone.
        (self.ws / "app" / "main.py").write_text("from lib import util\n\nprint(util.home())\n")
        log = self.build()
        self.assertEqual(self.report("app"), [])
        self.assertEqual(lib_report.stat().st_mtime_ns, before)
        self.assertIn("Linting //app:app", log)
        self.assertNotIn("Linting //lib:lib", log)


if __name__ == "__main__":
    unittest.main()
