"""What the shipped rules' fixes share, as Ruff's fixes do it: which statement an expression is
the whole of, the statement enclosing another, and positions in the file's bytes (offsets as
nodes count them: `rule.source_bytes`).

(Not a rule file: its name starts with an underscore, so lint looks for no rule in it; rule files
import it as `._fixes`.)
"""
from lint import Edit, Fix

# Node kinds that are statements in Ruff's tree (a decorated definition is its function or class).
STATEMENTS = {
    "expression_statement", "return_statement", "delete_statement", "raise_statement", "assert_statement",
    "if_statement", "for_statement", "while_statement", "with_statement", "try_statement", "match_statement",
    "function_definition", "class_definition", "decorated_definition", "type_alias_statement",
}

# Node kinds between a statement and the expressions it holds that are no expressions in Ruff's
# tree: an expression under them (up to the statement) is still the statement's own.
STATEMENT_PARTS = {
    "assignment", "augmented_assignment", "type", "with_item", "with_clause", "elif_clause", "except_clause",
    "decorator", "parameters", "default_parameter", "typed_default_parameter", "typed_parameter",
    "argument_list", "keyword_argument", "if_clause", "case_clause",
}

_BLANKS = b" \t\f"


def root_statement(expression):
    """The statement of which `expression` is a whole expression (not part of a larger one), as
    Ruff's semantic model has no expression parent for it; None otherwise."""
    node = expression
    while True:
        parent = node.parent
        if parent is None:
            return None
        if parent.type == "expression_statement":
            # `a, b` is a tuple in Ruff's tree, not two expressions.
            if [c for c in parent.named_children if c.type != "comment"] != [node]:
                return None
            return parent
        if parent.type in STATEMENTS:
            if parent.type in ("function_definition", "class_definition") and parent.parent.type == "decorated_definition":
                return parent.parent
            return parent
        if parent.type != "parenthesized_expression" and parent.type not in STATEMENT_PARTS:
            return None
        node = parent


def enclosing_statement(statement):
    """The compound statement whose body holds `statement`, or None at the top of the module."""
    node = statement.parent
    while node is not None and node.type not in STATEMENTS:
        node = node.parent
    return node


def removal(expression):
    """Ruff's unsafe fix deleting the statement that `expression` is the whole of (None when it
    is part of a larger expression): one statement of a block per round of fixes."""
    statement = root_statement(expression)
    if statement is None:
        return None
    fix = Fix.unsafe(Edit.delete_statement(statement))
    parent = enclosing_statement(statement)
    return fix.isolate(parent) if parent is not None else fix


def line_start(text, offset):
    # A `\r` is looked for only after the last `\n`: not through the whole file before it.
    newline = text.rfind(b"\n", 0, offset)
    return max(newline, text.rfind(b"\r", newline + 1, offset)) + 1


def line_end(text, offset):
    """Where the line holding `offset` ends, before its line ending."""
    # A `\r` is looked for only up to the next `\n`: not through the whole rest of the file.
    newline = text.find(b"\n", offset)
    end = len(text) if newline < 0 else newline
    carriage = text.find(b"\r", offset, end)
    return end if carriage < 0 else carriage


def full_line_end(text, offset):
    """Where the line holding `offset` ends, after its line ending."""
    end = line_end(text, offset)
    return end + 2 if text[end:end + 2] == b"\r\n" else min(end + 1, len(text))


def has_leading_content(text, offset):
    return bool(text[line_start(text, offset):offset].strip(_BLANKS))


def has_trailing_content(text, offset):
    rest = text[offset:line_end(text, offset)].lstrip(_BLANKS)
    return bool(rest) and not rest.startswith(b"#")


def preceded_by_continuation(node, text):
    """Whether a backslash continues the line before onto the node's line, up to the node."""
    start = node.start_byte
    if has_leading_content(text, start):
        return False
    before = node.prev_sibling
    return before is not None and before.type == "line_continuation" and before.end_byte == line_start(text, start)


def in_multi_statement_line(statement, text):
    return (has_trailing_content(text, statement.end_byte) or has_leading_content(text, statement.start_byte)
            or preceded_by_continuation(statement, text))


def indent(text, prefix):
    """Ruff's textwrap.indent: `prefix` before each line, only its trailing blanks removed on
    blank lines."""
    out = []
    for line in _lines(text):
        out.append((prefix.rstrip(" \t\f") if not line.strip(" \t\f\r\n") else prefix) + line)
    return "".join(out)


def _lines(text):
    """The lines of `text`, each with its line ending (`\\n`, `\\r\\n` or `\\r`)."""
    lines, start, i = [], 0, 0
    while i < len(text):
        if text[i] == "\r":
            i += 2 if text[i + 1:i + 2] == "\n" else 1
            lines.append(text[start:i])
            start = i
        elif text[i] == "\n":
            i += 1
            lines.append(text[start:i])
            start = i
        else:
            i += 1
    if start < len(text):
        lines.append(text[start:])
    return lines
