// A call's arguments (or a class's bases) as Ruff's `Arguments` holds them: positional ones,
// `*x` included, and keywords, `**x` included, each in source order. `f(x for x in y)` has one
// positional argument, the generator, which tree-sitter makes the call's `arguments` itself.
#pragma once

#include <tree_sitter/api.h>

#include <cstddef>
#include <string_view>
#include <vector>

namespace lint {

class Context;

struct Arguments {
  TSNode list{};                 // the `argument_list`, the bare `generator_expression`, or null
  std::vector<TSNode> args;      // positional, `list_splat` included, parentheses kept
  std::vector<TSNode> keywords;  // `keyword_argument` and `dictionary_splat` nodes
  std::vector<TSNode> all;       // every argument in source order
  bool bare_generator = false;   // `f(x for x in y)`

  bool empty() const { return all.empty(); }
  // The `name=value` argument (Ruff's find_keyword), or null.
  TSNode keyword(const Context& ctx, std::string_view name) const;
  // The value of keyword `name`, or null.
  TSNode keyword_value(std::string_view name, const Context& ctx) const;
  // Ruff's find_positional: the positional argument at `position`, unless a `*x` comes first.
  TSNode positional(size_t position) const;
  // Ruff's find_argument_value: keyword `name`, else the positional argument at `position`.
  TSNode argument(std::string_view name, size_t position, const Context& ctx) const;
};

// The arguments of an `argument_list` (or of the generator of `f(x for x in y)`).
Arguments arguments_of(TSNode list);
void load_arguments(TSNode list, Arguments& out);

// A call's function (without parentheses) and its arguments.
struct CallArguments : Arguments {
  TSNode call{};
  TSNode function{};
};

// The arguments of a call, worked out once per call node for all the rules of this thread that
// look at it. Valid until the next call of this function.
const CallArguments& call_arguments(TSNode call, const Context& ctx);
void load_call_arguments(TSNode call, const Context& ctx, CallArguments& out);

// What a call calls, without parentheses: `f` in `(f)(x)`; worked out once per call node.
TSNode callee(TSNode call, const Context& ctx);

// The last name of what a call calls: `strip` in `x.strip()`, `list` in `list(...)`,
// `builtins.list(...)` and `(list)(...)`; empty for anything else. Read cheaply during the walk
// (no vectors): what rules screen calls by.
std::string_view callee_name(TSNode call, const Context& ctx);

// The `name=value` argument of an argument list, without building Arguments (calls are frequent:
// rules screen them with this); null for anything else.
TSNode find_keyword(TSNode list, const Context& ctx, std::string_view name);

// The name of a `keyword_argument` (null for a `**x`), and the value of either.
TSNode keyword_name(TSNode keyword);
TSNode keyword_value(TSNode keyword);

}  // namespace lint
