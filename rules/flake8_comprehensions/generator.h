// Expressions written anew as Ruff's code generator (ruff_python_codegen) writes them: the
// tree's structure, not its spelling. Parentheses are those precedence needs, operators take
// one space on each side, each string literal keeps its own quote unless its content holds that
// quote and not the other, escape sequences are written the way Python's repr() writes them,
// numbers by their value (`0x10` is `16`, `1_000` is `1000`, `1.50` is `1.5`).
//
// Several rules show or insert code this way (PIE796's message, PIE810's and C400's fixes).
#pragma once

#include <tree_sitter/api.h>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "engine/rule.h"

namespace lint::rules::codegen {

// `expr` as Ruff's generator writes it (at the outermost level: a tuple without parentheses),
// or nothing when it holds what the generator does not write (or nests too deeply).
std::optional<std::string> expression(TSNode expr, const Context& ctx);

// The same, written where an operand binding at least as tightly as `level` is expected
// (parenthesized when it binds more loosely), for callers that compose code around it.
std::optional<std::string> expression(TSNode expr, const Context& ctx, int level);

// A call written anew with some of its arguments (nodes of its argument list) left out, as
// Ruff's generator writes a call a fix has taken arguments from (FURB105's).
std::optional<std::string> call_without_arguments(TSNode call, const std::vector<TSNode>& dropped, const Context& ctx);

// A string literal Ruff's generator writes for a new value with the flags of an existing
// literal `like` (its source text): its `u` or raw prefix, its quote (the other one when the
// value holds it and not the other; a raw string keeps its quote and its value as is), and
// triple quotes when asked (FLY002's joined literals).
std::string string_literal_like(std::string_view value, std::string_view like, bool triple);

// An f-string written anew, quoted with `quote`, from literal pieces (braces doubled, escaped)
// and expressions (`{expr}`), as Ruff's generator writes one a fix builds (FLY002's).
struct FStringPiece {
  std::string literal;
  TSNode expr{};  // when not null, the piece is `{expr}`
};
std::optional<std::string> fstring(const std::vector<FStringPiece>& pieces, char quote, const Context& ctx);

// Levels callers compose with (Ruff's generator's precedences).
inline constexpr int kOrOperand = 32;    // an operand of `or`
inline constexpr int kAndOperand = 34;   // an operand of `and`
inline constexpr int kNotOperand = 35;   // the operand of `not`
inline constexpr int kCmpOperand = 38;   // an operand of a comparison
inline constexpr int kTupleElement = 21;  // an element of a tuple or a call's argument
inline constexpr int kAtom = 63;          // the object of an attribute, a called function
inline constexpr int kReturnValue = 11;   // the value of a `return` statement

}  // namespace lint::rules::codegen
