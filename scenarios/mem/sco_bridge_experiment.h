// Membership inference meets traceability (issue 13; learning_dynamics.md §8; sco_traceability.md): on
// the CLB hard instance of the SCO simulator (coins x ∈ {±1}^d of means p_k ~ s-beta(β, β), z = x/√d,
// n = ⌈1/ε²⌉, d = ⌈128 ε² n² ln(n/ξ)⌉, β = 1/(8ε²)), M shadow learners (sim/sco/learners.h: the noisy
// mean θ = (z̄ + N(0, σ²I))/‖·‖ with σ√d = `noise`, ERM at 0) each train on half of a pool of 2n points
// (LiRA argsort masks: every point IN in exactly M/2 of them). On every model as the target:
//   the tracer    flags z when s(z) = ⟨θ, z − µ⟩ exceeds the calibrated per-point threshold
//                 Φ⁻¹(1 − ξ)·s₀, s₀² = Σ_k θ_k²(1 − p_k²)/d (scenarios/sco/tracing_experiment.h); its
//                 recall is the share of IN pairs flagged, its FPR the share of OUT pairs;
//   LiRA online   fits IN and OUT Gaussians to s per point from the other M − 1 models
//                 (sim/mem/lira_attack.h) and is read at FPR < ξ (the LiRA convention), as is
//   the global    threshold on s pooled over models and points.
// On this instance the points are exchangeable and s given θ is a sum of d independent coins, so the
// tracer's threshold test with the exact null variance is the Neyman–Pearson test of a shifted
// Gaussian at level ξ; LiRA estimates the same shift and spread from M/2 models a side. Claims, per
// noise level (`n<σ√d>` in the id):
//   LIRA-SCO.tracer_fpr.<n>   the tracer's FPR is ξ up to the normal approximation of its threshold:
//                             |FPR − ξ| ≤ the largest Berry–Esseen bound (Shevtsova's C = 0.56) on
//                             the null law of s over models and trials, + z SE                 TOLERANCE
//   LIRA-SCO.lira_vs_tracer.<n>  LiRA online's TPR at FPR ξ minus the tracer's recall, paired per
//                             trial, is at most 0: the exact-null test is not beaten          AT MOST 0
// Planted defect (negative control, tests/scenarios/mem/lira_claims_test.cc): the tracer's threshold at
// Φ⁻¹(1 − ξ)·s₀/2, which breaks soundness.
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

struct ScoBridgeOptions {
  double accuracy = 0.2;                     ///< ε
  double fpr = 0.01;                         ///< ξ
  std::vector<double> noises = {0.0, 2.0, 3.0, 4.0};  ///< σ√d of the noisy mean, 0 = ERM
  std::int64_t shadows = 64;                 ///< M (even)
  std::int64_t trials = 20;
  bool planted_half_threshold = false;
  std::string field = "sco";
  std::string trials_field = "sco.trials";
  std::int64_t TrainSize() const;            ///< n = ⌈1/ε²⌉
  std::int64_t Dimension() const;            ///< d = ⌈128 ε² n² ln(n/ξ)⌉
  void Validate() const;
};

struct ScoBridgeTrial {
  std::vector<double> tracer_recall, tracer_fpr, lira_tpr, global_tpr;  ///< per noise level
  std::vector<double> fpr_bound;  ///< per noise level: the largest Berry–Esseen bound over the models
};

template <typename Codec>
void Fields(Codec& c, ScoBridgeTrial& r) {
  c(r.tracer_recall, r.tracer_fpr, r.lira_tpr, r.global_tpr, r.fpr_bound);
}

struct ScoBridgeResult {
  ScoBridgeOptions options;
  std::vector<ScoBridgeTrial> trials;
};

ScoBridgeTrial ScoBridgeRun(const ScoBridgeOptions& options, std::uint64_t master_seed, std::int64_t trial);
ScoBridgeResult RunScoBridge(const ScoBridgeOptions& options, std::uint64_t master_seed, const sim::TrialRunnerOptions& runner);
void AddScoBridgeMemory(const ScoBridgeOptions& options, int threads, sim::MemoryEstimate* memory);
std::vector<theory::Claim> BuildScoBridgeClaims(const ScoBridgeResult& result, theory::TestSize size = {});
sim::CsvTable ScoBridgeTable(const ScoBridgeResult& result);  ///< per noise level: mean recall, FPR and TPRs with SE

}  // namespace memgen::scenarios
