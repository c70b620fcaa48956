# The paper pipeline as make-style targets: results → figures → numbers → PDF, per scale.
#   cmake --build --preset release --target paper_smoke|paper_default|paper_paper
# Each scenario's results (<results>/<scenario>/<scale>/summary.json) depend on its binary and the
# config files of the scale (the base default.toml and, for smoke and paper, the overlay <scale>.toml);
# the figures on every summary and the plot scripts; numbers.tex on the summaries and the generator;
# the PDF on all of these and the LaTeX sources. Rerunning without changes does no work.
# paper_<scale>: results in MEMGEN_RESULTS_DIR (default: results/ of the source tree, as
# ./scripts/make_paper.sh wants), PDF in ${PROJECT_BINARY_DIR}/paper/<scale>/memgen.pdf, copied to
# <results>/memgen_<scale>.pdf.
# paper_smoke_in_build: the same pipeline at smoke scale entirely inside the build tree (results in
# ${MEMGEN_PAPER_TEST_RESULTS_DIR}, PDF in ${PROJECT_BINARY_DIR}/paper_test/smoke/): the ctest
# paper_smoke_build/paper_smoke_check, which must not write into the source tree.
set(MEMGEN_RESULTS_DIR "${PROJECT_SOURCE_DIR}/results" CACHE PATH "Results root of the paper targets")
set(MEMGEN_PAPER_TEST_RESULTS_DIR "${PROJECT_BINARY_DIR}/paper_test/results")
find_program(MEMGEN_LATEXMK latexmk)
find_program(MEMGEN_PYTHON NAMES python3 PATHS /usr/bin NO_DEFAULT_PATH)

file(GLOB memgen_plot_scripts CONFIGURE_DEPENDS "${PROJECT_SOURCE_DIR}/plots/*.py")
# The Python every generated file depends on besides its own script: the registry and its reader,
# and the one claims-table renderer.
set(memgen_registry_files "${PROJECT_SOURCE_DIR}/scenarios/registry.json" "${PROJECT_SOURCE_DIR}/scripts/registry.py")
file(GLOB memgen_paper_sources CONFIGURE_DEPENDS "${PROJECT_SOURCE_DIR}/paper/*.tex"
     "${PROJECT_SOURCE_DIR}/paper/sections/*.tex")

# memgen_add_paper_target(<target> <scale> <results_dir> <build_dir>): results of every registered
# scenario at <scale> in <results_dir>, figures, numbers and memgen.pdf in <build_dir>, the PDF
# copied to <results_dir>/memgen_<scale>.pdf.
function(memgen_add_paper_target target scale results_dir build_dir)
  set(summaries)
  foreach(scenario ${MEMGEN_SCENARIOS})
    set(config_dir "${PROJECT_SOURCE_DIR}/scenarios/${MEMGEN_SCENARIO_${scenario}_SIMULATOR}/configs/${scenario}")
    set(configs "${config_dir}/default.toml")  # the base; smoke.toml and paper.toml are overlays of it
    if(NOT scale STREQUAL "default")
      list(APPEND configs "${config_dir}/${scale}.toml")
    endif()
    set(summary "${results_dir}/${scenario}/${scale}/summary.json")
    add_custom_command(
      OUTPUT "${summary}"
      # Exit code 3 (results written, some claim not as expected) still makes a paper that shows it.
      COMMAND "${CMAKE_COMMAND}" -DCOMMAND=$<TARGET_FILE:scn_${scenario}> -DARGS=--scale|${scale}|--out|${results_dir}|--overwrite
              -DACCEPT=0|3 -P "${PROJECT_SOURCE_DIR}/cmake/memgen_run_accepting.cmake"
      DEPENDS scn_${scenario} ${configs}
      COMMENT "scn_${scenario} --scale ${scale} --out ${results_dir}"
      VERBATIM)
    list(APPEND summaries "${summary}")
  endforeach()
  add_custom_command(
    OUTPUT "${build_dir}/figures.stamp"
    COMMAND "${MEMGEN_PYTHON}" "${PROJECT_SOURCE_DIR}/plots/make_figures.py" --results "${results_dir}"
            --run ${scale} --out "${build_dir}/figures"
    COMMAND "${CMAKE_COMMAND}" -E touch "${build_dir}/figures.stamp"
    DEPENDS ${summaries} ${memgen_plot_scripts} ${memgen_registry_files}
    COMMENT "figures (${scale})"
    VERBATIM)
  add_custom_command(
    OUTPUT "${build_dir}/numbers.tex"
    COMMAND "${MEMGEN_PYTHON}" "${PROJECT_SOURCE_DIR}/paper/generate.py" --results "${results_dir}"
            --run ${scale} --out "${build_dir}"
    DEPENDS ${summaries} "${PROJECT_SOURCE_DIR}/paper/generate.py" "${PROJECT_SOURCE_DIR}/scripts/claims_table.py"
            ${memgen_registry_files} ${memgen_paper_sources}
    COMMENT "numbers.tex and claim tables (${scale})"
    VERBATIM)
  add_custom_command(
    OUTPUT "${build_dir}/memgen.pdf"
    COMMAND "${CMAKE_COMMAND}" -E env "TEXINPUTS=${PROJECT_SOURCE_DIR}/paper//:"
            "${MEMGEN_LATEXMK}" -pdf -interaction=nonstopmode -halt-on-error -quiet -jobname=memgen
            "${PROJECT_SOURCE_DIR}/paper/main.tex"
    COMMAND "${CMAKE_COMMAND}" -E copy "${build_dir}/memgen.pdf" "${results_dir}/memgen_${scale}.pdf"
    DEPENDS "${build_dir}/numbers.tex" "${build_dir}/figures.stamp" ${memgen_paper_sources}
    WORKING_DIRECTORY "${build_dir}"
    COMMENT "memgen.pdf (${scale}) -> ${results_dir}/memgen_${scale}.pdf"
    VERBATIM)
  add_custom_target(${target} DEPENDS "${build_dir}/memgen.pdf")
endfunction()

foreach(scale smoke default paper)
  memgen_add_paper_target(paper_${scale} ${scale} "${MEMGEN_RESULTS_DIR}" "${PROJECT_BINARY_DIR}/paper/${scale}")
endforeach()
memgen_add_paper_target(paper_smoke_in_build smoke "${MEMGEN_PAPER_TEST_RESULTS_DIR}"
                        "${PROJECT_BINARY_DIR}/paper_test/smoke")
