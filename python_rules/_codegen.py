"""Writing an expression back as Ruff's code generator writes it, for fixes that must match
Ruff's byte for byte: on one line, one space after commas and around binary operators, only the
parentheses precedence needs, strings with their prefix and quotes but their escapes redone.

`generate(node)` takes an expression node of lint's tree. (Not a rule file: its name starts with
an underscore, so lint does not look for rules in it; rule files import it as `._codegen`.)
"""
# `decimal` is imported where it is needed, so that a run whose fixes re-read no complex number
# never imports it (memory, start-up time, and time holding the GIL, which every thread waits
# for); string literals are evaluated without `ast` for the same reason.

# Ruff's precedence levels: an expression is parenthesized when the level asked of it is
# higher than its own.
MIN, NAMED_EXPR, SUBSCRIPT, TUPLE, FORMATTED_VALUE, COMMA = 0, 1, 13, 19, 19, 21
COMPREHENSION_TARGET, COMPREHENSION_ELEMENT, LAMBDA, IF_EXP, COMPREHENSION = 19, 27, 27, 27, 29
OR, AND, NOT, CMP, AWAIT, MAX = 31, 33, 35, 37, 57, 63
SLICE, YIELD = 13, 7
BINARY = {
    "|": 39, "^": 41, "&": 43, "<<": 45, ">>": 45, "+": 47, "-": 47,
    "*": 49, "/": 49, "%": 49, "//": 49, "@": 49, "**": 55,
}
UNARY = {"~": 53, "+": 53, "-": 53}


class Unsupported(Exception):
    """The expression holds something the generator does not write (the rule then offers no
    fix rather than a wrong one)."""


def generate(node, level=MIN):
    out = []
    _Writer(out).expr(node, level)
    return "".join(out)


def generate_arguments(nodes):
    """The arguments of a call, as Ruff writes them between its parentheses (a lone generator
    is not parenthesized twice)."""
    out = []
    _Writer(out).arguments(nodes)
    return "".join(out)


def _named(node):
    return [c for c in node.named_children if c.type != "comment"]


class _Writer:
    def __init__(self, out):
        self.out = out

    def p(self, text):
        self.out.append(text)

    def join(self, nodes, level, separator=", "):
        for i, n in enumerate(nodes):
            if i:
                self.p(separator)
            self.expr(n, level)

    def group(self, needed, write):
        if needed:
            self.p("(")
        write()
        if needed:
            self.p(")")

    def expr(self, node, level):
        kind = node.type
        method = getattr(self, "e_" + kind, None)
        if method is None:
            raise Unsupported(kind)
        method(node, level)

    # Atoms.
    def e_identifier(self, node, level):
        self.p(node.text)

    def e_true(self, node, level):
        self.p("True")

    def e_false(self, node, level):
        self.p("False")

    def e_none(self, node, level):
        self.p("None")

    def e_ellipsis(self, node, level):
        self.p("...")

    def e_integer(self, node, level):
        text = node.text.replace("_", "")
        if text[-1] in "jJ":
            return self.imaginary(float(text[:-1]))
        self.p(str(int(text, 0)))

    def e_float(self, node, level):
        text = node.text.replace("_", "")
        if text[-1] in "jJ":
            return self.imaginary(float(text[:-1]))
        value = float(text)
        self.p("1e309" if value == float("inf") else repr(value))

    def imaginary(self, value):
        # Rust's Display of an f64: the shortest digits that read back, never an exponent, no
        # trailing `.0`.
        if value == float("inf"):
            return self.p("1e309j")
        import decimal
        text = format(decimal.Decimal(repr(value)), "f")
        if "." in text:
            text = text.rstrip("0").rstrip(".")
        self.p(text + "j")

    def e_parenthesized_expression(self, node, level):
        inner = _named(node)
        if len(inner) != 1:
            raise Unsupported("parenthesized_expression")
        self.expr(inner[0], level)

    # Strings.
    def e_string(self, node, level):
        self.string(node)

    def e_concatenated_string(self, node, level):
        for i, part in enumerate(c for c in node.named_children if c.type == "string"):
            if i:
                self.p(" ")
            self.string(part)

    def string(self, node):
        start = next(c for c in node.children if c.type == "string_start").text
        prefix = start.rstrip("'\"")
        quote_text = start[len(prefix):]
        quote, triple = quote_text[0], len(quote_text) == 3
        lower = prefix.lower()
        if "f" in lower or "t" in lower:
            return self.f_string(node, lower, prefix, quote, triple)
        if "r" in lower:  # written as it is, but raw bytes' prefix is `rb` or `Rb`
            if "b" in lower:
                prefix = ("R" if "R" in prefix else "r") + "b"
            body = node.text[len(start):len(node.text) - len(quote_text)]
            self.p(prefix + quote_text + body + quote_text)
            return
        # One string literal (an f-string went above) evaluates to its value and runs nothing:
        # what ast.literal_eval gives, without importing ast (milliseconds, holding the GIL).
        value = eval(node.text, {"__builtins__": {}})
        if isinstance(value, bytes):
            self.p("b" + _bytes_repr(value, quote, triple))
        else:
            self.p(("u" if "u" in lower else "") + _str_repr(value, quote, triple))

    def f_string(self, node, lower, prefix, quote, triple):
        if "t" in lower:
            raise Unsupported("t-string")
        raw = "r" in lower
        self.p(("Rf" if "R" in prefix else "rf") if raw else "f")
        delimiter = quote * (3 if triple else 1)
        self.p(delimiter)
        pieces = []  # literal text not yet written (Ruff escapes each literal run as one)

        def flush():
            if pieces:
                self.literal("".join(pieces), quote, raw)
                pieces.clear()

        for child in node.children:
            if child.type == "string_content":
                pieces.append(_literal_value(child, raw, quote))
            elif child.type == "interpolation":
                flush()
                self.interpolation(child, quote, raw)
        flush()
        self.p(delimiter)

    def literal(self, value, quote, raw):
        value = value.replace("{", "{{").replace("}", "}}")
        if raw:
            self.p(value)
        else:
            self.p(_escape_body(value, _choose_quote(value, quote)))

    def interpolation(self, node, quote, raw):
        children = node.children
        expression = node.child_by_field_name("expression")
        inner = []
        _Writer(inner).expr(expression, FORMATTED_VALUE)
        inner = "".join(inner)
        self.p("{ " if inner.startswith("{") else "{")
        has_debug = any(c.type == "=" for c in children)
        if has_debug:
            opening = children[0]
            self.p(_between(node, opening.end_byte, expression.start_byte))
        self.p(inner)
        if has_debug:
            following = next((c for c in children if c.start_byte >= expression.end_byte and c.type != "="), None)
            end = following.start_byte if following is not None else node.end_byte - 1
            self.p(_between(node, expression.end_byte, end))
        conversion = node.child_by_field_name("type_conversion")
        if conversion is not None:
            self.p("!" + conversion.text[-1])
        spec = node.child_by_field_name("format_specifier")
        if spec is not None:
            self.p(":")
            self.format_spec(spec, quote, raw)
        self.p("}")

    def format_spec(self, spec, quote, raw):
        # Literal text between the nested replacement fields; the spec starts after its `:`.
        position = spec.start_byte + 1
        for child in spec.named_children:
            if child.start_byte > position:
                self.literal(_piece_value(_between(spec, position, child.start_byte), raw, quote), quote, raw)
            if child.type == "format_expression":
                self.interpolation(child, quote, raw)
            position = child.end_byte
        if spec.end_byte > position:
            self.literal(_piece_value(_between(spec, position, spec.end_byte), raw, quote), quote, raw)

    # Containers.
    def e_list(self, node, level):
        self.p("[")
        self.join(_named(node), COMMA)
        self.p("]")

    def e_set(self, node, level):
        self.p("{")
        self.join(_named(node), COMMA)
        self.p("}")

    def e_tuple(self, node, level):
        items = _named(node)
        if not items:
            return self.p("()")

        def write():
            self.join(items, COMMA)
            if len(items) == 1:
                self.p(",")
        self.group(level > TUPLE, write)

    e_expression_list = e_tuple

    def e_dictionary(self, node, level):
        self.p("{")
        for i, item in enumerate(_named(node)):
            if i:
                self.p(", ")
            if item.type == "pair":
                self.expr(item.child_by_field_name("key"), COMMA)
                self.p(": ")
                self.expr(item.child_by_field_name("value"), COMMA)
            elif item.type == "dictionary_splat":
                self.p("**")
                self.expr(_named(item)[0], MAX)
            else:
                raise Unsupported(item.type)
        self.p("}")

    def e_list_splat(self, node, level):
        self.p("*")
        self.expr(_named(node)[0], MAX)

    def comprehension(self, node, opening, closing):
        body = node.child_by_field_name("body")
        self.p(opening)
        if body.type == "pair":
            self.expr(body.child_by_field_name("key"), COMPREHENSION_ELEMENT)
            self.p(": ")
            self.expr(body.child_by_field_name("value"), COMPREHENSION_ELEMENT)
        else:
            self.expr(body, COMPREHENSION_ELEMENT)
        self.clauses(node)
        self.p(closing)

    def clauses(self, node):
        for clause in _named(node)[1:]:
            if clause.type == "for_in_clause":
                is_async = any(c.type == "async" for c in clause.children)
                self.p(" async for " if is_async else " for ")
                self.expr(clause.child_by_field_name("left"), COMPREHENSION_TARGET)
                self.p(" in ")
                rights = clause.children_by_field_name("right")
                if len(rights) != 1:
                    raise Unsupported("for_in_clause")
                self.expr(rights[0], COMPREHENSION)
            elif clause.type == "if_clause":
                self.p(" if ")
                self.expr(_named(clause)[0], COMPREHENSION)
            else:
                raise Unsupported(clause.type)

    def e_list_comprehension(self, node, level):
        self.comprehension(node, "[", "]")

    def e_set_comprehension(self, node, level):
        self.comprehension(node, "{", "}")

    def e_dictionary_comprehension(self, node, level):
        self.comprehension(node, "{", "}")

    def e_generator_expression(self, node, level):
        self.comprehension(node, "(", ")")

    e_pattern_list = e_tuple
    e_tuple_pattern = e_tuple

    def e_list_pattern(self, node, level):
        self.e_list(node, level)

    def e_list_splat_pattern(self, node, level):
        self.e_list_splat(node, level)

    # Operations.
    def e_attribute(self, node, level):
        value = node.child_by_field_name("object")
        if _unparenthesized(value).type == "integer":
            self.p("(")
            self.expr(value, MAX)
            self.p(").")
        else:
            self.expr(value, MAX)
            self.p(".")
        self.p(node.child_by_field_name("attribute").text)

    def e_subscript(self, node, level):
        self.expr(node.child_by_field_name("value"), MAX)
        self.p("[")
        indices = node.children_by_field_name("subscript")
        # `x[a, b]`, `x[a,]` and `x[*a]` index with a tuple, which needs no parentheses there.
        one_tuple = len(indices) == 1 and (indices[0].type == "list_splat" or any(c.type == "," for c in node.children))
        if len(indices) == 1 and not one_tuple:
            self.expr(indices[0], SUBSCRIPT)
        else:
            self.join(indices, COMMA)
            if one_tuple:
                self.p(",")
        self.p("]")

    def e_slice(self, node, level):
        # Parts in order, split by the colons: lower, upper, step.
        parts, current = [], None
        for child in node.children:
            if child.type == ":":
                parts.append(current)
                current = None
            elif child.type != "comment":
                current = child
        parts.append(current)
        lower, upper = parts[0], parts[1]
        step = parts[2] if len(parts) > 2 else None
        if lower is not None:
            self.expr(lower, SLICE)
        self.p(":")
        if upper is not None:
            self.expr(upper, SLICE)
        if step is not None:
            self.p(":")
            self.expr(step, SLICE)

    def e_call(self, node, level):
        self.expr(node.child_by_field_name("function"), MAX)
        arguments = node.child_by_field_name("arguments")
        self.p("(")
        self.arguments([arguments] if arguments.type == "generator_expression" else _named(arguments))
        self.p(")")

    def arguments(self, items):
        if len(items) == 1 and _unparenthesized(items[0]).type == "generator_expression":
            return self.generator_body(_unparenthesized(items[0]))
        for i, item in enumerate(items):
            if i:
                self.p(", ")
            if item.type == "keyword_argument":
                self.p(item.child_by_field_name("name").text + "=")
                self.expr(item.child_by_field_name("value"), COMMA)
            elif item.type == "dictionary_splat":
                self.p("**")
                self.expr(_named(item)[0], MAX)
            else:
                self.expr(item, COMMA)

    def generator_body(self, node):
        # A lone generator argument is not parenthesized twice: `f(x for x in y)`.
        self.expr(node.child_by_field_name("body"), COMMA)
        self.clauses(node)

    def e_binary_operator(self, node, level):
        # The chain of operators outside parentheses is regrouped by Python's precedence:
        # tree-sitter-python 0.23 binds `^` tighter than `&` (`a & b ^ c` as `a & (b ^ c)`).
        tokens = []

        def flatten(n):
            if n.type == "binary_operator":
                flatten(n.child_by_field_name("left"))
                tokens.append(n.child_by_field_name("operator").type)
                flatten(n.child_by_field_name("right"))
            else:
                tokens.append(n)
        flatten(node)
        position = 0

        def climb(lowest):
            nonlocal position
            left = tokens[position]
            position += 1
            while position < len(tokens) and BINARY[tokens[position]] >= lowest:
                operator = tokens[position]
                position += 1
                left = (operator, left, climb(BINARY[operator] + (operator != "**")))
            return left
        self.operation(climb(0), level)

    def operation(self, tree, level):
        if not isinstance(tree, tuple):
            return self.expr(tree, level)
        operator, left, right = tree
        precedence = BINARY[operator]
        right_assoc = operator == "**"

        def write():
            self.operation(left, precedence + right_assoc)
            self.p(f" {operator} ")
            self.operation(right, precedence + (not right_assoc))
        self.group(level > precedence, write)

    def e_unary_operator(self, node, level):
        operator = node.child_by_field_name("operator").type
        precedence = UNARY[operator]

        def write():
            self.p(operator)
            self.expr(node.child_by_field_name("argument"), precedence)
        self.group(level > precedence, write)

    def e_not_operator(self, node, level):
        def write():
            self.p("not ")
            self.expr(node.child_by_field_name("argument"), NOT)
        self.group(level > NOT, write)

    def e_boolean_operator(self, node, level):
        operator = node.child_by_field_name("operator").type
        precedence = AND if operator == "and" else OR
        # Ruff's BoolOp holds every operand of `a and b and c`; tree-sitter nests them to the left.
        values = []
        current = node
        while current.type == "boolean_operator" and current.child_by_field_name("operator").type == operator:
            values.append(current.child_by_field_name("right"))
            current = current.child_by_field_name("left")
        values.append(current)
        values.reverse()

        def write():
            self.join(values, precedence + 1, f" {operator} ")
        self.group(level > precedence, write)

    def e_comparison_operator(self, node, level):
        def write():
            words = []
            for child in node.children:
                if child.is_named and child.type != "comment":
                    if words:
                        self.p(" " + " ".join(words) + " ")
                        words = []
                    self.expr(child, CMP + 1)
                elif child.type != "comment":
                    words.append(child.type)
        self.group(level > CMP, write)

    def e_conditional_expression(self, node, level):
        body, test, orelse = _named(node)

        def write():
            self.expr(body, IF_EXP + 1)
            self.p(" if ")
            self.expr(test, IF_EXP + 1)
            self.p(" else ")
            self.expr(orelse, IF_EXP)
        self.group(level > IF_EXP, write)

    def e_named_expression(self, node, level):
        def write():
            self.expr(node.child_by_field_name("name"), NAMED_EXPR)
            self.p(" := ")
            self.expr(node.child_by_field_name("value"), NAMED_EXPR + 1)
        self.group(level > NAMED_EXPR, write)

    def e_yield(self, node, level):
        value = _named(node)
        if any(c.type == "from" for c in node.children):
            def write():
                self.p("yield from ")
                self.expr(value[0], MAX)
        else:
            def write():
                self.p("yield")
                if value:
                    self.p(" ")
                    self.expr(value[0], YIELD + 1)
        self.group(level > YIELD, write)

    def e_await(self, node, level):
        def write():
            self.p("await ")
            self.expr(_named(node)[0], MAX)
        self.group(level > AWAIT, write)

    def e_lambda(self, node, level):
        parameters = node.child_by_field_name("parameters")

        def write():
            self.p("lambda")
            if parameters is not None:
                self.p(" ")
                for i, parameter in enumerate(_named(parameters)):
                    if i:
                        self.p(", ")
                    self.parameter(parameter)
            self.p(": ")
            self.expr(node.child_by_field_name("body"), LAMBDA)
        self.group(level > LAMBDA, write)

    def parameter(self, node):
        kind = node.type
        if kind == "identifier":
            self.p(node.text)
        elif kind == "default_parameter":
            self.p(node.child_by_field_name("name").text + "=")
            self.expr(node.child_by_field_name("value"), COMMA)
        elif kind == "list_splat_pattern":
            self.p("*" + _named(node)[0].text)
        elif kind == "dictionary_splat_pattern":
            self.p("**" + _named(node)[0].text)
        elif kind == "keyword_separator":
            self.p("*")
        elif kind == "positional_separator":
            self.p("/")
        else:
            raise Unsupported(kind)


def _unparenthesized(node):
    while node.type == "parenthesized_expression" and len(_named(node)) == 1:
        node = _named(node)[0]
    return node


def _between(node, start, end):
    """The text of `node` from byte `start` to byte `end` (offsets in the file)."""
    return node.text.encode()[start - node.start_byte:end - node.start_byte].decode()


def _literal_value(content, raw, quote):
    """The text a piece of an f-string stands for (`{{` is `{`, escapes decoded)."""
    text = content.text.replace("{{", "{").replace("}}", "}")
    return _piece_value(text, raw, quote)


def _piece_value(text, raw, quote):
    if raw:
        return text
    # A plain string with the same escapes; triple quotes let line breaks and quotes through.
    # With the delimiter neither in the text nor completed by its end, that is one string
    # literal (or a SyntaxError), which evaluates to its value and runs nothing: what
    # ast.literal_eval gives, without importing ast.
    for delimiter in ('"""', "'''"):
        if delimiter not in text and not text.endswith(delimiter[0]):
            return eval(delimiter + text + delimiter, {"__builtins__": {}})
    raise Unsupported("f-string text with both kinds of triple quotes")


def _choose_quote(value, preferred):
    """Ruff keeps the preferred quote unless only it appears in the text."""
    other = "'" if preferred == '"' else '"'
    if preferred in value and other not in value:
        return other
    return preferred


def _escape_body(value, quote):
    # Ruff's strings hold no surrogates: each one becomes U+FFFD.
    value = "".join("\ufffd" if "\ud800" <= ch <= "\udfff" else ch for ch in value)
    out = []
    for ch in value:
        if ch == "\n":
            out.append("\\n")
        elif ch == "\t":
            out.append("\\t")
        elif ch == "\r":
            out.append("\\r")
        elif " " <= ch <= "~":
            out.append("\\" + ch if ch in (quote, "\\") else ch)
        elif ch.isascii():
            out.append(f"\\x{ord(ch):02x}")
        elif ch.isprintable():
            out.append(ch)
        elif ord(ch) <= 0xFF:
            out.append(f"\\x{ord(ch):02x}")
        elif ord(ch) <= 0xFFFF:
            out.append(f"\\u{ord(ch):04x}")
        else:
            out.append(f"\\U{ord(ch):08x}")
    return "".join(out)


def _str_repr(value, preferred, triple):
    quote = _choose_quote(value, preferred)
    delimiter = quote * (3 if triple else 1)
    return delimiter + _escape_body(value, quote) + delimiter


def _bytes_repr(value, preferred, triple):
    text = value.decode("latin-1")
    quote = _choose_quote(text, preferred)
    out = []
    for b in value:
        ch = chr(b)
        if ch == "\t":
            out.append("\\t")
        elif ch == "\n":
            out.append("\\n")
        elif ch == "\r":
            out.append("\\r")
        elif 0x20 <= b <= 0x7E:
            out.append("\\" + ch if ch in (quote, "\\") else ch)
        else:
            out.append(f"\\x{b:02x}")
    delimiter = quote * (3 if triple else 1)
    return delimiter + "".join(out) + delimiter
