#include <optional>
#include <vector>

#include "engine/rule.h"
#include "pyupgrade/edits.h"

namespace lint::rules {

namespace {

constexpr std::string_view kDoc = R"(## What it does
Checks for a PEP 263 encoding declaration naming UTF-8 (`# -*- coding: utf-8 -*-`) on the first
or second line of a file.

## Why is this bad?
UTF-8 is the default source encoding of Python 3; declaring it changes nothing.

## Example
```python
# -*- coding: utf-8 -*-
print("Hello, world!")
```

Use instead:
```python
print("Hello, world!")
```
)";

enum class Coding : uint8_t { Utf8, Other, None };

struct LeadingComment {
  Coding coding = Coding::None;
  uint32_t start = 0, end = 0;          // the comment
  uint32_t line_start = 0, line_end = 0;  // its line, line ending included
};

bool is_coding_name_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.';
}

// PEP 263's pattern, `^[ \t\f]*#.*?coding[:=][ \t]*([-_.a-zA-Z0-9]+)`, on one line: the name
// it declares, if any.
std::optional<std::string_view> declared_coding(std::string_view line) {
  size_t i = 0;
  while (i < line.size() && (line[i] == ' ' || line[i] == '\t' || line[i] == '\f')) ++i;
  if (i >= line.size() || line[i] != '#') return std::nullopt;
  for (size_t at = line.find("coding", i + 1); at != std::string_view::npos; at = line.find("coding", at + 1)) {
    size_t j = at + 6;
    if (j >= line.size() || (line[j] != ':' && line[j] != '=')) continue;
    ++j;
    while (j < line.size() && (line[j] == ' ' || line[j] == '\t')) ++j;
    const size_t name = j;
    while (j < line.size() && is_coding_name_char(line[j])) ++j;
    if (j > name) return line.substr(name, j - name);
  }
  return std::nullopt;
}

// The comments before any code, in order: only whitespace may come before and between them.
std::vector<LeadingComment> leading_comments(std::string_view src, size_t most) {
  std::vector<LeadingComment> out;
  uint32_t pos = 0;
  while (out.size() < most) {
    while (pos < src.size() && (up::is_python_whitespace(src[pos]) || src[pos] == '\n' || src[pos] == '\r')) ++pos;
    if (pos >= src.size() || src[pos] != '#') break;
    LeadingComment c;
    c.start = pos;
    c.end = up::line_end(src, pos);
    c.line_start = up::line_start(src, pos);
    c.line_end = up::full_line_end(src, pos);
    const std::optional<std::string_view> name = declared_coding(src.substr(c.line_start, c.end - c.line_start));
    c.coding = !name ? Coding::None : (*name == "utf8" || *name == "utf-8") ? Coding::Utf8 : Coding::Other;
    out.push_back(c);
    pos = c.end;
  }
  return out;
}

class Utf8EncodingDeclaration final : public Rule {
 public:
  // Runs on the first comment of the file (a comment is dispatched even where the code around it
  // does not parse, as Ruff reads tokens); the comments are read from the text.
  void enter(TSNode node, Context& ctx) override {
    if (done_) return;
    done_ = true;
    const std::string_view src = ctx.source();
    uint32_t first = 0;
    while (first < src.size() && (up::is_python_whitespace(src[first]) || src[first] == '\n' || src[first] == '\r')) ++first;
    if (start_of(node) != first) return;
    // Enough comments to reach the first declaration on the first two lines, and two after it.
    const std::vector<LeadingComment> comments = leading_comments(src, 64);
    size_t i = 0;
    while (i < comments.size() && comments[i].coding == Coding::None) ++i;
    if (i >= comments.size() || comments[i].coding != Coding::Utf8) return;
    const LeadingComment& c = comments[i];
    if (ctx.lines().row_of(c.start) > 2) return;
    const Coding next = i + 1 < comments.size() ? comments[i + 1].coding : Coding::Utf8;
    const Coding after = i + 2 < comments.size() ? comments[i + 2].coding : Coding::Utf8;
    if (i + 1 < comments.size() && (next == Coding::Other || (next == Coding::None && i + 2 < comments.size() && after == Coding::Other))) {
      return;
    }
    Diagnostic& d = report(ctx, c.start, c.end, "UTF-8 encoding declaration is unnecessary");
    d.fix_title = "Remove unnecessary coding comment";
    d.fix = Fix::safe(Edit::deletion(c.line_start, c.line_end));
  }

 private:
  bool done_ = false;
};

}  // namespace

extern const RuleSpec utf8_encoding_declaration{
    .code = "UP009",
    .name = "utf8-encoding-declaration",
    .linter = "pyupgrade",
    .kinds = {"comment"},
    .doc = kDoc,
    .create = make_rule<Utf8EncodingDeclaration>(),
    .runs_on_invalid_syntax = true,
    .fix = FixAvailability::Always,
};

}  // namespace lint::rules
