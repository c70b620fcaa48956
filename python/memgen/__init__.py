"""memgen from Python: the C++ kernels (memgen._core, pybind11) and the results of runs.

Kernels (NumPy float64 arrays in and out; help(memgen.<name>) gives the mathematics and the source):
  effective_ranks, k_star, deterministic_equivalent        benign overfitting (BLLT 2020; Hastie et al. 2022)
  exact_risk_draw, isotropic_expected_bias/_variance      one design draw's exact risk, bit for bit as the scenarios
  gaussian_renyi, ridge_unlearning, two_sample_ks          per-instance privacy and unlearning (Sepahvand et al. 2025)
  one_sided_tpr, dp_power_cap                              membership inference (Carlini et al. 2022)
  analytic_gaussian_sigma, hoeffding_threshold,           SCO traceability (Attias et al. 2024; Balle and Wang 2018)
  bernstein_threshold, sco_trial                          one tracing trial (learners, thresholds, fingerprint sums) as the scenario
  mode_strength, mode_time, aligned_test_error,           learning dynamics: deep linear networks (Saxe et al. 2014;
  optimal_early_stop, training_singular_value,              Lampinen and Ganguli 2019), 1-NN against Bayes (Cover and Hart
  teacher_overlap, early_stopping_optimum,                  1967), the random perceptron (Mingard et al. 2019) and
  cover_hart_bound, constant_eta_nn_risk, mixture_bayes_risk, mixture_nn_limit, memorizer_limit,
  perceptron_bias, gromov_weights, gromov_constructive_term   Gromov's modular addition (2023)
  spurious_margins, flip_threshold, limit_ratio            spurious features (Bayat et al. 2025)
Runs and results:
  run(name, config=None, scale="default", seed=None, threads=None, out=None, progress=True)
               a scenario through its binary (same numbers, validation and run directory), as a Run,
               with a progress bar; Ctrl-C stops it (KeyboardInterrupt) and leaves no partial run
  load(path)   a run directory (results/<scenario>/<run>) as a Run: tables, claims and metadata
Errors: a bad configuration raises memgen.ConfigError (a ValueError) naming the field, the value and the rule.
"""
from . import _core
from ._core import ConfigError
from .results import Run, load
from .runner import run

KERNELS = sorted(name for name in dir(_core) if not name.startswith("_") and name != "ConfigError")
globals().update({name: getattr(_core, name) for name in KERNELS})

__all__ = ["ConfigError", "Run", "load", "run"] + KERNELS
