#include <algorithm>
#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "engine/rule.h"
#include "fix/edits.h"
#include "pyupgrade/edits.h"
#include "pyupgrade/syntax.h"

namespace lint::rules {

namespace {

constexpr std::string_view kDoc = R"(## What it does
Checks for `from ... import` statements that take a member from a module it has moved out of, at
the minimum Python version the project targets (`target-version`): `collections.Sequence`
(now in `collections.abc`), `typing.Pattern` (now `re.Pattern`), `typing_extensions.Literal`
(in `typing` since Python 3.10), `pipes.quote` (now `shlex.quote`) and the like.

## Why is this bad?
The old locations are deprecated aliases: some have already been removed, others will be. The
new location is where the member is documented and maintained.

Members that `typing_extensions` keeps improving after they reached `typing` (it backports fixes
and newer features such as PEP 696 defaults) are only flagged from the Python version that has
those improvements, because importing them from `typing_extensions` until then is deliberate.

## Example
```python
from collections import Mapping, OrderedDict
from typing import List
```

Use instead:
```python
from collections import OrderedDict
from collections.abc import Mapping
```
and `list` in place of `typing.List` (Python 3.9 and later).

## Fix safety
The fix rewrites the import so that the moved members come from their new module, splitting the
statement in two when it also imports members that stay. It is unsafe when the statement holds a
comment, which the rewrite may drop. It is not offered when the split would need a new line after
a statement that shares its line with other code (`if x: from ...`), nor for members that were
renamed (`typing.List` to `list`), whose uses would need rewriting too.
)";

// Where members of a module went: from `module` to `target`, for code that runs on Python 3.`since`
// and later (and no later than 3.`until`, where a member moved twice).
struct Move {
  std::string_view module;
  std::string_view target;
  int since;
  int until;
  std::vector<std::string_view> members;
};

constexpr int kAny = 99;

// The tables, grouped by the version from which each move applies. Python 3.7 is the oldest
// version a target can name, so "3.7" moves always apply.
const std::vector<Move>& moves() {
  static const std::vector<Move> table = {
      {"collections", "collections.abc", 0, kAny,
       {"AsyncGenerator", "AsyncIterable", "AsyncIterator", "Awaitable", "ByteString", "Callable", "Collection",
        "Container", "Coroutine", "Generator", "Hashable", "ItemsView", "Iterable", "Iterator", "KeysView", "Mapping",
        "MappingView", "MutableMapping", "MutableSequence", "MutableSet", "Reversible", "Sequence", "Set", "Sized",
        "ValuesView"}},
      {"pipes", "shlex", 0, kAny, {"quote"}},

      // typing_extensions, in the order its targets are tried.
      {"typing_extensions", "collections.abc", 12, kAny, {"Buffer"}},
      {"typing_extensions", "warnings", 13, kAny, {"deprecated"}},
      {"typing_extensions", "types", 12, kAny, {"get_original_bases"}},
      {"typing_extensions", "types", 13, kAny, {"CapsuleType"}},
      {"typing_extensions", "typing", 0, kAny,
       {"AbstractSet", "AnyStr", "AsyncIterable", "AsyncIterator", "Awaitable", "BinaryIO", "Callable", "ClassVar",
        "Collection", "Container", "Coroutine", "DefaultDict", "Dict", "FrozenSet", "Generic", "Hashable", "IO",
        "ItemsView", "Iterable", "Iterator", "KeysView", "List", "Mapping", "MappingView", "Match", "MutableMapping",
        "MutableSequence", "MutableSet", "Optional", "Pattern", "Reversible", "Sequence", "Set", "Sized",
        "TYPE_CHECKING", "Text", "TextIO", "Tuple", "Type", "Union", "ValuesView", "cast", "no_type_check",
        "no_type_check_decorator"}},
      {"typing_extensions", "typing", 7, kAny, {"ChainMap", "Counter", "Deque", "ForwardRef", "NoReturn"}},
      {"typing_extensions", "typing", 8, kAny, {"Final", "OrderedDict"}},
      {"typing_extensions", "typing", 9, kAny, {"Annotated"}},
      {"typing_extensions", "typing", 10, kAny,
       {"Concatenate", "Literal", "NewType", "ParamSpecArgs", "ParamSpecKwargs", "TypeAlias", "TypeGuard", "get_args",
        "get_origin"}},
      {"typing_extensions", "typing", 11, kAny,
       {"Any", "LiteralString", "Never", "NotRequired", "Required", "Self", "assert_never", "assert_type",
        "clear_overloads", "final", "get_overloads", "overload", "reveal_type"}},
      {"typing_extensions", "typing", 12, kAny,
       {"Protocol", "SupportsAbs", "SupportsBytes", "SupportsComplex", "SupportsFloat", "SupportsIndex", "SupportsInt",
        "SupportsRound", "TypeAliasType", "Unpack", "NamedTuple", "dataclass_transform", "override"}},
      {"typing_extensions", "typing", 13, kAny,
       {"get_protocol_members", "is_protocol", "NoDefault", "ReadOnly", "TypeIs", "get_type_hints", "ContextManager",
        "Generator", "AsyncContextManager", "AsyncGenerator", "Protocol", "runtime_checkable", "ParamSpec", "TypeVar",
        "TypeVarTuple"}},

      {"mypy_extensions", "typing", 7, kAny, {"NoReturn"}},
      {"mypy_extensions", "typing", 8, kAny, {"TypedDict"}},

      // typing, in the order its targets are tried. `ByteString` is not among them: Ruff 0.17.3
      // leaves `typing.ByteString` alone, as `collections.abc.ByteString` is removed in 3.14.
      {"typing", "collections.abc", 9, kAny,
       {"AsyncGenerator", "AsyncIterable", "AsyncIterator", "Awaitable", "Collection", "Container",
        "Coroutine", "Generator", "Hashable", "ItemsView", "Iterable", "Iterator", "KeysView", "Mapping",
        "MappingView", "MutableMapping", "MutableSequence", "MutableSet", "Reversible", "Sequence", "Sized",
        "ValuesView"}},
      {"typing", "collections.abc", 10, kAny, {"Callable"}},
      {"typing", "collections", 9, kAny, {"ChainMap", "Counter", "OrderedDict"}},
      {"typing", "re", 9, kAny, {"Match", "Pattern"}},

      {"typing.io", "typing", 7, kAny, {"BinaryIO", "IO", "TextIO"}},
      // `typing.re` went to `typing`, then to `re`: only the newer move is suggested from 3.9.
      {"typing.re", "re", 9, kAny, {"Match", "Pattern"}},
      {"typing.re", "typing", 7, 8, {"Match", "Pattern"}},

      {"backports.strenum", "enum", 11, kAny, {"StrEnum"}},
  };
  return table;
}

// Members of `typing` whose replacement has another name: the uses must change, so these are
// reported without a fix (from Python 3.9).
constexpr std::array<std::pair<std::string_view, std::string_view>, 11> kRenamed = {{
    {"AsyncContextManager", "contextlib.AbstractAsyncContextManager"},
    {"ContextManager", "contextlib.AbstractContextManager"},
    {"AbstractSet", "collections.abc.Set"},
    {"Tuple", "tuple"},
    {"List", "list"},
    {"FrozenSet", "frozenset"},
    {"Dict", "dict"},
    {"Type", "type"},
    {"Set", "set"},
    {"Deque", "collections.deque"},
    {"DefaultDict", "collections.defaultdict"},
}};

bool is_relevant_module(std::string_view module) {
  return module == "collections" || module == "pipes" || module == "mypy_extensions" ||
         module == "typing_extensions" || module == "typing" || module == "typing.io" || module == "typing.re" ||
         module == "backports.strenum";
}

struct Alias {
  TSNode node;
  std::string name;     // what is imported
  std::string as_name;  // empty without `as`
};

// The statement's source without the aliases at `removed` (indexes into `aliases`), cut out token
// by token as Ruff's pyupgrade fix helper does: a removed alias takes the text up to the next
// alias while no alias before it has been kept, and otherwise the comma before it and its own text.
std::string without_members(const Context& ctx, TSNode stmt, const std::vector<Alias>& aliases,
                            const std::vector<bool>& removed) {
  std::vector<uint32_t> commas;
  bool after_import = false;
  for (TSNode c : children(stmt)) {
    if (is(c, "import")) after_import = true;
    else if (after_import && is(c, ",")) commas.push_back(start_of(c));
  }
  std::string out;
  uint32_t last = start_of(stmt);
  bool first = true;
  for (size_t i = 0; i < aliases.size(); ++i) {
    if (!removed[i]) {
      first = false;
      continue;
    }
    uint32_t start, end;
    if (first) {
      if (i + 1 >= aliases.size()) break;  // cannot happen: some alias is kept
      start = start_of(aliases[i].node);
      end = start_of(aliases[i + 1].node);
    } else {
      if (i == 0 || i - 1 >= commas.size()) break;
      start = commas[i - 1];
      end = end_of(aliases[i].node);
    }
    if (start > last) out += ctx.original(last, start);
    last = std::max(last, end);
  }
  out += ctx.original(last, end_of(stmt));
  return out;
}

// The leading whitespace of the statement's line, when nothing else precedes it there.
std::optional<std::string_view> indentation_of(const Context& ctx, uint32_t start) {
  const uint32_t line = edits::line_start(ctx.original(), start);
  const std::string_view prefix = ctx.original(line, start);
  if (prefix.find_first_not_of(" \t\f") != std::string_view::npos) return std::nullopt;
  return prefix;
}

std::string from_import(std::string_view module, const std::vector<const Alias*>& names) {
  std::string out = "from " + std::string(module) + " import ";
  for (size_t i = 0; i < names.size(); ++i) {
    if (i) out += ", ";
    out += names[i]->name;
    if (!names[i]->as_name.empty()) out += " as " + names[i]->as_name;
  }
  return out;
}

class DeprecatedImport final : public Rule {
 public:
  void enter(TSNode stmt, Context& ctx) override {
    const TSNode module_node = field(stmt, "module_name");
    if (ts_node_is_null(module_node) || !is(module_node, "dotted_name")) return;  // relative
    for (TSNode c : children(stmt)) {
      if (is(c, "wildcard_import")) return;
    }
    const std::string module = edits::import_member_name(ctx, module_node);
    if (!is_relevant_module(module)) return;

    std::vector<Alias> aliases;
    for (TSNode a : up::import_aliases(stmt)) {
      Alias alias{a, edits::import_member_name(ctx, a), {}};
      if (is(a, "aliased_import")) alias.as_name = std::string(ctx.text(field(a, "alias")));
      aliases.push_back(std::move(alias));
    }
    if (aliases.empty()) return;
    const int minor = ctx.target_minor();

    // Members that keep their name, one diagnostic per module they moved to.
    std::vector<std::string_view> targets;
    for (const Move& m : moves()) {
      if (m.module == module && std::find(targets.begin(), targets.end(), m.target) == targets.end()) {
        targets.push_back(m.target);
      }
    }
    for (std::string_view target : targets) {
      std::vector<bool> matched(aliases.size(), false);
      bool any = false, all = true;
      for (size_t i = 0; i < aliases.size(); ++i) {
        for (const Move& m : moves()) {
          if (m.module != module || m.target != target || minor < m.since || minor > m.until) continue;
          if (std::find(m.members.begin(), m.members.end(), aliases[i].name) != m.members.end()) {
            matched[i] = true;
            break;
          }
        }
        any |= matched[i];
        all &= matched[i];
      }
      if (!any) continue;
      report_move(ctx, stmt, aliases, matched, all, target);
    }

    // Members of `typing` that were renamed.
    if (module == "typing" && minor >= 9) {
      for (const Alias& a : aliases) {
        for (const auto& [member, replacement] : kRenamed) {
          if (a.name != member) continue;
          report(ctx, stmt, "`typing." + a.name + "` is deprecated, use `" + std::string(replacement) + "` instead");
        }
      }
    }
  }

 private:
  void report_move(Context& ctx, TSNode stmt, const std::vector<Alias>& aliases, const std::vector<bool>& matched,
                   bool all, std::string_view target) {
    std::vector<const Alias*> moved;
    for (size_t i = 0; i < aliases.size(); ++i) {
      if (matched[i]) moved.push_back(&aliases[i]);
    }
    std::string message = "Import from `" + std::string(target) + "` instead: ";
    for (size_t i = 0; i < moved.size(); ++i) message += (i ? ", `" : "`") + moved[i]->name + "`";
    Diagnostic& d = report(ctx, stmt, message);
    d.fix_title = "Import from `" + std::string(target) + "`";
    std::string content;
    if (all) {
      content = from_import(target, moved);
    } else {
      const std::optional<std::string_view> indentation = indentation_of(ctx, start_of(stmt));
      if (!indentation) return;
      content = without_members(ctx, stmt, aliases, matched) + std::string(ctx.line_ending()) +
                std::string(*indentation) + from_import(target, moved);
    }
    const bool comment = up::has_comment(stmt, start_of(stmt), end_of(stmt));
    d.fix = Fix::with(comment ? Applicability::Unsafe : Applicability::Safe,
                      {Edit::replace(start_of(stmt), end_of(stmt), std::move(content))});
  }
};

}  // namespace

extern const RuleSpec deprecated_import{
    .code = "UP035",
    .name = "deprecated-import",
    .linter = "pyupgrade",
    .kinds = {"import_from_statement"},
    .doc = kDoc,
    .create = make_rule<DeprecatedImport>(),
    .fix = FixAvailability::Sometimes,
};

}  // namespace lint::rules
