# The layer rule of docs/ARCHITECTURE.md, checked at configure time (and by the ctest
# architecture_layers, which runs this file in script mode):
#   theory/     may include only theory/ and the header-only core sim/core/
#   sim/        may include sim/ and theory/, never scenarios/
#   theory/verdict/decide.h (which sets verdicts) is included only by the rules in theory/verdict/
# A violation stops the configuration with the file, the line and the rule.
if(NOT DEFINED MEMGEN_SOURCE_DIR)
  set(MEMGEN_SOURCE_DIR "${PROJECT_SOURCE_DIR}")
endif()

function(memgen_check_layer layer allowed_regex rule)
  file(GLOB_RECURSE sources "${MEMGEN_SOURCE_DIR}/${layer}/*.h" "${MEMGEN_SOURCE_DIR}/${layer}/*.cc")
  foreach(source ${sources})
    file(STRINGS "${source}" includes REGEX "^[ \t]*#[ \t]*include[ \t]*\"")
    foreach(line ${includes})
      string(REGEX REPLACE "^[ \t]*#[ \t]*include[ \t]*\"([^\"]+)\".*" "\\1" header "${line}")
      if(NOT header MATCHES "${allowed_regex}")
        file(RELATIVE_PATH relative "${MEMGEN_SOURCE_DIR}" "${source}")
        message(FATAL_ERROR "layer rule: ${relative} includes \"${header}\": ${rule}")
      endif()
    endforeach()
  endforeach()
endfunction()

memgen_check_layer(theory "^(theory|sim/core)/"
                   "theory/ is pure mathematics: it may include only theory/ and sim/core/ (no random streams, runner, I/O or scenarios)")
# decide.h sets verdicts: only the rules (theory/verdict/*.cc) may include it.
set(memgen_decide_users)
foreach(tree theory sim scenarios tests bench)
  file(GLOB_RECURSE found "${MEMGEN_SOURCE_DIR}/${tree}/*.h" "${MEMGEN_SOURCE_DIR}/${tree}/*.cc")
  list(APPEND memgen_decide_users ${found})
endforeach()
foreach(source ${memgen_decide_users})
  if(source MATCHES "/theory/verdict/[^/]+$")
    continue()
  endif()
  file(STRINGS "${source}" decide_includes REGEX "#[ \t]*include[ \t]*\"theory/verdict/decide.h\"")
  if(decide_includes)
    file(RELATIVE_PATH relative "${MEMGEN_SOURCE_DIR}" "${source}")
    message(FATAL_ERROR "layer rule: ${relative} includes \"theory/verdict/decide.h\": only the decision rules in theory/verdict/ may set a verdict")
  endif()
endforeach()

memgen_check_layer(sim "^(sim|theory)/"
                   "sim/ holds kernels: it may include sim/ and theory/, never scenarios/")
