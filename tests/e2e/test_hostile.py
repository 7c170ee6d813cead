"""End-to-end tests of hostile inputs: whatever a repository holds, lint must not crash or hang,
must say clearly what it could not lint, must lint the other files, and must keep its JSON
output valid. Each test lints a good file alongside the hostile ones and checks both."""
import json
import os
import shutil
import subprocess
import tempfile
import textwrap
import unittest
from pathlib import Path

import lint_e2e

# Sanitizer builds run everything several times slower.
TIMEOUT = 300


def run(*args, timeout=TIMEOUT, **kw):
    return lint_e2e.run(*args, timeout=timeout, **kw)

GOOD = "y == None\n"  # E711 at 1:6



def indentation(columns):
    """`columns` columns of indentation, tabs first (a tab reaches the next multiple of 8)."""
    return "\t" * (columns // 8) + " " * (columns % 8)


class Workspace(unittest.TestCase):
    def setUp(self):
        self.dir = Path(tempfile.mkdtemp(prefix="lint-e2e-hostile-"))
        os.chmod(self.dir, 0o755)

    def tearDown(self):
        for p in list(self.dir.rglob("*")):
            try:
                if not p.is_symlink():
                    os.chmod(p, 0o755 if p.is_dir() else 0o644)
            except OSError:
                pass
        shutil.rmtree(self.dir, ignore_errors=True)

    def write(self, rel, content):
        p = self.dir / rel
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_bytes(content.encode() if isinstance(content, str) else content)
        return p

    def assert_no_crash(self, proc, codes=(0, 1)):
        err = proc.stderr.decode(errors="replace")
        self.assertIn(proc.returncode, codes, err[-3000:])
        for sign in ("Sanitizer", "runtime error:", "terminate called", "Segmentation", "Aborted", "core dumped"):
            self.assertNotIn(sign, err)

    def lint_json(self, *args, codes=(0, 1), cwd=None, json_lines=True, **kw):
        """Runs lint with JSON output; checks it did not crash and that the JSON parses, and the
        same with JSON lines (unless `json_lines` is false). Returns the process and the
        diagnostics by file name (relative to the workspace)."""
        proc = run("--isolated", "--output-format", "json", *args, cwd=cwd or self.dir, **kw)
        self.assert_no_crash(proc, codes)
        diags = json.loads(proc.stdout)
        if json_lines:
            lines = run("--isolated", "--output-format", "json-lines", *args, cwd=cwd or self.dir, **kw)
            self.assert_no_crash(lines, codes)
            self.assertEqual([json.loads(line) for line in lines.stdout.decode().splitlines()], diags)
        by_file = {}
        for d in diags:
            by_file.setdefault(os.path.relpath(d["filename"], self.dir), []).append(d)
        return proc, by_file

    def assert_good_linted(self, by_file, name="good.py"):
        self.assertIn(name, by_file, f"{name} was not linted")
        self.assertIn(("E711", 1, 6), [(d["code"], d["location"]["row"], d["location"]["column"]) for d in by_file[name]])

    def assert_only(self, by_file, name, code, message=None, row=None):
        got = by_file.get(name)
        self.assertIsNotNone(got, f"{name}: nothing reported; files reported: {sorted(by_file)}")
        self.assertEqual([d["code"] for d in got], [code], got)
        if message is not None:
            self.assertEqual(got[0]["message"], message)
        if row is not None:
            self.assertEqual(got[0]["location"]["row"], row)


class DeepNesting(Workspace):
    """100,000 levels of nesting of every cheap kind. Each file ends with `y == None` on its last
    line, so E711 there proves the whole file was parsed and walked."""

    N = 100_000

    def lint_deep(self, files):
        self.write("good.py", GOOD)
        for name, text in files.items():
            self.write(name, "a = b = c = f = y = 1\n" + text + "\ny == None\n")
        proc, by_file = self.lint_json("--select", "ALL", ".")
        self.assert_good_linted(by_file)
        for name, text in files.items():
            last_row = text.count("\n") + 3
            got = [(d["code"], d["location"]["row"]) for d in by_file.get(name, [])]
            self.assertIn(("E711", last_row), got, name)
            self.assertNotIn("invalid-syntax", [code for code, _ in got], f"{name}: syntax error")
        return by_file

    def test_brackets(self):
        n = self.N
        self.lint_deep({
            "parens.py": "x = " + "(" * n + "1" + ")" * n,
            "lists.py": "x = " + "[" * n + "]" * n,
            "dicts.py": "x = " + "{1: " * n + "1" + "}" * n,
            "calls.py": "x = " + "f(" * n + ")" * n,
            "subscripts.py": "x = " + "a[" * n + "0" + "]" * n,
            "walrus.py": "x = " + "(z := " * n + "1" + ")" * n,
        })

    def test_binary_and_unary_operators(self):
        n = self.N
        self.lint_deep({
            "plus.py": "x = " + " + ".join(["a"] * n),
            "power.py": "x = " + "a ** " * n + "a",
            "boolean.py": "x = " + " and ".join(["a"] * (n // 2)) + " or " + " or ".join(["b"] * (n // 2)),
            "compare.py": "x = " + " < ".join(["a"] * n),
            "nots.py": "x = " + "not " * n + "a",
            "minus.py": "x = " + "-" * n + "a",
            "ternary.py": "x = " + "a if b else " * n + "c",
            "attributes.py": "x = a" + ".b" * n,
            "call_chain.py": "x = f" + "()" * n,
            "strings.py": "x = " + " ".join(['"s"'] * n),
        })

    def test_scopes(self):
        # Blocks are nested by indentation, and CPython refuses a 100th level (below); nested
        # lambdas, comprehensions and generator expressions nest scopes without it, cheaply.
        n = self.N
        by_file = self.lint_deep({
            "lambdas.py": "g = " + "lambda: " * n + "0",
            "generators.py": "g = (" + "z for z in " * n + "a)",
            "comprehensions.py": "g = " + "[" * n + "z for z in a" + "]" * n,
            # Each level's iterable is the next level (B035 walked it at every level: fuzzing).
            "dict_comprehensions.py": "g = " + "{k: v for k, v in " * n + "a" + "}" * n,
        })
        self.assertIn("E731", [d["code"] for d in by_file["lambdas.py"]])  # a lambda assigned

    def test_invalid_number_deep_inside_generators(self):
        # What Python's parser expected after an invalid number is found by climbing to its
        # bracket or statement, once by ts_node_parent, which walks down from the root at each
        # call: 25,000 `await` around 25,000 nested generators took two minutes (fuzzing).
        n = self.N // 2
        self.write("good.py", GOOD)
        self.write("deep.py", "x = " + "await " * n + "(z async for z in " * n + "01" + ")" * n + "\n")
        _, by_file = self.lint_json("--select", "ALL", ".")
        self.assert_good_linted(by_file)
        # Each `await` but the first holds another: Ruff's "Await expression cannot be used here".
        self.assertEqual(sorted((d["code"], d["message"]) for d in by_file["deep.py"]),
                         [("invalid-syntax", "Await expression cannot be used here")] * (n - 1)
                         + [("invalid-syntax", "Invalid decimal integer literal")])

    # Below the 60,000 open brackets that lint refuses. The syntax errors below depend on what
    # encloses the node (its bracket, a comprehension's parent); finding it by ts_node_parent or
    # by a walk down from the root costs the depth per node: with 20,000 levels these files took
    # 18 to 50 s each in Release, and 58,000 levels take minutes. The walk hands them its stack.
    DEEPEST_BRACKETS = 58_000

    def assert_syntax_errors(self, diags, expected):
        self.assertEqual(sorted((d["code"], d["location"]["row"], d["location"]["column"], d["message"]) for d in diags),
                         sorted(("invalid-syntax", row, column, message) for row, column, message in expected))

    def test_invalid_numbers_deep_inside_brackets(self):
        n = self.DEEPEST_BRACKETS
        numbers = "\n" + "01,\n" * n
        self.write("good.py", GOOD)
        self.write("lists.py", "x = " + "[" * n + numbers + "]" * n + "\n")
        self.write("calls.py", "x = " + "f(" * n + numbers + ")" * n + "\n")
        _, by_file = self.lint_json("--select", "ALL", ".", timeout=120)
        self.assert_good_linted(by_file)
        # Each number on its own line (rows 2 to n + 1); after the first, the list's or the
        # call's first element, Python's parser expected an element or the closing bracket.
        invalid = [(row, 1, "Invalid decimal integer literal") for row in range(2, n + 2)]
        self.assert_syntax_errors(by_file["lists.py"], invalid + [(2, 3, "Expected an expression or a ']'")])
        self.assert_syntax_errors(by_file["calls.py"], invalid + [(2, 3, "Expected an expression or a ')'")])

    def test_comprehension_clauses_deep_inside_brackets(self):
        # B023 is left out: it walks each comprehension's whole subtree when the comprehension
        # holds a lambda, quadratic in this nesting (10 s at 4,000 levels).
        n = self.DEEPEST_BRACKETS
        lambdas = "x = " + "[z for z in " * n + "y" + " if lambda: 1]" * n
        tuples = "x = " + "[z for z in " * n + "y" + ", b]" * n
        self.write("good.py", GOOD)
        self.write("lambdas.py", lambdas + "\n")
        self.write("tuples.py", tuples + "\n")
        _, by_file = self.lint_json("--select", "ALL", "--ignore", "B023", ".", timeout=120)
        self.assert_good_linted(by_file)
        columns = lambda line, token: [i + 1 for i in range(len(line)) if line.startswith(token, i)]
        self.assert_syntax_errors(by_file["lambdas.py"], [(1, column, "Lambda expression cannot be used here")
                                                          for column in columns(lambdas, "lambda")])
        self.assert_syntax_errors(by_file["tuples.py"], [(1, column, "Expected `]`, found `,`")
                                                         for column in columns(tuples, ", b]")])

    def test_walruses_deep_inside_brackets_before_python_38(self):
        # Whether a `:=` is a format spec (`f'{x:=10}'`) is read from its parent: 20,000 nested
        # walruses took 12 s in Release by ts_node_parent, 58,000 take over a minute.
        n = self.DEEPEST_BRACKETS
        self.write("good.py", GOOD)
        self.write("walruses.py", "x = " + "(a := " * n + "1" + ")" * n + "\n")
        _, by_file = self.lint_json("--select", "ALL", "--target-version", "py37", ".", timeout=60)
        self.assert_good_linted(by_file)
        message = "Cannot use named assignment expression (`:=`) on Python 3.7 (syntax was added in Python 3.8)"
        self.assert_syntax_errors(by_file["walruses.py"], [(1, 6 + 6 * level, message) for level in range(n)])

    def test_unclosed_brackets(self):
        self.write("good.py", GOOD)
        self.write("open.py", "x = " + "(" * self.N + "\n")
        self.write("open_mixed.py", "x = " + "([{" * (self.N // 3) + "\n")
        _, by_file = self.lint_json("--select", "ALL", ".")
        self.assert_good_linted(by_file)
        for name in ("open.py", "open_mixed.py"):
            self.assert_only(by_file, name, "invalid-syntax", "unexpected EOF while parsing (too many unclosed brackets)")

    def test_blocks(self):
        # CPython's tokenizer allows 99 levels of indentation: the 100th is an IndentationError
        # ("too many levels of indentation"). 100,000 levels would take 5 GB of indentation (50
        # GB of spaces); 10,000 with tabs takes 6 MB. Past 255 levels tree-sitter-python's scanner
        # loses count and reported a misleading error at 1:1; lint now says what Python says.
        def nested_ifs(depth, columns=lambda level: " " * level):
            return "".join(columns(level) + "if a:\n" for level in range(depth)) + columns(depth) + "y == None\n"

        self.write("good.py", GOOD)
        self.write("deepest_valid.py", nested_ifs(99))
        for depth in (100, 256, 1000):
            self.write(f"ifs_{depth}.py", nested_ifs(depth))
        self.write("ifs_10000_tabs.py", nested_ifs(10_000, indentation))
        mixed = "".join(indentation(level) + kw + "\n" for level, kw in
                        enumerate(["def f():", "class C:", "with a:", "for z in a:", "while a:", "try:"] * 20))
        self.write("mixed_blocks.py", "a = 1\n" + mixed)
        _, by_file = self.lint_json("--select", "ALL", ".")
        self.assert_good_linted(by_file)
        self.assertEqual([(d["code"], d["location"]["row"], d["location"]["column"])
                          for d in by_file["deepest_valid.py"] if d["code"] in ("E711", "invalid-syntax")], [("E711", 100, 105)])
        for name in ("ifs_100.py", "ifs_256.py", "ifs_1000.py", "ifs_10000_tabs.py"):
            self.assert_only(by_file, name, "invalid-syntax", "too many levels of indentation", row=101)
        self.assert_only(by_file, "mixed_blocks.py", "invalid-syntax", "too many levels of indentation", row=102)


class ParserLimits(Workspace):
    """Inputs on which Debian's tree-sitter 0.20.7 corrupted its heap, ending the whole run with no
    output for any file (65,535 is where its 16-bit counts wrapped), and one on which the grammar's
    scanner took quadratic time. Each is linted or refused with a syntax error, beside a good file."""

    def test_inputs_that_crashed_the_old_parser(self):
        self.write("good.py", GOOD)
        self.write("comments.py", "#\n" * 65_535)
        self.write("comments_after_statement.py", "y = 1\n" + "#\n" * 65_535 + "y == None\n")
        self.write("continued.py", "y = 1\n" + "y == \\\n" * 65_535 + "None\n")
        self.write("stars.py", "x = [" + "*" * 66_000 + "\n")
        self.write("lambda_defaults.py", "lambda x=" * 21_845 + "\n")
        self.write("dict_unpacking.py", "f(**{'a': " * 16_000 + "\n")
        self.write("fstrings.py", 'f"{' * 66_000 + "\n")
        _, by_file = self.lint_json("--select", "ALL", ".", timeout=120)
        self.assert_good_linted(by_file)
        self.assertNotIn("comments.py", by_file)
        self.assertEqual([(d["code"], d["location"]["row"]) for d in by_file["comments_after_statement.py"]
                          if d["code"] in ("E711", "invalid-syntax")], [("E711", 65_537)])
        # `y == \` continued 65,535 times: one logical line, `y == y == ... == None`.
        self.assertNotIn("invalid-syntax", [d["code"] for d in by_file["continued.py"]])
        for name in ("stars.py", "lambda_defaults.py", "dict_unpacking.py", "fstrings.py"):
            self.assertIn("invalid-syntax", [d["code"] for d in by_file[name]], name)

    def test_scanner_state_past_its_buffer(self):
        # The grammar's scanner saved two bytes per indentation level into a 1,024-byte buffer
        # with room checked for one: an odd number of open string delimiters and 600 levels of
        # indentation (error recovery inside an unclosed bracket) wrote one byte past it, into the
        # parser, and lint crashed (found by fuzzing; cmake/Grammar.cmake patches the scanner).
        self.write("good.py", GOOD)
        levels = "".join(" " * i + "if x:\n" for i in range(1, 601))
        self.write("deep_if_in_bracket.py", "{if x:\n" + levels + " " * 601 + 't"{' + "\ny == None\n")
        self.write("odd_delimiters.py", "{if x:\n" + levels + " " * 601 + 't"{' * 255 + "\ny == None\n")
        _, by_file = self.lint_json("--select", "ALL", ".", timeout=120)
        self.assert_good_linted(by_file)
        for name in ("deep_if_in_bracket.py", "odd_delimiters.py"):
            self.assertIn("invalid-syntax", [d["code"] for d in by_file[name]], name)

    def test_runs_of_continuation_lines(self):
        # Lines holding only `\\`: tree-sitter-python's scanner read ahead over the whole run before
        # each of them (65,535 took minutes). Python reads the run as blanks.
        self.write("good.py", GOOD)
        self.write("only_continuations.py", "\\\n" * 65_535)
        self.write("run_then_code.py", "y = 1\n" + "y == \\\n" + "  \\\r\n" * 65_535 + "None\n")
        self.write("in_string.py", 'y = 1\ns = """\n' + "\\\n" * 1000 + '"""\ny == None\n')
        _, by_file = self.lint_json("--select", "E711,E9,F821", ".", timeout=60)
        self.assert_good_linted(by_file)
        self.assert_only(by_file, "only_continuations.py", "invalid-syntax", "unexpected EOF while parsing",
                         row=65_535)
        self.assertEqual([(d["code"], d["location"]["row"], d["location"]["column"])
                          for d in by_file["run_then_code.py"]], [("E711", 65_538, 1)])  # at `None`, as Ruff
        self.assertEqual([(d["code"], d["location"]["row"]) for d in by_file["in_string.py"]], [("E711", 1004)])


class BigFiles(Workspace):
    def test_50_megabytes(self):
        # Mostly comments and a long string, with real code between them: tree-sitter keeps 20
        # to 150 bytes per byte of dense code, so a 50 MB file of code alone needs gigabytes
        # (see the README). Offsets and rows past 2**24 must still be right.
        function = textwrap.dedent('''

            def function(argument, *args, option=None, **kwargs):
                """Return something computed from `argument`."""
                # A comment explaining the next lines.
                result = [item * 2 for item in args if item is not None]
                if option is None:
                    option = {"key": "value", "other": [1, 2, 3]}
                return compute(argument, result, option=option, **kwargs)
            ''')
        code = "compute = print\ny = 1\n" + function * 200
        comments = ("# " + "comment " * 12 + "\n") * 2000
        doc = 'DOC = """' + ("documentation line " * 5 + "\n") * 100_000 + '"""\n'
        chunk = code + comments + doc
        count = 50 * 1024 * 1024 // len(chunk) + 1
        text = chunk * count + "if y == None:\n    pass\n"
        self.assertGreaterEqual(len(text), 50 * 1024 * 1024)
        self.write("big.py", text)
        self.write("good.py", GOOD)
        _, by_file = self.lint_json("--select", "E711,E9,F821", ".")
        self.assert_good_linted(by_file)
        rows = text.count("\n")
        self.assertEqual([(d["code"], d["location"]["row"], d["location"]["column"]) for d in by_file["big.py"]],
                         [("E711", rows - 1, 9)])

    def test_too_large_for_32_bit_offsets(self):
        # A sparse 3 GB file: refused at once, without reading (or allocating) gigabytes.
        huge = self.write("huge.py", b"")
        os.truncate(huge, 3 * 1024 ** 3)
        self.write("good.py", GOOD)
        _, by_file = self.lint_json("--select", "E711,E902", ".", timeout=60)
        self.assert_good_linted(by_file)
        self.assert_only(by_file, "huge.py", "E902", "File too large")

    def test_one_megabyte_line(self):
        # One line of a million bytes, with multi-byte characters: columns count characters.
        line = "x = [" + "'é', " * 200_000 + "]; y == None"
        self.assertGreaterEqual(len(line.encode()), 1024 * 1024)
        self.write("line.py", "y = 1\n" + line)  # no final newline either
        self.write("good.py", GOOD)
        _, by_file = self.lint_json("--select", "E711,E7,E9", ".")
        self.assert_good_linted(by_file)
        got = sorted((d["code"], d["location"]["row"], d["location"]["column"]) for d in by_file["line.py"])
        self.assertEqual(got, [("E702", 2, line.index(";") + 1), ("E711", 2, len(line) - 3)])
        # The full format shows a snippet of it without trouble.
        proc = run("--isolated", "--select", "E711", "line.py", cwd=self.dir)
        self.assert_no_crash(proc)
        self.assertIn(b"Found 1 error.", proc.stdout)


class Encodings(Workspace):
    def test_nul_bytes(self):
        self.write("nul.py", b"x = 1\x00\ny == None\n")
        self.write("nul_in_string.py", b"s = 'a\x00b'\n")
        self.write("only_nul.py", b"\x00")
        self.write("good.py", GOOD)
        _, by_file = self.lint_json("--select", "ALL", ".")
        self.assert_good_linted(by_file)
        message = "source code cannot contain null bytes"  # as Python says it
        for name, column in (("nul.py", 6), ("nul_in_string.py", 7), ("only_nul.py", 1)):
            self.assert_only(by_file, name, "invalid-syntax", message)
            self.assertEqual(by_file[name][0]["location"], {"row": 1, "column": column})
        proc = run("--isolated", "--output-format", "concise", "-", input=b"a\x00", cwd=self.dir)
        self.assert_no_crash(proc)
        self.assertIn(b"-:1:2: invalid-syntax: source code cannot contain null bytes", proc.stdout)

    def test_invalid_utf8(self):
        cases = {
            "ff.py": b"s = '\xff'\n",
            "overlong.py": b"s = '\xc0\xaf'\n",
            "surrogate.py": b"s = '\xed\xa0\x80'\n",
            "beyond_unicode.py": b"s = '\xf4\x90\x80\x80'\n",
            "truncated_at_end.py": b"s = 1\n\xe2\x82",
            "latin1_declared.py": b"# -*- coding: latin-1 -*-\ns = 'caf\xe9'\n",
            "utf16.py": "x = 1\n".encode("utf-16"),
        }
        for name, content in cases.items():
            self.write(name, content)
        self.write("good.py", GOOD)
        _, by_file = self.lint_json("--select", "E711,E902", ".")
        self.assert_good_linted(by_file)
        for name in cases:
            # As Ruff: only UTF-8 is read, whatever a coding declaration says.
            self.assert_only(by_file, name, "E902", "stream did not contain valid UTF-8")
        # Not selected, E902 is a warning naming the file; the exit status is unchanged.
        proc = run("--isolated", "--select", "E711", "latin1_declared.py", cwd=self.dir)
        self.assert_no_crash(proc, (0,))
        self.assertIn(b"latin1_declared.py: stream did not contain valid UTF-8", proc.stderr)
        proc = run("--isolated", "--output-format", "json", "--select", "E902", "-", input=b"\xff", cwd=self.dir)
        self.assert_no_crash(proc)
        self.assertEqual(json.loads(proc.stdout)[0]["code"], "E902")

    def test_byte_order_mark(self):
        self.write("bom.py", b"\xef\xbb\xbfy == None\n")
        self.write("bom_coding.py", b"\xef\xbb\xbf# -*- coding: utf-8 -*-\ny == None\n")
        self.write("bom_only.py", b"\xef\xbb\xbf")
        self.write("bom_twice.py", b"\xef\xbb\xbf\xef\xbb\xbfx = 1\n")
        self.write("good.py", GOOD)
        _, by_file = self.lint_json("--select", "E711,E9", ".")
        self.assert_good_linted(by_file)
        self.assertEqual([(d["code"], d["location"]) for d in by_file["bom.py"]], [("E711", {"row": 1, "column": 6})])
        self.assertEqual([(d["code"], d["location"]) for d in by_file["bom_coding.py"]],
                         [("E711", {"row": 2, "column": 6})])
        self.assertNotIn("bom_only.py", by_file)
        # A second BOM is a U+FEFF character in the code: a syntax error.
        self.assertEqual([d["code"] for d in by_file["bom_twice.py"]], ["invalid-syntax"])

    def test_line_endings(self):
        self.write("crlf.py", b"a = 1\r\nif a:\r\n    y == None\r\n")
        self.write("cr.py", b"a = 1\rif a:\r    y == None\r")
        self.write("mixed.py", b"a = 1\r\nb = 2\rc = 3\nif a:\r\n    y == None\r")
        self.write("cr_in_string.py", b"s = '''a\rb\r\nc'''\ny == None\n")
        self.write("crlf_continuation.py", b"x = 1 + \\\r\n    2\r\ny == None\r\n")
        self.write("cr_only.py", b"\r")
        self.write("good.py", GOOD)
        _, by_file = self.lint_json("--select", "E711,E9", ".")
        self.assert_good_linted(by_file)
        expected = {"crlf.py": (3, 10), "cr.py": (3, 10), "mixed.py": (5, 10), "cr_in_string.py": (4, 6),
                    "crlf_continuation.py": (3, 6)}
        for name, (row, column) in expected.items():
            self.assertEqual([(d["code"], d["location"]["row"], d["location"]["column"]) for d in by_file[name]],
                             [("E711", row, column)], name)
        self.assertNotIn("cr_only.py", by_file)

    def test_form_feeds_and_tabs(self):
        # A form feed sets the indentation back to 0, as in Python (which compiles all of these
        # but the last); tabs count as one character in columns, as in Ruff.
        self.write("ff_first.py", b"\x0cx = 1\ny == None\n")
        self.write("ff_indent.py", b"if x:\n\x0c    y == None\n")
        self.write("ff_line.py", b"x = 1\n\x0c\ny == None\n")
        self.write("tabs.py", b"if x:\n\tif y:\n\t\tz == None\n")
        self.write("tabs_and_spaces.py", b"if x:\n\tif y:\n\t        z == None\n")
        self.write("inconsistent.py", b"if x:\n        a = 1\n\tz == None\n")  # Python: TabError
        self.write("good.py", GOOD)
        _, by_file = self.lint_json("--select", "E711,E9", ".")
        self.assert_good_linted(by_file)
        expected = {"ff_first.py": (2, 6), "ff_indent.py": (2, 11), "ff_line.py": (3, 6), "tabs.py": (3, 8),
                    "tabs_and_spaces.py": (3, 15)}
        for name, (row, column) in expected.items():
            self.assertEqual([(d["code"], d["location"]["row"], d["location"]["column"]) for d in by_file[name]],
                             [("E711", row, column)], name)
        self.assertIn("inconsistent.py", by_file)

    def test_empty_and_nearly_empty_files(self):
        for name, content in {"empty.py": b"", "newline.py": b"\n", "spaces.py": b"   ", "comment.py": b"# c",
                              "backslash.py": b"\\", "backslash_newline.py": b"x = 1 \\\n",
                              "backslash_spaces.py": b"x = 1 \\\n   "}.items():
            self.write(name, content)
        self.write("good.py", GOOD)
        _, by_file = self.lint_json("--select", "ALL", ".")
        self.assert_good_linted(by_file)
        for name in ("empty.py", "newline.py", "spaces.py", "comment.py", "backslash_spaces.py"):
            self.assertNotIn(name, by_file)
        # A backslash continuing the last line onto the end of the file: Python's error (the
        # grammar accepted it).
        for name in ("backslash.py", "backslash_newline.py"):
            self.assert_only(by_file, name, "invalid-syntax", "unexpected EOF while parsing")
        proc = run("--isolated", "--output-format", "json", "-", input=b"", cwd=self.dir)
        self.assert_no_crash(proc, (0,))
        self.assertEqual(json.loads(proc.stdout), [])

    def test_parser_state_does_not_leak_between_files(self):
        # Found by fuzzing: a file ending inside an f-string left tree-sitter-python's scanner
        # believing it was still in one, and the next file parsed on the same thread had a
        # syntax error that was not there. Two identical files must give identical results.
        text = 'if x:\n    pass\ny = f"\n'
        self.write("a.py", text)
        self.write("b.py", text)
        self.write("good.py", GOOD)
        _, by_file = self.lint_json("--select", "E711,E9", "--threads", "1", ".")
        self.assert_good_linted(by_file)
        where = lambda name: [(d["code"], d["location"], d["message"]) for d in by_file[name]]
        self.assertEqual(where("a.py"), where("b.py"))


class FuzzRegressions(Workspace):
    """What fuzzing once found (fuzz/regressions/), linted with every rule: no crash, valid JSON
    (run under scripts/test --sanitize, an invalid read fails the test too)."""

    def test_every_regression_input(self):
        regressions = Path(__file__).resolve().parents[2] / "fuzz" / "regressions"
        inputs = sorted(p for p in regressions.iterdir() if p.is_file())  # fuzz_config/: configurations
        self.assertTrue(inputs)
        for p in inputs:
            shutil.copyfile(p, self.dir / p.name)
        self.write("good.py", GOOD)
        _, by_file = self.lint_json("--select", "ALL", "--threads", "1", ".")
        self.assert_good_linted(by_file)


class FixText(Workspace):
    """A fix copies the text it keeps, so fixing each level of nested code copies the nesting once
    per level: quadratic. A file's fixes hold at most 16 MB plus four times its size of new text;
    the rest of the diagnostics are reported without a fix, with one warning."""

    DEPTH = 3000  # about 54 MB of PIE804 fix text from 36 KB, over the 16 MB limit

    def test_nested_fixes_bounded(self):
        source = "f(**{'a': " * self.DEPTH + "1" + "})" * self.DEPTH + "\n"
        self.write("nested.py", source)
        self.write("good.py", GOOD)
        proc, by_file = self.lint_json("--select", "PIE804,E711", ".")
        self.assertEqual(proc.returncode, 1)
        self.assert_good_linted(by_file)
        self.assertEqual(by_file["good.py"][0]["fix"] is not None, True)
        nested = by_file["nested.py"]
        self.assertEqual(len(nested), self.DEPTH)
        fixed = [d for d in nested if d["fix"] is not None]
        kept = sum(len(e["content"]) for d in fixed for e in d["fix"]["edits"])
        self.assertGreater(len(fixed), 0)
        self.assertLess(len(fixed), self.DEPTH)
        self.assertLessEqual(kept, (16 << 20) + 4 * len(source))
        err = proc.stderr.decode()
        self.assertIn(f"warning: Dropped the fixes of {self.DEPTH - len(fixed)} diagnostics in nested.py", err)
        self.assertNotIn("good.py", err)

    def test_shallow_nesting_keeps_every_fix(self):
        self.write("nested.py", "f(**{'a': " * 50 + "1" + "})" * 50 + "\n")
        proc, by_file = self.lint_json("--select", "PIE804", ".")
        self.assertEqual(proc.returncode, 1)
        self.assertEqual([d["fix"] is not None for d in by_file["nested.py"]], [True] * 50)
        self.assertNotIn("Dropped", proc.stderr.decode())


class FileSystem(Workspace):
    def test_directory_named_like_a_python_file(self):
        (self.dir / "empty.py").mkdir()
        self.write("pkg.py/inner.py", GOOD)
        self.write("good.py", GOOD)
        _, by_file = self.lint_json("--select", "E711,E902", ".")
        self.assert_good_linted(by_file)
        self.assert_good_linted(by_file, "pkg.py/inner.py")
        self.assertEqual(sorted(by_file), ["good.py", "pkg.py/inner.py"])
        # Named on the command line, a directory is searched, not read.
        _, by_file = self.lint_json("--select", "E711,E902", "empty.py", "pkg.py", "good.py")
        self.assertEqual(sorted(by_file), ["good.py", "pkg.py/inner.py"])

    def test_symlink_loops(self):
        self.write("good.py", GOOD)
        os.symlink("self.py", self.dir / "self.py")
        os.symlink("ping.py", self.dir / "pong.py")
        os.symlink("pong.py", self.dir / "ping.py")
        self.write("sub/inner.py", GOOD)
        os.symlink("..", self.dir / "sub" / "parent")  # directory loops: not followed
        os.symlink(".", self.dir / "sub" / "here")
        os.symlink("../sub", self.dir / "sub" / "loop.py")  # a directory symlink named like a file
        _, by_file = self.lint_json("--select", "E711,E902", ".", timeout=60)
        self.assert_good_linted(by_file)
        self.assert_good_linted(by_file, "sub/inner.py")
        message = "Too many levels of symbolic links (os error 40)"
        for name in ("self.py", "ping.py", "pong.py"):
            self.assert_only(by_file, name, "E902", message)
        self.assertEqual(sorted(by_file), ["good.py", "ping.py", "pong.py", "self.py", "sub/inner.py"])
        # Named explicitly, a looping path is linted once per file.
        _, by_file = self.lint_json("--select", "E711,E902", "sub/here/here/parent/sub", "self.py", timeout=60)
        self.assertEqual(sorted(by_file), ["self.py", "sub/here/here/parent/sub/inner.py"])

    def drop_root(self, args):
        """Runs lint as nobody when we are root (root reads anything)."""
        if os.geteuid() != 0:
            return run(*args, cwd=self.dir)
        if not shutil.which("setpriv"):
            self.skipTest("setpriv is needed to drop root")
        return subprocess.run(["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", lint_e2e.LINT, *args],
                              cwd=self.dir, capture_output=True, timeout=TIMEOUT)

    def test_unreadable_file_and_folder(self):
        os.chmod(self.write("secret.py", GOOD), 0)
        self.write("closed/hidden.py", GOOD)
        os.chmod(self.dir / "closed", 0)
        self.write("good.py", GOOD)
        proc = self.drop_root(["--isolated", "--output-format", "json", "--select", "E711,E902", "."])
        self.assert_no_crash(proc)
        by_file = {os.path.basename(d["filename"]): d for d in json.loads(proc.stdout)}
        self.assertEqual(by_file["secret.py"]["code"], "E902")
        self.assertEqual(by_file["secret.py"]["message"], "Permission denied (os error 13)")
        self.assertEqual(by_file["good.py"]["code"], "E711")
        self.assertNotIn("hidden.py", by_file)  # a folder that cannot be listed is skipped

    def test_fifo_and_devices(self):
        os.mkfifo(self.dir / "pipe.py")
        os.mkfifo(self.dir / "named_pipe")
        self.write("good.py", GOOD)
        # Nothing writes to the FIFOs: reading them would block forever. /dev/zero never ends.
        _, by_file = self.lint_json("--select", "E711,E902", ".", "named_pipe", "/dev/zero", "/dev/null",
                                    timeout=60)
        self.assert_good_linted(by_file)
        for name in ("pipe.py", "named_pipe", "/dev/zero", "/dev/null"):
            self.assert_only(by_file, os.path.relpath(name, self.dir) if name.startswith("/") else name,
                             "E902", "Not a regular file")

    def test_files_changed_between_discovery_and_reading(self):
        # Deterministically: with one thread, files are read one after the other, and a Python
        # rule (the public API, no test hook) running on the first file read sabotages the
        # others, which were all discovered already. The rule writes which file it ran on.
        self.write("rules/saboteur.py", '''
import os
from lint import Rule


class Saboteur(Rule):
    code = "X991"
    message = "x"
    done = False

    def visit_module(self, node):
        if Saboteur.done:
            return
        Saboteur.done = True
        with open("first", "w") as f:
            f.write(self.path)
        for name in os.listdir("proj"):
            path = os.path.join("proj", name)
            if name == os.path.basename(self.path):
                continue
            if name == "deleted.py":
                os.remove(path)
            elif name == "now_fifo.py":
                os.remove(path)
                os.mkfifo(path)
            elif name == "now_directory.py":
                os.remove(path)
                os.mkdir(path)
            elif name == "now_binary.py":
                with open(path, "wb") as f:
                    f.write(b"\\xff\\xfe")
            elif name == "now_empty.py":
                open(path, "w").close()
            elif name == "now_dangling.py":
                os.remove(path)
                os.symlink("nowhere", path)
''')
        expected = {"deleted.py": ("E902", "No such file or directory (os error 2)"),
                    "now_fifo.py": ("E902", "Not a regular file"),
                    "now_directory.py": ("E902", "Is a directory (os error 21)"),
                    "now_binary.py": ("E902", "stream did not contain valid UTF-8"),
                    "now_empty.py": None,
                    "now_dangling.py": ("E902", "No such file or directory (os error 2)")}
        for name in expected:
            self.write(f"proj/{name}", GOOD)
        _, by_file = self.lint_json("--python-rules", "rules", "--select", "E711,E902,X991", "--threads", "1",
                                    "proj", json_lines=False, timeout=60)
        first = os.path.basename((self.dir / "first").read_text())
        self.assert_good_linted(by_file, f"proj/{first}")
        for name, outcome in expected.items():
            if name == first:
                continue
            if outcome is None:
                self.assertNotIn(f"proj/{name}", by_file)
            else:
                self.assert_only(by_file, f"proj/{name}", *outcome)

    def test_strange_file_names(self):
        names = [b"with space.py", b"new\nline.py", b"tab\there.py", b'quote".py', b"back\\slash.py",
                 b"caf\xc3\xa9.py", b"not utf8 \xff\xfe.py", b"-dash.py", b"\xe2\x80\xaeright-to-left.py"]
        root = os.fsencode(self.dir)
        for name in names:
            with open(os.path.join(root, name), "wb") as f:
                f.write(GOOD.encode())
        self.write("good.py", GOOD)
        proc = run("--isolated", "--output-format", "json", "--select", "E711", ".", cwd=self.dir)
        self.assert_no_crash(proc)
        diags = json.loads(proc.stdout)  # valid JSON, however the names are spelled
        names_seen = sorted(os.path.basename(d["filename"]) for d in diags)
        # Bytes that are not UTF-8 are replaced with U+FFFD in JSON; the rest is kept.
        expected = sorted([n.decode("utf-8", "replace") for n in names] + ["good.py"])
        self.assertEqual(names_seen, expected)
        lines = run("--isolated", "--output-format", "json-lines", "--select", "E711", ".", cwd=self.dir)
        self.assertEqual(len(lines.stdout.splitlines()), len(names) + 1)  # a newline in a name is escaped
        self.assertEqual([json.loads(line) for line in lines.stdout.splitlines()], diags)
        # The text formats print names as they are, but for control characters (as control
        # pictures), bidirectional controls and bytes that are not UTF-8 (as U+FFFD).
        shown = {b"new\nline.py": "new\u240aline.py", b"tab\there.py": "tab\u2409here.py",
                 b"not utf8 \xff\xfe.py": "not utf8 \ufffd\ufffd.py", b"\xe2\x80\xaeright-to-left.py": "\ufffdright-to-left.py"}
        for fmt in ("concise", "full"):
            out = run("--isolated", "--output-format", fmt, "--select", "E711", ".", cwd=self.dir)
            self.assert_no_crash(out)
            for name in names:
                self.assertIn(shown[name].encode() if name in shown else name, out.stdout, (fmt, name))
        # A file named on the command line, and --show-files.
        proc = run("--isolated", "--output-format", "json", "--select", "E711", "--", "-dash.py",
                   os.fsdecode(b"not utf8 \xff\xfe.py"), cwd=self.dir)
        self.assert_no_crash(proc)
        self.assertEqual(len(json.loads(proc.stdout)), 2)
        shown = run("--isolated", "--show-files", ".", cwd=self.dir)
        self.assert_no_crash(shown, (0,))
        for name in names:
            self.assertIn(os.path.join(root, name), shown.stdout)


if __name__ == "__main__":
    unittest.main()
