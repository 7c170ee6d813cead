"""Writes the C++ file that carries lint's own Python into the binary: the Python API
(src/python/lint_api.py) and the shipped rule files (python_rules/*.py), each as its source and
as its bytecode, compiled here by the interpreter lint embeds, so that a run compiles none of
them. The runtime uses the bytecode only when its interpreter's magic number is the one below,
and a rule file's only while the file on disk is still the source it was compiled from. With
each rule file goes what lint's scan of it finds (src/python/python_rules_scan.cpp: codes, names,
docs, options), read here so that a run parses no rule file it ships; a unit test holds the two
readings equal.

usage: embed_python.py OUTPUT LINT_API_PY RULE_FILE...
"""
import ast
import importlib
import importlib.util
import io
import tokenize
import json
import marshal
import os
import sys
import types


def byte_array(name, data):
    """A C++ array of the bytes, with a terminating NUL (not counted in the size)."""
    rows = []
    for i in range(0, len(data), 24):
        rows.append(",".join(str(b) for b in data[i:i + 24]))
    return f"const unsigned char {name}[] = {{\n" + ",\n".join(rows + ["0"]) + "};\n"


class NotPlain(Exception):
    """Something the build-time reading does not decide: lint scans the file at run time."""


class Scan:
    """What scan_file (python_rules_scan.cpp) reads from a rule file, read with `ast`: the
    classes at the top level with `code = "..."` in their body. String values are taken as
    written between the quotes (escapes kept), as lint's scan takes them."""

    def __init__(self, source):
        self.source = source
        self.starts = [0]
        for line in source.split(b"\n")[:-1]:
            self.starts.append(self.starts[-1] + len(line) + 1)

    def text(self, node):
        return self.source[self.starts[node.lineno - 1] + node.col_offset:
                           self.starts[node.end_lineno - 1] + node.end_col_offset]

    def string(self, node):
        """The plain string literal's text between its quotes; None for anything else."""
        if not (isinstance(node, ast.Constant) and isinstance(node.value, str)):
            return None
        text = self.text(node)
        tokens = [t for t in tokenize.tokenize(io.BytesIO(text).readline)
                  if t.type not in (tokenize.ENCODING, tokenize.NEWLINE, tokenize.NL, tokenize.ENDMARKER)]
        if len(tokens) != 1 or tokens[0].type != tokenize.STRING:
            raise NotPlain("a concatenated string")
        prefix = len(text) - len(text.lstrip(b"rRuUbBfF"))
        if any(c in b"fF" for c in text[:prefix]):
            raise NotPlain("an f-string")
        quote = 3 if text[prefix:prefix + 3] in (b'"""', b"\'\'\'") else 1
        return text[prefix + quote:len(text) - quote].decode("utf-8")

    def options(self, node):
        if not isinstance(node, ast.Dict) or None in node.keys:
            raise NotPlain("options")
        out = []
        for key, value in zip(node.keys, node.values):
            name = self.string(key)
            if not name:
                raise NotPlain("an option's name")
            if isinstance(value, ast.Constant) and isinstance(value.value, bool):
                out.append((name, "Bool", "true" if value.value else "false"))
            elif (isinstance(value, ast.Constant) and type(value.value) is int) or (
                    isinstance(value, ast.UnaryOp) and isinstance(value.op, ast.USub)
                    and isinstance(value.operand, ast.Constant) and type(value.operand.value) is int):
                digits = bytes(c for c in self.text(value) if c not in b"_ +").decode()
                if not digits or digits.strip("-0123456789") or len(digits) >= 19:
                    raise NotPlain("an integer option")
                out.append((name, "Int", digits))
            elif isinstance(value, ast.Constant) and isinstance(value.value, str):
                out.append((name, "String", toml_string(self.string(value))))
            elif isinstance(value, ast.List):
                items = [toml_string(self.string(item) or "") if isinstance(item, ast.Constant) and
                         isinstance(item.value, str) else None for item in value.elts]
                if None in items:
                    raise NotPlain("a list option")
                out.append((name, "Strings", "[" + ", ".join(items) + "]"))
            else:
                raise NotPlain("an option's default")
        return out

    def rules(self):
        out = []
        for statement in ast.parse(self.source).body:
            if not isinstance(statement, ast.ClassDef):
                continue
            rule = {"class_name": statement.name, "line": statement.lineno, "code": "", "name": "", "doc": "",
                    "fixable": "", "options": []}
            first = statement.body[0]
            if isinstance(first, ast.Expr):
                value = first.value.elts[0] if isinstance(first.value, ast.Tuple) and first.value.elts else first.value
                rule["doc"] = self.string(value) or ""
            for s in statement.body:
                if isinstance(s, ast.Assign) and len(s.targets) == 1:
                    target, value = s.targets[0], s.value
                elif isinstance(s, ast.AnnAssign):
                    target, value = s.target, s.value
                elif isinstance(s, ast.Assign):
                    raise NotPlain("a chained assignment")
                else:
                    continue
                if value is None:
                    if isinstance(target, ast.Name) and target.id == "options":
                        raise NotPlain("options without a value")
                    continue
                if isinstance(target, ast.Name) and target.id == "options":
                    rule["options"] = self.options(value)
                elif isinstance(target, ast.Name) and target.id in ("code", "name", "fixable"):
                    text = self.string(value)
                    if text is not None:
                        rule[target.id] = text
            if not rule["code"]:
                continue
            if rule["fixable"] not in ("", "always", "sometimes"):
                raise NotPlain("fixable")
            rule["doc"] = clean_docstring(rule["doc"])
            rule["name"] = rule["name"] or kebab(statement.name)
            out.append(rule)
        return out


def toml_string(s):
    out = '"'
    for c in s:
        if c in '"\\':
            out += "\\" + c
        elif ord(c) < 0x20 or ord(c) == 0x7F:
            out += "\\u%04x" % ord(c)
        else:
            out += c
    return out + '"'


def clean_docstring(doc):
    """As the scan's clean_docstring: the first line's leading blanks, the indentation common to
    the others, and blank lines at either end go (tabs are not expanded)."""
    lines = doc.split("\n")
    indents = [len(l) - len(l.lstrip(" \t")) for l in lines[1:] if l.strip(" \t")]
    indent = min(indents) if indents else None
    out = [lines[0].lstrip(" \t")] + [l[indent:] if indent is not None else l for l in lines[1:]]
    while out and not out[-1].strip(" \t"):
        out.pop()
    while out and not out[0].strip(" \t"):
        out.pop(0)
    return "\n".join(out)


def kebab(camel):
    return "".join(("-" if i and c.isupper() else "") + c.lower() if c.isupper() else c for i, c in enumerate(camel))


def cpp_string(s):
    """A C++ string literal of the UTF-8 text (octal escapes, so no character can end it early)."""
    out = '"'
    for b in s.encode("utf-8"):
        if 0x20 <= b < 0x7F and b not in b'"\\?':
            out += chr(b)
        else:
            out += "\\%03o" % b
    return out + '"'


def scanned(i, source):
    """The C++ table of the rule classes found in rule file `i`, and its fields for
    EmbeddedPython; a file the reading does not decide gets none (lint scans it when used)."""
    try:
        rules = Scan(source).rules()
    except (NotPlain, SyntaxError, UnicodeDecodeError):
        return "", "nullptr, 0, false"
    rows = []
    for r in rules:
        options = "".join(f"{{{cpp_string(n)}, RuleOption::Type::{t}, {cpp_string(v)}}}, " for n, t, v in r["options"])
        if options:
            rows.append(f"const EmbeddedRuleOption kRuleOptions{i}_{len(rows)}[] = {{{options}}};\n")
        fix = {"": "FixAvailability::None", "always": "FixAvailability::Always", "sometimes": "FixAvailability::Sometimes"}
        r["row"] = (f"  {{{cpp_string(r['code'])}, {cpp_string(r['name'])}, {cpp_string(r['class_name'])}, {r['line']}, "
                    f"{cpp_string(r['doc'])}, {fix[r['fixable']]}, "
                    f"{f'kRuleOptions{i}_{len(rows) - 1}' if options else 'nullptr'}, {len(r['options'])}}},\n")
    if not rules:
        return "".join(rows), "nullptr, 0, true"
    table = f"const EmbeddedRuleClass kRuleClasses{i}[] = {{\n" + "".join(r["row"] for r in rules) + "};\n"
    return "".join(rows) + table, f"kRuleClasses{i}, {len(rules)}, true"


def filters_of(api_source, rule_files):
    """What the runtime reads from each shipped rule class when it loads it (runtime.cpp,
    start_python_rules): its methods in dir() order with their filters (`_lint_filters`) or
    the kind they visit, and its query. With these, a run needs no interpreter until a file has a
    node for a rule. Run against a stand-in for `_lint` (the C++ module), which nothing here
    calls."""
    stand_in = types.ModuleType("_lint")
    stand_in.Node = type("Node", (), {})
    stand_in.NodeExpired = type("NodeExpired", (RuntimeError,), {})
    sys.modules["_lint"] = stand_in
    api = types.ModuleType("lint")
    exec(compile(api_source, "<lint>", "exec", dont_inherit=True), api.__dict__)
    sys.modules["lint"] = api
    package = types.ModuleType("lint_rules_build")
    package.__path__ = [os.path.dirname(os.path.abspath(rule_files[0]))] if rule_files else []
    sys.modules["lint_rules_build"] = package
    out = {}
    for path in rule_files:
        name = os.path.basename(path)
        if name.startswith("_"):
            continue
        module = importlib.import_module("lint_rules_build." + name[:-3])
        classes = {}
        for class_name, cls in vars(module).items():
            if not (isinstance(cls, type) and issubclass(cls, api.Rule) and cls.__module__ == module.__name__):
                continue
            methods = []
            for attr in dir(cls):
                if attr.startswith("__"):
                    continue
                member = getattr(cls, attr)
                if hasattr(member, "_lint_filters"):
                    for spec in member._lint_filters:
                        if spec[0] == "node":
                            fields = [[f, t if t is None or isinstance(t, bool) else list(t)] for f, t in spec[2]]
                            methods.append([attr, "node", spec[1], fields])
                        else:
                            methods.append([attr, spec[0], list(spec[1])])
                elif attr.startswith(("visit_", "leave_")):
                    methods.append([attr, attr[:5], attr[6:]])
            classes[class_name] = {"methods": methods, "query": cls.query, "on_match": hasattr(cls, "on_match")}
        out[name] = classes
    return out


def main():
    output, api, rules = sys.argv[1], sys.argv[2], sys.argv[3:]
    parts = ["// Generated by cmake/embed_python.py: do not edit.\n",
             "#include <cstddef>\n\n#include \"python/embedded_python.h\"\n\nnamespace lint {\n\n"]
    with open(api, "rb") as f:
        source = f.read()
    # Compiled as the runtime would compile it: under the name tracebacks show.
    code = marshal.dumps(compile(source, "<lint>", "exec", dont_inherit=True))
    parts.append(byte_array("kApiSource", source))
    parts.append(byte_array("kApiCode", code))
    api_sizes = (len(source), len(code))
    entries = []
    for i, path in enumerate(sorted(rules, key=os.path.basename)):
        with open(path, "rb") as f:
            source = f.read()
        # The runtime gives the code objects the file's path where it finds the file.
        code = marshal.dumps(compile(source, path, "exec", dont_inherit=True))
        parts.append(byte_array(f"kRuleSource{i}", source))
        parts.append(byte_array(f"kRuleCode{i}", code))
        table, fields = scanned(i, source)
        parts.append(table)
        entries.append(f'  {{"{os.path.basename(path)}", kRuleSource{i}, {len(source)}, kRuleCode{i}, {len(code)}, '
                       f'{fields}}},\n')
    with open(api, "rb") as f:
        filters = json.dumps(filters_of(f.read(), sorted(rules)), sort_keys=True)
    parts.append(f'const char* const kShippedFilters = R"__lint__({filters})__lint__";\n')
    magic = int.from_bytes(importlib.util.MAGIC_NUMBER, "little")
    parts.append(f"\nconst long kEmbeddedMagic = {magic};\n")
    parts.append("extern const char* const kLintApiSource;\n")
    parts.append("const char* const kLintApiSource = reinterpret_cast<const char*>(kApiSource);\n")
    parts.append(f"const EmbeddedPython kLintApiCode = {{\"<lint>\", kApiSource, {api_sizes[0]}, kApiCode, {api_sizes[1]}, "
                 "nullptr, 0, false};\n")
    parts.append("const EmbeddedPython kShippedRules[] = {\n" + "".join(entries) + "};\n")
    parts.append(f"const size_t kShippedRuleCount = {len(entries)};\n\n}}  // namespace lint\n")
    text = "".join(parts)
    # Rewritten only when it changes, so that an unchanged file recompiles nothing.
    try:
        with open(output, encoding="utf-8") as f:
            if f.read() == text:
                return
    except OSError:
        pass
    with open(output + ".new", "w", encoding="utf-8") as f:
        f.write(text)
    os.replace(output + ".new", output)


if __name__ == "__main__":
    main()
