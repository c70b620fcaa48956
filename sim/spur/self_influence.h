// Influence-function self-influence of each training point for the binary logistic model without
// bias (spurious_memorization.md §7 (a)), with labels y ∈ {±1} mapped to t = (y + 1)/2 ∈ {0, 1}:
//   I_i = g_iᵀ (H + λI)⁻¹ g_i,   g_i = r_i x_i,   r_i = σ(f_i) − t_i,
//   H = (1/n) Σ_j q_j x_j x_jᵀ,   q_j = σ(f_j)(1 − σ(f_j)),   λ > 0.
// Dual form by Woodbury (no D×D solve), with k_i = K e_i and Q = diag(q):
//   I_i = (r_i²/λ) [K_ii − k_iᵀ Q^{1/2} (nλ I + Q^{1/2} K Q^{1/2})⁻¹ Q^{1/2} k_i],
// one n×n Cholesky for all i, O(n³). The direct form solves the D×D system (tests, D small).
#pragma once

#include <Eigen/Core>

namespace memgen::sim {

// `gram` = XXᵀ (n×n), `f` = X w (logits at the trained w), `y` ∈ {±1}ⁿ, λ > 0.
Eigen::VectorXd SelfInfluenceDual(const Eigen::MatrixXd& gram, const Eigen::VectorXd& f, const Eigen::VectorXd& y,
                                  double lambda);
// The same from the features (n×D), forming H + λI explicitly.
Eigen::VectorXd SelfInfluenceDirect(const Eigen::MatrixXd& x, const Eigen::VectorXd& f, const Eigen::VectorXd& y,
                                    double lambda);

}  // namespace memgen::sim
