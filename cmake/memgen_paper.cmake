# The paper pipeline as make-style targets: results → figures → numbers → PDF, per scale.
#   cmake --build --preset release --target paper_smoke|paper_default|paper_paper
# Each scenario's results (results/<scenario>/<scale>/summary.json) depend on its binary and config;
# the figures on every summary and the plot scripts; numbers.tex on the summaries and the generator;
# the PDF on all of these and the LaTeX sources. Rerunning without changes does no work.
# Output: ${PROJECT_BINARY_DIR}/paper/<scale>/memgen.pdf, copied to results/memgen_<scale>.pdf.
set(MEMGEN_RESULTS_DIR "${PROJECT_SOURCE_DIR}/results" CACHE PATH "Results root of the paper targets")
find_program(MEMGEN_LATEXMK latexmk)
find_program(MEMGEN_PYTHON NAMES python3 PATHS /usr/bin NO_DEFAULT_PATH)

file(GLOB memgen_plot_scripts CONFIGURE_DEPENDS "${PROJECT_SOURCE_DIR}/plots/*.py")
file(GLOB memgen_paper_sources CONFIGURE_DEPENDS "${PROJECT_SOURCE_DIR}/paper/*.tex"
     "${PROJECT_SOURCE_DIR}/paper/sections/*.tex")

foreach(scale smoke default paper)
  set(build_dir "${PROJECT_BINARY_DIR}/paper/${scale}")
  set(summaries)
  foreach(scenario ${MEMGEN_SCENARIOS})
    set(summary "${MEMGEN_RESULTS_DIR}/${scenario}/${scale}/summary.json")
    add_custom_command(
      OUTPUT "${summary}"
      COMMAND $<TARGET_FILE:scn_${scenario}> --scale ${scale} --out "${MEMGEN_RESULTS_DIR}"
      DEPENDS scn_${scenario} "${PROJECT_SOURCE_DIR}/scenarios/${MEMGEN_SCENARIO_${scenario}_SIMULATOR}/configs/${scenario}/${scale}.toml"
      COMMENT "scn_${scenario} --scale ${scale}"
      VERBATIM)
    list(APPEND summaries "${summary}")
  endforeach()
  add_custom_command(
    OUTPUT "${build_dir}/figures.stamp"
    COMMAND "${MEMGEN_PYTHON}" "${PROJECT_SOURCE_DIR}/plots/make_figures.py" --results "${MEMGEN_RESULTS_DIR}"
            --run ${scale} --out "${build_dir}/figures"
    COMMAND "${CMAKE_COMMAND}" -E touch "${build_dir}/figures.stamp"
    DEPENDS ${summaries} ${memgen_plot_scripts}
    COMMENT "figures (${scale})"
    VERBATIM)
  add_custom_command(
    OUTPUT "${build_dir}/numbers.tex"
    COMMAND "${MEMGEN_PYTHON}" "${PROJECT_SOURCE_DIR}/paper/generate.py" --results "${MEMGEN_RESULTS_DIR}"
            --run ${scale} --out "${build_dir}"
    DEPENDS ${summaries} "${PROJECT_SOURCE_DIR}/paper/generate.py"
    COMMENT "numbers.tex and claim tables (${scale})"
    VERBATIM)
  add_custom_command(
    OUTPUT "${build_dir}/memgen.pdf"
    COMMAND "${CMAKE_COMMAND}" -E env "TEXINPUTS=${PROJECT_SOURCE_DIR}/paper//:"
            "${MEMGEN_LATEXMK}" -pdf -interaction=nonstopmode -halt-on-error -quiet -jobname=memgen
            "${PROJECT_SOURCE_DIR}/paper/main.tex"
    COMMAND "${CMAKE_COMMAND}" -E copy "${build_dir}/memgen.pdf" "${MEMGEN_RESULTS_DIR}/memgen_${scale}.pdf"
    DEPENDS "${build_dir}/numbers.tex" "${build_dir}/figures.stamp" ${memgen_paper_sources}
    WORKING_DIRECTORY "${build_dir}"
    COMMENT "memgen.pdf (${scale}) -> results/memgen_${scale}.pdf"
    VERBATIM)
  add_custom_target(paper_${scale} DEPENDS "${build_dir}/memgen.pdf")
endforeach()
