#include <algorithm>
#include <optional>
#include <string>
#include <vector>

#include "engine/rule.h"
#include "pyupgrade/edits.h"

namespace lint::rules {

namespace {

constexpr std::string_view kDoc = R"(## What it does
Checks for imports of the `mock` package, and for `mock.mock` in code that imports it.

## Why is this bad?
Since Python 3.3, `mock` is part of the standard library as `unittest.mock`; the third-party
backport is not needed.

## Example
```python
import mock
```

Use instead:
```python
from unittest import mock
```
)";

// The leading whitespace of a statement's line, or nothing when code precedes it on the line.
std::optional<std::string_view> indentation_of(TSNode stmt, const Context& ctx) {
  const std::string_view src = ctx.original();
  const uint32_t start = start_of(stmt);
  const uint32_t line = up::line_start(src, start);
  for (uint32_t i = line; i < start; ++i) {
    if (!up::is_python_whitespace(src[i])) return std::nullopt;
  }
  return src.substr(line, start - line);
}


// `from unittest import mock [as x]`, one per line.
std::string format_mocks(const std::vector<std::string>& asnames, std::string_view indent, const Context& ctx) {
  std::string out;
  for (const std::string& as : asnames) {
    if (!out.empty()) {
      out += ctx.line_ending();
      out += indent;
    }
    out += as.empty() ? "from unittest import mock" : "from unittest import mock as " + as;
  }
  return out;
}

class DeprecatedMockImport final : public Rule {
 public:
  void enter(TSNode node, Context& ctx) override {
    const std::string_view k = kind(node);
    if (k == "attribute") {
      if (ctx.text(field(node, "attribute")) == "mock" && is(field(node, "object"), "identifier") &&
          ctx.text(field(node, "object")) == "mock") {
        // `mock.mock` as the object of a longer chain (`mock.mock.Mock`).
        const TSNode parent = ts_node_parent(node);
        if (is(parent, "attribute") && ts_node_eq(field(parent, "object"), node)) attributes_.push_back(node);
      }
      return;
    }
    if (ctx.text(node).find("mock") == std::string_view::npos) return;
    if (k == "import_statement") {
      bool any = false;
      for (TSNode a : up::import_aliases(node)) {
        const std::string_view name = ctx.text(up::alias_name(a));
        if (name == "mock" || name.starts_with("mock.")) imports_mock_ = true;
        any |= name == "mock" || name == "mock.mock";
      }
      if (any) import_statement(node, ctx);
    } else {
      const TSNode module = field(node, "module_name");
      if (ts_node_is_null(module) || !is(module, "dotted_name")) return;
      const std::string_view name = ctx.text(module);
      if (name == "mock" || name.starts_with("mock.")) imports_mock_ = true;
      if (name == "mock") import_from(node, ctx);
    }
  }

  void finish(Context& ctx) override {
    if (!imports_mock_) return;
    for (TSNode a : attributes_) {
      Diagnostic& d = report(ctx, a, "`mock` is deprecated, use `unittest.mock`");
      d.fix_title = "Replace `mock.mock` with `mock`";
      d.fix = Fix::safe(Edit::replace(start_of(a), end_of(a), "mock"));
    }
  }

 private:
  void import_statement(TSNode stmt, Context& ctx) {
    const std::vector<TSNode> aliases = up::import_aliases(stmt);
    std::vector<bool> keep;
    std::vector<std::string> mocks;
    for (TSNode a : aliases) {
      const std::string_view name = ctx.text(up::alias_name(a));
      const bool is_mock = name == "mock" || name == "mock.mock";
      keep.push_back(!is_mock);
      if (is_mock) mocks.emplace_back(is(a, "aliased_import") ? ctx.text(field(a, "alias")) : "");
    }
    std::optional<std::string> content;
    if (const std::optional<std::string_view> indent = indentation_of(stmt, ctx)) {
      if (std::find(keep.begin(), keep.end(), true) == keep.end()) {
        content = format_mocks(mocks, *indent, ctx);
      } else {
        const std::string head(ctx.original(start_of(stmt), start_of(aliases.front())));
        content = up::without_aliases(stmt, aliases, keep, head, ctx);
        *content += ctx.line_ending();
        *content += *indent;
        *content += format_mocks(mocks, *indent, ctx);
      }
    }
    for (size_t i = 0; i < aliases.size(); ++i) {
      if (keep[i]) continue;
      Diagnostic& d = report(ctx, aliases[i], "`mock` is deprecated, use `unittest.mock`");
      d.fix_title = "Import from `unittest.mock` instead";
      if (content) d.fix = Fix::safe(Edit::replace(start_of(stmt), end_of(stmt), *content));
    }
  }

  void import_from(TSNode stmt, Context& ctx) {
    Diagnostic& d = report(ctx, stmt, "`mock` is deprecated, use `unittest.mock`");
    d.fix_title = "Import from `unittest.mock` instead";
    const std::optional<std::string_view> indent = indentation_of(stmt, ctx);
    if (!indent) return;
    const TSNode module = field(stmt, "module_name");
    const std::string replaced_module = std::string(ctx.original(start_of(stmt), start_of(module))) + "unittest.mock";
    const std::vector<TSNode> aliases = up::import_aliases(stmt);
    std::string content;
    if (aliases.empty()) {  // `from mock import *`
      content = replaced_module + std::string(ctx.original(end_of(module), end_of(stmt)));
    } else {
      std::vector<bool> keep;
      std::vector<std::string> mocks;
      for (TSNode a : aliases) {
        const bool is_mock = ctx.text(up::alias_name(a)) == "mock";
        keep.push_back(!is_mock);
        if (is_mock) mocks.emplace_back(is(a, "aliased_import") ? ctx.text(field(a, "alias")) : "");
      }
      if (std::find(keep.begin(), keep.end(), true) == keep.end()) {
        content = format_mocks(mocks, *indent, ctx);
      } else {
        const std::string head = replaced_module + std::string(ctx.original(end_of(module), start_of(aliases.front())));
        content = up::without_aliases(stmt, aliases, keep, head, ctx);
        if (!mocks.empty()) {
          content += ctx.line_ending();
          content += *indent;
          content += format_mocks(mocks, *indent, ctx);
        }
      }
    }
    d.fix = Fix::safe(Edit::replace(start_of(stmt), end_of(stmt), std::move(content)));
  }

  bool imports_mock_ = false;
  std::vector<TSNode> attributes_;
};

}  // namespace

extern const RuleSpec deprecated_mock_import{
    .code = "UP026",
    .name = "deprecated-mock-import",
    .linter = "pyupgrade",
    .kinds = {"import_statement", "import_from_statement", "attribute"},
    .doc = kDoc,
    .create = make_rule<DeprecatedMockImport>(),
    .fix = FixAvailability::Sometimes,
};

}  // namespace lint::rules
