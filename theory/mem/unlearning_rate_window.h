// Where the unlearning divergence D_k of ridge noisy GD (ridge_noisy_gd.h; learning_dynamics.md §9 (g))
// has reached its asymptotic rate, from the modal form of D_k.
// In the eigenbasis (λ_j, v_j) of H', with a_j = 1 − ηλ_j, s_j = β⁻¹/(λ_j(1 − ηλ_j/2)) the eigenvalues of
// Σ*', the chain's mean error is δ_k = Σ_j c_j a_j^k v_j (c = Vᵀ(m_0 − m*')) and its covariance error
// Δ_k = A'^k E A'^k (E = Vᵀ(Σ_0 − Σ*')V, entries E_jl a_j^k a_l^k). To second order (the Fisher metric of
// the Gaussian family; D_α is exactly the mean term when Δ = 0)
//   D_k ≈ (α/2) Σ_j c_j² a_j^{2k}/s_j + (α/4) Σ_jl E_jl² (a_j a_l)^{2k}/(s_j s_l),
// and the higher orders are a factor of at most α‖X_k‖_F of it, X_k = Σ*'^{-1/2}Δ_kΣ*'^{-1/2}. The
// leading term is w₁ρ₁^{2k}, w₁ = (α/2)c₁²/s₁, ρ₁ = |a₁| the largest |a_j| (the mode of λ_min(H') when
// η(λ_min + λ_max) ≤ 2). The remainder r_k = (model − leading)/leading + α‖X_k‖_F falls with k; once
// r ≤ ratio from k = b on, ln D_k = ln w₁ + 2k ln ρ₁ + ln(1 + r'_k) with |r'_k| ≤ ratio, so the slope over
// [b, b + L] is 2 ln ρ₁ up to 2·ratio/L. The spec's fixed window k ∈ [100, 150] is asymptotic only with a wide
// spectral gap and a leading mode of comparable weight; this window is placed by the weights themselves.
//
// Rounding: D_k is computed from the offsets δ_k, Δ_k carried through the recursion (UnlearningCurve) and
// the offset form of D_α (gaussian_renyi.h), whose relative error after k steps is at most about
// ε_k = 8ε d (k + κ(Σ*')) (d ε per matrix product, κ from the whitening by Σ*'). The window is usable only
// where ε_k ≤ ratio and D_k stays a normal number, so rounding adds at most 2·ratio/L to the slope as well;
// and only when the slowest mode's weight exceeds the rounding of the start, w₁ > (8ε d κ)² κ Σ_j w_j
// (δ_0 is a difference of two solves, each within about ε d κ‖δ‖ of its value).
#pragma once

#include <string>

#include "theory/mem/ridge_noisy_gd.h"

namespace memgen::theory {

struct RateWindow {
  int begin = -1, end = -1;       ///< [b, b + L]; −1 when `unmet` is set
  double leading_weight = 0.0;    ///< w₁
  double remainder_at_begin = 0;  ///< r_b
  double rounding_at_end = 0.0;   ///< ε_{b+L}, the relative rounding of D at the window's end
  double slope_error_bound = 0;   ///< |slope − 2 ln ρ₁| ≤ 4·ratio/L over the window
  std::string unmet;              ///< why no window exists (empty when it does)
};

// The first window of length L on which ln D_k is within 4·ratio/L of slope 2 ln ρ₁, searching k ≤ k_max,
// for chains started from `start` and run on `retain`. `unmet` explains a missing window: no resolvable
// weight on the slowest mode, the other modes not dying out by k_max, or D_k leaving the normal doubles (or the rounding
// exceeding the ratio) first.
RateWindow AsymptoticRateWindow(const RidgeProblem& retain, const NoisyGdParams& g, const GaussianState& start,
                                double alpha, double ratio, int length, int k_max);

}  // namespace memgen::theory
