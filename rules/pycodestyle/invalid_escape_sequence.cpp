#include <cstdint>
#include <cstring>
#include <string>
#include <utility>
#include <vector>

#include "pycodestyle/strings.h"
#include "engine/rule.h"

namespace lint::rules {

namespace {

constexpr std::string_view kDoc = R"(## What it does
Checks for backslashes in string and bytes literals that do not start a valid escape
sequence, such as `"\d"`.

## Why is this bad?
Python keeps an unrecognized escape like `\d` as the two characters `\` and `d`, but this has
been deprecated since Python 3.6 and is a `SyntaxWarning` since Python 3.12; it may become an
error. It is also ambiguous to the reader: was a real escape intended? Either double the
backslash (`"\\d"`) or use a raw string (`r"\d"`), the usual choice for regular expressions.

The valid escapes are `\` followed by a newline, `\\`, `\'`, `\"`, `\a`, `\b`, `\f`, `\n`, `\r`,
`\t`, `\v`, octal digits `\0`-`\7`, `\x`, and `\N`, `\u`, `\U`. Raw strings are not checked. In
f-strings, the literal text and the format specifications of the replacement fields are
checked; strings nested in replacement fields are checked on their own.

## Example
```python
import re

pattern = re.compile("\d+\.\d+")
```

Use instead:
```python
import re

pattern = re.compile(r"\d+\.\d+")
```

## Fix
When the string (each part of an implicit concatenation on its own) has no valid escape
sequence, the fix makes it a raw string: an `r` before its prefix, or in place of a `u`
prefix. Otherwise a raw prefix would change the meaning of the valid escapes, and the fix
doubles the backslash of each invalid one instead.
)";

inline bool valid_escape(unsigned char c) {
  switch (c) {
    case '\n': case '\r': case '\\': case '\'': case '"':
    case 'a': case 'b': case 'f': case 'n': case 'r': case 't': case 'v':
    case '0': case '1': case '2': case '3': case '4': case '5': case '6': case '7':
    case 'x': case 'N': case 'u': case 'U':
      return true;
    default:
      return false;
  }
}

inline uint32_t utf8_length(unsigned char lead) {
  if (lead < 0x80) return 1;
  if ((lead >> 5) == 0x6) return 2;
  if ((lead >> 4) == 0xE) return 3;
  if ((lead >> 3) == 0x1E) return 4;
  return 1;
}

class InvalidEscapeSequence final : public Rule {
 public:
  void enter(TSNode node, Context& ctx) override {
    const std::string_view src = ctx.source();
    const uint32_t start = ts_node_start_byte(node);
    const uint32_t end = ts_node_end_byte(node);
    const std::string_view literal = src.substr(start, end - start);
    // Most strings hold no backslash at all.
    if (std::memchr(literal.data(), '\\', literal.size()) == nullptr) return;
    const std::string_view prefix = literal_prefix(literal);
    if (is_raw_prefix(prefix)) return;
    invalid_.clear();
    any_valid_ = false;
    if (!is_f_string_prefix(prefix) && !prefix_contains(prefix, 't')) {
      // Neither the prefix nor the quotes hold a backslash: scan the whole literal.
      scan(start, end, src);
    } else {
      // An f-string or t-string: its literal text, between the replacement fields, and the format
      // specifications of its replacement fields. Nested strings are entered on their own, with
      // their own prefix (`t"{rt"\{1}"}"` has no invalid escape).
      uint32_t pos = start;
      for (TSNode c : children(node)) {
        const std::string_view k = kind(c);
        if (k == "string_start") {
          pos = ts_node_end_byte(c);
        } else if (k == "interpolation") {
          scan(pos, ts_node_start_byte(c), src);
          pos = ts_node_end_byte(c);
          TSNode spec = field(c, "format_specifier");
          if (!ts_node_is_null(spec)) format_spec(spec, src);
        } else if (k == "string_end") {
          scan(pos, ts_node_start_byte(c), src);
          pos = ts_node_end_byte(c);
        }
      }
    }
    if (invalid_.empty()) return;
    // One fix for the whole string: escape each backslash when the string has valid escapes
    // (a raw prefix would change their meaning), else make the string raw.
    const bool u_prefix = prefix == "u" || prefix == "U";
    for (const auto& [at, len] : invalid_) {
      std::string message = "Invalid escape sequence: `\\";
      message.append(src.substr(at + 1, len));
      message += '`';
      Diagnostic& d = report(ctx, at, at + 1 + len, std::move(message));
      if (any_valid_) {
        d.fix_title = "Add backslash to escape sequence";
        d.fix = Fix::safe(Edit::insertion(at + 1, "\\"));
      } else if (u_prefix) {
        d.fix_title = "Use a raw string literal";
        d.fix = Fix::safe(Edit::replace(start, start + 1, "r"));
      } else {
        d.fix_title = "Use a raw string literal";
        const bool after_word = start > 0 && ((src[start - 1] >= 'a' && src[start - 1] <= 'z') ||
                                              (src[start - 1] >= 'A' && src[start - 1] <= 'Z'));
        d.fix = Fix::safe(Edit::insertion(start, after_word ? " r" : "r"));
      }
    }
  }

 private:
  // The literal text of a format specification: after its `:`, between nested fields. The
  // specifications of nested fields (`{x:{y:\d}}`) are not checked, as in Ruff.
  void format_spec(TSNode spec, std::string_view src) {
    uint32_t pos = ts_node_start_byte(spec);
    for (TSNode c : children(spec)) {
      if (!ts_node_is_named(c)) {
        if (is(c, ":") && pos == ts_node_start_byte(c)) pos = ts_node_end_byte(c);
        continue;
      }
      if (is(c, "format_expression")) {
        scan(pos, ts_node_start_byte(c), src);
        pos = ts_node_end_byte(c);
      }
    }
    scan(pos, ts_node_end_byte(spec), src);
  }

  // Records every backslash in [from, to) that does not start a valid escape, and whether one
  // does. A backslash at the end of the range (before a replacement field) is judged by the
  // character after it.
  void scan(uint32_t from, uint32_t to, std::string_view src) {
    if (from >= to) return;
    const char* base = src.data();
    uint32_t i = from;
    bool prev_backslash_at = false;
    uint32_t prev = 0;
    while (i < to) {
      const void* hit = std::memchr(base + i, '\\', to - i);
      if (hit == nullptr) return;
      i = static_cast<uint32_t>(static_cast<const char*>(hit) - base);
      if (prev_backslash_at && prev + 1 == i) {
        // The second backslash of `\\`.
        prev_backslash_at = false;
        ++i;
        continue;
      }
      prev_backslash_at = true;
      prev = i;
      if (i + 1 >= src.size()) return;
      const unsigned char next = static_cast<unsigned char>(src[i + 1]);
      if (valid_escape(next)) {
        any_valid_ = true;
      } else {
        uint32_t len = utf8_length(next);
        if (i + 1 + len > src.size()) len = static_cast<uint32_t>(src.size() - i - 1);
        invalid_.emplace_back(i, len);
      }
      ++i;
    }
  }

  // Per string: the invalid escapes (the backslash's offset, the length of the character after
  // it) and whether any valid escape (or line continuation) occurs.
  std::vector<std::pair<uint32_t, uint32_t>> invalid_;
  bool any_valid_ = false;
};

}  // namespace

extern const RuleSpec invalid_escape_sequence{
    .code = "W605",
    .name = "invalid-escape-sequence",
    .linter = "pycodestyle",
    .kinds = {"string"},
    .doc = kDoc,
    .create = make_rule<InvalidEscapeSequence>(),
    .fix = FixAvailability::Always,
};

}  // namespace lint::rules
