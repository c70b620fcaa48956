// MAT's calibrated logit shift, see mat_shift.h.
#include "sim/spur/mat_shift.h"

#include <cmath>

#include "sim/core/check.h"
#include "sim/spur/logistic_gd.h"

namespace memgen::sim {

MatShift ComputeMatShift(const Eigen::VectorXd& held_out_logits, const Eigen::VectorXd& y, double temperature,
                         bool calibrate) {
  const Eigen::Index n = y.size();
  MEMGEN_CHECK(held_out_logits.size() == n && n > 0 && temperature > 0.0) << "n " << n << ", tau " << temperature;
  Eigen::MatrixXd p(n, 2);
  for (Eigen::Index i = 0; i < n; ++i) {
    p(i, 1) = Sigmoid(held_out_logits(i) / temperature);
    p(i, 0) = Sigmoid(-held_out_logits(i) / temperature);
  }
  Eigen::Matrix2d joint = Eigen::Matrix2d::Zero();
  for (Eigen::Index i = 0; i < n; ++i) {
    const int label = y(i) > 0.0 ? 1 : 0;
    joint(0, label) += p(i, 0);
    joint(1, label) += p(i, 1);
  }
  joint /= static_cast<double>(n);
  MatShift out;
  for (int k = 0; k < 2; ++k) {
    const double row = joint(k, 0) + joint(k, 1);
    MEMGEN_CHECK(row > 0.0) << "no mass on held-out class " << k;
    out.calibration.row(k) = joint.row(k) / row;
  }
  if (!calibrate) out.calibration = Eigen::Matrix2d::Identity();
  out.delta.resize(n);
  for (Eigen::Index i = 0; i < n; ++i) {
    const double s_minus = std::log(p(i, 0) * out.calibration(0, 0) + p(i, 1) * out.calibration(1, 0) + 1e-6);
    const double s_plus = std::log(p(i, 0) * out.calibration(0, 1) + p(i, 1) * out.calibration(1, 1) + 1e-6);
    out.delta(i) = s_plus - s_minus;
  }
  return out;
}

}  // namespace memgen::sim
