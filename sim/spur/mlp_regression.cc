// Good/bad/ugly memorization regression, see mlp_regression.h.
//
// Random draws, in this fixed order from the one Rng of a run:
//   1. n label-noise normals (point after point): y_i = f(x*_i) + label_noise·z_i;
//   2. n·noise_dims input-noise normals (point after point, the coordinates of one point together):
//      ε_i = input_noise·e_i. They are drawn even when input_noise = 0, so for one seed the labels
//      and the initial weights are the same at every σ_ε (seed-paired comparisons of E7);
//   3. the initial weights, TanhMlp::InitialiseLikePyTorch: W1 row by row, b1, W2 row by row, b2,
//      w3, b3, each entry U(±1/√fan_in).
// Training is deterministic given these draws (no other randomness, no threads inside a run).
//
// Internally the activations are stored transposed, one column per point (hidden × batch), so that
// every product is a plain GEMM on contiguous column-major data.
#include "sim/spur/mlp_regression.h"

#include <algorithm>
#include <cmath>

#include "sim/core/check.h"
#include "sim/core/config_error.h"
#include "sim/random/distributions.h"

namespace memgen::sim {
namespace {

using Eigen::Index;

constexpr double kAdamBeta1 = 0.9;
constexpr double kAdamBeta2 = 0.999;
constexpr double kAdamEpsilon = 1e-8;
constexpr double kErrorHalfWidth = 1.2;      // errors are measured on |x*| ≤ 1.2 (the paper's plot range)
constexpr double kSweepHalfWidth = 1.5;      // the sweep covers [−1.5, 1.5]
constexpr std::int64_t kMaxHistory = 100000;  // at most about this many recorded losses
constexpr std::int64_t kSweepChunk = 1000;    // sweep points per forward pass at the end

double Target(double x) { return std::tanh(x) + 0.5 * std::tanh(-5.0 * x); }

// In-place tanh of the activations as 1 − 2/(e^{2z} + 1): Eigen vectorises exp for double but not
// tanh (its scalar std::tanh took ~20% of a step). The absolute error is a few 1e-16 for every z
// (e^{2z} = ∞ gives 1, e^{2z} = 0 gives −1), at the level of the rounding in the products around it.
void TanhInPlace(Eigen::MatrixXd& z) { z.array() = 1.0 - 2.0 / ((2.0 * z.array()).exp() + 1.0); }

// torch.linspace(−a, a, N) evaluated in double: start + i·step for i < N/2, end − (N−1−i)·step
// otherwise, so the sweep is exactly symmetric and hits both ends.
Eigen::VectorXd SweepGrid(std::int64_t count) {
  Eigen::VectorXd x(count);
  const double step = 2.0 * kSweepHalfWidth / static_cast<double>(count - 1);
  const std::int64_t halfway = count / 2;
  for (std::int64_t i = 0; i < count; ++i)
    x[i] = i < halfway ? -kSweepHalfWidth + step * static_cast<double>(i)
                       : kSweepHalfWidth - step * static_cast<double>(count - 1 - i);
  return x;
}

// np.linspace(0, N − 1, n).astype(int): i·((N − 1)/(n − 1)) truncated, the last one exactly N − 1.
std::vector<std::int64_t> TrainIndices(std::int64_t sweep_points, std::int64_t train_points) {
  std::vector<std::int64_t> indices(static_cast<std::size_t>(train_points), 0);
  if (train_points == 1) return indices;
  const double step = static_cast<double>(sweep_points - 1) / static_cast<double>(train_points - 1);
  for (std::int64_t i = 0; i < train_points; ++i)
    indices[static_cast<std::size_t>(i)] = static_cast<std::int64_t>(static_cast<double>(i) * step);
  indices.back() = sweep_points - 1;
  return indices;
}

// Adam as torch.optim.Adam (single-tensor path, amsgrad off, weight_decay 0): at step t,
//   m ← β1 m + (1 − β1) g,  v ← β2 v + (1 − β2) g²,
//   p ← p − (lr / (1 − β1ᵗ)) · m / (√v / √(1 − β2ᵗ) + ε).
class Adam {
 public:
  Adam(Index size, double learning_rate)
      : learning_rate_(learning_rate), m_(Eigen::ArrayXd::Zero(size)), v_(Eigen::ArrayXd::Zero(size)) {}

  void Step(Eigen::VectorXd& parameters, const Eigen::VectorXd& gradient) {
    ++t_;
    const double t = static_cast<double>(t_);
    const double step_size = learning_rate_ / (1.0 - std::pow(kAdamBeta1, t));
    // √v / √(1 − β2ᵗ) as a product with the reciprocal: one division per entry instead of two (and
    // Eigen's vectorised √ is a Newton-refined reciprocal square root): equal to PyTorch's update up
    // to rounding.
    const double inverse_bias_correction2_sqrt = 1.0 / std::sqrt(1.0 - std::pow(kAdamBeta2, t));
    // In chunks that stay in L1, so the three updates make one pass over memory.
    const Index size = m_.size();
    for (Index start = 0; start < size; start += kChunk) {
      const Index len = std::min(kChunk, size - start);
      auto m = m_.segment(start, len);
      auto v = v_.segment(start, len);
      const auto g = gradient.array().segment(start, len);
      m = kAdamBeta1 * m + (1.0 - kAdamBeta1) * g;
      v = kAdamBeta2 * v + (1.0 - kAdamBeta2) * g.square();
      parameters.array().segment(start, len) -=
          step_size * (m / (v.sqrt() * inverse_bias_correction2_sqrt + kAdamEpsilon));
    }
  }

 private:
  static constexpr Index kChunk = 512;
  double learning_rate_;
  std::int64_t t_ = 0;
  Eigen::ArrayXd m_, v_;
};

}  // namespace

void MlpRegressionOptions::Validate(const std::string& field) const {
  const std::string at = FieldPrefix(field);
  Require(sweep_points >= 3 && sweep_points <= 10000000, at + "sweep_points", sweep_points,
          "must be in [3, 1e7]");
  Require(train_points >= 1 && train_points <= sweep_points, at + "train_points", train_points,
          "must be in [1, sweep_points]");
  Require(noise_dims >= 0 && noise_dims <= 100000, at + "noise_dims", noise_dims, "must be in [0, 1e5]");
  Require(label_noise >= 0.0 && label_noise <= 1e6, at + "label_noise", label_noise, "must be in [0, 1e6]");
  Require(input_noise >= 0.0 && input_noise <= 1e6, at + "input_noise", input_noise, "must be in [0, 1e6]");
  Require(hidden >= 1 && hidden <= 10000, at + "hidden", hidden, "must be in [1, 1e4]");
  Require(learning_rate > 0.0 && learning_rate <= 10.0, at + "learning_rate", learning_rate,
          "must be in (0, 10]");
  Require(target_mse >= 0.0 && target_mse <= 1e6, at + "target_mse", target_mse,
          "must be in [0, 1e6] (0: never stop early)");
  Require(max_steps >= 0 && max_steps <= 1000000000, at + "max_steps", max_steps, "must be in [0, 1e9]");
}

TanhMlp::TanhMlp(std::int64_t input_dim, std::int64_t hidden)
    : input_dim_(input_dim),
      hidden_(hidden),
      parameters_(Eigen::VectorXd::Zero(hidden * (input_dim + hidden + 3) + 1)) {
  MEMGEN_CHECK(input_dim >= 1 && hidden >= 1) << "input_dim = " << input_dim << ", hidden = " << hidden;
}

void TanhMlp::InitialiseLikePyTorch(Rng& rng) {
  const Index d = input_dim_, h = hidden_;
  double* p = parameters_.data();
  // One nn.Linear(fan_in → fan_out): weight (column-major fan_out × fan_in at `weight`, drawn row by
  // row) and bias (fan_out at `bias`).
  const auto linear = [&rng](double* weight, double* bias, Index fan_in, Index fan_out) {
    const double bound = 1.0 / std::sqrt(static_cast<double>(fan_in));
    const auto draw = [&rng, bound] { return bound * (2.0 * Uniform01(rng) - 1.0); };
    for (Index r = 0; r < fan_out; ++r)
      for (Index c = 0; c < fan_in; ++c) weight[c * fan_out + r] = draw();
    for (Index r = 0; r < fan_out; ++r) bias[r] = draw();
  };
  linear(p, p + h * d, d, h);                                // W1, b1
  linear(p + h * (d + 1), p + h * (d + h + 1), h, h);        // W2, b2
  linear(p + h * (d + h + 2), p + h * (d + h + 3), h, 1);    // w3 (as a 1 × hidden row), b3
}

double TanhMlp::LossAndGradient(const Eigen::MatrixXd& x, const Eigen::VectorXd& y, Eigen::VectorXd& gradient) {
  const Index d = input_dim_, h = hidden_, n = x.rows();
  MEMGEN_CHECK(x.cols() == d && y.size() == n && n >= 1) << "x " << x.rows() << "×" << x.cols() << ", y " << y.size();
  gradient.resize(parameters_.size());
  const double* p = parameters_.data();
  const Eigen::Map<const Eigen::MatrixXd> w1(p, h, d), w2(p + h * (d + 1), h, h);
  const Eigen::Map<const Eigen::VectorXd> b1(p + h * d, h), b2(p + h * (d + h + 1), h), w3(p + h * (d + h + 2), h);
  const double b3 = p[h * (d + h + 3)];
  double* g = gradient.data();
  Eigen::Map<Eigen::MatrixXd> gw1(g, h, d), gw2(g + h * (d + 1), h, h);
  Eigen::Map<Eigen::VectorXd> gb1(g + h * d, h), gb2(g + h * (d + h + 1), h), gw3(g + h * (d + h + 2), h);

  // Forward, transposed: h1_ = H1ᵀ, h2_ = H2ᵀ (hidden × n).
  h1_.resize(h, n);
  h2_.resize(h, n);
  delta1_.resize(h, n);
  delta2_.resize(h, n);
  residual_.resize(n);
  h1_.noalias() = w1 * x.transpose();
  h1_.colwise() += b1;
  TanhInPlace(h1_);
  h2_.noalias() = w2 * h1_;
  h2_.colwise() += b2;
  TanhInPlace(h2_);
  residual_.noalias() = h2_.transpose() * w3;
  residual_.array() += b3 - y.array();
  const double loss = residual_.squaredNorm() / static_cast<double>(n);

  // Backward: ∂MSE/∂g_i = 2 r_i / n, then the chain rule through each layer (tanh' = 1 − tanh²).
  residual_ *= 2.0 / static_cast<double>(n);
  gw3.noalias() = h2_ * residual_;
  g[h * (d + h + 3)] = residual_.sum();
  delta2_.noalias() = w3 * residual_.transpose();
  delta2_.array() *= 1.0 - h2_.array().square();
  gw2.noalias() = delta2_ * h1_.transpose();
  gb2.noalias() = delta2_.rowwise().sum();
  delta1_.noalias() = w2.transpose() * delta2_;
  delta1_.array() *= 1.0 - h1_.array().square();
  gw1.noalias() = delta1_ * x;
  gb1.noalias() = delta1_.rowwise().sum();
  return loss;
}

Eigen::VectorXd TanhMlp::Predict(const Eigen::MatrixXd& x) const {
  const Index d = input_dim_, h = hidden_;
  MEMGEN_CHECK(x.cols() == d) << "x has " << x.cols() << " columns, input_dim = " << d;
  const double* p = parameters_.data();
  const Eigen::Map<const Eigen::MatrixXd> w1(p, h, d), w2(p + h * (d + 1), h, h);
  const Eigen::Map<const Eigen::VectorXd> b1(p + h * d, h), b2(p + h * (d + h + 1), h), w3(p + h * (d + h + 2), h);
  Eigen::MatrixXd a1 = w1 * x.transpose();
  a1.colwise() += b1;
  TanhInPlace(a1);
  Eigen::MatrixXd a2 = w2 * a1;
  a2.colwise() += b2;
  TanhInPlace(a2);
  Eigen::VectorXd out = a2.transpose() * w3;
  out.array() += p[h * (d + h + 3)];
  return out;
}

MlpRegressionResult RunMlpRegression(const MlpRegressionOptions& options, Rng& rng) {
  options.Validate("mlp_regression");
  const std::int64_t big_n = options.sweep_points, n = options.train_points, noise_dims = options.noise_dims;
  MlpRegressionResult result;
  result.sweep_x = SweepGrid(big_n);
  result.train_indices = TrainIndices(big_n, n);

  // The training set (draws 1 and 2).
  result.train_x.resize(n);
  for (std::int64_t i = 0; i < n; ++i)
    result.train_x[i] = result.sweep_x[result.train_indices[static_cast<std::size_t>(i)]];
  Eigen::VectorXd z(n);
  FillNormal(rng, z.data(), static_cast<std::size_t>(n));
  result.train_y = result.train_x.unaryExpr(&Target) + options.label_noise * z;
  Eigen::MatrixXd eps(noise_dims, n);  // column i = e_i, so the draws of one point are contiguous
  FillNormal(rng, eps.data(), static_cast<std::size_t>(noise_dims * n));
  result.train_inputs.resize(n, 1 + noise_dims);
  result.train_inputs.col(0) = result.train_x;
  result.train_inputs.rightCols(noise_dims) = options.input_noise * eps.transpose();

  // The network (draw 3) and full-batch Adam.
  TanhMlp net(1 + noise_dims, options.hidden);
  net.InitialiseLikePyTorch(rng);
  Adam adam(net.parameter_count(), options.learning_rate);
  Eigen::VectorXd gradient(net.parameter_count());
  result.mse_history_stride = std::max<std::int64_t>(1, (options.max_steps + kMaxHistory - 1) / kMaxHistory);
  result.mse_history.reserve(static_cast<std::size_t>(options.max_steps / result.mse_history_stride + 1));
  while (result.steps < options.max_steps) {
    const double loss = net.LossAndGradient(result.train_inputs, result.train_y, gradient);
    MEMGEN_CHECK(std::isfinite(loss)) << "training loss " << loss << " at step " << result.steps + 1;
    if (result.steps % result.mse_history_stride == 0) result.mse_history.push_back(loss);
    adam.Step(net.mutable_parameters(), gradient);
    ++result.steps;
    if (loss < options.target_mse) {  // as the script: the step that saw the loss below target is taken
      result.reached_target = true;
      break;
    }
  }
  result.train_prediction = net.Predict(result.train_inputs);
  result.final_mse = (result.train_prediction - result.train_y).squaredNorm() / static_cast<double>(n);

  // The curve g([x*, 0]) and its error against f on |x*| ≤ 1.2.
  result.sweep_prediction.resize(big_n);
  for (std::int64_t start = 0; start < big_n; start += kSweepChunk) {  // in chunks: bounded memory
    const std::int64_t len = std::min(kSweepChunk, big_n - start);
    Eigen::MatrixXd inputs = Eigen::MatrixXd::Zero(len, 1 + noise_dims);
    inputs.col(0) = result.sweep_x.segment(start, len);
    result.sweep_prediction.segment(start, len) = net.Predict(inputs);
  }
  double sup = 0.0, sum_squares = 0.0;
  std::int64_t count = 0;
  for (std::int64_t i = 0; i < big_n; ++i) {
    if (std::abs(result.sweep_x[i]) > kErrorHalfWidth) continue;
    const double error = std::abs(result.sweep_prediction[i] - Target(result.sweep_x[i]));
    sup = std::max(sup, error);
    sum_squares += error * error;
    ++count;
  }
  MEMGEN_CHECK(count > 0) << "no sweep point with |x*| <= 1.2";
  result.sup_error = sup;
  result.l2_error = std::sqrt(sum_squares / static_cast<double>(count));
  return result;
}

}  // namespace memgen::sim
