// Parsing with tree-sitter-python and locating the first syntax error.
#pragma once

#include <tree_sitter/api.h>

#include <memory>
#include <optional>
#include <string>
#include <string_view>

extern "C" const TSLanguage* tree_sitter_python(void);

namespace lint {

const TSLanguage* python_language();

struct TreeDeleter {
  void operator()(TSTree* t) const { ts_tree_delete(t); }
};
using Tree = std::unique_ptr<TSTree, TreeDeleter>;

// One parser per thread: a TSParser is not shared between threads.
class Parser {
 public:
  Parser();
  ~Parser();
  Parser(const Parser&) = delete;
  Parser& operator=(const Parser&) = delete;
  Tree parse(std::string_view source);

 private:
  TSParser* parser_;
};

struct SyntaxError {
  uint32_t start_byte;
  uint32_t end_byte;
  std::string message;  // without the "SyntaxError: " prefix
};

// The first ERROR or MISSING node in document order. Constructs that tree-sitter-python accepts
// but Python 3 rejects (Python 2 print and exec statements) are found by the traversal instead.
std::optional<SyntaxError> first_syntax_error(const TSTree* tree, std::string_view source);

}  // namespace lint
