# Builds tree-sitter's core (the C runtime) from source, statically, at a pinned release. Its C
# source comes from the sdist of py-tree-sitter, the Python binding, fetched with pip at a pinned
# version and sha256 (py-tree-sitter 0.26.1 carries core 0.26.13; see the README's dependency
# section). Nothing of it is kept in the repository; the sdist is cached in the build folder (and
# in LINT_GRAMMAR_CACHE if set, beside the grammar) so a rebuild never touches the network.
set(LINT_TS_BINDING_VERSION "0.26.1")
set(LINT_TS_CORE_VERSION "0.26.13")
set(LINT_TS_SHA256 "9919cbaf02d17fa9a4cd0e6da496aecf901b758e6eacf122eee393e3ef08aacd")
set(LINT_TS_SDIST_NAME "tree_sitter-${LINT_TS_BINDING_VERSION}.tar.gz")
set(LINT_TS_DIR "${CMAKE_BINARY_DIR}/_deps/tree-sitter-core-${LINT_TS_CORE_VERSION}")
set(_sdist "${CMAKE_BINARY_DIR}/_deps/${LINT_TS_SDIST_NAME}")

function(_lint_ts_hash_ok path result)
  if(EXISTS "${path}")
    file(SHA256 "${path}" _h)
    if(_h STREQUAL LINT_TS_SHA256)
      set(${result} TRUE PARENT_SCOPE)
      return()
    endif()
  endif()
  set(${result} FALSE PARENT_SCOPE)
endfunction()

_lint_ts_hash_ok("${_sdist}" _ok)
if(NOT _ok AND DEFINED ENV{LINT_GRAMMAR_CACHE} AND EXISTS "$ENV{LINT_GRAMMAR_CACHE}/${LINT_TS_SDIST_NAME}")
  file(MAKE_DIRECTORY "${CMAKE_BINARY_DIR}/_deps")
  file(COPY "$ENV{LINT_GRAMMAR_CACHE}/${LINT_TS_SDIST_NAME}" DESTINATION "${CMAKE_BINARY_DIR}/_deps")
  _lint_ts_hash_ok("${_sdist}" _ok)
endif()
if(NOT _ok)
  file(MAKE_DIRECTORY "${CMAKE_BINARY_DIR}/_deps")
  message(STATUS "Fetching tree-sitter ${LINT_TS_CORE_VERSION} (py-tree-sitter ${LINT_TS_BINDING_VERSION} sdist) with pip")
  # pip checks the hash itself before it reads the sdist; the check below covers the cache too.
  file(WRITE "${CMAKE_BINARY_DIR}/_deps/tree-sitter-requirement.txt"
       "tree-sitter==${LINT_TS_BINDING_VERSION} --hash=sha256:${LINT_TS_SHA256}\n")
  execute_process(
    COMMAND "${Python_EXECUTABLE}" -m pip download --quiet --no-deps --no-binary :all: --no-build-isolation
            --disable-pip-version-check -r "${CMAKE_BINARY_DIR}/_deps/tree-sitter-requirement.txt"
            -d "${CMAKE_BINARY_DIR}/_deps"
    RESULT_VARIABLE _rc OUTPUT_QUIET)
  if(NOT _rc EQUAL 0)
    message(FATAL_ERROR "pip download tree-sitter==${LINT_TS_BINDING_VERSION} failed (${_rc}); "
                        "it needs Debian's python3-pip and python3-setuptools")
  endif()
  _lint_ts_hash_ok("${_sdist}" _ok)
  if(NOT _ok)
    file(REMOVE "${_sdist}")
    message(FATAL_ERROR "the tree-sitter sdist does not match the pinned sha256; refusing to build")
  endif()
  if(DEFINED ENV{LINT_GRAMMAR_CACHE})
    file(MAKE_DIRECTORY "$ENV{LINT_GRAMMAR_CACHE}")
    file(COPY "${_sdist}" DESTINATION "$ENV{LINT_GRAMMAR_CACHE}")
  endif()
endif()

if(NOT EXISTS "${LINT_TS_DIR}/lib/src/lib.c")
  set(_top "tree_sitter-${LINT_TS_BINDING_VERSION}")
  file(REMOVE_RECURSE "${LINT_TS_DIR}" "${CMAKE_BINARY_DIR}/_deps/${_top}")
  file(ARCHIVE_EXTRACT INPUT "${_sdist}" DESTINATION "${CMAKE_BINARY_DIR}/_deps"
       PATTERNS "${_top}/tree_sitter/core/lib" "${_top}/LICENSE")
  file(RENAME "${CMAKE_BINARY_DIR}/_deps/${_top}/tree_sitter/core" "${LINT_TS_DIR}")
  file(RENAME "${CMAKE_BINARY_DIR}/_deps/${_top}/LICENSE" "${LINT_TS_DIR}/LICENSE")
  file(REMOVE_RECURSE "${CMAKE_BINARY_DIR}/_deps/${_top}")
endif()

# lib.c is the amalgamation of the whole runtime (no Wasm: TREE_SITTER_FEATURE_WASM is unset).
add_library(tree_sitter_core STATIC "${LINT_TS_DIR}/lib/src/lib.c")
target_include_directories(tree_sitter_core PRIVATE "${LINT_TS_DIR}/lib/src" PUBLIC "${LINT_TS_DIR}/lib/include")
target_compile_definitions(tree_sitter_core PRIVATE _POSIX_C_SOURCE=200112L _DEFAULT_SOURCE)
set_target_properties(tree_sitter_core PROPERTIES C_STANDARD 11 POSITION_INDEPENDENT_CODE ON)
# Linked statically into an executable, nothing can interpose the runtime's functions: without
# -fno-semantic-interposition, -fPIC keeps GCC from inlining its small global functions (the
# parse table look-ups, the stack's accessors) into their callers in the same file.
target_compile_options(tree_sitter_core PRIVATE -w -fno-semantic-interposition)
