// lint's own Python compiled into the binary at build time (cmake/embed_python.py): the API
// module and the shipped rule files, each as source and bytecode, so that a run compiles none,
// and what the scan of each rule file finds, so that a run parses none.
#pragma once

#include <cstddef>
#include <cstdint>

#include "engine/rule.h"

namespace lint {

// A rule class as scan_python_rules reads it (python_rules_scan.cpp), read at build time.
struct EmbeddedRuleOption {
  const char* name;
  RuleOption::Type type;
  const char* default_value;  // as TOML
};
struct EmbeddedRuleClass {
  const char* code;
  const char* name;        // the class's `name`, or its name in kebab-case
  const char* class_name;
  uint32_t line;           // of the `class` keyword
  const char* doc;         // cleaned
  FixAvailability fix;
  const EmbeddedRuleOption* options;
  size_t option_count;
};

struct EmbeddedPython {
  const char* name;             // the rule file's name in python_rules/ ("<lint>" for the API)
  const unsigned char* source;  // the text it was compiled from
  size_t source_size;
  const unsigned char* code;    // marshal.dumps() of its code object
  size_t code_size;
  // The rule classes the scan finds in it; `scanned` false: the build did not read the file
  // (something only lint's scan decides, such as an error it reports), so a run scans it.
  const EmbeddedRuleClass* classes;
  size_t class_count;
  bool scanned;
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
