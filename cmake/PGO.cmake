# Profile-guided optimisation of the parser: tree-sitter's core and the grammar, the floor of every
# run (see the README's performance section for what it gains). Three steps inside one build:
#   1. instrumented copies of both (lint_pgo_core_gen, lint_pgo_grammar_gen) and a small program,
#      cmake/pgo_train.c, that parses and walks files with them;
#   2. the training run: that program parses every other file of the build machine's Python
#      standard library (a sorted list, so every build trains on the same files), leaving one
#      .gcda file of counts per object;
#   3. tree_sitter_core and tree_sitter_python, the libraries lint links, compiled with
#      -fprofile-use from those counts.
# GCC only (clang's profiles are another format); off in sanitizer and fuzzing builds, whose
# instrumentation would be trained too. -DLINT_PGO=OFF builds both libraries plainly.
option(LINT_PGO "Optimise tree-sitter and the grammar with a profile of parsing the standard library (GCC)" ON)

set(LINT_PGO_ACTIVE OFF)
if(LINT_PGO)
  if(NOT CMAKE_C_COMPILER_ID STREQUAL "GNU")
    message(STATUS "LINT_PGO: needs GCC (${CMAKE_C_COMPILER_ID} found); building the parser without a profile")
  elseif(LINT_SANITIZE OR LINT_FUZZ)
    message(STATUS "LINT_PGO: off in sanitizer and fuzzing builds")
  elseif(CMAKE_CROSSCOMPILING)
    message(STATUS "LINT_PGO: off when cross-compiling (the training run cannot run here)")
  else()
    set(LINT_PGO_ACTIVE ON)
  endif()
endif()
if(NOT LINT_PGO_ACTIVE)
  return()
endif()

# The training files: every other file of the interpreter's standard library, sorted by path.
execute_process(COMMAND "${Python_EXECUTABLE}" -c "import sysconfig; print(sysconfig.get_paths()['stdlib'])"
                OUTPUT_VARIABLE _stdlib OUTPUT_STRIP_TRAILING_WHITESPACE RESULT_VARIABLE _rc)
set(_training "")
if(_rc EQUAL 0 AND IS_DIRECTORY "${_stdlib}")
  file(GLOB_RECURSE _all LIST_DIRECTORIES false "${_stdlib}/*.py")
  list(FILTER _all EXCLUDE REGEX "/(site-packages|dist-packages|__pycache__)/")
  list(SORT _all)
  set(_i 0)
  foreach(_f IN LISTS _all)
    math(EXPR _even "${_i} % 2")
    if(_even EQUAL 0)
      string(APPEND _training "${_f}\n")
    endif()
    math(EXPR _i "${_i} + 1")
  endforeach()
endif()
if(_training STREQUAL "")
  message(WARNING "LINT_PGO: no Python standard library found to train on (${_stdlib}); building the parser without a profile")
  return()
endif()
set(_pgo_dir "${CMAKE_BINARY_DIR}/_deps/pgo")
file(CONFIGURE OUTPUT "${_pgo_dir}/training-files.txt" CONTENT "${_training}")
message(STATUS "LINT_PGO: training the parser on every other file of ${_stdlib}")

# The instrumented copies (cmake/pgo/CMakeLists.txt) compile the same files as the libraries lint
# links: GCC finds a static function's counts by the path of the file compiled, so a wrapper
# including the source would not do. They live in their own directory because source file
# properties are per directory: the OBJECT_DEPENDS below, which makes the optimised compiles wait
# for the profile and rerun when it changes, would make the instrumented ones wait for themselves.
set(LINT_PGO_CORE_SOURCE "${LINT_TS_DIR}/lib/src/lib.c")
set(LINT_PGO_GRAMMAR_SOURCES "${LINT_GRAMMAR_DIR}/src/parser.c" "${LINT_GRAMMAR_SCANNER}")
set(LINT_PGO_TRAINING_LIST "${_pgo_dir}/training-files.txt")
set(LINT_PGO_STAMP "${_pgo_dir}/profile.stamp")
add_subdirectory("${CMAKE_SOURCE_DIR}/cmake/pgo" "${CMAKE_BINARY_DIR}/pgo")

# Only the three optimised compiles wait for the profile. With Ninja that is a dependency on the
# stamp file alone: a target-level dependency would make every object of lint (which links these
# libraries) wait for the instrumented build and the training run too, serialising the build.
# Other generators cannot see a file made in another directory, so they wait for the target.
set_source_files_properties("${LINT_PGO_CORE_SOURCE}" ${LINT_PGO_GRAMMAR_SOURCES} PROPERTIES OBJECT_DEPENDS "${LINT_PGO_STAMP}")
target_compile_options(tree_sitter_core PRIVATE -fprofile-use --param=profile-func-internal-id=1)
target_compile_options(tree_sitter_python PRIVATE -fprofile-use --param=profile-func-internal-id=1)
if(NOT CMAKE_GENERATOR MATCHES "Ninja")
  add_dependencies(tree_sitter_core lint_pgo_profile)
  add_dependencies(tree_sitter_python lint_pgo_profile)
endif()
