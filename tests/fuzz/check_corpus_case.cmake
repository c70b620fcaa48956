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
include(${CMAKE_CURRENT_LIST_DIR}/../scenarios/e2e/rejection_check.cmake)
memgen_check_rejection("scn_${SCENARIO} --config ${CONFIG}" "${code}" "${stderr}" "${EXPECTED}"
                       "${WORK_DIR}/${SCENARIO}")
