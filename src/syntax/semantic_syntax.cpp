#include "syntax/semantic_syntax.h"

#include <string.h>

#include <string>
#include <unordered_set>
#include <utility>

#include "syntax/node.h"
#include "syntax/version_syntax.h"

namespace lint {

namespace {

TSSymbol named(const TSLanguage* lang, std::string_view name) {
  return ts_language_symbol_for_name(lang, name.data(), static_cast<uint32_t>(name.size()), true);
}

std::string_view text_of(TSNode n, std::string_view source) {
  const uint32_t a = ts_node_start_byte(n);
  return source.substr(a, ts_node_end_byte(n) - a);
}

SyntaxError semantic_error(uint32_t start, uint32_t end, std::string message) {
  SyntaxError e{start, end, std::move(message)};
  e.semantic = true;
  return e;
}


constexpr std::string_view kDebug = "__debug__";
constexpr const char* kAssignDebug = "cannot assign to `__debug__`";
// Worded for the target-version by apply_target_version.
constexpr std::string_view kDeleteDebug = "cannot delete `__debug__` on Python {} (syntax was removed in 3.9)";

// Where `__debug__` next occurs from `from`: found by its `g`, rarer in Python than `_`.
size_t find_debug(std::string_view source, size_t from) {
  for (size_t g = from + 6; g < source.size();) {
    const void* hit = memchr(source.data() + g, 'g', source.size() - g);
    if (!hit) return std::string_view::npos;
    g = static_cast<size_t>(static_cast<const char*>(hit) - source.data());
    if (source.substr(g - 6, kDebug.size()) == kDebug) return g - 6;
    ++g;
  }
  return std::string_view::npos;
}

// A name and the node reported when it repeats an earlier one.
struct Named {
  std::string_view name;
  TSNode at;
};

// The names of the list being checked, kept between calls so that a check allocates nothing.
thread_local std::vector<Named> scratch;

// Calls `report` for every item whose name an earlier item already has, in order. Lists are
// short; a long one (generated code) is looked up through a set instead of pairwise.
template <class Report>
void for_each_repeat(const std::vector<Named>& items, Report&& report) {
  if (items.size() < 2) return;
  if (items.size() <= 32) {
    for (size_t i = 1; i < items.size(); ++i) {
      for (size_t j = 0; j < i; ++j) {
        if (items[j].name == items[i].name) {
          report(items[i]);
          break;
        }
      }
    }
    return;
  }
  std::unordered_set<std::string_view> seen;
  for (const Named& item : items) {
    if (!seen.insert(item.name).second) report(item);
  }
}

// The identifier a parameter binds: `a`, `a=1`, `a: int`, `*a`, `**a: int`. Null for the `/` and
// `*` separators and for what is not a name (a Python 2 tuple parameter).
TSNode parameter_name(TSNode p) {
  for (int hops = 0; hops < 4 && !ts_node_is_null(p); ++hops) {
    const std::string_view k = kind(p);
    if (k == "identifier") return p;
    if (k == "default_parameter" || k == "typed_default_parameter") {
      p = field(p, "name");
    } else if (k == "typed_parameter" || k == "list_splat_pattern" || k == "dictionary_splat_pattern") {
      p = first_named_child(p);
    } else {
      break;
    }
  }
  return TSNode{};
}

// A type parameter's name: the first identifier of `T`, `T: int`, `*Ts`, `**P = ...`.
TSNode type_parameter_name(TSNode p) {
  while (!ts_node_is_null(p) && !is(p, "identifier")) p = first_named_child(p);
  return p;
}

// Whether a type parameter has a default: an `=` outside brackets and strings in its text (the
// grammar folds `T = int` into the shape it gives `T: int`).
bool has_default(std::string_view text) {
  int depth = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '(' || c == '[' || c == '{') {
      ++depth;
    } else if (c == ')' || c == ']' || c == '}') {
      --depth;
    } else if (c == '\'' || c == '"') {
      const size_t close = text.find(c, i + 1);
      if (close == std::string_view::npos) return false;
      i = close;
    } else if (c == '#') {
      const size_t eol = text.find('\n', i);
      if (eol == std::string_view::npos) return false;
      i = eol;
    } else if (c == '=' && depth == 0) {
      const char before = i > 0 ? text[i - 1] : ' ';
      const char after = i + 1 < text.size() ? text[i + 1] : ' ';
      if (after == '=' || before == '=' || before == '!' || before == '<' || before == '>' || before == ':') {
        if (after == '=') ++i;
        continue;
      }
      return true;
    }
  }
  return false;
}

// Whether `n` sits in the module's own scope: no function or class encloses it. Walks down from
// the root once (ts_node_parent would walk down again for each step up).
bool in_module_scope(TSNode n) {
  for (TSNode p = ts_tree_root_node(n.tree); !ts_node_is_null(p) && !ts_node_eq(p, n);
       p = ts_node_child_with_descendant(p, n)) {
    const std::string_view k = kind(p);
    if (k == "function_definition" || k == "class_definition") return false;
  }
  return true;
}

bool is_name_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
         static_cast<unsigned char>(c) >= 0x80;
}

// Whether a `type_parameter` node (which also holds a subscript's items in an annotation, as in
// `dict[str, int]`) is the type parameter list of a `def`, `class` or `type` statement: read
// back from its `[` over the name to the keyword. (The tree's parent would cost the node's depth.)
bool opens_type_parameters(TSNode n, std::string_view source) {
  size_t i = ts_node_start_byte(n);
  auto skip_space = [&] {
    while (i > 0 && (source[i - 1] == ' ' || source[i - 1] == '\t' || source[i - 1] == '\f')) --i;
  };
  skip_space();
  const size_t name_end = i;
  while (i > 0 && is_name_char(source[i - 1])) --i;
  if (i == name_end) return false;
  skip_space();
  const size_t keyword_end = i;
  while (i > 0 && is_name_char(source[i - 1])) --i;
  const std::string_view keyword = source.substr(i, keyword_end - i);
  return keyword == "def" || keyword == "class" || keyword == "type";
}

// For an argument list: the name before each lone `=`, at any depth and in strings too (which
// can only send the caller to the tree in vain).
bool may_repeat_keywords(std::string_view text) {
  std::string_view names[16];
  size_t count = 0;
  for (size_t i = text.find('='); i != std::string_view::npos; i = text.find('=', i + 1)) {
    if (i + 1 < text.size() && text[i + 1] == '=') {
      ++i;
      continue;
    }
    size_t end = i;
    while (end > 0 && (text[end - 1] == ' ' || text[end - 1] == '\t')) --end;
    size_t start = end;
    while (start > 0 && is_name_char(text[start - 1])) --start;
    if (start == end) continue;  // `!=`, `<=`, `:=`, ...
    const std::string_view name = text.substr(start, end - start);
    if (count == 16) return true;
    for (size_t k = 0; k < count; ++k) {
      if (names[k] == name) return true;
    }
    names[count++] = name;
  }
  return false;
}

// A cheap reading of a parameter or argument list's text, to leave most lists alone without
// walking their children (each step of a tree cursor costs hundreds of instructions). Names at
// the list's own level: a parameter's (after `(`, `,`, `*` or `/`) or a keyword argument's
// (before a lone `=`). Says whether one repeats, or a `*` stands alone, or the list is too long
// to read (then the caller reads the tree).
bool may_repeat_names(std::string_view text, bool keywords) {
  // Most lists hold no keyword, or a single parameter: no `=`, or no `,` and no `*`.
  if (keywords ? !memchr(text.data(), '=', text.size())
               : !memchr(text.data(), ',', text.size()) && !memchr(text.data(), '*', text.size())) {
    return false;
  }
  if (keywords) return may_repeat_keywords(text);
  if (text.size() > 512) return true;
  if (text.size() >= 2 && text.front() == '(' && text.back() == ')') text = text.substr(1, text.size() - 2);
  std::string_view names[16];
  size_t count = 0;
  int depth = 0;
  char previous = ',';  // the last significant character at the list's level
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\\') continue;
    if (c == '#') {
      while (i + 1 < text.size() && text[i + 1] != '\n') ++i;
      continue;
    }
    if (c == '\'' || c == '"') {
      const size_t close = text.find(c, i + 1);
      if (close == std::string_view::npos) return true;
      i = close;
      previous = 'x';
      continue;
    }
    if (c == '(' || c == '[' || c == '{') ++depth;
    if (c == ')' || c == ']' || c == '}') --depth;
    if (depth != 0) continue;
    if (is_name_char(c)) {
      const size_t start = i;
      while (i + 1 < text.size() && is_name_char(text[i + 1])) ++i;
      const std::string_view name = text.substr(start, i + 1 - start);
      bool is_name = false;
      if (keywords) {
        size_t j = i + 1;
        while (j < text.size() && (text[j] == ' ' || text[j] == '\t')) ++j;
        is_name = j < text.size() && text[j] == '=' && (j + 1 >= text.size() || text[j + 1] != '=');
      } else {
        is_name = previous == ',' || previous == '*' || previous == '/' || previous == '(';
      }
      if (is_name) {
        if (count == 16) return true;
        for (size_t k = 0; k < count; ++k) {
          if (names[k] == name) return true;
        }
        names[count++] = name;
      }
      previous = 'x';
      continue;
    }
    if (!keywords && previous == '*' && (c == ',' || c == ')')) return true;  // a bare `*`
    previous = c;
  }
  return !keywords && previous == '*';
}

bool is_debug(TSNode n, std::string_view source) {
  return !ts_node_is_null(n) && is(n, "identifier") && text_of(n, source) == kDebug;
}

// Calls `visit` on each name an assignment target binds (`a`, `a, *b`, `[a, (b, c)]`), not on
// what an attribute or subscript target reads. Iterative: a target may nest deep.
template <class Visit>
void for_each_target_name(TSNode target, Visit&& visit) {
  std::vector<TSNode> pending{target};
  while (!pending.empty()) {
    const TSNode t = pending.back();
    pending.pop_back();
    if (ts_node_is_null(t)) continue;
    const std::string_view k = kind(t);
    if (k == "identifier") {
      visit(t);
    } else if (k == "pattern_list" || k == "tuple_pattern" || k == "list_pattern" || k == "list_splat_pattern" ||
               k == "tuple" || k == "list" || k == "parenthesized_expression" || k == "expression_list" ||
               k == "list_splat") {
      for (uint32_t i = ts_node_named_child_count(t); i-- > 0;) pending.push_back(ts_node_named_child(t, i));
    }
  }
}

}  // namespace

void apply_target_version(std::vector<SyntaxError>& errors, int syntax_minor) {
  const int minor = syntax_minor >= kNoSyntaxTarget ? 15 : syntax_minor;
  std::erase_if(errors, [&](SyntaxError& e) {
    const size_t at = e.message.find("{}");
    if (!e.message.starts_with("cannot delete `__debug__`") || at == std::string::npos) return false;
    if (minor < 9) return true;
    e.message.replace(at, 2, "3." + std::to_string(minor));
    return false;
  });
}

void SemanticSyntax::debug_bindings(TSNode module, std::string_view source, std::vector<SyntaxError>& out) const {
  const TSNode none{};
  for (size_t at = find_debug(source, 0); at != std::string_view::npos; at = find_debug(source, at + kDebug.size())) {
    const uint32_t a = static_cast<uint32_t>(at), b = a + static_cast<uint32_t>(kDebug.size());
    const TSNode id = ts_node_named_descendant_for_byte_range(module, a, b);
    if (ts_node_is_null(id) || ts_node_start_byte(id) != a || ts_node_end_byte(id) != b || !is(id, "identifier")) continue;
    // The identifier's ancestors, the root first: one walk down (ts_node_parent walks down too,
    // at each call).
    std::vector<TSNode> path;
    for (TSNode p = module; !ts_node_is_null(p) && !ts_node_eq(p, id); p = ts_node_child_with_descendant(p, id)) {
      path.push_back(p);
    }
    auto up = [&](size_t i) { return i < path.size() ? path[path.size() - 1 - i] : none; };
    auto is_field = [&](TSNode parent, const char* name, TSNode child) {
      const TSNode f = field(parent, name);
      return !ts_node_is_null(f) && ts_node_eq(f, child);
    };
    const TSNode parent = up(0);
    if (ts_node_is_null(parent)) continue;
    const std::string_view pk = kind(parent);
    const std::string_view gk = kind_of(up(1));
    bool store = false, del = false;
    if (pk == "function_definition" || pk == "class_definition") {
      store = is_field(parent, "name", id);
    } else if (pk == "parameters" || pk == "lambda_parameters") {
      store = true;
    } else if (pk == "default_parameter" || pk == "typed_default_parameter") {
      store = is_field(parent, "name", id);
    } else if (pk == "typed_parameter") {
      store = ts_node_eq(first_named_child(parent), id);
    } else if ((pk == "list_splat_pattern" || pk == "dictionary_splat_pattern") &&
               (gk == "parameters" || gk == "lambda_parameters" || gk == "typed_parameter")) {
      store = true;
    } else if (pk == "type" && gk == "type_parameter") {
      store = opens_type_parameters(up(1), source) && ts_node_eq(first_named_child(parent), id);
    } else if (pk == "splat_type" && kind_of(up(2)) == "type_parameter") {
      store = opens_type_parameters(up(2), source);
    } else if (pk == "type" && gk == "type_alias_statement") {
      store = is_field(up(1), "left", parent);
    } else if (pk == "generic_type" && gk == "type" && kind_of(up(2)) == "type_alias_statement") {
      store = ts_node_eq(first_named_child(parent), id);
    } else if (pk == "aliased_import") {
      store = is_field(parent, "alias", id);
    } else if (pk == "dotted_name" && ts_node_named_child_count(parent) == 1) {
      if (gk == "import_statement" || gk == "import_from_statement") {
        store = !is_field(up(1), "module_name", parent);
      } else if (gk == "case_pattern") {
        store = ts_node_named_child_count(up(1)) == 1;
      } else if (gk == "keyword_pattern") {
        store = !ts_node_eq(first_named_child(up(1)), parent);
      }
    } else if (pk == "splat_pattern") {
      store = true;
    } else if (pk == "as_pattern") {
      store = kind_of(ts_node_named_child(parent, ts_node_named_child_count(parent) - 1)) == "identifier" &&
              !ts_node_eq(first_named_child(parent), id);
    } else {
      // An assignment target, maybe inside a tuple or list of targets.
      size_t i = 0;
      TSNode child = id;
      while (i < path.size()) {
        const std::string_view k = kind(up(i));
        if (k != "pattern_list" && k != "tuple_pattern" && k != "list_pattern" && k != "list_splat_pattern" &&
            k != "tuple" && k != "list" && k != "parenthesized_expression" && k != "expression_list" &&
            k != "list_splat") {
          break;
        }
        child = up(i++);
      }
      const TSNode owner = up(i);
      const std::string_view k = kind_of(owner);
      if (k == "assignment" || k == "augmented_assignment" || k == "for_statement" || k == "for_in_clause") {
        store = is_field(owner, "left", child);
      } else if (k == "named_expression") {
        store = is_field(owner, "name", child);
      } else if (k == "as_pattern_target") {
        store = true;
      } else if (k == "delete_statement") {
        del = true;
      }
    }
    if (store) out.push_back(semantic_error(a, b, kAssignDebug));
    if (del) out.push_back(semantic_error(a, b, std::string(kDeleteDebug)));
  }
}

SemanticSyntax::SemanticSyntax() {
  static const SemanticSyntax built{Build{}};
  *this = built;
}

SemanticSyntax::SemanticSyntax(Build) {
  const TSLanguage* lang = python_language();
  parameters_ = named(lang, "parameters");
  lambda_parameters_ = named(lang, "lambda_parameters");
  argument_list_ = named(lang, "argument_list");
  type_parameter_ = named(lang, "type_parameter");
  function_ = named(lang, "function_definition");
  class_ = named(lang, "class_definition");
  type_alias_ = named(lang, "type_alias_statement");
  nonlocal_ = named(lang, "nonlocal_statement");
  module_ = named(lang, "module");
  identifier_ = named(lang, "identifier");
  keyword_argument_ = named(lang, "keyword_argument");
  import_ = named(lang, "import_statement");
  import_from_ = named(lang, "import_from_statement");
  except_ = named(lang, "except_clause");
  with_item_ = named(lang, "with_item");
  assignment_ = named(lang, "assignment");
  augmented_ = named(lang, "augmented_assignment");
  for_ = named(lang, "for_statement");
  for_in_ = named(lang, "for_in_clause");
  named_ = named(lang, "named_expression");
  delete_ = named(lang, "delete_statement");
  case_pattern_ = named(lang, "case_pattern");
  splat_pattern_ = named(lang, "splat_pattern");
  keyword_pattern_ = named(lang, "keyword_pattern");
  as_pattern_ = named(lang, "as_pattern");
  interested_.assign(ts_language_symbol_count(lang), false);
  for (TSSymbol s : {parameters_, lambda_parameters_, argument_list_, type_parameter_, nonlocal_, module_}) {
    if (s == 0) continue;
    symbols_.push_back(s);
    interested_[s] = true;
  }
}

void SemanticSyntax::check(TSNode n, TSSymbol s, std::string_view source, std::vector<SyntaxError>& out) const {
  if (s == module_) {
    if (find_debug(source, 0) != std::string_view::npos) debug_bindings(n, source, out);
    return;
  }
  if (s == parameters_ || s == lambda_parameters_) {
    if (!may_repeat_names(text_of(n, source), false)) return;
    std::vector<Named>& names = scratch;
    names.clear();
    for (TSNode p : children(n)) {
      if (!ts_node_is_named(p) || ts_node_is_extra(p)) continue;
      const TSSymbol k = ts_node_symbol(p);
      const TSNode id = k == identifier_ ? p : parameter_name(p);
      if (!ts_node_is_null(id)) names.push_back(Named{text_of(id, source), id});
    }
    for_each_repeat(names, [&](const Named& r) {
      out.push_back(semantic_error(ts_node_start_byte(r.at), ts_node_end_byte(r.at),
                                   "Duplicate parameter \"" + std::string(r.name) + "\""));
    });
    return;
  }
  if (s == argument_list_) {
    if (!may_repeat_names(text_of(n, source), true)) return;
    std::vector<Named>& keywords = scratch;
    keywords.clear();
    for (TSNode a : children(n)) {
      if (ts_node_symbol(a) != keyword_argument_) continue;
      const TSNode name = ts_node_child(a, 0);
      if (!ts_node_is_null(name)) keywords.push_back(Named{text_of(name, source), a});
    }
    for_each_repeat(keywords, [&](const Named& r) {
      out.push_back(semantic_error(ts_node_start_byte(r.at), ts_node_end_byte(r.at),
                                   "Duplicate keyword argument `" + std::string(r.name) + "`"));
    });
    return;
  }
  if (s == type_parameter_) {
    if (!opens_type_parameters(n, source)) return;
    const TSNode list = n;
    std::vector<Named>& params = scratch;
    params.clear();
    bool seen_default = false;
    for (TSNode p : children(list)) {
      if (!is(p, "type")) continue;
      const TSNode id = type_parameter_name(p);
      if (ts_node_is_null(id)) continue;
      const std::string_view name = text_of(id, source);
      params.push_back(Named{name, p});
      const bool default_ = has_default(text_of(p, source));
      if (seen_default && !default_) {
        out.push_back(semantic_error(ts_node_start_byte(p), ts_node_end_byte(p),
                                     "non default type parameter `" + std::string(name) +
                                         "` follows default type parameter"));
      }
      seen_default |= default_;
    }
    for_each_repeat(params, [&](const Named& r) {
      out.push_back(semantic_error(ts_node_start_byte(r.at), ts_node_end_byte(r.at), "duplicate type parameter"));
    });
    return;
  }
  if (s == nonlocal_) {
    if (in_module_scope(n)) {
      out.push_back(semantic_error(ts_node_start_byte(n), ts_node_end_byte(n),
                                   "nonlocal declaration not allowed at module level"));
    }
  }
}

}  // namespace lint
