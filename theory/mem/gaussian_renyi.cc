#include "theory/mem/gaussian_renyi.h"

#include <Eigen/Cholesky>
#include <Eigen/Eigenvalues>
#include <cmath>
#include <limits>
#include <stdexcept>

namespace memgen::theory {
namespace {

void CheckAlpha(double alpha) {
  if (!(alpha > 1.0) || !std::isfinite(alpha)) throw std::invalid_argument("GaussianRenyi: alpha must be > 1");
}

void CheckSizes(const Eigen::VectorXd& m1, const Eigen::MatrixXd& s1, const Eigen::VectorXd& m2,
                const Eigen::MatrixXd& s2) {
  const Eigen::Index d = m1.size();
  if (d == 0 || m2.size() != d || s1.rows() != d || s1.cols() != d || s2.rows() != d || s2.cols() != d)
    throw std::invalid_argument("GaussianRenyi: dimension mismatch");
}

}  // namespace

double GaussianRenyi(double alpha, const Eigen::VectorXd& m1, const Eigen::MatrixXd& s1,
                     const Eigen::VectorXd& m2, const Eigen::MatrixXd& s2) {
  CheckAlpha(alpha);
  CheckSizes(m1, s1, m2, s2);
  return GaussianRenyiOfOffsets(alpha, m1 - m2, s1 - s2, s2);
}

double GaussianRenyiOfOffsets(double alpha, const Eigen::VectorXd& delta, const Eigen::MatrixXd& cov_offset,
                              const Eigen::MatrixXd& s2) {
  CheckAlpha(alpha);
  CheckSizes(delta, cov_offset, delta, s2);
  const Eigen::LLT<Eigen::MatrixXd> llt(s2);
  if (llt.info() != Eigen::Success) throw std::invalid_argument("GaussianRenyi: covariance not positive definite");
  // M = L⁻¹ Δ L⁻ᵀ = Q diag(x) Qᵀ; z = Qᵀ L⁻¹ δ.
  Eigen::MatrixXd m = llt.matrixL().solve(cov_offset);
  m = llt.matrixL().solve(m.transpose()).eval();
  const Eigen::SelfAdjointEigenSolver<Eigen::MatrixXd> es(0.5 * (m + m.transpose()));
  const Eigen::VectorXd z = es.eigenvectors().transpose() * llt.matrixL().solve(delta);
  const double a1 = alpha - 1.0;
  double quad = 0.0, logdet = 0.0;
  for (Eigen::Index i = 0; i < z.size(); ++i) {
    const double x = es.eigenvalues()(i);
    if (!(1.0 + x > 0.0)) throw std::invalid_argument("GaussianRenyi: covariance not positive definite");
    if (!(1.0 - a1 * x > 0.0)) return std::numeric_limits<double>::infinity();  // Σ_α not positive definite
    quad += z(i) * z(i) / (1.0 - a1 * x);
    logdet += std::log1p(-a1 * x) + a1 * std::log1p(x);
  }
  return 0.5 * alpha * quad - logdet / (2.0 * a1);
}

double GaussianRenyiEqualCov(double alpha, const Eigen::VectorXd& m1, const Eigen::VectorXd& m2,
                             const Eigen::MatrixXd& sigma) {
  CheckAlpha(alpha);
  CheckSizes(m1, sigma, m2, sigma);
  Eigen::LLT<Eigen::MatrixXd> llt(sigma);
  if (llt.info() != Eigen::Success) throw std::invalid_argument("GaussianRenyiEqualCov: sigma not positive definite");
  const Eigen::VectorXd delta = m1 - m2;
  return 0.5 * alpha * delta.dot(llt.solve(delta));
}

double GaussianRenyi1d(double alpha, double mu1, double mu2, double sigma2) {
  CheckAlpha(alpha);
  if (!(sigma2 > 0.0)) throw std::invalid_argument("GaussianRenyi1d: sigma2 must be > 0");
  const double d = mu1 - mu2;
  return alpha * d * d / (2.0 * sigma2);
}

}  // namespace memgen::theory
