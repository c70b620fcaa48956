// Tracer thresholds for the score S = ⟨w, z − µ⟩ in the geometry z = x/√d, x ∈ {±1}^d with independent
// coins E x_k = p_k and µ = p/√d; w = Λθ̂ is independent of the null point z (sco_traceability.md §5).
//   Hoeffding:  P(S ≥ t) ≤ exp(−t² d / (2‖w‖²)),   τ(level) = ‖w‖ √(2 log(1/level) / d)
//   Bernstein:  v = Σ_k w_k² (1 − p_k²)/d,  b = 2 max_k |w_k| / √d,
//               P(S ≥ t) ≤ exp(−t² / (2(v + b t/3))),   τ(level) = bL/3 + √((bL/3)² + 2vL),  L = log(1/level)
//   ℓ₂ cube (VHADLR25, x ∈ {±1}^d unscaled, ‖θ‖₂ ≤ 1):  P(⟨θ, x − p⟩ ≥ t) ≤ exp(−t²/2),  λ = √(2 ln(1/ξ))
// `level` is a per-point false-positive level; level = ξ/n gives family-wise level ξ (union bound).
#pragma once

#include <cstdint>

#include <Eigen/Core>

namespace memgen::theory {

// τ = ‖w‖ √(2 log(1/level)/d) for ‖w‖ ≥ 0, d ≥ 1, level ∈ (0, 1].
double HoeffdingThreshold(double weight_norm, std::int64_t d, double level);
// exp(−t² d/(2‖w‖²)) for t > 0; 1 for t ≤ 0; 0 for t > 0 when ‖w‖ = 0.
double HoeffdingTailBound(double t, double weight_norm, std::int64_t d);

struct BernsteinParameters {
  double v = 0.0;  ///< variance proxy Σ_k w_k² (1 − p_k²)/d
  double b = 0.0;  ///< range bound 2 max_k |w_k| / √d on each summand
};
// v and b from weights w (d = w.size() ≥ 1) and coin means p ∈ [−1, 1]^d of the same length.
BernsteinParameters MakeBernsteinParameters(const Eigen::Ref<const Eigen::VectorXd>& w,
                                            const Eigen::Ref<const Eigen::VectorXd>& p);
// exp(−t²/(2(v + bt/3))) for t > 0; 1 for t ≤ 0; 0 for t > 0 when v = b = 0.
double BernsteinTailBound(double t, const BernsteinParameters& params);
// The t ≥ 0 at which the Bernstein bound equals `level` ∈ (0, 1] (closed-form root of the quadratic).
double BernsteinThreshold(const BernsteinParameters& params, double level);

// Per-point ℓ₂-cube threshold λ = √(2 ln(1/level)), level ∈ (0, 1], and its tail bound exp(−t²/2)
// (t > 0; 1 for t ≤ 0), valid for ‖θ‖₂ ≤ 1 (VHADLR25 Thm 3.5 proof, spec §5).
double L2CubeThreshold(double level);
double L2CubeTailBound(double t);

}  // namespace memgen::theory
