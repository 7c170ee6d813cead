"""End-to-end tests of hostile configuration: what a repository's pyproject.toml, lint.toml or
an `extend` chain may hold must never crash lint, nor take more than time and memory linear in
its size. What lint refuses stops the run with exit status 2 and one `path:row:col: message`
line; what it accepts works as usual."""
import json
import os
import re
import resource
import shutil
import tempfile
import unittest
from pathlib import Path

import lint_e2e

# Sanitizer builds run everything several times slower.
TIMEOUT = 120
# What one run may use: the cases below used to take 3.5 GB or overflow the stack.
MEMORY_LIMIT = 2 << 30


def limit_memory():
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))


def run(*args, **kw):
    # Sanitizers reserve far more address space than they use: no limit under them.
    sanitized = "asan" in os.environ.get("LINT_BIN", "") or "tsan" in os.environ.get("LINT_BIN", "")
    return lint_e2e.run(*args, timeout=TIMEOUT, preexec_fn=None if sanitized else limit_memory, **kw)


ERROR_LINE = re.compile(r"^(?P<path>[^\n]+):(?P<row>\d+):(?P<column>\d+): (?P<message>[^\n]*)\n$")


class Workspace(unittest.TestCase):
    def setUp(self):
        self.dir = Path(tempfile.mkdtemp(prefix="lint-e2e-config-"))
        self.write("a.py", "x == None\n")  # E711 at 1:3, F821 at 1:1

    def tearDown(self):
        shutil.rmtree(self.dir, ignore_errors=True)

    def write(self, rel, content):
        p = self.dir / rel
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_text(content)
        return p

    def refused(self, *args, path, row, message):
        """Runs lint, which must stop with status 2 and the one error line given."""
        proc = run(*args, cwd=self.dir)
        err = proc.stderr.decode(errors="replace")
        self.assertEqual(proc.returncode, 2, err[-2000:])
        self.assertEqual(proc.stdout, b"")
        m = ERROR_LINE.match(err)
        self.assertIsNotNone(m, err[-2000:])
        self.assertEqual(m["path"], path)
        self.assertEqual(int(m["row"]), row)
        self.assertIn(message, m["message"])
        self.assertLess(len(err), 1000, "the message quotes at most the start of a long pattern")
        return m

    def codes(self, *args):
        proc = run("--output-format", "json", "--no-cache", *args, cwd=self.dir)
        self.assertIn(proc.returncode, (0, 1), proc.stderr.decode(errors="replace")[-2000:])
        return sorted((os.path.relpath(d["filename"], self.dir), d["code"]) for d in json.loads(proc.stdout))


class DeepToml(Workspace):
    KEY = ".".join(["a"] * 100_000)  # 200 KB

    def test_dotted_key_in_a_pyproject_without_tool_lint(self):
        self.write("pyproject.toml", f'[project]\nname = "x"\n\n[tool.other]\n{self.KEY} = 1\n')
        m = self.refused(".", path="pyproject.toml", row=5, message="nested more than 128 levels deep")
        self.assertEqual(int(m["column"]), 253)  # [tool.other] is two levels: the 127th part is the 129th

    def test_table_header(self):
        self.write("lint.toml", f"[{self.KEY}]\nx = 1\n")
        self.refused(".", path="lint.toml", row=1, message="nested more than 128 levels deep")

    def test_inline_tables_and_arrays_count_with_keys(self):
        deep = "x = " + "{a.a = " * 40 + "[" * 20 + "1" + "]" * 20 + "}" * 40 + "\n"
        self.write("lint.toml", deep)
        self.refused(".", path="lint.toml", row=1, message="nested more than 128 levels deep")

    def test_override_on_the_command_line(self):
        key = ".".join(["a"] * 60_000)  # an argument holds at most 128 KB
        self.refused("--config", f"{key} = 1", ".", path="--config", row=1, message="nested more than 128 levels deep")

    def test_quotes_comments_and_strings_do_not_count(self):
        # Dots and brackets inside strings and comments are no nesting; 100 levels are fine.
        key = ".".join(["b"] * 100)
        self.write("pyproject.toml",
                   '[tool.other]\n'
                   f'{key} = "{"[" * 300}"  # {"{" * 300}\n'
                   f'"{".".join(["q"] * 300)}" = \'\'\'\n{"[" * 300}\n\'\'\'\n'
                   '[tool.lint]\nselect = ["E711"]\n')
        self.assertEqual(self.codes("."), [("a.py", "E711")])


class HostileGlobs(Workspace):
    NESTED = "{" * 40_000 + "a" + "}" * 40_000

    def test_nested_braces_in_exclude(self):
        self.write("lint.toml", f'exclude = ["{self.NESTED}"]\n')
        m = self.refused(".", path="lint.toml", row=1, message="alternate groups nested more than 256 deep")
        self.assertEqual(int(m["column"]), 12)

    def test_nested_braces_in_per_file_ignores(self):
        self.write("pyproject.toml", f'[tool.lint.per-file-ignores]\n"{self.NESTED}" = ["E711"]\n')
        self.refused(".", path="pyproject.toml", row=2, message="alternate groups nested more than 256 deep")

    def test_nested_braces_in_exclude_option(self):
        proc = run("--exclude", self.NESTED, ".", cwd=self.dir)
        self.assertEqual(proc.returncode, 2, proc.stderr[-2000:])
        self.assertIn(b"alternate groups nested more than 256 deep", proc.stderr)

    def test_unclosed_braces(self):
        self.write("lint.toml", 'exclude = ["' + "{" * 200 + '"]\n')
        self.refused(".", path="lint.toml", row=1, message="unclosed alternate group")

    def test_nesting_up_to_the_limit_works(self):
        self.write("lint.toml", 'extend-exclude = ["' + "{" * 256 + "a" + "}" * 256 + '.py"]\n')
        self.write("b.py", "y == None\n")
        self.assertEqual(self.codes("."), [("b.py", "B015"), ("b.py", "F821")])

    def test_alternatives_then_a_long_literal(self):
        # Twelve groups of two alternatives then 50 KB: 4,096 alternatives, each with the
        # literal, used to take 16 GB.
        self.write("lint.toml", 'extend-exclude = ["' + "{a,b}" * 12 + "x" * 50_000 + '.py"]\n')
        self.assertEqual(self.codes("."), [("a.py", "B015"), ("a.py", "F821")])

    def test_alternatives_then_a_literal_match_what_they_should(self):
        literal = "x" * 100
        self.write("lint.toml", 'extend-exclude = ["' + "{a,b}" * 12 + literal + '.py"]\n')
        for name in ("ab" * 6 + literal + ".py", "ba" * 6 + literal + ".py", "ab" * 6 + literal + "y.py",
                     "abc" * 4 + literal + ".py"):
            self.write(name, "y == None\n")
        names = sorted({f for f, _ in self.codes(".")})
        self.assertEqual(names, ["a.py", "ab" * 6 + literal + "y.py", "abc" * 4 + literal + ".py"])

    def test_many_alternatives(self):
        # 4,097 alternatives and more used to be refused ("too many alternatives").
        self.write("lint.toml", 'extend-exclude = ["' + "{a,b}" * 20 + '.py"]\n')
        self.write("ab" * 10 + ".py", "y == None\n")
        self.write("ab" * 9 + "a.py", "y == None\n")
        self.assertEqual(sorted({f for f, _ in self.codes(".")}), ["a.py", "ab" * 9 + "a.py"])


class ExtendChains(Workspace):
    def chain(self, n, last):
        """lint.toml extends c/c0.toml, which extends c/c1.toml ... c/c{n-1}.toml, which holds `last`."""
        for i in range(n - 1):
            self.write(f"c/c{i}.toml", f'extend = "c{i + 1}.toml"\n')
        self.write(f"c/c{n - 1}.toml", last)
        self.write("lint.toml", 'extend = "c/c0.toml"\n')

    def test_a_chain_of_ten_thousand_files(self):
        self.chain(10_000, last='select = ["E711"]\n')
        self.assertEqual(self.codes("."), [("a.py", "E711")])

    def test_a_cycle_at_the_end_of_a_long_chain(self):
        self.chain(10_000, last='extend = "c5000.toml"\n')
        m = self.refused(".", path=os.path.join("c", "c9999.toml"), row=1, message="`extend` makes a cycle: ")
        self.assertIn("c/c5000.toml -> c/c5001.toml", m["message"])
        self.assertIn("more) -> ", m["message"])
        self.assertTrue(m["message"].endswith("c/c9999.toml -> c/c5000.toml"), m["message"][-200:])


if __name__ == "__main__":
    unittest.main()
