// Edits that many rules' fixes are made of: deleting a statement, removing names from an import,
// arguments from a call, items from a collection, re-indenting a block. Each makes the same
// edit Ruff makes for the same job (its fix/edits.rs and its libcst codemods), so that a rule
// built on them fixes a file byte for byte as Ruff does.
//
// Offsets are bytes into ctx.source(); text copied into an edit comes from ctx.original() (see
// engine/rule.h). Nodes are tree-sitter nodes of the file being linted. Where Ruff's AST range
// of an expression excludes its parentheses and tree-sitter wraps them in a
// `parenthesized_expression`, the helpers say which of the two they take.
#pragma once

#include <tree_sitter/api.h>

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "fix/fix.h"

namespace lint {
class Context;
}

namespace lint::edits {

// ---------------------------------------------------------------------------------------------
// Lines and trivia. `\n`, `\r\n` and a lone `\r` all end a line.

// Python's whitespace between tokens: space, tab and form feed.
inline bool is_python_whitespace(char c) { return c == ' ' || c == '\t' || c == '\f'; }
// The offset where the line holding `offset` starts.
uint32_t line_start(std::string_view text, uint32_t offset);
// The offset of the line break ending the line holding `offset` (the text's end on the last line).
uint32_t line_end(std::string_view text, uint32_t offset);
// The offset just after that line break.
uint32_t full_line_end(std::string_view text, uint32_t offset);
// Whether anything but spaces, tabs and form feeds precedes `offset` on its line.
bool has_leading_content(std::string_view text, uint32_t offset);
// Whether code (not a comment, not only whitespace) follows `offset` on its line.
bool has_trailing_content(std::string_view text, uint32_t offset);
// The first offset at or after `offset` that is not whitespace, a line break, a backslash
// continuation or a comment: where the next token starts.
uint32_t skip_trivia(std::string_view text, uint32_t offset);
// Whether the backslash at `offset` continues a line (it is not inside a string or a comment).
bool is_line_continuation(const Context& ctx, uint32_t offset);
// Ruff's Indexer::preceded_by_continuations: when only whitespace precedes `offset` on its line
// and the line before ends with a continuation backslash, the first backslash of that run of
// continued lines.
std::optional<uint32_t> preceded_by_continuations(const Context& ctx, uint32_t offset);
// Ruff's Indexer::in_multi_statement_line for the statement [start, end): code before it on its
// line (or on a line it continues), or code after it.
bool in_multi_statement_line(const Context& ctx, uint32_t start, uint32_t end);
// Whether a comment lies wholly inside [start, end) (Ruff's comment ranges in that range; a fix
// that would drop one is unsafe). Only the subtree of `within`, which must cover the range, is
// searched.
bool contains_comment(TSNode within, uint32_t start, uint32_t end);

// ---------------------------------------------------------------------------------------------
// Statements.

// A statement as Ruff's AST sees it: a definition with its decorators is one statement (the
// `decorated_definition`), whichever of the two nodes is given.
TSNode statement_of(TSNode node);
// Where a statement ends as Ruff's AST ranges it: at its last token that is not a comment. A
// compound statement's tree-sitter node also spans the comments that trail its last block.
uint32_t statement_end(TSNode stmt);
// The innermost statement holding `node` (itself if it is one); null outside any statement.
TSNode enclosing_statement(TSNode node);
// The compound statement (if, for, while, try, with, def, class, match) whose body, or one of
// whose clauses, holds `stmt`; null for a statement of the module itself.
TSNode parent_statement(TSNode stmt);
// Ruff's isolation of fixes that delete statements: fixes with the same non-zero group are
// applied one per round (deleting every statement of a body one by one would empty it, where
// each alone is replaced by `pass`). The group is that of `stmt`'s parent statement; 0 (no
// isolation) at module level. Every rule uses this numbering, so their fixes isolate together.
uint32_t isolation_group(TSNode stmt);
// Whether `stmt` is the only statement of a body (or clause) of its parent statement.
bool is_lone_child(TSNode stmt);

// Deletes a statement (up to statement_end) as Ruff's delete_stmt does:
// - the only statement of a body becomes `pass`;
// - followed by `;` (on its line or after backslash continuations): deleted up to the next
//   statement on the line, so `import os; x = 1` keeps `x = 1`;
// - preceded by other code on its line (`x = 1; import os`): only the statement's own text;
// - its line continues an earlier one with `\`: from that backslash to the statement's end;
// - otherwise every line it spans, line breaks included.
Edit delete_statement(const Context& ctx, TSNode stmt);

// ---------------------------------------------------------------------------------------------
// Imports.

// The name an import alias imports, as Ruff compares it: the dotted name without the spaces,
// comments or continuations the source may put between its parts (`a . b` is "a.b"). `alias`
// is a `dotted_name` or an `aliased_import` (whose `as` part is ignored).
std::string import_member_name(const Context& ctx, TSNode alias);

// The text of an `import` / `from ... import` statement once the members named are removed, as
// Ruff's libcst codemod writes it: each name listed removes the first alias that imports it
// (`import_member_name`); what remains keeps its parentheses, commas, comments and layout,
// except that the new last alias takes the trailing comma (or none) of the old last one unless
// a comment follows its own comma. nullopt when no alias would remain (delete the statement
// instead) or when the statement is not an import. `from m import *` loses its only member
// when "*" is named.
std::optional<std::string> remove_import_members(const Context& ctx, TSNode stmt,
                                                 const std::vector<std::string>& members);

// Ruff's remove_unused_imports: the statement rewritten without the members, or deleted
// (delete_statement) when none would remain.
Edit remove_unused_imports(const Context& ctx, TSNode stmt, const std::vector<std::string>& members);

// Makes imports explicit re-exports: `import a` becomes `import a as a` for each member named
// that is imported without an alias (Ruff's make_redundant_alias).
std::vector<Edit> make_redundant_alias(const Context& ctx, TSNode stmt, const std::vector<std::string>& members);

// ---------------------------------------------------------------------------------------------
// Comma-separated lists edited as libcst edits them (Ruff's codemods re-print the node that way).
// An element owns its text and, when a comma follows it, the comma with the whitespace and
// comments around it up to the next element; how the last element and a trailing comma share
// the space before the closing bracket differs between calls and other brackets (see below).

// A call's source text without the arguments at `indexes` (source-order positions among all
// its arguments, keywords and `*`/`**` ones included). In a call the last argument owns the
// space up to `)`: `f(a, b )` without b is `f(a, )`, as libcst prints it. The edit replaces the
// whole call; nullopt when the call has no argument list (`f(x for x in y)`).
std::optional<Edit> remove_call_arguments(const Context& ctx, TSNode call, const std::vector<size_t>& indexes);

// A dictionary, list, set or tuple display without the elements at `indexes` (source order; a
// `**mapping` or `*iterable` counts as one). Here the closing bracket owns the space before it:
// `{"a": 1, "b": 2, }` without "b" is `{"a": 1,  }`, as libcst prints it. The edit replaces the
// whole display.
std::optional<Edit> remove_collection_elements(const Context& ctx, TSNode collection,
                                               const std::vector<size_t>& indexes);

// ---------------------------------------------------------------------------------------------
// Comma-separated lists edited token by token (Ruff's edits.rs), leaving the rest untouched.

enum class Parentheses {
  Remove,    // removing the only argument removes the parentheses too: `class A():` -> `class A:`
  Preserve,  // ... or leaves `()`
};

// Removes one argument (`argument` is a child of the `argument_list` `arguments`): up to the
// next argument when one follows, else from the comma before it; the only argument takes the
// parentheses with it or leaves `()` as asked. nullopt if the commas cannot be found.
std::optional<Edit> remove_argument(const Context& ctx, TSNode arguments, TSNode argument, Parentheses parentheses);

// Removes `elements[index]` from a sequence (set, list, tuple, `__all__`...): up to the next
// element, or from the previous comma when it is the last, or just itself when it is alone.
// Ranges exclude the elements' own parentheses, as Ruff's remove_member does.
std::optional<Edit> remove_member(const Context& ctx, const std::vector<TSNode>& elements, size_t index);

// ---------------------------------------------------------------------------------------------
// Indentation and padding.

// Re-indents the block of whole lines [start, end) (from the start of its first line) so that
// its first line is indented by `indentation`, as Ruff's adjust_indentation does: a textual dedent
// that keeps the relative indentation of the other lines, or, where the block holds a
// triple-quoted string or an f-string, mixes tabs and spaces in one line's indentation, or is
// indented less than `indentation`, the re-indentation libcst makes (the lines of strings and of
// backslash continuations, and lines indented less than their block, keep their text).
std::optional<std::string> adjust_indentation(const Context& ctx, uint32_t start, uint32_t end,
                                              std::string_view indentation);

// `content` with a space before it if it replaces text right after a letter (`except(A,)` ->
// `except A`), after it if a letter follows the replaced range, or both (Ruff's pad_start,
// pad_end, pad).
std::string pad_start(std::string content, uint32_t start, const Context& ctx);
std::string pad_end(std::string content, uint32_t end, const Context& ctx);
std::string pad(std::string content, uint32_t start, uint32_t end, const Context& ctx);

// ---------------------------------------------------------------------------------------------
// Deciding how safe a fix is.

// The outermost `parenthesized_expression` wrapping `expr` (itself when it has no parentheses
// of its own): Ruff's parenthesized_range.
TSNode parenthesized(TSNode expr);

// Whether evaluating `expr` may do something beyond computing a value (Ruff's contains_effect):
// calls (except `list()`, `dict()`, `set()`, `tuple()`, `frozenset()` of the builtins),
// subscripts, comprehensions, generators, `await`, `yield`, `:=`, and binary operators other
// than between literals, anywhere inside it (lambda bodies included). `is_builtin(name)` says
// whether a name still means the builtin.
bool contains_effect(const Context& ctx, TSNode expr, const std::function<bool(std::string_view)>& is_builtin);

// Whether `name` is a builtin the module does not rebind: the `is_builtin` to pass above from a
// rule that has the semantic model (without one, any builtin name counts).
bool is_unshadowed_builtin(const Context& ctx, std::string_view name);

}  // namespace lint::edits
