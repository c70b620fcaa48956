# Shared target conventions: warnings, optimisation flags and the helper functions that register
# scenarios, tests and benchmarks from explicit file lists (no globbing).

function(memgen_set_warnings target)
  target_compile_options(${target} PRIVATE $<BUILD_INTERFACE:-Wall -Wextra -Wpedantic -Wno-maybe-uninitialized>)
endfunction()

function(memgen_set_optimisation target)
  if(MEMGEN_NATIVE)
    target_compile_options(${target} PRIVATE -march=native)
  endif()
  # Eigen must not spawn its own threads inside a trial: parallelism is over trials.
  target_compile_definitions(${target} PUBLIC EIGEN_DONT_PARALLELIZE)
endfunction()

# memgen_add_scenario(<name> SOURCES ...): builds target scn_<name>.
function(memgen_add_scenario name)
  cmake_parse_arguments(ARG "" "" "SOURCES" ${ARGN})
  add_executable(scn_${name} ${ARG_SOURCES})
  target_link_libraries(scn_${name} PRIVATE memgen::theory memgen::sim)
  memgen_set_warnings(scn_${name})
  memgen_set_optimisation(scn_${name})
  set_target_properties(scn_${name} PROPERTIES RUNTIME_OUTPUT_DIRECTORY ${PROJECT_BINARY_DIR}/bin)
endfunction()

# memgen_add_test(<name> SOURCES ...): one Catch2 binary, tests discovered by ctest.
function(memgen_add_test name)
  cmake_parse_arguments(ARG "" "" "SOURCES" ${ARGN})
  add_executable(${name} ${ARG_SOURCES} ${PROJECT_SOURCE_DIR}/tests/support/catch_main.cc)
  target_link_libraries(${name} PRIVATE memgen::theory memgen::sim Catch2::Catch2 rapidcheck rapidcheck_catch)
  target_include_directories(${name} PRIVATE ${PROJECT_SOURCE_DIR}/tests)
  target_compile_definitions(${name} PRIVATE
    MEMGEN_BINARY_DIR="${PROJECT_BINARY_DIR}" MEMGEN_SOURCE_DIR="${PROJECT_SOURCE_DIR}")
  memgen_set_warnings(${name})
  memgen_set_optimisation(${name})
  catch_discover_tests(${name} TEST_SPEC "~[.]" PROPERTIES TIMEOUT 600 ENVIRONMENT "RC_PARAMS=seed=20261121")
endfunction()
