// Parameter lists, statements and literals that tree-sitter-python accepts but
// Python (and Ruff's parser) refuse: `def f(a=1, b)`, `from m import a,`,
// `raise from e`, `b"é"`, `"a" b"b"`... Checked during the one walk on the node kinds named in
// mark_statement_syntax(), from Python3Syntax.
#pragma once

#include <tree_sitter/api.h>

#include <cstdint>
#include <string_view>
#include <vector>

#include "syntax/syntax.h"

namespace lint {

// Sets `flag` in `interested` (indexed by symbol) for the node kinds check_statement_syntax()
// reads.
void mark_statement_syntax(std::vector<uint8_t>& interested, uint8_t flag);

// Appends the errors at `n` (whose symbol is `s`), worded and placed as Ruff 0.17.3's parser
// reports them; does nothing for a kind it does not check.
void check_statement_syntax(TSNode n, TSSymbol s, std::string_view source, std::vector<SyntaxError>& out);

// A bytes literal holds ASCII characters only: appends the error at the first other character.
// `opening` is the literal's `string_start` token (`b"`, `rb'''`); Python3Syntax, which reads
// every string's prefix, calls this for those with a `b`.
void check_bytes_literal(TSNode opening, std::string_view source, std::vector<SyntaxError>& out);

}  // namespace lint
