// Noisy GD on logistic regression with the per-instance gradient gap, see logistic_langevin.h.
#include "sim/mem/logistic_langevin.h"

#include <cmath>

#include "sim/core/check.h"
#include "sim/random/distributions.h"

namespace memgen::sim {
namespace {

// r_{jb} = σ(x_jᵀw_b) − y_j for every row and chain (n × B).
Eigen::MatrixXd Residuals(const LogisticData& data, const Eigen::MatrixXd& w) {
  Eigen::MatrixXd r = data.x * w;
  r = (1.0 + (-r.array()).exp()).inverse().matrix();
  r.colwise() -= data.y;
  return r;
}

}  // namespace

Eigen::MatrixXd LogisticGradient(const LogisticData& data, const Eigen::VectorXd& kept, double ridge, const Eigen::MatrixXd& w) {
  const Eigen::MatrixXd r = Residuals(data, w);
  return data.x.transpose() * (r.array().colwise() * kept.array()).matrix() / kept.sum() + ridge * w;
}

void RunLogisticLangevin(const LogisticData& data, const Eigen::VectorXd& kept, const LogisticLangevinParams& params, int steps,
                         Eigen::MatrixXd* w, Rng& rng, Eigen::VectorXd* gradient_gap) {
  const Eigen::Index n = data.x.rows(), d = data.x.cols(), chains = w->cols();
  MEMGEN_CHECK(kept.size() == n && w->rows() == d && kept.sum() > 0.0) << kept.size() << " rows, " << w->rows() << " vs " << d;
  const double noise = std::sqrt(2.0 * params.eta * params.inv_beta), count = kept.sum();
  const Eigen::VectorXd row_norm2 = data.x.rowwise().squaredNorm();
  Eigen::MatrixXd xi(d, chains);
  for (int t = 0; t < steps; ++t) {
    const Eigen::MatrixXd r = Residuals(data, *w);
    const Eigen::MatrixXd data_gradient = data.x.transpose() * (r.array().colwise() * kept.array()).matrix() / count;
    if (gradient_gap != nullptr) {
      const Eigen::MatrixXd projection = data.x * data_gradient;  // x_iᵀḡ_b
      const Eigen::RowVectorXd mean_norm2 = data_gradient.colwise().squaredNorm();
      const Eigen::ArrayXXd gap = (r.array().square().colwise() * row_norm2.array() - 2.0 * r.array() * projection.array()).rowwise() +
                                  mean_norm2.array();
      *gradient_gap += gap.rowwise().mean().matrix();
    }
    FillNormal(rng, xi.data(), static_cast<std::size_t>(xi.size()));
    *w -= params.eta * (data_gradient + params.ridge * *w);
    *w += noise * xi;
  }
}

}  // namespace memgen::sim
