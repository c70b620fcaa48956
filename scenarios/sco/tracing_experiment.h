// One cell of the SCO tracing experiment (sco_traceability.md §9, SCO-E0 to SCO-E3, SCO-E5): a prior
// scale, n, d and a set of learners, run for T independent trials. Each trial:
//   1. draws p_k ~ s-beta(β, β) on [−1, 1] (fresh per trial; the theorems are existential over µ),
//      µ = p/√d (the realised coin means, coin_rows.h);
//   2. draws n training points and n fresh points z = x/√d (bit-packed coins);
//   3. runs every learner on the training points; tracer weight v (θ, or ŵ − µ for csl_erm);
//   4. scores s(z) = ⟨v, z − µ⟩ for all training and fresh points, with Hoeffding thresholds
//      τ_fw = ‖v‖√(2 ln(n/ξ)/d) (family-wise ξ) and τ_pp = ‖v‖√(2 ln(1/ξ)/d) (per point ξ), and a
//      calibrated per-point threshold τ_cal = Φ⁻¹(1 − ξ)·s₀ from the exact null variance
//      s₀² = Σ_k v_k²(1 − p_k²)/d of a fresh score (the adversary knows µ; normal approximation), and
//      optionally τ_sim, the k-th largest score of K simulated null points, k = ⌈ξ(K + 1)⌉; and the
//      family-wise Bernstein threshold at level ξ/n (v = Σ_k v_k²(1 − p_k²)/d, b = 2 max|v_k|/√d);
//   5. records recall, false positives, the CMI decoder's errors (the supersample is (z_i, z'_i)
//      with a random side: Û_i is right iff s(z_i) > s(z'_i)), the fingerprint sums
//      A₁ = Σ_i s(z_i), A₂ = Σ_i s(z_i)², ⟨θ, µ⟩, the exact excess risk and generalisation gap, the
//      counting lemma at β = n τ_fw, and a grid of thresholds for the DP cap;
//   6. for erm and projected_erm (θ = ΘQ(Θᵀa), a = z̄/‖z̄‖), the recall of a Gaussian model of a
//      training point's score: mean m = (1 − ‖µ‖²)/(n‖z̄‖) (its own coin's share of a; unchanged in
//      expectation by an unbiased projection) and the null variance s₀² of the output weight. For a
//      projection, s₀² ≈ ‖θ‖²/d ≈ 1/d′ is also the variance of the projection noise ⟨(ΘΘᵀ − I)a,
//      z_i − µ⟩ ≈ ‖a‖²‖z_i − µ‖²/d′, so no separate term: E recall_fw ≈ n Φ̄((τ_fw − m)/s₀), and likewise at τ_pp.
// Everything per trial is exact given µ; only the average over trials is Monte Carlo.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "sim/run/memory_estimate.h"
#include "sim/run/trial_runner.h"
#include "sim/sco/learners.h"

namespace memgen::scenarios {

constexpr int kDpGrid = 8;  ///< thresholds λ_j = c_j ‖v‖/√d, c_j = 0.5 j, j = 1..8

struct ScoCellOptions {
  std::string name = "cell";
  std::string trials_field = "trials";  ///< the config key that sets `trials` (for messages)
  double eps = 0.1;        ///< target accuracy ε (sets β = 1/(8ε²) unless beta > 0)
  double beta = 0.0;       ///< prior s-beta(β, β); 0: 1/(8ε²)
  std::int64_t n = 100;
  std::int64_t d = 100000;
  double xi = 0.01;        ///< soundness level
  std::int64_t trials = 100;
  std::vector<sim::ScoLearnerOptions> learners;  ///< at most 8
  double threshold_scale = 1.0;  ///< multiplies τ_fw, τ_pp (1; negative controls plant a wrong threshold)
  double dp_sigma_scale = 1.0;   ///< multiplies the Gaussian-mechanism σ (1; negative controls plant 0.01)
  std::int64_t null_draws = 0;   ///< K > 0: also a threshold from K simulated null points (k-th largest)
  std::int64_t NullRank() const;  ///< k = ⌈ξ(K + 1)⌉: a fresh point exceeds the k-th largest of K null
                                  ///< scores with probability exactly k/(K + 1) (exchangeability)
  double PriorBeta() const { return beta > 0.0 ? beta : 1.0 / (8.0 * eps * eps); }
  void Validate(const std::string& field) const;
};

struct ScoLearnerTrial {
  double excess = 0.0;        ///< CLB: ‖µ‖ − ⟨θ, µ⟩ (stable form); CSL: ½‖ŵ − µ‖²
  double gap = 0.0;           ///< ⟨θ, z̄ − µ⟩ = R(θ) − R̂(θ) (CLB)
  double theta_mu = 0.0;      ///< ⟨θ, µ⟩
  double a1 = 0.0, a2 = 0.0;  ///< Σ_i s(z_i), Σ_i s(z_i)²
  double weight_norm = 0.0;   ///< ‖v‖
  std::int64_t used_rows = 0;
  std::int64_t recall_fw = 0, recall_pp = 0, recall_used = 0;  ///< training points at or above τ
  std::int64_t fresh_fw = 0, fresh_pp = 0;                     ///< fresh points at or above τ
  std::int64_t recall_cal = 0, fresh_cal = 0;                  ///< at the calibrated τ_cal
  std::int64_t recall_sim = 0, fresh_sim = 0;                  ///< at the simulated-null τ_sim
  std::int64_t recall_bern = 0, fresh_bern = 0;                ///< at the family-wise Bernstein τ_bern
  std::int64_t decode_errors = 0;                              ///< #{i : s(z_i) ≤ s(z'_i)}
  std::int64_t counting_count = 0;                             ///< #{i : s_i ≥ τ_fw}
  double counting_bound = 0.0;                                 ///< (A₁ − nτ_fw)₊²/A₂
  std::int64_t grid_train[kDpGrid] = {}, grid_fresh[kDpGrid] = {};
  double predicted_recall_fw = 0.0;  ///< n Φ̄((τ_fw − m)/s₀): Gaussian model of the score (erm, projected_erm)
  double predicted_recall_pp = 0.0;  ///< the same at τ_pp
};

struct ScoTrial {
  double mu_norm2 = 0.0;
  std::vector<ScoLearnerTrial> learners;
};

// The trial's fields for the journal (sim/io/trial_codec.h): every member, in order.
template <typename Codec>
void Fields(Codec& c, ScoTrial& r) {
  c(r.mu_norm2, r.learners);
}

// Runs T trials of the cell (trial t uses streams keyed by (seed, "sco/<name>", t)).
std::vector<ScoTrial> RunScoCell(const ScoCellOptions& cell, std::uint64_t master_seed,
                                 const sim::TrialRunnerOptions& runner);
ScoTrial RunScoTrial(const ScoCellOptions& cell, std::uint64_t master_seed, std::int64_t trial);

// The cell's per-thread working set on `threads` threads and its trial results (memory_estimate.h).
void AddScoCellMemory(const ScoCellOptions& cell, int threads, sim::MemoryEstimate* memory);

}  // namespace memgen::scenarios
