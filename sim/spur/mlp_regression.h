// The good/bad/ugly memorization regression of Bayat et al. (paper Fig. 3; spurious_memorization.md
// §8, `good_bad_ugly_memorization.py`): a tanh MLP 31 → 300 → 300 → 1 (with biases) fitted by
// full-batch Adam (lr 1e-3, β = (0.9, 0.999), ε = 1e-8) to MSE on n = 20 noisy samples of
//   f(x*) = tanh(x*) + 0.5 tanh(−5x*)
// at inputs [x*, ε] with ε = σ_ε N(0, I_30) on the training points only; training stops when the MSE
// falls below `target_mse` or after `max_steps`. The prediction curve g([x*, 0]) is evaluated on the
// sweep of N points in [−1.5, 1.5], and its error against f is reported on |x*| ≤ 1.2.
// Initialisation as PyTorch's nn.Linear default: weights and biases U(±1/√fan_in).
// All randomness (labels' noise, ε, initial weights) comes from one memgen Rng per run.
//
// Differences from the reference script (all deliberate):
// - float64 throughout (PyTorch's default there is float32);
// - at most `max_steps` steps (the script's `epoch > 1e5` test allows 1e5 + 1);
// - the curve is g([x*, 0]) at all N sweep points; the script evaluates the net on its sweep matrix,
//   which still carries the training ε in the 20 training rows.
#pragma once

#include <Eigen/Core>

#include <cstdint>
#include <string>
#include <vector>

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
  double target_mse = 1e-6;           ///< stop after the step whose loss is < target_mse (0: never)
  std::int64_t max_steps = 100000;
  void Validate(const std::string& field) const;  ///< throws ConfigError
};

struct MlpRegressionResult {
  std::int64_t steps = 0;        ///< Adam steps taken
  double final_mse = 0.0;        ///< training MSE of the returned (final) parameters
  bool reached_target = false;   ///< training stopped because a step's loss was < target_mse
  double sup_error = 0.0;        ///< max |g([x*, 0]) − f(x*)| over sweep points with |x*| ≤ 1.2
  double l2_error = 0.0;         ///< root-mean-square of the same
  Eigen::VectorXd sweep_x;       ///< x* (N)
  Eigen::VectorXd sweep_prediction;  ///< g([x*, 0]) (N)
  Eigen::VectorXd train_x, train_y;  ///< the n training inputs x* and noisy labels
  // Added fields:
  std::vector<std::int64_t> train_indices;  ///< sweep indices of the training points (n)
  Eigen::MatrixXd train_inputs;             ///< n × (1 + noise_dims), rows [x*, ε]
  Eigen::VectorXd train_prediction;         ///< g([x*, ε]) at the training inputs, final parameters
  /// Training loss (before that step's update) at steps 1, 1 + s, 1 + 2s, ... with s =
  /// mse_history_stride = max(1, ⌈max_steps / 1e5⌉); i.e. every step at the default options.
  std::vector<double> mse_history;
  std::int64_t mse_history_stride = 1;
};

MlpRegressionResult RunMlpRegression(const MlpRegressionOptions& options, Rng& rng);

// Building block of RunMlpRegression, exposed for the tests (gradient check): a tanh MLP
// input_dim → hidden → hidden → 1 with biases,
//   H1 = tanh(X W1ᵀ + 1 b1ᵀ),  H2 = tanh(H1 W2ᵀ + 1 b2ᵀ),  g = H2 w3 + b3,
// for inputs X with one point per row. The parameters are one flat vector, in this order:
//   W1 (hidden × input_dim, column-major), b1 (hidden), W2 (hidden × hidden, column-major),
//   b2 (hidden), w3 (hidden), b3 (1).
// tanh is evaluated as 1 − 2/(e^{2z} + 1), vectorised (absolute error a few 1e-16). LossAndGradient
// keeps its activations in member buffers: after the first call with a given batch size it allocates
// nothing itself (Eigen's matrix products still allocate their packing workspace).
class TanhMlp {
 public:
  TanhMlp(std::int64_t input_dim, std::int64_t hidden);

  std::int64_t input_dim() const { return input_dim_; }
  std::int64_t hidden() const { return hidden_; }
  std::int64_t parameter_count() const { return parameters_.size(); }
  const Eigen::VectorXd& parameters() const { return parameters_; }
  Eigen::VectorXd& mutable_parameters() { return parameters_; }

  /// PyTorch nn.Linear default, layer by layer: the weight matrix row by row (one output unit after
  /// another, its inputs in order), then the bias; every entry U(±1/√fan_in) as bound·(2u − 1),
  /// u = Uniform01(rng). hidden·(input_dim + hidden + 3) + 1 uniforms in all.
  void InitialiseLikePyTorch(Rng& rng);

  /// MSE = mean((g(X) − y)²) over the rows of `x`, and its gradient with respect to parameters()
  /// written to `gradient` (resized to parameter_count() if needed).
  double LossAndGradient(const Eigen::MatrixXd& x, const Eigen::VectorXd& y, Eigen::VectorXd& gradient);

  /// g(X), one output per row of `x`.
  Eigen::VectorXd Predict(const Eigen::MatrixXd& x) const;

 private:
  std::int64_t input_dim_, hidden_;
  Eigen::VectorXd parameters_;
  Eigen::MatrixXd h1_, h2_, delta2_, delta1_;  // hidden × batch: activations and back-propagated errors
  Eigen::VectorXd residual_;                   // batch
};

}  // namespace memgen::sim
