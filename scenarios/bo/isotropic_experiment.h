// The isotropic experiment (benign_overfitting.md BO-E0 and BO-E4(c)): Σ = I_d, Gaussian design,
// where the finite-n risk is known exactly (isotropic_oracle.h), so Monte Carlo is checked with no
// free constants.
//   oracle cells    n × d/n grid: E V = σ² n/(d − n − 1), E B = ‖θ‖²(1 − n/d)        (ORACLE, z = 4)
//   noise draw      E_ε R = B + V: the one-noise-draw risk minus B + V has mean 0    (ORACLE)
//   double descent  n fixed, d from below n to 10n: E(B + V) against the exact curve (max |z| ≤ 4)
//   r₀ condition    d = n^{1.5} (BO-E4(c)): 1 − B = n/d = n^{-1/2} exactly, so B → ‖θ‖² and the
//                   problem is not benign although V → 0 (slope of 1 − B is −1/2); Wishart shortcut
//   Wishart check   the Bartlett shortcut against the full simulation (two-sample z ≤ 4)
//   Rademacher      the same oracle cells with ±1 entries (reported, no claim: the oracle is Gaussian)
#pragma once

#include <cstdint>
#include <vector>

#include "sim/run/memory_estimate.h"
#include "sim/io/csv_table.h"
#include "sim/bo/exact_risk.h"
#include "theory/verdict/claim.h"
#include "theory/verdict/test_size.h"
#include "sim/run/trial_runner.h"

namespace memgen::scenarios {

struct IsotropicOptions {
  theory::TestSize size;  ///< each claim's false-failure rate (the run's verdict.claim_false_failure_rate)
  double sigma2 = 1.0;
  double theta_norm = 1.0;
  std::vector<std::int64_t> oracle_n = {50, 100, 200};
  std::vector<double> oracle_d_over_n = {2.0, 5.0, 20.0};
  std::int64_t oracle_trials = 1000;
  std::int64_t dd_n = 100;
  std::vector<std::int64_t> dd_d = {20, 50, 80, 120, 150, 200, 300, 500, 1000};
  std::int64_t dd_trials = 300;
  std::vector<std::int64_t> r0_n = {100, 200, 400, 800};
  std::int64_t r0_trials = 200;
  std::int64_t wishart_n = 50;
  std::int64_t wishart_d = 2000;
  std::int64_t wishart_trials = 1000;
  std::vector<std::int64_t> rademacher_d = {200, 500};
  std::int64_t rademacher_n = 100;
  std::int64_t rademacher_trials = 200;
  void Validate() const;
};

struct IsotropicResult {
  sim::CsvTable cells{{"group", "design", "method", "n", "d", "trials", "bias", "bias_se", "variance", "variance_se",
                       "total", "total_se", "exact_bias", "exact_variance", "noise_gap", "noise_gap_se",
                       "ill_conditioned"}};
  sim::CsvTable exact_curve{{"n", "d", "d_over_n", "exact_bias", "exact_variance", "exact_total"}};  ///< dense
  std::vector<theory::Claim> claims;
};

// `risk_override` replaces the learner (negative controls plant a wrong one in tests).
// Every cell's working set on `threads` threads (Gram state, the d < n primal route, the QR
// fallback) and the draws every cell keeps (memory_estimate.h).
sim::MemoryEstimate IsotropicMemory(const IsotropicOptions& options, int threads);

IsotropicResult RunIsotropic(const IsotropicOptions& options, std::uint64_t master_seed,
                             const sim::TrialRunnerOptions& runner, const sim::ExactRiskOptions* risk_override = nullptr);

}  // namespace memgen::scenarios
