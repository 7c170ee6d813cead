#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "engine/rule.h"
#include "fix/edits.h"
#include "pyupgrade/semantic.h"
#include "pyupgrade/syntax.h"

namespace lint::rules {

namespace {

constexpr std::string_view kDoc = R"(## What it does
Checks for `if` and `elif` tests that compare `sys.version_info` (or `sys.version_info[0]`,
`sys.version_info.major`, a slice of it) with a version that the minimum supported Python
version (`target-version`) already decides: the branch either always runs or never does.

Comparisons with a number that cannot be a version part (`sys.version_info < (3, 1000)`) are
reported as invalid.

## Why is this bad?
A branch written for Python versions the project no longer supports is dead code, and a test
that is always true only adds nesting. Both make the code harder to read and keep up.

## Example
```python
import sys

if sys.version_info < (3, 0):
    print("py2")
else:
    print("py3")
```

Use instead:
```python
print("py3")
```

## Options
- `target-version`

## Fix safety
The fix is unsafe: it deletes the branch that never runs, with its code and comments, and
re-indents the one that always runs in place of the whole `if` statement.
)";

enum class Reason { AlwaysTrue, AlwaysFalse, Invalid };

struct Branch {
  TSNode clause;  // the if_statement itself, or an elif_clause
  TSNode test;    // its condition, without parentheses
  TSNode body;    // its block
  bool is_if;
};

// The value of an integer literal; `is_int` is false for an imaginary one (`3j`). nullopt when
// it is not an integer or does not fit in 64 bits.
std::optional<uint64_t> integer_value(std::string_view text, bool& is_int) {
  is_int = !text.empty() && text.back() != 'j' && text.back() != 'J' && text.back() != 'l' && text.back() != 'L';
  if (!is_int) return std::nullopt;
  unsigned base = 10;
  size_t i = 0;
  if (text.size() > 1 && text[0] == '0') {
    const char p = text[1];
    if (p == 'x' || p == 'X') base = 16, i = 2;
    else if (p == 'o' || p == 'O') base = 8, i = 2;
    else if (p == 'b' || p == 'B') base = 2, i = 2;
  }
  uint64_t value = 0;
  for (; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '_') continue;
    unsigned digit;
    if (c >= '0' && c <= '9') digit = static_cast<unsigned>(c - '0');
    else if (c >= 'a' && c <= 'f') digit = static_cast<unsigned>(c - 'a' + 10);
    else if (c >= 'A' && c <= 'F') digit = static_cast<unsigned>(c - 'A' + 10);
    else {
      is_int = false;
      return std::nullopt;
    }
    if (digit >= base) {
      is_int = false;
      return std::nullopt;
    }
    if (value > (UINT64_MAX - digit) / base) return std::nullopt;
    value = value * base + digit;
  }
  return value;
}

// A version part as Ruff reads it: fits in a byte, or not.
struct Part {
  bool is_int = false;
  std::optional<uint8_t> small;
};

Part part_of(TSNode n, const Context& ctx) {
  Part p;
  n = unparenthesized(n);
  if (!is(n, "integer")) return p;
  const std::optional<uint64_t> v = integer_value(ctx.text(n), p.is_int);
  if (p.is_int && v && *v <= 255) p.small = static_cast<uint8_t>(*v);
  return p;
}

// Whether `version` is always below 3.`minor` (Ruff's version_always_less_than); nullopt for a
// part that is no byte (an invalid version).
std::optional<bool> always_less_than(const std::vector<Part>& version, int minor, bool or_equal) {
  if (version.empty()) return false;
  if (!version[0].small) return std::nullopt;
  const int major = *version[0].small;
  if (major < 3) return true;
  if (major > 3) return false;
  if (version.size() < 2) return true;
  if (!version[1].small) return std::nullopt;
  const int if_minor = *version[1].small;
  std::optional<int> micro;
  if (version.size() > 2) {
    if (!version[2].small) return std::nullopt;
    micro = *version[2].small;
  }
  if (or_equal) return if_minor < minor;
  if (micro) return if_minor < minor || (if_minor == minor && *micro == 0);
  return if_minor <= minor;
}

// The statements of a block (its comments left out).
std::vector<TSNode> statements(TSNode block) {
  std::vector<TSNode> out;
  for (TSNode c : children(block)) {
    if (is_named_child(c) && !is(c, "comment")) out.push_back(c);
  }
  return out;
}

// The leading whitespace of the line holding `offset`, when only whitespace precedes it.
std::optional<std::string_view> indentation_of(const Context& ctx, uint32_t offset) {
  const uint32_t line = edits::line_start(ctx.original(), offset);
  const std::string_view prefix = ctx.original(line, offset);
  if (prefix.find_first_not_of(" \t\f") != std::string_view::npos) return std::nullopt;
  return prefix;
}

class OutdatedVersionBlock final : public Rule {
 public:
  void enter(TSNode node, Context&) override { ifs_.push_back(node); }

  void finish(Context& ctx) override {
    const SemanticModel* m = ctx.semantic();
    if (!m) return;
    const up::Resolver resolver(*m, ctx);
    for (TSNode stmt : ifs_) check(stmt, resolver, ctx);
  }

 private:
  void check(TSNode stmt, const up::Resolver& resolver, Context& ctx) {
    std::vector<Branch> branches;
    branches.push_back({stmt, field(stmt, "condition"), field(stmt, "consequence"), true});
    for (TSNode c : children(stmt)) {
      if (is(c, "elif_clause")) branches.push_back({c, field(c, "condition"), field(c, "consequence"), false});
    }
    for (Branch& branch : branches) {
      if (ts_node_is_null(branch.test) || ts_node_is_null(branch.body)) continue;
      branch.test = unparenthesized(branch.test);
      if (!is(branch.test, "comparison_operator")) continue;
      std::vector<TSNode> operands;
      for (TSNode c : children(branch.test)) {
        if (is_named_child(c) && !is(c, "comment")) operands.push_back(c);
      }
      if (operands.size() != 2) continue;
      const std::string op = operator_text(ctx, end_of(operands[0]), start_of(operands[1]));
      if (!is_version_info(operands[0], resolver)) continue;
      const TSNode comparison = unparenthesized(operands[1]);

      if (is(comparison, "tuple")) {
        if (op != "<" && op != "<=" && op != ">" && op != ">=") continue;
        std::vector<Part> version;
        for (TSNode e : children(comparison)) {
          if (!is_named_child(e) || is(e, "comment")) continue;
          const Part p = part_of(e, ctx);
          if (!p.is_int) return;  // not a version: Ruff looks no further in this statement
          version.push_back(p);
        }
        const std::optional<bool> less = always_less_than(version, ctx.target_minor(), op == "<=" || op == ">");
        if (!less) {
          report(ctx, comparison, "Version specifier is invalid");
        } else if (*less) {
          flag(ctx, stmt, branch, op == "<" || op == "<=" ? Reason::AlwaysFalse : Reason::AlwaysTrue);
        }
        continue;
      }
      if (is(comparison, "integer")) {
        const Part p = part_of(comparison, ctx);
        if (!p.is_int) continue;
        if (!p.small) {
          report(ctx, comparison, "Version specifier is invalid");
          continue;
        }
        std::optional<Reason> reason;
        if (*p.small == 2) {
          if (op == "==" || op == "<" || op == "<=") reason = Reason::AlwaysFalse;
          else if (op == "!=" || op == ">" || op == ">=") reason = Reason::AlwaysTrue;
        } else if (*p.small == 3) {
          if (op == "==" || op == "<=" || op == ">=") reason = Reason::AlwaysTrue;
          else if (op == "!=" || op == "<" || op == ">") reason = Reason::AlwaysFalse;
        }
        if (!reason) return;  // another number, or another operator: Ruff stops here
        flag(ctx, stmt, branch, *reason);
      }
    }
  }

  // The comparison operator between two operands, its words separated by one space.
  static std::string operator_text(const Context& ctx, uint32_t start, uint32_t end) {
    std::string out;
    bool space = false;
    for (char c : ctx.source().substr(start, end - start)) {
      if (c == ' ' || c == '\t' || c == '\f' || c == '\n' || c == '\r' || c == '\\') {
        space = !out.empty();
        continue;
      }
      if (space) out += ' ';
      space = false;
      out += c;
    }
    return out;
  }

  // `sys.version_info`, a subscript of it, or `sys.version_info.major` (Ruff's is_valid_version_info).
  static bool is_version_info(TSNode left, const up::Resolver& resolver) {
    TSNode base = unparenthesized(left);
    if (is(base, "subscript")) base = field(base, "value");
    if (resolver.qualified(base) == "sys.version_info") return true;
    return resolver.qualified(left) == "sys.version_info.major";
  }

  void flag(Context& ctx, TSNode stmt, const Branch& branch, Reason reason) {
    Diagnostic& d = report(ctx, branch.test, "Version block is outdated for minimum Python version");
    d.fix_title = "Remove outdated version block";
    const std::optional<Edit> edit =
        reason == Reason::AlwaysFalse ? remove_branch(ctx, stmt, branch) : keep_branch(ctx, stmt, branch);
    if (edit) d.fix = Fix::unsafe(*edit);
  }

  // The `if` statement replaced by the statements of `body`, re-indented to its place.
  static std::optional<Edit> inline_body(const Context& ctx, TSNode stmt, TSNode body) {
    const std::vector<TSNode> stmts = statements(body);
    if (stmts.empty()) return std::nullopt;
    const uint32_t first = start_of(stmts.front()), last = edits::statement_end(stmts.back());
    const uint32_t stmt_end = edits::statement_end(stmt);
    if (!indentation_of(ctx, first)) {
      // A body on the line of its header (`if ...: x = 1`).
      return Edit::replace(start_of(stmt), stmt_end, std::string(ctx.original(first, last)));
    }
    const std::optional<std::string_view> indentation = indentation_of(ctx, start_of(stmt));
    if (!indentation) return std::nullopt;
    const uint32_t from = edits::line_start(ctx.source(), first);
    std::optional<std::string> contents = edits::adjust_indentation(ctx, from, last, *indentation);
    if (!contents) return std::nullopt;
    return Edit::replace(edits::line_start(ctx.source(), start_of(stmt)), stmt_end, std::move(*contents));
  }

  // The fix of a branch that never runs.
  static std::optional<Edit> remove_branch(const Context& ctx, TSNode stmt, const Branch& branch) {
    std::vector<TSNode> clauses;
    for (TSNode c : children(stmt)) {
      if (is(c, "elif_clause") || is(c, "else_clause")) clauses.push_back(c);
    }
    if (branch.is_if) {
      if (clauses.empty()) return edits::delete_statement(ctx, stmt);
      if (is(clauses.front(), "elif_clause")) {
        // `elif` becomes `if`.
        return Edit::deletion(start_of(stmt), start_of(clauses.front()) + 2);
      }
      return inline_body(ctx, stmt, field(clauses.front(), "body"));
    }
    // Up to the next clause, so that no blank line is left between the remaining ones.
    uint32_t end = edits::statement_end(branch.clause);
    for (TSNode c : clauses) {
      if (start_of(c) > start_of(branch.clause)) {
        end = start_of(c);
        break;
      }
    }
    return Edit::deletion(start_of(branch.clause), end);
  }

  // The fix of a branch that always runs.
  static std::optional<Edit> keep_branch(const Context& ctx, TSNode stmt, const Branch& branch) {
    if (branch.is_if) return inline_body(ctx, stmt, branch.body);
    // `elif test: body ...` becomes `else: body`, and the clauses after it go.
    const std::vector<TSNode> stmts = statements(branch.body);
    if (stmts.empty()) return std::nullopt;
    std::string text = "else";
    text += ctx.original(end_of(branch.test), edits::statement_end(stmts.back()));
    return Edit::replace(start_of(branch.clause), edits::statement_end(stmt), std::move(text));
  }

  std::vector<TSNode> ifs_;
};

}  // namespace

extern const RuleSpec outdated_version_block{
    .code = "UP036",
    .name = "outdated-version-block",
    .linter = "pyupgrade",
    .kinds = {"if_statement"},
    .doc = kDoc,
    .create = make_rule<OutdatedVersionBlock>(),
    .needs_semantic = true,
    .fix = FixAvailability::Sometimes,
};

}  // namespace lint::rules
