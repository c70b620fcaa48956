"""memgen from Python: the C++ kernels (memgen._core, pybind11) and the results of runs.

Kernels (NumPy float64 arrays in and out; help(memgen.<name>) gives the mathematics and the source):
  effective_ranks, k_star, deterministic_equivalent        benign overfitting (BLLT 2020; Hastie et al. 2022)
  exact_risk_draw, isotropic_expected_bias/_variance      one design draw's exact risk, bit for bit as the scenarios
  gaussian_renyi, ridge_unlearning, two_sample_ks          per-instance privacy and unlearning (Sepahvand et al. 2025)
  one_sided_tpr, dp_power_cap                              membership inference (Carlini et al. 2022)
  analytic_gaussian_sigma, hoeffding_threshold            SCO traceability (Attias et al. 2024; Balle and Wang 2018)
  spurious_margins, flip_threshold, limit_ratio            spurious features (Bayat et al. 2025)
Runs and results:
  run(name, config=None, scale="default", seed=None, threads=None, out=None)
               a scenario through its binary (same numbers, validation and run directory), as a Run
  load(path)   a run directory (results/<scenario>/<run>) as a Run: tables, claims and metadata
Errors: a bad configuration raises memgen.ConfigError (a ValueError) naming the field, the value and the rule.
"""
from ._core import (ConfigError, analytic_gaussian_sigma, deterministic_equivalent, dp_power_cap, effective_ranks, exact_risk_draw,
                    gaussian_renyi, hoeffding_threshold, isotropic_expected_bias, isotropic_expected_variance, k_star, one_sided_tpr,
                    limit_ratio, flip_threshold, ridge_unlearning, spurious_margins, two_sample_ks)
from .results import Run, load
from .runner import run

__all__ = ["ConfigError", "Run", "analytic_gaussian_sigma", "deterministic_equivalent", "dp_power_cap", "effective_ranks", "exact_risk_draw",
           "isotropic_expected_bias", "isotropic_expected_variance",
           "gaussian_renyi", "hoeffding_threshold", "flip_threshold", "k_star", "limit_ratio", "load", "one_sided_tpr", "ridge_unlearning", "run",
           "spurious_margins", "two_sample_ks"]
