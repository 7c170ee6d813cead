// lint's own Python compiled into the binary at build time (cmake/embed_python.py): the API
// module and the shipped rule files, each as source and bytecode, so that a run compiles none.
#pragma once

#include <cstddef>

namespace lint {

struct EmbeddedPython {
  const char* name;             // the rule file's name in python_rules/ ("<lint>" for the API)
  const unsigned char* source;  // the text it was compiled from
  size_t source_size;
  const unsigned char* code;    // marshal.dumps() of its code object
  size_t code_size;
};

// importlib.util.MAGIC_NUMBER of the interpreter that compiled them (as PyImport_GetMagicNumber()
// gives it): the bytecode is used only by an interpreter with the same one.
extern const long kEmbeddedMagic;
extern const EmbeddedPython kLintApiCode;
extern const EmbeddedPython kShippedRules[];
extern const size_t kShippedRuleCount;
// What each shipped rule class asks for (its methods' filters, its query), read from the classes
// when lint was built, as JSON: {file name: {class name: {"methods": [...], "query", "on_match"}}}.
extern const char* const kShippedFilters;

}  // namespace lint
