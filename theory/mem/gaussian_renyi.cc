#include "theory/mem/gaussian_renyi.h"

#include <Eigen/Cholesky>
#include <cmath>
#include <limits>
#include <stdexcept>

namespace memgen::theory {
namespace {

void CheckAlpha(double alpha) {
  if (!(alpha > 1.0) || !std::isfinite(alpha)) throw std::invalid_argument("GaussianRenyi: alpha must be > 1");
}

// ln det of a symmetric positive definite matrix, or false if the Cholesky factorisation fails.
bool LogDet(const Eigen::MatrixXd& s, double* out) {
  Eigen::LLT<Eigen::MatrixXd> llt(s);
  if (llt.info() != Eigen::Success) return false;
  const Eigen::MatrixXd l = llt.matrixL();
  double sum = 0.0;
  for (Eigen::Index i = 0; i < l.rows(); ++i) {
    if (!(l(i, i) > 0.0)) return false;
    sum += std::log(l(i, i));
  }
  *out = 2.0 * sum;
  return true;
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
  double ld1 = 0.0, ld2 = 0.0, lda = 0.0;
  if (!LogDet(s1, &ld1) || !LogDet(s2, &ld2))
    throw std::invalid_argument("GaussianRenyi: covariance not positive definite");
  const Eigen::MatrixXd sa = alpha * s2 + (1.0 - alpha) * s1;
  Eigen::LLT<Eigen::MatrixXd> llt(sa);
  if (llt.info() != Eigen::Success || !LogDet(sa, &lda)) return std::numeric_limits<double>::infinity();
  const Eigen::VectorXd delta = m1 - m2;
  const double quad = delta.dot(llt.solve(delta));
  const double logdet_term = lda - (1.0 - alpha) * ld1 - alpha * ld2;
  return 0.5 * alpha * quad - logdet_term / (2.0 * (alpha - 1.0));
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
