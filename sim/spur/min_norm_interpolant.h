// Minimum-norm interpolant of the margins y_i f(x_i) = 1 (spurious_memorization.md §3.3): the
// least-norm w with X w = y, w = Xᵀc. When K = XXᵀ is invertible (D ≥ n, almost surely with noise
// coordinates) c = K⁻¹y by Cholesky; otherwise (D < n, or rank-deficient K, e.g. σ_ε = 0) the
// least-squares minimum-norm solution w = X⁺y from a complete orthogonal decomposition of X, and
// exact interpolation may be impossible: the result reports max_i |y_i f_i − 1|.
#pragma once

#include <Eigen/Core>

namespace memgen::sim {

struct InterpolantResult {
  Eigen::VectorXd weights;       ///< w (length D)
  double max_residual = 0.0;     ///< ‖y∘Xw − 1‖∞
  bool cholesky = false;         ///< true when c = K⁻¹y was used
};

InterpolantResult MinNormInterpolant(const Eigen::MatrixXd& x, const Eigen::VectorXd& y);

}  // namespace memgen::sim
