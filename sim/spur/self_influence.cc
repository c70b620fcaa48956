// Influence-function self-influence, see self_influence.h.
//
// Both forms share the per-point factors: r_i = σ(f_i) − t_i = −y_i σ(−y_i f_i) and
// q_i = σ(f_i) σ(−f_i), each evaluated without cancellation or overflow for any |f_i|.
// Dual: with B = Q^{1/2}K (column i is Q^{1/2}k_i) and LLᵀ = nλI + Q^{1/2}KQ^{1/2},
//   I_i = (r_i²/λ) [K_ii − ‖L⁻¹ B e_i‖²].
// Direct: with LLᵀ = H + λI (D×D), I_i = r_i² ‖L⁻¹ x_i‖².
#include "sim/spur/self_influence.h"

#include <Eigen/Cholesky>

#include <algorithm>
#include <cmath>

#include "sim/core/check.h"

namespace memgen::sim {
namespace {

// σ(z) = 1/(1 + e^{−z}) without overflow: only e^{−|z|} ∈ (0, 1] is ever formed.
double Sigmoid(double z) {
  const double e = std::exp(-std::fabs(z));
  return z >= 0.0 ? 1.0 / (1.0 + e) : e / (1.0 + e);
}

struct PointFactors {
  Eigen::VectorXd residual;   // r_i = σ(f_i) − t_i
  Eigen::VectorXd curvature;  // q_i = σ(f_i)(1 − σ(f_i))
};

PointFactors ComputeFactors(const Eigen::VectorXd& f, const Eigen::VectorXd& y) {
  PointFactors p{Eigen::VectorXd(f.size()), Eigen::VectorXd(f.size())};
  for (Eigen::Index i = 0; i < f.size(); ++i) {
    p.residual(i) = -y(i) * Sigmoid(-y(i) * f(i));  // σ(f) − 1 = −σ(−f) for t = 1; σ(f) for t = 0
    p.curvature(i) = Sigmoid(f(i)) * Sigmoid(-f(i));
  }
  return p;
}

void CheckInputs(Eigen::Index n, const Eigen::VectorXd& f, const Eigen::VectorXd& y, double lambda) {
  MEMGEN_CHECK(n > 0) << "no training points";
  MEMGEN_CHECK(f.size() == n && y.size() == n) << "sizes differ: n = " << n << ", f has " << f.size()
                                                << ", y has " << y.size();
  MEMGEN_CHECK(lambda > 0.0) << "lambda must be positive, got " << lambda;
  for (Eigen::Index i = 0; i < n; ++i) {
    MEMGEN_CHECK(y(i) == 1.0 || y(i) == -1.0) << "y(" << i << ") = " << y(i) << " is not ±1";
    MEMGEN_CHECK(std::isfinite(f(i))) << "f(" << i << ") = " << f(i) << " is not finite";
  }
}

}  // namespace

Eigen::VectorXd SelfInfluenceDual(const Eigen::MatrixXd& gram, const Eigen::VectorXd& f, const Eigen::VectorXd& y,
                                  double lambda) {
  const Eigen::Index n = gram.rows();
  MEMGEN_CHECK(gram.cols() == n) << "gram must be square, got " << gram.rows() << "x" << gram.cols();
  CheckInputs(n, f, y, lambda);
  const PointFactors p = ComputeFactors(f, y);
  const Eigen::VectorXd sqrt_q = p.curvature.cwiseSqrt();
  const Eigen::MatrixXd b = sqrt_q.asDiagonal() * gram;  // column i: Q^{1/2} k_i
  Eigen::MatrixXd inner = b * sqrt_q.asDiagonal();       // Q^{1/2} K Q^{1/2}
  inner.diagonal().array() += static_cast<double>(n) * lambda;
  const Eigen::LLT<Eigen::MatrixXd> llt(inner);
  MEMGEN_CHECK(llt.info() == Eigen::Success) << "nλI + Q^{1/2}KQ^{1/2} is not positive definite (λ = " << lambda
                                             << ")";
  const Eigen::MatrixXd z = llt.matrixL().solve(b);
  Eigen::VectorXd influence(n);
  for (Eigen::Index i = 0; i < n; ++i) {
    const double bracket = std::max(0.0, gram(i, i) - z.col(i).squaredNorm());  // ≥ 0 exactly; clip round-off
    influence(i) = p.residual(i) * p.residual(i) / lambda * bracket;
  }
  return influence;
}

Eigen::VectorXd SelfInfluenceDirect(const Eigen::MatrixXd& x, const Eigen::VectorXd& f, const Eigen::VectorXd& y,
                                    double lambda) {
  const Eigen::Index n = x.rows(), d = x.cols();
  CheckInputs(n, f, y, lambda);
  const PointFactors p = ComputeFactors(f, y);
  const Eigen::MatrixXd scaled = p.curvature.cwiseSqrt().asDiagonal() * x;  // rows √q_j x_jᵀ
  Eigen::MatrixXd hessian = Eigen::MatrixXd::Zero(d, d);
  hessian.selfadjointView<Eigen::Lower>().rankUpdate(scaled.transpose(), 1.0 / static_cast<double>(n));
  hessian.diagonal().array() += lambda;
  const Eigen::LLT<Eigen::MatrixXd> llt(hessian.selfadjointView<Eigen::Lower>());
  MEMGEN_CHECK(llt.info() == Eigen::Success) << "H + λI is not positive definite (λ = " << lambda << ")";
  const Eigen::MatrixXd z = llt.matrixL().solve(x.transpose());  // column i: L⁻¹ x_i
  Eigen::VectorXd influence(n);
  for (Eigen::Index i = 0; i < n; ++i) influence(i) = p.residual(i) * p.residual(i) * z.col(i).squaredNorm();
  return influence;
}

}  // namespace memgen::sim
