// Theorem 2.2 of Bayat et al. as spurious_memorization.md §4 reconstructs it, checked on the
// idealized generator (§2.2; E2): per cell (n, ρ, γ, d/n, n/s) and trial, the hard-margin SVM (dual
// coordinate ascent) and the minimum-norm interpolant on x = (y + σ_f ξ, γ(a + σ_f ξ′), σ_ε ε),
// σ_ε = √(s/d), and their read-outs u = w_y + γw_a, v = w_y − γw_a, ‖w_ε‖², the support-vector count,
// the largest noise cosine max_{i≠j} |cos(ε_i, ε_j)|, and each group's test accuracy both by Monte
// Carlo on fresh points and by the Φ formula of theory/spur/closed_form.h. Claims:
//   SPUR-E2.phi.<cell>         Φ formula = Monte Carlo test accuracy for the SVM's w (exact): the
//                              pooled number of test errors against its Poisson-binomial law given the
//                              per-trial Φ probabilities (two-sided p ≥ 1e-4 per group)
//                              ALL-OF of two EXACT-TEST (minority, majority)
//   SPUR-E2.closed_form.<cell> d ≥ 20n: SVM and interpolant (u, v) within 0.03 (+ 4 SE) of §4.2
//                              ALL-OF of two TOLERANCE (v, u)
//   SPUR-E2.closed_form_eff.<cell>  d ≥ 5n: the interpolant's (u, v) within 0.01 (+ 4 SE) of the closed form at
//                              the effective noise energy s_eff = σ_ε²(d − n − 1) (the mean of the inverse
//                              Wishart: rᵀ(EEᵀ)⁻¹r ≈ ‖r‖²/s_eff; a finite-d correction found in this project)
//                              ALL-OF of two TOLERANCE (v, u)
//   SPUR-E2.drift.<series>     |v_svm − v_cf| shrinks as d/n grows (DECREASING, 4 SE); reported below 5n
//   SPUR-E2.flip.<series>      across n/s (d ≥ 20n): the sign change of v brackets the threshold
//                              [B(1 − ρ) − Aρ]/(2ρ(1 − ρ)) (BRACKET, 4 SE: significant evidence needed
//                              on both sides), or v never turns negative when none exists (AT-LEAST 0)
//   SPUR-E2.core.<cell>        σ_ε = 0: w_y/‖w‖ ≥ 0.99 and minority test accuracy ≥ 0.99
//                              ALL-OF of two AT-LEAST
//   SPUR-E2.support.<series>   the support-vector count does not fall as σ_ε grows (MONOTONE, 4 SE)
#pragma once

#include <cmath>
#include <cstdint>
#include <limits>
#include <string>
#include <vector>

#include "sim/run/memory_estimate.h"
#include "sim/io/csv_table.h"
#include "theory/verdict/claim.h"
#include "theory/verdict/test_size.h"
#include "sim/run/trial_runner.h"
#include "theory/stats/binomial_sum.h"
#include "theory/stats/sample_stats.h"

namespace memgen::scenarios {

struct MarginCell {
  std::string series = "main";  ///< cells of a series share (n, ρ, γ, σ_f) and vary d/n or n/s
  std::int64_t n = 200;
  double rho = 0.1;
  double gamma = 5.0;
  double sigma_feature = 0.0;   ///< σ_y = σ_a
  double d_over_n = 20.0;
  double n_over_s = 1.0;        ///< +∞: σ_ε = 0
  std::int64_t trials = 20;
  std::string trials_field = "trials";  ///< the config key that sets `trials` (for messages)
  std::int64_t test_points = 2000;  ///< per group, for the Monte Carlo accuracy
  double v_planted_offset = 0.0;    ///< added to the closed-form v (negative controls plant a wrong formula)
  std::int64_t D() const { return static_cast<std::int64_t>(d_over_n * static_cast<double>(n)); }
  std::string Name() const;
  void Validate(const std::string& field) const;
};

struct MarginCellResult {
  MarginCell cell;
  double u_cf = 0.0, v_cf = 0.0;                ///< closed form (σ_ε > 0)
  double u_cf_eff = NAN, v_cf_eff = NAN;        ///< closed form at s_eff = σ_ε²(d − n − 1) (d > n + 1)
  theory::MeanSe u_svm, v_svm, u_mn, v_mn;          ///< read-outs
  theory::MeanSe drift_svm;                         ///< |v_svm − v_cf| per trial
  theory::MeanSe core_direction, weps_share;        ///< w_y/‖w‖ and ‖w_ε‖/‖w‖ (SVM)
  theory::MeanSe support;                           ///< support-vector count
  theory::MeanSe phi_gap_majority, phi_gap_minority;  ///< acc_MC − acc_Φ
  theory::MeanSe acc_majority, acc_minority;        ///< Φ accuracy of the SVM
  theory::MeanSe max_cos;                           ///< max_{i≠j} |cos(ε_i, ε_j)|
  // Pooled Monte Carlo test errors and their law under the Φ formula, per group (0 majority, 1 minority):
  // one Binomial(test points, 1 − Φ accuracy) per trial.
  double errors[2] = {0, 0};
  std::vector<theory::BinomialPart> error_law[2];
  double max_kkt = 0.0, max_residual = 0.0;      ///< worst SVM KKT violation, worst interpolation residual
};

// The cell's per-thread working set (data, Gram, the SVM) on `threads` threads and its trials
// (memory_estimate.h).
void AddMarginCellMemory(const MarginCell& cell, int threads, sim::MemoryEstimate* memory);
MarginCellResult RunMarginCell(const MarginCell& cell, std::uint64_t master_seed, const sim::TrialRunnerOptions& runner);
std::vector<theory::Claim> BuildMarginClaims(const std::vector<MarginCellResult>& cells, theory::TestSize size = {});
sim::CsvTable MarginTable(const std::vector<MarginCellResult>& cells);
// The closed form on a dense log grid of n/s ∈ [0.1, 100] for every (series, n, ρ, γ, d/n) of the
// cells: u, v at s and at s_eff (for the figures).
sim::CsvTable ClosedFormCurveTable(const std::vector<MarginCellResult>& cells);

}  // namespace memgen::scenarios
