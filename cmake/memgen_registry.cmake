# Reads scenarios/registry.json (the one list of scenarios) into CMake variables:
#   MEMGEN_SCENARIOS                 the scenario names, in registry order
#   MEMGEN_SCENARIO_<name>_SIMULATOR its simulator folder (bo, sco, spur, ...)
#   MEMGEN_SCENARIO_<name>_MAIN      its main() source, relative to scenarios/<simulator>/
set(MEMGEN_REGISTRY "${PROJECT_SOURCE_DIR}/scenarios/registry.json")
set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS "${MEMGEN_REGISTRY}")
file(READ "${MEMGEN_REGISTRY}" memgen_registry_text)
string(JSON memgen_registry_count LENGTH "${memgen_registry_text}" scenarios)
set(MEMGEN_SCENARIOS)
math(EXPR memgen_registry_last "${memgen_registry_count} - 1")
foreach(i RANGE ${memgen_registry_last})
  string(JSON name GET "${memgen_registry_text}" scenarios ${i} name)
  string(JSON simulator GET "${memgen_registry_text}" scenarios ${i} simulator)
  string(JSON main GET "${memgen_registry_text}" scenarios ${i} main)
  list(APPEND MEMGEN_SCENARIOS ${name})
  set(MEMGEN_SCENARIO_${name}_SIMULATOR ${simulator})
  set(MEMGEN_SCENARIO_${name}_MAIN ${main})
endforeach()
