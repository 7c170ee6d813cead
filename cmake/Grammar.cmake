# Fetches tree-sitter-python at a pinned version and integrity hash into the build tree.
# Nothing of the grammar is kept in the repository; the tarball is cached in the build folder
# (and in LINT_GRAMMAR_CACHE if set) so a rebuild never touches the network.
set(LINT_GRAMMAR_VERSION "0.23.6")
# npm's integrity for the tarball, sha512-yIM9z0ox...WoLD3A==, as hex.
set(LINT_GRAMMAR_SHA512
    "c8833dcf4a31288c53edb02d3ce860a1597a8135e59a5221b9eee58854f8a013c5fe585aec76b8750052f3602fea130c459a159c5248f0cea62fe4b05a82c3dc")
set(LINT_GRAMMAR_TARBALL_NAME "tree-sitter-python-${LINT_GRAMMAR_VERSION}.tgz")
set(LINT_GRAMMAR_DIR "${CMAKE_BINARY_DIR}/_deps/tree-sitter-python-${LINT_GRAMMAR_VERSION}")
set(_tarball "${CMAKE_BINARY_DIR}/_deps/${LINT_GRAMMAR_TARBALL_NAME}")

function(_lint_grammar_hash_ok path result)
  if(EXISTS "${path}")
    file(SHA512 "${path}" _h)
    if(_h STREQUAL LINT_GRAMMAR_SHA512)
      set(${result} TRUE PARENT_SCOPE)
      return()
    endif()
  endif()
  set(${result} FALSE PARENT_SCOPE)
endfunction()

_lint_grammar_hash_ok("${_tarball}" _ok)
if(NOT _ok AND DEFINED ENV{LINT_GRAMMAR_CACHE} AND EXISTS "$ENV{LINT_GRAMMAR_CACHE}/${LINT_GRAMMAR_TARBALL_NAME}")
  file(MAKE_DIRECTORY "${CMAKE_BINARY_DIR}/_deps")
  file(COPY "$ENV{LINT_GRAMMAR_CACHE}/${LINT_GRAMMAR_TARBALL_NAME}" DESTINATION "${CMAKE_BINARY_DIR}/_deps")
  _lint_grammar_hash_ok("${_tarball}" _ok)
endif()
if(NOT _ok)
  find_program(NPM_EXECUTABLE npm)
  if(NOT NPM_EXECUTABLE)
    message(FATAL_ERROR "npm is needed once to fetch tree-sitter-python ${LINT_GRAMMAR_VERSION} (apt-get install npm)")
  endif()
  file(MAKE_DIRECTORY "${CMAKE_BINARY_DIR}/_deps")
  message(STATUS "Fetching tree-sitter-python ${LINT_GRAMMAR_VERSION} with npm pack")
  execute_process(
    COMMAND "${NPM_EXECUTABLE}" pack "tree-sitter-python@${LINT_GRAMMAR_VERSION}" --silent
            --pack-destination "${CMAKE_BINARY_DIR}/_deps"
    WORKING_DIRECTORY "${CMAKE_BINARY_DIR}/_deps"
    RESULT_VARIABLE _rc OUTPUT_QUIET)
  if(NOT _rc EQUAL 0)
    message(FATAL_ERROR "npm pack tree-sitter-python@${LINT_GRAMMAR_VERSION} failed (${_rc})")
  endif()
  _lint_grammar_hash_ok("${_tarball}" _ok)
  if(NOT _ok)
    file(REMOVE "${_tarball}")
    message(FATAL_ERROR "tree-sitter-python tarball does not match the pinned sha512; refusing to build")
  endif()
  if(DEFINED ENV{LINT_GRAMMAR_CACHE})
    file(MAKE_DIRECTORY "$ENV{LINT_GRAMMAR_CACHE}")
    file(COPY "${_tarball}" DESTINATION "$ENV{LINT_GRAMMAR_CACHE}")
  endif()
endif()

if(NOT EXISTS "${LINT_GRAMMAR_DIR}/src/parser.c")
  file(REMOVE_RECURSE "${LINT_GRAMMAR_DIR}" "${CMAKE_BINARY_DIR}/_deps/package")
  file(ARCHIVE_EXTRACT INPUT "${_tarball}" DESTINATION "${CMAKE_BINARY_DIR}/_deps"
       PATTERNS package/src/parser.c package/src/scanner.c package/src/tree_sitter package/LICENSE
                package/src/node-types.json)
  file(RENAME "${CMAKE_BINARY_DIR}/_deps/package" "${LINT_GRAMMAR_DIR}")
endif()

add_library(tree_sitter_python STATIC
  "${LINT_GRAMMAR_DIR}/src/parser.c"
  "${LINT_GRAMMAR_DIR}/src/scanner.c")
target_include_directories(tree_sitter_python PRIVATE "${LINT_GRAMMAR_DIR}/src")
set_target_properties(tree_sitter_python PROPERTIES C_STANDARD 11 POSITION_INDEPENDENT_CODE ON)
target_compile_options(tree_sitter_python PRIVATE -w)
