"""Pyflakes messages that fixtures do not check (they match codes and positions): those that
depend on which of several errors comes first, as Ruff 0.17.3 words them."""
import json
import os
import unittest
from pathlib import Path

from lint_e2e import run

FIXTURES = Path(os.environ.get("LINT_SOURCE_DIR", Path(__file__).resolve().parents[2])) / "fixtures"


class PyflakesMessages(unittest.TestCase):
    def messages(self, code, fixture):
        proc = run("--isolated", "--select", code, "--output-format", "json", str(FIXTURES / fixture))
        self.assertIn(proc.returncode, (0, 1), proc.stderr)
        return [(d["location"]["row"], d["location"]["column"], d["message"]) for d in json.loads(proc.stdout)]

    def test_forward_annotation_first_error(self):
        prefix = "Syntax error in forward annotation: "
        self.assertEqual(self.messages("F722", "pyflakes/forward_annotation_syntax_error_6.py"), [
            (4, 16, prefix + "Unexpected token at the end of an expression"),
            (4, 39, prefix + "Unexpected token at the end of an expression"),
            (7, 7, prefix + "Got unexpected token ☃"),
            (8, 7, prefix + "Got unexpected token →"),
            (9, 7, prefix + "missing closing quote in string literal"),
        ])


if __name__ == "__main__":
    unittest.main()
