// Python source written anew from a syntax tree, as Ruff's code generator writes it, for fixes
// that build code instead of copying it (E731's `def` line: its parameters, their defaults and
// the annotations taken from a `Callable[...]`).
//
// What Ruff's generator does, and so what this does: an expression is written from its parts,
// not copied, so spacing is normalized (`f( a,b )` is `f(a, b)`), parentheses appear exactly
// where precedence needs them (`(a + b) * c`, and never around a plain name), numbers are
// written by value (`0x10` is `16`, `1_000` is `1000`, `1e16` is `1e+16`), and a string keeps its
// prefix and its quotes but has its value escaped again (`'\x41'` is `'A'`).
//
// Not written anew (their source text is copied instead): f-strings, strings holding `\N{...}`,
// and any node kind this file does not know. Ruff rebuilds those too; they are not seen in
// lambda defaults or Callable annotations in practice.
#pragma once

#include <tree_sitter/api.h>

#include <cstdint>
#include <string>
#include <vector>

#include "engine/rule.h"

namespace lint::rules::codegen {

// Binding strength, as Ruff's generator ranks it: an expression is parenthesized when the
// context asks for a higher level than its own.
namespace level {
inline constexpr uint8_t kMin = 0, kNamedExpr = 1, kYield = 7, kSlice = 13, kSubscript = 13,
                         kComprehensionTarget = 19, kTuple = 19, kComma = 21, kComprehensionElement = 27,
                         kLambda = 27, kIfExp = 27, kComprehension = 29, kOr = 31, kAnd = 33, kNot = 35,
                         kCmp = 37, kBitOr = 39, kBitXor = 41, kBitAnd = 43, kShift = 45, kArith = 47,
                         kTerm = 49, kUnary = 53, kPow = 55, kAwait = 57, kMax = 63;
}  // namespace level

class Generator {
 public:
  explicit Generator(const Context& ctx) : ctx_(ctx) {}

  // Appends expression `n` as it would appear where the context asks for binding `at_level`.
  void expr(TSNode n, uint8_t at_level, std::string& out) const;
  std::string expr(TSNode n, uint8_t at_level) const {
    std::string out;
    expr(n, at_level, out);
    return out;
  }

  // Appends the parameters of a `lambda` (its lambda_parameters node), `a, b=1, *args, **kw`;
  // the first positional parameters get the annotations in `annotations` (in order; fewer is
  // fine), written `a: int=1` as Ruff writes an annotated parameter with a default.
  void parameters(TSNode params, const std::vector<TSNode>& annotations, std::string& out) const;

 private:
  void string_part(TSNode part, std::string& out) const;
  void items(TSNode n, std::string& out) const;  // `a, b, *c` of a list, set or tuple
  void comprehension(TSNode n, std::string& out) const;
  void call(TSNode n, std::string& out) const;
  void subscript(TSNode n, std::string& out) const;
  void slice(TSNode n, std::string& out) const;

  const Context& ctx_;
};

// A Python integer literal (any base, underscores allowed) in decimal, as Ruff prints its value.
std::string int_literal(std::string_view text);
// A float as Python's repr() writes it: `1.0`, `0.001`, `1e+16`, `1.5e-07`; `1e309` for infinity.
std::string float_repr(double value);

}  // namespace lint::rules::codegen
