// Per-instance privacy loss and unlearning difficulty (Sepahvand et al. 2025; learning_dynamics.md §9
// (a), (b), (h); the essay's reading of Baluta et al. 2024) on the exact ridge-Langevin model
// (theory/mem/ridge_noisy_gd.h). Each trial draws one data set of the §10 generator
// (sim/mem/regression_sample.h: clean, mislabeled and outlier examples, and `repeated` clean examples
// with `copies` rows each) and, for every example i (all its rows removed):
//   P_i  = D_α(ν_S ‖ ν_{S∖i}), the per-instance privacy loss at stationarity (closed form);
//   k*_i = min{k : D_α(unlearned after k steps on S∖i from ν_S ‖ ν_{S∖i}) ≤ ε}, exact by iteration;
//   k̂_i  = the first k at which the loss ℓ_i(w) = (x_iᵀw − y_i)² of `seeds` unlearning chains (from
//          draws of ν_S) is indistinguishable from `seeds` retrained models (draws of ν_{S∖i}, the law of
//          retraining to stationarity) by the two-sample KS test at level `ks_level`; k_max + 1 if never.
// Claims (per-trial statistics, summarised over the independent data sets):
//   UNL-RANK.exact        Spearman(P, k*) > 0 (h)                                              SIDE OF LEVEL
//   UNL-RANK.monte_carlo  Spearman(k̂, k*) ≥ 0.8 (h) [reconstructed: calibrate]                  MEAN BOUND
//   UNL-RANK.privacy      Spearman(k̂, P) ≥ 0.5 (b) [reconstructed: calibrate]                   MEAN BOUND
//   UNL-RANK.log_linear   R² of k̂ on ln P ≥ 0.5 (b) [reconstructed: calibrate]                  MEAN BOUND
//   UNL-GROUP.outlier     mean ln P of outliers > of clean examples (a)                       PAIRED ORDER
//   UNL-GROUP.noisy       mean ln P of mislabeled examples > of clean examples (a)            PAIRED ORDER
//   UNL-GROUP.repeated    mean k* of repeated examples > of clean examples (the essay)        PAIRED ORDER
//   UNL-GROUP.essay_outlier  mean k* of outliers < of clean examples (the essay's "outliers are easier
//                         to unlearn"); expected REFUTED in steps: the theory ranks steps by P  PAIRED ORDER
//   UNL-GROUP.essay_repeated  mean k* of outliers < of repeated examples (the essay); expected REFUTED
//                         at the default sizes from a calibration on seed 777, not a derivation  PAIRED ORDER
// Planted defects (negative controls, tests/scenarios/mem/unlearning_claims_test.cc): P negated (ranks
// reversed); the outlier and clean labels swapped.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "scenarios/mem/langevin_model.h"
#include "sim/io/csv_table.h"
#include "sim/mem/regression_sample.h"
#include "sim/run/memory_estimate.h"
#include "sim/run/trial_runner.h"
#include "theory/verdict/claim.h"
#include "theory/verdict/test_size.h"

namespace memgen::scenarios {

sim::RegressionSampleOptions DefaultPointSample();  ///< m = 2, d = 5, n = 40: 10 % outliers, 10 % noise, 3 repeated × 4
// λ_R = 0.1, η = 0.05, α = 2 and a colder chain than the spec's prototype, 1/β = 0.001: at 1/β = 0.01 most
// examples' divergences sit below what a KS test on 64 seeds resolves (docs/memorization_privacy.md).
LangevinModel DefaultPointModel();

struct UnlearningPointOptions {
  sim::RegressionSampleOptions sample = DefaultPointSample();
  LangevinModel model = DefaultPointModel();
  double epsilon = 0.1;     ///< ε, the target divergence of k*, near what the KS test on `seeds` resolves
  int max_steps = 5000;     ///< k_max
  int seeds = 64;           ///< unlearning chains and retrained models per example
  double ks_level = 0.05;
  std::int64_t trials = 1000;
  bool planted_negate_privacy = false;
  bool planted_swap_groups = false;
  std::string field = "points";
  std::string data_field = "points.data";
  std::string trials_field = "points.trials";
  void Validate() const;
};

struct UnlearningPointTrial {
  std::vector<double> privacy;            ///< P_i
  std::vector<std::int64_t> exact_steps;  ///< k*_i
  std::vector<std::int64_t> mc_steps;     ///< k̂_i
  std::vector<std::int64_t> group;        ///< sim::ExampleGroup
};

template <typename Codec>
void Fields(Codec& c, UnlearningPointTrial& r) {
  c(r.privacy, r.exact_steps, r.mc_steps, r.group);
}

struct UnlearningPointResult {
  UnlearningPointOptions options;
  std::vector<UnlearningPointTrial> trials;
};

UnlearningPointTrial UnlearningPointRun(const UnlearningPointOptions& options, std::uint64_t master_seed, std::int64_t trial);
UnlearningPointResult RunUnlearningPoints(const UnlearningPointOptions& options, std::uint64_t master_seed,
                                          const sim::TrialRunnerOptions& runner);
void AddUnlearningPointMemory(const UnlearningPointOptions& options, int threads, sim::MemoryEstimate* memory);

std::vector<theory::Claim> BuildUnlearningPointClaims(const UnlearningPointResult& result, theory::TestSize size = {});
sim::CsvTable UnlearningPointTable(const UnlearningPointResult& result);  ///< every example of every trial
sim::CsvTable UnlearningTrialTable(const UnlearningPointResult& result);  ///< per trial: rank statistics, group means

}  // namespace memgen::scenarios
