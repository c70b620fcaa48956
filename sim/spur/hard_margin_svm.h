// Hard-margin linear SVM without bias, in kernel (dual) form, by dual coordinate ascent
// (spurious_memorization.md §3.2; Hsieh et al. 2008 without the box constraint):
//   max_{α ≥ 0} Σ_i α_i − ½ Σ_ij α_i α_j y_i y_j K_ij,
// one sweep updating α_i ← max(0, α_i + (1 − y_i f_i)/K_ii) with f_i = Σ_j α_j y_j K_ij kept up to
// date incrementally (O(n) per coordinate, O(n²) per sweep). Stops, checked once per sweep, when the
// largest projected-gradient KKT violation max_i v_i falls below `tolerance`, or after `max_sweeps`, where
// g_i = 1 − y_i f_i and v_i = |g_i| if α_i > 0, v_i = max(g_i, 0) if α_i = 0 (see the .cc). The primal
// weights are w = Xᵀc with c_i = α_i y_i, so the caller never needs X here. Logistic GD on separable
// data converges in direction to this solution (Soudry et al. 2018).
#pragma once

#include <Eigen/Core>

#include <cstdint>

namespace memgen::sim {

struct SvmOptions {
  double tolerance = 1e-8;          ///< largest KKT violation at which to stop
  std::int64_t max_sweeps = 100000;
};

struct SvmResult {
  Eigen::VectorXd alpha;         ///< dual variables, ≥ 0
  Eigen::VectorXd coefficients;  ///< c_i = α_i y_i: w = Σ_i c_i x_i
  Eigen::VectorXd margins;       ///< y_i f_i, f = K c
  double kkt_violation = 0.0;    ///< reached
  std::int64_t sweeps = 0;
  std::int64_t support_vectors = 0;  ///< #{i : α_i > 0}
  bool converged = false;
};

// `gram` = X Xᵀ (n×n, symmetric positive semidefinite, K_ii > 0), `y` ∈ {±1}ⁿ, separable data.
SvmResult SolveHardMarginSvm(const Eigen::MatrixXd& gram, const Eigen::VectorXd& y, const SvmOptions& options = {});

}  // namespace memgen::sim
