// Monte Carlo chains of noisy GD on ridge regression, see langevin_chains.h.
#include "sim/mem/langevin_chains.h"

#include <Eigen/Cholesky>
#include <cmath>

#include "sim/core/check.h"
#include "sim/random/distributions.h"

namespace memgen::sim {
namespace {

Eigen::MatrixXd StandardNormals(Eigen::Index rows, Eigen::Index cols, Rng& rng) {
  Eigen::MatrixXd z(rows, cols);
  FillNormal(rng, z.data(), static_cast<std::size_t>(z.size()));
  return z;
}

// Σ⁻¹ quadratic forms of the columns of w − m, and ln det Σ, from one Cholesky factorisation.
Eigen::VectorXd QuadraticForms(const Eigen::MatrixXd& w, const theory::GaussianState& s, double* log_det) {
  const Eigen::LLT<Eigen::MatrixXd> llt(s.cov);
  MEMGEN_CHECK(llt.info() == Eigen::Success) << "covariance not positive definite";
  const Eigen::MatrixXd l = llt.matrixL();
  *log_det = 2.0 * l.diagonal().array().log().sum();
  const Eigen::MatrixXd white = l.triangularView<Eigen::Lower>().solve(w.colwise() - s.mean);
  return white.colwise().squaredNorm().transpose();
}

}  // namespace

Eigen::MatrixXd DrawGaussianColumns(const theory::GaussianState& state, std::int64_t count, Rng& rng) {
  const Eigen::LLT<Eigen::MatrixXd> llt(state.cov);
  MEMGEN_CHECK(llt.info() == Eigen::Success) << "covariance not positive definite";
  Eigen::MatrixXd w = llt.matrixL() * StandardNormals(state.mean.size(), count, rng);
  w.colwise() += state.mean;
  return w;
}

void RunNoisyGd(const theory::RidgeProblem& problem, const theory::NoisyGdParams& params, int steps, Eigen::MatrixXd* w,
                Rng& rng) {
  const Eigen::Index d = problem.h.rows();
  MEMGEN_CHECK(w->rows() == d) << w->rows() << " vs " << d;
  const Eigen::MatrixXd a = Eigen::MatrixXd::Identity(d, d) - params.eta * problem.h;
  const Eigen::VectorXd drift = params.eta * problem.b;
  const double noise = std::sqrt(2.0 * params.eta * params.inv_beta);
  Eigen::MatrixXd next(d, w->cols());
  for (int k = 0; k < steps; ++k) {
    next.noalias() = a * *w;
    next.colwise() += drift;
    next += noise * StandardNormals(d, w->cols(), rng);
    w->swap(next);
  }
}

Eigen::VectorXd GaussianLogDensityRatio(const Eigen::MatrixXd& w, const theory::GaussianState& p,
                                        const theory::GaussianState& q) {
  double log_det_p = 0.0, log_det_q = 0.0;
  const Eigen::VectorXd qp = QuadraticForms(w, p, &log_det_p), qq = QuadraticForms(w, q, &log_det_q);
  return -0.5 * (qp - qq).array() - 0.5 * (log_det_p - log_det_q);
}

}  // namespace memgen::sim
