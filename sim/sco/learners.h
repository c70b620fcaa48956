// Learners for the SCO hard instances with closed forms (sco_traceability.md §3), on data
// z_i = x_i/√d, x_i ∈ {±1}^d stored as bit rows. All are functions of the sample (and, for the DP
// learner, of independent noise); each returns its output θ and the tracer weight v, so the tracer
// scores ⟨v, z − µ⟩:
//   erm             θ = z̄/‖z̄‖                        (CLB loss −⟨w, z⟩ on the unit ball)
//   reg_erm         θ = Π_B(z̄/λ)                     (−⟨w, z̄⟩ + (λ/2)‖w‖² over the ball)
//   sgd_lazy        θ = Π_B(η Σ_t z_t)                (one pass, lazy projection)
//   sgd_greedy      θ_t = Π_B(θ_{t−1} + η z_t), θ = θ_n (one pass, projected at every step)
//   sgd_average     θ = (1/n) Σ_t θ_t of sgd_greedy
//   subsample       erm on the first m = ⌈f n⌉ points only
//   dp_mean         θ = v/‖v‖, v = z̄ + N(0, σ² I); the caller sets σ from (ε_DP, δ) by the analytic
//                   Gaussian mechanism with replace-one sensitivity 2/n (theory/sco/gaussian_mechanism.h)
//   noisy_mean      as dp_mean with a given σ = noise/√d (not calibrated: the phase-transition sweep)
//   csl_erm         ŵ = z̄ for the strongly convex loss −⟨w, z⟩ + ½‖w‖²; tracer weight v = ŵ − µ
//   projected_erm   θ = Θ Q(Θᵀ erm), the stochastic projection of Sefidgaran et al. (sign_projection.h)
//                   with d′ = projection_dim, fresh Θ per run from the learner's noise stream
// η defaults to 1/√n (R = L = 1).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "sim/random/rng.h"
#include "sim/sco/coin_rows.h"

namespace memgen::sim {

enum class ScoLearnerKind { kErm, kRegErm, kSgdLazy, kSgdGreedy, kSgdAverage, kSubsample, kDpMean, kNoisyMean, kCslErm, kProjectedErm };
std::string ScoLearnerKindToString(ScoLearnerKind kind);
ScoLearnerKind StringToScoLearnerKind(const std::string& text, const std::string& field = "learner.kind");

struct ScoLearnerOptions {
  ScoLearnerKind kind = ScoLearnerKind::kErm;
  std::string name = "erm";         ///< label in results
  double fraction = 1.0;            ///< subsample: m = ⌈fraction · n⌉
  double reg_lambda = 0.1;          ///< reg_erm λ
  double step = 0.0;                ///< SGD η (0: 1/√n)
  double dp_epsilon = 0.5;          ///< dp_mean ε_DP in (0, 100]
  double dp_delta = 1e-5;           ///< dp_mean δ
  double dp_sigma = 0.0;            ///< dp_mean noise σ (set by the experiment from ε_DP, δ, n)
  double noise = 0.0;               ///< noisy_mean: σ√d (noise per coordinate in units of 1/√d)
  std::int64_t projection_dim = 100;  ///< projected_erm: d′
  double quantizer_step = 0.0;        ///< projected_erm: Δ (0: no quantisation)
  double projection_scale = 1.0;      ///< projected_erm: multiplies θ (1; negative controls plant 2)
  void Validate(const std::string& field) const;
};

struct ScoLearnerOutput {
  std::vector<double> theta;   ///< output (length d)
  std::vector<double> weight;  ///< tracer weight v (length d)
  std::int64_t used_rows = 0;  ///< how many training points the learner looked at
};

// `counts[k]` = number of +1 coins in column k over all n training rows; `mu` = E z (length d).
ScoLearnerOutput RunScoLearner(const ScoLearnerOptions& options, const CoinMatrix& train,
                               const std::vector<std::int32_t>& counts, const std::vector<double>& mu,
                               std::int64_t d, Rng& noise);

// Adds row r's +1 indicators to counts (length 64·words).
void AddRowCounts(const std::uint64_t* row, std::int64_t words, std::int32_t* counts);

}  // namespace memgen::sim
