// `str.format` calls (`"...".format(...)`) as Ruff's pyflakes rules F521-F525 see them: the format
// string parser (ruff_python_literal's format module), the summary of the fields it references,
// and the arguments of the call.
#pragma once

#include <tree_sitter/api.h>

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "syntax/node.h"
#include "pyflakes/python_string.h"
#include "engine/rule.h"

namespace lint::rules::pyfmt {

enum class FormatError : uint8_t {
  kNone,
  kUnmatchedBracket,          // Single '{' encountered in format string
  kMissingStartBracket,       // Single '}' encountered in format string
  kPlaceholderRecursionExceeded,
  kUnknownConversion,
  kEmptyAttribute,
  kMissingRightBracket,
  kInvalidCharacterAfterRightBracket,
};

inline const char* format_error_message(FormatError e) {
  switch (e) {
    case FormatError::kEmptyAttribute: return "Empty attribute in format string";
    case FormatError::kInvalidCharacterAfterRightBracket:
      return "Only '.' or '[' may follow ']' in format field specifier";
    case FormatError::kPlaceholderRecursionExceeded: return "Max format placeholder recursion exceeded";
    case FormatError::kMissingStartBracket: return "Single '}' encountered in format string";
    case FormatError::kMissingRightBracket: return "Expected '}' before end of string";
    case FormatError::kUnmatchedBracket: return "Single '{' encountered in format string";
    default: return "Unexpected error parsing format string";
  }
}

// The fields a format string references, in order (those nested in format specs right after
// their field).
struct FormatSummary {
  size_t autos = 0;                       // `{}` fields: they take arguments 0, 1, ...
  std::vector<uint64_t> indices;          // `{0}` fields
  std::vector<std::string> keywords;      // `{name}` fields (UTF-8), repeats included
  bool has_nested_parts = false;          // a field in a format spec (`{:{width}}`)

  void clear() {
    autos = 0;
    indices.clear();
    keywords.clear();
    has_nested_parts = false;
    index_set_.clear();
    keyword_set_.clear();
  }
  bool has_index(uint64_t i) const { return index_set_.count(i) != 0; }
  bool has_keyword(std::string_view k) const { return keyword_set_.count(std::string(k)) != 0; }
  void add_index(uint64_t i) {
    indices.push_back(i);
    index_set_.insert(i);
  }
  void add_keyword(std::string k) {
    keyword_set_.insert(k);
    keywords.push_back(std::move(k));
  }

 private:
  // The same, for lookups in constant time.
  std::unordered_set<uint64_t> index_set_;
  std::unordered_set<std::string> keyword_set_;
};

namespace detail {

// A replacement field of a format string: its name and its format spec, as ranges of the text.
struct FormatField {
  size_t name_begin, name_end;
  size_t spec_begin, spec_end;
};

// Splits the text between a field's braces into name, conversion and spec.
inline FormatError split_field(std::u32string_view s, size_t begin, size_t end, FormatField& f) {
  size_t colon = end;
  for (size_t i = begin; i < end; ++i) {
    if (s[i] == ':') {
      colon = i;
      break;
    }
  }
  f.spec_begin = colon < end ? colon + 1 : end;
  f.spec_end = end;
  size_t bang = colon;
  for (size_t i = begin; i < colon; ++i) {
    if (s[i] == '!') {
      bang = i;
      break;
    }
  }
  // A conversion is exactly one character.
  if (bang < colon && colon - bang - 1 != 1) return FormatError::kUnknownConversion;
  f.name_begin = begin;
  f.name_end = bang;
  return FormatError::kNone;
}

// Parses s[begin, end) into its replacement fields.
inline FormatError parse_fields(std::u32string_view s, size_t begin, size_t end, std::vector<FormatField>& fields) {
  size_t i = begin;
  while (i < end) {
    const char32_t c = s[i];
    if (c != '{' && c != '}') {
      ++i;
      continue;
    }
    if (i + 1 < end && s[i + 1] == c) {  // `{{` or `}}`
      i += 2;
      continue;
    }
    if (c == '}') return FormatError::kMissingStartBracket;
    // A field: up to the first `}` outside one level of nested braces.
    bool nested = false;
    size_t j = i + 1;
    for (;; ++j) {
      if (j >= end) return FormatError::kUnmatchedBracket;
      if (s[j] == '{') {
        if (nested) return FormatError::kPlaceholderRecursionExceeded;
        nested = true;
      } else if (s[j] == '}') {
        if (!nested) break;
        nested = false;
      }
    }
    FormatField f;
    if (auto e = split_field(s, i + 1, j, f); e != FormatError::kNone) return e;
    fields.push_back(f);
    i = j + 1;
  }
  return FormatError::kNone;
}

enum class FieldKind : uint8_t { kAuto, kIndex, kKeyword };

// Parses a field name (`0`, `name.attr[key]`, ...): what its first part refers to.
inline FormatError parse_field_name(std::u32string_view name, FieldKind& kind_out, uint64_t& index,
                                    std::u32string_view& keyword) {
  size_t i = 0;
  const size_t n = name.size();
  while (i < n && name[i] != '.' && name[i] != '[') ++i;
  const std::u32string_view first = name.substr(0, i);
  if (first.empty()) {
    kind_out = FieldKind::kAuto;
  } else {
    bool digits = true;
    uint64_t v = 0;
    for (char32_t c : first) {
      if (c < '0' || c > '9') {
        digits = false;
        break;
      }
      const uint64_t d = c - '0';
      if (v > (UINT64_MAX - d) / 10) {
        digits = false;  // does not fit a usize: a keyword
        break;
      }
      v = v * 10 + d;
    }
    if (digits) {
      kind_out = FieldKind::kIndex;
      index = v;
    } else {
      kind_out = FieldKind::kKeyword;
      keyword = first;
    }
  }
  while (i < n) {
    const char32_t c = name[i++];
    if (c == '.') {
      const size_t start = i;
      while (i < n && name[i] != '.' && name[i] != '[') ++i;
      if (i == start) return FormatError::kEmptyAttribute;
    } else if (c == '[') {
      const size_t start = i;
      while (i < n && name[i] != ']') ++i;
      if (i >= n) return FormatError::kMissingRightBracket;
      if (i == start) return FormatError::kEmptyAttribute;
      ++i;
    } else {
      return FormatError::kInvalidCharacterAfterRightBracket;
    }
  }
  return FormatError::kNone;
}

inline FormatError add_field(std::u32string_view s, const FormatField& f, FormatSummary& summary) {
  FieldKind k = FieldKind::kAuto;
  uint64_t index = 0;
  std::u32string_view keyword;
  if (auto e = parse_field_name(s.substr(f.name_begin, f.name_end - f.name_begin), k, index, keyword);
      e != FormatError::kNone) {
    return e;
  }
  switch (k) {
    case FieldKind::kAuto: ++summary.autos; break;
    case FieldKind::kIndex: summary.add_index(index); break;
    case FieldKind::kKeyword: summary.add_keyword(to_utf8(keyword)); break;
  }
  return FormatError::kNone;
}

}  // namespace detail

// Parses a `str.format` template and summarizes the fields it references.
class FormatParser {
 public:
  FormatError parse(std::u32string_view s, FormatSummary& summary) {
    summary.clear();
    fields_.clear();
    if (auto e = detail::parse_fields(s, 0, s.size(), fields_); e != FormatError::kNone) return e;
    for (const detail::FormatField& f : fields_) {
      if (auto e = detail::add_field(s, f, summary); e != FormatError::kNone) return e;
      nested_.clear();
      if (auto e = detail::parse_fields(s, f.spec_begin, f.spec_end, nested_); e != FormatError::kNone) return e;
      for (const detail::FormatField& g : nested_) {
        if (auto e = detail::add_field(s, g, summary); e != FormatError::kNone) return e;
        summary.has_nested_parts = true;
      }
    }
    return FormatError::kNone;
  }

 private:
  std::vector<detail::FormatField> fields_;
  std::vector<detail::FormatField> nested_;
};

// The arguments of a call, as Ruff splits them.
struct CallArguments {
  size_t positional = 0;               // positional arguments, `*x` included
  std::vector<bool> starred;           // per positional argument: whether it is `*x`
  std::vector<std::string_view> keywords;  // names of `name=value` arguments, in order
  bool any_starred = false;
  bool double_starred = false;         // a `**x` argument

  void clear() {
    positional = 0;
    starred.clear();
    keywords.clear();
    keyword_set.clear();
    any_starred = false;
    double_starred = false;
  }
  bool has_keyword(std::string_view name) const { return keyword_set.count(name) != 0; }

  std::unordered_set<std::string_view> keyword_set;  // `keywords`, for lookups in constant time
};

inline void collect_arguments(TSNode args, std::string_view source, CallArguments& out) {
  out.clear();
  if (is(args, "generator_expression")) {  // f(x for x in y)
    out.positional = 1;
    out.starred.push_back(false);
    return;
  }
  for (TSNode c : children(args)) {
    if (!ts_node_is_named(c) || ts_node_is_extra(c)) continue;
    const std::string_view k = kind(c);
    if (k == "keyword_argument") {
      const TSNode name = field(c, "name");
      if (ts_node_is_null(name)) continue;
      const uint32_t s = ts_node_start_byte(name);
      out.keywords.push_back(source.substr(s, ts_node_end_byte(name) - s));
      out.keyword_set.insert(out.keywords.back());
    } else if (k == "dictionary_splat") {
      out.double_starred = true;
    } else {
      const bool star = k == "list_splat";
      ++out.positional;
      out.starred.push_back(star);
      out.any_starred = out.any_starred || star;
    }
  }
}

// Everything the F52x rules need about one `"...".format(...)` call.
struct FormatCall {
  FormatError error = FormatError::kNone;
  FormatSummary summary;
  CallArguments args;
  std::u32string text;
  FormatParser parser;

  // The instance the F52x rules of this thread share (see SharedNodeKey).
  static FormatCall& shared() {
    thread_local FormatCall call;
    return call;
  }

  // Parses `call` if it is `.format` called on a string literal; at once if it was the last
  // call parsed.
  bool load(TSNode call, const Context& ctx) {
    if (key.changed(ctx, call)) loaded = parse(call, ctx.source());
    return loaded;
  }

 private:
  SharedNodeKey key;
  bool loaded = false;

  bool parse(TSNode call, std::string_view source) {
    // Calls are frequent: first a cheap look at how the callee ends (`.format`, or a parenthesis).
    TSNode function = ts_node_child(call, 0);
    if (ts_node_is_null(function)) return false;
    const uint32_t end = ts_node_end_byte(function);
    if (end < 6 || end > source.size()) return false;
    if (source[end - 1] == ')') {
      if (!is(function, "parenthesized_expression")) return false;
      function = unparenthesized(function);
    } else if (source.compare(end - 6, 6, "format") != 0) {
      return false;
    }
    if (ts_node_is_null(function) || !is(function, "attribute")) return false;
    const TSNode attribute = field(function, "attribute");
    if (ts_node_is_null(attribute)) return false;
    const uint32_t a = ts_node_start_byte(attribute);
    if (source.substr(a, ts_node_end_byte(attribute) - a) != "format") return false;
    const TSNode object = unparenthesized(field(function, "object"));
    if (ts_node_is_null(object)) return false;
    const std::string_view k = kind(object);
    if (k != "string" && k != "concatenated_string") return false;
    if (!is_str_literal(object, source)) return false;
    const TSNode arguments = field(call, "arguments");
    if (ts_node_is_null(arguments)) return false;
    text.clear();
    if (!decode_str_literal(object, source, text)) return false;
    error = parser.parse(text, summary);
    collect_arguments(arguments, source, args);
    return true;
  }
};

}  // namespace lint::rules::pyfmt
