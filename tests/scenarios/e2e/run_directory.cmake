# End-to-end: the run directory is checked and locked before any computation (issue 11). A rerun is
# refused without --overwrite and leaves the earlier run intact; --overwrite replaces it whole; a
# run-id held by a live process is refused at once; a killed run's staging directory is cleaned.
set(root "${WORK_DIR}/run_directory")
file(REMOVE_RECURSE "${root}")
set(bin "${BIN_DIR}/scn_spur_figure1")
set(run "${root}/spur_figure1/r")

# Runs the scenario with the extra arguments; checks the exit code and, for exit 2, the message.
function(run_expecting expected_code expected_text)
  execute_process(COMMAND "${bin}" --scale smoke --threads 1 --out "${root}" --run-id r ${ARGN}
                  RESULT_VARIABLE code OUTPUT_QUIET ERROR_VARIABLE stderr)
  if(NOT code EQUAL expected_code)
    message(FATAL_ERROR "expected exit ${expected_code} for ${ARGN}, got ${code}: ${stderr}")
  endif()
  string(FIND "${stderr}" "${expected_text}" where)
  if(where EQUAL -1)
    message(FATAL_ERROR "expected '${expected_text}' for ${ARGN}, got: ${stderr}")
  endif()
endfunction()

run_expecting(0 "")
file(SHA256 "${run}/summary.json" first)
file(WRITE "${run}/note.txt" "a file the user put beside the results\n")

# A rerun without --overwrite is refused at once and changes nothing.
run_expecting(2 "--run-id = r: exists")
file(SHA256 "${run}/summary.json" after_refusal)
if(NOT first STREQUAL after_refusal OR NOT EXISTS "${run}/note.txt")
  message(FATAL_ERROR "a refused rerun changed the earlier run")
endif()

# A killed run's staging directory is removed by the next run; --overwrite replaces the run whole.
file(WRITE "${root}/spur_figure1/.r.staging/.summary.json.tmp-1" "truncated")
run_expecting(0 "" --overwrite --seed 7)
file(SHA256 "${run}/summary.json" second)
if(first STREQUAL second OR EXISTS "${run}/note.txt" OR EXISTS "${root}/spur_figure1/.r.staging")
  message(FATAL_ERROR "--overwrite did not replace the run whole, or left the staging directory")
endif()

# A run-id whose lock a live process holds is refused at once. flock(1) takes the lock, then says
# "held" through the pipe; the scenario starts only once it has read that line.
execute_process(
  COMMAND flock "${root}/spur_figure1/.r.lock" sh -c "echo held; sleep 5"
  COMMAND sh -c "read line && exec \"$0\" --scale smoke --out \"$1\" --run-id r --overwrite" "${bin}" "${root}"
  RESULTS_VARIABLE codes OUTPUT_QUIET ERROR_VARIABLE stderr)
list(GET codes 1 code)
string(FIND "${stderr}" "--run-id = r: is in use by a running process" where)
if(NOT code EQUAL 2 OR where EQUAL -1)
  message(FATAL_ERROR "a locked run-id was not refused (exit ${code}): ${stderr}")
endif()
file(SHA256 "${run}/summary.json" after_lock)
if(NOT second STREQUAL after_lock)
  message(FATAL_ERROR "the refused run changed the locked run")
endif()
message(STATUS "run directory: refused rerun, overwrite, stale staging and lock all behave")
