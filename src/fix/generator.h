// Python source written anew from a syntax tree, as Ruff's code generator (ruff_python_codegen)
// writes it, for fixes and messages that show code Ruff rebuilds instead of copying.
//
// What the generator does, and so what this does: an expression is written from its parts, so
// spacing is normalized (`f( a,b )` is `f(a, b)`), parentheses appear exactly where precedence
// needs them (`(a + b) * c`, never around a plain name), numbers are written by value (`0x10` is
// `16`, `1_000` is `1000`, `1.50` is `1.5`, `1e16` is `1e+16`; an integer too large for 64 bits
// stays as written), a string keeps its prefix and its quote unless its value holds that quote
// and not the other, with escapes written as repr() writes them (`'\x41'` is `'A'`), and an
// f-string is rebuilt piece by piece.
//
// Some nodes cannot be written: kinds this file does not know, `\N{...}` escapes (the name table
// is not at hand), t-strings, nesting deeper than a fixed limit. `expression()` then gives
// nothing (a fix that cannot be built is left out); a `Generator` made with `Unwritable::Copy`
// copies such a node's source text instead (for messages and fixes where Ruff's output and the
// source text agree on what is met in practice).
#pragma once

#include <tree_sitter/api.h>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "engine/rule.h"

namespace lint::codegen {

// Binding strength, as Ruff's generator ranks it: an expression is parenthesized where the
// context asks for a higher level than its own.
namespace level {
inline constexpr int kMin = 0, kNamedExpr = 1, kAssign = 3, kYield = 7, kSlice = 13, kSubscript = 13,
                     kComprehensionTarget = 19, kTuple = 19, kFormattedValue = 19, kComma = 21,
                     kComprehensionElement = 27, kLambda = 27, kIfExp = 27, kComprehension = 29, kOr = 31, kAnd = 33,
                     kNot = 35, kCmp = 37, kBitOr = 39, kBitXor = 41, kBitAnd = 43, kShift = 45, kArith = 47,
                     kTerm = 49, kUnary = 53, kPow = 55, kAwait = 57, kMax = 63;
}  // namespace level

// Levels callers compose code around.
inline constexpr int kOrOperand = level::kOr + 1;       // an operand of `or`
inline constexpr int kAndOperand = level::kAnd + 1;     // an operand of `and`
inline constexpr int kNotOperand = level::kNot;         // the operand of `not`
inline constexpr int kCmpOperand = level::kCmp + 1;     // an operand of a comparison
inline constexpr int kTupleElement = level::kComma;     // an element of a tuple or a call's argument
inline constexpr int kAtom = level::kMax;               // the object of an attribute, a called function
inline constexpr int kReturnValue = 11;                 // the value of a `return` statement

class Generator {
 public:
  // What to do with a node that cannot be written (see above).
  enum class Unwritable { Fail, Copy };

  explicit Generator(const Context& ctx, Unwritable unwritable = Unwritable::Copy)
      : ctx_(ctx), copy_(unwritable == Unwritable::Copy) {}

  // Appends `n` as written where binding `at_level` is expected. False when something could not
  // be written and the generator fails on that (`out` then holds part of the text).
  bool expr(TSNode n, int at_level, std::string& out);
  std::string expr(TSNode n, int at_level = level::kMin) {
    std::string out;
    expr(n, at_level, out);
    return out;
  }

  // Appends the parameters of a `lambda` (its lambda_parameters node), `a, b=1, *args, **kw`;
  // the first positional parameters get the annotations in `annotations` (in order; fewer is
  // fine), written `a: int=1` as Ruff writes an annotated parameter with a default.
  bool parameters(TSNode params, const std::vector<TSNode>& annotations, std::string& out);

  // `call` written with some of its arguments (nodes of its argument list) left out, as Ruff
  // writes a call a fix has taken arguments from.
  bool call_without_arguments(TSNode call, const std::vector<TSNode>& dropped, std::string& out);

  // `object.name = value`, the assignment statement.
  std::string attribute_assignment(TSNode object, std::string_view name, TSNode value);

  // A parenthesized tuple of `items`, as Ruff writes one a fix builds.
  std::string parenthesized_tuple(const std::vector<TSNode>& items);

 private:
  const Context& ctx_;
  bool copy_;
};

// `expr` written where binding `at_level` is expected (at the outermost level a tuple has no
// parentheses), or nothing when it holds something that cannot be written.
std::optional<std::string> expression(TSNode expr, const Context& ctx, int at_level = level::kMin);

// A call written with some of its arguments left out (FURB105's fix), or nothing.
std::optional<std::string> call_without_arguments(TSNode call, const std::vector<TSNode>& dropped, const Context& ctx);

// A string literal for a new value with the flags of an existing literal `like` (its source
// text): its `u` or raw prefix, its quote (the other one when the value holds it and not the
// other; a raw string keeps its quote and its value as is), and triple quotes when asked
// (FLY002's joined literals).
std::string string_literal_like(std::string_view value, std::string_view like, bool triple);

// An f-string written anew, quoted with `quote`, from literal pieces (braces doubled, escaped)
// and expressions (`{expr}`), as Ruff writes one a fix builds (FLY002's).
struct FStringPiece {
  std::string literal;
  TSNode expr{};  // when not null, the piece is `{expr}`
};
std::optional<std::string> fstring(const std::vector<FStringPiece>& pieces, char quote, const Context& ctx);

}  // namespace lint::codegen
