// The analytic Gaussian mechanism (Balle and Wang, ICML 2018, Theorem 8): releasing f(S) + N(0, σ² I)
// for f of ℓ₂ sensitivity Δ is (ε, δ)-DP if and only if
//   δ(σ) = Φ(Δ/(2σ) − εσ/Δ) − e^ε Φ(−Δ/(2σ) − εσ/Δ) ≤ δ,
// the hockey-stick divergence between N(0, σ²) and N(Δ, σ²) at e^ε. δ(σ) falls from 1 to 0 as σ grows,
// so the smallest admissible σ is the root of δ(σ) = δ, found here by TOMS 748 on ln(σ/Δ). It holds for
// every ε > 0; the classical calibration Δ√(2 ln(1.25/δ))/ε (cmi.h, Dwork and Roth Thm A.1) needs ε < 1
// and is never smaller (it is admissible, and the analytic σ is the smallest admissible one).
#pragma once

namespace memgen::theory {

// δ(σ) above, for Δ > 0, σ > 0 and ε ≥ 0.
double AnalyticGaussianDelta(double l2_sensitivity, double sigma, double epsilon_dp);

// The smallest σ with δ(σ) ≤ δ, for Δ ≥ 0 (0 when Δ = 0), 0 < ε ≤ 100 and δ ∈ (0, 1); relative
// accuracy about 1e-13 in σ.
double AnalyticGaussianSigma(double l2_sensitivity, double epsilon_dp, double delta);

}  // namespace memgen::theory
