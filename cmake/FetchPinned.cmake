# Fetching a pinned file (tree-sitter's core, the Python grammar) once into the build tree.
#
#   lint_fetch_pinned(FILE <name> ALGORITHM SHA256|SHA512 HASH <hex>
#                     FETCHING <status message> COMMAND <command...>
#                     [PROGRAM <path> MISSING <message>]
#                     FAILED <message, with <rc> for the exit code> MISMATCH <message>)
#
# Leaves ${CMAKE_BINARY_DIR}/_deps/<name> holding the pinned bytes: the copy an earlier configure
# fetched, else the one in LINT_GRAMMAR_CACHE (the environment variable) if set, else what
# COMMAND (run in _deps) fetches, which is then copied to LINT_GRAMMAR_CACHE. So a rebuild never
# touches the network. PROGRAM, when given, is the program COMMAND needs: the configure stops
# with MISSING if it was not found and a fetch is needed. Whatever its origin, a file that does
# not match HASH stops the configure.

function(_lint_pinned_hash_ok path algorithm expected result)
  if(EXISTS "${path}")
    file(${algorithm} "${path}" _h)
    if(_h STREQUAL expected)
      set(${result} TRUE PARENT_SCOPE)
      return()
    endif()
  endif()
  set(${result} FALSE PARENT_SCOPE)
endfunction()

function(lint_fetch_pinned)
  cmake_parse_arguments(F "" "FILE;ALGORITHM;HASH;FETCHING;PROGRAM;MISSING;FAILED;MISMATCH" "COMMAND" ${ARGN})
  set(deps "${CMAKE_BINARY_DIR}/_deps")
  set(path "${deps}/${F_FILE}")
  _lint_pinned_hash_ok("${path}" ${F_ALGORITHM} "${F_HASH}" ok)
  if(NOT ok AND DEFINED ENV{LINT_GRAMMAR_CACHE} AND EXISTS "$ENV{LINT_GRAMMAR_CACHE}/${F_FILE}")
    file(MAKE_DIRECTORY "${deps}")
    file(COPY "$ENV{LINT_GRAMMAR_CACHE}/${F_FILE}" DESTINATION "${deps}")
    _lint_pinned_hash_ok("${path}" ${F_ALGORITHM} "${F_HASH}" ok)
  endif()
  if(ok)
    return()
  endif()
  if(DEFINED F_PROGRAM AND NOT F_PROGRAM)
    message(FATAL_ERROR "${F_MISSING}")
  endif()
  file(MAKE_DIRECTORY "${deps}")
  message(STATUS "${F_FETCHING}")
  execute_process(COMMAND ${F_COMMAND} WORKING_DIRECTORY "${deps}" RESULT_VARIABLE rc OUTPUT_QUIET)
  if(NOT rc EQUAL 0)
    string(REPLACE "<rc>" "${rc}" failed "${F_FAILED}")
    message(FATAL_ERROR "${failed}")
  endif()
  _lint_pinned_hash_ok("${path}" ${F_ALGORITHM} "${F_HASH}" ok)
  if(NOT ok)
    file(REMOVE "${path}")
    message(FATAL_ERROR "${F_MISMATCH}")
  endif()
  if(DEFINED ENV{LINT_GRAMMAR_CACHE})
    file(MAKE_DIRECTORY "$ENV{LINT_GRAMMAR_CACHE}")
    file(COPY "${path}" DESTINATION "$ENV{LINT_GRAMMAR_CACHE}")
  endif()
endfunction()
