#include "syntax/semantic_syntax.h"

#include <string>
#include <unordered_set>
#include <utility>

#include "syntax/node.h"

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

constexpr const char* kBareStar = "Expected one or more keyword parameter after `*` separator";

// A name and the node reported when it repeats an earlier one.
struct Named {
  std::string_view name;
  TSNode at;
};

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

}  // namespace

SemanticSyntax::SemanticSyntax() {
  const TSLanguage* lang = python_language();
  parameters_ = named(lang, "parameters");
  lambda_parameters_ = named(lang, "lambda_parameters");
  argument_list_ = named(lang, "argument_list");
  function_ = named(lang, "function_definition");
  class_ = named(lang, "class_definition");
  type_alias_ = named(lang, "type_alias_statement");
  nonlocal_ = named(lang, "nonlocal_statement");
  interested_.assign(ts_language_symbol_count(lang), false);
  for (TSSymbol s : {parameters_, lambda_parameters_, argument_list_, function_, class_, type_alias_, nonlocal_}) {
    if (s == 0) continue;
    symbols_.push_back(s);
    interested_[s] = true;
  }
}

void SemanticSyntax::check(TSNode n, TSSymbol s, std::string_view source, std::vector<SyntaxError>& out) const {
  if (s == parameters_ || s == lambda_parameters_) {
    std::vector<Named> names;
    TSNode bare_star{};  // a `*` separator not yet followed by a keyword-only parameter
    for (TSNode p : children(n)) {
      if (!ts_node_is_named(p) || ts_node_is_extra(p)) continue;
      if (!ts_node_is_null(bare_star)) {
        // A parse error, not a semantic one: `*` must be followed by a named parameter.
        if (is(p, "dictionary_splat_pattern") || is_a(first_named_child(p), "dictionary_splat_pattern")) {
          out.push_back(SyntaxError{ts_node_start_byte(p), ts_node_end_byte(p), kBareStar});
        }
        bare_star = TSNode{};
      }
      if (is(p, "keyword_separator")) bare_star = p;
      const TSNode id = parameter_name(p);
      if (!ts_node_is_null(id)) names.push_back(Named{text_of(id, source), id});
    }
    if (!ts_node_is_null(bare_star)) {
      out.push_back(SyntaxError{ts_node_start_byte(bare_star), ts_node_end_byte(bare_star), kBareStar});
    }
    for_each_repeat(names, [&](const Named& r) {
      out.push_back(semantic_error(ts_node_start_byte(r.at), ts_node_end_byte(r.at),
                                   "Duplicate parameter \"" + std::string(r.name) + "\""));
    });
    return;
  }
  if (s == argument_list_) {
    if (ts_node_named_child_count(n) < 2) return;
    std::vector<Named> keywords;
    for (TSNode a : children(n)) {
      if (!is(a, "keyword_argument")) continue;
      const TSNode name = field(a, "name");
      if (!ts_node_is_null(name)) keywords.push_back(Named{text_of(name, source), a});
    }
    for_each_repeat(keywords, [&](const Named& r) {
      out.push_back(semantic_error(ts_node_start_byte(r.at), ts_node_end_byte(r.at),
                                   "Duplicate keyword argument `" + std::string(r.name) + "`"));
    });
    return;
  }
  if (s == function_ || s == class_ || s == type_alias_) {
    // `type_parameter` also holds a subscript's items in an annotation (`dict[str, str]`): only
    // these three own a list of type parameters.
    TSNode list = field(n, s == type_alias_ ? "left" : "type_parameters");
    if (s == type_alias_) {
      if (ts_node_is_null(list) || ts_node_named_child_count(list) != 1) return;
      const TSNode generic = ts_node_named_child(list, 0);
      if (!is(generic, "generic_type")) return;
      list = ts_node_named_child(generic, ts_node_named_child_count(generic) - 1);
    }
    if (ts_node_is_null(list) || !is(list, "type_parameter")) return;
    std::vector<Named> params;
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
