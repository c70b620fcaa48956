// Closed-form theory of the linear spurious-feature model of Bayat, Pezeshki, Dohmatob, Lopez-Paz,
// Vincent ("The Pitfalls of Memorization", ICLR 2025), as reconstructed in spurious_memorization.md
// §4 (idealized features x = (y, γa, ε), ε ~ N(0, σ_ε² I_d), noise energy s = σ_ε² d ≫ n):
//   §4.2  the max-margin / minimum-norm interpolant's feature margins u = w_y + γw_a (majority) and
//         v = w_y − γw_a (minority) minimise
//           (u + v)²/4 + (u − v)²/(4γ²) + [n_M(1 − u)² + n_m(1 − v)²]/s,
//         so with A = ½ + 1/(2γ²), B = ½ − 1/(2γ²), c_M = 2n_M/s, c_m = 2n_m/s, Δ = (A + c_M)(A + c_m) − B²:
//           u = [c_M(A + c_m) − B c_m]/Δ,   v = [(A + c_M)c_m − B c_M]/Δ;
//   §4.3  the minority flips (v < 0) iff n/s < [B(1 − ρ) − Aρ]/(2ρ(1 − ρ)) (2.11 at γ = 5, ρ = 0.1),
//         possible only if (γ² − 1)/(γ² + 1) > ρ/(1 − ρ); as s → ∞, v/u → (Aρ − B(1 − ρ))/(A(1 − ρ) − Bρ);
//   §4.4  for a fixed w and a fresh point of a group (ya = +1 majority, −1 minority) y f(x) is Gaussian:
//           acc = Φ((w_y + γ w_a ya) / √(σ_y² w_y² + γ² σ_a² w_a² + σ_ε² ‖w_ε‖²)).
#pragma once

namespace memgen::theory {

struct MarginProblem {
  double n = 1000;     ///< training points
  double rho = 0.1;    ///< minority fraction: n_m = ρn, n_M = (1 − ρ)n
  double gamma = 5.0;  ///< spurious scale γ
  double s = 1.0;      ///< noise energy σ_ε² d (> 0)
};

struct FeatureMargins {
  double u = 0.0, v = 0.0;      ///< majority and minority feature margins
  double w_y = 0.0, w_a = 0.0;  ///< w_y = (u + v)/2, w_a = (u − v)/(2γ)
  double w_eps_norm2 = 0.0;     ///< ‖w_ε‖² ≈ [n_M(1 − u)² + n_m(1 − v)²]/s
};

FeatureMargins ClosedFormMargins(const MarginProblem& problem);

// n/s below which v < 0; −∞ when no flip is possible ((γ² − 1)/(γ² + 1) ≤ ρ/(1 − ρ)).
double FlipThreshold(double rho, double gamma);
// lim_{s→∞} v/u.
double LimitRatio(double rho, double gamma);

struct GaussianFeatures {
  double gamma = 5.0;
  double sigma_y = 0.0, sigma_a = 0.0, sigma_eps = 0.0;
};
// Test accuracy of w = (w_y, w_a, w_ε) on a fresh point of the majority (true) or minority group;
// 1 or 0 (by the sign of the mean margin) when the margin has no noise at all.
double GroupAccuracy(double w_y, double w_a, double w_eps_norm2, const GaussianFeatures& features, bool majority);

}  // namespace memgen::theory
