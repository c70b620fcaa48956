// Minimum-norm interpolant, see min_norm_interpolant.h.
//
// Cholesky path: c = K⁻¹y with K = XXᵀ, accepted only if (1) the factorization succeeds, (2) Eigen's
// reciprocal condition estimate of K exceeds kMinRcond, and (3) the interpolation residual
// ‖y∘Xw − 1‖∞ is below kMaxCholeskyResidual. Otherwise w = X⁺y from a complete orthogonal
// decomposition of X (n×D), which is the least-squares solution of least norm.
#include "sim/spur/min_norm_interpolant.h"

#include <Eigen/Cholesky>
#include <Eigen/QR>

#include <utility>

#include "sim/core/check.h"
#include "sim/linalg/blas_backend.h"

namespace memgen::sim {
namespace {

constexpr double kMinRcond = 1e-12;
constexpr double kMaxCholeskyResidual = 1e-8;

// ‖y∘Xw − 1‖∞.
double MaxMarginResidual(const Eigen::MatrixXd& x, const Eigen::VectorXd& y, const Eigen::VectorXd& w) {
  const Eigen::VectorXd f = x * w;
  return (y.cwiseProduct(f).array() - 1.0).abs().maxCoeff();
}

// c = K⁻¹y when K is numerically invertible and the result interpolates; false otherwise.
bool TryCholesky(const Eigen::MatrixXd& x, const Eigen::VectorXd& y, InterpolantResult& result) {
  if (x.rows() > x.cols()) return false;  // rank(K) ≤ D < n: K is singular
  Eigen::MatrixXd gram = Eigen::MatrixXd::Zero(x.rows(), x.rows());
  RankUpdateLower(gram, x);  // on the selected BLAS
  const Eigen::LLT<Eigen::MatrixXd> llt(gram.selfadjointView<Eigen::Lower>());
  if (llt.info() != Eigen::Success || !(llt.rcond() > kMinRcond)) return false;
  const Eigen::VectorXd c = llt.solve(y);
  Eigen::VectorXd w = x.transpose() * c;
  const double residual = MaxMarginResidual(x, y, w);
  if (!(residual < kMaxCholeskyResidual)) return false;
  result.weights = std::move(w);
  result.max_residual = residual;
  result.cholesky = true;
  return true;
}

}  // namespace

InterpolantResult MinNormInterpolant(const Eigen::MatrixXd& x, const Eigen::VectorXd& y) {
  MEMGEN_CHECK(x.rows() == y.size()) << "x has " << x.rows() << " rows but y has " << y.size() << " entries";
  MEMGEN_CHECK(x.rows() > 0 && x.cols() > 0) << "empty design " << x.rows() << "x" << x.cols();
  for (Eigen::Index i = 0; i < y.size(); ++i)
    MEMGEN_CHECK(y(i) == 1.0 || y(i) == -1.0) << "y(" << i << ") = " << y(i) << " is not ±1";
  InterpolantResult result;
  if (TryCholesky(x, y, result)) return result;
  const Eigen::CompleteOrthogonalDecomposition<Eigen::MatrixXd> cod(x);
  result.weights = cod.solve(y);
  result.max_residual = MaxMarginResidual(x, y, result.weights);
  result.cholesky = false;
  return result;
}

}  // namespace memgen::sim
