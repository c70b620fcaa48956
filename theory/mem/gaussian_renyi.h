// Rényi divergence between Gaussians in closed form (learning_dynamics.md §9; used for the
// unlearning divergence of noisy GD on ridge regression, Chien et al. 2024; Sepahvand et al. 2025).
// For P = N(m1, Σ1), Q = N(m2, Σ2), α > 1, Δ = m1 − m2, Σ_α = αΣ2 + (1−α)Σ1:
//   D_α(P‖Q) = (α/2) Δᵀ Σ_α⁻¹ Δ − 1/(2(α−1)) ln( det Σ_α / (det Σ1^{1−α} det Σ2^{α}) ),
// and +∞ when Σ_α is not positive definite (Gil, Alajaji & Linder 2013, Table 2; Pardo 2006).
// Equal covariances Σ1 = Σ2 = Σ: D_α = α Δᵀ Σ⁻¹ Δ / 2. In one dimension with equal σ²:
// D_α = α(μ1−μ2)²/(2σ²). The equal-covariance form is a shortcut; it is wrong when Σ1 ≠ Σ2.
// Computed from the offsets δ = m1 − m2, Δ = Σ1 − Σ2 (GaussianRenyiOfOffsets): with Σ2 = LLᵀ and
// L⁻¹ΔL⁻ᵀ = Q diag(x) Qᵀ, z = QᵀL⁻¹δ, Σ_α = L(I − (α−1)M)Lᵀ and
//   D_α = (α/2) Σ_i z_i²/(1 − (α−1)x_i) − 1/(2(α−1)) Σ_i [log1p(−(α−1)x_i) + (α−1) log1p(x_i)],
// so no log-determinants of nearly equal matrices cancel: the covariance part, −α(α−1)x²/2 per
// eigenvalue to leading order, keeps its relative accuracy as Δ → 0 (the determinant form loses all of it
// once D ≲ d ε |ln det Σ|, about 1e-14).
#pragma once

#include <Eigen/Core>

namespace memgen::theory {

// Closed form D_α(N(m1,Σ1) ‖ N(m2,Σ2)) for α > 1; +∞ when Σ_α is not positive definite.
// Throws std::invalid_argument if α ≤ 1, sizes disagree, or Σ1, Σ2 are not positive definite.
double GaussianRenyi(double alpha, const Eigen::VectorXd& m1, const Eigen::MatrixXd& s1,
                     const Eigen::VectorXd& m2, const Eigen::MatrixXd& s2);

// The same from the offsets δ = m1 − m2, Δ = Σ1 − Σ2 and Σ2: accurate however small δ and Δ are, so a
// caller that carries the offsets (an unlearning chain converging to its target) keeps D's relative accuracy.
double GaussianRenyiOfOffsets(double alpha, const Eigen::VectorXd& delta, const Eigen::MatrixXd& cov_offset,
                              const Eigen::MatrixXd& s2);

// Equal-covariance shortcut α Δᵀ Σ⁻¹ Δ / 2 (exact only when both covariances equal Σ).
double GaussianRenyiEqualCov(double alpha, const Eigen::VectorXd& m1, const Eigen::VectorXd& m2,
                             const Eigen::MatrixXd& sigma);

// One dimension, equal variance σ²: α(μ1−μ2)²/(2σ²).
double GaussianRenyi1d(double alpha, double mu1, double mu2, double sigma2);

}  // namespace memgen::theory
