#include <algorithm>
#include <cstdint>
#include <cstring>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "pycodestyle/strings.h"
#include "pyflakes/name_bindings.h"
#include "pyflakes/string_values.h"
#include "replay.h"
#include "syntax/python3_syntax.h"
#include "engine/rule.h"
#include "syntax/syntax.h"

namespace lint::rules {

namespace {

constexpr std::string_view kDoc = R"(## What it does
Checks for string ("forward") annotations whose content is not a valid Python expression.

## Why is this bad?
Quoting an annotation lets it name a type that is defined later. The string is not compiled with
the rest of the module, so a syntax error in it goes unnoticed until a type checker, or
`typing.get_type_hints()` at run time, tries to evaluate it and fails.

Strings count as annotations where Ruff treats them as type expressions: parameter and return
annotations, annotated assignments, `type` aliases and the value of a `TypeAlias`; the subscripts
of typing generics (`List["..."]`, `Optional["..."]`, `dict[str, "..."]`, the first argument of
`Annotated`, but not `Literal`) wherever they appear; the type arguments of `cast`, `TypeVar`,
`NewType`, `NamedTuple`, `TypedDict` and `TypeAliasType`; and strings nested in a valid string
annotation.

## Example
```python
def area(shape: "Circle |") -> float: ...
```

Use instead:
```python
def area(shape: "Circle | Square") -> float: ...
```

## References
- [PEP 563 – Postponed Evaluation of Annotations](https://peps.python.org/pep-0563/)
)";

constexpr std::string_view kPrefix = "Syntax error in forward annotation: ";

struct ParserDeleter {
  void operator()(TSParser* p) const { ts_parser_delete(p); }
};
struct TreeDeleter {
  void operator()(TSTree* t) const { ts_tree_delete(t); }
};

TSParser* annotation_parser() {
  thread_local std::unique_ptr<TSParser, ParserDeleter> parser = [] {
    std::unique_ptr<TSParser, ParserDeleter> p(ts_parser_new());
    ts_parser_set_language(p.get(), python_language());
    return p;
  }();
  return parser.get();
}

// ---------------------------------------------------------------------------------------------
// Typing names, as ruff_python_stdlib knows them.

bool is_standard_library_generic(std::string_view q) {
  static constexpr std::string_view kGenerics[] = {
      ".dict", ".frozenset", ".list", ".set", ".tuple", ".type",
      "collections.ChainMap", "collections.Counter", "typing.ChainMap", "typing.Counter", "typing_extensions.ChainMap",
      "typing_extensions.Counter", "collections.OrderedDict", "typing.OrderedDict", "collections.defaultdict",
      "collections.deque", "collections.abc.AsyncGenerator", "collections.abc.AsyncIterable",
      "collections.abc.AsyncIterator", "collections.abc.Awaitable", "collections.abc.ByteString",
      "collections.abc.Callable", "collections.abc.Collection", "collections.abc.Container",
      "collections.abc.Coroutine", "collections.abc.Generator", "collections.abc.ItemsView",
      "collections.abc.Iterable", "collections.abc.Iterator", "collections.abc.KeysView", "collections.abc.Mapping",
      "collections.abc.MappingView", "collections.abc.MutableMapping", "collections.abc.MutableSequence",
      "collections.abc.MutableSet", "collections.abc.Reversible", "collections.abc.Sequence", "collections.abc.Set",
      "collections.abc.ValuesView", "contextlib.AbstractAsyncContextManager", "contextlib.AbstractContextManager",
      "re.Match", "re.Pattern", "typing.Match", "typing.Pattern", "typing.AbstractSet", "typing.AsyncContextManager",
      "typing.AsyncGenerator", "typing.AsyncIterator", "typing.Awaitable", "typing.BinaryIO", "typing.ByteString",
      "typing.Callable", "typing.ClassVar", "typing.Collection", "typing.Concatenate", "typing.Container",
      "typing.ContextManager", "typing.Coroutine", "typing.DefaultDict", "typing.Deque", "typing.Dict", "typing.Final",
      "typing.FrozenSet", "typing.Generator", "typing.Generic", "typing.IO", "typing.ItemsView", "typing.Iterable",
      "typing.Iterator", "typing.KeysView", "typing.List", "typing.Mapping", "typing.MutableMapping",
      "typing.MutableSequence", "typing.MutableSet", "typing.Optional", "typing.Reversible", "typing.Sequence",
      "typing.Set", "typing.TextIO", "typing.Tuple", "typing.Type", "typing.TypeGuard", "typing.Union",
      "typing.Unpack", "typing.ValuesView", "typing.io.BinaryIO", "typing.io.IO", "typing.io.TextIO",
      "typing.re.Match", "typing.re.Pattern", "typing_extensions.AsyncContextManager",
      "typing_extensions.AsyncGenerator", "typing_extensions.AsyncIterable", "typing_extensions.AsyncIterator",
      "typing_extensions.Awaitable", "typing_extensions.ClassVar", "typing_extensions.Concatenate",
      "typing_extensions.ContextManager", "typing_extensions.Coroutine", "typing_extensions.DefaultDict",
      "typing_extensions.Deque", "typing_extensions.Type", "weakref.WeakKeyDictionary", "weakref.WeakSet",
      "weakref.WeakValueDictionary",
  };
  return std::find(std::begin(kGenerics), std::end(kGenerics), q) != std::end(kGenerics);
}

// The last names of the qualified names above, and of the typing special forms and callables
// this rule knows: a subscript or call whose name is none of these cannot be one of them, unless
// it is an import alias.
bool may_be_typing_name(std::string_view name) {
  static constexpr std::string_view kNames[] = {
      "dict", "frozenset", "list", "set", "tuple", "type", "ChainMap", "Counter", "OrderedDict", "defaultdict",
      "deque", "AsyncGenerator", "AsyncIterable", "AsyncIterator", "Awaitable", "ByteString", "Callable",
      "Collection", "Container", "Coroutine", "Generator", "ItemsView", "Iterable", "Iterator", "KeysView",
      "Mapping", "MappingView", "MutableMapping", "MutableSequence", "MutableSet", "Reversible", "Sequence", "Set",
      "ValuesView", "AbstractAsyncContextManager", "AbstractContextManager", "Match", "Pattern", "AbstractSet",
      "AsyncContextManager", "BinaryIO", "ClassVar", "Concatenate", "ContextManager", "DefaultDict", "Deque", "Dict",
      "Final", "FrozenSet", "Generic", "IO", "List", "Optional", "TextIO", "Tuple", "Type", "TypeGuard", "Union",
      "Unpack", "WeakKeyDictionary", "WeakSet", "WeakValueDictionary", "Literal", "Annotated", "cast", "NewType",
      "TypeVar", "NamedTuple", "TypedDict", "TypeAliasType", "TypeAlias", "Arg", "DefaultArg", "NamedArg",
      "DefaultNamedArg", "VarArg", "KwArg",
  };
  return std::find(std::begin(kNames), std::end(kNames), name) != std::end(kNames);
}

// Of those, the last names of the callables whose arguments can be types (see call_kind).
bool may_be_typing_call(std::string_view name) {
  static constexpr std::string_view kNames[] = {
      "cast", "NewType", "TypeVar", "NamedTuple", "TypedDict", "TypeAliasType",
      "Arg", "DefaultArg", "NamedArg", "DefaultNamedArg", "VarArg", "KwArg",
  };
  return std::find(std::begin(kNames), std::end(kNames), name) != std::end(kNames);
}

// typing's `member`, from typing or a module of `typing-modules` (as SemanticModel's; this rule
// resolves names itself, without the model).
bool is_typing_member(std::string_view q, std::string_view member, const std::vector<std::string>& typing_modules) {
  if (q.size() <= member.size() + 1 || !q.ends_with(member) || q[q.size() - member.size() - 1] != '.') return false;
  const std::string_view module = q.substr(0, q.size() - member.size() - 1);
  if (module == "typing" || module == "_typeshed" || module == "typing_extensions") return true;
  return std::find(typing_modules.begin(), typing_modules.end(), module) != typing_modules.end();
}

enum class SubscriptKind { None, Literal, Generic, Annotated };
enum class CallKind { None, Cast, NewType, TypeVar, NamedTuple, TypedDict, TypeAliasType, MypyExtension };

SubscriptKind subscript_kind(std::string_view q, const std::vector<std::string>& typing_modules) {
  if (is_typing_member(q, "Literal", typing_modules)) return SubscriptKind::Literal;
  if (is_standard_library_generic(q)) return SubscriptKind::Generic;
  if (is_typing_member(q, "Annotated", typing_modules)) return SubscriptKind::Annotated;
  return SubscriptKind::None;
}

CallKind call_kind(std::string_view q, const std::vector<std::string>& typing_modules) {
  if (is_typing_member(q, "cast", typing_modules)) return CallKind::Cast;
  if (is_typing_member(q, "NewType", typing_modules)) return CallKind::NewType;
  if (is_typing_member(q, "TypeVar", typing_modules)) return CallKind::TypeVar;
  if (is_typing_member(q, "NamedTuple", typing_modules)) return CallKind::NamedTuple;
  if (is_typing_member(q, "TypedDict", typing_modules)) return CallKind::TypedDict;
  if (is_typing_member(q, "TypeAliasType", typing_modules)) return CallKind::TypeAliasType;
  for (std::string_view m : {"Arg", "DefaultArg", "NamedArg", "DefaultNamedArg", "VarArg", "KwArg"}) {
    if (q.size() == 16 + m.size() && q.starts_with("mypy_extensions.") && q.ends_with(m)) return CallKind::MypyExtension;
  }
  return CallKind::None;
}

// ---------------------------------------------------------------------------------------------
// What a string annotation holds, checked as Ruff's parser would.

bool is_word_byte(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
         static_cast<unsigned char>(c) >= 0x80;
}

bool is_hard_keyword(std::string_view w) {
  static constexpr std::string_view kKeywords[] = {
      "False", "None",   "True",    "and",      "as",     "assert", "async", "await",  "break",
      "class", "continue", "def",   "del",      "elif",   "else",   "except", "finally", "for",
      "from",  "global", "if",      "import",   "in",     "is",     "lambda", "nonlocal", "not",
      "or",    "pass",   "raise",   "return",   "try",    "while",  "with",   "yield",
  };
  return std::find(std::begin(kKeywords), std::end(kKeywords), w) != std::end(kKeywords);
}

// A light tokenization of an annotation's text: lexical errors, and what the message for an
// invalid annotation depends on.
struct Lexed {
  std::string error;  // the first lexical error, as Ruff words it
  int depth = 0;      // brackets left open
  bool unmatched_close = false;
  bool leading_space = false;   // indentation before the first token, on the first line
  bool newline_split = false;   // a line break between tokens outside brackets
  bool if_without_else = false;
  bool operand_missing = false;  // an operator followed by one that cannot start an operand
  bool bad_token = false;        // a token no expression holds (`!` alone)
  // Two operands side by side outside brackets (`this isn't`) before the first lexical error:
  // Ruff's parser reports that first, "Unexpected token at the end of an expression".
  bool juxtaposed_before_error = false;
  size_t tokens = 0;
  std::string_view first, last;
};

// Operators that take an operand on their right.
bool is_binary_operator(std::string_view t) {
  static constexpr std::string_view kOps[] = {"+",  "-",  "*",  "/",  "//", "%",  "**", "@",   "|",  "&",  "^",
                                              "<<", ">>", "<",  ">",  "<=", ">=", "==", "!=",  "=",  ":=", "not",
                                              "and", "or", "in", "is"};
  return std::find(std::begin(kOps), std::end(kOps), t) != std::end(kOps);
}

// Operators that cannot start an expression.
bool is_binary_only_operator(std::string_view t) {
  static constexpr std::string_view kOps[] = {"/",  "//", "%",  "@",  "|",  "&",  "^",   "<<", ">>", "<",
                                              ">",  "<=", ">=", "==", "!=", "=",  ":=",  "and", "or", "in",
                                              "is", "if", "else"};
  return std::find(std::begin(kOps), std::end(kOps), t) != std::end(kOps);
}

// The length of a non-ASCII character at s[i] that starts no token (a symbol such as `☃` or
// `→`, which Ruff's lexer reports as "Got unexpected token"), or 0. Without Unicode tables:
// Latin-1 symbols, and U+2000..U+2BFF (punctuation, currency, arrows, mathematical, box drawing,
// miscellaneous symbols), as the syntax checker reads them.
size_t unknown_character(std::string_view s, size_t i) {
  const auto c = static_cast<unsigned char>(s[i]);
  if (c < 0x80) return 0;
  const size_t len = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
  if (i + len > s.size()) return 0;
  uint32_t cp = len == 1 ? c : len == 2 ? c & 0x1F : len == 3 ? c & 0x0F : c & 0x07;
  for (size_t k = 1; k < len; ++k) cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
  const bool symbol = (cp >= 0x2000 && cp <= 0x2BFF) || (cp >= 0xA0 && cp <= 0xBF) || cp == 0xD7 || cp == 0xF7;
  return symbol ? len : 0;
}

Lexed lex(std::string_view s) {
  Lexed out;
  // For juxtaposed operands: whether the previous token ends an operand, and is a string.
  bool after_operand = false, after_string = false, seen_if_or_lambda = false;
  const size_t n = s.size();
  bool first_line = true, space_before_first = false, pending_newline = false;
  bool seen_if = false;
  const auto set_error = [&](std::string e) {
    if (out.error.empty()) out.error = std::move(e);
  };
  size_t i = 0;
  while (i < n) {
    const char c = s[i];
    if (c == ' ' || c == '\t' || c == '\f') {
      if (out.tokens == 0 && first_line) space_before_first = true;
      ++i;
      continue;
    }
    if (c == '\n' || c == '\r') {
      if (out.depth == 0 && out.tokens > 0) pending_newline = true;
      first_line = false;
      ++i;
      continue;
    }
    if (c == '#') {
      while (i < n && s[i] != '\n' && s[i] != '\r') ++i;
      continue;
    }
    if (c == '\\') {
      if (i + 1 < n && (s[i + 1] == '\n' || s[i + 1] == '\r')) {
        i += (s[i + 1] == '\r' && i + 2 < n && s[i + 2] == '\n') ? 3 : 2;
        continue;
      }
      set_error("Expected a newline after line continuation character");
      ++i;
      continue;
    }
    const size_t start = i;
    const bool error_before = !out.error.empty();
    const int depth_before = out.depth;
    bool is_string = false, is_word = false;
    if (out.tokens == 0 && first_line && space_before_first) out.leading_space = true;
    if (pending_newline) out.newline_split = true;
    // A string, with its prefix.
    size_t q = i;
    while (q < n && q - i < 3 && (s[q] == 'r' || s[q] == 'R' || s[q] == 'b' || s[q] == 'B' || s[q] == 'u' ||
                                  s[q] == 'U' || s[q] == 'f' || s[q] == 'F')) {
      ++q;
    }
    if (q < n && (s[q] == '\'' || s[q] == '"')) {
      const char quote = s[q];
      const bool triple = q + 2 < n && s[q + 1] == quote && s[q + 2] == quote;
      i = q + (triple ? 3 : 1);
      bool closed = false;
      while (i < n) {
        if (s[i] == '\\') {
          i += 2;
          continue;
        }
        if (!triple && (s[i] == '\n' || s[i] == '\r')) break;
        if (s[i] == quote && (!triple || (i + 2 < n && s[i + 1] == quote && s[i + 2] == quote))) {
          i += triple ? 3 : 1;
          closed = true;
          break;
        }
        ++i;
      }
      if (!closed) set_error("missing closing quote in string literal");
      is_string = true;
    } else if (const size_t len = unknown_character(s, i)) {
      set_error("Got unexpected token " + std::string(s.substr(i, len)));
      i += len;
    } else if (is_word_byte(c) || (c == '.' && i + 1 < n && s[i + 1] >= '0' && s[i + 1] <= '9')) {
      const bool number = (c >= '0' && c <= '9') || c == '.';
      is_word = true;
      while (i < n && (is_word_byte(s[i]) || (number && s[i] == '.')) && !unknown_character(s, i)) {
        // An exponent's sign belongs to the number.
        if (number && (s[i] == 'e' || s[i] == 'E') && i + 1 < n && (s[i + 1] == '+' || s[i + 1] == '-')) ++i;
        ++i;
      }
      if (number) {
        const std::string_view digits = s.substr(start, i - start);
        if (digits.size() == 2 && digits[0] == '0' && std::string_view("xXoObB").find(digits[1]) != std::string_view::npos) {
          set_error("ParseIntError { kind: Empty }");
        } else if (digits.back() == '_' || digits.find("__") != std::string_view::npos) {
          out.bad_token = true;
        }
      }
    } else if (c == '(' || c == '[' || c == '{') {
      ++out.depth;
      ++i;
    } else if (c == ')' || c == ']' || c == '}') {
      if (out.depth == 0) {
        out.unmatched_close = true;
      } else {
        --out.depth;
      }
      ++i;
    } else if (c == '$' || c == '?' || c == '`') {
      set_error(std::string("Got unexpected token ") + c);
      ++i;
    } else {
      static constexpr std::string_view kOps[] = {"**=", "//=", ">>=", "<<=", "...", "**", "//", "<<", ">>", "<=",
                                                  ">=", "==", "!=", "->", ":=", "+=", "-=", "*=", "/=", "%=",
                                                  "&=", "|=", "^=", "@="};
      size_t len = 1;
      for (std::string_view op : kOps) {
        if (s.substr(i, op.size()) == op) {
          len = op.size();
          break;
        }
      }
      i += len;
    }
    const std::string_view token = s.substr(start, i - start);
    const bool keyword = is_word && is_hard_keyword(token) && token != "None" && token != "True" && token != "False";
    const bool operand = is_string || (is_word && !keyword);
    // (A string that fails to close is the lexer's error at the same place: that one wins.)
    if (!error_before && depth_before == 0 && after_operand && operand && !(is_string && after_string) &&
        !seen_if_or_lambda && !out.leading_space && !(is_string && !out.error.empty())) {
      out.juxtaposed_before_error = true;
    }
    if (token == "if" || token == "lambda") seen_if_or_lambda = true;
    after_operand = operand || token == ")" || token == "]" || token == "}";
    after_string = is_string;
    if (token == "!") out.bad_token = true;
    if (out.tokens > 0 && (is_binary_operator(out.last) || out.last == ",") &&
        (is_binary_only_operator(token) || token == ",")) {
      out.operand_missing = true;
    }
    if (out.tokens == 0) out.first = token;
    out.last = token;
    ++out.tokens;
    if (out.depth == 0 && token == "if" && out.tokens > 1) seen_if = true;
    if (token == "else") seen_if = false;
  }
  out.if_without_else = seen_if;
  return out;
}

bool is_operator_token(std::string_view t) {
  static constexpr std::string_view kOps[] = {"+",  "-",  "*",  "/",  "//", "%",  "**", "@",  "|",  "&",   "^",
                                              "<<", ">>", "<",  ">",  "<=", ">=", "==", "!=", "=",  ",",   ":",
                                              "~",  ":=", "not", "and", "or", "in", "is", "if", "else",
                                              "lambda", "await"};
  return std::find(std::begin(kOps), std::end(kOps), t) != std::end(kOps);
}

// Ruff's message for an annotation that does not parse, as near as a token scan can tell.
std::string invalid_message(const Lexed& lx) {
  if (!lx.error.empty()) {
    return lx.juxtaposed_before_error ? "Unexpected token at the end of an expression" : lx.error;
  }
  if (lx.tokens == 0 || lx.leading_space) return "Expected an expression";
  if (is_hard_keyword(lx.first) && lx.first != "not" && lx.first != "lambda" && lx.first != "await" &&
      lx.first != "yield" && lx.first != "None" && lx.first != "True" && lx.first != "False") {
    return "Expected an identifier, but found a keyword `" + std::string(lx.first) + "` that cannot be used here";
  }
  if (lx.first == "*") return "Starred expression cannot be used here";
  if (lx.first == "yield") return "Yield expression cannot be used here";
  if (lx.first == "lambda" && lx.tokens == 1) return "Expected a parameter or the end of the parameter list";
  if (lx.depth > 0) return "unexpected EOF while parsing";
  if (lx.last == ".") return "Expected an identifier";
  if (lx.operand_missing) return "Expected an expression";
  if ((is_operator_token(lx.first) && lx.first != "-" && lx.first != "+" && lx.first != "~" && lx.first != "not") ||
      (lx.first.size() == 1 && (lx.first[0] == ')' || lx.first[0] == ']' || lx.first[0] == '}'))) {
    return "Expected an expression";
  }
  if (is_operator_token(lx.last)) return "Expected an expression";
  if (lx.if_without_else) return "Expected `else`, found newline";
  return "Unexpected token at the end of an expression";
}

// ---------------------------------------------------------------------------------------------

class ForwardAnnotationSyntaxError final : public Rule {
 public:
  // Following every binding and scope to resolve typing names cost 3% of a run, for a rule that
  // needs it only around strings in type positions. So the engine's walk only screens: a `type`
  // (an annotation) or an annotated assignment with a quote in it, or a call or subscript with
  // a quote whose name could resolve to something from typing (its last name is one of those,
  // or its first name is imported from a module that makes it one). A file with any of those is
  // walked again in finish(), where the rule runs in full; the others cannot produce a report.
  void enter(TSNode node, Context& ctx) override {
    if (!replaying_) {
      if (!needed_) screen(node, ctx);
      return;
    }
    scopes_.enter(node);
    bindings_.enter(node, scopes_, ctx);
    const std::string_view k = kind(node);
    if (k == "import_statement" || k == "import_from_statement") {
      add_imports(node, ctx);
      return;
    }
    if (k != "type" && k != "assignment" && k != "subscript" && k != "call" && k != "augmented_assignment" &&
        k != "for_statement" && k != "for_in_clause" && k != "as_pattern_target" && k != "delete_statement") {
      return;
    }
    const uint32_t start = ts_node_start_byte(node);
    if (in_region(start)) return;
    if (k != "type" && k != "subscript" && k != "call") {
      // Subscripts that are assigned or deleted are not types, nor is anything inside them.
      skip_subscript_targets(is(node, "as_pattern_target") || is(node, "delete_statement") ? node : field(node, "left"));
      if (k != "assignment") return;
    }
    // Every report is about a string (or what a string annotation holds): code without a quote
    // has nothing to report, whatever its types, so it is not resolved at all. Most calls and
    // subscripts have none; a region left unmarked here has none inside either.
    if (!has_quote(node, ctx)) return;
    const Origin main{ctx.source(), true, false, 0, 0, 0, false, false, {}};
    if (k == "type") {
      region(node, node, kTypedef, main, ctx);
    } else if (k == "assignment") {
      // `X: TypeAlias = "..."`: the value is a type too.
      const TSNode type = field(node, "type");
      const TSNode value = field(node, "right");
      if (ts_node_is_null(type) || ts_node_is_null(value)) return;
      TSNode annotation = ts_node_named_child(type, 0);
      if (ts_node_is_null(annotation)) return;
      const std::string q = resolve(annotation, main);
      if (is_typing_member(q, "TypeAlias", ctx.typing_modules())) region(value, value, kTypedef, main, ctx);
    } else if (k == "subscript" || k == "call") {
      // Outside annotations: the slices of typing generics, the type arguments of typing calls.
      expand(node, 0, main, ctx, /*runtime=*/true);
    }
  }

  void leave(TSNode node, Context&) override {
    if (replaying_) scopes_.leave(node);
  }

  void finish(Context& ctx) override {
    if (!needed_) {
      // A name that the screen could not judge alone: its first name is imported somewhere.
      for (const Pending& p : pending_) {
        for (const Import& i : imports_) {
          if (i.local != p.head) continue;
          const std::string q = i.target + p.rest;
          needed_ |= p.call ? call_kind(q, ctx.typing_modules()) != CallKind::None : subscript_kind(q, ctx.typing_modules()) != SubscriptKind::None;
        }
      }
      if (!needed_) return;
    }
    static const std::vector<uint8_t> wanted = symbol_set(with_binding_kinds({"type", "subscript", "call", "delete_statement"}));
    imports_.clear();
    replaying_ = true;
    replay_walk(ctx.root(), wanted, [&](TSNode n) { enter(n, ctx); }, [&](TSNode n) { leave(n, ctx); });
  }

 private:
  // Ruff reports nothing of this rule inside a function decorated with `@typing.no_type_check`:
  // its parameters' and return annotations, its body, and the functions defined in it.
  void report_type(Context& ctx, uint32_t start, uint32_t end, std::string message) {
    if (in_no_type_check(ctx, start)) return;
    report(ctx, start, end, std::move(message));
  }

  bool in_no_type_check(const Context& ctx, uint32_t offset) const {
    const Origin main{ctx.source(), true, false, 0, 0, 0, false, false, {}};
    for (TSNode n = ts_node_descendant_for_byte_range(ctx.root(), offset, offset); !ts_node_is_null(n);
         n = ts_node_parent(n)) {
      if (!is(n, "decorated_definition")) continue;
      const TSNode def = field(n, "definition");
      if (!is(def, "function_definition") || offset < ts_node_start_byte(def)) continue;
      for (TSNode c : children(n)) {
        if (!is(c, "decorator")) continue;
        const TSNode expr = ts_node_named_child(c, 0);
        if (!ts_node_is_null(expr) && is_typing_member(resolve(expr, main), "no_type_check", ctx.typing_modules())) return true;
      }
    }
    return false;
  }

  // A call or subscript with a quote whose first name is not a typing name itself: it matters
  // if that name is imported so that `module.rest` is one.
  struct Pending {
    std::string_view head;
    std::string rest;  // ".attr.attr", the attributes after the first name
    bool call;
  };

  void screen(TSNode node, Context& ctx) {
    const std::string_view k = kind(node);
    if (k == "import_statement" || k == "import_from_statement") {
      add_imports(node, ctx);
      return;
    }
    if (k != "type" && k != "assignment" && k != "subscript" && k != "call") return;
    if (!has_quote(node, ctx)) return;
    if (k == "type") {
      needed_ = true;
      return;
    }
    if (k == "assignment") {
      needed_ = !ts_node_is_null(field(node, "type"));
      return;
    }
    const bool call = k == "call";
    TSNode head = unparenthesized(field(node, call ? "function" : "value"));
    std::vector<std::string_view> attrs;
    while (!ts_node_is_null(head) && is(head, "attribute")) {
      attrs.push_back(ctx.text(field(head, "attribute")));
      head = unparenthesized(field(head, "object"));
    }
    if (ts_node_is_null(head) || !is(head, "identifier")) return;
    const std::string_view last = attrs.empty() ? ctx.text(head) : attrs.front();
    if (call ? may_be_typing_call(last) : may_be_typing_name(last) && !may_be_typing_call(last)) {
      needed_ = true;
      return;
    }
    Pending p{ctx.text(head), {}, call};
    for (auto it = attrs.rbegin(); it != attrs.rend(); ++it) {
      p.rest += '.';
      p.rest += *it;
    }
    pending_.push_back(std::move(p));
  }

  bool replaying_ = false;  // finish() is walking the file again, the rule in full
  bool needed_ = false;     // the screen found something that may need the full rule
  std::vector<Pending> pending_;

  enum : uint8_t { kTypedef = 1, kLiteral = 2, kInLambda = 4 };

  // Where the text of a tree lies in the file. A string annotation without escapes is parsed
  // from its own text (wrapped in parentheses), so its nodes map to the file by a shift; one with
  // escapes or implicit concatenation is parsed from its value, and all its nodes report the
  // whole string, as Ruff does.
  struct Origin {
    std::string_view text;
    bool exact;
    bool nested;  // a parsed string annotation (not the file itself)
    int64_t shift;
    uint32_t fixed_start, fixed_end;
    bool in_function, in_async;  // where the outermost annotation string sits
    bool shadowed[6];            // which builtin generics are rebound there
    uint32_t file_start(TSNode n) const { return exact ? static_cast<uint32_t>(ts_node_start_byte(n) + shift) : fixed_start; }
    uint32_t file_end(TSNode n) const { return exact ? static_cast<uint32_t>(ts_node_end_byte(n) + shift) : fixed_end; }
    std::string_view text_of(TSNode n) const {
      const uint32_t s = ts_node_start_byte(n);
      return text.substr(s, ts_node_end_byte(n) - s);
    }
  };

  struct Item {
    TSNode node;
    uint8_t flags;
  };

  struct Import {
    std::string_view local;
    std::string target;
  };

  struct Region {
    uint32_t start, end;
  };

  // --- regions already visited as types: the walk skips what is inside them -----------------

  // Whether a quote character lies in the node's text (a string, or a quote in a comment).
  bool has_quote(TSNode n, const Context& ctx) {
    if (!quotes_scanned_) {
      quotes_scanned_ = true;
      // memchr for each quote, then merged: several times faster than testing every byte.
      const std::string_view src = ctx.source();
      for (const char q : {'"', '\''}) {
        const size_t mid = quotes_.size();
        for (const char* p = src.data(); (p = static_cast<const char*>(std::memchr(p, q, src.data() + src.size() - p)));
             ++p) {
          quotes_.push_back(static_cast<uint32_t>(p - src.data()));
        }
        std::inplace_merge(quotes_.begin(), quotes_.begin() + static_cast<std::ptrdiff_t>(mid), quotes_.end());
      }
    }
    const auto it = std::lower_bound(quotes_.begin(), quotes_.end(), ts_node_start_byte(n));
    return it != quotes_.end() && *it < ts_node_end_byte(n);
  }

  bool in_region(uint32_t pos) {
    while (next_region_ < regions_.size() && regions_[next_region_].end <= pos) ++next_region_;
    return next_region_ < regions_.size() && regions_[next_region_].start <= pos;
  }

  void add_region(uint32_t start, uint32_t end) {
    const Region r{start, end};
    auto at = std::upper_bound(regions_.begin() + static_cast<std::ptrdiff_t>(next_region_), regions_.end(), r.start,
                               [](uint32_t s, const Region& x) { return s < x.start; });
    regions_.insert(at, r);
  }

  void skip_subscript_targets(TSNode target) {
    if (ts_node_is_null(target)) return;
    walk_.clear();
    walk_.push_back(target);
    while (!walk_.empty()) {
      const TSNode n = walk_.back();
      walk_.pop_back();
      const std::string_view k = kind(n);
      if (k == "subscript") {
        add_region(ts_node_start_byte(n), ts_node_end_byte(n));
      } else if (k == "pattern_list" || k == "tuple_pattern" || k == "list_pattern" || k == "list_splat_pattern" ||
                 k == "parenthesized_expression" || k == "tuple" || k == "list" || k == "list_splat" ||
                 k == "expression_list" || k == "as_pattern_target" || k == "delete_statement") {
        for (TSNode c : children(n)) {
          if (ts_node_is_named(c) && !ts_node_is_extra(c)) walk_.push_back(c);
        }
      }
    }
  }

  // Visits [first, last] (siblings, or one node) with `flags` and marks them as visited.
  void region(TSNode first, TSNode last, uint8_t flags, const Origin& o, Context& ctx) {
    if (!o.nested) add_region(ts_node_start_byte(first), ts_node_end_byte(last));
    const size_t saved = base_;
    base_ = stack_.size();
    TSNode n = first;
    for (;;) {
      stack_.push_back({n, flags});
      if (ts_node_eq(n, last)) break;
      n = ts_node_next_sibling(n);
      if (ts_node_is_null(n)) break;
    }
    run(o, ctx);
    base_ = saved;
  }

  // --- names --------------------------------------------------------------------------------

  void add_imports(TSNode node, Context& ctx) {
    const bool from = is(node, "import_from_statement");
    std::string module;
    if (from) {
      const TSNode m = field(node, "module_name");
      if (ts_node_is_null(m) || is(m, "relative_import")) return;
      module = dotted(ctx.text(m));
    }
    const Children parts = children(node);
    for (auto it = parts.begin(); it != parts.end(); ++it) {
      const char* f = it.field_name();
      if (f == nullptr || std::string_view(f) != "name") continue;
      const TSNode n = *it;
      if (is(n, "aliased_import")) {
        const std::string name = dotted(ctx.text(field(n, "name")));
        imports_.push_back({ctx.text(field(n, "alias")), from ? module + "." + name : name});
      } else if (is(n, "dotted_name")) {
        const std::string name = dotted(ctx.text(n));
        if (from) {
          imports_.push_back({ctx.text(n), module + "." + name});
        } else {
          // `import a.b` binds `a`.
          const std::string_view head = ctx.text(ts_node_named_child(n, 0));
          imports_.push_back({head, std::string(head)});
        }
      }
    }
  }

  static std::string dotted(std::string_view text) {
    std::string out;
    for (char c : text) {
      if (c == '.' || is_word_byte(c)) out.push_back(c);
    }
    return out;
  }

  // The qualified name of a name or attribute chain (`typing.List`), `.list` for the builtin
  // generics, or "" when it is neither imported nor builtin. A cheap test comes first: most
  // subscripts and calls name nothing from typing.
  std::string resolve(TSNode n, const Origin& o) const {
    n = unparenthesized(n);
    if (ts_node_is_null(n)) return {};
    // The last name decides whether it can matter.
    TSNode head = n;
    std::string_view last;
    int attrs = 0;
    while (!ts_node_is_null(head) && (is(head, "attribute") || is(head, "member_type"))) {
      const TSNode attr = is(head, "attribute") ? field(head, "attribute") : ts_node_named_child(head, 1);
      if (attrs == 0) last = o.text_of(attr);
      ++attrs;
      head = is(head, "attribute") ? unparenthesized(field(head, "object")) : ts_node_named_child(head, 0);
      if (!ts_node_is_null(head) && is(head, "type")) head = ts_node_named_child(head, 0);
    }
    if (ts_node_is_null(head) || !is(head, "identifier")) return {};
    const std::string_view head_name = o.text_of(head);
    if (attrs == 0) last = head_name;
    const Import* imported = nullptr;
    for (auto it = imports_.rbegin(); it != imports_.rend(); ++it) {
      if (it->local == head_name) {
        imported = &*it;
        break;
      }
    }
    if (!may_be_typing_name(last) && imported == nullptr) return {};
    std::string q;
    if (imported != nullptr) {
      q = imported->target;
    } else if (const int builtin = attrs == 0 ? bindings_.watched(head_name) : -1;
               builtin >= 0 && !(o.nested ? o.shadowed[builtin] : bindings_.bound_before(builtin, ts_node_start_byte(head), scopes_))) {
      return "." + std::string(head_name);
    } else {
      return {};
    }
    if (attrs > 0) {
      // Append the attributes, outermost last.
      std::vector<std::string_view> names;
      TSNode cur = n;
      while (!ts_node_is_null(cur) && (is(cur, "attribute") || is(cur, "member_type"))) {
        names.push_back(o.text_of(is(cur, "attribute") ? field(cur, "attribute") : ts_node_named_child(cur, 1)));
        cur = is(cur, "attribute") ? unparenthesized(field(cur, "object")) : ts_node_named_child(cur, 0);
        if (!ts_node_is_null(cur) && is(cur, "type")) cur = ts_node_named_child(cur, 0);
      }
      for (auto it = names.rbegin(); it != names.rend(); ++it) {
        q += '.';
        q += *it;
      }
    }
    return q;
  }

  // --- the walk over type expressions ---------------------------------------------------------

  void push(TSNode n, uint8_t flags) {
    if (!ts_node_is_null(n)) stack_.push_back({n, flags});
  }

  void push_children(TSNode n, uint8_t flags) {
    for (TSNode c : children(n)) {
      if (ts_node_is_named(c) && !ts_node_is_extra(c)) stack_.push_back({c, flags});
    }
  }

  void run(const Origin& o, Context& ctx) {
    while (stack_.size() > base_) {
      const Item item = stack_.back();
      stack_.pop_back();
      expand(item.node, item.flags, o, ctx, false);
    }
  }

  // Visits one node: strings are checked, subscripts and calls decide what their parts are,
  // everything else passes its flags on. With `runtime`, `n` is a subscript or call met outside
  // any type expression: only the parts that become types are visited, as regions.
  void expand(TSNode n, uint8_t f, const Origin& o, Context& ctx, bool runtime) {
    if (ts_node_is_extra(n)) return;
    const std::string_view k = kind(n);
    if (k == "string" || k == "concatenated_string") {
      string(n, f, o, ctx);
      return;
    }
    if (k == "subscript" || k == "generic_type") {
      subscript(n, f, o, ctx, runtime);
      return;
    }
    if (k == "call") {
      call(n, f, o, ctx, runtime);
      return;
    }
    if (runtime) return;
    if (o.nested && (k == "yield" || k == "await")) semantic(n, f, o, ctx);
    push_children(n, k == "lambda" ? static_cast<uint8_t>(f | kInLambda) : f);
  }

  // `yield` and `await` in a string annotation: Ruff checks the parsed expression where the
  // annotation sits and reports what it finds under this rule.
  void semantic(TSNode n, uint8_t f, const Origin& o, Context& ctx) {
    const uint32_t s = o.file_start(n), e = o.file_end(n);
    const bool in_function = o.in_function || (f & kInLambda) != 0;
    if (is(n, "yield")) {
      if (in_function) return;
      bool from = false;
      for (TSNode c : children(n)) from |= !ts_node_is_named(c) && is(c, "from");
      report_type(ctx, s, e, std::string(kPrefix) + (from ? "`yield from`" : "`yield`") + " statement outside of a function");
      return;
    }
    if (!in_function) report_type(ctx, s, e, std::string(kPrefix) + "`await` statement outside of a function");
    if (!(o.in_async && (f & kInLambda) == 0)) {
      report_type(ctx, s, e, std::string(kPrefix) + "`await` outside of an asynchronous function");
    }
  }

  void subscript(TSNode n, uint8_t f, const Origin& o, Context& ctx, bool runtime) {
    const bool generic_type = is(n, "generic_type");
    const TSNode value = generic_type ? ts_node_named_child(n, 0) : field(n, "value");
    // The slice: the `subscript` fields, or the types of a generic_type's parameter list.
    TSNode first{}, last{};
    int count = 0;
    bool comma = false;
    const auto each_slice = [&](auto&& fn) {
      if (generic_type) {
        for (TSNode c : children(n)) {
          if (!is(c, "type_parameter")) continue;
          for (TSNode t : children(c)) {
            if (is(t, "type")) fn(t);
            if (is(t, ",")) comma = true;
          }
        }
        return;
      }
      const Children parts = children(n);
      for (auto it = parts.begin(); it != parts.end(); ++it) {
        const char* name = it.field_name();
        if (name != nullptr && std::string_view(name) == "subscript") fn(*it);
        if (is(*it, ",")) comma = true;
      }
    };
    if (!runtime) push(value, f);
    const std::string q = resolve(value, o);
    const SubscriptKind sk = q.empty() ? SubscriptKind::None : subscript_kind(q, ctx.typing_modules());
    if (runtime && sk == SubscriptKind::None) return;
    each_slice([&](TSNode s) {
      if (count++ == 0) first = s;
      last = s;
    });
    if (count == 0) return;
    const auto slice = [&](uint8_t flags) {
      if (runtime) {
        region(first, last, flags, o, ctx);
      } else {
        each_slice([&](TSNode s) { push(s, flags); });
      }
    };
    switch (sk) {
      case SubscriptKind::Literal: slice(static_cast<uint8_t>(f | kLiteral)); break;
      case SubscriptKind::Generic: slice(static_cast<uint8_t>(f | kTypedef)); break;
      case SubscriptKind::Annotated: {
        // `Annotated[T, x, ...]`: T is a type, the rest are values.
        TSNode elements = first;
        bool tuple = count > 1 || comma;
        if (!tuple) {
          const TSNode inner = unparenthesized(first);
          if (!ts_node_is_null(inner) && is(inner, "tuple")) {
            tuple = true;
            elements = inner;
          }
        }
        if (!tuple) break;
        TSNode type{};
        if (ts_node_eq(elements, first) && (count > 1 || comma)) {
          type = first;
        } else {
          type = ts_node_named_child(elements, 0);
          while (!ts_node_is_null(type) && ts_node_is_extra(type)) type = ts_node_next_named_sibling(type);
        }
        if (ts_node_is_null(type)) break;
        if (runtime) {
          region(type, type, static_cast<uint8_t>(f | kTypedef), o, ctx);
        } else {
          push(type, static_cast<uint8_t>(f | kTypedef));
          const uint8_t value_flags = static_cast<uint8_t>(f & ~kTypedef);
          if (ts_node_eq(elements, first) && (count > 1 || comma)) {
            bool skip = true;
            each_slice([&](TSNode s) {
              if (!skip) push(s, value_flags);
              skip = false;
            });
          } else {
            for (TSNode c = ts_node_next_named_sibling(type); !ts_node_is_null(c); c = ts_node_next_named_sibling(c)) {
              if (!ts_node_is_extra(c)) push(c, value_flags);
            }
          }
        }
        break;
      }
      case SubscriptKind::None:
        if (!runtime) each_slice([&](TSNode s) { push(s, f); });
        break;
    }
  }

  void call(TSNode n, uint8_t f, const Origin& o, Context& ctx, bool runtime) {
    const TSNode function = field(n, "function");
    const TSNode args = field(n, "arguments");
    if (!runtime) push(function, f);
    if (ts_node_is_null(args)) return;
    const std::string q = resolve(function, o);
    const CallKind ck = q.empty() ? CallKind::None : call_kind(q, ctx.typing_modules());
    if (runtime && ck == CallKind::None) return;
    const uint8_t type_flags = static_cast<uint8_t>(f | kTypedef);
    const uint8_t value_flags = static_cast<uint8_t>(f & ~kTypedef);
    // Visits one argument (or part of one) as a type or as a value. At run time only the types
    // matter: values are walked by the engine.
    const auto visit = [&](TSNode a, bool type) {
      if (ts_node_is_null(a)) return;
      if (runtime) {
        if (type) region(a, a, type_flags, o, ctx);
      } else {
        push(a, type ? type_flags : value_flags);
      }
    };
    if (!is(args, "argument_list")) {  // `f(x for x in y)`
      visit(args, false);
      return;
    }
    int position = 0;
    const bool has_positional = [&] {
      for (TSNode a : children(args)) {
        if (ts_node_is_named(a) && !ts_node_is_extra(a) && !is(a, "keyword_argument") && !is(a, "dictionary_splat")) {
          return true;
        }
      }
      return false;
    }();
    for (TSNode a : children(args)) {
      if (!ts_node_is_named(a) || ts_node_is_extra(a)) continue;
      if (is(a, "keyword_argument")) {
        const std::string_view name = o.text_of(field(a, "name"));
        const TSNode v = field(a, "value");
        bool type = false;
        switch (ck) {
          case CallKind::Cast: type = name == "typ"; break;
          case CallKind::NewType: type = name == "tp"; break;
          case CallKind::TypeVar: type = name == "bound" || name == "default"; break;
          case CallKind::TypeAliasType: type = name == "value"; break;
          case CallKind::NamedTuple: type = true; break;
          case CallKind::MypyExtension: type = !has_positional && name == "type"; break;
          default: break;
        }
        if (ck == CallKind::Cast && !type && !runtime) {
          push(v, f);
        } else {
          visit(v, type);
        }
        continue;
      }
      if (is(a, "dictionary_splat")) {
        const TSNode inner = unparenthesized(ts_node_named_child(a, 0));
        if (ck == CallKind::NamedTuple && !ts_node_is_null(inner) && is(inner, "dictionary")) {
          dict_values_as_types(inner, visit);
        } else {
          visit(a, false);
        }
        continue;
      }
      const int index = position++;
      switch (ck) {
        case CallKind::Cast:
          if (index == 0) {
            visit(a, true);
          } else if (!runtime) {
            push(a, f);
          }
          break;
        case CallKind::NewType:
        case CallKind::TypeVar:
        case CallKind::TypeAliasType: visit(a, index > 0); break;
        case CallKind::MypyExtension: visit(a, index == 0); break;
        case CallKind::NamedTuple: {
          const TSNode list = unparenthesized(a);
          if (index == 0 || ts_node_is_null(list) || !(is(list, "list") || is(list, "tuple"))) {
            visit(a, false);
            break;
          }
          // `[("name", type), ...]`
          for (TSNode e : children(list)) {
            if (!ts_node_is_named(e) || ts_node_is_extra(e)) continue;
            const TSNode pair = unparenthesized(e);
            TSNode parts[3];
            int count = 0;
            if (!ts_node_is_null(pair) && (is(pair, "list") || is(pair, "tuple"))) {
              for (TSNode x : children(pair)) {
                if (!ts_node_is_named(x) || ts_node_is_extra(x)) continue;
                if (count < 3) parts[count] = x;
                ++count;
              }
            }
            if (count == 2) {
              visit(parts[0], false);
              visit(parts[1], true);
            } else {
              visit(e, false);
            }
          }
          break;
        }
        case CallKind::TypedDict: {
          const TSNode dict = unparenthesized(a);
          if (index > 0 && !ts_node_is_null(dict) && is(dict, "dictionary")) {
            dict_values_as_types(dict, visit);
          } else {
            visit(a, false);
          }
          break;
        }
        case CallKind::None: visit(a, false); break;
      }
    }
  }

  template <class Visit>
  static void dict_values_as_types(TSNode dict, Visit& visit) {
    for (TSNode item : children(dict)) {
      if (is(item, "pair")) {
        visit(field(item, "key"), false);
        visit(field(item, "value"), true);
      } else if (ts_node_is_named(item) && !ts_node_is_extra(item)) {
        visit(item, false);
      }
    }
  }

  // --- string annotations ---------------------------------------------------------------------

  void string(TSNode n, uint8_t f, const Origin& o, Context& ctx) {
    if ((f & kTypedef) == 0 || (f & kLiteral) != 0) {
      // Not an annotation itself, but an f-string's replacement fields may hold one.
      for (TSNode part : children(n)) {
        const TSNode s = is(n, "string") ? n : part;
        if (!is(s, "string")) continue;
        for (TSNode c : children(s)) {
          if (is(c, "interpolation")) push(c, f);
        }
        if (is(n, "string")) break;
      }
      return;
    }
    // Only plain string literals are annotations: not bytes, not f-strings (whose replacement
    // fields are walked like any expression).
    bool single = is(n, "string");
    bool fstring = false, bytes = false;
    const auto each_part = [&](auto&& fn) {
      if (single) {
        fn(n);
      } else {
        for (TSNode p : children(n)) {
          if (is(p, "string")) fn(p);
        }
      }
    };
    each_part([&](TSNode part) {
      const std::string_view prefix = literal_prefix(o.text_of(part));
      fstring |= is_f_string_prefix(prefix);
      bytes |= prefix_contains(prefix, 'b');
    });
    if (bytes) return;
    if (fstring) {
      each_part([&](TSNode part) {
        for (TSNode c : children(part)) {
          if (is(c, "interpolation")) push(c, f);
        }
      });
      return;
    }
    std::string value;
    each_part([&](TSNode part) {
      const std::string_view text = o.text_of(part);
      const std::string_view prefix = literal_prefix(text);
      decode_string_body(string_body(text, prefix.size()), is_raw_prefix(prefix), false, false, value);
    });
    const std::string_view text = o.text_of(n);
    const std::string_view prefix = literal_prefix(text);
    const std::string_view raw = single ? string_body(text, prefix.size()) : std::string_view();
    const bool simple = single && raw == value;
    const bool triple = single && text.size() >= prefix.size() + 6 && text[prefix.size() + 1] == text[prefix.size()] &&
                        text[prefix.size() + 2] == text[prefix.size()];
    // Where the annotation's nodes lie in the file.
    Origin inner{};
    inner.nested = true;
    inner.in_function = o.in_function;
    inner.in_async = o.in_async;
    for (int i = 0; i < 6; ++i) {
      inner.shadowed[i] = o.nested ? o.shadowed[i] : bindings_.bound_before(i, ts_node_start_byte(n), scopes_);
    }
    if (!o.nested) {
      const auto* scope = scopes_.scope_at(ts_node_start_byte(n));
      inner.in_function = scope != nullptr && (scope->kind == EnclosingKind::Function || scope->kind == EnclosingKind::Lambda);
      inner.in_async = scope != nullptr && scope->is_async;
    }
    const uint32_t file_start = o.file_start(n), file_end = o.file_end(n);
    const std::string_view content = simple ? raw : std::string_view(value);
    if (simple && o.exact) {
      const auto content_start = static_cast<int64_t>(ts_node_start_byte(n) + prefix.size() + (triple ? 3 : 1));
      inner.exact = true;
      inner.shift = o.shift + content_start - 1;  // the wrapper's `(` comes first
    } else {
      inner.exact = false;
      inner.fixed_start = file_start;
      inner.fixed_end = file_end;
    }
    if (depth_ >= 32) return;
    std::string wrapped;
    wrapped.reserve(content.size() + 3);
    wrapped += '(';
    wrapped += content;
    wrapped += "\n)";
    if (std::string rewritten = rewrite_for_parse(wrapped); !rewritten.empty()) wrapped = std::move(rewritten);
    std::unique_ptr<TSTree, TreeDeleter> tree(
        ts_parser_parse_string(annotation_parser(), nullptr, wrapped.data(), static_cast<uint32_t>(wrapped.size())));
    if (!tree) return;
    inner.text = wrapped;
    TSNode expr{};
    if (auto error = check(ts_tree_root_node(tree.get()), content, wrapped, triple, expr)) {
      report_type(ctx, file_start, file_end, std::string(kPrefix) + *error);
      return;
    }
    // Visit what the annotation holds, as a type.
    ++depth_;
    const size_t saved = base_;
    base_ = stack_.size();
    stack_.push_back({expr, f});
    run(inner, ctx);
    base_ = saved;
    --depth_;
  }

  // Whether the parse of "(" + content + "\n)" is one expression as Ruff accepts it in an
  // annotation; returns Ruff's message otherwise, and the expression in `expr`.
  // A triple-quoted annotation is parsed as if parenthesized: it may span lines and be indented.
  std::optional<std::string> check(TSNode root, std::string_view content, std::string_view wrapped, bool parenthesized,
                                   TSNode& expr) {
    const Lexed lx = lex(content);
    const auto invalid = [&] { return std::optional<std::string>(invalid_message(lx)); };
    if (!lx.error.empty() || ts_node_has_error(root) || lx.unmatched_close || lx.bad_token) return invalid();
    if (!parenthesized && lx.leading_space) return invalid();
    TSNode stmt{}, x{};
    int count = 0;
    for (TSNode c : children(root)) {
      if (ts_node_is_named(c) && !ts_node_is_extra(c)) stmt = c, ++count;
    }
    if (count != 1 || !is(stmt, "expression_statement")) return invalid();
    count = 0;
    for (TSNode c : children(stmt)) {
      if (ts_node_is_named(c) && !ts_node_is_extra(c)) x = c, ++count;
    }
    if (count != 1 || ts_node_start_byte(x) != 0 || ts_node_end_byte(x) != wrapped.size()) return invalid();
    if (lx.newline_split && !parenthesized) return std::string("Unexpected token at the end of an expression");
    const std::string_view k = kind(x);
    if (k == "parenthesized_expression") {
      TSNode inner{};
      for (TSNode c : children(x)) {
        if (ts_node_is_named(c) && !ts_node_is_extra(c)) {
          inner = c;
          break;
        }
      }
      if (ts_node_is_null(inner)) return invalid();
      if (is(inner, "list_splat") || is(inner, "dictionary_splat")) {
        return lx.first == "*" ? std::string("Starred expression cannot be used here") : *invalid();
      }
      if (is(inner, "yield")) return std::string("Yield expression cannot be used here");
      if (is(inner, "named_expression")) return std::string("Unexpected token at the end of an expression");
      expr = inner;
    } else if (k == "tuple") {
      bool any = false;
      for (TSNode c : children(x)) {
        if (!ts_node_is_named(c) || ts_node_is_extra(c)) continue;
        any = true;
        if (is(c, "list_splat")) {
          return lx.first == "*" ? std::string("Starred expression cannot be used here") : *invalid();
        }
      }
      if (!any) return std::string("Expected an expression");
      expr = x;
    } else {
      return std::string("Unexpected token at the end of an expression");
    }
    // Python 2 leftovers the grammar accepts.
    walk_.clear();
    walk_.push_back(x);
    while (!walk_.empty()) {
      const TSNode n = walk_.back();
      walk_.pop_back();
      const TSSymbol s = ts_node_symbol(n);
      // The grammar lets keywords through where it expects a name.
      if (is(n, "identifier") && is_hard_keyword(wrapped.substr(ts_node_start_byte(n), ts_node_end_byte(n) - ts_node_start_byte(n)))) {
        return invalid();
      }
      if (is(n, "integer")) {
        const std::string_view digits = wrapped.substr(ts_node_start_byte(n), ts_node_end_byte(n) - ts_node_start_byte(n));
        if (digits.size() == 2 && digits[0] == '0' && std::string_view("xXoObB").find(digits[1]) != std::string_view::npos) {
          return std::string("ParseIntError { kind: Empty }");
        }
      }
      if (python3_.interested(s)) {
        std::vector<SyntaxError> errors;
        python3_.check(n, s, wrapped, errors);
        if (!errors.empty()) {
          if (errors.front().message == "Invalid decimal integer literal") return errors.front().message;
          return invalid();
        }
      }
      for (TSNode c : children(n)) walk_.push_back(c);
    }
    return std::nullopt;
  }

  EnclosingScopes scopes_;
  // The builtin generics, unless the code binds their names itself.
  NameBindings bindings_{"dict", "frozenset", "list", "set", "tuple", "type"};
  std::vector<Import> imports_;
  std::vector<Region> regions_;
  std::vector<uint32_t> quotes_;  // offsets of the file's quote characters
  bool quotes_scanned_ = false;
  size_t next_region_ = 0;
  std::vector<Item> stack_;
  size_t base_ = 0;
  int depth_ = 0;
  std::vector<TSNode> walk_;
  Python3Syntax python3_;
};

}  // namespace

extern const RuleSpec forward_annotation_syntax_error{
    .code = "F722",
    .name = "forward-annotation-syntax-error",
    .linter = "pyflakes",
    .kinds = {"type", "assignment", "subscript", "call", "import_statement", "import_from_statement"},
    .doc = kDoc,
    .create = make_rule<ForwardAnnotationSyntaxError>(),
};

}  // namespace lint::rules
