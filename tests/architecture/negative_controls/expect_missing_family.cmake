# The negative control of scripts/negative_controls.py (tests/negative_controls.cmake): run it on the
# planted registry, results and test sources next to this file, where PLANT-E3 has no control and the
# tag [control:PLANT-E9] names a family no run produced. It must exit 1 and name exactly those two,
# and must not report the controlled families PLANT-E1 and PLANT-E2.
#   cmake -DPYTHON=/usr/bin/python3 -DSOURCE_DIR=<repo> -DOUT=<file.md> -P expect_missing_family.cmake
set(here "${SOURCE_DIR}/tests/architecture/negative_controls")
execute_process(
  COMMAND "${PYTHON}" "${SOURCE_DIR}/scripts/negative_controls.py" --results "${here}/results" --run smoke
          --registry "${here}/registry.json" --tests "${here}/tests" --out "${OUT}"
  RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
message("${out}${err}")
if(NOT rc EQUAL 1)
  message(FATAL_ERROR "negative_controls.py exited ${rc} on the planted tree, expected 1")
endif()
if(NOT out MATCHES "ERROR: family PLANT-E3 \\(planted_b, 1 claim\\) has no negative control")
  message(FATAL_ERROR "negative_controls.py did not report the uncontrolled family PLANT-E3")
endif()
if(NOT out MATCHES "ERROR: tag \\[control:PLANT-E9\\] names a family that no run produced")
  message(FATAL_ERROR "negative_controls.py did not report the stale tag PLANT-E9")
endif()
if(out MATCHES "PLANT-E1[^0-9]*has no|PLANT-E2[^0-9]*has no|control:PLANT-E3\\] names")
  message(FATAL_ERROR "negative_controls.py reported a controlled family, or counted the commented-out TEST_CASE")
endif()
if(NOT out MATCHES "2 of 3 families have a negative control")
  message(FATAL_ERROR "negative_controls.py did not count 2 of the 3 planted families as controlled")
endif()
