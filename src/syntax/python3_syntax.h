// Python 3 syntax that tree-sitter-python accepts but Python (and Ruff) reject: mostly Python 2
// leftovers. Checked during the one walk, on the few node kinds that can hold them.
#pragma once

#include <tree_sitter/api.h>

#include <cstdint>
#include <optional>
#include <span>
#include <string_view>
#include <utility>
#include <vector>

#include "syntax/semantic_syntax.h"
#include "syntax/syntax.h"

namespace lint {

class Python3Syntax {
 public:
  // A copy of one built at first use: each file's rules build their own, and looking the
  // symbols up by name costs more than the checks on a small file.
  Python3Syntax();
  bool interested(TSSymbol s) const { return s < interested_.size() && interested_[s]; }
  // Appends the violations at `n` (whose symbol is `s`) to `out`, worded and placed as Ruff's
  // parser reports them. A statement indented deeper than the first of its block is found here
  // by reading the block's children.
  // Some errors depend on what encloses `n` (the bracket or statement around an invalid number,
  // the owner of an empty block). ts_node_parent walks down from the root at each call, so
  // climbing by it costs the depth squared; this finds the ancestors by one walk down, which is
  // still the node's depth per call: fine for a small tree of its own (an annotation's).
  void check(TSNode n, TSSymbol s, std::string_view source, std::vector<SyntaxError>& out) const;
  // The same during the file's walk, which knows `ancestors` (the root first, `n`'s parent
  // last) and hands the statements of each block to a BlockIndentation as it meets them
  // (unexpected indentation is not checked here).
  void check(TSNode n, TSSymbol s, std::string_view source, std::vector<SyntaxError>& out,
             std::span<const TSNode> ancestors) const {
    check(n, s, source, out, ancestors, nullptr);
  }
  bool opens_block(TSSymbol s) const { return s == module_ || s == block_; }
  TSSymbol module_symbol() const { return module_; }

 private:
  struct Build {};
  explicit Python3Syntax(Build);
  // With `derived` set, `ancestors` is not given: the few checks that need it find it by walking
  // down from the root, into `*derived`.
  void check(TSNode n, TSSymbol s, std::string_view source, std::vector<SyntaxError>& out,
             std::span<const TSNode> ancestors, std::vector<TSNode>* derived) const;
  // A byte per symbol: the walk asks for every node.
  // Per symbol: kOwn for the kinds checked here, kStatementSyntax for statement_syntax.h's,
  // kSemanticSyntax for semantic_syntax.h's.
  static constexpr uint8_t kOwn = 1, kStatementSyntax = 2, kSemanticSyntax = 4;
  SemanticSyntax semantic_;
  std::vector<uint8_t> interested_;
  TSSymbol print_ = 0, exec_ = 0, module_ = 0, block_ = 0, integer_ = 0, raise_ = 0, not_equal_py2_ = 0,
           string_start_ = 0, string_end_ = 0, line_continuation_ = 0, parameters_ = 0, await_ = 0;
};

// Where the first token of `n` is, as Python's tokenizer reads it: a string is one token, but an
// f-string or t-string starts with its own (`f"`), as in Ruff's parser; where Ruff reports an
// error at a token, it gives that token's range, never the node's (which may span the file).
std::pair<uint32_t, uint32_t> first_token(TSNode n, std::string_view source);

// "Unexpected indentation", statement by statement as a walk meets them: Python refuses a
// statement that starts a line indented deeper than the first statement of its block (or than
// column 0 in a module). The walk opens a block (a `block` or `module` node without errors) at
// its depth, passes every node one level below the innermost open block, and closes the block
// when it leaves that depth.
class BlockIndentation {
 public:
  void open(bool module, uint32_t depth) { open_.push_back(Block{depth, 0, 0, module, false, true, false}); }
  bool is_child(uint32_t depth) const { return !open_.empty() && open_.back().depth + 1 == depth; }
  void child(TSNode c, std::string_view source, std::vector<SyntaxError>& out);
  void close(uint32_t depth) {
    if (!open_.empty() && open_.back().depth == depth) open_.pop_back();
  }

 private:
  struct Block {
    uint32_t depth;
    uint32_t column;        // the first statement's
    uint32_t previous_end;  // where the previous statement ended
    bool module;
    bool have_column;
    bool first;
    bool reported;  // one error per block, as Python stops there
  };
  std::vector<Block> open_;
};

}  // namespace lint
