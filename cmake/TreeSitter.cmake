# Builds tree-sitter's core (the C runtime) from source, statically, at a pinned release. Its C
# source comes from the sdist of py-tree-sitter, the Python binding, fetched with pip at a pinned
# version and sha256 (py-tree-sitter 0.26.1 carries core 0.26.13; see the README's dependency
# section). Nothing of it is kept in the repository; the sdist is cached in the build folder (and
# in LINT_GRAMMAR_CACHE if set, beside the grammar) so a rebuild never touches the network.
include(${CMAKE_CURRENT_LIST_DIR}/FetchPinned.cmake)
set(LINT_TS_BINDING_VERSION "0.26.1")
set(LINT_TS_CORE_VERSION "0.26.13")
set(LINT_TS_SHA256 "9919cbaf02d17fa9a4cd0e6da496aecf901b758e6eacf122eee393e3ef08aacd")
set(LINT_TS_SDIST_NAME "tree_sitter-${LINT_TS_BINDING_VERSION}.tar.gz")
set(LINT_TS_DIR "${CMAKE_BINARY_DIR}/_deps/tree-sitter-core-${LINT_TS_CORE_VERSION}")
set(_sdist "${CMAKE_BINARY_DIR}/_deps/${LINT_TS_SDIST_NAME}")

# pip checks the hash itself before it reads the sdist; lint_fetch_pinned checks the cache too.
file(MAKE_DIRECTORY "${CMAKE_BINARY_DIR}/_deps")
file(WRITE "${CMAKE_BINARY_DIR}/_deps/tree-sitter-requirement.txt"
     "tree-sitter==${LINT_TS_BINDING_VERSION} --hash=sha256:${LINT_TS_SHA256}\n")
lint_fetch_pinned(
  FILE "${LINT_TS_SDIST_NAME}" ALGORITHM SHA256 HASH "${LINT_TS_SHA256}"
  FETCHING "Fetching tree-sitter ${LINT_TS_CORE_VERSION} (py-tree-sitter ${LINT_TS_BINDING_VERSION} sdist) with pip"
  COMMAND "${Python_EXECUTABLE}" -m pip download --quiet --no-deps --no-binary :all: --no-build-isolation
          --disable-pip-version-check -r "${CMAKE_BINARY_DIR}/_deps/tree-sitter-requirement.txt"
          -d "${CMAKE_BINARY_DIR}/_deps"
  FAILED "pip download tree-sitter==${LINT_TS_BINDING_VERSION} failed (<rc>); it needs Debian's python3-pip and python3-setuptools"
  MISMATCH "the tree-sitter sdist does not match the pinned sha256; refusing to build")

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
