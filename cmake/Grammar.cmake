# Fetches tree-sitter-python at a pinned version and integrity hash into the build tree.
# Nothing of the grammar is kept in the repository; the tarball is cached in the build folder
# (and in LINT_GRAMMAR_CACHE if set) so a rebuild never touches the network.
include(${CMAKE_CURRENT_LIST_DIR}/FetchPinned.cmake)
set(LINT_GRAMMAR_VERSION "0.25.0")
# npm's integrity for the tarball, sha512-eCmJx6zQ...ncngLXw==, as hex.
set(LINT_GRAMMAR_SHA512
    "782989c7acd06b7e46c5a0ad403fb05c73a162a07110bf9ba7bd56fecddf70332ed3a32bb739155d1e37edd46b0ab6eb0dbc8bb940c9a4083272cee772780b5f")
set(LINT_GRAMMAR_TARBALL_NAME "tree-sitter-python-${LINT_GRAMMAR_VERSION}.tgz")
set(LINT_GRAMMAR_DIR "${CMAKE_BINARY_DIR}/_deps/tree-sitter-python-${LINT_GRAMMAR_VERSION}")
set(_tarball "${CMAKE_BINARY_DIR}/_deps/${LINT_GRAMMAR_TARBALL_NAME}")

find_program(NPM_EXECUTABLE npm)
lint_fetch_pinned(
  FILE "${LINT_GRAMMAR_TARBALL_NAME}" ALGORITHM SHA512 HASH "${LINT_GRAMMAR_SHA512}"
  FETCHING "Fetching tree-sitter-python ${LINT_GRAMMAR_VERSION} with npm pack"
  PROGRAM "${NPM_EXECUTABLE}"
  MISSING "npm is needed once to fetch tree-sitter-python ${LINT_GRAMMAR_VERSION} (apt-get install npm)"
  COMMAND "${NPM_EXECUTABLE}" pack "tree-sitter-python@${LINT_GRAMMAR_VERSION}" --silent
          --pack-destination "${CMAKE_BINARY_DIR}/_deps"
  FAILED "npm pack tree-sitter-python@${LINT_GRAMMAR_VERSION} failed (<rc>)"
  MISMATCH "tree-sitter-python tarball does not match the pinned sha512; refusing to build")

if(NOT EXISTS "${LINT_GRAMMAR_DIR}/src/parser.c")
  file(REMOVE_RECURSE "${LINT_GRAMMAR_DIR}" "${CMAKE_BINARY_DIR}/_deps/package")
  file(ARCHIVE_EXTRACT INPUT "${_tarball}" DESTINATION "${CMAKE_BINARY_DIR}/_deps"
       PATTERNS package/src/parser.c package/src/scanner.c package/src/tree_sitter package/LICENSE
                package/src/node-types.json)
  file(RENAME "${CMAKE_BINARY_DIR}/_deps/package" "${LINT_GRAMMAR_DIR}")
endif()

# Two changes to the grammar's external scanner, made on a copy in the build tree.
# 1. In 0.25.0 the `except` token is valid after every statement, and the scanner then reads every
#    comment line that follows to decide on indentation it cannot produce (it never returns that
#    token), once per comment: 65,535 comment lines after a statement took minutes. Without that
#    condition the scanner returns the same tokens (the trees of the standard library, the test
#    suite and the third corpus are identical), in linear time.
# 2. Its state is saved two bytes per indentation level while the buffer (1,024 bytes) has room
#    for one: after an odd number of string delimiters and hundreds of levels (error recovery in
#    deep brackets, found by fuzzing: fuzz/regressions/recipe_scanner_state_overflow.bin) the last
#    pair wrote one byte past the buffer, into the parser's next field, and lint crashed. A pair is
#    written only when both bytes fit; the levels that do not fit were already dropped.
set(LINT_GRAMMAR_SCANNER "${CMAKE_BINARY_DIR}/_deps/tree-sitter-python-${LINT_GRAMMAR_VERSION}-scanner.c")
set(_scanner "${LINT_GRAMMAR_SCANNER}")
file(READ "${LINT_GRAMMAR_DIR}/src/scanner.c" _scanner_text)
set(_quadratic "valid_symbols[NEWLINE] || valid_symbols[EXCEPT])) {")
string(FIND "${_scanner_text}" "${_quadratic}" _at)
if(_at EQUAL -1)
  message(FATAL_ERROR "tree-sitter-python's scanner.c changed: review the comment-scanning change in cmake/Grammar.cmake")
endif()
string(REPLACE "${_quadratic}" "valid_symbols[NEWLINE])) {" _scanner_text "${_scanner_text}")
set(_overflow "iter < scanner->indents.size && size < TREE_SITTER_SERIALIZATION_BUFFER_SIZE;")
string(FIND "${_scanner_text}" "${_overflow}" _at)
if(_at EQUAL -1)
  message(FATAL_ERROR "tree-sitter-python's scanner.c changed: review the state-saving change in cmake/Grammar.cmake")
endif()
string(REPLACE "${_overflow}" "iter < scanner->indents.size && size + 1 < TREE_SITTER_SERIALIZATION_BUFFER_SIZE;"
       _scanner_text "${_scanner_text}")
file(CONFIGURE OUTPUT "${_scanner}" CONTENT "${_scanner_text}" @ONLY)

add_library(tree_sitter_python STATIC
  "${LINT_GRAMMAR_DIR}/src/parser.c"
  "${_scanner}")
target_include_directories(tree_sitter_python PRIVATE "${LINT_GRAMMAR_DIR}/src")
set_target_properties(tree_sitter_python PROPERTIES C_STANDARD 11 POSITION_INDEPENDENT_CODE ON)
target_compile_options(tree_sitter_python PRIVATE -w -fno-semantic-interposition)
