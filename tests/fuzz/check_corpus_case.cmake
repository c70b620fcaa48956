# One case of the malformed-config corpus (tests/fuzz/corpus/expected.tsv): runs
#   ${BIN_DIR}/scn_${SCENARIO} --config ${CONFIG} --out ${WORK_DIR}
# and requires exit code 2, exactly one line on stderr that contains ${EXPECTED}, and nothing written
# under ${WORK_DIR}. A config that is accepted would start a full run: it is stopped after 120 s and
# reported as accepted.
foreach(var BIN_DIR SCENARIO CONFIG EXPECTED WORK_DIR)
  if(NOT DEFINED ${var})
    message(FATAL_ERROR "check_corpus_case.cmake: -D${var}=... is required")
  endif()
endforeach()
file(REMOVE_RECURSE "${WORK_DIR}")
execute_process(COMMAND "${BIN_DIR}/scn_${SCENARIO}" --config "${CONFIG}" --out "${WORK_DIR}" --threads 1
                RESULT_VARIABLE code OUTPUT_VARIABLE stdout ERROR_VARIABLE stderr TIMEOUT 120)
set(what "scn_${SCENARIO} --config ${CONFIG}")
if(NOT code EQUAL 2)
  message(FATAL_ERROR "${what}: expected exit code 2, got '${code}' (the config was accepted?): ${stderr}")
endif()
string(FIND "${stderr}" "${EXPECTED}" where)
if(where EQUAL -1)
  message(FATAL_ERROR "${what}: expected '${EXPECTED}' in the error, got: ${stderr}")
endif()
string(REGEX MATCHALL "\n" newlines "${stderr}")
list(LENGTH newlines line_count)
if(NOT line_count EQUAL 1 OR NOT stderr MATCHES "\n$")
  message(FATAL_ERROR "${what}: expected a one-line error, got ${line_count} lines: ${stderr}")
endif()
if(EXISTS "${WORK_DIR}/${SCENARIO}")
  message(FATAL_ERROR "${what}: a rejected config wrote ${WORK_DIR}/${SCENARIO}")
endif()
