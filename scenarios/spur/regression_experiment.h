// The good/bad/ugly memorization regression of Bayat et al. ("The Pitfalls of Memorization", 2024,
// Fig. 3; `good_bad_ugly_memorization.py`; spurious_memorization.md §8 and §9 E7). The target is
//   f(x*) = tanh(x*) + 0.5 tanh(−5x*)   on a sweep of N points in [−1.5, 1.5];
// n = 20 sweep points carry labels y = f(x*) + 0.08 z and inputs [x*, σ_ε e], e ~ N(0, I_30); a tanh
// MLP 31 → 300 → 300 → 1 is fitted by full-batch Adam to MSE < 1e-6 (sim/spur/mlp_regression.h). The
// prediction curve g([x*, 0]) is compared with f on |x*| ≤ 1.2:
//   sup error = max |g − f|,  L2 error = √(mean (g − f)²).
// Noise levels (each a named σ_ε): good 1e-4, bad 1e-3, ugly 0. Expected ordering (E7):
//   Good < Ugly and Good < Bad, for both errors,
// tested on seed-paired differences d_t = err_good(t) − err_other(t) over T trials.
//
// Seed pairing: every level of trial t trains from a fresh Rng on the SAME stream
// (master_seed, StreamTag("spur/regression"), t, 0). RunMlpRegression draws labels, then ε (even at
// σ_ε = 0), then the initial weights, in a fixed order, so within a trial the labels, the ε
// direction and the initialisation are identical at every σ_ε; only σ_ε differs.
#pragma once

#include <Eigen/Core>

#include <cstdint>
#include <string>
#include <vector>

#include "sim/run/memory_estimate.h"
#include "sim/io/csv_table.h"
#include "theory/verdict/claim.h"
#include "theory/verdict/test_size.h"
#include "sim/run/trial_runner.h"
#include "sim/spur/mlp_regression.h"

namespace memgen::scenarios {

struct RegressionLevel {
  std::string name;    ///< "good", "bad", "ugly" or any extra label ([A-Za-z0-9_])
  double sigma = 0.0;  ///< σ_ε of this level
};

// The MLP options of sim::MlpRegressionOptions (minus input_noise, which each level sets), the
// noise levels and the number of seeds.
struct RegressionOptions {
  std::int64_t sweep_points = 1000;  ///< N
  std::int64_t train_points = 20;    ///< n
  std::int64_t noise_dims = 30;      ///< dimension of ε
  double label_noise = 0.08;         ///< std of the label noise
  std::int64_t hidden = 300;         ///< width of both hidden layers
  double learning_rate = 1e-3;       ///< Adam
  double target_mse = 1e-6;          ///< stop once a step's training MSE is below this
  std::int64_t max_steps = 100000;
  std::vector<RegressionLevel> levels = {{"good", 1e-4}, {"bad", 1e-3}, {"ugly", 0.0}};
  std::int64_t trials = 10;          ///< seeds T
  void Validate(const std::string& field) const;  ///< throws ConfigError; requires good, bad and ugly

  sim::MlpRegressionOptions Mlp(double sigma) const;    ///< the learner's options at σ_ε = sigma
  std::size_t LevelIndex(const std::string& name) const;  ///< levels.size() when absent
};

// One training run (one trial at one level).
struct RegressionRun {
  std::int64_t steps = 0;
  double final_mse = 0.0;
  bool reached_target = false;
  double sup_error = 0.0;  ///< max |g([x*, 0]) − f| on |x*| ≤ 1.2
  double l2_error = 0.0;   ///< root-mean-square of the same
};

struct RegressionTrial {
  std::vector<RegressionRun> runs;  ///< one per level, in RegressionOptions::levels order
  // Trial 0 only (empty otherwise), for the figure.
  Eigen::VectorXd sweep_x;               ///< x* (N)
  std::vector<Eigen::VectorXd> curves;   ///< g([x*, 0]) per level (N each)
  Eigen::VectorXd train_x, train_y;      ///< the n training points (the same at every level)
  std::vector<Eigen::VectorXd> train_fit;  ///< g([x*, ε]) at the training inputs, per level
};

// The trial's fields for the journal (sim/io/trial_codec.h): every member, in order.
template <typename Codec>
void Fields(Codec& c, RegressionTrial& r) {
  c(r.runs, r.sweep_x, r.curves, r.train_x, r.train_y, r.train_fit);
}

double RegressionTarget(double x);  ///< f(x*) = tanh(x*) + 0.5 tanh(−5x*)

RegressionTrial RunRegressionTrial(const RegressionOptions& options, std::uint64_t master_seed, std::int64_t trial);
std::vector<RegressionTrial> RunRegression(const RegressionOptions& options, std::uint64_t master_seed,
                                           const sim::TrialRunnerOptions& runner);
// The per-thread working set on `threads` threads, trial 0's curves and every trial's runs
// (memory_estimate.h).
sim::MemoryEstimate RegressionMemory(const RegressionOptions& options, int threads);

// Claims over T trials (trials[t].runs must have one entry per level):
//   SPUR-E7.fit.<level>             every run of the level reached training MSE < target_mse
//                                   (EXACT count of runs that did not: 0)
//   SPUR-E7.good_vs_<other>.<err>   other ∈ {ugly, bad}, err ∈ {l2, sup}: the seed-paired mean of
//                                   err_good − err_other is negative with its 2 SE interval
//                                   excluding 0 (spec E7), PAIRED-ORDER: PASS iff mean + 2 SE < 0,
//                                   FAIL iff mean − 2 SE > 0, otherwise INCONCLUSIVE
std::vector<theory::Claim> BuildRegressionClaims(const RegressionOptions& options, const std::vector<RegressionTrial>& trials,
                                                 theory::TestSize size = {});

sim::CsvTable RegressionRunTable(const RegressionOptions& options, const std::vector<RegressionTrial>& trials);
sim::CsvTable RegressionCurveTable(const RegressionOptions& options, const std::vector<RegressionTrial>& trials);
sim::CsvTable RegressionTrainTable(const RegressionOptions& options, const std::vector<RegressionTrial>& trials);

}  // namespace memgen::scenarios
