// The exception classes a `try` statement's handlers name more than once, within one handler's
// tuple (B014) or across handlers (B025): worked out once per `try` for both rules.
#pragma once

#include <algorithm>
#include <string>
#include <vector>

#include "flake8_bugbear/helpers.h"

namespace lint::rules::bugbear {

struct DuplicateExceptions {
  // A handler's tuple naming a class twice (B014).
  struct InTuple {
    TSNode tuple;
    std::vector<std::string> names;  // sorted
    std::vector<TSNode> unique;      // the named classes without repeats, in order
  };
  // A class named again by a later handler (B025).
  struct Repeat {
    std::string name;
    TSNode expr;
  };
  std::vector<InTuple> in_tuples;
  std::vector<Repeat> repeats;
  bool star = false;  // an `except*` try
};

namespace detail {

inline void find_duplicate_exceptions(TSNode try_stmt, const Context& ctx, DuplicateExceptions& out) {
  out.in_tuples.clear();
  out.repeats.clear();
  out.star = false;
  std::vector<std::string> seen;
  auto was_seen = [&](const std::string& name) { return std::find(seen.begin(), seen.end(), name) != seen.end(); };
  for_each_named_child(try_stmt, [&](TSNode handler) {
    if (!is_handler(handler)) return;
    out.star = out.star || is_star_handler(handler);
    const TSNode type = unparenthesized(handler_type(handler));
    const std::string_view k = kind_of(type);
    std::string name;
    if (k == "identifier" || k == "attribute") {
      if (!unqualified_name(type, ctx, name)) return;
      if (was_seen(name)) out.repeats.push_back({name, type});
      else seen.push_back(name);
    } else if (k == "tuple") {
      // Names within the tuple: the first occurrence of each, and which repeat.
      std::vector<std::pair<std::string, TSNode>> firsts;
      DuplicateExceptions::InTuple in_tuple{type, {}, {}};
      for_each_named_child(type, [&](TSNode element) {
        std::string n;
        if (!unqualified_name(element, ctx, n)) return;
        const bool repeated = std::any_of(firsts.begin(), firsts.end(), [&](const auto& f) { return f.first == n; });
        if (repeated) {
          if (std::find(in_tuple.names.begin(), in_tuple.names.end(), n) == in_tuple.names.end()) in_tuple.names.push_back(n);
        } else {
          firsts.emplace_back(n, unparenthesized(element));
          in_tuple.unique.push_back(element);
        }
      });
      if (!in_tuple.names.empty()) {
        std::sort(in_tuple.names.begin(), in_tuple.names.end());
        out.in_tuples.push_back(std::move(in_tuple));
      }
      for (const auto& [n, element] : firsts) {
        if (was_seen(n)) out.repeats.push_back({n, element});
        else seen.push_back(n);
      }
    }
  });
}

}  // namespace detail

inline const DuplicateExceptions& duplicate_exceptions(TSNode try_stmt, const Context& ctx) {
  static thread_local SharedNodeKey key;
  static thread_local DuplicateExceptions value;
  if (key.changed(ctx, try_stmt)) detail::find_duplicate_exceptions(try_stmt, ctx, value);
  return value;
}

}  // namespace lint::rules::bugbear
