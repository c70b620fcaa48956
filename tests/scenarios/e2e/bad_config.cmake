# End-to-end: bad input exits with code 2, prints one line naming the field, and writes nothing.
set(out "${WORK_DIR}/bad_config")
file(REMOVE_RECURSE "${out}")
# Runs scn_<scenario> --scale smoke with the extra arguments and expects exit code 2, the text in a
# one-line error, and no results directory.
function(expect_rejected_in scenario expected_text)
  execute_process(COMMAND "${BIN_DIR}/scn_${scenario}" --scale smoke --out "${out}" ${ARGN}
                  RESULT_VARIABLE code OUTPUT_VARIABLE stdout ERROR_VARIABLE stderr)
  if(NOT code EQUAL 2)
    message(FATAL_ERROR "scn_${scenario}: expected exit code 2 for ${ARGN}, got ${code}: ${stderr}")
  endif()
  string(FIND "${stderr}" "${expected_text}" where)
  if(where EQUAL -1)
    message(FATAL_ERROR "scn_${scenario}: expected '${expected_text}' for ${ARGN}, got: ${stderr}")
  endif()
  string(REGEX MATCHALL "\n" lines "${stderr}")
  list(LENGTH lines line_count)
  if(NOT line_count EQUAL 1)
    message(FATAL_ERROR "scn_${scenario}: expected a one-line error for ${ARGN}, got: ${stderr}")
  endif()
  if(EXISTS "${out}/${scenario}")
    message(FATAL_ERROR "scn_${scenario}: a rejected run wrote results for ${ARGN}")
  endif()
endfunction()

function(expect_rejected expected_text)
  expect_rejected_in(bo_spectra "${expected_text}" ${ARGN})
endfunction()

expect_rejected("curve[0].trials = 0: must be >= 2" --set curve[0].trials=0)
expect_rejected("curve[0].trails = (set): is not a known setting" --set curve[0].trails=3)
expect_rejected("seed = 'abc': must be an integer" --set seed=abc)
expect_rejected("curve[1].sigma2 = nan: must be finite" --set curve[1].sigma2=nan)
expect_rejected("curve[0].n = 0: sample sizes must be >= 2" --set "curve[0].n=[0]" --set "curve[0].mc_n=[0]")
expect_rejected("must exceed n = 50 for min-norm interpolation" --set curve[0].spectrum.d=40)
expect_rejected("memory estimate" --set "curve[0].n=[200000]" --set "curve[0].mc_n=[200000]" --set curve[0].spectrum.d=400000)
expect_rejected("--scale = huge: must be smoke, default or paper" --scale huge)
expect_rejected("--threads = 0: must be in [1, 256]" --threads 0)
expect_rejected("--threads = 100000: must be in [1, 256]" --threads 100000)
expect_rejected("is not a readable TOML file" --config /nonexistent.toml)
expect_rejected("curve[0].spectrum.kind = powerlaw: must be power_law" --set curve[0].spectrum.kind=powerlaw)

expect_rejected_in(bo_isotropic "wishart_check.n = -3: must be >= 2" --set wishart_check.n=-3)
expect_rejected_in(bo_isotropic "oracle.d_over_n = 1.1: must give d >= n + 8" "--set" "oracle.d_over_n=[1.1]")
expect_rejected_in(bo_isotropic "rademacher.n = 0: must be >= 2" --set rademacher.n=0)
expect_rejected_in(sco_tracing "eps = 0.7: every eps must be in (0, 0.5)" "--set" "eps=[0.7]")
expect_rejected_in(sco_tracing "learner[0].kind = median: must be erm" --set learner[0].kind=median)
expect_rejected_in(sco_tracing "dp_epsilon = 1.5: must be in (0, 1)" --set learner[5].dp_epsilon=1.5)
expect_rejected_in(bo_spectra "must span at least 1.5 decades" "--set" "curve[5].n=[100, 200]")
expect_rejected_in(spur_figure1 "n = 5: must be in [20, 1e5]" --set n=5)
expect_rejected_in(spur_figure1 "sweep_noise = 0.1: must be increasing" "--set" "sweep_noise=[0.5, 0.1]")
expect_rejected_in(spur_theory "margins[0].rho = 0.7: must be in (0, 0.5)" --set margins[0].rho=0.7)
expect_rejected_in(spur_theory "dynamics.max_power = 9: must be in [3, 7]" --set dynamics.max_power=9)
# Typos inside a table that is read are rejected with their full dotted path (issue 11).
expect_rejected("curve[0].spectrum.bogus = (set): is not a known setting" --set curve[0].spectrum.bogus=1)
expect_rejected_in(bo_isotropic "oracle.trails = (set): is not a known setting" --set oracle.trails=5)
expect_rejected_in(spur_theory "dynamics.learnig_rate = (set): is not a known setting" --set dynamics.learnig_rate=0.1)
expect_rejected_in(sco_tracing "fingerprint.rnus = (set): is not a known setting" --set fingerprint.rnus=3)
expect_rejected_in(spur_figure1 "verdict.bogus = (set): is not a known setting" --set verdict.bogus=1)

# A config overlay with a key its base does not have (a typo) is rejected, naming the key.
get_filename_component(source_dir "${CMAKE_CURRENT_LIST_DIR}/../../.." ABSOLUTE)
set(overlay_dir "${WORK_DIR}/bad_config_overlays")
file(WRITE "${overlay_dir}/typo.toml"
     "overlay.base = \"${source_dir}/scenarios/bo/configs/bo_isotropic/default.toml\"\n[oracle]\ntrails = 3\n")
expect_rejected_in(bo_isotropic "oracle.trails = (set in typo.toml): is not a key of the base default.toml"
                   --config "${overlay_dir}/typo.toml")
file(WRITE "${overlay_dir}/short.toml"
     "overlay.base = \"${source_dir}/scenarios/bo/configs/bo_spectra/default.toml\"\n[[curve]]\ntrials = 3\n")
expect_rejected_in(bo_spectra "curve = 1 tables (in short.toml): must have as many tables as the base default.toml"
                   --config "${overlay_dir}/short.toml")
