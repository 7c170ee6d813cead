"""End-to-end tests of what lint prints from files it does not control: control characters of
source lines, messages, file names and configuration are shown as Ruff 0.17.3 shows them in its
snippets (C0 controls as control pictures, U+241B for ESC; bidirectional controls as U+FFFD; the
zero-width joiner dropped), never raw; line formats keep one diagnostic per line."""
import json
import shutil
import subprocess
import tempfile
import textwrap
import unittest
from pathlib import Path

from lint_e2e import run

ESC = "\x1b"
# Escape sequences that would clear the screen, set the title, plant an OSC 8 link and hide text;
# a bell, a backspace, DEL, shift-out, bidirectional overrides and isolates, a zero-width joiner.
HOSTILE = (f"{ESC}[2J{ESC}]0;title\x07 {ESC}]8;;http://evil{ESC}\\link{ESC}]8;;{ESC}\\ {ESC}[8mhidden{ESC}[0m"
           " a\x08b \u202erev\u202c \u2066iso\u2069 \x7f \x0e \x01 \x0c\x0b\u200d|")
# The same as Ruff 0.17.3 prints it in a snippet.
SHOWN = ("␛[2J␛]0;title␇ ␛]8;;http://evil␛\\link␛]8;;␛\\ ␛[8mhidden␛[0m"
         " a␈b \ufffdrev\ufffd \ufffdiso\ufffd ␡ ␎ ␁ ␌␋|")
RAW_CONTROLS = [chr(c) for c in range(0x20) if chr(c) not in "\n"] + ["\x7f", "\u202e", "\u2066", "\u200d"]


class Workspace(unittest.TestCase):
    def setUp(self):
        self.dir = Path(tempfile.mkdtemp(prefix="lint-e2e-term-"))

    def tearDown(self):
        shutil.rmtree(self.dir, ignore_errors=True)

    def write(self, rel, content):
        p = self.dir / rel
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_bytes(content.encode())
        return p

    def lint(self, *args, expect=(0, 1), **kw):
        proc = run("--isolated", "--no-cache", *args, cwd=self.dir, **kw)
        self.assertIn(proc.returncode, expect, proc.stderr.decode(errors="replace"))
        return proc

    def assert_printable(self, text, allow_tab=False):
        for c in RAW_CONTROLS:
            if allow_tab and c == "\t":
                continue
            self.assertNotIn(c, text, f"raw U+{ord(c):04X} in output:\n{text!r}")


class SameAsRuff(Workspace):
    def test_snippet_bytes(self):
        from test_formats import ruff  # ruff 0.17.3, when installed
        binary = ruff()
        if binary is None:
            self.skipTest("ruff 0.17.3 is not installed (scripts/test installs it into build/test-venv)")
        self.write("a.py", f"value = undefined  # {HOSTILE}\nother = 1  # {HOSTILE}\n")
        ours = self.lint("--select", "F821", "a.py").stdout
        theirs = subprocess.run([binary, "check", "--isolated", "--no-cache", "--select", "F821", "a.py"],
                                cwd=self.dir, capture_output=True).stdout
        self.assertEqual(ours.decode(), theirs.decode())


class SourceLines(Workspace):
    def test_snippet_shows_controls_as_ruff_does(self):
        self.write("a.py", f"x == None  # {HOSTILE}\n")
        out = self.lint("--select", "E711", "a.py").stdout.decode()
        self.assertIn(f"1 | x == None  # {SHOWN}\n", out)
        self.assertIn("  |      ^^^^\n", out)
        self.assert_printable(out)

    def test_carets_count_a_picture_as_one_column(self):
        # Eleven controls before the comparison, each one column wide, as in Ruff: `None` starts
        # at column 25.
        self.write("a.py", f"s = '{ESC * 5}\x07\x08\u202e\u2066\x7f\x01'; x == None\n")
        out = self.lint("--select", "E711", "a.py").stdout.decode()
        self.assertIn("1 | s = '␛␛␛␛␛␇␈\ufffd\ufffd␡␁'; x == None\n", out)
        self.assertIn(" --> a.py:1:25\n", out)
        self.assertIn("  |" + " " * 25 + "^^^^\n", out)

    def test_fix_preview_and_diff(self):
        # F541's fix rewrites the line: its preview in `full` and --diff show the line safely too.
        self.write("a.py", f'x = f"a{ESC}[2J \u202e \x0e"\n')
        full = self.lint("--select", "F541", "a.py").stdout.decode()
        self.assertIn('1 + x = "a␛[2J \ufffd ␎"\n', full)
        self.assert_printable(full)
        diff = self.lint("--select", "F541", "--diff", "a.py").stdout.decode()
        self.assertIn('+x = "a␛[2J \ufffd ␎"\n', diff)
        self.assert_printable(diff)

    def test_messages_quoting_the_source(self):
        # F509 quotes the unsupported character: `full` shows it as Ruff's title does, and so
        # does `concise` (where Ruff prints it raw); JSON keeps it, escaped.
        self.write("a.py", f'x = "%{ESC}" % (1,)\n')
        full = self.lint("--select", "F509", "a.py").stdout.decode()
        self.assertIn("F509 `%`-format string has unsupported format character `␛`\n", full)
        concise = self.lint("--select", "F509", "--output-format", "concise", "a.py").stdout.decode()
        self.assertIn("unsupported format character `␛`\n", concise)
        self.assert_printable(full + concise)
        [d] = json.loads(self.lint("--select", "F509", "--output-format", "json", "a.py").stdout)
        self.assertEqual(d["message"], f"`%`-format string has unsupported format character `{ESC}`")


class FileNames(Workspace):
    NAME = f"a{ESC}]0;owned\x07\nb.py"

    def test_text_formats(self):
        self.write(self.NAME, "x == None\n")
        for fmt in ("full", "concise", "grouped", "pylint"):
            out = self.lint("--select", "E711", "--output-format", fmt, ".").stdout.decode()
            self.assertIn("a␛]0;owned␇␊b.py", out, fmt)
            self.assert_printable(out, allow_tab=True)

    def test_azure_logging_commands_stay_one_line(self):
        # A line break in a name would start a logging command of its own.
        self.write(f"x\n##vso[task.setvariable variable=injected]1\n.py", "x == None\n")
        out = self.lint("--select", "E711", "--output-format", "azure", ".").stdout.decode()
        lines = out.splitlines()
        self.assertEqual(len(lines), 1, out)
        self.assertTrue(lines[0].startswith("##vso[task.logissue type=error;"), out)


class RuleText(Workspace):
    RULE = textwrap.dedent('''
        from lint import Rule


        class Loud(Rule):
            """Reports every call with hostile text."""

            code = "X901"
            name = "loud"
            message = "x"

            def visit_call(self, node):
                self.report(node, message="call\\x1b]0;title\\x07\\nsecond line\\u202e")
                raise ValueError("from the rule \\x1b[2J")
        ''')

    def test_python_rule_messages_and_errors(self):
        self.write("rules/loud.py", self.RULE)
        self.write("a.py", "f()\n")
        for fmt in ("full", "concise", "pylint"):
            proc = self.lint("--python-rules", "rules", "--select", "X901", "--output-format", fmt, "a.py", expect=(1, 2))
            out, err = proc.stdout.decode(), proc.stderr.decode()
            self.assert_printable(out)
            self.assert_printable(err.replace("\n", ""), allow_tab=True)
            self.assertIn("from the rule ␛[2J", err)
        proc = self.lint("--python-rules", "rules", "--select", "X901", "--output-format", "json", "a.py", expect=(1, 2))
        messages = [d["message"] for d in json.loads(proc.stdout)]
        self.assertEqual(messages, ["call␛]0;title␇␊second line\ufffd"])


class ConfigurationErrors(Workspace):
    def test_a_key_with_escapes(self):
        self.write("lint.toml", '"\\u001b]0;title\\u0007\\u001b[2J" = 1\n')
        self.write("a.py", "x = 1\n")
        proc = run("--no-cache", ".", cwd=self.dir)
        self.assertEqual(proc.returncode, 2)
        err = proc.stderr.decode()
        self.assertIn("unknown setting `␛]0;title␇␛[2J`", err)
        self.assert_printable(err.replace("\n", ""))


if __name__ == "__main__":
    unittest.main()
