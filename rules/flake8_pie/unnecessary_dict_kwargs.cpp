#include <unordered_set>
#include <string>
#include <vector>

#include "engine/rule.h"
#include "flake8_comprehensions/calls.h"
#include "pyflakes/string_values.h"
#include "syntax/identifier.h"
#include "syntax/node.h"

namespace lint::rules {

namespace {

constexpr std::string_view kDoc = R"(## What it does
Checks for `**{...}` in calls where the dictionary display's keys are all valid keyword names.

## Why is this bad?
Keyword arguments say the same thing directly: `f(**{"a": 1})` is `f(a=1)`, and `f(**{})`
passes nothing at all.

## Example
```python
connect(**{"host": "localhost", "port": 5432})
```

Use instead:
```python
connect(host="localhost", port=5432)
```

## Fix safety
The fix is unsafe where the dictionary holds comments, which it would drop.
)";

// The value of a plain string literal (or an implicit concatenation of them) that is a valid
// keyword name; false for anything else (bytes, f-strings, other expressions).
bool keyword_name(TSNode key, const Context& ctx, std::string& out) {
  key = unparenthesized(key);
  std::vector<TSNode> parts;
  if (is(key, "string")) {
    parts.push_back(key);
  } else if (is(key, "concatenated_string")) {
    for (TSNode c : children(key)) {
      if (is(c, "string")) parts.push_back(c);
    }
  } else {
    return false;
  }
  out.clear();
  for (const TSNode part : parts) {
    const std::string_view text = ctx.text(part);
    size_t prefix = 0;
    bool raw = false;
    while (prefix < text.size() && text[prefix] != '\'' && text[prefix] != '"') {
      const char l = static_cast<char>(text[prefix] | 0x20);
      if (l == 'b' || l == 'f' || l == 't') return false;
      raw |= l == 'r';
      ++prefix;
    }
    decode_string_body(string_body(text, prefix), raw, false, false, out);
  }
  return is_python_identifier(out);
}

class UnnecessaryDictKwargs final : public Rule {
 public:
  void enter(TSNode node, Context& ctx) override {
    const TSNode arguments = field(node, "arguments");
    if (!is(arguments, "argument_list")) return;
    bool duplicates_known = false;
    std::unordered_set<std::string> duplicates;
    for (TSNode arg : children(arguments)) {
      if (!is(arg, "dictionary_splat")) continue;
      const TSNode dict = unparenthesized(first_named_child(arg));
      if (!is(dict, "dictionary")) continue;
      std::vector<TSNode> items;
      for (TSNode c : children(dict)) {
        if (ts_node_is_named(c) && !ts_node_is_extra(c)) items.push_back(c);
      }
      if (items.size() == 1 && is(items[0], "dictionary_splat")) {
        // `f(**{**x})` is `f(**x)`.
        Diagnostic& d = report(ctx, arg, "Unnecessary `dict` kwargs");
        d.fix_title = "Remove unnecessary kwargs";
        const TSNode inner = unparenthesized(first_named_child(items[0]));
        // The fix copies the value, which may nest more of the same: it is built only if the
        // file's fix text can hold it (the argument's length bounds it).
        if (!ctx.fix_fits(ts_node_end_byte(arg) - ts_node_start_byte(arg))) continue;
        d.fix = Fix::safe(Edit::replace(ts_node_start_byte(arg), ts_node_end_byte(arg),
                                        "**" + std::string(ctx.original(inner))));
        continue;
      }
      std::vector<std::string> names;
      std::string name;
      for (const TSNode item : items) {
        if (!is(item, "pair") || !keyword_name(field(item, "key"), ctx, name)) break;
        names.push_back(name);
      }
      if (names.size() != items.size()) continue;
      Diagnostic& d = report(ctx, arg, "Unnecessary `dict` kwargs");
      d.fix_title = "Remove unnecessary kwargs";
      if (items.empty()) {
        d.fix = Fix::safe(remove_argument(arg, arguments));
        continue;
      }
      if (!duplicates_known) {
        duplicates = duplicate_keywords(arguments, ctx);
        duplicates_known = true;
      }
      bool clash = false;
      for (const std::string& n : names) clash |= duplicates.count(n) > 0;
      if (clash) continue;
      // `**{"a": 1, "b": x}` becomes `a=1, b=x` (values keep their parentheses), never longer
      // than the argument: built only if the file's fix text can hold it.
      if (!ctx.fix_fits(ts_node_end_byte(arg) - ts_node_start_byte(arg))) continue;
      std::string out;
      for (size_t i = 0; i < items.size(); ++i) {
        if (i) out += ", ";
        out += names[i];
        out += '=';
        out += ctx.original(field(items[i], "value"));
      }
      Edit edit = Edit::replace(ts_node_start_byte(arg), ts_node_end_byte(arg), std::move(out));
      // Comments inside the dict would be lost.
      d.fix = flake8_comprehensions::contains_kind(dict, "comment", ctx, "#") ? Fix::unsafe(std::move(edit))
                                                                     : Fix::safe(std::move(edit));
    }
  }

 private:
  // Names given more than once, directly (`a=1`) or through a dict of names (`**{"a": 1}`).
  static std::unordered_set<std::string> duplicate_keywords(TSNode arguments, const Context& ctx) {
    std::unordered_set<std::string> seen, twice;
    std::string name;
    for (TSNode arg : children(arguments)) {
      if (is(arg, "keyword_argument")) {
        name = std::string(ctx.text(field(arg, "name")));
        if (!seen.insert(name).second) twice.insert(name);
      } else if (is(arg, "dictionary_splat")) {
        const TSNode dict = unparenthesized(first_named_child(arg));
        if (!is(dict, "dictionary")) continue;
        for (TSNode item : children(dict)) {
          if (!is(item, "pair") || !keyword_name(field(item, "key"), ctx, name)) continue;
          if (!seen.insert(name).second) twice.insert(name);
        }
      }
    }
    return twice;
  }

  // Ruff's `remove_argument` (parentheses kept) for `arg` in `arguments`: up to the next
  // argument when one follows, from the previous comma when one precedes, else `()`.
  static Edit remove_argument(TSNode arg, TSNode arguments) {
    std::vector<TSNode> args;
    for (TSNode c : children(arguments)) {
      if (ts_node_is_named(c) && !ts_node_is_extra(c)) args.push_back(c);
    }
    size_t i = 0;
    while (i < args.size() && !ts_node_eq(args[i], arg)) ++i;
    const uint32_t start = ts_node_start_byte(arg), end = ts_node_end_byte(arg);
    if (i + 1 < args.size()) {
      // To the first token after the comma that follows (a comment counts).
      TSNode next{};
      bool comma = false;
      for (TSNode c : children(arguments)) {
        if (ts_node_start_byte(c) < end) continue;
        if (!comma) {
          comma = is(c, ",");
          continue;
        }
        next = c;
        break;
      }
      return Edit::deletion(start, ts_node_start_byte(next));
    }
    if (i > 0) {
      for (TSNode c : children(arguments)) {
        if (is(c, ",") && ts_node_start_byte(c) >= ts_node_end_byte(args[i - 1])) return Edit::deletion(ts_node_start_byte(c), end);
      }
    }
    return Edit::replace(ts_node_start_byte(arguments), ts_node_end_byte(arguments), "()");
  }
};

}  // namespace

extern const RuleSpec unnecessary_dict_kwargs{
    .code = "PIE804",
    .name = "unnecessary-dict-kwargs",
    .linter = "flake8-pie",
    .kinds = {"call"},
    .doc = kDoc,
    .create = make_rule<UnnecessaryDictKwargs>(),
    .fix = FixAvailability::Sometimes,
};

}  // namespace lint::rules
