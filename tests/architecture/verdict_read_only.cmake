# A verdict comes only from a rule: reading a claim compiles (the control), while setting a verdict
# by hand or making a claim without a rule does not compile (private members of theory::Claim).
#   cmake -DCXX=<compiler> -DSOURCE_DIR=<repo> -P verdict_read_only.cmake
set(dir "${SOURCE_DIR}/tests/architecture/verdict_read_only")
function(compile file result_var output_var)
  execute_process(COMMAND "${CXX}" -std=c++17 -fsyntax-only -I "${SOURCE_DIR}" "${dir}/${file}"
                  RESULT_VARIABLE code OUTPUT_VARIABLE out ERROR_VARIABLE err)
  set(${result_var} ${code} PARENT_SCOPE)
  set(${output_var} "${out}${err}" PARENT_SCOPE)
endfunction()

compile(reads_a_verdict.cc code output)
if(NOT code EQUAL 0)
  message(FATAL_ERROR "the control does not compile, so the check proves nothing:\n${output}")
endif()
foreach(file sets_a_verdict.cc makes_a_claim.cc)
  compile(${file} code output)
  if(code EQUAL 0)
    message(FATAL_ERROR "${file} compiles: a verdict can be set outside a rule")
  endif()
  if(NOT output MATCHES "private")
    message(FATAL_ERROR "${file} fails for another reason than access control:\n${output}")
  endif()
endforeach()
message(STATUS "verdicts are read-only outside the rules")
