// Parameter lists, call arguments, statements and literals that tree-sitter-python accepts but
// Python (and Ruff's parser) refuse: `def f(a=1, b)`, `f(**k, x)`, `from m import a,`,
// `raise from e`, `b"é"`, `"a" b"b"`... Checked during the one walk on the node kinds named in
// mark_statement_syntax(), from Python3Syntax.
#pragma once

#include <tree_sitter/api.h>

#include <string_view>
#include <vector>

#include "syntax/syntax.h"

namespace lint {

// Marks the node kinds check_statement_syntax() reads in `interested` (indexed by symbol).
void mark_statement_syntax(std::vector<bool>& interested);

// Appends the errors at `n` (whose symbol is `s`), worded and placed as Ruff 0.17.3's parser
// reports them; does nothing for a kind it does not check.
void check_statement_syntax(TSNode n, TSSymbol s, std::string_view source, std::vector<SyntaxError>& out);

}  // namespace lint
