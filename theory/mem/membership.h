// Membership inference as hypothesis testing (Carlini et al. 2022, "Membership inference attacks from
// first principles"; learning_dynamics.md §8). An attack scores a (model, point) pair; IN pairs are the
// alternative, OUT pairs the null.
// Known Gaussian scores, IN ∼ N(μ_in, σ_in²), OUT ∼ N(μ_out, σ_out²): the one-sided test "score > τ"
// at false-positive rate α has τ = μ_out + σ_out Φ⁻¹(1 − α) and
//   TPR(α) = Φ(Φ⁻¹(α) σ_out/σ_in + (μ_in − μ_out)/σ_in),
// the Neyman–Pearson optimum when σ_in = σ_out (the likelihood ratio is then monotone in the score).
// LiRA statistics of a score φ against a point's IN and OUT fits (μ, σ over shadow models):
//   online   log N(φ; μ_in, σ_in²) − log N(φ; μ_out, σ_out²)        (the log likelihood ratio),
//   offline  (φ − μ_out)/σ_out, monotone in the one-sided p-value 1 − Φ((φ − μ_out)/σ_out),
//   global   φ itself (one threshold for every point).
// An (ε, δ)-DP learner caps every test's power: TPR ≤ min(1, e^ε·FPR + δ) at every FPR (Kairouz, Oh,
// Viswanath 2015; the hypothesis-testing reading of DP). The Gaussian mechanism with ℓ₂ sensitivity Δ
// and noise σ, attacked by the Neyman–Pearson test on the target's direction, has
// TPR(α) = Φ(Φ⁻¹(α) + Δ/σ) (OneSidedTpr with μ_in − μ_out = Δ, σ_in = σ_out = σ).
// TPR at a low FPR follows the LiRA code (plot.py: tpr[np.where(fpr < α)[0][-1]]): the largest TPR
// among thresholds whose empirical FPR is below α, i.e. at most ⌈α n_out⌉ − 1 OUT scores above it.
#pragma once

#include <vector>

namespace memgen::theory {

struct GaussianScores {
  double mu_in = 1.0, sd_in = 1.0, mu_out = 0.0, sd_out = 1.0;
};

double OneSidedThreshold(double fpr, const GaussianScores& g);  ///< τ = μ_out + σ_out Φ⁻¹(1 − α)
double OneSidedTpr(double fpr, const GaussianScores& g);        ///< Φ(Φ⁻¹(α)σ_out/σ_in + (μ_in − μ_out)/σ_in)
double DpPowerCap(double fpr, double epsilon_dp, double delta);  ///< min(1, e^ε α + δ)

double LiraOnline(double score, double mu_in, double sd_in, double mu_out, double sd_out);
double LiraOffline(double score, double mu_out, double sd_out);

// TPR at FPR < α from pooled IN and OUT statistics (larger = more likely IN), strict comparisons.
double TprAtFpr(const std::vector<double>& in, std::vector<double> out, double fpr);

// Mann–Whitney AUC: P(IN > OUT) + ½ P(tie); NaN if either side is empty.
double Auc(const std::vector<double>& in, const std::vector<double>& out);

// Median of a sorted range of `size` values with the element at `skip` left out (skip = size: none).
double MedianSkipping(const double* sorted, int size, int skip);

}  // namespace memgen::theory
