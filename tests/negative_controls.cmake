# Every claim family has a negative control (scripts/negative_controls.py): the `[control:<family>]`
# tags of the Catch2 tests (tests/**/*_test.cc) against the families of the claims the smoke run of
# every registry scenario produces (the paper_smoke fixture's results, tests/CMakeLists.txt). It
# writes the table family -> control tests to ${PROJECT_BINARY_DIR}/negative_controls/NEGATIVE_CONTROLS.md
# and fails naming every family without a control and every tag naming a family no run produced.
if(MEMGEN_BUILD_SCENARIOS)
  add_test(NAME negative_controls_cover_every_family
           COMMAND /usr/bin/python3 ${PROJECT_SOURCE_DIR}/scripts/negative_controls.py
                   --results ${MEMGEN_PAPER_TEST_RESULTS_DIR} --run smoke
                   --out ${PROJECT_BINARY_DIR}/negative_controls/NEGATIVE_CONTROLS.md)
  set_tests_properties(negative_controls_cover_every_family PROPERTIES FIXTURES_REQUIRED paper_smoke TIMEOUT 60)
endif()

# Its negative control: a planted registry, results and test sources (tests/architecture/negative_controls/)
# with a family that has no control and a stale tag; the script must fail and name both.
add_test(NAME negative_controls_catches_missing_family
         COMMAND ${CMAKE_COMMAND} -DPYTHON=/usr/bin/python3 -DSOURCE_DIR=${PROJECT_SOURCE_DIR}
                 -DOUT=${PROJECT_BINARY_DIR}/negative_controls/planted.md
                 -P ${CMAKE_CURRENT_SOURCE_DIR}/architecture/negative_controls/expect_missing_family.cmake)
set_tests_properties(negative_controls_catches_missing_family PROPERTIES TIMEOUT 60)
