"""The result cache: never a stale result (each input of the key, changed, changes the result),
safe when shared or damaged, and out of the way when asked (--no-cache, --cache-dir, clean)."""
import json
import os
import shutil
import subprocess
import tempfile
import unittest
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from lint_e2e import LINT, run


class Cache(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.mkdtemp()
        self.dir = Path(self.tmp)
        self.write("pkg/a.py", "import os\n\nx = f'plain'\n")
        self.write("pkg/b.py", "def f():\n    return undefined_name\n")

    def tearDown(self):
        shutil.rmtree(self.tmp)

    def write(self, name, text):
        path = self.dir / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text)
        return path

    def lint(self, *args, binary=None, env=None):
        """Lints pkg/ as JSON; returns (codes by file, what -v said about the cache)."""
        if binary:
            proc = subprocess.run([binary, *args, "-v", "--output-format", "json", "pkg"], cwd=self.dir,
                                  capture_output=True, env={**os.environ, **(env or {})})
        else:
            proc = run(*args, "-v", "--output-format", "json", "pkg", cwd=self.dir, env=env)
        self.assertIn(proc.returncode, (0, 1), proc.stderr.decode())
        found = sorted((Path(d["filename"]).name, d["code"]) for d in json.loads(proc.stdout))
        said = [line for line in proc.stderr.decode().splitlines() if line.startswith("lint: cache")]
        return found, (said[0] if said else "")

    def test_hit_after_a_first_run_and_the_folder_it_makes(self):
        first, said = self.lint()
        self.assertIn("0 files from the cache, 2 linted", said)
        again, said = self.lint()
        self.assertEqual(again, first)
        self.assertIn("2 files from the cache, 0 linted", said)
        cache = self.dir / ".lint_cache"
        self.assertTrue((cache / "CACHEDIR.TAG").read_text().startswith("Signature: 8a477f597d28d172789f06886806bc55"))
        self.assertIn("*", (cache / ".gitignore").read_text().splitlines())

    def test_each_input_of_the_key_changes_the_result(self):
        base, _ = self.lint()
        self.assertEqual(base, [("a.py", "F401"), ("a.py", "F541"), ("b.py", "F821")])
        # The file's content: only the changed file is linted again.
        self.write("pkg/a.py", "import os\n\nx = os.sep\n")
        found, said = self.lint()
        self.assertEqual(found, [("b.py", "F821")])
        self.assertIn("1 files from the cache, 1 linted", said)
        # The rules selected.
        found, _ = self.lint("--select", "F821")
        self.assertEqual(found, [("b.py", "F821")])
        found, _ = self.lint("--select", "F401,F821")
        self.assertEqual(found, [("b.py", "F821")])
        self.write("pkg/a.py", "import os\n")
        found, _ = self.lint("--select", "F401,F821")
        self.assertEqual(found, [("a.py", "F401"), ("b.py", "F821")])
        # A rule's option.
        found, _ = self.lint("--config", "undefined-name.builtins = ['undefined_name']")
        self.assertEqual(found, [("a.py", "F401")])
        # The target version (builtins differ).
        self.write("pkg/b.py", "x = anext\n")
        found, _ = self.lint("--target-version", "py39")
        self.assertEqual(found, [("a.py", "F401"), ("b.py", "F821")])
        found, _ = self.lint("--target-version", "py310")
        self.assertEqual(found, [("a.py", "F401")])
        # per-file-ignores, in a configuration file.
        self.write("lint.toml", 'per-file-ignores = { "pkg/a.py" = ["F401"] }\n')
        found, _ = self.lint()
        self.assertEqual(found, [])
        self.write("lint.toml", 'per-file-ignores = { "pkg/b.py" = ["F401"] }\n')
        found, _ = self.lint()
        self.assertEqual(found, [("a.py", "F401")])
        # Fix settings change the fixes diagnostics carry.
        self.write("lint.toml", "")
        self.write("pkg/a.py", "x = f'plain'\n")
        fix_of = lambda *extra: [d["fix"] and d["fix"]["applicability"] for d in json.loads(
            run(*extra, "--select", "F541", "--output-format", "json", "pkg", cwd=self.dir).stdout)]
        self.assertEqual(fix_of(), ["safe"])
        self.assertEqual(fix_of("--unfixable", "F541"), [None])
        self.assertEqual(fix_of("--config", "extend-unsafe-fixes = ['F541']"), ["unsafe"])

    def test_python_rule_files_are_part_of_the_key(self):
        rule = '''from lint import Rule


class Names(Rule):
    code = "X900"
    name = "names"
    message = "MESSAGE"

    def visit_identifier(self, node):
        if node.text == "x":
            self.report(node)
'''
        self.write("rules/names.py", rule.replace("MESSAGE", "first"))
        messages = lambda: [d["message"] for d in json.loads(
            run("--python-rules", "rules", "--select", "X900", "--output-format", "json", "pkg", cwd=self.dir).stdout)]
        self.assertEqual(messages(), ["first"])
        self.write("rules/names.py", rule.replace("MESSAGE", "second"))
        self.assertEqual(messages(), ["second"])

    def test_a_new_binary_misses(self):
        self.lint()
        # The same program with a byte more is another build: every entry is stale for it.
        other = self.dir / "lint-rebuilt"
        shutil.copyfile(LINT, other)
        with open(other, "ab") as f:
            f.write(b"\0")
        os.chmod(other, 0o755)
        _, said = self.lint(binary=str(other))
        self.assertIn("0 files from the cache, 2 linted", said)

    def test_damaged_entries_are_ignored_and_rebuilt(self):
        first, _ = self.lint()
        entries = [p for p in (self.dir / ".lint_cache").rglob("*") if p.is_file() and p.parent.name != ".lint_cache"]
        self.assertEqual(len(entries), 2)
        entries[0].write_bytes(entries[0].read_bytes()[:-3])   # truncated
        entries[1].write_bytes(b"LINTCAC1" + b"\xff" * 40)       # garbage after a good magic
        found, said = self.lint()
        self.assertEqual(found, first)
        self.assertIn("0 files from the cache, 2 linted", said)
        found, said = self.lint()
        self.assertIn("2 files from the cache, 0 linted", said)

    def test_processes_sharing_a_cache(self):
        for i in range(30):
            self.write(f"pkg/m{i}.py", f"import os{i}\n")
        expected, _ = self.lint("--no-cache")
        with ThreadPoolExecutor(4) as pool:
            results = list(pool.map(lambda _: self.lint(), range(8)))
        for found, _ in results:
            self.assertEqual(found, expected)
        leftovers = [p for p in (self.dir / ".lint_cache").rglob(".*tmp-*")]
        self.assertEqual(leftovers, [])

    def test_no_cache_cache_dir_and_clean(self):
        self.lint("--no-cache")
        self.assertFalse((self.dir / ".lint_cache").exists())
        self.lint(env={"LINT_NO_CACHE": "1"})
        self.assertFalse((self.dir / ".lint_cache").exists())
        _, said = self.lint("--cache-dir", "elsewhere")
        self.assertTrue((self.dir / "elsewhere" / "CACHEDIR.TAG").exists())
        _, said = self.lint(env={"LINT_CACHE_DIR": str(self.dir / "from-env")})
        self.assertTrue((self.dir / "from-env" / "CACHEDIR.TAG").exists())
        # Beside the configuration of the current directory, or where `cache-dir` says.
        self.write("lint.toml", 'cache-dir = "configured"\n')
        self.lint()
        self.assertTrue((self.dir / "configured" / "CACHEDIR.TAG").exists())
        # Fixing reads and writes no cache.
        shutil.rmtree(self.dir / "configured")
        run("--fix", "pkg", cwd=self.dir)
        self.assertFalse((self.dir / "configured").exists())
        # `lint clean` removes the configured folder and every .lint_cache below; nothing else.
        self.lint()
        nested = self.dir / "sub" / ".lint_cache"
        nested.mkdir(parents=True)
        (nested / "CACHEDIR.TAG").write_text("Signature: 8a477f597d28d172789f06886806bc55\n")
        impostor = self.dir / "other" / ".lint_cache"
        impostor.mkdir(parents=True)
        (impostor / "keep.txt").write_text("not a cache")
        proc = run("clean", cwd=self.dir)
        self.assertEqual(proc.returncode, 0, proc.stderr)
        self.assertFalse((self.dir / "configured").exists())
        self.assertFalse(nested.exists())
        self.assertTrue((impostor / "keep.txt").exists())


if __name__ == "__main__":
    unittest.main()
