// Dual-form logistic GD, see logistic_gd.h.
#include "sim/spur/logistic_gd.h"

#include <cmath>

#include "sim/core/check.h"
#include "sim/linalg/columns_product.h"

namespace memgen::sim {

double Sigmoid(double t) {
  if (t >= 0.0) return 1.0 / (1.0 + std::exp(-t));
  const double e = std::exp(t);
  return e / (1.0 + e);
}

DualLogisticGd::DualLogisticGd(const Eigen::MatrixXd& gram, const Eigen::VectorXd& labels,
                               const std::vector<LogisticArm>& arms)
    : gram_(gram), labels_(labels), arms_(arms) {
  const Eigen::Index n = gram.rows();
  MEMGEN_CHECK(gram.cols() == n && labels.size() == n && !arms.empty()) << "n " << n << ", arms " << arms.size();
  coefficients_ = Eigen::MatrixXd::Zero(n, static_cast<Eigen::Index>(arms.size()));
  logits_ = Eigen::MatrixXd::Zero(n, static_cast<Eigen::Index>(arms.size()));
  increment_ = Eigen::MatrixXd::Zero(n, static_cast<Eigen::Index>(arms.size()));
  product_ = Eigen::MatrixXd::Zero(n, static_cast<Eigen::Index>(arms.size()));
  symmetric_ = (gram.array() == gram.transpose().array()).all();
  for (std::size_t m = 0; m < arms_.size(); ++m) {
    LogisticArm& a = arms_[m];
    const auto col = static_cast<Eigen::Index>(m);
    if (a.weight.size() == 0) a.weight = Eigen::VectorXd::Ones(n);
    if (a.shift.size() == 0) a.shift = Eigen::VectorXd::Zero(n);
    MEMGEN_CHECK(a.weight.size() == n && a.shift.size() == n) << "arm " << m;
    if (a.normaliser <= 0.0) a.normaliser = a.weight.sum();
    MEMGEN_CHECK(a.normaliser > 0.0 && a.learning_rate > 0.0) << "arm " << m;
    if (a.initial_logits.size() == n) logits_.col(col) = a.initial_logits;
    else MEMGEN_CHECK(a.initial_logits.size() == 0) << "arm " << m << " initial logits";
  }
}

void DualLogisticGd::SetLabels(const Eigen::VectorXd& labels) {
  MEMGEN_CHECK(labels.size() == labels_.size()) << labels.size();
  labels_ = labels;
}

void DualLogisticGd::SetWeights(int arm, const Eigen::VectorXd& weight, double normaliser) {
  LogisticArm& a = arms_[static_cast<std::size_t>(arm)];
  MEMGEN_CHECK(weight.size() == labels_.size() && normaliser > 0.0) << "arm " << arm;
  a.weight = weight;
  a.normaliser = normaliser;
}

void DualLogisticGd::Step() {
  const Eigen::Index n = labels_.size();
  for (std::size_t m = 0; m < arms_.size(); ++m) {
    const LogisticArm& a = arms_[m];
    const auto col = static_cast<Eigen::Index>(m);
    const double scale = a.learning_rate / a.normaliser;
    for (Eigen::Index i = 0; i < n; ++i) {
      const double y = labels_(i);
      increment_(i, col) = scale * a.weight(i) * y * Sigmoid(-y * (logits_(i, col) + a.shift(i)));
    }
  }
  coefficients_ += increment_;
  // K·ΔC in one pass over K's lower triangle (columns_product.h) when K is exactly symmetric, as a Gram
  // matrix from GramMatrix is; otherwise one GEMV per arm (Eigen's GEMM path re-packs all of K on every
  // call, about 4× slower at n = 1000 for 2 columns).
  if (symmetric_) {
    SymmetricTimes(gram_, increment_, product_);
    logits_ += product_;
  } else {
    for (Eigen::Index m = 0; m < increment_.cols(); ++m) logits_.col(m).noalias() += gram_ * increment_.col(m);
  }
  ++steps_;
}

void DualLogisticGd::Run(std::int64_t steps) {
  for (std::int64_t t = 0; t < steps; ++t) Step();
}

}  // namespace memgen::sim
