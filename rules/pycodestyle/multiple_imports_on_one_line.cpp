#include <string>
#include <vector>

#include "engine/rule.h"
#include "fix/edits.h"

namespace lint::rules {

namespace {

constexpr std::string_view kDoc = R"(## What it does
Checks for `import` statements that import more than one module, such as `import os, sys`.

## Why is this bad?
[PEP 8] asks for one module per `import` line. Separate lines are easier to scan, sort and
review, and adding or removing one import then changes exactly one line. Importing several
names *from* one module (`from os import path, sep`) is fine and is not reported.

## Example
```python
import json, os, sys
```

Use instead:
```python
import json
import os
import sys
```

## Fix
The fix puts each module on its own line, with the statement's indentation and the file's line
ending. When the statement shares its line with other statements (`x = 1; import os, sys`), it
becomes several statements separated by semicolons instead (`import os; import sys`).

[PEP 8]: https://peps.python.org/pep-0008/#imports
)";

// `import a.b as c` for one name of the statement, spelled as Ruff prints it: the dotted name
// without the spaces or line continuations it may have in the source.
std::string single_import(TSNode name, const Context& ctx) {
  TSNode dotted = name;
  TSNode alias{};
  if (is(name, "aliased_import")) {
    dotted = field(name, "name");
    alias = field(name, "alias");
  }
  std::string out = "import ";
  bool first = true;
  for (TSNode part : children(dotted)) {
    if (!is(part, "identifier")) continue;
    if (!first) out += '.';
    out += ctx.original(part);
    first = false;
  }
  if (!ts_node_is_null(alias)) {
    out += " as ";
    out += ctx.original(alias);
  }
  return out;
}

Fix split_imports(TSNode stmt, const std::vector<TSNode>& names, const Context& ctx) {
  const uint32_t start = ts_node_start_byte(stmt), end = ts_node_end_byte(stmt);
  std::string content;
  if (edits::in_multi_statement_line(ctx, start, end)) {
    for (TSNode name : names) {
      if (!content.empty()) content += "; ";
      content += single_import(name, ctx);
    }
    return Fix::safe(Edit::replace(start, end, std::move(content)));
  }
  const uint32_t line = edits::line_start(ctx.source(), start);
  const std::string_view indentation = ctx.original(line, start);
  for (TSNode name : names) {
    if (!content.empty()) content += ctx.line_ending();
    content += indentation;
    content += single_import(name, ctx);
  }
  return Fix::safe(Edit::replace(line, end, std::move(content)));
}

class MultipleImportsOnOneLine final : public Rule {
 public:
  void enter(TSNode node, Context& ctx) override {
    names_.clear();
    for (auto it = children(node).begin(); it != children(node).end(); ++it) {
      const char* f = it.field_name();
      if (f != nullptr && std::string_view(f) == "name") names_.push_back(*it);
    }
    if (names_.size() < 2) return;
    Diagnostic& d = report(ctx, node, "Multiple imports on one line");
    d.fix_title = "Split imports";
    d.fix = split_imports(node, names_, ctx);
  }

 private:
  std::vector<TSNode> names_;
};

}  // namespace

extern const RuleSpec multiple_imports_on_one_line{
    .code = "E401",
    .name = "multiple-imports-on-one-line",
    .linter = "pycodestyle",
    .kinds = {"import_statement"},
    .doc = kDoc,
    .create = make_rule<MultipleImportsOnOneLine>(),
    .fix = FixAvailability::Always,
};

}  // namespace lint::rules
