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

LogisticLangevin::LogisticLangevin(const LogisticData& data, const Eigen::VectorXd& kept, const LogisticLangevinParams& params, Eigen::Index chains)
    : data_(data), kept_(kept), params_(params), count_(kept.sum()), noise_(std::sqrt(2.0 * params.eta * params.inv_beta)),
      row_norm2_(data.x.rowwise().squaredNorm()), residual_(data.x.rows(), chains), weighted_(data.x.rows(), chains),
      data_gradient_(data.x.cols(), chains), projection_(data.x.rows(), chains), xi_(data.x.cols(), chains) {
  MEMGEN_CHECK(kept.size() == data.x.rows() && count_ > 0.0) << kept.size() << " rows, " << count_ << " kept";
}

void LogisticLangevin::Step(Eigen::MatrixXd* w, Rng& rng, Eigen::VectorXd* gradient_gap) {
  MEMGEN_CHECK(w->rows() == data_.x.cols() && w->cols() == residual_.cols()) << w->rows() << " x " << w->cols();
  residual_.noalias() = data_.x * *w;
  residual_ = (1.0 + (-residual_.array()).exp()).inverse().matrix();
  residual_.colwise() -= data_.y;
  weighted_ = (residual_.array().colwise() * kept_.array()).matrix();
  data_gradient_.noalias() = data_.x.transpose() * weighted_;
  data_gradient_ /= count_;
  if (gradient_gap != nullptr) {
    projection_.noalias() = data_.x * data_gradient_;  // x_iᵀḡ_b
    const Eigen::RowVectorXd mean_norm2 = data_gradient_.colwise().squaredNorm();
    *gradient_gap += ((residual_.array().square().colwise() * row_norm2_.array() - 2.0 * residual_.array() * projection_.array()).rowwise() +
                      mean_norm2.array())
                         .rowwise()
                         .mean()
                         .matrix();
  }
  FillNormal(rng, xi_.data(), static_cast<std::size_t>(xi_.size()));
  *w -= params_.eta * (data_gradient_ + params_.ridge * *w);
  *w += noise_ * xi_;
}

void RunLogisticLangevin(const LogisticData& data, const Eigen::VectorXd& kept, const LogisticLangevinParams& params, int steps,
                         Eigen::MatrixXd* w, Rng& rng, Eigen::VectorXd* gradient_gap) {
  LogisticLangevin chains(data, kept, params, w->cols());
  for (int t = 0; t < steps; ++t) chains.Step(w, rng, gradient_gap);
}

}  // namespace memgen::sim
