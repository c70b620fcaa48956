# Shared target conventions: warnings, optimisation flags (recorded in run.json as MEMGEN_ARCH_FLAGS)
# and the helpers that register a simulator's scenario library and a test binary from explicit file
# lists (no globbing).

function(memgen_set_warnings target)
  target_compile_options(${target} PRIVATE $<BUILD_INTERFACE:-Wall -Wextra -Wpedantic -Wno-maybe-uninitialized>)
endfunction()

# The target-architecture flags every memgen target is compiled with, and the CPU that -march=native
# resolved to on the build machine (gcc -Q --help=target), for run.json's build.arch_flags.
set(MEMGEN_ARCH_FLAGS "")
if(MEMGEN_NATIVE)
  set(MEMGEN_ARCH_FLAGS "-march=native")
  execute_process(COMMAND ${CMAKE_CXX_COMPILER} -march=native -Q --help=target
                  OUTPUT_VARIABLE memgen_target_help ERROR_QUIET)
  string(REGEX MATCH "-march=[ \t]+([^ \t\n]+)" memgen_march_line "${memgen_target_help}")
  if(CMAKE_MATCH_1)
    set(MEMGEN_ARCH_FLAGS "-march=native (resolved: -march=${CMAKE_MATCH_1})")
  endif()
endif()

function(memgen_set_optimisation target)
  if(MEMGEN_NATIVE)
    target_compile_options(${target} PRIVATE -march=native)
  endif()
  # Eigen must not spawn its own threads inside a trial: parallelism is over trials.
  target_compile_definitions(${target} PUBLIC EIGEN_DONT_PARALLELIZE)
endfunction()

# memgen_add_scenario_library(<simulator> sources...): memgen_scenarios_<simulator>, the experiments,
# claims and config readers of one simulator (scenarios/<simulator>/).
function(memgen_add_scenario_library simulator)
  add_library(memgen_scenarios_${simulator} STATIC ${ARGN})
  target_link_libraries(memgen_scenarios_${simulator} PUBLIC memgen::scenario_cli memgen::sim memgen::theory)
  memgen_set_warnings(memgen_scenarios_${simulator})
  memgen_set_optimisation(memgen_scenarios_${simulator})
endfunction()

# memgen_add_test(<name> SOURCES ... LIBRARIES ...): one Catch2 binary linking the layer it tests,
# tests discovered by ctest. ctest splits a discovered name at ';', so a test case whose name holds one
# would run an empty filter and pass; FAIL_REGULAR_EXPRESSION makes such a test fail instead.
function(memgen_add_test name)
  cmake_parse_arguments(ARG "" "" "SOURCES;LIBRARIES" ${ARGN})
  add_executable(${name} ${ARG_SOURCES} ${PROJECT_SOURCE_DIR}/tests/support/catch_main.cc)
  target_link_libraries(${name} PRIVATE ${ARG_LIBRARIES} Catch2::Catch2 rapidcheck rapidcheck_catch)
  target_include_directories(${name} PRIVATE ${PROJECT_SOURCE_DIR}/tests)
  target_compile_definitions(${name} PRIVATE
    MEMGEN_BINARY_DIR="${PROJECT_BINARY_DIR}" MEMGEN_SOURCE_DIR="${PROJECT_SOURCE_DIR}")
  memgen_set_warnings(${name})
  memgen_set_optimisation(${name})
  catch_discover_tests(${name} PROPERTIES TIMEOUT 600 ENVIRONMENT "RC_PARAMS=seed=20261121"
                       FAIL_REGULAR_EXPRESSION "No test cases matched")
endfunction()
