// The good/bad/ugly memorization regression of Bayat et al. (paper Fig. 3; spurious_memorization.md
// §8, `good_bad_ugly_memorization.py`): a tanh MLP 31 → 300 → 300 → 1 (with biases) fitted by
// full-batch Adam (lr 1e-3, β = (0.9, 0.999), ε = 1e-8) to MSE on n = 20 noisy samples of
//   f(x*) = tanh(x*) + 0.5 tanh(−5x*)
// at inputs [x*, ε] with ε = σ_ε N(0, I_30) on the training points only; training stops when the MSE
// falls below `target_mse` or after `max_steps`. The prediction curve g([x*, 0]) is evaluated on the
// sweep of N points in [−1.5, 1.5], and its error against f is reported on |x*| ≤ 1.2.
// Initialisation as PyTorch's nn.Linear default: weights and biases U(±1/√fan_in).
// All randomness (labels' noise, ε, initial weights) comes from one memgen Rng per run.
#pragma once

#include <Eigen/Core>

#include <cstdint>
#include <string>

#include "sim/random/rng.h"

namespace memgen::sim {

struct MlpRegressionOptions {
  std::int64_t sweep_points = 1000;   ///< N
  std::int64_t train_points = 20;     ///< n, at indices linspace(0, N − 1, n) truncated to int
  std::int64_t noise_dims = 30;       ///< dimension of ε
  double label_noise = 0.08;          ///< std of the label noise
  double input_noise = 1e-4;          ///< σ_ε (0: "ugly", 1e-4: "good", 1e-3: "bad")
  std::int64_t hidden = 300;          ///< width of both hidden layers
  double learning_rate = 1e-3;
  double target_mse = 1e-6;
  std::int64_t max_steps = 100000;
  void Validate(const std::string& field) const;  ///< throws ConfigError
};

struct MlpRegressionResult {
  std::int64_t steps = 0;        ///< Adam steps taken
  double final_mse = 0.0;        ///< training MSE at the end
  bool reached_target = false;
  double sup_error = 0.0;        ///< max |g([x*, 0]) − f(x*)| over sweep points with |x*| ≤ 1.2
  double l2_error = 0.0;         ///< root-mean-square of the same
  Eigen::VectorXd sweep_x;       ///< x* (N)
  Eigen::VectorXd sweep_prediction;  ///< g([x*, 0]) (N)
  Eigen::VectorXd train_x, train_y;  ///< the n training inputs x* and noisy labels
};

MlpRegressionResult RunMlpRegression(const MlpRegressionOptions& options, Rng& rng);

}  // namespace memgen::sim
