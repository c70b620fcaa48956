// The ℓ₂-cube instance of Voitovych, Haghifam, Attias, Dziugaite, Livni, Roy (2025), Eq. (7) with
// p = 2, k = d (sco_traceability.md §2.4, SCO-E4): Θ = B∞(1/√d), the cube inside the unit ℓ₂ ball;
// Z = {±1}^d; f(θ, z) = −⟨θ, z⟩/√d. Per trial µ_j ~ s-beta(β, β) on [−1, 1] with β = 1/(36 α₀²)
// (the spec's reconstruction, [RC]). Learner: the clipped noisy mean θ̂ = clip(z̄ + N(0, σ² I), ±1/√d)
// for a grid of σ, including the (ε, δ)-DP calibration σ_DP of the analytic Gaussian mechanism (Balle
// and Wang 2018; theory/sco/gaussian_mechanism.h) at the replace-one ℓ₂ sensitivity 2√d/n of z̄. Tracer φ(θ, z) = ⟨θ, z − µ⟩ with the per-point threshold
// λ = √(2 ln(1/ξ)), valid for ‖θ‖₂ ≤ 1 by Hoeffding. Exact excess given µ: ‖µ‖₁/d − ⟨θ̂, µ⟩/√d.
//   SCO-E4.sound     fresh points flagged at rate ≤ ξ, every σ                              BOUND
//   SCO-E4.below     σ = 0, 1/√n ≤ α₀ ≤ ½√d/(n√ln(1/ξ)) (the spec's range (b)): recall ≥ ξn + 4 SE;
//                    refuted near ½ threshold (transition at ≈ 0.37, docs/sco_traceability.md) BOUND
//   SCO-E4.dp_cap    σ = σ_DP: recall/n ≤ e^ε ξ + δ (Prop. A.5)                            BOUND
//   SCO-E4.band      across cells with the same (n, d, ξ) and 1/√n ≤ α₀ ≤ ½ threshold (at least 3): the
//                    noiseless recall is Θ(1/α₀²), m̂·α₀² within a band of ratio ≤ 10 (spec (b))   Θ-BAND
//   SCO-E4.transition  across d at fixed (n, ξ), each d with ≥ 3 α₀ cells: the transition α_×(d), where
//                    the noiseless recall falls to 2ξn (log-linear interpolation between the bracketing
//                    α₀, SE by the delta method), grows like √d: slope 0.5 ± 0.15 (spec (d))      Θ-SLOPE
// The DP learner's excess (the cost of privacy) is reported in cube.csv, not claimed: Thm 2.8's
// constant is unknown.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "sim/run/memory_estimate.h"
#include "sim/io/csv_table.h"
#include "theory/verdict/claim.h"
#include "theory/verdict/test_size.h"
#include "sim/run/trial_runner.h"
#include "theory/stats/sample_stats.h"

namespace memgen::scenarios {

struct CubeCellOptions {
  std::string name = "cube";
  std::string trials_field = "trials";  ///< the config key that sets `trials` (for messages)
  double alpha0 = 0.1;              ///< target accuracy α₀: β = 1/(36 α₀²)
  std::int64_t n = 1000;
  std::int64_t d = 100000;
  double xi = 0.01;
  std::int64_t trials = 50;
  std::vector<double> sigmas = {0.0, 0.01, 0.03, 0.1, 0.3, 1.0, 3.0};  ///< noise σ per coordinate (≤ 7)
  double dp_epsilon = 0.5;
  double dp_delta = 1e-5;
  double dp_sigma_scale = 1.0;      ///< multiplies σ_DP (1; negative controls plant 0.01)
  double DpSigma() const;
  double Threshold() const;         ///< √d/(n √ln(1/ξ)), the DP risk threshold
  void Validate(const std::string& field) const;
};

struct CubeLaneSummary {
  double sigma = 0.0;
  bool dp = false;
  theory::MeanSe excess, recall, fresh_rate;
};

struct CubeCellResult {
  CubeCellOptions cell;
  std::vector<CubeLaneSummary> lanes;  ///< the σ grid, then σ_DP
};

CubeCellResult RunCubeCell(const CubeCellOptions& cell, std::uint64_t master_seed, const sim::TrialRunnerOptions& runner);
// The cell's per-thread working set on `threads` threads and its trial results (memory_estimate.h).
void AddCubeCellMemory(const CubeCellOptions& cell, int threads, sim::MemoryEstimate* memory);
std::vector<theory::Claim> BuildCubeClaims(const CubeCellResult& result, theory::TestSize size = {});
std::vector<theory::Claim> BuildCubeGridClaims(const std::vector<CubeCellResult>& results, theory::TestSize size = {});

// α_× of one (n, d, ξ) group of noiseless cells sorted by α₀: where the recall first falls to 2ξn,
// interpolating recall linearly in log α₀ between the bracketing cells; SE of α_× from the two recall
// SEs by the delta method. Count 0 (no crossing inside the grid) when the recall never crosses.
theory::MeanSe TransitionAlpha(const std::vector<double>& alpha0, const std::vector<theory::MeanSe>& recall, double level);
sim::CsvTable CubeTable(const std::vector<CubeCellResult>& results);

}  // namespace memgen::scenarios
