// Differentially private learners under the membership-inference cap (learning_dynamics.md §8; issue
// 13: "differentially private learners stay under the DP cap e^ε·FPR + δ at every FPR"). The learner
// releases the sum of its n training points (unit vectors in R^d, so adding or removing one moves the
// sum by Δ = 1) plus N(0, σ² I), with σ from the analytic Gaussian mechanism (Balle and Wang 2018,
// theory/sco/gaussian_mechanism.h) for (ε, δ), so any ε > 0 is accepted. The attacker is the strongest
// one, who knows every other training point: its statistic ⟨θ − Σ_{j≠t} x_j, x_t⟩ is N(1, σ²) when the
// target t is IN and N(0, σ²) when it is OUT, so its Neyman–Pearson TPR is Φ(Φ⁻¹(α) + 1/σ)
// (theory/mem/membership.h), and (ε, δ)-DP caps it at min(1, e^ε α + δ).
// Each trial draws one training set and target, then `releases` runs of the learner with the target IN
// and as many without it (Philox normals), and measures TPR at FPR < α (the LiRA convention) at each α.
// Claims (per ε):
//   LIRA-DP.cap.e<ε>        max over a fine FPR grid of Φ(Φ⁻¹(α) + 1/σ) − cap(α) ≤ 0: the calibration is
//                           admissible (exact, 1e-12)                                          EXACT
//   LIRA-DP.empirical.e<ε>  the empirical TPR minus the cap, per FPR of the grid, is at most 0    SERIES BOUND
// Planted defect (negative control, tests/scenarios/mem/lira_claims_test.cc): σ calibrated for a
// sensitivity of 1/2 instead of 1, too little noise: the attack beats the cap.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "sim/io/csv_table.h"
#include "sim/run/memory_estimate.h"
#include "sim/run/trial_runner.h"
#include "theory/verdict/claim.h"
#include "theory/verdict/test_size.h"

namespace memgen::scenarios {

struct DpCapOptions {
  std::vector<double> epsilons = {0.5, 1.0, 2.0, 4.0};
  double delta = 1e-5;
  std::int64_t train_size = 100;     ///< n
  int dimension = 20;                ///< d
  std::int64_t releases = 100000;    ///< learner runs with the target IN, and as many OUT, per trial
  std::vector<double> fprs = {1e-2, 1e-1};  ///< where the slack under the cap exceeds the Monte Carlo error
  std::int64_t trials = 10;
  bool planted_half_noise = false;
  std::string field = "dp";
  std::string trials_field = "dp.trials";
  void Validate() const;
};

struct DpCapTrial {
  std::vector<double> tpr;  ///< [ε index × FPR index]
};

template <typename Codec>
void Fields(Codec& c, DpCapTrial& r) {
  c(r.tpr);
}

struct DpCapResult {
  DpCapOptions options;
  std::vector<DpCapTrial> trials;
};

double DpNoise(const DpCapOptions& options, double epsilon_dp);  ///< σ of the release (halved when planted)
DpCapTrial DpCapRun(const DpCapOptions& options, std::uint64_t master_seed, std::int64_t trial);
DpCapResult RunDpCap(const DpCapOptions& options, std::uint64_t master_seed, const sim::TrialRunnerOptions& runner);
void AddDpCapMemory(const DpCapOptions& options, int threads, sim::MemoryEstimate* memory);
std::vector<theory::Claim> BuildDpCapClaims(const DpCapResult& result, theory::TestSize size = {});
// Per ε: the Neyman–Pearson TPR and the cap on a log FPR grid (1e-6 to 1), and the measured mean TPR
// at the configured rates (empty elsewhere).
sim::CsvTable DpCurveTable(const DpCapResult& result);

}  // namespace memgen::scenarios
