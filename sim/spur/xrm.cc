// XRM twins, see xrm.h.
#include "sim/spur/xrm.h"

#include <cmath>

#include "sim/core/check.h"
#include "sim/core/config_error.h"
#include "sim/random/distributions.h"
#include "sim/spur/logistic_gd.h"

namespace memgen::sim {

void XrmOptions::Validate(const std::string& field) const {
  Require(learning_rate > 0.0 && learning_rate <= 100.0, field + ".learning_rate", learning_rate, "must be in (0, 100]");
  Require(epochs >= 1 && epochs <= 10000000, field + ".epochs", epochs, "must be in [1, 1e7]");
}

XrmResult RunXrm(const Eigen::MatrixXd& x, const Eigen::MatrixXd& gram, const Eigen::VectorXd& y,
                 const Eigen::VectorXd initial_weights[2], const XrmOptions& options, Rng& rng,
                 const std::vector<char>* reference_flags) {
  const Eigen::Index n = y.size();
  MEMGEN_CHECK(x.rows() == n && gram.rows() == n) << "n " << n;
  XrmResult out;
  out.assign.resize(static_cast<std::size_t>(n));
  for (char& a : out.assign) a = Uniform01(rng) <= 0.5 ? 1 : 0;
  std::vector<LogisticArm> arms(2);
  for (int k = 0; k < 2; ++k) {
    arms[k].weight = Eigen::VectorXd::Zero(n);
    for (Eigen::Index i = 0; i < n; ++i) arms[k].weight(i) = (out.assign[static_cast<std::size_t>(i)] == 1) == (k == 0);
    arms[k].normaliser = static_cast<double>(n);
    arms[k].learning_rate = options.learning_rate;
    arms[k].initial_logits = x * initial_weights[k];
  }
  DualLogisticGd twins(gram, y, arms);
  Eigen::VectorXd labels = y;
  Eigen::VectorXd held_out(n), held_in(n);
  const auto twin_logits = [&](Eigen::VectorXd* in, Eigen::VectorXd* ho) {
    for (Eigen::Index i = 0; i < n; ++i) {
      const bool first = out.assign[static_cast<std::size_t>(i)] == 1;
      (*in)(i) = twins.logits()(i, first ? 0 : 1);
      (*ho)(i) = twins.logits()(i, first ? 1 : 0);
    }
  };
  for (std::int64_t epoch = 0; epoch < options.epochs; ++epoch) {
    twin_logits(&held_in, &held_out);  // before the step, as the reference
    if (options.class_balanced) {
      double count[2] = {0.0, 0.0};
      for (Eigen::Index i = 0; i < n; ++i) count[labels(i) > 0.0] += 1.0;
      for (int k = 0; k < 2; ++k) {
        Eigen::VectorXd w = arms[k].weight;
        for (Eigen::Index i = 0; i < n; ++i) w(i) /= count[labels(i) > 0.0];
        twins.SetWeights(k, w, 1.0);
      }
    }
    twins.Step();
    for (Eigen::Index i = 0; i < n; ++i) {
      const double p_plus = Sigmoid(held_out(i));
      const double confidence = std::max(p_plus, 1.0 - p_plus);
      const double u = Uniform01(rng);  // drawn either way: the stream does not depend on `flip`
      if (options.flip && u < 2.0 * confidence - 1.0) labels(i) = p_plus > 0.5 ? 1.0 : -1.0;
    }
    twins.SetLabels(labels);
    if (reference_flags && out.first_exact_epoch < 0) {
      bool same = true;
      for (Eigen::Index i = 0; i < n && same; ++i) same = (labels(i) != y(i)) == ((*reference_flags)[static_cast<std::size_t>(i)] != 0);
      if (same) out.first_exact_epoch = epoch + 1;
    }
  }
  twin_logits(&held_in, &held_out);
  out.held_out_logits = held_out;
  out.held_in_logits = held_in;
  out.dynamic_labels = labels;
  out.flipped.resize(static_cast<std::size_t>(n));
  std::int64_t flips = 0;
  for (Eigen::Index i = 0; i < n; ++i) {
    out.flipped[static_cast<std::size_t>(i)] = labels(i) != y(i);
    flips += labels(i) != y(i);
  }
  out.flip_rate = static_cast<double>(flips) / static_cast<double>(n);
  for (int k = 0; k < 2; ++k) out.weights[k] = initial_weights[k] + x.transpose() * twins.coefficients().col(k);
  return out;
}

std::vector<char> CrossMistakes(const Eigen::MatrixXd& x, const Eigen::VectorXd& y, const Eigen::VectorXd weights[2]) {
  const Eigen::VectorXd f0 = x * weights[0], f1 = x * weights[1];
  std::vector<char> m(static_cast<std::size_t>(y.size()));
  for (Eigen::Index i = 0; i < y.size(); ++i) m[static_cast<std::size_t>(i)] = (f0(i) > 0.0) != (y(i) > 0.0) || (f1(i) > 0.0) != (y(i) > 0.0);
  return m;
}

}  // namespace memgen::sim
