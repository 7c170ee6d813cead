# The training step of cmake/PGO.cmake, run with cmake -P:
#   -DTRAIN=program -DLIST=file-list -DGEN_OBJECTS=a|b -DUSE_OBJECTS=c|d -DSTAMP=file
# Clears the counts of earlier runs (they would add up), trains, and copies each instrumented
# object's .gcda to the optimised object of the same file name.
string(REPLACE "|" ";" _gen "${GEN_OBJECTS}")
string(REPLACE "|" ";" _use "${USE_OBJECTS}")

function(_gcda object out_var)
  string(REGEX REPLACE "\\.o(bj)?$" ".gcda" _g "${object}")
  set(${out_var} "${_g}" PARENT_SCOPE)
endfunction()

foreach(_o IN LISTS _gen)
  _gcda("${_o}" _g)
  file(REMOVE "${_g}")
endforeach()

execute_process(COMMAND "${TRAIN}" "${LIST}" RESULT_VARIABLE _rc)
if(NOT _rc EQUAL 0)
  message(FATAL_ERROR "the parser's training run failed (${_rc}); configure with -DLINT_PGO=OFF to build without it")
endif()

foreach(_o IN LISTS _use)
  get_filename_component(_name "${_o}" NAME)
  set(_found "")
  foreach(_s IN LISTS _gen)
    get_filename_component(_sname "${_s}" NAME)
    if(_sname STREQUAL _name)
      set(_found "${_s}")
    endif()
  endforeach()
  if(_found STREQUAL "")
    message(FATAL_ERROR "LINT_PGO: no instrumented object for ${_o}")
  endif()
  _gcda("${_found}" _from)
  _gcda("${_o}" _to)
  if(NOT EXISTS "${_from}")
    message(FATAL_ERROR "LINT_PGO: the training run left no profile ${_from}")
  endif()
  get_filename_component(_dir "${_to}" DIRECTORY)
  file(MAKE_DIRECTORY "${_dir}")
  file(COPY_FILE "${_from}" "${_to}")
endforeach()
file(TOUCH "${STAMP}")
