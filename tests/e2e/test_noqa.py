"""End-to-end tests of `# noqa` suppression comments, line-level and file-level, as Ruff reads them."""
import json
import shutil
import subprocess
import tempfile
import unittest
from pathlib import Path

from lint_e2e import LINT


class Noqa(unittest.TestCase):
    def setUp(self):
        self.dir = Path(tempfile.mkdtemp(prefix="lint-noqa-"))

    def tearDown(self):
        shutil.rmtree(self.dir, ignore_errors=True)

    def lint(self, source, *args):
        """Lints `source` with E4, E7, E9 and F and returns its diagnostics as (code, row, column,
        noqa_row), sorted."""
        path = self.dir / "t.py"
        path.write_bytes(source.encode() if isinstance(source, str) else source)
        proc = subprocess.run([LINT, "--select", "E4,E7,E9,F", "--output-format", "json", *args, str(path)],
                              capture_output=True, timeout=60)
        self.assertIn(proc.returncode, (0, 1), proc.stderr.decode())
        return sorted(((d["code"], d["location"]["row"], d["location"]["column"], d["noqa_row"])
                       for d in json.loads(proc.stdout)), key=lambda d: (d[0] or "", d[1:3]))

    def codes(self, source, *args):
        return [(code, row) for code, row, _, _ in self.lint(source, *args)]


class LineLevel(Noqa):
    def test_blanket_suppresses_every_code_on_its_line(self):
        self.assertEqual(self.codes("import os; import sys  # noqa\nimport re\n"), [("F401", 2)])

    def test_codes_suppress_only_those_codes(self):
        source = "if x == None: pass  # noqa: E711\n"
        self.assertEqual(self.codes(source), [("E701", 1), ("F821", 1)])
        source = "if x == None: pass  # noqa: E701, E711\n"
        self.assertEqual(self.codes(source), [("F821", 1)])

    def test_code_list_spellings(self):
        for comment in ("# noqa:F821,E711", "# noqa: F821 E711", "# noqa : F821,  E711", "#noqa:F821,,E711",
                        "# noqa: F821F811 E711", "# noqa: F821, E711 because of reasons",
                        "# type: ignore # noqa: F821,E711", "# noqa: E711,F821# trailing"):
            with self.subTest(comment=comment):
                self.assertEqual(self.codes("if x == None: pass  " + comment + "\n"), [("E701", 1)])

    def test_case_insensitive_keyword_but_not_codes(self):
        self.assertEqual(self.codes("import os  # NOQA\nimport re  # NoQa: F401\n"), [])
        # Codes must be upper case: `f401` is no code, which makes the directive invalid.
        self.assertEqual(self.codes("import os  # noqa: f401\n"), [("F401", 1)])

    def test_blanket_spellings(self):
        for comment in ("#noqa", "# noqa - we need it", "# noqa F401", "# noqa#comment", "# a # noqa",
                        "# noqa\u00a0"):
            with self.subTest(comment=comment):
                self.assertEqual(self.codes("import os  " + comment + "\n"), [])

    def test_wrong_or_malformed_directives_do_not_suppress(self):
        for comment in ("# noqa: E711", "# noqa: F4", "# noqa: unused-import", "# noqa:", "# noqa123",
                        "# noqa; F401", "# noqa: F401abc", "# not noqa", "# nonoqa"):
            with self.subTest(comment=comment):
                self.assertEqual(self.codes("import os  " + comment + "\n"), [("F401", 1)])

    def test_noqa_inside_a_string_is_not_a_comment(self):
        self.assertEqual(self.codes("import os; s = '# noqa'\n"), [("E702", 1), ("F401", 1)])
        self.assertEqual(self.codes("import os; s = '''\n# noqa\n'''\n"), [("E702", 1), ("F401", 1)])

    def test_comment_on_another_line_does_not_suppress(self):
        self.assertEqual(self.codes("# noqa\nimport os\n"), [("F401", 2)])


class Mapping(Noqa):
    def test_multi_line_string_maps_to_its_last_line(self):
        source = 'if x == None: y = """a\nb\n"""  # noqa: E711, F821\n'
        self.assertEqual(self.lint(source), [("E701", 1, 13, 3)])
        # A comment on the string's first line does not count.
        source = 'if x == None: y = """a  # noqa\nb\n"""\n'
        self.assertEqual(self.lint(source), [("E701", 1, 13, 3), ("E711", 1, 9, 3), ("F821", 1, 4, 3)])

    def test_multi_line_f_string_maps_to_its_last_line(self):
        source = 'x = f"""{\nu1}\n"""  # noqa\ny = f"""{\nu2}\n"""\n'
        self.assertEqual(self.lint(source), [("F821", 5, 1, 6)])

    def test_single_quoted_string_with_backslash_newline_is_not_mapped(self):
        source = 'if None == x + "a\\\nb":  # noqa\n    pass\n'
        self.assertEqual(self.lint(source), [("E711", 1, 4, 1), ("F821", 1, 12, 1)])

    def test_backslash_continuation_maps_to_the_last_line(self):
        source = "if x == None and \\\n   y == None:  # noqa: E711\n    pass\n"
        self.assertEqual(self.lint(source), [("F821", 1, 4, 2), ("F821", 2, 4, 2)])
        source = "import os, \\\n    sys\nimport re  # noqa\n"
        self.assertEqual(self.lint(source), [("E401", 1, 1, 2), ("F401", 1, 8, 2), ("F401", 2, 5, 2)])

    def test_continuation_and_string_merge(self):
        source = 'if x == None and \\\n   x == """a\nb""" and \\\n   x == 3:  # noqa: E711, F821\n    pass\n'
        self.assertEqual(self.lint(source), [])

    def test_from_import_answers_to_the_statement_line(self):
        source = "from os import (  # noqa: F401\n    path,\n    sep,\n)\nfrom sys import (\n    argv,\n    exit,  # noqa\n)\n"
        # noqa_row stays the diagnostic's own line; the statement's first line is an extra place.
        self.assertEqual(self.lint(source), [("F401", 6, 5, 6)])

    def test_noqa_row_in_json(self):
        source = 'x = 1; y = """\n"""\nz = 1\n'
        self.assertEqual(self.lint(source), [("E702", 1, 6, 2)])


class FileLevel(Noqa):
    SOURCE = "import os\nif x == None: pass\n"
    ALL = [("E701", 2), ("E711", 2), ("F401", 1), ("F821", 2)]

    def test_blanket_forms(self):
        for comment in ("# ruff: noqa", "# flake8: noqa", "#ruff:NOQA", "  # ruff : noqa",
                        "# flake8: noqa because", "# hello # ruff: noqa"):
            with self.subTest(comment=comment):
                self.assertEqual(self.codes(self.SOURCE + comment + "\n"), [])
                self.assertEqual(self.codes(comment + "\n" + self.SOURCE), [])

    def test_codes_forms(self):
        for comment in ("# ruff: noqa: F401, E711", "# flake8: noqa: F401,E711", "# ruff: noqa: F401 E711"):
            with self.subTest(comment=comment):
                self.assertEqual(self.codes(self.SOURCE + comment + "\n"), [("E701", 2), ("F821", 2)])
        # Several lines add up.
        self.assertEqual(self.codes(self.SOURCE + "# ruff: noqa: F401\n# ruff: noqa: F821\n"),
                         [("E701", 2), ("E711", 2)])

    def test_lint_prefix_is_ours(self):
        # Not in Ruff: `lint:` works as `ruff:` does.
        self.assertEqual(self.codes(self.SOURCE + "# lint: noqa\n"), [])
        self.assertEqual(self.codes(self.SOURCE + "# lint: noqa: F401 E711\n"), [("E701", 2), ("F821", 2)])
        self.assertEqual(self.codes(self.SOURCE + "x = 1  # lint: noqa\n"), self.ALL)

    def test_not_on_its_own_line_or_wrong_case_or_malformed(self):
        for comment in ("x = 1  # ruff: noqa", "# RUFF: noqa", "# Flake8: noqa", "# ruff: noqa:",
                        "# ruff: noqa: F4", "# ruff: noqa: unused-import", "# ruffian: noqa"):
            with self.subTest(comment=comment):
                self.assertEqual(self.codes(self.SOURCE + comment + "\n"), self.ALL)

    def test_inside_a_string_it_is_not_a_comment(self):
        self.assertEqual(self.codes(self.SOURCE + '"""\n# ruff: noqa\n"""\n'), self.ALL)


class NeverSuppressed(Noqa):
    def test_syntax_errors(self):
        # Neither a line nor a file directive hides a syntax error; it has no noqa_row.
        diags = self.lint("def f(:  # noqa\n    pass\n# ruff: noqa\n")
        self.assertEqual(diags[0][:2], ("invalid-syntax", 1))
        self.assertEqual({(code, noqa_row) for code, _, _, noqa_row in diags}, {("invalid-syntax", None)})

    def test_token_rules_in_a_file_with_a_syntax_error_still_honour_noqa(self):
        diags = self.codes("x = 1; y = 2  # noqa: E702\nx = 1; y = 2\ndef f(:\n")
        self.assertEqual([d for d in diags if d[0] != "invalid-syntax"], [("E702", 2)])
        self.assertIn(("invalid-syntax", 3), diags)


class UnusedNoqa(Noqa):
    """RUF100, checked against Ruff 0.17.3's output on the same sources."""

    def ruf100(self, source, *args):
        path = self.dir / "t.py"
        path.write_text(source)
        proc = subprocess.run([LINT, "--isolated", "--output-format", "json", *args, str(path)], capture_output=True, timeout=60)
        self.assertIn(proc.returncode, (0, 1), proc.stderr.decode())
        return [(d["location"]["row"], d["location"]["column"], d["end_location"]["column"], d["message"])
                for d in json.loads(proc.stdout) if d["code"] == "RUF100"]

    SELECT = ("--select", "E4,E7,E9,F,RUF100")

    def test_unused_blanket_and_unused_codes(self):
        source = ("import os  # noqa\n"                  # used
                  "x = 1  # noqa\n"                      # unused blanket
                  "y = 2  # noqa: F401\n"                # unused code
                  "import re  # noqa: F401, E711\n"      # one used (F401), one not
                  "u = y == None  # noqa: E711, F401\n"  # E711 used
                  "def f():\n"
                  "    import json  # noqa: F841\n"      # F401 is reported there, not F841
                  "s = 1  # noqa: F401 # noqa: E711\n")  # the first directive counts
        self.assertEqual(self.ruf100(source, *self.SELECT), [
            (2, 8, 14, "Unused blanket `noqa` directive"),
            (3, 8, 20, "Unused `noqa` directive (unused: `F401`)"),
            (4, 12, 30, "Unused `noqa` directive (unused: `E711`)"),
            (5, 16, 34, "Unused `noqa` directive (unused: `F401`)"),
            (7, 18, 30, "Unused `noqa` directive (unused: `F841`)"),
            (8, 8, 20, "Unused `noqa` directive (unused: `F401`)"),
        ])

    def test_non_enabled_unknown_and_duplicated_codes(self):
        source = ("import os  # noqa: F401, F401\n"               # duplicated
                  "import sys  # noqa: F401, XYZ1\n"              # unknown codes are left alone
                  "x = 1  # noqa: XYZ1, E501, F401, F401\n"
                  "w = 1  # noqa: E501, UP001\n"                  # Ruff's rules, not enabled
                  "v = 1  # noqa: U001\n"                         # an old code of Ruff's
                  "t = 1  # noqa: XYZ123\n")
        self.assertEqual(self.ruf100(source, *self.SELECT), [
            (1, 12, 30, "Unused `noqa` directive (duplicated: `F401`)"),
            (3, 8, 38, "Unused `noqa` directive (unused: `F401`; non-enabled: `E501`; duplicated: `F401`)"),
            (4, 8, 27, "Unused `noqa` directive (non-enabled: `E501`, `UP001`)"),
            (5, 8, 20, "Unused `noqa` directive (non-enabled: `U001`)"),
        ])

    def test_extend_select_and_select_alone(self):
        source = "import os  # noqa: F401\nx = 1  # noqa: E711\n"
        self.assertEqual(self.ruf100(source, "--select", "E4,E7,E9,F", "--extend-select", "RUF100"),
                         [(2, 8, 20, "Unused `noqa` directive (unused: `E711`)")])
        self.assertEqual(self.ruf100(source, "--select", "RUF100"), [
            (1, 12, 24, "Unused `noqa` directive (non-enabled: `F401`)"),
            (2, 8, 20, "Unused `noqa` directive (non-enabled: `E711`)"),
        ])
        # In Ruff 0.17.3's default set, E711 is not.
        self.assertEqual(self.ruf100(source), [(2, 8, 20, "Unused `noqa` directive (non-enabled: `E711`)")])

    def test_directives_naming_ruf100_and_file_level_exemptions(self):
        self.assertEqual(self.ruf100("x = 1  # noqa: RUF100\ny = 1  # noqa: E501, RUF100\n", *self.SELECT), [])
        self.assertEqual(self.ruf100("# ruff: noqa: RUF100\nx = 1  # noqa\n", *self.SELECT), [])
        self.assertEqual(self.ruf100("# ruff: noqa\nx = 1  # noqa\n", *self.SELECT), [])
        # File-level codes: used when a diagnostic of the file has them.
        self.assertEqual(self.ruf100("# ruff: noqa: F401, E501\nimport os\n", *self.SELECT),
                         [(1, 1, 25, "Unused `noqa` directive (non-enabled: `E501`)")])
        self.assertEqual(self.ruf100("x = 1\n    # ruff: noqa: F841\n", *self.SELECT),
                         [(2, 5, 23, "Unused `noqa` directive (unused: `F841`)")])
        # A diagnostic the file exempts does not use a line directive.
        self.assertEqual(self.ruf100("import os\n# ruff: noqa: F401\nimport sys # noqa: F401\n", *self.SELECT),
                         [(3, 12, 24, "Unused `noqa` directive (unused: `F401`)")])

    def test_per_file_ignores_make_codes_non_enabled(self):
        (self.dir / "lint.toml").write_text('select = ["F", "RUF100"]\nper-file-ignores = { "t.py" = ["F401"] }\n')
        path = self.dir / "t.py"
        path.write_text("import os  # noqa: F401\nimport re  # noqa\n")
        proc = subprocess.run([LINT, "--output-format", "concise", str(path)], capture_output=True, cwd=self.dir, timeout=60)
        self.assertEqual(proc.stdout.decode().splitlines()[:2], [
            "t.py:1:12: RUF100 [*] Unused `noqa` directive (non-enabled: `F401`)",
            "t.py:2:12: RUF100 [*] Unused blanket `noqa` directive"])

    def test_multi_line_strings_and_syntax_errors(self):
        self.assertEqual(self.ruf100('x = """\n# noqa\n"""  # noqa\n', *self.SELECT),
                         [(3, 6, 12, "Unused blanket `noqa` directive")])
        # Nothing in a file that does not parse.
        self.assertEqual(self.ruf100("import os  # noqa: E501\ndef f(:\n", *self.SELECT), [])

    def test_json_fields(self):
        path = self.dir / "t.py"
        path.write_text("x = 1  # noqa\n")
        proc = subprocess.run([LINT, "--isolated", "--select", "RUF100", "--output-format", "json", str(path)],
                              capture_output=True, timeout=60)
        [d] = json.loads(proc.stdout)
        self.assertEqual((d["code"], d["name"], d["noqa_row"], d["url"]),
                         ("RUF100", "unused-noqa", 1, "https://docs.astral.sh/ruff/rules/unused-noqa"))


if __name__ == "__main__":
    unittest.main()
