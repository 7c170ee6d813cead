"""Syntax errors as Ruff 0.17.3 reports them: every error of a file (code `invalid-syntax`, Ruff's
messages and positions), syntax newer than the configured target-version, and the inputs that
used to crash or hang the parser. Expected values were taken from Ruff 0.17.3 on the same text."""
import json
import os
import shutil
import stat
import tempfile
import unittest
from pathlib import Path

from lint_e2e import run

# (row, column, end row, end column, message), as Ruff reports each file.
ERRORS = {
    "py2.py": ('x = 1\nprint "hello", x\nexec "code"\ny = 0777\nz = 10L\nif x <> y: pass\ns = `x`\nu = ur"a"\n'
               'raise E, "v"\n', [
        (2, 7, 2, 14, "Simple statements must be separated by newlines or semicolons"),
        (3, 6, 3, 12, "Simple statements must be separated by newlines or semicolons"),
        (4, 5, 4, 9, "Invalid decimal integer literal"),
        (4, 9, 5, 1, "Expected a statement"),
        (5, 7, 5, 8, "Simple statements must be separated by newlines or semicolons"),
        (6, 7, 6, 8, "Expected an expression"),
        (7, 5, 7, 6, "Got unexpected token `"),
        (7, 7, 7, 8, "Got unexpected token `"),
        (7, 8, 8, 1, "Expected a statement"),
        (8, 7, 8, 10, "Simple statements must be separated by newlines or semicolons"),
        (9, 7, 9, 13, "Unparenthesized tuple expression cannot be used here"),
    ]),
    # After a refused `0777` Python's parser reads on as if it were not there.
    "octal.py": ("x = 0777L\nz = 0777 + 1\ny = (0777)\nf(0777)\nf(0777 > 0)\nw = [0777, 1]\nv = 0777  # c\n"
                 "u = 0777 > 0\n", [
        (1, 5, 1, 9, "Invalid decimal integer literal"),
        (2, 5, 2, 9, "Invalid decimal integer literal"),
        (3, 6, 3, 10, "Invalid decimal integer literal"),
        (3, 10, 3, 11, "Expected a statement"),
        (3, 11, 4, 1, "Expected a statement"),
        (4, 3, 4, 7, "Invalid decimal integer literal"),
        (5, 3, 5, 7, "Invalid decimal integer literal"),
        (5, 8, 5, 9, "Expected an expression or a ')'"),
        (6, 6, 6, 10, "Invalid decimal integer literal"),
        (6, 10, 6, 11, "Expected an expression or a ']'"),
        (7, 5, 7, 9, "Invalid decimal integer literal"),
        (7, 14, 8, 1, "Expected a statement"),
        (8, 5, 8, 9, "Invalid decimal integer literal"),
        (8, 10, 8, 11, "Expected a statement"),
    ]),
    # The grammar takes any primary after `await`, a unary operator and another `await` too.
    "await.py": ("async def f():\n    await await x\n    await -x\n    await ~x\n    return await await await x\n", [
        (2, 11, 2, 18, "Await expression cannot be used here"),
        (3, 11, 3, 13, "Unary '-' expression cannot be used here"),
        (4, 11, 4, 13, "Unary '~' expression cannot be used here"),
        (5, 18, 5, 31, "Await expression cannot be used here"),
        (5, 24, 5, 31, "Await expression cannot be used here"),
    ]),
    # `not` as an operand: refused as a whole, as far as its own operand runs.
    "not.py": ("x = a + not y\nx = - not y\nx = a * not y + 1\nx = 2 ** not y\nx = a < not b\nx = 1 + not y and z\n", [
        (1, 9, 1, 14, "Boolean 'not' expression cannot be used here"),
        (2, 7, 2, 12, "Boolean 'not' expression cannot be used here"),
        (3, 9, 3, 18, "Boolean 'not' expression cannot be used here"),
        (4, 10, 4, 15, "Boolean 'not' expression cannot be used here"),
        (5, 9, 5, 14, "Boolean 'not' expression cannot be used here"),
        (6, 9, 6, 14, "Boolean 'not' expression cannot be used here"),
    ]),
    # `a not b`, which the grammar reads as a `not in` without its `in`.
    "not_in.py": ("x = a not b\nf(a not b)\n[a not b]\nx[a not b]\n(x, a not b)\nasync def f():\n"
                  "    return (await not y)\n", [
        (1, 7, 1, 10, "Simple statements must be separated by newlines or semicolons"),
        (2, 5, 2, 8, "Expected `,`, found `not`"),
        (3, 4, 3, 7, "Expected `,`, found `not`"),
        (4, 5, 4, 8, "Expected `:`, found `not`"),
        (5, 7, 5, 10, "Expected `,`, found `not`"),
        (7, 19, 7, 24, "Boolean 'not' expression cannot be used here"),
    ]),
    "blocks.py": ("def f():\npass\nclass A:\nx = 1\n", [
        (2, 1, 2, 5, "Expected an indented block after function definition"),
        (4, 1, 4, 2, "Expected an indented block after `class` definition"),
    ]),
    # Tree-sitter recovers from neighbouring errors otherwise than Ruff: one per file here.
    "dollar.py": ("x = $\n", [(1, 5, 1, 6, "Got unexpected token $"), (1, 6, 2, 1, "Expected a statement")]),
    "operand.py": ("y = 1 +\n", [(1, 8, 2, 1, "Expected an expression")]),
    "colon.py": ("if x\n    pass\n", [(1, 5, 2, 1, "Expected `:`, found newline")]),
    "comma.py": ("f(a b)\n", [(1, 5, 1, 6, "Expected `,`, found identifier")]),
    "pair.py": ("d = {1: 2, 3}\n", [(1, 13, 1, 14, "Expected `:`, found `}`")]),
    "import.py": ("import\n", [(1, 7, 2, 1, "Expected one or more symbol names after import")]),
    "eof.py": ("x = (1,\n", [(2, 1, 2, 1, "unexpected EOF while parsing")]),
    # Placed at the next statement's first token, as Ruff: a string is one token, an f-string's
    # first is `f"` (the whole statement's range made `full` output print 30,000 nested lines per
    # error: found by fuzzing).
    "glued.py": ('x = 1 "abc"\nx = 1 f"a{b}"\nx = 1 a.b.c\nx = 1 123\nx = 1 y(a,\n b)\n', [
        (1, 7, 1, 12, "Simple statements must be separated by newlines or semicolons"),
        (2, 7, 2, 9, "Simple statements must be separated by newlines or semicolons"),
        (3, 7, 3, 8, "Simple statements must be separated by newlines or semicolons"),
        (4, 7, 4, 10, "Simple statements must be separated by newlines or semicolons"),
        (5, 7, 5, 8, "Simple statements must be separated by newlines or semicolons"),
    ]),
    # A line break outside brackets that no backslash continues ends Python's logical line, even
    # where the grammar reads on (after an operator, `=`, `not`, `lambda:` ...); a deeper next line
    # is then an unexpected indentation.
    "line_break.py": ('x = a +\nb\ny = c and  # note\n    d\nif e >\\\n  f:\n    pass\nz = not\n    g\n'
                      'x += y +=\n1\nv = (w +\n     1) * \\\n  2\nu = lambda:\n0\nasync def k():\n'
                      '    await\nclass A\\\n  (B): pass\nt = -\r\n3\n', [
        (1, 8, 2, 1, "Expected an expression"),
        (3, 18, 4, 1, "Expected an expression"),
        (4, 1, 4, 5, "Unexpected indentation"),
        (8, 8, 9, 1, "Expected an expression"),
        (9, 1, 9, 5, "Unexpected indentation"),
        (10, 8, 10, 10, "Expected a statement"),
        (10, 10, 11, 1, "Expected a statement"),
        (15, 12, 16, 1, "Expected an expression"),
        (18, 10, 19, 1, "Expected an expression"),
        (21, 6, 22, 1, "Expected an expression"),
    ]),
    "line_break_else.py": ('x = a if b\nelse c\nfrom m\nimport n\nq = r.\ns\nx = a not\nin b\n', [
        (1, 11, 2, 1, "Expected `else`, found newline"),
        (2, 1, 2, 5, "Expected a statement"),
        (3, 7, 4, 1, "Expected `import`, found newline"),
        (5, 7, 6, 1, "Expected an identifier"),
        (7, 7, 7, 10, "Simple statements must be separated by newlines or semicolons"),
        (7, 10, 8, 1, "Expected an expression"),
        (8, 1, 8, 3, "Expected a statement"),
    ]),
    # Parameter lists the grammar takes in any order (issue 12): defaults, `*`, `/`, `**`.
    'params_order.py': ('def spam(x=0, y, z: str): ...\nhandler = lambda p, q=1, r: q\ndef eggs(p, **rest, q): ...\ndef ham(**opts, *more): ...\n', [
        (1, 15, 1, 16, 'Parameter without a default cannot follow a parameter with a default'),
        (1, 18, 1, 24, 'Parameter without a default cannot follow a parameter with a default'),
        (2, 26, 2, 27, 'Parameter without a default cannot follow a parameter with a default'),
        (3, 21, 3, 22, 'Parameter cannot follow var-keyword parameter'),
        (4, 17, 4, 18, 'Parameter cannot follow var-keyword parameter'),
    ]),
    'params_stars.py': ('def one(*a, *b): ...\ndef two(p, *, q, *r): ...\ndef three(*, *, q): ...\ndef four(*rest, *, q): ...\ndef five(**a, **b): ...\ndef six(q, *): ...\nsep_only = lambda *: 0\ndef seven(*, **kw): ...\n', [
        (1, 13, 1, 15, "Only one '*' parameter allowed"),
        (2, 18, 2, 20, "Only one '*' parameter allowed"),
        (3, 14, 3, 15, "Only one '*' separator allowed"),
        (4, 17, 4, 18, "Keyword-only parameter separator not allowed after '*' parameter"),
        (5, 15, 5, 17, 'Parameter cannot follow var-keyword parameter'),
        (6, 12, 6, 13, 'Expected one or more keyword parameter after `*` separator'),
        (7, 19, 7, 20, 'Expected one or more keyword parameter after `*` separator'),
        (8, 14, 8, 18, 'Expected one or more keyword parameter after `*` separator'),
    ]),
    'params_slash.py': ('def one(/): ...\ndef two(p, /, q, /): ...\ndef three(p, *, q, /): ...\ndef four(*r, /): ...\n', [
        (1, 9, 1, 10, 'Position-only parameter separator not allowed as first parameter'),
        (2, 18, 2, 19, "Only one '/' separator allowed"),
        (3, 20, 3, 21, "'/' parameter must appear before '*' parameter"),
        (4, 14, 4, 15, "'/' parameter must appear before '*' parameter"),
    ]),
    'params_valid.py': ('def one(a, b=1, *args, c, d=2, e, **kw): ...\ndef two(a, /, b=1, *, c): ...\ndef three(*, a, **kw): ...\nfour = lambda a=1, *, b, c=2: 0\ndef five(a=1, /, b=2, *c: int, d): ...\n', []),
    # Statements: unparenthesized trailing commas, starred or `:=` with items, `except A, B as e`,
    # `raise from e`.
    'statements.py': ('from pkg import name,\nfrom pkg import name as alias, other,\nwith ctx,: pass\nwith ctx as c, other as o,: pass\nwith *ctx: pass\nwith first, *rest as r: pass\nwith value := 1 as v: pass\ntry:\n    pass\nexcept First, Second as err:\n    pass\nraise from cause\n', [
        (1, 21, 1, 22, 'Trailing comma not allowed'),
        (2, 37, 2, 38, 'Trailing comma not allowed'),
        (3, 9, 3, 10, 'Trailing comma not allowed'),
        (4, 26, 4, 27, 'Trailing comma not allowed'),
        (5, 6, 5, 10, 'Starred expression cannot be used here'),
        (6, 13, 6, 18, 'Starred expression cannot be used here'),
        (7, 12, 7, 14, 'Expected `,`, found `:=`'),
        (10, 8, 10, 21, 'Multiple exception types must be parenthesized when using `as`'),
        (12, 7, 12, 11, 'Exception missing in `raise` statement with cause'),
    ]),
    'statements_valid.py': ('from pkg import (name,)\nfrom pkg import (a,\n    b,)\nwith (ctx, other,): pass\nwith (ctx as c, other,): pass\nwith (*ctx, other): pass\ntry:\n    pass\nexcept (First, Second) as err:\n    pass\ntry:\n    pass\nexcept* Third:\n    pass\nraise Error from cause\nraise\n', []),
    # A `try` without `except` or `finally`: at the next token, or at an empty dedent.
    'try_alone.py': ('try:\n    pass\nvalue = 1\nif value:\n    try:\n        pass\n    else:\n        pass\nelse:\n    try:\n        pass\n    value = 2\ntry:\n    pass\n', [
        (3, 1, 3, 6, 'Expected `except` or `finally` after `try` block'),
        (9, 1, 9, 1, 'Expected `except` or `finally` after `try` block'),
        (12, 5, 12, 10, 'Expected `except` or `finally` after `try` block'),
        (15, 1, 15, 1, 'Expected `except` or `finally` after `try` block'),
    ]),
    # Non-ASCII in bytes; bytes or t-strings concatenated with other strings.
    'literals.py': ('data = b\'café\'\nraw = Rb"über"\nmixed = \'text\' b\'data\'\nformatted = f\'{data}\' \'x\' B\'y\'\ntemplate = t\'{data}\' \'x\'\nboth = b\'x\' t\'{data}\'\nthree = \'a\' t\'b\' b\'c\'\n', [
        (1, 13, 1, 14, 'bytes can only contain ASCII literal characters'),
        (2, 10, 2, 11, 'bytes can only contain ASCII literal characters'),
        (3, 9, 3, 23, 'Bytes literal cannot be mixed with non-bytes literals'),
        (4, 13, 4, 31, 'Bytes literal cannot be mixed with non-bytes literals'),
        (5, 12, 5, 25, 'Cannot mix t-string literals with string or bytes literals'),
        (6, 8, 6, 22, 'Cannot mix t-string literals with string or bytes literals'),
        (7, 9, 7, 22, 'Cannot mix t-string literals with string or bytes literals'),
    ]),
    'literals_valid.py': ("data = b'cafe' rb'x' B'y'\ntext = 'café' f'{data}' u'ü'\ntemplate = t'{data}' T'x'\n", []),
    # Errors Python raises after parsing (lines 4 and 5 of each are valid nearby forms).
    # In debug.py, rows 13 to 16 read `__debug__` or bind another name.
    'debug.py': ('def __debug__(a, *__debug__): pass\nclass C[__debug__]: pass\nimport x as __debug__\nfrom y import __debug__\nfor a, __debug__ in z: pass\n__debug__ += 1\nwith f() as __debug__: pass\nmatch p:\n    case [a, *__debug__]: pass\n    case {**__debug__}: pass\n    case A(k=__debug__): pass\n    case 1 as __debug__: pass\nif __debug__: x = __debug__\nimport __debug__ as d\nfrom __debug__ import e\nx.__debug__ = f(__debug__=1)\ndel a, __debug__\n', [
        (1, 5, 1, 14, 'cannot assign to `__debug__`'),
        (1, 19, 1, 28, 'cannot assign to `__debug__`'),
        (2, 9, 2, 18, 'cannot assign to `__debug__`'),
        (3, 13, 3, 22, 'cannot assign to `__debug__`'),
        (4, 15, 4, 24, 'cannot assign to `__debug__`'),
        (5, 8, 5, 17, 'cannot assign to `__debug__`'),
        (6, 1, 6, 10, 'cannot assign to `__debug__`'),
        (7, 13, 7, 22, 'cannot assign to `__debug__`'),
        (9, 15, 9, 24, 'cannot assign to `__debug__`'),
        (10, 13, 10, 22, 'cannot assign to `__debug__`'),
        (11, 14, 11, 23, 'cannot assign to `__debug__`'),
        (12, 15, 12, 24, 'cannot assign to `__debug__`'),
        (17, 8, 17, 17, 'cannot delete `__debug__` on Python 3.15 (syntax was removed in 3.9)'),
    ]),
    'duplicate_parameters.py': ('def f(a, b, a=1, *b, c, **c):\n    pass\nlambda x, *, x: 0\ndef g(a, /, *, b: int, **kw): pass\nlambda self, other=1: 0\n', [
        (1, 13, 1, 14, 'Duplicate parameter "a"'),
        (1, 19, 1, 20, 'Duplicate parameter "b"'),
        (1, 27, 1, 28, 'Duplicate parameter "c"'),
        (3, 14, 3, 15, 'Duplicate parameter "x"'),
    ]),
    'duplicate_keywords.py': ("f(x=1, y=2, x=3)\nclass C(B, metaclass=M, metaclass=N): pass\nf(x=1, **k, x=2)\nf(x=1, **{'x': 2})\ng(a=1, b=2, *c, d=3)\n", [
        (1, 13, 1, 16, 'Duplicate keyword argument `x`'),
        (2, 25, 2, 36, 'Duplicate keyword argument `metaclass`'),
        (3, 13, 3, 16, 'Duplicate keyword argument `x`'),
    ]),
    'bare_star.py': ('def f(a, *): pass\ndef g(a, *, **k): pass\nlambda *: 0\ndef h(a, *, b, **k): pass\n', [
        (1, 10, 1, 11, 'Expected one or more keyword parameter after `*` separator'),
        (2, 13, 2, 16, 'Expected one or more keyword parameter after `*` separator'),
        (3, 8, 3, 9, 'Expected one or more keyword parameter after `*` separator'),
    ]),
    'type_parameters.py': ('def f[T, U, T](): pass\nclass C[T, *T]: pass\ntype A[T = int, U] = T\ndef g[T = int, U = str, *Ts = *tuple[int]](): pass\ndef h[T: (int, str), U: dict[str, int]](): pass\n', [
        (1, 13, 1, 14, 'duplicate type parameter'),
        (2, 12, 2, 14, 'duplicate type parameter'),
        (3, 17, 3, 18, 'non default type parameter `U` follows default type parameter'),
    ]),
    'nonlocal.py': ('nonlocal x\nif y:\n    nonlocal z\ndef f():\n    a = 1\n    def g():\n        nonlocal a\n', [
        (1, 1, 1, 11, 'nonlocal declaration not allowed at module level'),
        (3, 5, 3, 15, 'nonlocal declaration not allowed at module level'),
    ]),
}

VERSIONS = 'import os\ntype X = int\nmatch x:\n    case 1:\n        pass\ntry:\n    pass\nexcept* E:\n    pass\ndef f[T = int](): pass\nt"x{a}"\nwith (open(a) as b, open(c) as d): pass\nprint(a[*b])\ndef g(): return *a, *b\nf"{"a"}"\nf"{x # c\n}"\ntry:\n    pass\nexcept A, B:\n    pass\nx[a := 1]\n(y := 1)\ndef p(a, /): pass\n@x[0].y\ndef d(): pass\nfor x in *a, *b: pass\ndef s(*a: *T): pass\n{z := 1, 2}\n'

VERSION_ERRORS = {  # target minor -> Ruff 0.17.3's diagnostics (row, column, end row, end column, message)
    7: [
        (2, 1, 2, 5, 'Cannot use `type` alias statement on Python 3.7 (syntax was added in Python 3.12)'),
        (3, 1, 3, 6, 'Cannot use `match` statement on Python 3.7 (syntax was added in Python 3.10)'),
        (8, 7, 8, 8, 'Cannot use `except*` on Python 3.7 (syntax was added in Python 3.11)'),
        (10, 6, 10, 15, 'Cannot use type parameter lists on Python 3.7 (syntax was added in Python 3.12)'),
        (10, 9, 10, 14, 'Cannot set default type for a type parameter on Python 3.7 (syntax was added in Python 3.13)'),
        (11, 1, 11, 8, 'Cannot use t-strings on Python 3.7 (syntax was added in Python 3.14)'),
        (12, 6, 12, 7, 'Cannot use parentheses within a `with` statement on Python 3.7 (syntax was added in Python 3.9)'),
        (13, 9, 13, 11, 'Cannot use star expression in index on Python 3.7 (syntax was added in Python 3.11)'),
        (14, 17, 14, 19, 'Cannot use iterable unpacking in return statements on Python 3.7 (syntax was added in Python 3.8)'),
        (14, 21, 14, 23, 'Cannot use iterable unpacking in return statements on Python 3.7 (syntax was added in Python 3.8)'),
        (15, 4, 15, 5, 'Cannot reuse outer quote character in f-strings on Python 3.7 (syntax was added in Python 3.12)'),
        (16, 6, 16, 9, 'Cannot use comments in f-strings on Python 3.7 (syntax was added in Python 3.12)'),
        (20, 8, 20, 12, 'Multiple exception types must be parenthesized on Python 3.7 (syntax was added in Python 3.14)'),
        (22, 3, 22, 9, 'Cannot use named assignment expression (`:=`) on Python 3.7 (syntax was added in Python 3.8)'),
        (22, 3, 22, 9, 'Cannot use unparenthesized assignment expression in a sequence index on Python 3.7 (syntax was added in Python 3.9)'),
        (23, 2, 23, 8, 'Cannot use named assignment expression (`:=`) on Python 3.7 (syntax was added in Python 3.8)'),
        (24, 10, 24, 11, 'Cannot use positional-only parameter separator on Python 3.7 (syntax was added in Python 3.8)'),
        (25, 2, 25, 6, 'Cannot use subscript expression outside function call arguments in a decorator on Python 3.7 (syntax was added in Python 3.9)'),
        (27, 10, 27, 12, 'Cannot use iterable unpacking in `for` statements on Python 3.7 (syntax was added in Python 3.9)'),
        (27, 14, 27, 16, 'Cannot use iterable unpacking in `for` statements on Python 3.7 (syntax was added in Python 3.9)'),
        (28, 11, 28, 13, 'Cannot use star annotation on Python 3.7 (syntax was added in Python 3.11)'),
        (29, 2, 29, 8, 'Cannot use named assignment expression (`:=`) on Python 3.7 (syntax was added in Python 3.8)'),
        (29, 2, 29, 8, 'Cannot use unparenthesized assignment expression as an element in a set literal on Python 3.7 (syntax was added in Python 3.9)'),
    ],
    8: [
        (2, 1, 2, 5, 'Cannot use `type` alias statement on Python 3.8 (syntax was added in Python 3.12)'),
        (3, 1, 3, 6, 'Cannot use `match` statement on Python 3.8 (syntax was added in Python 3.10)'),
        (8, 7, 8, 8, 'Cannot use `except*` on Python 3.8 (syntax was added in Python 3.11)'),
        (10, 6, 10, 15, 'Cannot use type parameter lists on Python 3.8 (syntax was added in Python 3.12)'),
        (10, 9, 10, 14, 'Cannot set default type for a type parameter on Python 3.8 (syntax was added in Python 3.13)'),
        (11, 1, 11, 8, 'Cannot use t-strings on Python 3.8 (syntax was added in Python 3.14)'),
        (12, 6, 12, 7, 'Cannot use parentheses within a `with` statement on Python 3.8 (syntax was added in Python 3.9)'),
        (13, 9, 13, 11, 'Cannot use star expression in index on Python 3.8 (syntax was added in Python 3.11)'),
        (15, 4, 15, 5, 'Cannot reuse outer quote character in f-strings on Python 3.8 (syntax was added in Python 3.12)'),
        (16, 6, 16, 9, 'Cannot use comments in f-strings on Python 3.8 (syntax was added in Python 3.12)'),
        (20, 8, 20, 12, 'Multiple exception types must be parenthesized on Python 3.8 (syntax was added in Python 3.14)'),
        (22, 3, 22, 9, 'Cannot use unparenthesized assignment expression in a sequence index on Python 3.8 (syntax was added in Python 3.9)'),
        (25, 2, 25, 6, 'Cannot use subscript expression outside function call arguments in a decorator on Python 3.8 (syntax was added in Python 3.9)'),
        (27, 10, 27, 12, 'Cannot use iterable unpacking in `for` statements on Python 3.8 (syntax was added in Python 3.9)'),
        (27, 14, 27, 16, 'Cannot use iterable unpacking in `for` statements on Python 3.8 (syntax was added in Python 3.9)'),
        (28, 11, 28, 13, 'Cannot use star annotation on Python 3.8 (syntax was added in Python 3.11)'),
        (29, 2, 29, 8, 'Cannot use unparenthesized assignment expression as an element in a set literal on Python 3.8 (syntax was added in Python 3.9)'),
    ],
    9: [
        (2, 1, 2, 5, 'Cannot use `type` alias statement on Python 3.9 (syntax was added in Python 3.12)'),
        (3, 1, 3, 6, 'Cannot use `match` statement on Python 3.9 (syntax was added in Python 3.10)'),
        (8, 7, 8, 8, 'Cannot use `except*` on Python 3.9 (syntax was added in Python 3.11)'),
        (10, 6, 10, 15, 'Cannot use type parameter lists on Python 3.9 (syntax was added in Python 3.12)'),
        (10, 9, 10, 14, 'Cannot set default type for a type parameter on Python 3.9 (syntax was added in Python 3.13)'),
        (11, 1, 11, 8, 'Cannot use t-strings on Python 3.9 (syntax was added in Python 3.14)'),
        (13, 9, 13, 11, 'Cannot use star expression in index on Python 3.9 (syntax was added in Python 3.11)'),
        (15, 4, 15, 5, 'Cannot reuse outer quote character in f-strings on Python 3.9 (syntax was added in Python 3.12)'),
        (16, 6, 16, 9, 'Cannot use comments in f-strings on Python 3.9 (syntax was added in Python 3.12)'),
        (20, 8, 20, 12, 'Multiple exception types must be parenthesized on Python 3.9 (syntax was added in Python 3.14)'),
        (28, 11, 28, 13, 'Cannot use star annotation on Python 3.9 (syntax was added in Python 3.11)'),
    ],
    10: [
        (2, 1, 2, 5, 'Cannot use `type` alias statement on Python 3.10 (syntax was added in Python 3.12)'),
        (8, 7, 8, 8, 'Cannot use `except*` on Python 3.10 (syntax was added in Python 3.11)'),
        (10, 6, 10, 15, 'Cannot use type parameter lists on Python 3.10 (syntax was added in Python 3.12)'),
        (10, 9, 10, 14, 'Cannot set default type for a type parameter on Python 3.10 (syntax was added in Python 3.13)'),
        (11, 1, 11, 8, 'Cannot use t-strings on Python 3.10 (syntax was added in Python 3.14)'),
        (13, 9, 13, 11, 'Cannot use star expression in index on Python 3.10 (syntax was added in Python 3.11)'),
        (15, 4, 15, 5, 'Cannot reuse outer quote character in f-strings on Python 3.10 (syntax was added in Python 3.12)'),
        (16, 6, 16, 9, 'Cannot use comments in f-strings on Python 3.10 (syntax was added in Python 3.12)'),
        (20, 8, 20, 12, 'Multiple exception types must be parenthesized on Python 3.10 (syntax was added in Python 3.14)'),
        (28, 11, 28, 13, 'Cannot use star annotation on Python 3.10 (syntax was added in Python 3.11)'),
    ],
    11: [
        (2, 1, 2, 5, 'Cannot use `type` alias statement on Python 3.11 (syntax was added in Python 3.12)'),
        (10, 6, 10, 15, 'Cannot use type parameter lists on Python 3.11 (syntax was added in Python 3.12)'),
        (10, 9, 10, 14, 'Cannot set default type for a type parameter on Python 3.11 (syntax was added in Python 3.13)'),
        (11, 1, 11, 8, 'Cannot use t-strings on Python 3.11 (syntax was added in Python 3.14)'),
        (15, 4, 15, 5, 'Cannot reuse outer quote character in f-strings on Python 3.11 (syntax was added in Python 3.12)'),
        (16, 6, 16, 9, 'Cannot use comments in f-strings on Python 3.11 (syntax was added in Python 3.12)'),
        (20, 8, 20, 12, 'Multiple exception types must be parenthesized on Python 3.11 (syntax was added in Python 3.14)'),
    ],
    12: [
        (10, 9, 10, 14, 'Cannot set default type for a type parameter on Python 3.12 (syntax was added in Python 3.13)'),
        (11, 1, 11, 8, 'Cannot use t-strings on Python 3.12 (syntax was added in Python 3.14)'),
        (20, 8, 20, 12, 'Multiple exception types must be parenthesized on Python 3.12 (syntax was added in Python 3.14)'),
    ],
    13: [
        (11, 1, 11, 8, 'Cannot use t-strings on Python 3.13 (syntax was added in Python 3.14)'),
        (20, 8, 20, 12, 'Multiple exception types must be parenthesized on Python 3.13 (syntax was added in Python 3.14)'),
    ],
    14: [
    ],
}


VERSION_EDGES = (
    'x = tuple[*tuple[int, ...]]\n'
    'y = tuple[str, *tuple[*tuple[int, ...]]]\n'
    'z = a[b := 0, c := 1]\n'
    'def f(*args: *tuple[int, str]): pass\n'
    'g: Tuple[int, *Ts]\n'
    'match (a, b):\n'
    '    case _: pass\n'
    'match [a]:\n'
    '    case _: pass\n'
    'match -a:\n'
    '    case _: pass\n'
    'match a:\n'
    '    case _: pass\n'
    'async def h():\n'
    '    return [[i async for i in y if i] for j in z]\n'
    'async def k():\n'
    '    return [x for x in [i async for i in y] for w in [i async for i in y]]\n'
    'async def m():\n'
    '    return [(i async for i in y) for j in z], {j: {i async for i in y} for j in z}\n'
    "s = f'{x:=10}'\n"
    'u = f"{\'\\n\'.join(a)}" + f\'{1:{"x"}}\' + f"{x!r:\\n}"\n'
    "v = t'{a['b']}'\n"
    'type W[*Ts = int, **P = [int], T = str] = int\n'
    'class C[*Ts]: pass\n'
    'with (item,): ...\n'
    'with (a, *b): ...\n'
    'with (a := 1, b): ...\n'
    'with (a, b): ...\n'
)

VERSION_EDGE_ERRORS = [  # Ruff 0.17.3 at py38: (row, column, end row, end column, message)
    (1, 11, 1, 27, 'Cannot use star expression in index on Python 3.8 (syntax was added in Python 3.11)'),
    (2, 16, 2, 40, 'Cannot use star expression in index on Python 3.8 (syntax was added in Python 3.11)'),
    (2, 23, 2, 39, 'Cannot use star expression in index on Python 3.8 (syntax was added in Python 3.11)'),
    (3, 7, 3, 13, 'Cannot use unparenthesized assignment expression in a sequence index on Python 3.8 (syntax was added in Python 3.9)'),
    (3, 15, 3, 21, 'Cannot use unparenthesized assignment expression in a sequence index on Python 3.8 (syntax was added in Python 3.9)'),
    (4, 14, 4, 30, 'Cannot use star annotation on Python 3.8 (syntax was added in Python 3.11)'),
    (5, 15, 5, 18, 'Cannot use star expression in index on Python 3.8 (syntax was added in Python 3.11)'),
    (12, 1, 12, 6, 'Cannot use `match` statement on Python 3.8 (syntax was added in Python 3.10)'),
    (15, 16, 15, 37, 'cannot use an asynchronous comprehension inside of a synchronous comprehension on Python 3.8 (syntax was added in 3.11)'),
    (17, 57, 17, 73, 'cannot use an asynchronous comprehension inside of a synchronous comprehension on Python 3.8 (syntax was added in 3.11)'),
    (19, 54, 19, 70, 'cannot use an asynchronous comprehension inside of a synchronous comprehension on Python 3.8 (syntax was added in 3.11)'),
    (21, 9, 21, 10, 'Cannot use an escape sequence (backslash) in f-strings on Python 3.8 (syntax was added in Python 3.12)'),
    (22, 5, 22, 16, 'Cannot use t-strings on Python 3.8 (syntax was added in Python 3.14)'),
    (23, 1, 23, 5, 'Cannot use `type` alias statement on Python 3.8 (syntax was added in Python 3.12)'),
    (23, 34, 23, 39, 'Cannot set default type for a type parameter on Python 3.8 (syntax was added in Python 3.13)'),
    (24, 8, 24, 13, 'Cannot use type parameter lists on Python 3.8 (syntax was added in Python 3.12)'),
    (25, 6, 25, 7, 'Cannot use parentheses within a `with` statement on Python 3.8 (syntax was added in Python 3.9)'),
    (28, 6, 28, 7, 'Cannot use parentheses within a `with` statement on Python 3.8 (syntax was added in Python 3.9)'),
]


def located(diags, code="invalid-syntax"):
    return [(d["location"]["row"], d["location"]["column"], d["end_location"]["row"], d["end_location"]["column"],
             d["message"]) for d in diags if d["code"] == code]


class Workspace(unittest.TestCase):
    def setUp(self):
        self.dir = Path(tempfile.mkdtemp(prefix="lint-syntax-"))

    def tearDown(self):
        shutil.rmtree(self.dir, ignore_errors=True)

    def write(self, name, text):
        path = self.dir / name
        path.write_bytes(text.encode() if isinstance(text, str) else text)
        return path

    def lint_json(self, *args, codes=(0, 1), timeout=120):
        proc = run("--isolated", "--no-cache", "--output-format", "json", *args, cwd=self.dir, timeout=timeout)
        self.assertIn(proc.returncode, codes, proc.stderr.decode(errors="replace")[-2000:])
        return proc, json.loads(proc.stdout)


class EveryError(Workspace):
    def test_every_error_with_ruffs_message_and_position(self):
        for name, (text, expected) in ERRORS.items():
            self.write(name, text)
        proc, diags = self.lint_json("--select", "E401", ".")
        self.assertEqual(proc.returncode, 1)
        for name, (_, expected) in ERRORS.items():
            with self.subTest(name):
                got = [d for d in diags if os.path.basename(d["filename"]) == name]
                self.assertEqual(located(got), expected)
                for d in got:
                    self.assertEqual((d["code"], d["name"], d["noqa_row"], d["url"], d["fix"]),
                                     ("invalid-syntax", "invalid-syntax", None, None, None))

    def test_text_formats_name_invalid_syntax(self):
        self.write("eof.py", "x = (1,\n")
        proc = run("--isolated", "--no-cache", "--output-format", "concise", "eof.py", cwd=self.dir)
        self.assertEqual(proc.returncode, 1)
        self.assertEqual(proc.stdout.decode(), "eof.py:2:1: invalid-syntax: unexpected EOF while parsing\nFound 1 error.\n")
        proc = run("--isolated", "--no-cache", "--statistics", "eof.py", cwd=self.dir)
        self.assertEqual(proc.stdout.decode(), "1\t\tinvalid-syntax\nFound 1 error.\n")
        proc = run("--isolated", "--no-cache", "--output-format", "full", "eof.py", cwd=self.dir)
        self.assertTrue(proc.stdout.decode().startswith("invalid-syntax: unexpected EOF while parsing\n --> eof.py:2:1"),
                        proc.stdout.decode())

    def test_python_only_errors_are_kept(self):
        # What CPython refuses before parsing and Ruff accepts: still reported, alone.
        self.write("deep.py", "".join(" " * i + "if x:\n" for i in range(101)) + " " * 101 + "pass\n")
        _, diags = self.lint_json("deep.py")
        self.assertEqual([(d["code"], d["message"], d["location"]["row"]) for d in diags],
                         [("invalid-syntax", "too many levels of indentation", 101)])  # the row CPython names


class SemanticErrors(Workspace):
    def test_other_rules_still_run(self):
        # As Ruff: an error Python raises after parsing leaves the file linted (and fixed).
        self.write("dup.py", "def f(a, a):\n    import os\n")
        _, diags = self.lint_json("--select", "F401", "dup.py")
        self.assertEqual([(d["code"], d["message"]) for d in diags],
                         [("invalid-syntax", 'Duplicate parameter "a"'), ("F401", "`os` imported but unused")])

    def test_deleting_debug_depends_on_the_target_version(self):
        self.write("del.py", "del __debug__\n")
        for version, expected in [("py38", []), ("py39", ["cannot delete `__debug__` on Python 3.9 (syntax was removed in 3.9)"]),
                                  ("py313", ["cannot delete `__debug__` on Python 3.13 (syntax was removed in 3.9)"])]:
            with self.subTest(version):
                _, diags = self.lint_json("--target-version", version, "del.py", codes=(0, 1))
                self.assertEqual([d["message"] for d in diags], expected)

    def test_dropped_where_the_file_does_not_parse(self):
        self.write("both.py", "def f(a, a):\n    import os\nx = (\n")
        _, diags = self.lint_json("--select", "F401", "both.py")
        self.assertEqual([d["message"] for d in diags], ["unexpected EOF while parsing"])


class ComprehensionClauses(Workspace):
    def test_bare_lambda_and_tuple(self):
        # Ruff's first errors (what its parser reports after closing the comprehension at the
        # comma depends on the context and is left out); a case guard takes a bare lambda.
        text = ("a = [x for x in lambda: 1]\n"
                "b = {x for x in y if lambda z: z}\n"
                "c = [x() for x in lambda: 1, 2]\n"
                "d = {x: 1 for x in y, z}\n"
                "match v:\n    case w if lambda: 1: pass\n")
        self.write("c.py", text)
        _, diags = self.lint_json("--select", "F401", "c.py")
        self.assertEqual(located(diags), [
            (1, 17, 1, 26, "Lambda expression cannot be used here"),
            (2, 22, 2, 33, "Lambda expression cannot be used here"),
            (3, 19, 3, 28, "Lambda expression cannot be used here"),
            (3, 28, 3, 29, "Expected `]`, found `,`"),
            (4, 21, 4, 22, "Expected `}`, found `,`")])


class LineBreaks(Workspace):
    def test_continued_or_bracketed_lines_are_one_statement(self):
        # Line breaks inside brackets, strings and f-string replacement fields, or after a
        # backslash, continue the logical line; `type` alone on a line is a name. Ruff reports
        # only F401 here.
        text = ('import os\nx = (a +\n     b)\ny = a + \\\n    b\nz = a if b else \\\n    c\ndef f(a,\n      b) -> \\\n'
                '        int: pass\n@deco(\n    1)\ndef g(): pass\nw = """doc\nstring""" + \\\n    "x"\nv = f"""{\n    a\n'
                '}""" + a[\n    1]\ntype\nX = int\nu = [i for i in\n     y] + \\\n    z\nclass C(\n    B): pass\n'
                'for k in [\n    1]: pass\n')
        self.write("v.py", text)
        _, diags = self.lint_json("--select", "E401,F401", "v.py")
        self.assertEqual([(d["code"], d["location"]["row"]) for d in diags], [("F401", 1)])


class MatchStarredSubject(Workspace):
    def test_starred_subjects_parse(self):
        # Ruff parses these; only F401 is reported.
        self.write("m.py", "import os\nmatch *0, 1, *2:\n    case _:\n        pass\nmatch *a, b:\n    case _: pass\n")
        _, diags = self.lint_json("--select", "F401,F821", "m.py")
        self.assertEqual([(d["code"], d["location"]["row"]) for d in diags],
                         [("F401", 1), ("F821", 5), ("F821", 5)])


class TargetVersionEdges(Workspace):
    def test_as_ruff_reads_them(self):
        # `*a[b]` in an index (which the grammar reads as `(*a)[b]`), every unparenthesized `:=` of
        # an index, a starred subscript as a star annotation, `*Ts` in a generic's brackets, no
        # version for a `match` whose subject starts with `(`, `[`, `*`, `+` or `-` (Ruff reads it
        # on a second try), `async for` in a comprehension nested in a synchronous one, f-string
        # fields checked up to their format spec (t-strings not), no default reported for `*Ts` or
        # `**P`, nothing for `*Ts` in a type parameter list itself, `with (a,):` as parenthesized
        # items but `with (a, *b):` and `with (a := 1, b):` as tuples.
        self.write("edges.py", VERSION_EDGES)
        _, diags = self.lint_json("--select", "F401", "--target-version", "py38", "edges.py")
        self.assertEqual(sorted(located(diags)), sorted(VERSION_EDGE_ERRORS))

    def test_around_a_syntax_error(self):
        # A `match` that holds a syntax error is still newer than Python 3.8 (Ruff reports both).
        self.write("m.py", "def f():\n    match x:\n        case 1:\n            y = (1 +\n")
        _, diags = self.lint_json("--select", "F401", "--target-version", "py38", "m.py")
        self.assertEqual(sorted(located(diags)), [
            (2, 5, 2, 10, "Cannot use `match` statement on Python 3.8 (syntax was added in Python 3.10)"),
            (5, 1, 5, 1, "unexpected EOF while parsing")])

    def test_format_spec_is_no_walrus(self):
        # `f'{x:=10}'` formats `x` with the spec `=10`.
        self.write("spec.py", "s = f'{x:=10}'\nt = f'{(x:=10)}'\n")
        _, diags = self.lint_json("--select", "F401", "--target-version", "py37", "spec.py")
        self.assertEqual([(d["location"]["row"], d["location"]["column"]) for d in diags], [(2, 9)])


class TargetVersion(Workspace):
    def test_syntax_newer_than_the_target(self):
        self.write("versions.py", VERSIONS)
        for minor, expected in VERSION_ERRORS.items():
            with self.subTest(minor=minor):
                proc, diags = self.lint_json("--select", "F401", "--target-version", f"py3{minor}", "versions.py")
                self.assertEqual(sorted(located(diags)), sorted(expected))
                # The rest of the file is linted.
                self.assertIn(("F401", 1, 8), [(d["code"], d["location"]["row"], d["location"]["column"]) for d in diags])

    def test_no_target_version_accepts_the_newest_syntax(self):
        self.write("versions.py", VERSIONS)
        _, diags = self.lint_json("--select", "F401", "versions.py")
        self.assertEqual([d["code"] for d in diags], ["F401"])

    def test_target_version_from_the_configuration(self):
        self.write("pyproject.toml", '[tool.lint]\ntarget-version = "py39"\n')
        self.write("m.py", "match x:\n    case _:\n        pass\n")
        proc = run("--no-cache", "--output-format", "concise", "m.py", cwd=self.dir)
        self.assertEqual(proc.stdout.decode().splitlines()[0],
                         "m.py:1:1: invalid-syntax: Cannot use `match` statement on Python 3.9 "
                         "(syntax was added in Python 3.10)")

    def test_fixes_still_apply(self):
        self.write("f.py", "import os\ntype X = int\n")
        proc = run("--isolated", "--no-cache", "--select", "F401", "--target-version", "py311", "--fix", "f.py",
                   cwd=self.dir)
        self.assertEqual(proc.returncode, 1, proc.stderr.decode())
        self.assertEqual((self.dir / "f.py").read_text(), "type X = int\n")


# The inputs of issue 12 that crashed or hung the parser, and `x = 1 + \` continued 65,535 times.
HOSTILE = {
    "comments.py": "y = 1\n" + "#\n" * 65_535 + "y == None\n",
    "continuations.py": "y = 1\n" + "y == \\\n" * 65_535 + "None\n",
    "plus_continued.py": "x = 1 + \\\n" * 65_535 + "1\n",
    "stars.py": "x = [" + "*" * 66_000 + "\n",
    "lambdas.py": "lambda x=" * 21_845 + "\n",
    "dict_splats.py": "f(**{'a': " * 16_000 + "\n",
    "fstrings.py": 'f"{' * 66_000 + "\n",
    "deep_expression.py": "x = " + "(" * 65_535 + "1" + ")" * 65_535 + "\n",
}


class HostileInputs(Workspace):
    def setUp(self):
        super().setUp()
        for name, text in HOSTILE.items():
            self.write(name, text)
        self.write("good.py", "y == None\n")

    def test_linted_or_refused_with_a_location(self):
        for fmt in ("json", "json-lines"):
            proc = run("--isolated", "--no-cache", "--select", "ALL", "--output-format", fmt, ".", cwd=self.dir,
                       timeout=300)
            self.assertEqual(proc.returncode, 1, proc.stderr.decode(errors="replace")[-2000:])
            text = proc.stdout.decode()
            diags = json.loads(text) if fmt == "json" else [json.loads(line) for line in text.splitlines()]
            by_file = {}
            for d in diags:
                by_file.setdefault(os.path.basename(d["filename"]), []).append(d)
            self.assertIn(("E711", 1, 6), [(d["code"], d["location"]["row"], d["location"]["column"])
                                           for d in by_file["good.py"]])
            # Valid files are linted to their last line.
            self.assertIn(("E711", 65_537), [(d["code"], d["location"]["row"]) for d in by_file["comments.py"]])
            self.assertNotIn("invalid-syntax", [d["code"] for d in by_file["continuations.py"]])
            self.assertNotIn("invalid-syntax", [d["code"] for d in by_file.get("deep_expression.py", [])])
            # The others are syntax errors, each with a location.
            for name in ("plus_continued.py", "stars.py", "lambdas.py", "dict_splats.py", "fstrings.py"):
                codes = {d["code"] for d in by_file[name]}
                self.assertEqual(codes, {"invalid-syntax"}, name)
            self.assertEqual([(d["location"]["row"], d["message"]) for d in by_file["stars.py"]],
                             [(2, "unexpected EOF while parsing")])

    def test_fix_leaves_broken_files_alone(self):
        proc = run("--isolated", "--no-cache", "--select", "ALL", "--fix", "--output-format", "concise", ".",
                   cwd=self.dir, timeout=300)
        self.assertEqual(proc.returncode, 1, proc.stderr.decode(errors="replace")[-2000:])
        for name, text in HOSTILE.items():
            if name not in ("comments.py", "continuations.py", "deep_expression.py"):
                self.assertEqual((self.dir / name).read_text(), text, name)

    def test_print_tree(self):
        proc = run("--print-tree", ".", cwd=self.dir, timeout=300)
        self.assertEqual(proc.returncode, 0, proc.stderr.decode(errors="replace")[-2000:])
        out = proc.stdout.decode()
        for name in HOSTILE:
            self.assertTrue(name + ":\n(" in out, name)
        # 65,535 levels of parentheses, printed whole (the recursive printer overflowed the stack).
        self.assertGreaterEqual(out.count("(parenthesized_expression"), 65_534)


class PrintTreeInputChecks(Workspace):
    def test_same_checks_as_linting(self):
        self.write("good.py", "x = 1\n")
        self.write("nul.py", b"x = 1\x00\n")
        self.write("deep.py", "".join(" " * i + "if x:\n" for i in range(101)) + " " * 101 + "pass\n")
        self.write("latin1.py", b"s = '\xe9'\n")
        os.mkfifo(self.dir / "fifo.py")
        proc = run("--print-tree", "good.py", "nul.py", "deep.py", "latin1.py", "fifo.py", "/dev/zero",
                   cwd=self.dir, timeout=60)
        self.assertEqual(proc.returncode, 1)
        self.assertEqual(proc.stdout.decode(), "good.py:\n(module (expression_statement (assignment left: (identifier) "
                                               "right: (integer))))\n")
        self.assertEqual(sorted(proc.stderr.decode().splitlines()), [
            "error: /dev/zero:1:1: E902 Not a regular file",
            "error: deep.py:101:101: invalid-syntax: too many levels of indentation",
            "error: fifo.py:1:1: E902 Not a regular file",
            "error: latin1.py:1:1: E902 stream did not contain valid UTF-8",
            "error: nul.py:1:6: invalid-syntax: source code cannot contain null bytes",
        ])

    def test_python_rule_files_too(self):
        # A rule file Python would refuse is named with the reason, not parsed into a crash.
        rules = self.dir / "rules"
        rules.mkdir()
        (rules / "nul_rule.py").write_bytes(b"class X(Rule):\n    code = 'X1'\x00\n")
        (self.dir / "lint.toml").write_text('python-rules = ["rules"]\n')
        proc = run("rules", cwd=self.dir, timeout=60)
        self.assertEqual(proc.returncode, 2, proc.stderr.decode())
        self.assertIn("nul_rule.py:2:16: invalid-syntax: source code cannot contain null bytes", proc.stderr.decode())
