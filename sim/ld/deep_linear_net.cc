// Deep linear networks under full-batch GD, see deep_linear_net.h.
#include "sim/ld/deep_linear_net.h"

#include <cmath>
#include <limits>

#include "sim/core/check.h"
#include "sim/ld/teacher_data.h"

namespace memgen::sim {

Eigen::MatrixXd DeepLinearNet::Product() const {
  Eigen::MatrixXd p = layers.front();
  for (std::size_t k = 1; k < layers.size(); ++k) p = layers[k] * p;
  return p;
}

DeepLinearNet AlignedInit(const Eigen::MatrixXd& u, const Eigen::MatrixXd& v, int hidden, int weight_layers,
                          double epsilon) {
  const auto r = u.cols();
  MEMGEN_CHECK(weight_layers >= 2 && r == v.cols() && r <= hidden && epsilon > 0.0) << r << " " << hidden;
  const double a = std::pow(epsilon, 1.0 / weight_layers);
  const Eigen::MatrixXd h = Eigen::MatrixXd::Identity(hidden, r);
  DeepLinearNet net;
  net.layers.push_back(a * h * v.transpose());
  for (int k = 1; k + 1 < weight_layers; ++k) net.layers.push_back(a * Eigen::MatrixXd::Identity(hidden, hidden));
  net.layers.push_back(a * u * h.transpose());
  return net;
}

DeepLinearNet RandomOrthogonalInit(int inputs, int hidden, int outputs, int weight_layers, double epsilon, Rng& rng) {
  MEMGEN_CHECK(weight_layers >= 2 && epsilon > 0.0) << weight_layers;
  const double a = std::pow(epsilon, 1.0 / weight_layers);
  DeepLinearNet net;
  for (int k = 0; k < weight_layers; ++k) {
    const int rows = k + 1 == weight_layers ? outputs : hidden, cols = k == 0 ? inputs : hidden;
    net.layers.push_back(rows >= cols ? a * RandomOrthonormalColumns(rows, cols, rng)
                                      : Eigen::MatrixXd(a * RandomOrthonormalColumns(cols, rows, rng).transpose()));
  }
  return net;
}

void GradientStep(DeepLinearNet* net, const Eigen::MatrixXd& sigma31, double learning_rate) {
  std::vector<Eigen::MatrixXd>& w = net->layers;
  const std::size_t layers = w.size();
  // below[k] = W_k ··· W_1 (below[0] is W_1); the error from the full product.
  std::vector<Eigen::MatrixXd> below(layers);
  below[0] = w[0];
  for (std::size_t k = 1; k < layers; ++k) below[k] = w[k] * below[k - 1];
  const Eigen::MatrixXd error = sigma31 - below[layers - 1];
  // Walk down from the top: above = Eᵀ-side factor (W_L ··· W_{k+1})ᵀ E, updated before W_k changes.
  Eigen::MatrixXd above = error;  // (W_L ··· W_{k+1})ᵀ E for k = L − 1 (0-based: the top layer)
  for (std::size_t k = layers; k-- > 0;) {
    const Eigen::MatrixXd gradient = k == 0 ? above : Eigen::MatrixXd(above * below[k - 1].transpose());
    if (k > 0) above = w[k].transpose() * above;
    w[k] += learning_rate * gradient;
  }
}

double ModeTrajectory::CrossingTime(int mode, double level) const {
  for (Eigen::Index r = 0; r < strength.rows(); ++r) {
    const double s = strength(r, mode);
    if (s < level) continue;
    if (r == 0) return 0.0;
    const double prev = strength(r - 1, mode);
    return step_time * (static_cast<double>(r - 1) + (level - prev) / (s - prev));
  }
  return std::numeric_limits<double>::quiet_NaN();
}

ModeTrajectory TrainModes(DeepLinearNet* net, const Eigen::MatrixXd& sigma31, double learning_rate, std::int64_t steps,
                          std::int64_t record_every, const Eigen::MatrixXd& u, const Eigen::MatrixXd& v) {
  MEMGEN_CHECK(record_every >= 1 && steps >= 0) << record_every << " " << steps;
  ModeTrajectory out;
  out.step_time = learning_rate * static_cast<double>(record_every);
  out.strength.resize(steps / record_every + 1, u.cols());
  for (std::int64_t t = 0;; ++t) {
    if (t % record_every == 0)
      out.strength.row(t / record_every) = (u.transpose() * net->Product() * v).diagonal().transpose();
    if (t == steps) break;
    GradientStep(net, sigma31, learning_rate);
  }
  return out;
}

}  // namespace memgen::sim
