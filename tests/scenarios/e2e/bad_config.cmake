# End-to-end: bad input exits with code 2, prints one line naming the field, and writes nothing.
include(${CMAKE_CURRENT_LIST_DIR}/rejection_check.cmake)
set(out "${WORK_DIR}/bad_config")
file(REMOVE_RECURSE "${out}")
# Runs scn_<scenario> --scale smoke with the extra arguments and expects exit code 2, the text in a
# one-line error, and no results directory.
function(expect_rejected_in scenario expected_text)
  set(scale --scale smoke)
  string(REGEX MATCH "--config|--scale" names_config "${ARGN}")
  if(names_config)
    set(scale "")  # --config names the file itself, and --scale may not be given twice
  endif()
  execute_process(COMMAND "${BIN_DIR}/scn_${scenario}" ${scale} --out "${out}" ${ARGN}
                  RESULT_VARIABLE code OUTPUT_VARIABLE stdout ERROR_VARIABLE stderr)
  memgen_check_rejection("scn_${scenario} ${ARGN}" "${code}" "${stderr}" "${expected_text}" "${out}/${scenario}")
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
expect_rejected("curve[0].n = " --set "curve[0].n=[200000]" --set "curve[0].mc_n=[200000]" --set curve[0].spectrum.d=400000)
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
expect_rejected_in(sco_tracing "dp_epsilon = 150: must be in (0, 100]" --set learner[5].dp_epsilon=150)
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

# Values are range-checked before any conversion, nothing to read is refused, long values are
# shortened, and a config must select something to check (issue 11).
expect_rejected_in(spur_theory "dynamics.max_power = 4294967299: must be in [3, 7]" --set dynamics.max_power=4294967299)
expect_rejected("--seed = 99999999999999999999: must be an integer in [0, 2^63 - 1]" --seed 99999999999999999999)
expect_rejected("--seed = -1: must be an integer in [0, 2^63 - 1]" --seed -1)
expect_rejected_in(sco_tracing "xi = 0: must be in (0, 1)" --set xi=0)
expect_rejected_in(sco_tracing "must be a finite size in [0, 2^53] (derived from dimension_constant" --set dimension_constant=1e300)
expect_rejected("curve[0].trials = " --set curve[0].trials=1000000000000)
expect_rejected_in(spur_figure1 "trials = " --set trials=1000000000000)
expect_rejected("is not a readable TOML file (not a regular file)" --config "${WORK_DIR}")
# An empty --config (CMake drops empty arguments, so through sh).
execute_process(COMMAND sh -c "\"$0\" --config '' --out \"$1\"" "${BIN_DIR}/scn_bo_spectra" "${out}"
                RESULT_VARIABLE code ERROR_VARIABLE stderr OUTPUT_QUIET)
if(NOT code EQUAL 2 OR NOT stderr MATCHES "--config = \"\": must name a TOML file")
  message(FATAL_ERROR "an empty --config was not refused (exit ${code}): ${stderr}")
endif()
file(WRITE "${WORK_DIR}/bad_config_empty.toml" "")
expect_rejected("is empty: a config must set at least one key" --config "${WORK_DIR}/bad_config_empty.toml")
expect_rejected("--scale = paper: cannot be combined with --config" --scale paper --config "${WORK_DIR}/bad_config_empty.toml")
expect_rejected("curve[0].checks = []: must be a non-empty array of strings" "--set" "curve[0].checks=[]")
string(REPEAT "x" 5000 long_name)
expect_rejected("chars): must be " --set "curve[0].n=\"${long_name}\"")
expect_rejected("--run-id = up/down: must use only letters" --run-id up/down)
string(REPEAT "r" 300 long_run_id)
expect_rejected("(300 chars): must have at most 128 characters" --run-id ${long_run_id})
expect_rejected("--out = /dev/null: must be a directory memgen can create and write" --out /dev/null)
